import Foundation
import Reports
import Site

/// Reading the bundled reports and the fixture excerpts of SIF, ILACS and visit tests.
enum SIFFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The SIF and ILACS reports bundled in `Content/`.
    static let reports = [
        "stoke-on-trent-SIF-2015.txt", "derbyshire-SIF-2013.txt", "kensington-and-chelsea-SIF-2016.txt", "croydon-SIF-2017.txt",
        "north-yorkshire-ILACS-2018.txt", "sefton-ILACS-2022.txt", "lincolnshire-ILACS-2023.txt", "st-helens-ILACS-2023.txt",
        "cheshire-east-ILACS-2024.txt",
    ]

    static func content(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Content/\(name)"), encoding: .utf8)
    }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("Reports/\(name)"), encoding: .utf8)
    }

    static func extract(_ text: String, path: String) -> Extraction {
        ReportExtractor().extract(ReportSource(path: path, text: text))
    }

    /// Extracts a fixture excerpt, which must be read as an inspection.
    static func extractFixture(_ name: String) throws -> (Inspection, [Diagnostic]) {
        let extraction = extract(try fixture(name), path: name)
        guard let inspection = extraction.inspection else { throw Missing(file: name) }
        return (inspection, extraction.diagnostics)
    }

    struct Missing: Error { var file: String }

    /// `outcome=level` for each judgement, in report order, as tests compare them.
    static func levels(_ inspection: Inspection) -> [String] {
        inspection.judgements.map { "\($0.outcome)=\($0.level.map { String($0.rawValue) } ?? "nil")" }
    }

    /// Compares `text` with the golden file, or rewrites the golden file when SITEGEN_UPDATE_GOLDEN=1.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = fixtures.appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }

    static func csvField(_ value: String) -> String {
        value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
