import Foundation
import Testing
import Reports
import Site

/// ILACS layouts the reader was not tuned on: each fixture is named after its quirk.
@Suite struct ILACSVariantTests {
    @Test func labelsSplitDifferentlyWithRunningFooters() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("ilacs-labels-split-differently-with-page-furniture.txt")
        #expect(inspection.framework == .ilacs)
        #expect(SIFFixtures.levels(inspection) == [
            "leadership-management-governance=2", "help-and-protection=3", "children-looked-after=2", "care-leavers=1",
            "overall-effectiveness=2",
        ])
        #expect(inspection.judgements.map(\.grade) == [
            "Requires improvement to be good", "Good", "Requires improvement to be good", "Inadequate", "Requires improvement to be good",
        ])
        #expect(inspection.judgements.first?.wording == "The impact of leaders on social work practice with children and families")
        #expect(inspection.judgements.map(\.source.line) == [5, 10, 14, 18, 21])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(inspection.authority.name == "Anytown")
        #expect(inspection.inspectionStart == PartialDate(year: 2023, month: 10, day: 9))
        #expect(inspection.inspectionEnd == PartialDate(year: 2023, month: 10, day: 20))
        #expect(inspection.publicationDate == nil)
        #expect(inspection.recommendations.map(\.text) == [
            "The quality of pathway plans for care leavers.", "Management oversight of children in care.",
        ])
        let paragraphs = inspection.sections.flatMap(\.paragraphs)
        #expect(!paragraphs.contains { $0.contains("Inspection of Anytown") || $0.contains("9 to 20 October 2023") })
        #expect(inspection.sections.map(\.heading).contains("The experiences and progress of children in care: requires improvement to be good"))
    }

    @Test func gradeBesideLabelInColumns() throws {
        let (inspection, _) = try SIFFixtures.extractFixture("ilacs-grade-beside-label.txt")
        #expect(inspection.framework == .ilacs)
        #expect(SIFFixtures.levels(inspection) == [
            "leadership-management-governance=3", "help-and-protection=4", "children-looked-after=3", "overall-effectiveness=3",
        ])
        #expect(inspection.judgements.map(\.wording).contains("The experiences and progress of children in care and care leavers"))
    }

    @Test func unreadableGradeIsKeptWithoutLevelAndReported() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("ilacs-unreadable-grade.txt")
        let help = try #require(inspection.judgements.first { $0.outcome == "help-and-protection" })
        #expect(help.level == nil)
        #expect(help.grade == "Requires improvment to be good")
        #expect(inspection.judgements.count == 4)
        #expect(diagnostics.contains { $0.line == 14 && $0.severity == .warning && $0.message.contains("cannot be read") })
    }

    /// The 2018 report's title ("Inspection of children's social care services") names no framework the
    /// provisional reader knew; the table's structure is what marks it as ILACS.
    @Test func recognisedByTheJudgementTableNotTheTitle() throws {
        var text = try SIFFixtures.content("north-yorkshire-ILACS-2018.txt")
        text = text.replacingOccurrences(of: "Inspection of children’s social care services", with: "Report on children’s services")
        let inspection = try #require(SIFFixtures.extract(text, path: "x.txt").inspection)
        #expect(inspection.framework == .ilacs)
        #expect(inspection.judgements.count == 4)
    }
}

@Suite struct ILACSMissingJudgementTests {
    /// From 2023 care leavers are judged apart; a report that names children in care alone but gives no
    /// care leavers' grade is reported as incomplete.
    @Test func missingCareLeaversJudgementIsReported() throws {
        var text = try SIFFixtures.fixture("ilacs-labels-split-differently-with-page-furniture.txt")
        text = text.replacingOccurrences(of: "The experiences and progress\nof care leavers\nInadequate\n", with: "")
            .replacingOccurrences(of: "The experiences and progress of care leavers: inadequate\n", with: "")
        let extraction = SIFFixtures.extract(text, path: "x.txt")
        #expect(extraction.inspection?.judgements.contains { $0.outcome == "care-leavers" } == false)
        #expect(extraction.diagnostics.contains { $0.message.contains("(care-leavers)") })
        #expect(extraction.diagnostics.count == 1)
    }
}

@Suite struct ILACSColumnTableTests {
    /// Some PDF-to-text tools read the table column by column: all labels, then all grades.
    @Test func labelsAndGradesInSeparateColumns() throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture("ilacs-labels-and-grades-in-separate-columns.txt")
        #expect(inspection.framework == .ilacs)
        #expect(SIFFixtures.levels(inspection) == [
            "leadership-management-governance=3", "help-and-protection=2", "children-looked-after=3", "overall-effectiveness=3",
        ])
        #expect(inspection.judgements.map(\.source.line) == [5, 7, 9, 11])
        #expect(inspection.judgements.map(\.grade).contains("Requires improvement to be good"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
