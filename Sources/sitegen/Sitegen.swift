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

    @OptionGroup var inputs: BuildInputs

    @Option(help: "Absolute URL the site is served from (for sitemap.xml and feed.xml), e.g. https://example.org/reports/.")
    var baseURL: String?

    @Flag(help: "Fail the build, publishing nothing, if the input gives any warning or error (exit code 2).")
    var strict = false

    @OptionGroup var terminal: TerminalOptions

    func run() async throws {
        let options = inputs.options(baseURL: baseURL, strict: strict)
        do {
            _ = try await Terminal(options: terminal).build(options)
        } catch {
            throw BuildExit.code(for: error.kind)
        }
    }
}
