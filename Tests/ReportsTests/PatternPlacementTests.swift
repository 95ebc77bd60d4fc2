import Foundation
import Testing
@testable import Reports
import Site

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

    /// Lines, cells and headings of the reports, and edge cases of digits, line breaks and clusters.
    static func samples() throws -> [String] {
        var samples: Set<String> = [
            "", "2", "a2", "Staying safe2", "Staying safe12", "Staying safe123", "Staying safe 2", "safé2", "É2", "a2 ",
            "a\u{663}", "a\u{FF11}", "a1\n", "a1\r\n", "a1\r", "a\u{301}2", "b1\u{301}", "x\u{600}1", "Ab1\u{200D}",
            "1. text", "12.text", "1234. x", "\u{661}. x", " 1. x", "\n1. x", "1.\n", "2.1 Adoption", "1. Children", "12 x",
            "1.2.3 x", "1.  ", "1. ", "grade: 2", "grade2", "grade", "gradeless", "grade\u{301} 2", "grade :  good",
            "Report for 2007", "in Stoke 2007", " of Wigan", "  Report  on Wigan", "for", "On wigan", "Council 20071", "x 1999\n",
        ]
        for text in try ShortcutTests.texts() {
            for line in text.lines {
                samples.insert(line.trimmed)
                samples.insert(ReportText.folded(line.trimmed))
                for cell in text.cells(of: line) { samples.insert(cell.text) }
            }
        }
        return samples.sorted()
    }

    @Test func anchoredReplacementsGiveWhatReplacingGives() throws {
        var changed = 0
        for sample in try Self.samples() {
            let footnotes = [
                (Patterns.keepingLetterBeforeFootnote(Patterns.lowerThenFootnote, in: sample), sample.replacing(Patterns.lowerThenFootnote) { String($0.1) }),
                (Patterns.keepingLetterBeforeFootnote(Patterns.letterThenFootnote, in: sample), sample.replacing(Patterns.letterThenFootnote) { String($0.1) }),
            ]
            let prefixes = [
                (Patterns.removingPrefix(Patterns.itemNumberPrefix, from: sample), sample.replacing(Patterns.itemNumberPrefix, with: "")),
                (Patterns.removingPrefix(Patterns.gradePrefix, from: sample), sample.replacing(Patterns.gradePrefix, with: "")),
                (Patterns.removingPrefix(Patterns.labelNumberPrefix, from: sample), sample.replacing(Patterns.labelNumberPrefix, with: "")),
            ]
            for (quick, definition) in footnotes + prefixes {
                #expect(quick == definition, "\(sample.debugDescription)")
                if definition != sample { changed += 1 }
            }
            let tail = Substring(sample)
            #expect((tail.prefixMatch(of: Patterns.reviewOf).map { tail[$0.range.upperBound...] } ?? tail) == tail.replacing(Patterns.reviewOf, with: ""),
                    "\(sample.debugDescription)")
            let year = Substring(sample)
            #expect((Patterns.mayEndWithDigit(year) ? year.replacing(Patterns.trailingYear, with: "") : year) == year.replacing(Patterns.trailingYear, with: ""),
                    "\(sample.debugDescription)")
        }
        #expect(changed > 100, "the samples exercise the replacements")
    }

    /// The names of the patterns in `Patterns.swift` whose literal begins with `^` (after `(?i)`).
    static func anchoredPatterns() throws -> [String] {
        let source = try String(contentsOf: readers.appendingPathComponent("Patterns.swift"), encoding: .utf8)
        return source.matches(of: /static let (\w+)\s*(?::[^=]*)?=\s*\/(?:\(\?i\))?\^/).map { String($0.1) }
    }

    /// A pattern anchored at the start is never searched for with `firstMatch` or replaced with
    /// `replacing`, which try it at every position.
    @Test func anchoredPatternsAreMatchedOnlyAtTheStart() throws {
        let anchored = try Self.anchoredPatterns()
        #expect(anchored.contains("copular") && anchored.contains("headingMarks") && anchored.contains("labelNumber"))
        #expect(!anchored.contains("letterThenFootnote") && !anchored.contains("rule"))
        let files = try #require(FileManager.default.enumerator(atPath: Self.readers.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: Self.readers.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for name in anchored where line.contains("firstMatch(of: Patterns.\(name))") || line.contains("replacing(Patterns.\(name)") {
                    found.append("\(file):\(number + 1): \(name)")
                }
            }
        }
        #expect(found.isEmpty, "anchored patterns searched at every position:\n\(found.joined(separator: "\n"))")
    }

    /// For a pattern anchored at the start, `prefixMatch` finds what `firstMatch` finds.
    @Test func prefixMatchOfAnAnchoredPatternIsItsFirstMatch() throws {
        var matched = 0
        func check<Output>(_ pattern: Regex<Output>, _ name: String, _ sample: String) {
            let first = sample.firstMatch(of: pattern)
            let prefix = sample.prefixMatch(of: pattern)
            #expect(first?.range == prefix?.range, "\(name) \(sample.debugDescription)")
            #expect(first.map { String(describing: $0.output) } == prefix.map { String(describing: $0.output) }, "\(name) \(sample.debugDescription)")
            if first != nil { matched += 1 }
        }
        let sentences = try ShortcutTests.texts().prefix(40).flatMap { text in
            ReportDocument(text).blocks.flatMap { ProseGrades.sentences(of: $0.text).map(\.0) }
        }
        for sample in try Self.samples() + sentences + ["The council is good.", "Services are adequate overall", "# Heading", "2.1 Adoption performance"] {
            check(Patterns.copular, "copular", sample)
            check(Patterns.headingMarks, "headingMarks", sample)
            check(Patterns.numericDatePieces, "numericDatePieces", sample)
            check(Patterns.dayPieces, "dayPieces", sample)
            check(Patterns.monthYearPieces, "monthYearPieces", sample)
            check(Patterns.labelNumber, "labelNumber", sample)
            check(Patterns.numberedItem, "numberedItem", sample)
            check(Patterns.inspectionOf, "inspectionOf", sample)
            check(Patterns.areasFor, "areasFor", sample)
        }
        #expect(matched > 500, "the samples exercise the patterns")
    }

    /// The readers' byte-level forms of patterns give what the patterns give.
    @Test func byteLevelFormsGiveWhatThePatternsGive() throws {
        let edges = [
            "1 x", "1  ", "1 ", "1", "1.  2", "1 2", "12.34 Adoption", "2.1. Adoption", "1.2.3 x", "123 x", "1\tx", "1.\r\nx",
            "1.\u{A0}x", "1.\u{301} x", "3 5 6", "12.3 x", "1.234 x", "9.\n", "1 \u{663}", "\u{661} x",
            "# Heading", "#Heading", "###### Six", "####### Seven", "#  \t Spaced", "# ", "#", "##\u{A0}x", "#\u{301} x", "# \r\nx", "# \u{301}x",
            "within six months", "within 6  months.", "in the longer term", "long-term plans", "sixmonths", "terms of reference",
            "areas for development", "area for improvement", "areas(s) for development", "area\u{301}s for development", "arena",
        ]
        var numbers = 0
        var headings = 0
        for sample in try Self.samples() + edges {
            let number = sample.firstQuickly?.isNumberQuickly == true ? sample.prefixMatch(of: Patterns.labelNumber).map { String($0.1) } : nil
            #expect(GradedStructureReader.number(of: sample) == number, "\(sample.debugDescription)")
            if let known = GradedStructureReader.asciiLabelNumber(sample) {
                #expect(known == sample.prefixMatch(of: Patterns.labelNumber).map { String($0.1) }, "\(sample.debugDescription)")
                if known != nil { numbers += 1 }
            }
            if let length = ReportCells.asciiHeadingMarksLength(sample) {
                let marks = sample.prefixMatch(of: Patterns.headingMarks).map { sample.utf8.distance(from: sample.startIndex, to: $0.range.upperBound) } ?? 0
                #expect(length == marks, "\(sample.debugDescription)")
                if length > 0 { headings += 1 }
            }
            let folded = ReportText.folded(sample)
            let timescale: Recommendation.Timescale? = folded.contains("immediate") ? .immediate
                : folded.firstMatch(of: Patterns.sixMonths) != nil ? .withinSixMonths
                : folded.firstMatch(of: Patterns.longerTerm) != nil ? .longerTerm : nil
            #expect(ReportFacts.timescale(folded) == timescale, "\(sample.debugDescription)")
            #expect(ReportFacts.isRecommendationHeading(folded) == (folded.hasPrefix("recommendation") || folded.prefixMatch(of: Patterns.areasFor) != nil),
                    "\(sample.debugDescription)")
        }
        #expect(numbers > 20 && headings > 5, "the samples exercise the byte-level forms")
    }
}
