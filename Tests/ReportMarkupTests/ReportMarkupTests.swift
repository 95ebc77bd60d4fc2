import Foundation
import Markdown
import Testing
@testable import Render
import Site

/// A small seeded generator, so every property run is the same run and a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random strings built from pieces that matter to HTML and Markdown: tags, attributes, link syntax,
/// entities, punctuation, letters and non-ASCII text.
enum HostileText {
    static let pieces = [
        "<", ">", "</", "/>", "<b>", "</b>", "<i>", "</I>", "<em>", "<strong class=\"x\">", "</strong>", "<sup>", "</sub>",
        "<p>", "</p>", "<br>", "<br/>", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href=\"", "\">",
        "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "[x](", ")", "](", "![y](", "<http://e.org>",
        "www.example.org", "&", "&amp;", "&lt;", "&#60;", "&#x3C;", "&nbsp;", "\"", "'", "=", "*", "_", "`", "~", "#", "|",
        "-", "+", "1.", "\\", "{{", "}}", " ", " ", "  ", "a", "word", "Children’s", "14–19", "é", "onload=", "style=",
    ]

    static func make(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
}

/// The text of an HTML fragment: tags removed and cmark's four escapes undone.
func textContent(_ html: String) -> String {
    html.replacing(/<[^>]*>/, with: "")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        .trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite struct ReportMarkupTests {
    let converter = MarkdownConverter(allowsTemplateHTML: true)

    func html(_ text: String) throws -> String {
        try converter.html(from: ReportMarkup.markdown(text))
    }

    @Test(arguments: [
        ("<b>Good</b>", "<p><b>Good</b></p>"),
        ("<B class=\"grade\" onclick='steal()'>Good</B >", "<p><b>Good</b></p>"),
        ("Table 1<sup>1</sup> and H<sub>2</sub>O", "<p>Table 1<sup>1</sup> and H<sub>2</sub>O</p>"),
        ("<i>unclosed italics", "<p><i>unclosed italics</i></p>"),
        ("stray</em> closing", "<p>stray closing</p>"),
        ("<b><i>crossed</b> tags</i>", "<p><b><i>crossed</i></b> tags</p>"),
        ("<p>One</p><p>Two</p>", "<p>One<br><br>Two</p>"),
        ("line<br/>break<BR>again", "<p>line<br>break<br>again</p>"),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("<a href=\"javascript:alert(1)\">click</a>", "<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;</p>"),
        ("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>"),
        ("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>"),
        ("&lt;b&gt;not bold&lt;/b&gt; &amp; fish", "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; fish</p>"),
        ("<!-- note --> text", "<p>&lt;!-- note --&gt; text</p>"),
        ("    indented *stars* and # hashes", "<p>indented *stars* and # hashes</p>"),
        ("1. not a list", "<p>1. not a list</p>"),
    ])
    func keepsOnlyInlineFormatting(input: String, expected: String) throws {
        #expect(try html(input).trimmingCharacters(in: .newlines) == expected)
    }

    @Test func hostileTextNeverBecomesMarkupOrALiveLink() throws {
        var random = SplitMix64(state: 7)
        let allowed: Set<String> = ["p", "br", "i", "b", "em", "strong", "sup", "sub"]
        for _ in 0..<2_000 {
            let input = HostileText.make(&random)
            let markdown = ReportMarkup.markdown(input)
            #expect(!markdown.contains("\n"), "\(input.debugDescription) gave more than one line")
            let output = try converter.html(from: markdown)
            for tag in output.matches(of: /<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>/) {
                if tag.2 == "a" {
                    // cmark-gfm's autolink extension links bare web addresses; only http(s) ones.
                    let isWebLink = tag.3.wholeMatch(of: #/ href="https?:\/\/[^"]*"/#) != nil
                    #expect(tag.1 == "/" || isWebLink, "\(input.debugDescription) gave \(tag.0)")
                    continue
                }
                #expect(allowed.contains(String(tag.2)), "\(input.debugDescription) gave the tag \(tag.0)")
                #expect(tag.3.isEmpty, "\(input.debugDescription) gave an attribute in \(tag.0)")
            }
            for name in allowed.subtracting(["p", "br"]) {
                #expect(output.components(separatedBy: "<\(name)>").count == output.components(separatedBy: "</\(name)>").count,
                        "\(input.debugDescription) gave unbalanced <\(name)>")
            }
            #expect(!output.lowercased().contains("javascript:alert(1)\""), "\(input.debugDescription)")
        }
    }

    @Test func textWithoutTagsShowsAsWritten() throws {
        var random = SplitMix64(state: 11)
        for _ in 0..<1_000 {
            let input = HostileText.make(&random).replacingOccurrences(of: "<", with: "").replacingOccurrences(of: "&", with: "")
            let shown = textContent(try html(input))
            #expect(shown == input.trimmingCharacters(in: .whitespaces), "\(input.debugDescription)")
        }
    }
}

@Suite struct MarkdownEscapingTests {
    @Test func escapedTextRendersAsExactlyItsText() throws {
        let converter = MarkdownConverter(allowsTemplateHTML: true)
        var random = SplitMix64(state: 3)
        for _ in 0..<2_000 {
            let input = HostileText.make(&random)
            let output = try converter.html(from: MarkdownText.escape(input))
            #expect(textContent(output) == input.trimmingCharacters(in: .whitespaces), "\(input.debugDescription) → \(output)")
            #expect(!output.contains("<a ") || output.contains("href=\"http"), "\(input.debugDescription) became a link: \(output)")
        }
    }

    /// `- + = . { } $ % ^` are escaped only where a line starts (and `.` after `www`): the HTML must be
    /// what escaping every special character everywhere gave, wherever a template puts the values.
    @Test func escapingOnlyAtLineStartsRendersAsEscapingEverywhere() throws {
        let converter = MarkdownConverter(allowsTemplateHTML: true)
        let pieces = [
            "-", "+", "=", ".", "{", "}", "$", "%", "^", "1", "12", "www", "WwW", "w", "a", "x.org", " ", "  ", "\n",
            "\t", "*", "_", "#", ">", "|", "(", ")", "!", "[", "]", ":", "@", "http", "~", "`", "\\", "&", "é", "\u{301}",
            "\u{2028}", "<b>",
        ]
        let templates = [
            "{}", "- {}", "1. {}", "# {} #", "> {}", "*{}*", "**{}**", "_{}_", "a {}", "{}\n===", "{}\n---",
            "text\n{}", "| {} | x |\n|---|---|\n| {} | y |", "[{}](/x \"{}\")", "[{}](/x '{}')", "{}{}", "{} {}",
            "!{}", "{}[x](/y)", "[x]({})", "[x](<{}>)", "- {}\n  {}", "   {}", "{}\n\n{}", "* {}\n* {}",
        ]
        var random = SplitMix64(state: 17)
        for _ in 0..<1_500 {
            // A value starting with spaces, put at a line start, could make an indented code block, where
            // no escape works; no template puts one there, and escaping everywhere did no better.
            let values = (0..<2).map { _ in
                String((0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                    .drop { $0.isWhitespace })
            }
            for template in templates {
                func filled(_ escape: (String) -> String) -> String {
                    var parts = template.components(separatedBy: "{}")
                    for index in 1..<parts.count { parts[index] = escape(values[(index - 1) % 2]) + parts[index] }
                    return parts.joined()
                }
                let now = try converter.html(from: filled(MarkdownText.escape))
                let everywhere = try converter.html(from: filled(CharacterReference.markdownEscapeEverywhere))
                #expect(now == everywhere, "\(template.debugDescription) with \(values.map(\.debugDescription))")
            }
        }
    }

    @Test(arguments: [
        ("1. a - b.", "1\\. a - b."), ("  - x", "  \\- x"), ("= x = y", "\\= x = y"), ("See www.gov.uk.", "See www\\.gov.uk."),
        ("a-b+c", "a-b+c"), ("12) x", "12\\) x"),
    ])
    func lineStartCharactersAreEscapedOnlyAtTheLineStart(input: String, expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test(arguments: [("a\nb", "a b"), ("a\r\n\tb", "a b"), ("| x |", "\\| x \\|"), ("<b>", "\\<b\\>")])
    func lineBreaksAndSyntaxAreNeutralised(input: String, expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }
}

@Suite struct SlugTests {
    @Test func slugsAreAlwaysOneSafeSegment() {
        var random = SplitMix64(state: 5)
        let extra = ["..", "/", "\\", ".", "~", "\0", "Ünïcödé", "ST HELENS", "Bath & NE Somerset", String(repeating: "x", count: 90)]
        for _ in 0..<2_000 {
            let input = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (HostileText.pieces + extra).randomElement(using: &random)!
            }.joined()
            let slug = Slug.make(input)
            #expect(slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(input.debugDescription) gave \(slug.debugDescription)")
            #expect(slug.count <= 80)
            #expect(Slug.make(slug) == slug, "not idempotent for \(input.debugDescription)")
            let file = Slug.file(input)
            #expect(!file.contains("/") && !file.hasPrefix(".") && !file.isEmpty, "\(input.debugDescription) gave file \(file.debugDescription)")
        }
    }

    @Test(arguments: [
        ("Stoke-on-Trent", "stoke-on-trent"), ("../../etc/passwd", "etc-passwd"), ("", "unnamed"), ("Children’s", "childrens"),
        ("Bath & North East Somerset", "bath-and-north-east-somerset"), ("---", "unnamed"),
    ])
    func knownSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }
}
