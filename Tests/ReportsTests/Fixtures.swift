import Foundation
import Testing
import Reports
import Site

/// Paths and readers for the bundled reports and the fixture excerpts.
enum Fixtures {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.appendingPathComponent("Fixtures")
    static let content = tests.deletingLastPathComponent().appendingPathComponent("Content")

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Extracts a bundled report, with its sidecar when it has one.
    static func bundled(_ name: String) throws -> Extraction {
        let url = content.appendingPathComponent(name)
        let sidecarURL = url.deletingPathExtension().appendingPathExtension("json")
        let sidecar = try FileManager.default.contents(atPath: sidecarURL.path).map { try Sidecar.parse($0) }
        return ReportExtractor().extract(ReportSource(path: name, text: try text(url), sidecar: sidecar))
    }

    /// Extracts a fixture excerpt from `Tests/Fixtures/Reports`, decoded from its bytes as the content reader does.
    static func report(_ name: String) throws -> Extraction {
        let data = try Data(contentsOf: root.appendingPathComponent("Reports/\(name)"))
        return ReportExtractor().extract(ReportSource(path: name, text: ReportDecoder().decode(data, file: name).text ?? ""))
    }

    /// Compares `actual` with a golden file, or rewrites the golden file when SITEGEN_UPDATE_GOLDEN=1.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try text(url)
        #expect(actual == golden, "\(name) differs; run with SITEGEN_UPDATE_GOLDEN=1 to refresh, then review the diff", sourceLocation: sourceLocation)
    }
}

extension Judgement {
    /// `outcome=level` with the scope when there is one: the compact form variant tests compare.
    var summary: String {
        [outcome, scope].compactMap { $0 }.joined(separator: "@") + "=" + (level.map { String($0.rawValue) } ?? "nil")
    }
}
