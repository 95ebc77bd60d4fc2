import Foundation
import Testing
@testable import Markdown

@Suite struct MarkdownConverterTests {
    let converter = MarkdownConverter()

    @Test func gfmTableBecomesTable() throws {
        let html = try converter.html(from: "| Outcome | Grade |\n|---|---|\n| Staying safe | 1 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Outcome</th>"))
        #expect(html.contains("<td>Staying safe</td>"))
    }

    @Test func strikethroughAndAutolinkExtensionsAreAttached() throws {
        let html = try converter.html(from: "~~old~~ see https://www.gov.uk/ofsted")
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://www.gov.uk/ofsted\">"))
    }

    @Test(arguments: [false, true])
    func scriptNeverComesOutLive(allowingTemplateHTML: Bool) throws {
        let converter = MarkdownConverter(allowsTemplateHTML: allowingTemplateHTML)
        let html = try converter.html(from: "Before <script>alert(1)</script> after\n\n<script>\nalert(2)\n</script>\n")
        #expect(!html.contains("<script"))
    }

    @Test func safeModeDropsJavascriptLinks() throws {
        let html = try converter.html(from: "[click](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
    }

    /// Many tasks converting at once must each see every extension: cmark-gfm keeps the extensions'
    /// special characters in a process-wide table that an unserialised parse would clear under another.
    @Test func concurrentConversionsAgree() async throws {
        let document = String(repeating: "~~gone~~ and https://www.gov.uk/ofsted and *stays*\n\n", count: 200)
        let expected = try converter.html(from: document)
        #expect(expected.contains("<del>gone</del>") && expected.contains("<a href=\"https://www.gov.uk/ofsted\">"))
        let converter = self.converter
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for _ in 0..<25 where try converter.html(from: document) != expected { mismatches += 1 }
                    return mismatches
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// Converts a large document many times; a leak of parser, nodes or the rendered buffer would grow
    /// the process by hundreds of megabytes, which the resident-size check catches.
    @Test func largeDocumentsConvertWithoutLeaking() throws {
        let row = "| Stoke-on-Trent | *Staying safe* | **1** | [link](https://example.org) |\n"
        let document = "# Report\n\n| A | B | C | D |\n|---|---|---|---|\n" + String(repeating: row, count: 5_000)
        _ = try converter.html(from: document)
        let before = residentBytes()
        for _ in 0..<40 {
            let html = try converter.html(from: document)
            #expect(html.count > document.count)
        }
        let growth = residentBytes() - before
        #expect(growth < 64 * 1024 * 1024, "resident memory grew by \(growth) bytes over 40 conversions")
    }

    func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(status.split(separator: " ")[1]) else { return 0 }
        return pages * 4096
    }
}
