import Foundation
import Publish
import Site

/// The text of extracted reports, kept on disk between extraction and rendering.
///
/// Every page but an inspection's own needs only the inspection's summary; its sections are most of
/// what a report holds. Held for ten thousand reports at once they would need more memory than the rest
/// of the build, so each report's sections go to a file of their own in a private folder as soon as
/// they are extracted, and come back when that report's page is rendered. The folder is removed when
/// the build ends, whether it succeeds or fails.
final class SectionSpill: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-sections-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `sections` to a file named after `key` and returns its name, or nil when it cannot be written
    /// (the caller then keeps the sections in memory).
    func store(_ sections: [ReportSection], key: String) -> String? {
        let name = key + ".sections"
        return writeUnsynced(Data(Self.encode(sections)), to: folder.appendingPathComponent(name)) == 0 ? name : nil
    }

    func load(_ name: String) -> [ReportSection]? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return Self.decode([UInt8](data))
    }

    /// The sections in `CompactCoding`'s binary form.
    static func encode(_ sections: [ReportSection]) -> [UInt8] {
        (try? CompactCoding.encode(sections)) ?? []
    }

    /// Nil for bytes that are not a whole encoding of sections.
    static func decode(_ bytes: [UInt8]) -> [ReportSection]? {
        try? CompactCoding.decode([ReportSection].self, from: bytes)
    }
}
