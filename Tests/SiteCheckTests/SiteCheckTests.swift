import Foundation
import Testing
@testable import SiteCheck
import Site

@Suite struct SiteCheckTests {
    static func page(_ body: String) -> String {
        "<!DOCTYPE html><html><body>\(body)</body></html>"
    }

    static let cleanFiles = SiteFiles(
        paths: ["index.html", "outcomes/safe/index.html", "inspections/a/index.html", "assets/site.css"],
        pages: [
            "index.html": page(##"<a href="outcomes/safe/index.html#top">Safe</a> <a href="https://ofsted.gov.uk/">Ofsted</a>"##),
            "outcomes/safe/index.html": page(##"<h1 id="top">Safe</h1><a href="../../inspections/a/">A</a><link href="../../assets/site.css">"##),
            "inspections/a/index.html": page(##"<a href="../../outcomes/safe/index.html">Safe</a><a href="#top">top</a><p id="top"></p>"##),
        ])

    static let expectations = SiteChecker.Expectations(
        requiredPages: ["index.html", "outcomes/safe/index.html", "inspections/a/index.html"],
        requiredLinks: ["outcomes/safe/index.html": ["inspections/a/index.html"], "inspections/a/index.html": ["outcomes/safe/index.html"]])

    @Test func aConsistentSiteHasNoProblems() {
        let report = SiteChecker(expectations: Self.expectations).check(Self.cleanFiles)
        #expect(report.isClean, "\(report.problems)")
        #expect(report.pagesChecked == 3)
        #expect(report.linksChecked == 5)
    }

    @Test func brokenLinksAndMissingAnchorsAreReportedOnTheirPage() {
        var files = Self.cleanFiles
        files.pages["index.html"] = Self.page(##"<a href="outcomes/gone/index.html">x</a><a href="outcomes/safe/index.html#nowhere">y</a>"##)
        let report = SiteChecker(expectations: .init(requiredPages: [], requiredLinks: [:])).check(files)
        #expect(report.pages.map(\.page) == ["index.html"])
        #expect(report.problems.map(\.kind) == [
            .brokenLink("outcomes/gone/index.html"), .missingAnchor("outcomes/safe/index.html#nowhere"),
        ])
    }

    @Test func missingPagesAndMissingRequiredLinksAreReported() {
        var files = Self.cleanFiles
        files.pages["outcomes/safe/index.html"] = Self.page(##"<h1 id="top">Safe</h1>"##)
        var expectations = Self.expectations
        expectations.requiredPages.append("authorities/x/index.html")
        let report = SiteChecker(expectations: expectations).check(files)
        #expect(report.problems == [
            .init(page: "authorities/x/index.html", kind: .missingPage),
            .init(page: "outcomes/safe/index.html", kind: .missingLink("inspections/a/index.html")),
        ])
    }

    @Test func chartsNeedATextAlternativeAndIDsMustBeUnique() {
        var files = Self.cleanFiles
        files.pages["index.html"] = Self.page(##"<svg viewBox="0 0 1 1"><rect/></svg><svg aria-label="ok"></svg><p id="a"></p><p id="a"></p>"##)
        let report = SiteChecker(expectations: .init(requiredPages: [], requiredLinks: [:])).check(files)
        #expect(report.problems.map(\.kind) == [.chartWithoutTextAlternative, .duplicateID("a")])
    }

    @Test func linksResolveLikeABrowserWould() {
        let check = SiteChecker(expectations: .init(requiredPages: [], requiredLinks: [:]), baseURL: "https://example.org/reports")
        #expect(check.resolve("../../authorities/x/", from: "inspections/a/index.html")?.path == "authorities/x/index.html")
        #expect(check.resolve("#s1", from: "inspections/a/index.html")! == ("inspections/a/index.html", "s1"))
        #expect(check.resolve("/index.html", from: "404.html")?.path == "index.html")
        #expect(check.resolve("https://example.org/reports/feed.xml", from: "404.html")?.path == "feed.xml")
        #expect(check.resolve("https://elsewhere.org/", from: "index.html") == nil)
        #expect(check.resolve("mailto:someone@example.org", from: "index.html") == nil)
        #expect(check.resolve("a%20b.html", from: "index.html")?.path == "a b.html")
        #expect(check.resolve("../../../up.html", from: "a/index.html")?.path.hasPrefix("../") == true)
    }

    @Test func expectationsFollowTheSiteModel() {
        let source = SourcePosition(file: "x.txt", line: 3)
        let inspection = Inspection(
            id: "x-apa-2007", authority: AuthorityName(name: "X", slug: "x"), framework: .apa, title: "APA: X",
            letterDate: PartialDate(year: 2007),
            judgements: [Judgement(outcome: "staying-safe", wording: "Staying safe", grade: "2", level: .adequate, basis: .gradeLine, source: source)],
            sourceFile: "x.txt")
        let expectations = SiteChecker.Expectations(site: SiteModel(inspections: [inspection], vocabulary: .builtIn))
        #expect(expectations.requiredPages.contains("authorities/x/index.html"))
        #expect(expectations.requiredPages.contains("frameworks/apa/index.html"))
        #expect(expectations.requiredPages.filter { $0.hasPrefix("outcomes/") }.count == OutcomeVocabulary.builtIn.outcomes.count)
        #expect(expectations.requiredLinks["outcomes/staying-safe/index.html"] == ["inspections/x-apa-2007/index.html"])
        #expect(expectations.requiredLinks["inspections/x-apa-2007/index.html"] == ["authorities/x/index.html", "outcomes/staying-safe/index.html"])
    }
}
