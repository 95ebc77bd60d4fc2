import Foundation
import Publish
import Reports
import Site

/// The cache folder of incremental builds: what the previous build read and wrote, so the next one can
/// skip the reports and pages whose inputs have not changed.
///
/// - `manifest.bin`: for each report its files' `stat`, content digest and where its summary lies in the
///   pack; for each unit of output (a page, the data files, the assets) the digest of its inputs; for
///   each output file the unit that wrote it and its `stat` in the output folder.
/// - `summaries-<id>.pack`: every report's summary (its inspection without the text, `sections`, and
///   its diagnostics), one after another, each added as its report is extracted.
///
/// Both are in `CompactCoding`'s binary form, written and read by `CacheCoding`: a one-report rebuild
/// reads every report's summary and the whole manifest, and decoding them from JSON, then through
/// `Codable`, took longer than the rest of such a build. The summaries are one file, not one each:
/// creating ten thousand files in one folder cost a cold build more than writing their bytes (the file
/// system looks for a free inode for each), and a rebuild opened every one of them.
///
/// Every key includes a fingerprint of what all outputs depend on (the sitegen executable, the outcome
/// vocabulary, every file of the templates folder, the base URL), so a change to any of those misses.
/// The folder can be deleted at any time; the next build is then a cold build.
struct BuildCache: Sendable {
    var folder: URL

    struct Manifest: Codable, Sendable {
        static let currentFormat = 4
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
        /// The file name of the summaries' pack; empty when there is none.
        var pack = ""
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
        /// Where the report's summary lies in the manifest's pack.
        var summary: PackedSummary?
    }

    /// A summary's place in the pack, and the digest of its bytes, which reading checks: a pack that is
    /// not the one the manifest was saved with (a crash between the two, a file replaced by hand) gives
    /// misses, never another report's summary.
    struct PackedSummary: Codable, Sendable, Equatable {
        var offset: Int
        var length: Int
        var digest: UInt64
    }

    /// The bytes of a pack, read once per build and shared by the reports whose summaries it holds.
    final class Pack: Sendable {
        let bytes: [UInt8]
        init(bytes: [UInt8]) { self.bytes = bytes }
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

    /// The previous build's manifest, or an empty one if there is none, it cannot be read, or it was
    /// made under another extraction fingerprint.
    func load(extraction: String) -> Manifest {
        guard let bytes = readFile(atPath: manifestURL.path), let manifest = try? CacheCoding.decodeManifest(bytes),
              manifest.format == Manifest.currentFormat, manifest.extraction == extraction
        else { return Manifest(extraction: extraction) }
        return manifest
    }

    /// The pack `manifest` names, or nil when it names none or it cannot be read.
    func pack(of manifest: Manifest) -> Pack? {
        guard Self.isPackName(manifest.pack), let bytes = readFile(atPath: folder.path + "/" + manifest.pack) else { return nil }
        return Pack(bytes: bytes)
    }

    /// A summary read from `pack` where `packed` says it lies, and the digest of its bytes there (as hex);
    /// nil when it lies outside the pack, its bytes have another digest, or they do not decode.
    static func summary(_ packed: PackedSummary?, in pack: Pack?) -> (summary: Summary, digest: String)? {
        guard let packed, let bytes = pack?.bytes, packed.offset >= 0, packed.length >= 0,
              packed.offset <= bytes.count, packed.length <= bytes.count - packed.offset else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            let encoded = UnsafeBufferPointer(rebasing: bytes[packed.offset..<(packed.offset + packed.length)])
            guard StableHash.xxh64(UnsafeRawBufferPointer(encoded)) == packed.digest, let summary = try? CacheCoding.decodeSummary(encoded) else { return nil }
            return (summary, StableHash.hex(packed.digest))
        }
    }

    static func isPackName(_ name: String) -> Bool {
        name.hasPrefix("summaries-") && name.hasSuffix(".pack") && !name.contains("/")
    }

    /// The pack this build adds summaries to: the previous build's, after the bytes it held (which that
    /// build's manifest may locate, so they are never written over), or a new one. A new pack starts with
    /// the bytes loaded from the previous one, if any, so that a summary read from there is found at the
    /// same place. Nil when no pack can be opened; summaries are then not kept.
    func appender(continuing previous: Manifest, loaded: Pack?) -> PackAppender? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let loaded, Self.isPackName(previous.pack),
           let appender = PackAppender(path: folder.path + "/" + previous.pack, name: previous.pack, continuingAt: loaded.bytes.count) {
            return appender
        }
        let name = "summaries-" + StableHash.hex(UInt64.random(in: .min ... .max)) + ".pack"
        return PackAppender(path: folder.path + "/" + name, name: name, startingWith: loaded?.bytes ?? [])
    }

    /// Writes the manifest, naming `appender`'s pack, and removes other packs and the summary files of
    /// earlier formats. When more than half of the pack is summaries the manifest does not locate, its
    /// live summaries are first copied, in path order, into a new pack that takes its place.
    func save(_ manifest: Manifest, appender: PackAppender?) throws {
        var manifest = manifest
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        if let appender {
            manifest.pack = appender.name
            let live = manifest.reports.values.reduce(0) { $0 + ($1.summary?.length ?? 0) }
            if appender.size > 2 * live { try compact(&manifest, from: appender) }
        } else {
            manifest.pack = ""
            for path in Array(manifest.reports.keys) { manifest.reports[path]?.summary = nil }
        }
        try Data(CacheCoding.encode(manifest)).write(to: manifestURL, options: .atomic)
        // The JSON manifest of the first format and the summary files of the third, if a build of those
        // versions left them.
        try? manager.removeItem(at: folder.appendingPathComponent("manifest.json"))
        try? manager.removeItem(at: folder.appendingPathComponent("reports"))
        for file in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where file != manifest.pack && (Self.isPackName(file) || file.hasSuffix(".pack.partial")) {
            try? manager.removeItem(at: folder.appendingPathComponent(file))
        }
    }

    /// Copies the summaries `manifest` locates into a new pack, written under a temporary name and
    /// renamed, and locates them there; a summary that cannot be read back loses its place.
    private func compact(_ manifest: inout Manifest, from appender: PackAppender) throws {
        var bytes: [UInt8] = []
        for path in manifest.reports.keys.sorted() {
            guard let packed = manifest.reports[path]?.summary else { continue }
            guard let summary = appender.read(packed), StableHash.xxh64(summary) == packed.digest else {
                manifest.reports[path]?.summary = nil
                continue
            }
            manifest.reports[path]?.summary = PackedSummary(offset: bytes.count, length: summary.count, digest: packed.digest)
            bytes += summary
        }
        let name = "summaries-" + StableHash.hex(StableHash.xxh64(bytes)) + ".pack"
        let path = folder.path + "/" + name
        try Self.check(writeUnsynced(Data(bytes), toPath: path + ".partial"))
        try Self.check(rename(path + ".partial", path) == 0 ? 0 : errno)
        manifest.pack = name
    }

    fileprivate static func check(_ error: Int32) throws {
        guard error == 0 else { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
    }
}

/// Summaries added to a pack file as reports are extracted, each at the end, from any thread.
final class PackAppender: Sendable {
    let name: String
    private let file: AppendedFile

    /// Opens the pack at `path` to add after its first `continuingAt` bytes (anything after them is cut
    /// off); nil when it cannot.
    init?(path: String, name: String, continuingAt size: Int) {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard ftruncate(descriptor, off_t(size)) == 0 else {
            close(descriptor)
            return nil
        }
        self.name = name
        file = AppendedFile(descriptor: descriptor, end: size)
    }

    /// Creates the pack at `path`, holding `prefix` first; nil when it cannot.
    init?(path: String, name: String, startingWith prefix: [UInt8]) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.name = name
        file = AppendedFile(descriptor: descriptor, end: 0)
        if !prefix.isEmpty, file.append(prefix) == nil { return nil }
    }

    /// The pack's length: the bytes it had and every summary added.
    var size: Int { file.size }

    /// Adds a summary's encoding, whose xxh64 is `digest`, at the end and returns where it lies; nil when
    /// it cannot be written.
    func append(_ bytes: [UInt8], digest: UInt64) -> BuildCache.PackedSummary? {
        file.append(bytes).map { BuildCache.PackedSummary(offset: $0, length: bytes.count, digest: digest) }
    }

    /// The bytes at `packed`'s place, or nil when they cannot be read.
    func read(_ packed: BuildCache.PackedSummary) -> [UInt8]? {
        file.read(offset: packed.offset, length: packed.length)
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
    // Read into uninitialised space: a pack of ten thousand summaries is tens of megabytes, not worth
    // zeroing first.
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
        while count < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if got < 0, errno == EINTR { continue }
            if got < 0 { failed = true }
            if got <= 0 { break }
            count += got
        }
    }
    if failed { return nil }
    // The file may have grown since `fstat`: read on to its end.
    var filled = bytes.count
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
