import ArgumentParser
import Foundation
import Pipeline
import Publish
import Render
import Reports
import Site

/// Times everything a cold build does after extraction, on one thread: planning the pages and their
/// cache identities, rendering every page, the data files, the sitemap and the feed.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Extract a folder of reports once, then render the whole site on one thread and print CPU time per report.")

    @Option(help: "Folder of report texts (.txt).") var content: String
    @Option(help: "The templates folder.") var templates = "Templates"
    @Option(help: "Base URL, so that the sitemap and the feed are rendered too.") var baseURL = "https://example.org/"
    @Option(help: "Times the whole site is rendered.") var repeats = 1

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let extractor = ReportExtractor()
        let full = try names.compactMap { name in
            let source = ReportSource(path: name, text: String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
            return GradeScaleCheck.review(extractor.extract(source).inspection.map { [$0] } ?? []).inspections.first
        }
        let fullByID = Dictionary(full.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let site = SiteModel(inspections: full.map { var summary = $0; summary.sections = []; return summary }, vocabulary: extractor.vocabulary)
        let renderer = SiteRenderer(templates: try TemplateSet(folder: URL(fileURLWithPath: templates)), vocabulary: extractor.vocabulary, baseURL: baseURL)

        var times: [String: Double] = [:]
        var bytes = 0
        func timed<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
            let start = Self.cpuSeconds()
            defer { times[phase, default: 0] += Self.cpuSeconds() - start }
            return try work()
        }
        for _ in 0..<repeats {
            let pages = timed("plan") { renderer.plan(site) }
            let identities = timed("identity") { pages.map(\.identity.count).reduce(0, +) }
            bytes = identities
            for page in pages {
                let kind = page.inspectionID == nil ? String(page.path.prefix { $0 != "/" }) : "inspections"
                let inspection = page.inspectionID.flatMap { fullByID[$0] }
                _ = try timed(kind) { try renderer.render(page, site: site, inspection: inspection) }
            }
            _ = try timed("not-found") { try renderer.notFoundFile() }
            _ = timed("data") { JudgementExport.files(site) + renderer.siteIndexFiles(site, pagePaths: pages.map(\.path)) }
        }
        let perReport = 1000 / Double(full.count * repeats)
        var total = 0.0
        for (phase, seconds) in times.sorted(by: { $0.value > $1.value }) {
            total += seconds
            print(phase.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: " %8.3f ms/report", seconds * perReport))
        }
        print(String(format: "all            %8.3f ms/report  (%d reports; page identities %d bytes)", total * perReport, full.count, bytes))
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
