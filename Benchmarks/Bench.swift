import ArgumentParser
import Corpus
import Foundation
import Publish

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen-bench",
        abstract: "Synthetic corpora and build benchmarks for sitegen (release builds only).",
        subcommands: [CorpusCommand.self, Run.self, ExtractCommand.self, RenderCommand.self])
}

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Write a synthetic corpus of report texts.")

    @Option(help: "Number of reports.") var count = 1000
    @Option(help: "Seed; the same seed gives the same corpus.") var seed: UInt64 = 1
    @Option(help: "Folder to write the reports into.") var out: String

    func run() throws {
        try CorpusGenerator(count: count, seed: seed).write(to: URL(fileURLWithPath: out))
        print("Wrote \(count) reports to \(out).")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build synthetic corpora with sitegen and with Hugo and print times, memory and sizes.",
        discussion: """
            For each count: a cold sitegen build (empty cache), a cold Hugo build of the same reports, a rebuild with \
            nothing changed and a rebuild after one report changed. Other work on the machine makes times noisy: \
            compare the ratios printed within one run, and use --repeat to take the fastest of several runs of each \
            build (cold builds, sitegen and Hugo in turn, and each kind of rebuild).
            """)

    @Option(help: "Comma-separated report counts.") var counts = "1000,10000"
    @Option(help: "Corpus seed.") var seed: UInt64 = 1
    @Option(help: "Scratch folder (emptied per count).") var work = "/tmp/sitegen-bench"
    @Option(help: "The sitegen executable; by default the one beside this benchmark.") var sitegen: String?
    @Option(help: "The templates folder sitegen builds with.") var templates = "Templates"
    @Option(help: "The Hugo executable.") var hugo = "/usr/bin/hugo"
    @Flag(help: "Skip the Hugo builds.") var noHugo = false
    @Option(help: "Cold builds per tool and count, sitegen and Hugo in turn; the fastest of each is reported.")
    var `repeat` = 1

    func run() throws {
        let sitegen = try sitegen ?? URL(fileURLWithPath: FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .deletingLastPathComponent().appendingPathComponent("sitegen").path
        let templates = URL(fileURLWithPath: templates).standardizedFileURL.path
        var fullTimes: [Int: (wall: Double, cpu: Double)] = [:]
        // Folders a build would otherwise delete just before another is timed go here, and are deleted
        // only after the last build of the run (with any an earlier run left). On ext4, a new file does
        // not take the inode of one deleted in the last minute or more (longer while its block is not yet
        // written back) and skipping each such inode costs a read of its block: a build that follows the
        // deletion of a whole site spends several seconds more in the kernel than one that does not (at
        // 10,000 reports, 9–13 s of system time rather than under 5), and whichever tool ran first after a
        // deletion paid for it.
        let trash = URL(fileURLWithPath: work).appendingPathComponent("trash")
        try FileManager.default.createDirectory(at: trash, withIntermediateDirectories: true)
        var trashed = 0
        func discard(_ folder: URL) {
            guard FileManager.default.fileExists(atPath: folder.path) else { return }
            trashed += 1
            try? FileManager.default.moveItem(at: folder, to: trash.appendingPathComponent("\(ProcessInfo.processInfo.processIdentifier)-\(trashed)"))
        }
        defer { try? FileManager.default.removeItem(at: trash) }
        for count in counts.split(separator: ",").compactMap({ Int($0) }) {
            let folder = URL(fileURLWithPath: work).appendingPathComponent(String(count))
            discard(folder)
            let content = folder.appendingPathComponent("content")
            let hugoSite = folder.appendingPathComponent("hugo")
            let hugoPages = hugoSite.appendingPathComponent("content/reports")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: hugoPages, withIntermediateDirectories: true)
            try HugoSite.writeSkeleton(in: hugoSite)
            let generator = CorpusGenerator(count: count, seed: seed)
            var bytes = 0
            var changed: (path: URL, text: String)?
            for index in 0..<count {
                let report = generator.report(index)
                bytes += report.text.utf8.count
                let path = content.appendingPathComponent(report.fileName)
                try Data(report.text.utf8).write(to: path)
                try Data(HugoSite.page(report).utf8).write(to: hugoPages.appendingPathComponent(report.fileName.replacingOccurrences(of: ".txt", with: ".md")))
                if index == count / 2 { changed = (path, report.text) }
            }
            say("\n== \(count) reports, \(mib(bytes)) MiB of text (seed \(seed))")
            // sitegen trusts a cached file's size and times only when they are older than its build's
            // start by a margin; wait it out so the incremental figures measure the normal case.
            Thread.sleep(forTimeInterval: 2.5)
            let output = folder.appendingPathComponent("public")
            let arguments = ["build", "--content", content.path, "--templates", templates, "--output", output.path,
                             "--cache-dir", folder.appendingPathComponent("cache").path]
            let log = folder.appendingPathComponent("sitegen.log")
            let hugoOutput = folder.appendingPathComponent("hugo-public")
            // Cold builds, sitegen and Hugo in turn, so that a machine slowing down or speeding up during
            // the run weighs on both; each repeat starts from no output and no cache.
            var colds: [ChildRun] = []
            var hugos: [ChildRun] = []
            for attempt in 0..<max(1, self.repeat) {
                if attempt > 0 {
                    for stale in [output, SiteWriter(output: output).previousOutput, folder.appendingPathComponent("cache"), hugoOutput] { discard(stale) }
                }
                colds.append(try checked(ChildProcess.run(sitegen, arguments, log: log), "sitegen"))
                if !noHugo {
                    hugos.append(try checked(ChildProcess.run(hugo, ["--quiet", "--source", hugoSite.path, "--destination", hugoOutput.path],
                                                              log: folder.appendingPathComponent("hugo.log")), "hugo"))
                }
            }
            func times(_ runs: [ChildRun]) -> String {
                runs.count < 2 ? "" : "  (runs: " + runs.map { String(format: "%.2f s", $0.seconds) }.joined(separator: ", ") + ")"
            }
            // The fastest cold build; the rebuilds below start from the cache and output of the last one.
            let cold = colds.min { $0.seconds < $1.seconds }!
            let site = Self.size(of: output)
            fullTimes[count] = (cold.seconds, cold.cpuSeconds)
            say(String(format: "sitegen cold build  %8.2f s  %7.3f ms/report  cpu %8.2f s  peak RSS %7.1f MiB  output %7.1f MiB in %d files",
                         cold.seconds, cold.seconds * 1000 / Double(count), cold.cpuSeconds, Double(cold.peakKiB) / 1024, Double(site.bytes) / 1_048_576, site.files) + times(colds))
            if let run = hugos.min(by: { $0.seconds < $1.seconds }) {
                let hugoSize = Self.size(of: hugoOutput)
                say(String(format: "hugo cold build     %8.2f s  %7.3f ms/report  cpu %8.2f s  peak RSS %7.1f MiB  output %7.1f MiB in %d files",
                             run.seconds, run.seconds * 1000 / Double(count), run.cpuSeconds, Double(run.peakKiB) / 1024, Double(hugoSize.bytes) / 1_048_576, hugoSize.files) + times(hugos))
                say(String(format: "sitegen / hugo      %8.3f wall time, %.3f cpu time", cold.seconds / run.seconds, cold.cpuSeconds / run.cpuSeconds))
            }
            // The rebuilds are timed as the cold builds are: the fastest of `repeat` runs, each listed. Each
            // one-report rebuild gives the same report another ending, so that every run has the same work.
            var unchangedRuns: [ChildRun] = []
            for _ in 0..<max(1, self.repeat) {
                unchangedRuns.append(try checked(ChildProcess.run(sitegen, arguments, log: log), "sitegen"))
            }
            let unchanged = unchangedRuns.min { $0.seconds < $1.seconds }!
            say(String(format: "no change rebuild   %8.3f s  %6.2f %% of cold  cpu %6.2f %%  peak RSS %7.1f MiB  %@",
                         unchanged.seconds, 100 * unchanged.seconds / cold.seconds, 100 * unchanged.cpuSeconds / cold.cpuSeconds,
                         Double(unchanged.peakKiB) / 1024, Self.written(unchanged.output)) + times(unchangedRuns))
            if let changed {
                var oneRuns: [ChildRun] = []
                for edit in 1...max(1, self.repeat) {
                    let ending = "\nThe council has since published an action plan (version \(edit)) in response to this report.\n"
                    try Data((changed.text + ending).utf8).write(to: changed.path)
                    oneRuns.append(try checked(ChildProcess.run(sitegen, arguments, log: log), "sitegen"))
                }
                let one = oneRuns.min { $0.seconds < $1.seconds }!
                say(String(format: "one report changed  %8.3f s  %6.2f %% of cold  cpu %6.2f %%  peak RSS %7.1f MiB  %@",
                             one.seconds, 100 * one.seconds / cold.seconds, 100 * one.cpuSeconds / cold.cpuSeconds,
                             Double(one.peakKiB) / 1024, Self.written(one.output)) + times(oneRuns))
            }
        }
        let measured = fullTimes.keys.sorted()
        if let small = measured.first, let large = measured.last, small != large, let a = fullTimes[small], let b = fullTimes[large] {
            say(String(format: "\ntime(%d) / time(%d) = %.2f wall, %.2f cpu (linear would be %.1f)",
                       large, small, b.wall / a.wall, b.cpu / a.cpu, Double(large) / Double(small)))
        }
    }

    func checked(_ run: ChildRun, _ name: String) throws -> ChildRun {
        guard run.status == 0 else { throw BenchError("\(name) failed with status \(run.status):\n\(run.output.suffix(2000))") }
        return run
    }

    func mib(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    /// sitegen's summary line, from "wrote" on.
    static func written(_ output: String) -> String {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("wrote") }),
              let range = line.range(of: "wrote") else { return "" }
        return String(line[range.lowerBound...])
    }

    static func size(of folder: URL) -> (bytes: Int, files: Int) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else { return (0, 0) }
        var bytes = 0
        var files = 0
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            guard values?.isRegularFile == true else { continue }
            bytes += values?.fileSize ?? 0
            files += 1
        }
        return (bytes, files)
    }
}

/// Writes a line at once, unbuffered, so that each figure shows as it is measured, also into a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
