import Foundation
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site into the output folder atomically.
///
/// Every file goes into a staging folder beside the output (`.Public.staging` for `Public`); only when
/// all are written is the staging folder swapped with the output in one atomic exchange (Linux
/// `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`), and the old site, now in the staging
/// folder's place, is deleted. A build that fails or is killed at any moment leaves the previous output
/// whole; at worst a stale staging folder stays beside it, which the next build removes. Where the file
/// system cannot exchange, the output is renamed aside to `.Public.previous` first, and a build that finds
/// the output missing, `.Public.previous` present and the staging folder still there moves it back
/// before anything else.
///
/// Two builds publishing to the same output at once take turns (see `lockParentFolder`). The writer only
/// ever replaces a folder that it wrote: every site it writes holds a `.sitegen-output`
/// file, and it refuses to replace an existing, non-empty folder without one.
public struct SiteWriter: Sendable {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): error: \(message)" }
    }

    /// The file that marks a folder as one sitegen wrote and may replace.
    public static let marker = OutputFile(
        path: ".sitegen-output",
        text: "This folder is written by `sitegen build` and replaced whole by every build. Do not keep other files here.\n")

    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var staging: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging") }
    var retired: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous") }
    /// Where `SiteStaging` links a cold build's files as it writes them, to become `retired` at the swap.
    var nextStandby: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).standby") }

    /// Whether `output` may be replaced: it does not exist, is an empty folder, or is a folder sitegen wrote.
    public static func isReplaceable(_ output: URL) -> Result<Void, Failure> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return .success(()) }
        guard isDirectory.boolValue else {
            return .failure(Failure(path: output.path, message: "it is a file, not a folder"))
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.isEmpty || entries.contains(marker.path) { return .success(()) }
        return .failure(Failure(
            path: output.path,
            message: "it holds files that sitegen did not write (no \(marker.path) file); empty it, remove it or choose another folder"))
    }

    public func write(_ files: [OutputFile]) throws(Failure) {
        let manager = FileManager.default
        try Self.checkPaths(files)
        let lock = try lockParentFolder()
        defer { close(lock) }
        recoverInterruptedSwap()
        if case .failure(let failure) = Self.isReplaceable(output) { throw failure }
        do {
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try? manager.removeItem(at: retired)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: staging.path, message: "cannot create the staging folder (\(FileErrorReason.text(error)))")
        }
        do {
            for file in files + [Self.marker] {
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure(path: output.path, message: "cannot write the site (\(FileErrorReason.text(error))); the previous site is untouched")
        }
        try moveStagingIntoPlace()
    }

    /// Swaps the staging folder in for the output: the old output is moved aside, the staging folder
    /// renamed into its place, and the old output removed (or kept as `retired`, for an incremental
    /// build to reuse); on failure the old output is put back.
    func moveStagingIntoPlace(keepingRetired: Bool = false) throws(Failure) {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: output.path) {
                if Self.exchange(staging, output) {
                    // The staging folder now holds the previous site.
                    try? manager.removeItem(at: retired)
                    if !keepingRetired || (try? manager.moveItem(at: staging, to: retired)) == nil {
                        try? manager.removeItem(at: staging)
                    }
                    return
                }
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            if !keepingRetired { try? manager.removeItem(at: retired) }
        } catch {
            recoverInterruptedSwap()
            try? manager.removeItem(at: staging)
            throw Failure(path: output.path, message: "cannot move the new site into place (\(FileErrorReason.text(error))); the previous site is untouched")
        }
    }

    /// Holds an exclusive lock on the folder that holds the output, staging and retired folders, so that
    /// two builds publishing to the same output take turns instead of mixing their files. The lock is
    /// the kernel's (`flock`), so a killed build releases it; the caller closes the returned descriptor.
    func lockParentFolder() throws(Failure) -> Int32 {
        let parent = output.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let descriptor = open(parent.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Failure(path: parent.path, message: "cannot open the folder that holds the output (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw Failure(path: parent.path, message: "cannot lock the folder that holds the output (\(String(cString: strerror(errno))))")
        }
        return descriptor
    }

    /// Undoes a two-step swap that stopped half way: the output is gone, the previous site is aside and
    /// the new one still in the staging folder.
    ///
    /// The folder aside is also where a build keeps the previous output's files for the next one to
    /// start from (see `SiteStaging`). Without a staging folder beside it, or without the marker (a cold
    /// build's standby holds links to the pages only), it is such a standby, and the output was removed
    /// by hand: it is left for the next build to reuse or remove, never put in the output's place.
    func recoverInterruptedSwap() {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: output.path), manager.fileExists(atPath: staging.path),
              manager.fileExists(atPath: retired.appendingPathComponent(Self.marker.path).path) else { return }
        try? manager.moveItem(at: retired, to: output)
    }

    /// Swaps two folders in one atomic step; false when the system or file system cannot.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        // glibc has had renameat2 since 2.28, but Swift's Glibc module does not export it, so it is looked
        // up by name; RENAME_EXCHANGE is 2 in <linux/fs.h>.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, 2) == 0
        #elseif canImport(Darwin)
        return renamex_np(a.path, b.path, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// Every path must stay inside the output folder, and no two files may share a path (which on a
    /// case-insensitive file system includes paths that differ only in case).
    static func checkPaths(_ files: [OutputFile]) throws(Failure) {
        var seen: [String: String] = [:]
        for file in files {
            try checkRelative(file.path)
            let key = file.path.lowercased()
            if let earlier = seen[key] {
                let clash = earlier == file.path ? "two files of the site have this path" : "this path and \(earlier) differ only in case"
                throw Failure(path: file.path, message: "\(clash), so one would overwrite the other; nothing was published")
            }
            seen[key] = file.path
        }
    }

    /// A path written into the output must be relative and must not climb out of it.
    static func checkRelative(_ path: String) throws(Failure) {
        // Split at every "/" byte, as the file system reads the path (a "/" with a combining mark after it
        // is still a separator there, though not a Character of its own).
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard path.utf8.first != UInt8(ascii: "/"), !segments.isEmpty, path != marker.path,
              segments.allSatisfy({
                  !$0.isEmpty && !$0.elementsEqual(".".utf8) && !$0.elementsEqual("..".utf8)
                      && !$0.contains(0) && !$0.contains(UInt8(ascii: "\\"))
              })
        else {
            throw Failure(path: path, message: "refusing to write a path outside the output folder")
        }
    }
}
