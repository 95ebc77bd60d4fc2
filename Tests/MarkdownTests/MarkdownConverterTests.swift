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

    /// `autolink` is left off Markdown in which it could find no link: random documents of pieces that
    /// make links, nearly make them, or write their characters otherwise (escaped, as entities, across
    /// emphasis and brackets) convert as they do with every extension attached, and the pieces that
    /// link are seen to link.
    @Test func leavingAutolinkOffChangesNoHTML() throws {
        let pieces = [
            "w", "ww", "www", "www.", "www.gov.uk", "WWW.gov.uk", "w\\.", ":", "//", "://", "http", "http://x.org/a",
            "https://www.gov.uk/ofsted", "ftp://f.org", "mailto:", "@", "a@b.co", "enquiries@ofsted.gov.uk",
            "\\@", "&#64;", "&#x40;", "&#X40;", "&#064;", "&commat;", "&amp;", "&", "#", ".", "a", "gov", "uk",
            " ", " ", "  ", "\n", "\n\n", "*", "_", "~", "~~", "(", ")", "[", "]", "](", "<", ">", "|", "-", "`", "\\",
        ]
        let (linked, unlinked) = try Self.compareWithEveryExtension(
            documentsOf: pieces, converter: converter, leftOffUnless: MarkdownConverter.mayAutolink
        ) { _, html in html.contains("<a href") }
        // Both paths were taken, and links were made where they may be.
        #expect(linked > 100 && unlinked > 100, "\(linked) documents linked, \(unlinked) without autolink")
        for text in ["see www.gov.uk", "see https://x.org", "mail a@b.co", "mail a&#64;b.co", "mail a&commat;b.co"] {
            #expect(try converter.html(from: text).contains("<a href"), "\(text)")
        }
    }

    /// `tagfilter` is left off Markdown that names none of the tags it filters: random documents of raw
    /// HTML pieces that open or close those tags, nearly do, or write their names otherwise convert as
    /// they do with every extension attached (with template HTML allowed, the only case where the
    /// extension acts), and the tags are seen to be filtered where they may be.
    @Test func leavingTagfilterOffChangesNoHTML() throws {
        let templates = MarkdownConverter(allowsTemplateHTML: true)
        let pieces = [
            "<", "</", ">", "/>", "/", " ", "\t", "\n", "\n\n", "script", "SCRIPT", "Style", "title", "textarea", "xmp",
            "iframe", "noembed", "noframes", "plaintext", "scrip", "styles", "div", "<div>", "</div>", "<p>", "a", "`",
            "\\", "&lt;", "<!--", "-->", "*", "|", "-", "> ", "    ", "<b>", "x=\"1\"",
        ]
        let (filtered, unfiltered) = try Self.compareWithEveryExtension(
            documentsOf: pieces, converter: templates, leftOffUnless: MarkdownConverter.mayFilterTags
        ) { document, html in html.contains("&lt;") && !document.contains("&lt;") }
        #expect(filtered > 100 && unfiltered > 100, "\(filtered) documents filtered, \(unfiltered) without tagfilter")
        for text in ["<script>x</script>", "<STYLE>x</STYLE>", "<div>\n<iframe src=\"a\">\n</div>", "a <title>b"] {
            #expect(try templates.html(from: text).contains("&lt;"), "\(text)")
        }
        // Every name the extension filters is seen, opened or closed, in either case.
        for name in MarkdownConverter.filteredTags {
            for tag in ["<\(name)>", "</\(name.uppercased())>", "x <\(name.capitalized) a=1>"] {
                var bytes = Array(tag.utf8)
                #expect(bytes.withUnsafeMutableBufferPointer { MarkdownConverter.mayFilterTags(UnsafeBufferPointer($0)) }, "\(tag)")
                #expect(try templates.html(from: tag) != templates.html(from: tag.replacingOccurrences(of: "<", with: "<x")), "\(tag)")
            }
        }
    }

    /// Converts 3,000 random documents of one to twenty-four `pieces` each and expects each to convert as
    /// with every extension attached. Counts the documents for which `mayAct` answers yes and `acted`
    /// sees the extension's work in the HTML, and those for which `mayAct` answers no.
    static func compareWithEveryExtension(
        documentsOf pieces: [String], converter: MarkdownConverter, leftOffUnless mayAct: (UnsafeBufferPointer<UInt8>) -> Bool,
        acted: (_ document: String, _ html: String) -> Bool
    ) throws -> (acted: Int, leftOff: Int) {
        var random = SystemRandomNumberGenerator()
        var counts = (acted: 0, leftOff: 0)
        for _ in 0..<3_000 {
            let document = (0..<Int.random(in: 1...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let every = try converter.htmlWithEveryExtension(from: document)
            #expect(try converter.html(from: document) == every, "\(document.debugDescription)")
            if Array(document.utf8).withUnsafeBufferPointer(mayAct) {
                counts.acted += acted(document, every) ? 1 : 0
            } else {
                counts.leftOff += 1
            }
        }
        return counts
    }

    /// Converts a large document many times; a leak of parser, nodes or the rendered buffer would grow
    /// the process by hundreds of megabytes, which the resident-size check catches. (The size is the
    /// process's: tests converting on other threads meanwhile hold up to a region's limit each, which
    /// the margin allows for.)
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
        #expect(growth < 128 * 1024 * 1024, "resident memory grew by \(growth) bytes over 40 conversions")
    }

    func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(status.split(separator: " ")[1]) else { return 0 }
        return pages * 4096
    }
}
