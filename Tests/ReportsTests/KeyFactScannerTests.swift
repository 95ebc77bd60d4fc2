import Corpus
import Foundation
import Testing
@testable import Reports
import Site

/// `KeyFactScanner` must find what the key-fact regular expressions find, or say it cannot decide.
@Suite struct KeyFactScannerTests {
    nonisolated(unsafe) static let facts: [(KeyFactScanner.Fact, Regex<(Substring, Substring)>)] = [
        (.lookedAfter, Patterns.childrenLookedAfter), (.protectionPlans, Patterns.childProtectionPlans),
    ]

    /// The regular expression's first number, as a byte range.
    static func expected(_ pattern: Regex<(Substring, Substring)>, in text: String) -> Range<Int>? {
        guard let match = text.firstMatch(of: pattern) else { return nil }
        let utf8 = text.utf8
        return utf8.distance(from: utf8.startIndex, to: match.1.startIndex)..<utf8.distance(from: utf8.startIndex, to: match.1.endIndex)
    }

    /// Whether the scanner agrees with the regular expression on `text`; counts its unsure answers.
    static func agrees(_ text: String, unsure: inout Int) -> Bool {
        for (fact, pattern) in facts {
            switch KeyFactScanner.firstMatch(fact, in: text) {
            case .unsure: unsure += 1
            case .noMatch: if expected(pattern, in: text) != nil { return false }
            case .match(let range): if expected(pattern, in: text) != range { return false }
            }
        }
        return true
    }

    @Test func findsTheNumbersReportsGive() {
        let lookedAfter = "At the time of the inspection, 1,234 children were being looked after and 56 children and young people were subject to a child protection plan."
        func bytes(of number: String) -> Range<Int> {
            let range = lookedAfter.range(of: number)!
            return lookedAfter.utf8.distance(from: lookedAfter.startIndex, to: range.lowerBound)..<lookedAfter.utf8.distance(from: lookedAfter.startIndex, to: range.upperBound)
        }
        #expect(KeyFactScanner.firstMatch(.lookedAfter, in: lookedAfter) == .match(bytes(of: "1,234")))
        #expect(KeyFactScanner.firstMatch(.protectionPlans, in: lookedAfter) == .match(bytes(of: "56")))
        #expect(KeyFactScanner.firstMatch(.lookedAfter, in: "There are 12 CHILDREN   in Care.") == .match(10..<12))
        #expect(KeyFactScanner.firstMatch(.lookedAfter, in: "No children looked after were seen.") == .noMatch)
    }

    @Test func agreesWithTheRegularExpressionOnWordBoundaries() {
        // Unicode's word boundaries: none inside "1.5" or "a1", none after "care" in "care's" or "care.x".
        let cases = [
            "12 children in care.", "1.5 children in care", "1,5 children in care", "a1 children in care", "_1 children in care",
            "x 12 children in care's", "12 children in care.x", "12 children in care. x", "12 children in care:x",
            "12 children in care’s", "£12 children in care", "12 children in care,x", "1x,5 children in care",
            "12 children in care_", "12 CHILDREN   Looked-After now", "5 children in carex", "5’12 children in care",
            "‘12 children in care’", "12 children – in care", "12 children\u{A0}in care", "12\u{A0}children in care",
            "١٢ children in care", "12 children in care\u{301}", "12 children are on a child protection plans.",
            "3 children have child protection plans", "3 children had the child protection register", "3 children on an child protection plan",
            "3 children the subject of child protection plans", "3 children subject to a child protection planning",
            "3 children were subject of the child protection register’s", "3 children and young people are being accommodated or in care",
            "3 children and young people\u{2003}are in care", "3 children being accommodated or looked after",
        ]
        var unsure = 0
        for text in cases {
            #expect(Self.agrees(text, unsure: &unsure), "\(text)")
        }
        #expect(unsure < cases.count, "the scanner decides most cases itself")
    }

    @Test func agreesWithTheRegularExpressionOnEveryParagraphOfTheBundledReports() throws {
        var unsure = 0
        var paragraphs = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let text = try Fixtures.text(Fixtures.content.appendingPathComponent(name))
            for block in ReportDocument(ReportText(path: name, text: text)).blocks where TextScanning.contains(block.text, "children") {
                paragraphs += 1
                #expect(Self.agrees(block.text, unsure: &unsure), "\(name): \(block.text.prefix(80))")
            }
        }
        #expect(paragraphs > 100)
        #expect(unsure * 10 < paragraphs, "the regular expression is asked for under a tenth of the paragraphs")
    }

    @Test func agreesWithTheRegularExpressionOnRandomText() {
        let pieces = [
            "children", "Children", "CHILDREN", " ", "  ", "\n", "\t", "-", ",", ".", "'", "’", "‘", "“", "–", "\u{A0}", "\u{301}", "1", "23",
            "4,5", "and", "young", "people", "were", "are", "being", "accommodated", "or", "looked", "after", "in", "care", "on", "had",
            "have", "the", "subject", "to", "of", "a", "an", "child", "protection", "plan", "plans", "register", "x", "_", ":", "é", "١",
        ]
        var generator = SplitMix64(seed: 20261125)
        var unsure = 0
        for _ in 0..<50_000 {
            let count = Int(generator.next() % 14) + 2
            var text = ""
            for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            // Most random texts never reach a pattern's end; these put a plausible phrase in the middle.
            if generator.next() % 2 == 0 {
                text += ["1 children in care", "22 children looked-after", "3 children on child protection plans", "4 children were subject to a child protection plan"][Int(generator.next() % 4)]
                for _ in 0..<Int(generator.next() % 3) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            }
            #expect(Self.agrees(text, unsure: &unsure), "\(text.debugDescription)")
        }
    }
}
