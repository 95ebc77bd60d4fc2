@testable import Pipeline
import Site
import Testing
@testable import sitegen

@Suite struct TerminalTests {
    static func terminal(_ arguments: [String] = [], environment: [String: String] = [:], isInteractive: Bool = true) throws -> Terminal {
        Terminal(options: try TerminalOptions.parse(arguments), environment: environment, isInteractive: isInteractive)
    }

    static let warning = Diagnostic(.warning, file: "croydon-SIF-2017.txt", line: 12, "no date found in the text")

    @Test func colourOnlyOnATerminalWithoutNoColour() throws {
        #expect(try Self.terminal().line(for: Self.warning) == "croydon-SIF-2017.txt:12: \u{1B}[33mwarning:\u{1B}[0m no date found in the text")
        #expect(try Self.terminal(environment: ["NO_COLOR": "1"]).line(for: Self.warning) == Self.warning.description)
        #expect(try Self.terminal(isInteractive: false).line(for: Self.warning) == Self.warning.description)
        #expect(try Self.terminal(environment: ["TERM": "dumb"]).usesColour == false)
    }

    @Test func quietShowsErrorsOnlyAndVerboseAddsNotes() throws {
        let quiet = try Self.terminal(["--quiet"])
        let normal = try Self.terminal()
        let verbose = try Self.terminal(["-v"])
        #expect([quiet, normal, verbose].map { $0.shows(.error) } == [true, true, true])
        #expect([quiet, normal, verbose].map { $0.shows(.warning) } == [false, true, true])
        #expect([quiet, normal, verbose].map { $0.shows(.note) } == [false, false, true])
        #expect(throws: (any Error).self) { try TerminalOptions.parse(["--quiet", "--verbose"]).validate() }
    }

    @Test func summaryCountsEverythingAndTheTime() throws {
        let summary = SiteBuild.Summary(reportsRead: 13, inspections: 12, filesWritten: 50, filesKept: 7, reportsExtracted: 13, diagnostics: [Self.warning])
        #expect(try Self.terminal(isInteractive: false).summary(of: summary, output: "Public", took: .milliseconds(1_234))
            == "Built Public: 13 reports read, 12 inspections published, 50 files written, 7 kept, 1 warning, 0 errors in 1.23 s.")
        #expect(Terminal.seconds(.seconds(61) + .milliseconds(5)) == "61.01 s")
    }
}
