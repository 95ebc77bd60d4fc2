import Foundation
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
        do {
            try Data(Self.encode(sections)).write(to: folder.appendingPathComponent(name))
            return name
        } catch {
            return nil
        }
    }

    func load(_ name: String) -> [ReportSection]? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return Self.decode([UInt8](data))
    }

    /// Each section as its depth, start line and paragraph count, then its heading and paragraphs, each a
    /// length and UTF-8 bytes; every number a little-endian 32-bit word.
    static func encode(_ sections: [ReportSection]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sections.reduce(0) { $0 + $1.heading.utf8.count + $1.paragraphs.reduce(0) { $0 + $1.utf8.count + 4 } + 16 })
        func word(_ value: Int) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) }
        }
        func text(_ value: String) {
            word(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        word(sections.count)
        for section in sections {
            word(section.depth)
            word(section.startLine)
            word(section.paragraphs.count)
            text(section.heading)
            section.paragraphs.forEach(text)
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [ReportSection]? {
        var offset = 0
        func word() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            let value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return Int(value)
        }
        func text() -> String? {
            guard let count = word(), offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
        }
        guard let count = word() else { return nil }
        var sections: [ReportSection] = []
        sections.reserveCapacity(count)
        for _ in 0..<count {
            guard let depth = word(), let startLine = word(), let paragraphCount = word(), let heading = text() else { return nil }
            var paragraphs: [String] = []
            paragraphs.reserveCapacity(paragraphCount)
            for _ in 0..<paragraphCount {
                guard let paragraph = text() else { return nil }
                paragraphs.append(paragraph)
            }
            sections.append(ReportSection(heading: heading, depth: depth, paragraphs: paragraphs, startLine: startLine))
        }
        return offset == bytes.count ? sections : nil
    }
}
