import ArgumentParser
import Foundation
import Pipeline

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static website from Ofsted children's services inspection reports.",
        discussion: "Reads report texts from a content folder, extracts each authority, inspection and judgement, and writes a cross-linked static site.",
        subcommands: [Build.self],
        defaultSubcommand: Build.self)
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.")

    @Option(help: "Folder of report texts (.txt), each with an optional .json sidecar.")
    var content = "Content"

    @Option(help: "Folder of Mustache templates (*.md.mustache, layout.html.mustache) and assets/.")
    var templates = "Templates"

    @Option(help: "Folder the site is written to; replaced whole, atomically, when the build succeeds.")
    var output = "Public"

    @Option(help: "Absolute URL the site is served from (for sitemap.xml and feed.xml), e.g. https://example.org/reports/.")
    var baseURL: String?

    @Option(help: "Folder for the incremental build cache (never inside the output; delete it any time).")
    var cacheDir = ".sitegen-cache"

    @Flag(help: "Build without reading or writing the cache.")
    var noCache = false

    func run() async throws {
        let options = SiteBuild.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), baseURL: baseURL,
            cache: noCache ? nil : URL(fileURLWithPath: cacheDir))
        do {
            let summary = try await SiteBuild(options: options).run()
            for diagnostic in summary.diagnostics { printError(diagnostic.description) }
            print("Read \(summary.reportsRead) reports, published \(summary.inspections) inspections, wrote \(summary.filesWritten) files to \(output), kept \(summary.filesKept) (\(summary.warningCount) warnings, \(summary.errorCount) errors).")
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
