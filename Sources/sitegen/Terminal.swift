import ArgumentParser
import Foundation
import Pipeline
import Site

/// `--quiet` and `--verbose`, shared by the commands that build.
struct TerminalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only: no warnings, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print notes, the folders used and, when serving, each request.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }
}

/// What the commands print while they work. Messages go to standard error, the summary to standard
/// output. Colour and the progress line appear only when standard error is a terminal, and colour never
/// when `NO_COLOR` is set (https://no-color.org). Times shown here come from the clock and so never
/// reach the site.
struct Terminal: Sendable {
    enum Detail: Comparable, Sendable { case quiet, normal, verbose }

    var detail: Detail
    var isInteractive: Bool
    var usesColour: Bool

    init(options: TerminalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
         isInteractive: Bool = isatty(STDERR_FILENO) == 1) {
        detail = options.quiet ? .quiet : options.verbose ? .verbose : .normal
        self.isInteractive = isInteractive
        usesColour = isInteractive && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    func shows(_ severity: Diagnostic.Severity) -> Bool {
        switch severity {
        case .error: true
        case .warning: detail >= .normal
        case .note: detail == .verbose
        }
    }

    /// `file:line: warning: message`, with the severity coloured on a terminal.
    func line(for diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        let coloured = paint(severity + ":", diagnostic.severity == .error ? .red : diagnostic.severity == .warning ? .yellow : .cyan)
        let plain = diagnostic.description
        guard let range = plain.range(of: " \(severity): ") else { return plain }
        return plain[..<range.lowerBound] + " " + coloured + " " + plain[range.upperBound...]
    }

    func summary(of build: SiteBuild.Summary, output: String, took duration: Duration) -> String {
        let counts = [
            "\(build.reportsRead) reports read", "\(build.inspections) inspections published",
            "\(build.filesWritten) files written", "\(build.filesKept) kept",
            paint(Self.count(build.warningCount, "warning"), build.warningCount > 0 ? .yellow : .plain),
            paint(Self.count(build.errorCount, "error"), build.errorCount > 0 ? .red : .plain),
        ]
        return "Built \(output): " + counts.joined(separator: ", ") + " in \(Self.seconds(duration))."
    }

    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where shows(diagnostic.severity) { printError(line(for: diagnostic)) }
    }

    /// A `place: error: message` line from a check, with the severity coloured.
    func problem(_ line: String) {
        printError(line.replacingOccurrences(of: ": error: ", with: ": " + paint("error:", .red) + " "))
    }

    func say(_ text: String, at level: Detail = .normal) {
        // Written straight away, not through `print`'s buffer, so that `serve` shows each line as it happens.
        if detail >= level { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    }

    func failure(_ message: String) {
        printError(paint("error:", .red) + " " + message)
    }

    /// Runs `work`, showing a line with the elapsed time on standard error while it takes longer than
    /// half a second; the line is erased when the work ends.
    func withProgress<T, E: Error>(_ label: String, _ work: () async throws(E) -> T) async throws(E) -> T {
        guard isInteractive, detail >= .normal else { return try await work() }
        let start = ContinuousClock.now
        let queue = DispatchQueue(label: "sitegen.progress")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(250))
        timer.setEventHandler {
            printError("\r\u{1B}[2K\(label)… \(Self.seconds(ContinuousClock.now - start))", newline: false)
        }
        timer.resume()
        defer {
            queue.sync {
                timer.cancel()
                printError("\r\u{1B}[2K", newline: false)
            }
        }
        return try await work()
    }

    enum Colour: String { case red = "31", yellow = "33", cyan = "36", plain = "" }

    func paint(_ text: String, _ colour: Colour) -> String {
        usesColour && colour != .plain ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Seconds with two decimals, independent of the locale.
    static func seconds(_ duration: Duration) -> String {
        let hundredths = Int((Double(duration.components.attoseconds) / 1e16).rounded()) + Int(duration.components.seconds) * 100
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100)) s"
    }
}

func printError(_ line: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? line + "\n" : line).utf8))
}

extension Terminal {
    /// Runs one build and prints its diagnostics and summary, or why it failed.
    func build(_ options: SiteBuild.Options) async throws(SiteBuild.Failure) -> SiteBuild.Summary {
        let output = options.output.relativePath
        say("Building \(output) from \(options.content.relativePath) with \(options.templates.relativePath)", at: .verbose)
        let start = ContinuousClock.now
        do {
            let summary = try await withProgress("Building \(output)") { () async throws(SiteBuild.Failure) in try await SiteBuild(options: options).run() }
            report(summary.diagnostics)
            say(self.summary(of: summary, output: output, took: .now - start))
            return summary
        } catch {
            report(error.diagnostics)
            failure(error.message)
            throw error
        }
    }
}
