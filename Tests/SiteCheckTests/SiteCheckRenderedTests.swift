import Foundation
import Testing
import Publish
import Render
import Site
import SiteCheck

/// The bundled templates render a site with the shapes extraction will produce (a JAR grading one outcome
/// for several bodies, an ungraded visit, an unknown layout, an undated report, an unreadable grade),
/// and the rendered files pass the checker before anything is written.
@Suite struct SiteCheckRenderedTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    static func at(_ line: Int) -> SourcePosition { SourcePosition(file: "r.txt", line: line) }

    static let site: SiteModel = {
        let area = AuthorityName(name: "Area", slug: "area")
        let other = AuthorityName(name: "Other Place", slug: "other-place")
        let jar = Inspection(
            id: "area-jar-2006", authority: area, framework: .jar, title: "Joint area review: Area",
            publicationDate: PartialDate(year: 2006, month: 2),
            judgements: ["Local services overall", "Council services", "Health services"].enumerated().map { index, scope in
                Judgement(outcome: "being-healthy", wording: "Being healthy", grade: "\(index + 2)", level: Level(rawValue: index + 2),
                          scope: scope, basis: .table, source: at(40 + index))
            } + [Judgement(outcome: "staying-safe", wording: "Staying safe", grade: "", level: nil, basis: .prose, source: at(80))],
            sourceFile: "area-JAR-2006.txt", sidecarFields: ["publication_date"])
        let visit = Inspection(
            id: "area-visit-2010", authority: area, framework: .visit, title: "Unannounced inspection: Area",
            letterDate: PartialDate(year: 2010, month: 5, day: 4), sourceFile: "area-visit-2010.txt")
        let unknown = Inspection(
            id: "other-place-unknown-undated", authority: other, framework: .unknown, title: "A report: Other Place",
            sections: [ReportSection(heading: "Text", paragraphs: ["Words."], startLine: 1)], sourceFile: "other.txt")
        let ilacs = Inspection(
            id: "other-place-ilacs-2019", authority: other, framework: .ilacs, title: "ILACS: Other Place",
            inspectionEnd: PartialDate(year: 2019, month: 3, day: 1),
            judgements: [Judgement(outcome: "overall-effectiveness", wording: "Overall effectiveness", grade: "Inadequate", level: .inadequate, basis: .table, source: at(9))],
            sourceFile: "other-ILACS-2019.txt")
        return SiteModel(inspections: [jar, visit, unknown, ilacs], vocabulary: .builtIn)
    }()

    @Test(arguments: ["https://example.org/x/", nil])
    func renderedFilesHaveNoProblems(baseURL: String?) throws {
        let files = try SiteRenderer(templates: TemplateSet(folder: Self.templates), baseURL: baseURL).render(Self.site)
            + JudgementExport.files(Self.site)
        let report = SiteChecker(expectations: .init(site: Self.site), baseURL: baseURL).check(SiteFiles(files))
        #expect(report.problems.isEmpty, "\(report.problems.map(\.description).joined(separator: "\n"))")
        #expect(report.pagesChecked > 20)
    }

    @Test func aRemovedPageIsReportedWhereItIsMissingAndWhereItIsLinked() throws {
        let files = try (SiteRenderer(templates: TemplateSet(folder: Self.templates)).render(Self.site) + JudgementExport.files(Self.site))
            .filter { $0.path != "inspections/area-jar-2006/index.html" }
        let report = SiteChecker(expectations: .init(site: Self.site)).check(SiteFiles(files))
        let pages = Set(report.pages.map(\.page))
        #expect(pages.isSuperset(of: [
            "inspections/area-jar-2006/index.html", "authorities/area/index.html",
            "outcomes/being-healthy/index.html", "inspections/area-visit-2010/index.html",
        ]))
        #expect(report.problems.contains(.init(page: "inspections/area-jar-2006/index.html", kind: .missingPage)))
        #expect(report.problems.contains(.init(page: "outcomes/being-healthy/index.html", kind: .missingLink("inspections/area-jar-2006/index.html"))))
    }
}
