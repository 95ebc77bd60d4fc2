import Foundation
import Site

/// A single inspection framework report (2013–2017), with its review of the Local Safeguarding Children
/// Board: in Markdown or as PDF text.
///
/// Recognised by its judgement rows (overall effectiveness; 1 help and protection; 2 children looked after,
/// with the graded sub-judgements 2.1 adoption performance and 2.2 care leavers; 3 leadership), which no
/// other framework grades. Judgements are read from the front page and confirmed by the section openers
/// and graded statements in the body; the LSCB judgement from the statement of its review.
struct SIFReport: ReportLayout {
    let name = "SIF report"
    let framework = Framework.sif

    /// What every SIF report grades, the LSCB review included.
    static let judged = [
        "overall-effectiveness", "help-and-protection", "children-looked-after", "adoption", "care-leavers",
        "leadership-management-governance", "lscb",
    ]

    func score(_ text: ReportText) -> Int {
        SIFAndILACSReading.score(text, framework: framework) { _, rows in
            rows.contains { GradedStructureReader.number(of: $0.wording)?.contains(".") == true }
        }
    }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        SIFAndILACSReading.read(text, framework: framework, vocabulary: vocabulary, opening: "Summary of judgements") { _ in
            Self.judged
        }
    }
}

/// What SIF and ILACS reports share: how they are scored and read.
enum SIFAndILACSReading {
    /// Ten points for each outcome graded in a row of the report's first pages, fifty more when
    /// `isDefining` sees the framework's own table structure (SIF's numbered sub-judgements, ILACS's header); nothing for fewer than two graded rows.
    static func score(_ text: ReportText, framework: Framework, isDefining: (GradedStructureReader, [Judgement]) -> Bool) -> Int {
        let head = firstPages(of: text)
        guard mayGradeTwoOutcomes(head, framework: framework) else { return 0 }
        let reader = GradedStructureReader(framework: framework, vocabulary: .builtIn, text: head)
        let rows = reader.tableRows(in: GradedStructureReader.cells(of: head)).map(\.judgement)
        let outcomes = Set(rows.map(\.outcome))
        guard outcomes.count >= 2 else { return 0 }
        return outcomes.count * 10 + (isDefining(reader, rows) ? 50 : 0)
    }

    /// The lines `score` reads.
    static func firstPages(of text: ReportText) -> ReportText {
        // A text no longer than its first pages is its own; a longer one's first pages are copied once for
        // all who ask (each layout scored, the judgement table's header), not once each.
        guard text.lines.count > firstPageLines else { return text }
        var head = text
        head.lines = text.cellCache.firstLines(firstPageLines, of: text)
        return head
    }

    static let firstPageLines = 150

    /// The outcomes the row reader finds in graded rows of `head`, which `score` counts.
    static func gradedOutcomes(_ head: ReportText, framework: Framework) -> Set<String> {
        let reader = GradedStructureReader(framework: framework, vocabulary: .builtIn, text: head)
        return Set(reader.tableRows(in: GradedStructureReader.cells(of: head)).map(\.judgement.outcome))
    }

    /// Whether the row reader could find rows of two outcomes in `head`, decided from its words without
    /// reading cells or grades: most letters and joint area reviews are ruled out here, at a fraction of
    /// the cost of reading them.
    ///
    /// No is exact: a row's label is the significant words of cells on at most three consecutive lines
    /// (`GradedStructureReader.row`), and an outcome matches a label only when the label holds all the
    /// words of one of its wordings in order (`OutcomeMatch.best`). So an outcome can only be found
    /// where three consecutive lines hold a wording's words in order. Labels read column by column under
    /// a "Judgement" / "Grade" header are not bounded so, so a line whose words could be that header
    /// answers yes. `HeadWords` says how a line's words are found.
    static func mayGradeTwoOutcomes(_ head: ReportText, framework: Framework) -> Bool {
        let lines = head.cellCache.headWords(of: head)
        if lines.contains(where: \.mayBeTableHeader) { return true }
        var possible: [String] = []
        for (outcome, words) in HeadWords.wordings(framework) where !words.isEmpty && !possible.contains(outcome) {
            let wordingMask = HeadWords.mask(of: words)
            let found = lines.indices.contains { start in
                let end = min(start + 3, lines.count)
                var windowMask: UInt64 = 0
                for line in lines[start..<end] { windowMask |= line.mask }
                // The window lacks one of the wording's words: it cannot hold them in order.
                guard wordingMask & ~windowMask == 0 else { return false }
                var wanted = words[...]
                for line in lines[start..<end] {
                    for word in line.words where word == wanted.first {
                        wanted = wanted.dropFirst()
                        if wanted.isEmpty { return true }
                    }
                }
                return false
            }
            if found {
                possible.append(outcome)
                if possible.count >= 2 { return true }
            }
        }
        return false
    }

    /// Reads the report; `expected` names, given the judgements found, the outcomes the report must grade,
    /// and each one missing is reported.
    static func read(
        _ text: ReportText, framework: Framework, vocabulary: OutcomeVocabulary, opening: String,
        expected: ([Judgement]) -> [String]
    ) -> LayoutReading {
        let found = GradedStructureReader(framework: framework, vocabulary: vocabulary, text: text).read()
        let titleBlock = ReportTitleBlock(text)
        var reading = LayoutReading(authority: titleBlock.authority, title: titleBlock.title)
        ReportDates.read(text, into: &reading)
        reading.judgements = found.judgements
        reading.diagnostics = found.diagnostics
        let prose = ReportProse(text, from: (found.frontTableEnd ?? 0) + 1, headings: found.headings)
        reading.sections = prose.sections(opening: opening)
        reading.recommendations = prose.recommendations(file: text.path)
        reading.keyFacts = prose.keyFacts(file: text.path)
        if reading.authority == nil {
            reading.diagnostics.append(Diagnostic(.warning, file: text.path, line: 1, "the authority is not named above the inspection dates"))
        }
        if reading.inspectionEnd == nil {
            reading.diagnostics.append(Diagnostic(.warning, file: text.path, "no \"Inspection date(s):\" line found"))
        }
        for outcome in expected(found.judgements) where !found.judgements.contains(where: { $0.outcome == outcome }) {
            let title = vocabulary.outcome(outcome)?.title ?? outcome
            reading.diagnostics.append(Diagnostic(.warning, file: text.path, "no judgement found for \(title) (\(outcome)), which every \(framework.shortName) report grades"))
        }
        return reading
    }
}
