import Foundation
import Testing
@testable import Render
import Markdown
import Site

/// The bundled templates render a fixture site (two inspections of one authority, with the quirks pages
/// must handle) into the Markdown in `Tests/Fixtures/Golden`. Run with `SITEGEN_UPDATE_GOLDEN=1` to
/// rewrite the golden files, then review the diff like code.
@Suite struct SitePagesGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = repository.appendingPathComponent("Tests/Fixtures/Golden")

    static func renderer() throws -> SiteRenderer {
        SiteRenderer(templates: try TemplateSet(folder: repository.appendingPathComponent("Templates")), baseURL: "https://example.org/site")
    }

    @Test(arguments: [
        ("inspections/testshire-sif-2015/index.html", "site-inspection.md"),
        ("authorities/testshire/index.html", "site-authority.md"),
        ("outcomes/overall-effectiveness/index.html", "site-outcome.md"),
        ("index.html", "site-home.md"),
    ])
    func pageMatchesGolden(page: String, goldenFile: String) throws {
        let markdown = try #require(try Self.renderer().markdown(of: page, in: SiteFixture.site))
        let url = Self.golden.appendingPathComponent(goldenFile)
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try markdown.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(markdown == expected, "run with SITEGEN_UPDATE_GOLDEN=1 to refresh \(goldenFile), then review the diff")
    }

    @Test func reportTextNeverBecomesMarkup() throws {
        let files = try Self.renderer().render(SiteFixture.site)
        let page = try #require(files.first { $0.path == "inspections/testshire-sif-2015/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains(#"href="javascript"#), "an escaped link must not become a live href")
        #expect(html.contains("[a link](javascript:alert(1))"))
        #expect(!html.contains("<em>not emphasis</em>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains(#"<h3 id="section-findings-and-script" class="report-heading">Findings &amp; &lt;script&gt;"#))
        #expect(html.contains("<td>Requires improvement to be good</td>"))
        #expect(html.contains("<p>Adoption performance is good.</p>"), "an indented paragraph is not code")
        #expect(html.contains(#"<strong class="badge badge--adequate">2 Requires improvement to be good</strong>"#))
    }

    @Test func inspectionPageShowsSidecarDatesNeighboursAndGroupedRecommendations() throws {
        let markdown = try #require(try Self.renderer().markdown(of: "inspections/testshire-sif-2015/index.html", in: SiteFixture.site))
        #expect(markdown.contains(#"<time datetime="2015-07-10">10 July 2015</time> <span class="tag-sidecar">from the sidecar</span>"#))
        #expect(markdown.contains(#"<a class="pager__previous" href="../../inspections/testshire-apa-2007/index.html" rel="prev">"#))
        #expect(!markdown.contains("pager__next"))
        let immediately = try #require(markdown.range(of: "### Immediately"))
        let later = try #require(markdown.range(of: "### Within six months"))
        #expect(immediately.lowerBound < later.lowerBound)
        #expect(markdown.contains(##"<li><a href="#section-findings-and-script-2">"##), "repeated headings get distinct anchors")
    }

    @Test func ungradedVisitsStandOnTheTimelineWithoutALevel() throws {
        let visit = Inspection(
            id: "testshire-visit-2019", authority: SiteFixture.authority, framework: .visit, title: "Focused visit: Testshire",
            letterDate: PartialDate(year: 2019, month: 5), sourceFile: "testshire-visit-2019.txt")
        let site = SiteModel(inspections: [SiteFixture.sif, SiteFixture.apa, visit], vocabulary: .builtIn)
        let markdown = try #require(try Self.renderer().markdown(of: "authorities/testshire/index.html", in: site))
        #expect(markdown.contains(">not graded</text>"))
        #expect(markdown.contains("Visit 2019: not graded.</desc>"))
        #expect(markdown.contains(##"<th scope="col">Visit 2019 <span class="small">(not graded)</span></th>"##))
        #expect(markdown.matches(of: #/<circle /#).count == site.judgementRows.count, "one mark per judgement; the visit adds none")
    }

    @Test func undatedPagesAndChartsComeOutTheSameTwice() throws {
        let first = try Self.renderer().render(SiteFixture.site)
        let second = try Self.renderer().render(SiteFixture.site)
        #expect(first == second)
        #expect(first.map(\.path).contains("feed.xml"))
    }
}

enum SiteFixture {
    static let authority = AuthorityName(name: "Testshire", slug: "testshire")

    static func at(_ line: Int, _ file: String = "testshire-SIF-2015.txt") -> SourcePosition {
        SourcePosition(file: file, line: line)
    }

    static let apa = Inspection(
        id: "testshire-apa-2007", authority: authority, framework: .apa, title: "Annual performance assessment: Testshire",
        letterDate: PartialDate(year: 2007, month: 11, day: 26),
        judgements: [
            Judgement(outcome: "overall-effectiveness", wording: "Overall effectiveness of children's services", grade: "2", level: .adequate, basis: .gradeLine, source: at(17, "testshire-APA-2007.txt")),
            Judgement(outcome: "staying-safe", wording: "Staying safe", grade: "1", level: .inadequate, basis: .gradeLine, source: at(45, "testshire-APA-2007.txt")),
        ],
        sections: [ReportSection(heading: "Overall effectiveness", paragraphs: ["The contribution is adequate."], startLine: 16)],
        sourceFile: "testshire-APA-2007.txt")

    static let sif = Inspection(
        id: "testshire-sif-2015", authority: authority, framework: .sif, title: "Children's services in Testshire",
        inspectionStart: PartialDate(year: 2015, month: 6, day: 22), inspectionEnd: PartialDate(year: 2015, month: 7, day: 10),
        judgements: [
            Judgement(outcome: "overall-effectiveness", wording: "Children's services in Testshire require improvement to be good", grade: "Requires improvement to be good", level: .adequate, basis: .headline, source: at(12)),
            Judgement(outcome: "adoption", wording: "2.1 Adoption performance", grade: "Good", level: .good, basis: .table, source: at(40)),
            Judgement(outcome: "lscb", wording: "The Local Safeguarding Children Board", grade: "", level: nil, basis: .prose, source: at(300)),
        ],
        recommendations: [
            Recommendation(text: "Improve the timeliness of assessments.", timescale: .withinSixMonths, context: "Recommendations", source: at(90)),
            Recommendation(text: "Ensure every child has a social worker *now*.", timescale: .immediate, source: at(88)),
        ],
        sections: [
            ReportSection(heading: "Findings & <script>", paragraphs: [
                "Text with <script>alert(1)</script> and [a link](javascript:alert(1)) and *not emphasis*.",
                "# not a heading\n\n<table><tr><td>not a table</td></tr></table>",
            ], startLine: 20),
            ReportSection(heading: "Adoption", depth: 2, paragraphs: ["        Adoption performance is good."], startLine: 38),
            ReportSection(heading: "Findings & <script>", paragraphs: ["Again."], startLine: 60),
        ],
        keyFacts: [KeyFact(label: "Children looked after", value: "1,020", source: at(5))],
        sourceFile: "testshire-SIF-2015.txt", sidecarFields: ["inspection_end"], attribution: "End date from the covering letter.")

    static let site = SiteModel(inspections: [sif, apa], vocabulary: .builtIn)
}

@Suite struct AnchorTests {
    @Test func repeatedHeadingsGetDistinctAnchorsEvenWhenAHeadingLooksNumbered() {
        #expect(Anchors.unique(["Findings", "Findings", "Findings 2", "Adoption"]) == [
            "section-findings", "section-findings-2", "section-findings-2-2", "section-adoption",
        ])
    }
}
