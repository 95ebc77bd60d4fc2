import Foundation
import Publish
import Site

/// The text of extracted reports, kept on disk between extraction and rendering.
///
/// Every page but an inspection's own needs only the inspection's summary; its sections are most of
/// what a report holds. Held for ten thousand reports at once they would need more memory than the rest
/// of the build, so each report's sections are appended to one file as soon as they are extracted, and
/// read back from their slot when that report's page is rendered. One file rather than one per report:
/// creating and removing a file costs more than writing a report's text into an open one. The file is
/// removed from its folder as soon as it is open, so nothing is left behind however the build ends; the
/// system frees it when the spill closes it.
final class SectionSpill: Sendable {
    /// Where a report's sections lie in the file.
    struct Slot: Sendable, Equatable {
        var offset: Int
        var length: Int
    }

    private let file: AppendedFile

    init() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-sections-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        unlink(path)
        file = AppendedFile(descriptor: descriptor, end: 0)
    }

    /// Appends `sections` and returns their slot, or nil when they cannot be written (the caller then
    /// keeps the sections in memory).
    func store(_ sections: [ReportSection]) -> Slot? {
        let bytes = Self.encode(sections)
        return file.append(bytes).map { Slot(offset: $0, length: bytes.count) }
    }

    func load(_ slot: Slot) -> [ReportSection]? {
        file.read(offset: slot.offset, length: slot.length).flatMap(Self.decode)
    }

    /// The sections in `CompactCoding`'s binary form, written by hand (`CacheCoding`).
    static func encode(_ sections: [ReportSection]) -> [UInt8] {
        CacheCoding.encode(sections)
    }

    /// Nil for bytes that are not a whole encoding of sections.
    static func decode(_ bytes: [UInt8]) -> [ReportSection]? {
        try? CacheCoding.decodeSections(bytes)
    }
}
