import Foundation
import Testing
@testable import Serve

@Suite struct LinkCheckTests {
    /// Writes `files` (path → contents) into a fresh folder and checks it.
    static func problems(in files: [String: String]) throws -> [SiteProblem] {
        let folder = try PreviewServerTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return LinkCheck(folder: folder).problems()
    }

    static let home = ##"<a href="authorities/derby/index.html">Derby</a> <a href="inspections/derby-sif-2013/#judgements">SIF</a> <a href="https://www.gov.uk/">GOV.UK</a> <a href="mailto:x@example.org">mail</a> <a href="#top" id="top">top</a>"##
    static let authority = #"<link rel="stylesheet" href="../../assets/site.css"><a href='../../inspections/derby-sif-2013/index.html?x=1&amp;y=2'>SIF</a>"#
    static let inspection = #"<h2 id="judgements">Judgements</h2><a href="../../authorities/derby/">Derby</a>"#

    @Test func aSoundSiteHasNoProblems() throws {
        let problems = try Self.problems(in: [
            "index.html": Self.home, "authorities/derby/index.html": Self.authority,
            "inspections/derby-sif-2013/index.html": Self.inspection, "assets/site.css": "body {}",
        ])
        #expect(problems == [])
    }

    @Test func brokenLinksAnchorsAndMissingPagesAreReportedByPage() throws {
        let problems = try Self.problems(in: [
            "index.html": Self.home + #"<a href="outcomes/staying-safe/index.html">Safe</a><a href="../outside.html">out</a>"#,
            "authorities/derby/index.html": Self.authority,
            "inspections/derby-sif-2013/index.html": "<h2 id=\"judgements\">Judgements</h2><a href=\"#recommendations\">below</a>",
            "outcomes/staying-safe/chart.svg": "<svg/>",
            "data/judgements.json": #"[{"authority_slug": "derby"}, {"authority_slug": "leeds"}]"#,
        ])
        #expect(problems.map(\.description) == [
            #"authorities/derby/index.html: error: link "../../assets/site.css" leads to assets/site.css, which does not exist"#,
            "authorities/leeds/index.html: error: authority \"leeds\" has judgements in data/judgements.json but no page",
            #"index.html: error: link "../outside.html" leads outside the site"#,
            #"index.html: error: link "outcomes/staying-safe/index.html" leads to outcomes/staying-safe/index.html, which does not exist"#,
            ##"inspections/derby-sif-2013/index.html: error: link "#recommendations" points to #recommendations, which inspections/derby-sif-2013/index.html does not have"##,
            "inspections/derby-sif-2013/index.html: error: the inspection page links to no authority page",
            "outcomes/staying-safe/index.html: error: the page is missing but its folder exists",
        ])
    }

    @Test func theBundledSiteHasNoBrokenLinks() async throws {
        let folder = try PreviewServerTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try await PreviewServerTests.build(content: PreviewServerTests.root.appendingPathComponent("Content"), output: output)
        #expect(LinkCheck(folder: output).problems().map(\.description) == [])
    }

    @Test func relativeLinksResolveAgainstThePagesFolder() {
        #expect(LinkCheck.resolve("../../outcomes/a/", from: "inspections/x/index.html") == "outcomes/a/index.html")
        #expect(LinkCheck.resolve("./b.html", from: "a/index.html") == "a/b.html")
        #expect(LinkCheck.resolve("/assets/site.css", from: "a/b/index.html") == "assets/site.css")
        #expect(LinkCheck.resolve("../../x.html", from: "a/index.html") == nil)
    }

    @Test func nuCheckerLinesBecomeProblemsOnRelativePages() {
        let output = """
            "file:/tmp/site/outcomes/staying-safe/index.html":12.3-12.10: error: Element "div" not allowed as child of element "span" in this context.
            Some unrelated line from Java
            """
        #expect(NuHTMLCheck.parse(output, folder: URL(fileURLWithPath: "/tmp/site")) == [
            SiteProblem(page: "outcomes/staying-safe/index.html", line: 12, message: #"HTML: Element "div" not allowed as child of element "span" in this context."#),
        ])
    }
}
