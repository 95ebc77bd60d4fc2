import Corpus
import Foundation
import Testing
@testable import Reports
import Site

/// `SIFAndILACSReading.mayGradeTwoOutcomes` rules a report out only when the row reader would find rows
/// of fewer than two outcomes in its first pages, so the SIF and ILACS scores are unchanged by it.
@Suite struct LayoutPrefilterTests {
    /// The bundled reports, the fixture excerpts and some synthetic reports of every layout.
    static func reports() throws -> [(name: String, text: String)] {
        var reports: [(String, String)] = []
        for folder in [Fixtures.content, Fixtures.root.appendingPathComponent("Reports")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                reports.append((name, ReportDecoder().decode(data, file: name).text ?? ""))
            }
        }
        let corpus = CorpusGenerator(count: 40, seed: 3)
        for index in 0..<corpus.count {
            let report = corpus.report(index)
            reports.append((report.fileName, report.text))
        }
        return reports
    }

    /// Lines of the reports, cut into runs and shuffled together with decoration added here and there,
    /// so that table rows meet letters' prose, tags, emphasis and column gaps.
    static func mixtures(of reports: [(name: String, text: String)], count: Int) -> [ReportText] {
        let sources = reports.map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }.filter { $0.count > 10 }
        var random = SplitMix64(seed: 99)
        func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let decorations: [(String) -> String] = [
            { "<i>\($0)</i>" }, { "**\($0)**" }, { $0.replacingOccurrences(of: " ", with: "   ") }, { $0.uppercased() },
            { $0.replacingOccurrences(of: "s ", with: "s’ ") }, { "# " + $0 }, { $0 + " &amp; " }, { "| \($0) | Good |" },
            { $0.replacingOccurrences(of: "e", with: "é") }, { $0.replacingOccurrences(of: "ment", with: "<sup>1</sup>ment") },
        ]
        return (0..<count).map { index in
            var lines: [String] = []
            while lines.count < 150 {
                let source = sources[next(sources.count)]
                let start = next(source.count)
                for line in source[start..<min(source.count, start + 1 + next(12))] {
                    lines.append(next(6) == 0 ? decorations[next(decorations.count)](line) : line)
                }
            }
            return ReportText(path: "mixture-\(index).txt", text: lines.joined(separator: "\n"))
        }
    }

    @Test func aReportRuledOutHasRowsOfFewerThanTwoOutcomes() throws {
        let reports = try Self.reports()
        let texts = reports.map { ReportText(path: $0.name, text: $0.text) } + Self.mixtures(of: reports, count: 250)
        var ruledOut = 0
        var graded = 0
        var wrong: [String] = []
        for text in texts {
            let head = SIFAndILACSReading.firstPages(of: text)
            for framework in [Framework.sif, .ilacs] {
                let kept = SIFAndILACSReading.mayGradeTwoOutcomes(head, framework: framework)
                let found = SIFAndILACSReading.gradedOutcomes(head, framework: framework)
                if found.count >= 2 { graded += 1 }
                if kept { continue }
                ruledOut += 1
                if found.count >= 2 { wrong.append("\(text.path) (\(framework.rawValue)): \(found.sorted())") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // Neither side is empty: many texts are ruled out, and many have rows of two outcomes or more.
        #expect(ruledOut > texts.count / 5, "\(ruledOut) of \(texts.count * 2) ruled out")
        #expect(graded > texts.count / 5, "\(graded) of \(texts.count * 2) with graded rows")
    }

    @Test func everySIFAndILACSReportIsKeptAndMostLettersAreRuledOut() throws {
        var letters = (count: 0, ruledOut: 0)
        for (name, text) in try Self.reports() {
            let report = ReportText(path: name, text: text)
            let layout = ReportExtractor().layout(for: report)
            let head = SIFAndILACSReading.firstPages(of: report)
            let kept = SIFAndILACSReading.mayGradeTwoOutcomes(head, framework: .sif) || SIFAndILACSReading.mayGradeTwoOutcomes(head, framework: .ilacs)
            switch layout?.framework {
            case .sif?, .ilacs?: #expect(kept, "\(name)")
            case .apa?, .jar?:
                letters.count += 1
                if !kept { letters.ruledOut += 1 }
            default: break
            }
        }
        #expect(letters.ruledOut * 4 >= letters.count * 3, "\(letters.ruledOut) of \(letters.count) letters and reviews ruled out")
    }

    /// `HeadWords` finds every wording word of a line's cells, in order, and a possible table header.
    @Test func headWordsHoldTheCellsWordingWordsInOrder() throws {
        let reports = try Self.reports()
        var wrong: [String] = []
        for text in reports.map({ ReportText(path: $0.name, text: $0.text) }) + Self.mixtures(of: reports, count: 100) {
            for (index, line) in text.lines.enumerated() {
                let cellWords = text.cells(of: line).flatMap { OutcomeMatch.significantWords($0.text) }
                let wanted = cellWords.compactMap { HeadWords.index[$0] }
                let found = HeadWords(text: text, lineAt: index)
                var rest = wanted[...]
                for word in found.words where word == rest.first { rest = rest.dropFirst() }
                let plain = line.text.utf8.allSatisfy { $0 < 0x80 && !ReportCells.isDecorationMark($0) }
                if !rest.isEmpty || plain && found.words != wanted { wrong.append("\(text.path):\(line.number) \(line.text)") }
                if found.mask != HeadWords.mask(of: found.words) { wrong.append("mask \(line.text)") }
                if cellWords == ["judgement"] || cellWords == ["judgement", "grade"], !found.mayBeTableHeader { wrong.append("header \(line.text)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(HeadWords(text: ReportText(path: "t", text: "Judgment   Grade"), lineAt: 0).mayBeTableHeader)
    }

    /// No layout scores above its `highestScore`, on the reports and on mixtures of their lines, and the
    /// extractor, which does not ask a layout that could not beat the best so far, picks the layout that
    /// asking every one would (the first of the highest score).
    @Test func layoutsNotAskedCouldNotHaveWon() throws {
        let reports = try Self.reports()
        let texts = reports.map { ReportText(path: $0.name, text: $0.text) } + Self.mixtures(of: reports, count: 150)
        var wrong: [String] = []
        var bounded = 0
        for text in texts {
            var best: (name: String, score: Int)?
            for layout in ReportLayouts.known {
                let score = layout.score(text)
                if let highest = layout.highestScore {
                    bounded += 1
                    if score > highest { wrong.append("\(text.path): \(layout.name) scored \(score) over \(highest)") }
                }
                if score > 0, score > best?.score ?? 0 { best = (layout.name, score) }
            }
            let chosen = ReportExtractor().layout(for: text)?.name
            if chosen != best?.name { wrong.append("\(text.path): \(chosen ?? "none") chosen, \(best?.name ?? "none") scores highest") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(bounded >= texts.count * 3, "the letters' layouts declare their highest score")
    }

    /// A report whose first pages' head words rule out a judgement table header has none.
    @Test func judgementTableHeadersAreFoundAsWithoutTheHeadWords() throws {
        let reports = try Self.reports()
        let texts = reports.map { ReportText(path: $0.name, text: $0.text) } + Self.mixtures(of: reports, count: 250)
        var wrong: [String] = []
        var found = 0
        var ruledOut = 0
        for text in texts {
            let all = GradedStructureReader.judgementTableHeader(in: text, prefiltered: false)
            if all != nil { found += 1 }
            let head = SIFAndILACSReading.firstPages(of: text)
            if !head.cellCache.headWords(of: head).contains(where: \.mayBeTableHeader) { ruledOut += 1 }
            if GradedStructureReader.judgementTableHeader(in: ReportText(path: text.path, text: text.lines.map(\.text).joined(separator: "\n"))) != all {
                wrong.append(text.path)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(found > 10 && ruledOut > texts.count / 2, "\(found) headers found, \(ruledOut) of \(texts.count) ruled out")
    }
}
