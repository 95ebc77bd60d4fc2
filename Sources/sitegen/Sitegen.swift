import ArgumentParser
import Foundation
import Pipeline

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static website from Ofsted children's services inspection reports.",
        discussion: "Reads report texts from a content folder, extracts each authority, inspection and judgement, and writes a cross-linked static site.",
        subcommands: [Build.self, Serve.self, Check.self],
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

    @Flag(help: "Fail the build, publishing nothing, if the input gives any warning or error (exit code 2).")
    var strict = false

    @Option(help: "Folder for the incremental build cache (never inside the output; delete it any time).")
    var cacheDir = ".sitegen-cache"

    @Flag(help: "Build without reading or writing the cache.")
    var noCache = false

    @OptionGroup var terminal: TerminalOptions

    func run() async throws {
        let options = SiteBuild.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), baseURL: baseURL, strict: strict,
            cache: noCache ? nil : URL(fileURLWithPath: cacheDir))
        do {
            _ = try await Terminal(options: terminal).build(options)
        } catch {
            throw BuildExit.code(for: error.kind)
        }
    }
}
