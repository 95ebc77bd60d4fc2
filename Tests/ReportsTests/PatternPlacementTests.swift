import Foundation
import Testing

/// A Regex literal written inside a function is parsed again every time the function runs (see
/// `Patterns`): one left in the date reader cost about 1.5 % of a 10,000-report build. The readers'
/// patterns are stored properties of `Patterns`, parsed once.
@Suite struct PatternPlacementTests {
    static let readers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Reports")

    /// A `/…/` literal passed as an argument or assigned: `(`, `,`, `:` or `=` then `/`, something
    /// that is not a space, `/` or `*`, and a closing `/` before `,`, `)` or `.` on the same line.
    static var literal: Regex<Substring> { /[(,:=]\s*\/[^\s\/*][^\n]*\/\s*[,).]/ }

    @Test func regexLiteralsLiveOnlyInPatterns() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.readers.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && $0 != "Patterns.swift" }
        #expect(files.count > 10, "the readers' sources are found")
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: Self.readers.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), line.contains(Self.literal) else { continue }
                found.append("\(file):\(number + 1): \(code)")
            }
        }
        #expect(found.isEmpty, "Regex literals outside Patterns.swift, parsed on every call:\n\(found.joined(separator: "\n"))")
    }

    /// The scan would see the literal this test was written for.
    @Test func theScanSeesALiteralPassedAsAnArgument() {
        #expect(#"let parts = text.split(separator: /\s+(?:to|and)\s+/, maxSplits: 1)"#.contains(Self.literal))
        #expect(#"text.firstMatch(of: /^(\d{1,2})/)"#.contains(Self.literal))
        #expect(!"let ratio = a / b / c".contains(Self.literal))
        #expect(!"return (width / 2, height / 3)".contains(Self.literal))
    }
}
