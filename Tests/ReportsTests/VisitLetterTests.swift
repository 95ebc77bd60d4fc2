import Foundation
import Testing
@testable import Reports
import Site

/// Focused and monitoring visits and JTAIs are not graded: their letters yield no judgements, even where
/// they recall an earlier grade or use grade words.
@Suite struct VisitLetterTests {
    @Test(arguments: [
        "visit-focused-visit-letter.txt", "visit-monitoring-visit-after-inadequate.txt", "visit-joint-targeted-area-inspection.txt",
    ])
    func visitLettersAreRecognisedAndYieldNoGrades(file: String) throws {
        let (inspection, diagnostics) = try SIFFixtures.extractFixture(file)
        #expect(inspection.framework == .visit)
        #expect(inspection.judgements.isEmpty)
        #expect(inspection.authority.name == "Anytown")
        #expect(!diagnostics.contains { $0.severity != .note }, "\(diagnostics)")
    }

    @Test func focusedVisitDatesTitleAndRecommendations() throws {
        let (inspection, _) = try SIFFixtures.extractFixture("visit-focused-visit-letter.txt")
        #expect(inspection.title == "Focused visit to Anytown local authority children’s services")
        #expect(inspection.letterDate == PartialDate(year: 2019, month: 3, day: 14))
        #expect(inspection.inspectionStart == PartialDate(year: 2019, month: 2, day: 19))
        #expect(inspection.inspectionEnd == PartialDate(year: 2019, month: 2, day: 20))
        #expect(inspection.recommendations.map(\.text) == [
            "The consistency of written plans for children in need.", "Management oversight of cases that are stepped down to early help.",
        ])
    }

    @Test func monitoringAndJointVisitDates() throws {
        let (monitoring, _) = try SIFFixtures.extractFixture("visit-monitoring-visit-after-inadequate.txt")
        #expect(monitoring.inspectionStart == PartialDate(year: 2022, month: 6, day: 8))
        #expect(monitoring.inspectionEnd == PartialDate(year: 2022, month: 6, day: 9))
        let (joint, _) = try SIFFixtures.extractFixture("visit-joint-targeted-area-inspection.txt")
        #expect(joint.inspectionStart == PartialDate(year: 2019, month: 10, day: 14))
        #expect(joint.inspectionEnd == PartialDate(year: 2019, month: 10, day: 18))
        #expect(joint.letterDate == PartialDate(year: 2019, month: 12, day: 2))
    }

    /// A graded report that happens to be written as a letter, or mention a focused visit, stays graded.
    @Test func gradedReportsMentioningVisitsAreNotVisits() throws {
        for file in SIFFixtures.reports {
            let inspection = try #require(SIFFixtures.extract(try SIFFixtures.content(file), path: file).inspection)
            #expect(inspection.framework != .visit, "\(file)")
        }
    }
}

/// The SIF, ILACS and visit layouts claim none of the APA letters and joint area review bundled beside them.
@Suite struct VisitAndGradedLayoutScopeTests {
    @Test(arguments: ["stoke-on-trent-APA-2007.txt", "staffordshire-APA-2006.txt", "stockport-APA-2006.txt", "stoke-on-trent-JAR-2006.txt"])
    func otherFrameworksScoreNothing(file: String) throws {
        let text = ReportText(path: file, text: try SIFFixtures.content(file))
        #expect(SIFReport().score(text) == 0)
        #expect(ILACSReport().score(text) == 0)
        #expect(VisitLetter().score(text) == 0)
    }
}
