import ArgumentParser
import Foundation
import Reports
import Site

/// Times extraction alone, on one thread, per layout: the inner loop of speed work on the readers.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract every report of a folder on one thread and print its CPU time per report, by framework.")

    @Option(help: "Folder of report texts (.txt).") var content: String
    @Option(help: "Times each report is extracted.") var repeats = 1
    @Option(help: "Write every extraction (inspection and diagnostics) to this file as JSON lines, to compare runs.") var dump: String?

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        // Decoded as a build decodes them (`ReportDecoder`), which is timed on its own; a file the decoder
        // refuses is read as lossy UTF-8 so that it is still extracted.
        let files = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let decoder = ReportDecoder()
        let decodeStart = Self.threadCPUNanoseconds()
        let decoded = zip(names, files).map { name, data in decoder.decode(data, file: name).utf8 }
        let decodeSeconds = Double(Self.threadCPUNanoseconds() - decodeStart) / 1e9
        let sources = zip(names, zip(decoded, files)).map { name, pair in
            ReportSource(path: name, utf8: pair.0 ?? Array(pair.1))
        }
        let extractor = ReportExtractor()
        var byFramework: [String: (count: Int, seconds: Double, bytes: Int)] = [:]
        var judgements = 0
        var lines: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for source in sources {
            let start = Self.threadCPUNanoseconds()
            var framework = ""
            for _ in 0..<repeats {
                let extraction = extractor.extract(source)
                framework = extraction.inspection?.framework.rawValue ?? "none"
                judgements += extraction.inspection?.judgements.count ?? 0
            }
            let seconds = Double(Self.threadCPUNanoseconds() - start) / 1e9 / Double(repeats)
            if dump != nil {
                let extraction = extractor.extract(source)
                lines.append(String(decoding: try encoder.encode(extraction.inspection), as: UTF8.self))
                lines += extraction.diagnostics.map { "\($0)" }
            }
            var entry = byFramework[framework, default: (0, 0, 0)]
            entry.count += 1
            entry.seconds += seconds
            entry.bytes += source.utf8.count
            byFramework[framework] = entry
        }
        var total = 0.0
        for (framework, entry) in byFramework.sorted(by: { $0.key < $1.key }) {
            total += entry.seconds
            print(String(format: "%-8@ %5d reports  %8.2f ms/report  %7.2f MB/s", framework as NSString, entry.count,
                         entry.seconds * 1000 / Double(entry.count), Double(entry.bytes) / entry.seconds / 1e6))
        }
        if let dump { try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dump)) }
        print(String(format: "decoding (ReportDecoder)          %5d reports  %8.3f ms/report", sources.count, decodeSeconds * 1000 / Double(max(sources.count, 1))))
        print(String(format: "all (CPU time of this thread)     %5d reports  %8.2f ms/report  (%d judgements)", sources.count, total * 1000 / Double(sources.count), judgements / repeats))
    }

    /// CPU time of the calling thread: steadier than wall time when other work shares the machine.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
