import Foundation
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A site update written file by file into `SiteWriter`'s staging folder and swapped in whole, for
/// builds that render pages in parallel and rewrite only the pages that changed.
///
/// The staging folder holds hard links to the output files that stay as they are (no bytes are copied)
/// and receives the new and changed files, each written as a new file so that a link into the live
/// output is never written through. `commit()` swaps it in as `SiteWriter.write` does, so the output is
/// always either the old site or the new one, never a mixture.
///
/// Creating and removing a folder per page costs more than anything else in a small rebuild, so the
/// previous output is kept beside the output (`SiteWriter.retired`) after the swap, and the next update
/// starts from it: given what it holds (`standby`), only the files that differ are unlinked, linked or
/// written. Deleting that folder is always safe; the next update then links every kept file afresh.
public struct SiteStaging: Sendable {
    public let writer: SiteWriter
    /// `writer.staging` as a path, which `write(_:)` joins file paths to.
    let stagingPath: String
    /// The lock on the output's parent folder, held from `init` until `commit` or `discard`.
    let lock: Int32
    /// `writer.nextStandby` as a path, when the files are linked there as they are written (see `init`).
    let standbyPath: String?
    /// The paths that could not be linked into `standbyPath`.
    let standbyMisses = LockedPaths()

    /// Prepares the staging folder: `kept` (paths relative to the output, with their status there)
    /// linked from the output, stale files gone, and the paths of `written` checked to lie inside the
    /// output, so that `write(_:)` may then be called from parallel tasks (it makes a file's folder when
    /// the file is the first in it). `standby` is what the retired output holds, when the caller knows;
    /// nil to start from an empty folder.
    ///
    /// With `linkingStandby`, every file, kept or written, is also linked into a new standby folder as it
    /// is linked or written, on the cores that write the pages, for `commit(keepingPrevious: false,
    /// linkingStandby:)` to put in place of the previous output; linking them all after the swap took a
    /// cold build of 10,000 pages a second and a half on one core.
    public init(
        output: URL, keeping kept: [String: FileStatus], writing written: [String],
        standby: [String: FileStatus]?, linkingStandby: Bool = false
    ) throws(SiteWriter.Failure) {
        writer = SiteWriter(output: output)
        stagingPath = writer.staging.path
        lock = try writer.lockParentFolder()
        writer.recoverInterruptedSwap()
        if case .failure(let failure) = SiteWriter.isReplaceable(output) {
            close(lock)
            throw failure
        }
        let manager = FileManager.default
        let staging = writer.staging
        try? manager.removeItem(at: staging)
        try? manager.removeItem(at: writer.nextStandby)
        standbyPath = linkingStandby && (try? manager.createDirectory(at: writer.nextStandby, withIntermediateDirectories: true)) != nil
            ? writer.nextStandby.path : nil
        var present: [String: FileStatus] = [:]
        do {
            if let standby, manager.fileExists(atPath: writer.retired.path) {
                try manager.moveItem(at: writer.retired, to: staging)
                // Only files still as they were recorded are trusted; one deleted or edited by hand in the
                // previous output goes, and is linked or written again like any other. The files' `stat`s
                // are taken on every core, then the verdicts applied in one pass.
                let stagingPath = staging.path + "/"
                let recorded = Array(standby)
                let trusted = ParallelSlots<Bool>(count: recorded.count)
                DispatchQueue.concurrentPerform(iterations: recorded.count) { index in
                    let (path, status) = recorded[index]
                    let now = FileStatus(atPath: stagingPath + path)
                    trusted.set(index, now.map { $0.inode == status.inode && $0.size == status.size && $0.modified == status.modified } ?? false)
                }
                for ((path, status), isTrusted) in zip(recorded, trusted.values()) {
                    if isTrusted {
                        present[path] = status
                    } else {
                        unlink(stagingPath + path)
                    }
                }
            } else {
                try? manager.removeItem(at: writer.retired)
                try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            // In path order only when one fails, so that the same one is named every time.
            if kept.keys.contains(where: { (try? SiteWriter.checkRelative($0)) == nil }) {
                for path in kept.keys.sorted() { try SiteWriter.checkRelative(path) }
            }
            for path in written { try SiteWriter.checkRelative(path) }
            for (path, status) in present where kept[path].map({ $0.inode != status.inode }) ?? true {
                let stale = staging.appendingPathComponent(path)
                unlink(stale.path)
                rmdir(stale.deletingLastPathComponent().path)  // only when the stale file left it empty
                present[path] = nil
            }
            // The folders of kept files are made here; those of written files by `write(_:)`, in the
            // parallel tasks that render them (a cold build makes a folder for every page).
            var folders = Set<String>()
            for (path, _) in kept where present[path] == nil { folders.insert(Self.folder(of: path)) }
            // A folder that still holds a file of the previous output exists already.
            for path in present.keys { folders.remove(Self.folder(of: path)) }
            try Self.makeFolders(folders, under: staging.path + "/")
            try SiteWriter.marker.contents.write(to: staging.appendingPathComponent(SiteWriter.marker.path))
        } catch let failure as SiteWriter.Failure {
            discard()
            throw failure
        } catch {
            discard()
            throw SiteWriter.Failure(path: staging.path, message: "cannot create the staging folder (\(error.localizedDescription))")
        }
        let outputPath = writer.output.path + "/"
        let stagingPath = staging.path + "/"
        // Linked on every core: each link takes the lock of its own folder only (making the folders, above,
        // takes their common parent's, and is done on one).
        let linked = kept.keys.sorted().filter { present[$0] == nil }
        let failures = ParallelSlots<SiteWriter.Failure?>(count: linked.count)
        let standbyPath = self.standbyPath
        let standbyMisses = self.standbyMisses
        DispatchQueue.concurrentPerform(iterations: linked.count) { index in
            failures.set(index, Self.linkKept(outputPath + linked[index], to: stagingPath + linked[index]))
            if let standbyPath, !Self.linkIntoStandby(stagingPath + linked[index], standbyPath + "/" + linked[index]) {
                standbyMisses.insert(linked[index])
            }
        }
        // Files the previous output already held are in the staging folder; with a new standby they must be
        // in it too.
        if let standbyPath {
            for (path, _) in present where kept[path] != nil && !Self.linkIntoStandby(stagingPath + path, standbyPath + "/" + path) {
                standbyMisses.insert(path)
            }
        }
        // The first failure by position, whatever the scheduling.
        if let failure = failures.values().lazy.compactMap({ $0 }).first {
            discard()
            throw failure
        }
    }

    /// Links `from` (in the output) to `to` (in the staging folder); the failure, if it cannot.
    private static func linkKept(_ from: String, to: String) -> SiteWriter.Failure? {
        guard link(from, to) != 0 else { return nil }
        if errno == EEXIST { unlink(to) }
        // A folder taken for present (see `init`) that was deleted by hand from the previous output.
        if errno == ENOENT { try? FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true) }
        guard link(from, to) != 0 else { return nil }
        return SiteWriter.Failure(path: from, message: "cannot link the unchanged file into the staging folder (\(String(cString: strerror(errno))))")
    }

    /// Writes one file into the staging folder. Files of different paths may be written concurrently.
    public func write(_ file: OutputFile) throws(SiteWriter.Failure) {
        let target = stagingPath + "/" + file.path
        var error = writeUnsynced(file.contents, toPath: target)
        if error == ENOENT {
            // The first file of its folder: make the folder (and any above it) and write again.
            try? Self.makeFolder((target as NSString).deletingLastPathComponent)
            error = writeUnsynced(file.contents, toPath: target)
        }
        guard error == 0 else {
            throw SiteWriter.Failure(path: target, message: "cannot write the file (\(String(cString: strerror(error))))")
        }
        if let standbyPath, !Self.linkIntoStandby(target, standbyPath + "/" + file.path) { standbyMisses.insert(file.path) }
    }

    /// Links the file at `from` to `to` in the new standby folder, making `to`'s folder when it is the
    /// first of its folder; whether it is linked. A link that exists already is to the same file (a file
    /// written twice is truncated, not replaced).
    private static func linkIntoStandby(_ from: String, _ to: String) -> Bool {
        if link(from, to) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        try? makeFolder((to as NSString).deletingLastPathComponent)
        return link(from, to) == 0
    }

    /// The folder of a relative path that `SiteWriter.checkRelative` accepts (no empty segment), as
    /// `NSString.deletingLastPathComponent` gives it: all before its last "/", or "" when it has none.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Makes `folders` (relative paths, "" for `base` itself, which must exist) below `base`, parents first,
    /// on one core: they share parents, whose lock made two cores slower.
    static func makeFolders(_ folders: Set<String>, under base: String) throws {
        for folder in folders.sorted() where !folder.isEmpty { try makeFolder(base + folder) }
    }

    /// Makes a folder with `mkdir`, or with FileManager when the folder above it is missing too; one that
    /// exists already (made by another task) is fine. Permissions as FileManager gives them.
    static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o777) != 0, errno != EEXIST else { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The written file's identity on disk, as it will be in the output after `commit()`.
    public func status(of path: String) -> FileStatus? {
        FileStatus(atPath: writer.staging.path + "/" + path)
    }

    /// Swaps the staging folder in. With `keepingPrevious`, the old output stays beside the new one
    /// (`SiteWriter.retired`) for the next update to start from, and the result is empty.
    ///
    /// Otherwise the old output (whose files are not known) is removed, and the files of the new output
    /// named by `standby` are linked into a new folder in its place: without it, the next update would
    /// have no previous output to start from and would make every page's folder again, which is most of
    /// a one-page update's time at 10,000 pages. The result is the paths linked there, in `standby`'s
    /// order; a file that cannot be linked is left out (the next update links it afresh), and the new
    /// output is in place whatever happens to the standby folder.
    ///
    /// When the files were linked into a new standby folder as they were written (`init`'s
    /// `linkingStandby`), that folder takes the previous output's place instead, and the result is the
    /// paths of `standby` it holds.
    @discardableResult
    public func commit(keepingPrevious: Bool, linkingStandby standby: [String] = []) throws(SiteWriter.Failure) -> [String] {
        defer { close(lock) }
        do {
            try writer.moveStagingIntoPlace(keepingRetired: keepingPrevious)
        } catch {
            try? FileManager.default.removeItem(at: writer.nextStandby)
            throw error
        }
        if let standbyPath {
            let manager = FileManager.default
            guard !keepingPrevious, !standby.isEmpty else {
                try? manager.removeItem(atPath: standbyPath)
                return []
            }
            try? manager.removeItem(at: writer.retired)
            guard (try? manager.moveItem(atPath: standbyPath, toPath: writer.retired.path)) != nil else {
                try? manager.removeItem(atPath: standbyPath)
                return []
            }
            let misses = standbyMisses.values()
            return standby.filter { !misses.contains($0) }
        }
        guard !keepingPrevious, !standby.isEmpty else { return [] }
        return Self.linkAll(standby, from: writer.output.path + "/", into: writer.retired)
    }

    /// Links the files at `paths` below `source` into `folder`, made afresh with the files' folders (on one
    /// core: they share parents), the links on every core. The paths linked, in order; none when the
    /// folder cannot be made.
    static func linkAll(_ paths: [String], from source: String, into folder: URL) -> [String] {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        let base = folder.path + "/"
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try makeFolders(Set(paths.map { ($0 as NSString).deletingLastPathComponent }), under: base)
        } catch {
            try? manager.removeItem(at: folder)
            return []
        }
        let linked = ParallelSlots<Bool>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            linked.set(index, link(source + paths[index], base + paths[index]) == 0)
        }
        return zip(paths, linked.values()).compactMap { path, done in done ? path : nil }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: writer.staging)
        try? FileManager.default.removeItem(at: writer.nextStandby)
        close(lock)
    }
}

/// A set of paths that parallel tasks add to.
final class LockedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func values() -> Set<String> { lock.withLock { paths } }
}

/// What `stat` says about a file, enough to notice that it changed without reading it: size, inode,
/// and the modification and status-change times to the nanosecond.
public struct FileStatus: Sendable, Hashable, Codable {
    public var size: Int64
    public var inode: UInt64
    public var modified: Int64
    public var changed: Int64

    public init(size: Int64, inode: UInt64, modified: Int64, changed: Int64) {
        self.size = size
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    public init?(of url: URL) {
        self.init(atPath: url.path)
    }

    public init?(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
    }

    /// The same file, unchanged in content as far as `stat` can tell. The status-change time is left out:
    /// linking a file into a new staging folder changes it without changing the file.
    public func sameContent(as other: FileStatus) -> Bool {
        size == other.size && inode == other.inode && modified == other.modified
    }
}

extension SiteWriter {
    /// Where the previous output is kept after a `SiteStaging` commit that keeps it.
    public var previousOutput: URL { retired }
}

/// Writes `data` into a new or truncated file with plain POSIX calls and returns 0 or the `errno`.
///
/// `Data.write(to:)` calls `fsync` for every file, which costs more than rendering the page on a busy
/// disk. A site update needs no per-file sync: the staging folder only becomes the output by a rename,
/// and a file cut short by a power cut is caught by the next build's size check.
public func writeUnsynced(_ data: Data, to url: URL) -> Int32 {
    writeUnsynced(data, toPath: url.path)
}

/// `writeUnsynced(_:to:)` to a path. Building a file URL from a path looks at the file system (is it a
/// folder?), which a build writing thousands of files need not pay for.
public func writeUnsynced(_ data: Data, toPath path: String) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { return errno }
    defer { close(descriptor) }
    return data.withUnsafeBytes { buffer -> Int32 in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
