import Foundation
import Testing
@testable import Reports
import Site

/// Excerpts in shapes the readers were not tuned on: other authorities, tables printed other ways, line
/// endings, byte order marks, headings in capitals, curly apostrophes, page furniture in other places.
@Suite struct LayoutVariantTests {
    static let wiganSummary = [
        "overall-effectiveness=3", "capacity-to-improve=3", "social-care-services=2",
        "being-healthy=2", "staying-safe=3", "enjoying-and-achieving=4", "making-a-positive-contribution=3",
        "achieving-economic-well-being=2",
    ]

    @Test(arguments: [
        "apa-2006-summary-table-tabs.txt", "apa-2006-summary-table-markdown.txt",
        "apa-2006-summary-table-flattened.txt", "apa-2006-summary-table-pdftotext-layout.txt", "apa-2006-windows-1252-apostrophes.txt",
    ])
    func summaryTableIsReadHoweverItIsPrinted(fixture: String) throws {
        let extraction = try Fixtures.report(fixture)
        let inspection = try #require(extraction.inspection)
        #expect(inspection.framework == .apa)
        #expect(inspection.authority.slug == "wigan")
        #expect(inspection.letterDate == PartialDate(year: 2006, month: 11, day: 3))
        #expect(inspection.judgements.map(\.summary) == Self.wiganSummary)
        #expect(inspection.judgements.filter { $0.basis == .table }.map(\.outcome) == ["overall-effectiveness", "capacity-to-improve", "social-care-services"])
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
    }

    @Test func gradeWordsAboutOtherThingsAreNotJudgements() throws {
        let judgements = try #require(Fixtures.report("apa-2006-summary-table-tabs.txt").inspection).judgements
        // "Good partnership arrangements are in place" comes before the adequate judgement sentence;
        // "Progress … has been excellent" and "Strategic planning is excellent" judge nothing.
        #expect(judgements.first { $0.outcome == "being-healthy" }?.grade == "adequate")
        #expect(judgements.first { $0.outcome == "staying-safe" }?.level == .good)
        #expect(!judgements.contains { $0.outcome == "service-management" })
    }

    static let rochdale = [
        "overall-effectiveness=3", "being-healthy=3", "staying-safe=1", "capacity-to-improve=3",
    ]

    @Test(arguments: [
        "apa-2007-crlf-line-endings.txt", "apa-2007-byte-order-mark.txt", "apa-2007-headings-in-capitals.txt",
        "apa-2007-curly-apostrophes.txt",
    ])
    func gradeLinesAreReadInEveryEncodingOfTheLetter(fixture: String) throws {
        let extraction = try Fixtures.report(fixture)
        let inspection = try #require(extraction.inspection)
        #expect(inspection.authority.slug == "rochdale")
        #expect(inspection.letterDate == PartialDate(year: 2007, month: 11, day: 19))
        #expect(inspection.judgements.map(\.summary) == Self.rochdale)
        #expect(inspection.judgements.allSatisfy { $0.basis == .gradeLine })
        #expect(inspection.judgements.map(\.source.line) == [15, 25, 37, 49])
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
        let recommendations = inspection.recommendations.map { "\($0.context ?? ""): \($0.text)" }
        #expect(recommendations.count == 2)
        #expect(recommendations.first?.hasSuffix(": Reduce teenage pregnancies.") == true)
        #expect(recommendations.last?.hasSuffix(": Improve the timeliness of initial assessments.") == true)
    }

    @Test func aGradeLineDisplacedIntoTheSectionIsItsGrade() throws {
        let inspection = try #require(Fixtures.report("apa-2007-crlf-line-endings.txt").inspection)
        let healthy = try #require(inspection.judgements.first { $0.outcome == "being-healthy" })
        #expect(healthy.source.line == 25)
        let section = try #require(inspection.sections.first { $0.heading == "Summary of strengths and areas for development" })
        #expect(section.paragraphs.contains { $0.hasSuffix("Partnership work with the primary care trust has improved. Good performance management arrangements are in place.") })
    }

    @Test func anUnreadableGradeIsKeptAndReported() throws {
        let extraction = try Fixtures.report("apa-2007-unreadable-grade.txt")
        let safe = try #require(extraction.inspection?.judgements.first { $0.outcome == "staying-safe" })
        #expect(safe.level == nil)
        #expect(safe.grade == "5")
        #expect(extraction.diagnostics.map(\.description) == [
            "apa-2007-unreadable-grade.txt:37: warning: grade for \"Staying safe\" is \"5\"; expected one of 4, 3, 2, 1; kept with no level",
        ])
    }

    @Test func withoutGradeLinesTheJudgementSentencesAreRead() throws {
        let extraction = try Fixtures.report("apa-2007-grade-line-missing.txt")
        let judgements = try #require(extraction.inspection).judgements
        #expect(judgements.map(\.summary) == Self.rochdale)
        #expect(judgements.filter { $0.basis == .prose }.map(\.outcome) == ["being-healthy", "staying-safe"])
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
    }

    @Test func aJudgementSentenceSplitAcrossLinesAndPagesIsRead() throws {
        let extraction = try Fixtures.report("apa-2006-judgement-sentence-split-across-lines.txt")
        let inspection = try #require(extraction.inspection)
        #expect(inspection.authority.slug == "bolton")
        #expect(inspection.judgements.map(\.summary) == [
            "overall-effectiveness=2", "capacity-to-improve=2", "social-care-services=2",
            "being-healthy=2", "staying-safe=3", "enjoying-and-achieving=nil",
        ])
        let healthy = try #require(inspection.judgements.first { $0.outcome == "being-healthy" })
        #expect(healthy.source.line == 32)
        #expect(extraction.diagnostics.map(\.description) == [
            "apa-2006-judgement-sentence-split-across-lines.txt:39: warning: no grade found for \"Enjoying and achieving\": no grade line and no judgement sentence; kept with no level",
        ])
        #expect(!inspection.sections.flatMap(\.paragraphs).contains { $0.contains("Page 2") })
    }

    @Test func jointAreaReviewWithPageHeadersAtTheTopOfEachPage() throws {
        let extraction = try Fixtures.report("jar-page-headers-at-top-with-number-first.txt")
        let inspection = try #require(extraction.inspection)
        #expect(inspection.framework == .jar)
        #expect(inspection.authority.slug == "wigan")
        #expect(inspection.judgements.map(\.summary) == [
            "being-healthy@Local services overall=3", "staying-safe@Local services overall=2",
            "capacity-to-improve@Local services overall=3", "capacity-to-improve@Council services=3",
            "overall-effectiveness@Council services=3", "health-services@Health services=nil",
        ])
        #expect(extraction.diagnostics.map(\.description).contains(
            "jar-page-headers-at-top-with-number-first.txt:63: warning: grade for \"The health service for children\" is \"x\"; expected one of 4, 3, 2, 1; kept with no level"))
        let paragraphs = inspection.sections.flatMap(\.paragraphs)
        #expect(paragraphs.contains { $0.contains("Weak capacity in children’s social care has been addressed.") })
        #expect(paragraphs.contains { $0.contains("multi-disciplinary teams") && !$0.contains("Joint area review") })
        #expect(paragraphs.contains { $0.contains("with inter-agency work.") })
        #expect(inspection.keyFacts.map { "\($0.label)=\($0.value)" } == ["Children looked after=512", "Children on child protection plans=230"])
        #expect(inspection.recommendations.map(\.timescale) == [.immediate, .longerTerm])
    }
}

/// Shapes written inline: each is a few lines, and the point of each test is in its text.
@Suite struct InlineVariantTests {
    static func extract(_ text: String, path: String = "inline.txt") -> Extraction {
        ReportExtractor().extract(ReportSource(path: path, text: text))
    }

    @Test func gradeOnTheHeadingLine() throws {
        let extraction = Self.extract("""
        ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN SALFORD CITY COUNCIL 2008

        2 December 2008

        Overall effectiveness of children's services    Grade 3

        Being healthy                                   Grade 3

        Children are healthy.

        Staying safe: Grade 2

        Children are safe enough.
        """)
        let inspection = try #require(extraction.inspection)
        #expect(inspection.authority.slug == "salford")
        #expect(inspection.judgements.map(\.summary) == ["overall-effectiveness=3", "being-healthy=3", "staying-safe=2"])
        #expect(inspection.judgements.map(\.source.line) == [5, 7, 11])
        #expect(inspection.sections.map(\.heading).contains("Being healthy"))
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
    }

    @Test func titleAndAddressNamingDifferentCouncilsIsReported() throws {
        let extraction = Self.extract("""
        Director of Children's Services
        Bolton Metropolitan Borough Council
        Town Hall

        Dear Sir

        2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WIGAN COUNCIL

        Being healthy

        The council makes a good contribution to the health of children.
        """)
        #expect(extraction.inspection?.authority.slug == "wigan")
        #expect(extraction.diagnostics.map(\.description).contains(
            "inline.txt:7: warning: the title names \"WIGAN COUNCIL\" but the address names \"Bolton Metropolitan Borough Council\"; the title is used"))
    }

    @Test func aJudgementSentenceThatDisagreesWithTheGradeLineIsReported() throws {
        let extraction = Self.extract("""
        2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN YORK

        Staying safe

        Grade 3

        The contribution of services to improving outcomes for children and young people in this aspect is adequate.
        """)
        #expect(extraction.inspection?.judgements.map(\.summary) == ["staying-safe=3"])
        #expect(extraction.diagnostics.map(\.description).contains(
            "inline.txt:1: warning: no judgement of overall effectiveness found (neither a summary table row nor an outcome heading for it)"))
        #expect(extraction.diagnostics.map(\.description).contains(
            "inline.txt:7: warning: the text calls \"Staying safe\" adequate but line 5 grades it 3; the grade on line 5 is used"))
    }

    @Test func aJointAreaReviewWithNoReadableTableFallsBackToItsSentences() throws {
        let extraction = Self.extract("""
        Joint area review of Leeds                     5

        Being healthy

        The combined work of all local services in securing the health of
        children and young people is good.

        Staying safe

        Children are kept safe in most cases.

        Joint area review of Leeds                     6
        """)
        let inspection = try #require(extraction.inspection)
        #expect(inspection.framework == .jar)
        #expect(inspection.authority.slug == "leeds")
        #expect(inspection.judgements.map(\.summary) == ["being-healthy=3", "staying-safe=nil"])
        #expect(inspection.judgements.first?.source.line == 6)
        let messages = extraction.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("inline.txt: warning: no grades table found") })
        #expect(messages.contains("inline.txt:8: warning: no grade found for \"Staying safe\": no grade line and no judgement sentence; kept with no level"))
    }
}

@Suite struct GradeWordTests {
    @Test(arguments: [
        ("Grade 2", Framework.apa, Level?.some(.adequate)), ("Grade: two", .apa, .adequate), ("4", .jar, .outstanding),
        ("excellent", .apa, .outstanding), ("Grade 5", .apa, nil), ("requires improvement", .apa, nil),
        ("adequate", .sif, nil), ("<b>Requires improvement</b>", .sif, .adequate), ("2", .sif, nil),
    ])
    func gradesAreReadOnlyInTheirFrameworksScale(written: String, framework: Framework, level: Level?) {
        #expect(GradeWords.level(of: written, in: framework) == level)
    }

    /// The bound the SIF and ILACS row reader relies on to pass over prose without reading it as a grade.
    @Test func noGradeHasMoreWordsThanMostWords() {
        let scales = [GradeWords.common, GradeWords.numberedScale, GradeWords.slacScale, GradeWords.requiresImprovementScale]
        #expect(scales.flatMap(\.keys).map { $0.split(separator: " ").count }.max() == GradeWords.mostWords)
        #expect(GradeWords.level(of: "**Requires improvement to be good.**", in: .ilacs) == .adequate)
        #expect(GradeWords.level(of: "Requires improvement to be good overall", in: .sif) == nil)
    }
}

@Suite struct ColumnarJointAreaReviewTests {
    @Test func gradesStandUnderTheirColumnHeadings() throws {
        let extraction = try Fixtures.report("jar-grades-table-pdftotext-layout.txt")
        let inspection = try #require(extraction.inspection)
        #expect(inspection.framework == .jar)
        #expect(inspection.authority.slug == "kent")
        #expect(inspection.judgements.map(\.summary) == [
            "being-healthy@Local services overall=3", "staying-safe@Local services overall=2",
            "capacity-to-improve@Local services overall=3", "capacity-to-improve@Council services=2",
            "overall-effectiveness@Council services=3", "health-services@Health services=4",
        ])
        #expect(inspection.judgements.map(\.source.line) == [20, 21, 22, 22, 23, 24])
        #expect(extraction.diagnostics.sorted().map(\.description) == [
            "jar-grades-table-pdftotext-layout.txt: warning: no date found in the text (a sidecar can supply one)",
            "jar-grades-table-pdftotext-layout.txt:26: warning: grades row \"The youth service\" names no known outcome; its grades are not read",
        ])
        #expect(inspection.recommendations.map(\.timescale) == [.withinSixMonths])
    }
}

@Suite struct SeparatePageNumberTests {
    @Test func aHeaderWithItsPageNumberOnAnotherLineIsFurnitureAndNamesTheArea() throws {
        let extraction = try Fixtures.report("jar-header-and-page-number-on-separate-lines.txt")
        let inspection = try #require(extraction.inspection)
        // The standalone line about the earlier annual performance assessment is no APA title.
        #expect(inspection.framework == .jar)
        #expect(inspection.authority.slug == "hertfordshire")
        #expect(inspection.publicationDate == PartialDate(year: 2007, month: 8, day: 14))
        #expect(!inspection.sections.contains { $0.heading.contains("joint area review of children") })
        #expect(!inspection.sections.flatMap(\.paragraphs).contains { $0 == "2" || $0 == "3" })
        // No grades table here: the judgement sentences are read instead, and the missing table reported.
        #expect(inspection.judgements.map(\.summary) == ["being-healthy=3", "staying-safe=2"])
        #expect(extraction.diagnostics.map(\.description) == [
            "jar-header-and-page-number-on-separate-lines.txt: warning: no grades table found (a scale line such as \"4: outstanding; 3: good; 2: adequate; 1: inadequate\" followed by rows)",
        ])
    }
}
