import Corpus
import Foundation
import Testing
@testable import Reports
import Site

/// The readers pass over lines, cells and sentences that cannot hold what they look for, deciding it from
/// a few bytes. Each shortcut gives exactly what reading everything gives: whole readers are compared
/// with the shortcut on and off over real, fixture, synthetic and mixed-up reports, and each line test
/// with its Character definition over every line of the bundled reports and the edge cases.
@Suite struct ShortcutTests {
    static func texts() throws -> [ReportText] {
        let reports = try LayoutPrefilterTests.reports()
        return reports.map { ReportText(path: $0.name, text: $0.text) } + LayoutPrefilterTests.mixtures(of: reports, count: 150)
    }

    /// The cell cache holds lines by number in an array; a line made by hand with a number no text has
    /// (none, negative, enormous) is read without it, and a cached line's cells are what reading it gives.
    @Test func cellsOfAnyLineNumberAreTheLinesCells() {
        let text = ReportText(path: "t.txt", text: "Overall effectiveness    Good\nplain prose")
        for number in [-1, 0, 1, 2, 7, CellCache.largestCachedLine + 1, Int.max] {
            let line = ReportText.Line(number: number, text: "Overall effectiveness    Good")
            #expect(text.cells(of: line) == ReportCells.cells(of: line), "\(number)")
        }
        #expect(text.cells(of: text.lines[0]).count == 2)
        #expect(text.cells(of: text.lines[0]) == ReportCells.cells(of: text.lines[0]))
    }

    @Test func gradedStructureIsTheSameReadingEveryCell() throws {
        var judgements = 0
        var headings = 0
        for text in try Self.texts() {
            for framework in [Framework.sif, .ilacs] {
                let quick = GradedStructureReader(framework: framework, vocabulary: .builtIn, text: text)
                var thorough = quick
                thorough.passesOverUngradedCells = false
                let (fast, slow) = (quick.read(), thorough.read())
                #expect(fast.judgements == slow.judgements && fast.diagnostics == slow.diagnostics, "\(text.path) \(framework.rawValue)")
                #expect(fast.frontTableEnd == slow.frontTableEnd && fast.headings == slow.headings, "\(text.path) \(framework.rawValue)")
                judgements += fast.judgements.count
                headings += fast.headings.count
            }
        }
        // Both rows and statements are found, so both shortcuts are exercised where they matter.
        #expect(judgements > 200 && headings > 50, "\(judgements) judgements, \(headings) headings")
    }

    @Test func outcomeJudgementsAreTheSameReadingEverySentence() throws {
        var fromProse = 0
        for text in try Self.texts() {
            let blocks = ReportDocument(text).blocks
            for framework in [Framework.apa, .jar] {
                var quick = OutcomeJudgements(framework: framework, vocabulary: .builtIn, file: text.path)
                var thorough = quick
                thorough.stopsAtFirstStatements = false
                quick.read(blocks)
                thorough.read(blocks)
                #expect(quick.judgements == thorough.judgements && quick.diagnostics == thorough.diagnostics, "\(text.path) \(framework.rawValue)")
                fromProse += quick.judgements.filter { $0.basis == .prose }.count
            }
        }
        #expect(fromProse > 30, "\(fromProse) judgements read from sentences")
    }

    static func lines() throws -> [String] {
        let pageLines = [
            "Staying safe   12", "12   Joint area review of Stoke-on-Trent", "Page 3 of 20", "3", "1234 abc def", "12345  text here",
            "Stoke joint area review\t7", "x 12", "A b c 9", "9 A b c", "Grade 2", "Ends a sentence. 4", "¹ ²", "¹²", " 7 ",
            "- 3", "* item", "• item", "–dash", "·dot", "# Heading", "## Heading two", "**Strong**", "#hash", "*emphasis*",
            "1. Numbered", "12.\tTabbed", "123. Three", "1234. Four", "1.2 Not", "(12)", "\u{F0B7} private", "1\u{301}. marked",
            "x26 November 2007", "(1/06/2015", "5 May 2010", "•12 June 2009", "a 1 June 2009", "12 June 2009.", "On 12 June 2009",
            "Joint area review \u{600}12", "12\u{301} Joint area review", "Joint area review 12\u{301}", "Joint area review  \u{301}12",
            "Joint area review – 12", "12 — Joint area review", "page 4", "PAGE 4 OF 9", "Joint area review\u{A0}12",
        ]
        return try FastPathTests.samples().map { $0.trimmingWhitespace() } + pageLines
    }

    @Test func pageFurnitureShortcutsAgree() throws {
        var differing: [String] = []
        for line in try Self.lines() {
            if Furniture.isNeitherMarksNorPageLine(line) {
                let marks = !line.isEmpty && line.allSatisfy { Furniture.footnoteMarks.contains($0) || $0 == " " }
                if marks || Furniture.pageLine(line) != nil { differing.append("passed over: \(line)") }
            }
            if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                let (fast, slow) = (Furniture.asciiPageNumber(line), Furniture.pageNumberByCharacter(line))
                if fast?.text != slow?.text || fast?.page != slow?.page { differing.append("page number: \(line)") }
            }
            if Furniture.pageNumberByCharacter(line) != nil && !Furniture.hasNumberBesideGap(line) { differing.append("no number beside a gap: \(line)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(Furniture.pageLine("Stoke-on-Trent joint area review   8")?.page == 8)
    }

    /// The scale key's test for two signs, from the bytes, counts as filtering the UTF-8 does.
    @Test func twoSignsAreCountedFromTheBytes() throws {
        let lines = try Self.lines() + ["a: b = c", "a:", "==", "::x", "x=", "é:é=", "Outstanding = 4: Good = 3", ""]
        for line in lines {
            #expect(JointAreaReviewLayout.hasTwoSigns(line) == (line.utf8.filter { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }.count >= 2), "\(line)")
        }
        #expect(lines.contains { JointAreaReviewLayout.hasTwoSigns($0) } && lines.contains { !JointAreaReviewLayout.hasTwoSigns($0) })
    }

    @Test func blockLineTestsAgree() throws {
        func bullet(_ trimmed: String) -> Substring? {
            guard let first = trimmed.first, ReportDocument.bullets.contains(first) else { return nil }
            let rest = trimmed.dropFirst()
            guard rest.first?.isWhitespace == true || first == "•" || first == "\u{F0B7}" else { return nil }
            return rest.drop { $0.isWhitespace }
        }
        func endsSentence(_ text: String) -> Bool {
            guard let last = text.last else { return true }
            return last.isOne(of: ".!?:;") || (last == "\"" || last == "”" || last == "’" || last == ")") && text.dropLast().last.map { $0.isOne(of: ".!?") } == true
        }
        func heading(_ trimmed: String) -> String? {
            guard trimmed.hasPrefix("#") || trimmed.hasPrefix("**") else { return nil }
            if let match = trimmed.wholeMatch(of: Patterns.markdownHeading) { return ReportDocument.cleanCell(String(match.1)) }
            if let match = trimmed.wholeMatch(of: Patterns.strongLine) { return String(match.1).trimmingWhitespace() }
            return nil
        }
        var differing: [String] = []
        let lines = try Self.lines()
        for line in lines + lines.map({ " " + $0 }) + lines.map({ $0 + "\u{301}" }) + ["a.\u{301}", "x)\u{301}", "\"", "?\"", "\r\n"] {
            if ReportDocument.bulletText(line) != bullet(line) { differing.append("bullet: \(line)") }
            if ReportDocument.endsSentence(line) != endsSentence(line) { differing.append("sentence end: \(line)") }
            if ReportDocument.isParagraphNumber(line) != (line.prefixMatch(of: Patterns.paragraphNumber) != nil) { differing.append("number: \(line)") }
            if ReportDocument.markdownHeading(line) != heading(line) { differing.append("heading: \(line)") }
            if ReportDocument.startsWithWhitespace(line) != (line.first?.isWhitespace == true) { differing.append("white space: \(line)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func aLetterDateIsFoundOnTheSameLines() throws {
        func reference(_ line: ReportText.Line) -> PartialDate? {
            guard let only = ReportFacts.dates(in: line.trimmed).first, line.trimmed[only.range].count >= line.trimmed.count - 1 else { return nil }
            return only.date
        }
        var found = 0
        for (index, text) in try Self.lines().enumerated() {
            let line = ReportText.Line(number: index + 1, text: text)
            let fast = ReportFacts.letterDate([line])?.value
            #expect(fast == reference(line), "\(text)")
            if fast != nil { found += 1 }
        }
        #expect(found >= 5)
    }

    @Test func judgementSentencesAreKeptAsReadingWouldKeepThem() throws {
        var differing: [String] = []
        let samples = try FastPathTests.samples() + FastPathTests.judgementSentences
            + FastPathTests.judgementSentences.map { $0 + " Next one. \($0)" } + FastPathTests.sentencesWithScalarsBeyondASCII(count: 300)
        for sample in samples {
            let kept = ProseGrades.sentences(of: sample, keeping: ProseGrades.mayGrade)
            let all = ProseGrades.sentences(of: sample).filter { ProseGrades.mayGrade($0.0) }
            if kept.map(\.0) != all.map(\.0) || kept.map(\.1) != all.map(\.1) { differing.append(sample) }
            // A grade word's bytes, in either case of each ASCII letter, anywhere (a mark after it included).
            let lowered = sample.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            func holds(_ word: String) -> Bool {
                let word = Array(word.utf8)
                return lowered.count >= word.count && (0...(lowered.count - word.count)).contains { Array(lowered[$0..<($0 + word.count)]) == word }
            }
            if ProseGrades.mayGrade(sample) != ["good", "adequate", "outstanding", "excellent"].contains(where: holds) {
                differing.append("grade word: \(sample)")
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func aVisitSubjectIsFoundOnTheSameLine() throws {
        let subjects = ["Focused visit to X", "**Monitoring visit** of Y", "# Joint targeted area inspection", "ASSURANCE VISIT: Z",
                        "<b>Focused visit</b>", "  monitoring visit to", "Élan focused visit", "\u{212A}elvin", "1 Focused visit",
                        "Unannounced inspection of contact, referral and assessment"]
        var texts = try Self.texts()
        texts += subjects.map { ReportText(path: $0, text: "Dear Sir\n\($0)\nto the council\nText.") }
        var found = 0
        for text in texts {
            let fast = VisitLetter.subject(in: text)
            #expect(fast == VisitLetter.subject(in: text, passesOverByInitial: false), "\(text.path)")
            if fast != nil { found += 1 }
        }
        #expect(found >= subjects.count - 3)
    }
}
