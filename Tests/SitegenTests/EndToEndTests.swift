import Foundation
import Testing
import Pipeline
import Site

/// Builds the bundled `Content/` with the bundled `Templates/` into a temporary folder and reads the site.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func build() async throws -> (URL, SiteBuild.Summary) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-e2e-\(UUID().uuidString)/Public")
        let summary = try await SiteBuild(options: .init(
            content: root.appendingPathComponent("Content"), templates: root.appendingPathComponent("Templates"),
            output: output)).run()
        return (output, summary)
    }

    static func links(in html: String) -> [String] {
        html.matches(of: /href="([^"#]+)/).map { String($0.1) }
    }

    @Test func homePageLinksToEveryAuthorityInspectionAndOutcome() async throws {
        let (output, summary) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(summary.reportsRead >= 5)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let links = Self.links(in: home)
        let authorities = Set(links.filter { $0.hasPrefix("authorities/") })
        let inspections = Set(links.filter { $0.hasPrefix("inspections/") })
        let outcomes = Set(links.filter { $0.hasPrefix("outcomes/") })
        #expect(authorities.isSuperset(of: [
            "authorities/stoke-on-trent/index.html", "authorities/staffordshire/index.html", "authorities/stockport/index.html",
        ]))
        #expect(inspections.count >= 5)
        #expect(outcomes.count == OutcomeVocabulary.builtIn.outcomes.count)
        for link in authorities.union(inspections).union(outcomes) {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(link).path), "\(link) is linked but missing")
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/judgements.csv").path))
    }

    @Test func stokeOnTrentPageGathersItsThreeReports() async throws {
        let (output, _) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let page = try String(contentsOf: output.appendingPathComponent("authorities/stoke-on-trent/index.html"), encoding: .utf8)
        let inspections = Set(Self.links(in: page).filter { $0.contains("inspections/") })
        #expect(inspections.count == 3)
    }
}
