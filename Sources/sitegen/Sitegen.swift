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

struct Build: ParsableCommand {
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

    @OptionGroup var terminal: TerminalOptions

    @Flag(help: "Fail the build, publishing nothing, if the input gives any warning or error (exit code 2).")
    var strict = false

    func run() throws {
        let options = SiteBuild.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), baseURL: baseURL, strict: strict)
        do {
            _ = try Terminal(options: terminal).build(options)
        } catch {
            throw BuildExit.code(for: error.kind)
        }
    }
}
