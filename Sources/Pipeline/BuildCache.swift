import Foundation
import Publish
import Reports
import Site

/// The cache folder of incremental builds: what the previous build read and wrote, so the next one can
/// skip the reports and pages whose inputs have not changed.
///
/// - `manifest.bin`: for each report its files' `stat` and content digest; for each unit of output (a
///   page, the data files, the assets) the digest of its inputs; for each output file the unit that
///   wrote it and its `stat` in the output folder.
/// - `reports/<digest>.bin`: a report's extraction, its inspection without the text (`sections`), and
///   its diagnostics.
///
/// Both are in `CompactCoding`'s binary form, written and read by `CacheCoding`: a one-report rebuild
/// reads every report's summary and the whole manifest, and decoding them from JSON, then through
/// `Codable`, took longer than the rest of such a build.
///
/// Every key includes a fingerprint of what all outputs depend on (the sitegen executable, the outcome
/// vocabulary, every file of the templates folder, the base URL), so a change to any of those misses.
/// The folder can be deleted at any time; the next build is then a cold build.
struct BuildCache: Sendable {
    var folder: URL

    struct Manifest: Codable, Sendable {
        static let currentFormat = 3
        var format = Manifest.currentFormat
        /// The fingerprint extractions were made under; reports made under another are not reused.
        var extraction = ""
        /// The fingerprint pages were rendered under.
        var rendering = ""
        var reports: [String: ReportEntry] = [:]
        var units: [String: String] = [:]
        var outputs: [String: OutputEntry] = [:]
        /// The files of the previous output, kept beside the output for the next build to start from.
        var standby: [String: FileStatus] = [:]
        /// The inodes of the output folder and of the kept previous output as this build left them: a
        /// folder with another inode was written by someone else, so its contents are not known.
        var outputFolder: UInt64?
        var standbyFolder: UInt64?
        /// What the build reported (counts and diagnostics), for a next build that finds nothing to do.
        var outcome: Outcome?
        /// Digest of the rendering fingerprint and every report's summary, in order: what the site model
        /// is made from.
        var site = ""
        /// Digest of each page's identity (`PlannedPage.identity`) under that site, by page path.
        var identities: [String: UInt64] = [:]
    }

    struct Outcome: Codable, Sendable {
        var reportsRead: Int
        var inspections: Int
        var diagnostics: [Diagnostic]
    }

    struct ReportEntry: Codable, Sendable, Equatable {
        var source: FileStatus?
        var sidecar: FileStatus?
        /// Whether `stat` was taken long enough after the files last changed to be trusted next time
        /// (a file changed again within the file system's time resolution would look unchanged).
        var trusted: Bool
        /// Digest of the report's path, text and sidecar; empty when the report could not be read.
        var digest: String
    }

    struct OutputEntry: Codable, Sendable, Equatable {
        var unit: String
        var status: FileStatus
    }

    /// A report's extraction without its text: all that pages other than its own need.
    struct Summary: Codable, Sendable {
        var inspection: Inspection?
        var diagnostics: [Diagnostic]
    }

    /// The summary's canonical encoding: what the cache stores and what its digest is taken of.
    static func encode(_ summary: Summary) -> [UInt8] {
        CacheCoding.encode(summary)
    }

    var manifestURL: URL { folder.appendingPathComponent("manifest.bin") }

    func summaryPath(_ digest: String) -> String {
        folder.path + "/reports/" + digest + ".bin"
    }

    /// The previous build's manifest, or an empty one if there is none, it cannot be read, or it was
    /// made under another extraction fingerprint.
    func load(extraction: String) -> Manifest {
        guard let bytes = readFile(atPath: manifestURL.path), let manifest = try? CacheCoding.decodeManifest(bytes),
              manifest.format == Manifest.currentFormat, manifest.extraction == extraction
        else { return Manifest(extraction: extraction) }
        return manifest
    }

    /// A stored summary and the digest of its encoding.
    func summary(_ digest: String) -> (summary: Summary, digest: String)? {
        guard let bytes = readFile(atPath: summaryPath(digest)), let summary = try? CacheCoding.decodeSummary(bytes) else { return nil }
        return (summary, StableHash.hex(StableHash.xxh64(bytes)))
    }

    /// Stores a summary, unsynced: a file cut short by a crash fails to decode and is extracted again.
    /// The folder is made when the first summary finds it missing, not asked after for every summary.
    func store(_ encoded: [UInt8], digest: String) throws {
        let data = Data(encoded)
        var error = writeUnsynced(data, toPath: summaryPath(digest))
        if error == ENOENT {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
            error = writeUnsynced(data, toPath: summaryPath(digest))
        }
        guard error == 0 else { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
    }

    /// Writes the manifest and removes report summaries it no longer names.
    func save(_ manifest: Manifest) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(CacheCoding.encode(manifest)).write(to: manifestURL, options: .atomic)
        // The JSON manifest of the first format, if a build of that version left one.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        let named = Set(manifest.reports.values.map { $0.digest + ".bin" })
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("reports").path)) ?? []
        for file in stored where !named.contains(file) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("reports").appendingPathComponent(file))
        }
    }
}

/// Digests of what every output depends on besides the reports themselves.
struct BuildFingerprint: Sendable {
    /// The sitegen executable (path, size, modification time) and the outcome vocabulary.
    var extraction: String
    /// `extraction` with every file of the templates folder and the build options that reach pages.
    var rendering: String

    init(templates: URL, vocabulary: OutcomeVocabulary, baseURL: String?) throws {
        var code = StableHash()
        code.add(BuildCache.Manifest.currentFormat.description)
        let executable = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
        code.add(executable.path)
        if let status = FileStatus(of: executable) {
            code.add(UInt64(bitPattern: status.size))
            code.add(UInt64(bitPattern: status.modified))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        code.add(String(decoding: try encoder.encode(vocabulary), as: UTF8.self))
        extraction = StableHash.hex(code.digest)

        var pages = StableHash()
        pages.add(extraction)
        pages.add(baseURL ?? "")
        let base = templates.standardizedFileURL
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            pages.add(String(url.standardizedFileURL.path.dropFirst(base.path.count)))
            pages.add(StableHash.xxh64([UInt8](try Data(contentsOf: url))))
        }
        rendering = StableHash.hex(pages.digest)
    }
}

/// The bytes of a file, read with plain POSIX calls into one array (a one-report rebuild reads every
/// report's summary, and `FileManager.contents` makes a `Data` that then has to be copied); nil when it
/// cannot be read.
func readFile(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
        let count = bytes.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        }
        if count < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if count == 0 { break }
        filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
}
