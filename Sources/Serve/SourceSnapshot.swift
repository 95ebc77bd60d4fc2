import Foundation

/// The size and modification time of every file below some folders. Two snapshots differ when a file
/// was added, removed, resized or touched, which is how `serve` notices an edit without platform
/// file-watching APIs: it takes a snapshot twice a second and compares.
public struct SourceSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Date
    }

    private var stamps: [String: Stamp]

    public init(folders: [URL]) {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let file as URL in files {
                guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[file.path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
        self.stamps = stamps
    }
}
