import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Pipeline
import Reports
import Site
import SiteCheck

/// Builds the bundled `Content/` with the bundled `Templates/` into a temporary folder and checks the
/// published site as a reader and a crawler would meet it.
@Suite struct SitePublishingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let baseURL = "https://example.org/reports/"

    static func build(baseURL: String? = Self.baseURL) async throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-site-\(UUID().uuidString)/Public")
        _ = try await SiteBuild(options: .init(
            content: root.appendingPathComponent("Content"), templates: root.appendingPathComponent("Templates"),
            output: output, baseURL: baseURL)).run()
        return output
    }

    static func remove(_ output: URL) { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }

    /// The site model of the bundled content, read the way a build reads it.
    static func model() -> SiteModel {
        let extractor = ReportExtractor()
        let sources = ContentReader(folder: root.appendingPathComponent("Content")).read().sources
        return SiteModel(inspections: sources.compactMap { extractor.extract($0).inspection }, vocabulary: extractor.vocabulary)
    }

    static func text(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test(arguments: [Self.baseURL, nil])
    func everyLinkAnchorAndRequiredPageResolves(baseURL: String?) async throws {
        let output = try await Self.build(baseURL: baseURL)
        defer { Self.remove(output) }
        let site = Self.model()
        let expectations = SiteChecker.Expectations(site: site)
        let report = try SiteChecker(expectations: expectations, baseURL: baseURL).check(folder: output)
        #expect(report.problems.isEmpty, "\(report.problems.map(\.description).joined(separator: "\n"))")
        #expect(expectations.requiredPages.count >= 1 + site.authorities.count + site.inspections.count + site.outcomes.count + site.frameworks.count)
        #expect(report.pagesChecked == expectations.requiredPages.count + 1, "every page is required, and 404.html")
        #expect(report.linksChecked > 500)
    }

    @Test func everyChartStatesTheNumbersOfTheTableNextToIt() async throws {
        let output = try await Self.build()
        defer { Self.remove(output) }
        let site = Self.model()
        var charts = 0
        for entry in site.authorities {
            let page = try Self.text("authorities/\(entry.authority.slug)/index.html", in: output)
            guard let svg = page.firstMatch(of: /<svg(?s:.*?)<\/svg>/)?.output else { continue }
            charts += 1
            let description = try #require(svg.firstMatch(of: /<desc>(.*?)<\/desc>/)?.output.1)
            let marks = svg.matches(of: /<circle class="mark mark--[a-z]+"/).count
            let levelsInTable = page.matches(of: /<td>(?:<strong class="badge badge--[a-z]+">[^<]*<\/strong>[^<]*(?:<span[^>]*>[^<]*<\/span>)?<br>)+<\/td>/)
                .map { $0.output.matches(of: #/class="badge /#).count }.reduce(0, +)
            let levelsInDescription = description.matches(of: /level (\d|not read)/).count
            #expect(marks == levelsInTable, "\(entry.authority.slug): \(marks) marks, \(levelsInTable) table cells")
            #expect(marks == levelsInDescription, "\(entry.authority.slug): description names \(levelsInDescription) levels")
        }
        for entry in site.outcomes where !entry.judgements.isEmpty {
            let page = try Self.text("outcomes/\(entry.outcome.id)/index.html", in: output)
            let svg = try #require(page.firstMatch(of: /<svg(?s:.*?)<\/svg>/)?.output)
            charts += 1
            let bars = svg.matches(of: /<text class="chart-axis"[^>]*>(\d+)<\/text>/).map { Int($0.output.1)! }
            let totals = page.matches(of: /<td class="numeric">(\d+)<\/td><\/tr>/).map { Int($0.output.1)! }
            #expect(bars == totals, "\(entry.outcome.id): bars \(bars), table totals \(totals)")
            #expect(bars.reduce(0, +) == entry.judgements.count)
            #expect(svg.contains("<desc>"))
        }
        #expect(charts > 1)
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let first = try await Self.build()
        let second = try await Self.build()
        defer { Self.remove(first); Self.remove(second) }
        let files = try Self.files(in: first)
        #expect(files == (try Self.files(in: second)))
        #expect(files.count > 40)
        for file in files {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: second.appendingPathComponent(file).path)
            #expect(a == b, "\(file) differs between two builds")
        }
    }

    static func files(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path
        return FileManager.default.enumerator(atPath: base)!.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("/") && FileManager.default.contents(atPath: base + "/" + $0) != nil }.sorted()
    }

    @Test func feedListsDatedInspectionsNewestFirstWithAbsoluteLinks() async throws {
        let output = try await Self.build()
        defer { Self.remove(output) }
        let feed = try Self.text("feed.xml", in: output)
        let updated = feed.matches(of: /<entry>(?s:.*?)<updated>([^<]+)<\/updated>/).map { String($0.output.1) }
        let dated = Self.model().inspections.filter { $0.date != nil }
        #expect(updated.count == dated.count)
        #expect(updated == updated.sorted(by: >))
        #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/reports/feed.xml"/>"#))
        let sitemap = try Self.text("sitemap.xml", in: output)
        #expect(sitemap.contains("<loc>https://example.org/reports/inspections/stoke-on-trent-apa-2007/index.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        for xml in [feed, sitemap] {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        }
    }

    @Test func withoutABaseURLThereIsNoSitemapOrFeedAndThe404LinksFromTheRoot() async throws {
        let output = try await Self.build(baseURL: nil)
        defer { Self.remove(output) }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("feed.xml").path))
        let notFound = try Self.text("404.html", in: output)
        #expect(notFound.contains("<style>"))
        #expect(!notFound.contains("assets/site.css"))
        #expect(notFound.contains(#"href="/index.html""#))
        #expect(!notFound.contains(#"href="../"#))
    }
}
