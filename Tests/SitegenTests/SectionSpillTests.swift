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
        let first = try #require(spill.store(Self.sections))
        let second = try #require(spill.store(Array(Self.sections.prefix(1))))
        #expect(second.offset == first.offset + first.length)
        #expect(spill.load(second) == Array(Self.sections.prefix(1)))
        #expect(spill.load(first) == Self.sections)
        #expect(spill.load(SectionSpill.Slot(offset: second.offset + second.length, length: 10)) == nil, "past the end")
    }

    /// Reports are extracted in parallel: their slots never overlap.
    @Test func sectionsStoredAtOnceComeBackEachAsItWent() async throws {
        let spill = try SectionSpill()
        let slots = await withTaskGroup(of: (Int, SectionSpill.Slot?).self) { group in
            for index in 0..<64 {
                group.addTask { (index, spill.store([ReportSection(heading: "Section \(index)", paragraphs: [String(repeating: "p", count: index * 100)], startLine: index)])) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (index, slot) in slots {
            let sections = try #require(spill.load(slot))
            #expect(sections.first?.heading == "Section \(index)" && sections.first?.startLine == index)
        }
    }

    @Test func aDamagedFileIsNotReadAsSections() {
        let bytes = SectionSpill.encode(Self.sections)
        #expect(SectionSpill.decode(bytes) == Self.sections)
        #expect(SectionSpill.decode(Array(bytes.dropLast())) == nil)
        #expect(SectionSpill.decode(bytes + [0]) == nil)
        #expect(SectionSpill.decode([]) == nil)
    }

    @Test func nothingIsLeftInTheTemporaryFolder() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("sitegen-sections-") }
        let spill = try SectionSpill()
        _ = spill.store(Self.sections)
        let during = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("sitegen-sections-") }
        #expect(Set(during) == Set(before), "the file is unlinked as soon as it is open")
    }
}
