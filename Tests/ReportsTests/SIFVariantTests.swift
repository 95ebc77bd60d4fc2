import Foundation
import Testing
import Reports
import Site

/// SIF layouts the reader was not tuned on: each fixture is named after its quirk.
@Suite struct SIFVariantTests {
    static let sevenJudgements = [
        "overall-effectiveness", "help-and-protection", "children-looked-after", "adoption", "care-leavers",
        "leadership-management-governance", "lscb",
    ]

    @Test func gradeAndLabelsSplitOverLinesWithPageNumbersBetween() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("sif-grade-and-labels-split-over-lines.txt")
        #expect(inspection.framework == .sif)
        #expect(SIFFixtures.levels(inspection) == [
            "overall-effectiveness=2", "help-and-protection=2", "children-looked-after=3", "adoption=2", "care-leavers=3",
            "leadership-management-governance=3", "lscb=2",
        ])
        let byOutcome = Dictionary(uniqueKeysWithValues: inspection.judgements.map { ($0.outcome, $0) })
        #expect(byOutcome["help-and-protection"]?.wording == "1. Children who need help and protection")
        #expect(byOutcome["help-and-protection"]?.grade == "Requires improvement to be good")
        #expect(byOutcome["adoption"]?.wording == "2.1 Adoption performance")
        #expect(byOutcome["overall-effectiveness"]?.grade == "require improvement to be good")
        #expect(byOutcome["overall-effectiveness"]?.source.line == 11)
        #expect(byOutcome["lscb"]?.source.line == 40)
        #expect(byOutcome["lscb"]?.basis == .prose)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(inspection.authority.name == "Anytown")
        #expect(inspection.inspectionStart == PartialDate(year: 2014, month: 3, day: 3))
        #expect(inspection.publicationDate == PartialDate(year: 2014, month: 5, day: 1))
        #expect(inspection.recommendations.map(\.text) == [
            "Ensure that all children in need plans set out clear actions and timescales (page 12, paragraph 17).",
            "Improve the timeliness of adoption for older children (page 23, paragraph 57).",
        ])
        #expect(inspection.recommendations.allSatisfy { $0.timescale == .unspecified })
        let opener = try #require(inspection.sections.first { $0.heading.hasPrefix("The experiences and progress of children who need") })
        #expect(opener.heading == "The experiences and progress of children who need help and protection: Requires improvement to be good")
    }

    @Test func contentsEarlierInspectionsAndChildrensHomesAreNoJudgements() throws {
        let (inspection, _) = try SIFFixtures.extractFixture("sif-grade-and-labels-split-over-lines.txt")
        #expect(inspection.judgements.count == 7)
        #expect(!inspection.judgements.contains { $0.grade.lowercased() == "adequate" })
        #expect(!inspection.judgements.contains { $0.source.line > 45 && $0.source.line < 75 })
    }

    @Test func crlfLineEndingsAndByteOrderMarkReadTheSame() throws {
        for name in ["sif-grade-and-labels-split-over-lines.txt", "sif-headings-in-upper-case-straight-apostrophes.txt"] {
            let text = try SIFFixtures.fixture(name)
            let plain = try #require(SIFFixtures.extract(text, path: name).inspection)
            let windows = try #require(SIFFixtures.extract("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), path: name).inspection)
            #expect(windows.judgements == plain.judgements)
            #expect(windows.sections == plain.sections)
            #expect(windows.inspectionEnd == plain.inspectionEnd)
        }
    }

    @Test func headingsInUpperCaseWithStraightApostrophes() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("sif-headings-in-upper-case-straight-apostrophes.txt")
        #expect(inspection.framework == .sif)
        #expect(SIFFixtures.levels(inspection) == [
            "overall-effectiveness=3", "help-and-protection=3", "children-looked-after=4", "adoption=4", "care-leavers=3",
            "leadership-management-governance=3", "lscb=3",
        ])
        #expect(inspection.judgements.first?.wording == "CHILDREN'S SERVICES IN ANYTOWN ARE GOOD")
        #expect(inspection.authority.name == "Anytown")
        #expect(inspection.inspectionEnd == PartialDate(year: 2016, month: 6, day: 24))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func markdownInLowerCaseWithStraightApostrophes() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("sif-markdown-lower-case-straight-apostrophes.txt")
        #expect(SIFFixtures.levels(inspection) == [
            "overall-effectiveness=1", "help-and-protection=1", "children-looked-after=2", "adoption=3", "care-leavers=2",
            "leadership-management-governance=1", "lscb=1",
        ])
        #expect(inspection.judgements.map(\.source.line) == [13, 17, 18, 19, 20, 21, 40])
        #expect(inspection.judgements.map(\.basis) == [.headline, .table, .table, .table, .table, .table, .headline])
        #expect(inspection.judgements.first { $0.outcome == "help-and-protection" }?.grade == "inadequate")
        #expect(inspection.inspectionStart == PartialDate(year: 2014, month: 11, day: 3))
        #expect(inspection.publicationDate == PartialDate(year: 2015, month: 1, day: 15))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(!inspection.sections.contains { $0.heading == "Contents" })
    }

    @Test func labelAndGradeInColumnsWithNumericDates() throws {
        let (inspection, _) = try SIFFixtures.extractFixture("sif-label-and-grade-in-columns.txt")
        #expect(SIFFixtures.levels(inspection) == [
            "overall-effectiveness=1", "help-and-protection=1", "children-looked-after=2", "adoption=3", "care-leavers=2",
            "leadership-management-governance=1", "lscb=1",
        ])
        #expect(inspection.judgements.filter { $0.basis == .table }.count == 5)
        #expect(inspection.inspectionStart == PartialDate(year: 2014, month: 2, day: 10))
        #expect(inspection.inspectionEnd == PartialDate(year: 2014, month: 3, day: 5))
        #expect(inspection.publicationDate == PartialDate(year: 2014, month: 4, day: 22))
    }

    @Test func unreadableGradeIsKeptWithoutLevelAndReported() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("sif-unreadable-grade.txt")
        let adoption = try #require(inspection.judgements.first { $0.outcome == "adoption" })
        #expect(adoption.level == nil)
        #expect(adoption.grade == "Goood")
        #expect(adoption.source.line == 20)
        #expect(inspection.judgements.map(\.outcome) == Self.sevenJudgements)
        let warning = try #require(diagnostics.first { $0.message.contains("cannot be read") })
        #expect(warning.description.hasPrefix("sif-unreadable-grade.txt:20: warning:"))
    }

    @Test func bodyOpenerThatDisagreesWithTheTableIsReported() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("sif-body-opener-disagrees-with-table.txt")
        let help = try #require(inspection.judgements.first { $0.outcome == "help-and-protection" })
        #expect(help.level == .good)
        #expect(help.source.line == 11)
        let warning = try #require(diagnostics.first { $0.message.contains("help-and-protection") })
        #expect(warning.line == 35)
        #expect(warning.message.contains("Inadequate"))
    }

    /// Confirmations in the body of a real report agree with its front page, so no warning is raised,
    /// and they are found: Croydon's "The graded judgement for adoption performance is that it requires / improvement".
    @Test func bodyStatementsOfARealReportConfirmTheFrontPage() throws {
        let file = "croydon-SIF-2017.txt"
        var text = try SIFFixtures.content(file)
        text = text.replacingOccurrences(of: "2.1 Adoption performance\n\nRequires improvement", with: "2.1 Adoption performance\n\nGood")
        let extraction = SIFFixtures.extract(text, path: file)
        let warning = try #require(extraction.diagnostics.first { $0.message.contains("adoption") })
        #expect(warning.line == 859)
    }
}
