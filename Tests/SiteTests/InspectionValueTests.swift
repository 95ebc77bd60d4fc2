import Foundation
import Site
import Testing

/// `Inspection` keeps its fields in one shared object; it must still behave as a struct of its fields.
@Suite struct InspectionValueTests {
    static let original = Inspection(
        id: "wigan-apa-2007", authority: AuthorityName(canonicalising: "Wigan"), framework: .apa, title: "Annual performance assessment",
        letterDate: PartialDate(year: 2007, month: 11, day: 26), inspectionEnd: PartialDate(year: 2007, month: 10),
        judgements: [Judgement(outcome: "staying-safe", wording: "Staying safe", grade: "Good", level: .good, basis: .table,
                               source: SourcePosition(file: "wigan.txt", line: 12))],
        recommendations: [Recommendation(text: "Improve the timeliness of assessments.", timescale: .immediate, source: SourcePosition(file: "wigan.txt", line: 30))],
        sections: [ReportSection(heading: "Summary", paragraphs: ["The council performs well."], startLine: 3)],
        sourceFile: "wigan.txt", attribution: "Ofsted")

    /// Each change to a copy, one field at a time: the copy has it, the original and other copies do not.
    static let changes: [(String, @Sendable (inout Inspection) -> Void)] = [
        ("id", { $0.id = "wigan-apa-2007-2" }),
        ("authority", { $0.authority = AuthorityName(canonicalising: "Bolton") }),
        ("framework", { $0.framework = .jar }),
        ("title", { $0.title += " (revised)" }),
        ("letterDate", { $0.letterDate = nil }),
        ("inspectionStart", { $0.inspectionStart = PartialDate(year: 2007) }),
        ("inspectionEnd", { $0.inspectionEnd = PartialDate(year: 2008) }),
        ("publicationDate", { $0.publicationDate = PartialDate(year: 2008, month: 1) }),
        ("judgements", { $0.judgements[0].grade = "Outstanding" }),
        ("recommendations", { $0.recommendations.append(Recommendation(text: "Publish a plan.", timescale: .longerTerm, source: SourcePosition(file: "wigan.txt", line: 31))) }),
        ("sections", { $0.sections = [] }),
        ("keyFacts", { $0.keyFacts.append(KeyFact(label: "Children looked after", value: "412", source: SourcePosition(file: "wigan.txt", line: 40))) }),
        ("sourceFile", { $0.sourceFile = "wigan-2.txt" }),
        ("sidecarFields", { $0.sidecarFields = ["authority"] }),
        ("attribution", { $0.attribution = nil }),
    ]

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let before = try encoder.encode(Self.original)
        for (field, change) in Self.changes {
            var copy = Self.original
            let other = copy
            change(&copy)
            #expect(copy != Self.original, "\(field)")
            #expect(other == Self.original, "\(field)")
            #expect(try encoder.encode(Self.original) == before, "\(field)")
            // Equal fields make equal inspections, whatever object holds them.
            var same = Self.original
            change(&same)
            #expect(same == copy, "\(field)")
        }
    }

    @Test func copiesChangedOnManyThreadsStayApart() {
        let shared = Self.original
        let results = (0..<64).map { _ in shared }
        let changed = ParallelSlots<Inspection>(count: results.count)
        DispatchQueue.concurrentPerform(iterations: results.count) { index in
            var mine = results[index]
            mine.id = "copy-\(index)"
            mine.judgements.append(Self.original.judgements[0])
            changed.set(index, mine)
        }
        let values = changed.values()
        #expect(values.enumerated().allSatisfy { $1.id == "copy-\($0)" && $1.judgements.count == 2 })
        #expect(shared == Self.original && shared.judgements.count == 1)
    }

    @Test func codingIsThatOfItsFields() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(Self.original)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["id", "authority", "framework", "title", "letterDate", "inspectionEnd", "judgements", "recommendations",
                                     "sections", "keyFacts", "sourceFile", "sidecarFields", "attribution"])
        #expect(try JSONDecoder().decode(Inspection.self, from: json) == Self.original)
    }

    @Test func judgementRowsReadTheirInspection() {
        let site = SiteModel(inspections: [Self.original], vocabulary: .builtIn)
        let rows = site.judgementRows
        #expect(rows.count == 1)
        #expect(rows.first?.inspectionID == Self.original.id && rows.first?.authority == Self.original.authority)
        #expect(rows.first?.framework == .apa && rows.first?.date == Self.original.date && rows.first?.judgement == Self.original.judgements[0])
    }
}
