import Foundation
import Testing
@testable import Pipeline
import Site

@Suite struct SectionSpillTests {
    static let sections = [
        ReportSection(heading: "Summary", depth: 1, paragraphs: ["Children’s services are good.", "", "Ünïcode — and \u{0}."], startLine: 12),
        ReportSection(heading: "", depth: 2, paragraphs: [], startLine: 0),
        ReportSection(heading: String(repeating: "long ", count: 20_000), depth: 1, paragraphs: ["x"], startLine: 99_999),
    ]

    @Test func sectionsComeBackAsTheyWent() throws {
        let spill = try SectionSpill()
        let name = try #require(spill.store(Self.sections, key: "abc"))
        #expect(spill.load(name) == Self.sections)
        #expect(spill.load("missing.sections") == nil)
    }

    @Test func aDamagedFileIsNotReadAsSections() {
        let bytes = SectionSpill.encode(Self.sections)
        #expect(SectionSpill.decode(bytes) == Self.sections)
        #expect(SectionSpill.decode(Array(bytes.dropLast())) == nil)
        #expect(SectionSpill.decode(bytes + [0]) == nil)
        #expect(SectionSpill.decode([]) == nil)
    }

    @Test func theFolderGoesWithTheSpill() throws {
        var spill: SectionSpill? = try SectionSpill()
        let folder = try #require(spill?.folder)
        _ = spill?.store(Self.sections, key: "k")
        #expect(FileManager.default.fileExists(atPath: folder.path))
        spill = nil
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
