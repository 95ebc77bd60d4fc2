import Foundation
import Publish
import Reports
import Site

/// Finds the reports in a content folder and reads each with its sidecar.
///
/// A report is any `.txt` file below the folder; its sidecar is the `.json` file of the same name. Files
/// and folders whose names start with `.` are ignored. A symbolic link is followed only when it points
/// to a file inside the folder. Problems with one file become diagnostics and never stop the others.
public struct ContentReader: Sendable {
    public var folder: URL {
        didSet { folderPath = folder.path }
    }
    /// `folder.path`, made once: `URL.path` builds its String anew at every call, and every report's
    /// file is found from it.
    public private(set) var folderPath: String
    public var decoder: ReportDecoder

    public init(folder: URL, decoder: ReportDecoder = ReportDecoder()) {
        self.folder = folder.standardizedFileURL
        folderPath = self.folder.path
        self.decoder = decoder
    }

    public struct Result: Sendable {
        public var sources: [ReportSource]
        public var diagnostics: [Diagnostic]
    }

    /// The reports and sidecars below the folder, found without following links out of it, with what
    /// was wrong on the way: links not followed, files that are no regular files, sidecars with no report.
    public struct Listing: Sendable {
        /// Report files, relative to the folder, sorted.
        public var reports: [String]
        /// Sidecar files that stand beside a report.
        public var sidecars: Set<String>
        public var diagnostics: [Diagnostic]
    }

    public func listing() -> Listing {
        let found = list()
        let reports = found.files.filter { $0.lowercased().hasSuffix(".txt") }.sorted()
        let sidecars = Set(reports.map(Self.sidecarPath(of:))).intersection(found.files)
        var diagnostics = found.diagnostics
        let orphans = found.files.subtracting(sidecars).filter { $0.lowercased().hasSuffix(".json") && $0 != ContentVocabulary.fileName }
        for orphan in orphans.sorted() {
            diagnostics.append(Diagnostic(.warning, file: orphan, "sidecar without a report (no \((orphan as NSString).deletingPathExtension).txt beside it); ignored"))
        }
        return Listing(reports: reports, sidecars: sidecars, diagnostics: diagnostics)
    }

    /// Every report of the folder, read and decoded, in the listing's order.
    public func read() -> Result {
        let listing = listing()
        var diagnostics = listing.diagnostics
        var sources: [ReportSource] = []
        for relative in listing.reports {
            let report = read(relative, sidecarListed: listing.sidecars.contains(Self.sidecarPath(of: relative)))
            diagnostics += report.diagnostics
            if let source = report.source { sources.append(source) }
        }
        return Result(sources: sources, diagnostics: diagnostics)
    }

    /// Reads one report, `relative` to the folder, with its sidecar when the listing found one.
    public func read(_ relative: String, sidecarListed: Bool) -> (source: ReportSource?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sidecar: Sidecar?
        let sidecarPath = Self.sidecarPath(of: relative)
        if sidecarListed, let data = contents(of: sidecarPath, into: &diagnostics) {
            do {
                sidecar = try Sidecar.parse(Data(data))
            } catch {
                diagnostics.append(Diagnostic(.error, file: sidecarPath, "\(error); the report is read without it"))
            }
        }
        guard let data = contents(of: relative, into: &diagnostics) else { return (nil, diagnostics) }
        let decoded = decoder.decode(data, file: relative)
        diagnostics += decoded.diagnostics
        guard let utf8 = decoded.utf8 else { return (nil, diagnostics) }
        return (ReportSource(path: relative, utf8: utf8, sidecar: sidecar), diagnostics)
    }

    public static func sidecarPath(of report: String) -> String {
        // A report's name ends in ".txt" (in any case) after at least one character: that extension goes,
        // as NSString would take it, without NSString's cost, which a rebuild pays several times per report.
        let bytes = Array(report.utf8)
        let count = bytes.count
        if count > 4, bytes[count - 5] != UInt8(ascii: "/"), bytes[count - 4] == UInt8(ascii: "."),
           zip(bytes[(count - 3)...], "txt".utf8).allSatisfy({ $0 == $1 || $0 == $1 - 32 }) {
            return String(decoding: bytes[..<(count - 4)], as: UTF8.self) + ".json"
        }
        return (report as NSString).deletingPathExtension + ".json"
    }

    /// The bytes of a file, or nil with an error diagnostic. A file over the decoder's limit is refused unread.
    ///
    /// Read with `open` and `read` into the array the decoder takes: through `Data(contentsOf:)` and a
    /// `URL` the bytes were copied once more and the path was joined by Foundation, together a tenth of
    /// the time a cold build spends reading reports.
    func contents(of relative: String, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        let limit = decoder.limits.fileBytes
        switch WholeFile.bytes(ofFile: folderPath + "/" + relative, limit: limit) {
        case .success(let bytes):
            return bytes
        case .failure(.overLimit(let size)):
            diagnostics.append(Diagnostic(.error, file: relative, "the file is \(size) bytes, over the limit of \(limit) for one file; skipped unread"))
        case .failure(.system(let code)):
            diagnostics.append(Diagnostic(.error, file: relative, "cannot read the file (\(String(cString: strerror(code)))); skipped"))
        }
        return nil
    }

    struct Walk {
        /// Regular files below the folder (or links to files inside it), relative to it.
        var files: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// Every file below the folder, walked without following links out of it.
    func list() -> Walk {
        var listing = Walk(files: [], diagnostics: [])
        let root = Self.resolved(folder)
        walk("", root: root, into: &listing)
        return listing
    }

    private func walk(_ relative: String, root: String, into listing: inout Walk) {
        let manager = FileManager.default
        let directory = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        let entries: [(name: String, mode: mode_t?)]
        switch Self.entries(ofFolder: directory.path) {
        case .success(let found):
            entries = found.sorted { $0.name < $1.name }
        case .failure(let error):
            listing.diagnostics.append(Diagnostic(.error, file: relative.isEmpty ? "." : relative, "cannot list the folder (\(String(cString: strerror(error.code)))); its files are skipped"))
            return
        }
        let base = folder.path + "/"
        for (name, listedMode) in entries where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            // The kind `readdir` gave, or else `lstat`'s (FileManager's attributes took most of a no-change
            // rebuild's listing, and a `stat` per file most of what was left).
            let mode: mode_t
            if let listedMode {
                mode = listedMode
            } else {
                var info = stat()
                mode = lstat(base + path, &info) == 0 ? info.st_mode & S_IFMT : 0
            }
            var isContent: Bool { ["txt", "json"].contains((name as NSString).pathExtension.lowercased()) }
            switch mode {
            case S_IFDIR:
                walk(path, root: root, into: &listing)
            case S_IFREG:
                listing.files.insert(path)
            case S_IFLNK:
                let url = folder.appendingPathComponent(path)
                let target = Self.resolved(url)
                var isDirectory: ObjCBool = false
                let exists = manager.fileExists(atPath: target, isDirectory: &isDirectory)
                if !target.hasPrefix(root + "/") {
                    if isContent || isDirectory.boolValue {
                        listing.diagnostics.append(Diagnostic(.warning, file: path, "symbolic link to \(isDirectory.boolValue ? "a folder" : "a file") outside the content folder; not followed"))
                    }
                } else if isDirectory.boolValue {
                    listing.diagnostics.append(Diagnostic(.warning, file: path, "symbolic link to a folder; not followed (link the files, or move the folder here)"))
                } else if !exists, isContent {
                    listing.diagnostics.append(Diagnostic(.error, file: path, "symbolic link to a file that does not exist; skipped"))
                } else if (try? manager.attributesOfItem(atPath: target))?[.type] as? FileAttributeType == .typeRegular {
                    listing.files.insert(path)
                } else if isContent {
                    listing.diagnostics.append(Diagnostic(.warning, file: path, "symbolic link to something that is not a regular file (a device, socket or pipe); skipped"))
                }
            default:
                if isContent {
                    listing.diagnostics.append(Diagnostic(.warning, file: path, "not a regular file (a device, socket or pipe); skipped"))
                }
            }
        }
    }

    struct ListingError: Error {
        var code: Int32
    }

    /// The names in the folder at `path` with the kind of file each is (`S_IFDIR`, `S_IFREG`, `S_IFLNK`,
    /// or 0 for any other) as `readdir` reports it, nil where it reports none (some file systems do
    /// not); the `errno` of `opendir` when the folder cannot be read.
    static func entries(ofFolder path: String) -> Swift.Result<[(name: String, mode: mode_t?)], ListingError> {
        guard let folder = opendir(path) else { return .failure(ListingError(code: errno)) }
        defer { closedir(folder) }
        var entries: [(name: String, mode: mode_t?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let mode: mode_t?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): mode = S_IFDIR
            case Int32(DT_REG): mode = S_IFREG
            case Int32(DT_LNK): mode = S_IFLNK
            case Int32(DT_UNKNOWN): mode = nil
            default: mode = 0
            }
            entries.append((name, mode))
        }
        return .success(entries)
    }

    /// The absolute path with every symbolic link resolved, the form in which containment is checked.
    static func resolved(_ url: URL) -> String {
        url.resolvingSymlinksInPath().standardizedFileURL.path
    }
}

/// A file's bytes read whole with `open` and `read`, for `ContentReader`.
enum WholeFile {
    enum Failure: Error, Equatable {
        /// The file's size, over the limit: nothing was read.
        case overLimit(Int)
        /// The `errno` of the call that failed.
        case system(Int32)
    }

    /// The bytes of the file at `path` (a link is followed), read whole; refused unread when `fstat`
    /// gives a size over `limit`. A file that grows while it is read is read to its end, within the limit.
    static func bytes(ofFile path: String, limit: Int) -> Swift.Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(errno)) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.overLimit(size)) }
        var bytes: [UInt8] = []
        // A read of one byte more than the size tells a whole file from one that grew since `fstat`.
        var chunk = size + 1
        while true {
            var failure: Int32?
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                initialized = 0
                while initialized < chunk {
                    let count = read(descriptor, buffer.baseAddress! + initialized, chunk - initialized)
                    if count > 0 {
                        initialized += count
                    } else if count == 0 {
                        break
                    } else if errno != EINTR {
                        failure = errno
                        break
                    }
                }
            }
            if let failure { return .failure(.system(failure)) }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if bytes.count > limit { return .failure(.overLimit(bytes.count)) }
            if piece.count < chunk { return .success(bytes) }
            chunk = max(chunk, 65_536)
        }
    }
}
