import Corpus
import Testing
@testable import Reports

/// `MarkupStripping` takes out what the regular expressions it replaces take out.
@Suite struct MarkupStrippingTests {
    @Test func agreesWithTheRegularExpressionsOnRandomText() {
        let pieces = [
            "<", ">", "<sup>", "</sup>", "<i>", "</i>", "<b>", "<span class=\"x\">", "1", "12", "abc", " ", "é", "e\u{301}", "’",
            "\r\n", "\r", "children", "<sup>1</sup>", "<<", ">>", String(repeating: "x", count: 19), String(repeating: "y", count: 29),
        ]
        var random = SplitMix64(seed: 7)
        var wrong: [String] = []
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 10) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let checks: [(String, String)] = [
                (MarkupStripping.removingFootnotes(text, limit: 6), text.replacing(Patterns.shortFootnote, with: "")),
                (MarkupStripping.removingFootnotes(text, limit: nil), text.replacing(Patterns.footnote, with: "")),
                (MarkupStripping.replacingTags(text, limit: 20, with: " "), text.replacing(Patterns.shortTag, with: " ")),
                (MarkupStripping.replacingTags(text, limit: 20, with: ""), text.replacing(Patterns.shortTag, with: "")),
                (MarkupStripping.replacingTags(text, limit: 30, with: " "), text.replacing(Patterns.tag, with: " ")),
            ]
            for (index, (fast, expected)) in checks.enumerated() where fast != expected {
                wrong.append("\(index): \(text.debugDescription) → \(fast.debugDescription), not \(expected.debugDescription)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(MarkupStripping.replacingTags("The contribution of <i>the council</i> is good", limit: 20, with: " ") == "The contribution of  the council  is good")
        #expect(MarkupStripping.removingFootnotes("leavers<sup>12</sup> and", limit: 6) == "leavers and")
    }
}
