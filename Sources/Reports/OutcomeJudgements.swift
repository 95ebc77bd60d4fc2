import Foundation
import Site

/// Reads the judgements of a report organised by outcome headings (APA letters, joint area reviews).
///
/// Each outcome heading opens a section that runs to the next outcome heading. A section's judgement is
/// its grade line if it has one, else a judgement already read from a table, else its judgement sentence.
/// Whatever states the grade, a judgement sentence that disagrees with it is reported. A section with no
/// readable grade is kept with no level and reported, unless its heading also names an outcome that is
/// judged (the 2006 "management of its services …, including its capacity to improve them further").
struct OutcomeJudgements {
    typealias Block = ReportDocument.Block

    let framework: Framework
    let vocabulary: OutcomeVocabulary
    let file: String
    private(set) var judgements: [Judgement] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// A section's sentences are read only until each outcome it names has its first judgement sentence.
    /// Off only in tests, which compare the judgements both ways.
    var stopsAtFirstStatements = true

    init(framework: Framework, vocabulary: OutcomeVocabulary, file: String) {
        self.framework = framework
        self.vocabulary = vocabulary
        self.file = file
    }

    struct Section {
        var heading: Block
        var outcome: Outcome
        var body: [Block]
    }

    /// The blocks before the first outcome heading, and the outcome sections.
    func sections(_ blocks: [Block]) -> (preamble: [Block], sections: [Section]) {
        var preamble: [Block] = []
        var sections: [Section] = []
        for block in blocks {
            if block.kind == .heading, let outcome = vocabulary.outcome(heading: block.text, in: framework) {
                sections.append(Section(heading: block, outcome: outcome, body: []))
            } else if sections.isEmpty {
                preamble.append(block)
            } else {
                sections[sections.count - 1].body.append(block)
            }
        }
        return (preamble, sections)
    }

    /// Reads a summary table from the preamble, then every outcome section.
    mutating func read(_ blocks: [Block]) {
        let (preamble, sections) = sections(blocks)
        readSummaryTable(preamble)
        for block in preamble where block.kind == .gradeLine {
            warn("\"\(block.text)\" stands under no outcome heading; it is not read as a judgement", line: block.line)
        }
        for section in sections { read(section) }
        judgements.sort { $0.source < $1.source }
    }

    mutating func add(_ judgement: Judgement) {
        judgements.append(judgement)
    }

    mutating func warn(_ message: String, line: Int) {
        diagnostics.append(.warning(message, at: SourcePosition(file: file, line: line)))
    }

    // MARK: - Sections

    func outcomeID(of aspect: ProseGrade.Aspect, in section: Section) -> String {
        switch aspect {
        case .section: section.outcome.id
        case .capacity: "capacity-to-improve"
        case .management: "service-management"
        }
    }

    mutating func read(_ section: Section) {
        let heading = section.heading
        let gradeLines = section.body.filter { $0.kind == .gradeLine }
        if let gradeLine = gradeLines.first {
            let written = Self.gradeWritten(gradeLine.text)
            let level = GradeWords.level(of: gradeLine.text, in: framework)
            add(Judgement(outcome: section.outcome.id, wording: heading.text, grade: written, level: level,
                          basis: .gradeLine, source: SourcePosition(file: file, line: gradeLine.line)))
            if level == nil {
                warn("grade for \"\(heading.text)\" is \"\(written)\"; expected one of \(Self.scaleWords(framework)); kept with no level", line: gradeLine.line)
            }
            for extra in gradeLines.dropFirst() {
                warn("a second grade line \"\(extra.text)\" under \"\(heading.text)\"; the one on line \(gradeLine.line) is used", line: extra.line)
            }
        }
        let named = vocabulary.outcomes(mentionedIn: heading.text, in: framework).map(\.id)
        let ids = [section.outcome.id] + named.filter { $0 != section.outcome.id }
        // The first judgement sentence about each outcome, read no further than the last of them.
        var statements: [String: ProseGrade] = [:]
        let wanted = Set(ids)
        ProseGrades.scan(section.body, framework: framework) { grade in
            let id = outcomeID(of: grade.aspect, in: section)
            if wanted.contains(id), statements[id] == nil { statements[id] = grade }
            return !stopsAtFirstStatements || statements.count < wanted.count
        }
        for id in ids {
            let statement = statements[id]
            if let existing = judgements.first(where: { $0.outcome == id }) {
                if let statement, let level = existing.level, statement.level != level {
                    warn("the text calls \"\(heading.text)\" \(statement.grade) but line \(existing.source.line) grades it \(existing.grade); the grade on line \(existing.source.line) is used", line: statement.line)
                }
            } else if let statement {
                add(Judgement(outcome: id, wording: id == section.outcome.id ? heading.text : statement.sentence,
                              grade: statement.grade, level: statement.level, basis: .prose,
                              source: SourcePosition(file: file, line: statement.line)))
            } else if id == section.outcome.id, !ids.dropFirst().contains(where: { other in judgements.contains { $0.outcome == other } }) {
                add(Judgement(outcome: id, wording: heading.text, grade: "", level: nil, basis: .prose,
                              source: SourcePosition(file: file, line: heading.line)))
                warn("no grade found for \"\(heading.text)\": no grade line and no judgement sentence; kept with no level", line: heading.line)
            }
        }
    }

    /// `Grade 2` → `2`; `Grade: two` → `two`.
    static func gradeWritten(_ line: String) -> String {
        var text = line.trimmingWhitespace()
        if let range = text.range(of: "grade", options: [.caseInsensitive, .anchored]) { text = String(text[range.upperBound...]) }
        return text.trimmingScalars { $0 == ":" || TextScanning.isWhitespace($0) }
    }

    static func scaleWords(_ framework: Framework) -> String {
        framework.scale.map(\.grade).joined(separator: ", ")
    }

    // MARK: - Summary tables

    /// Judgements in a summary table before the outcome sections: a tab-separated or Markdown table, or
    /// one flattened into a label and a number per row. A table whose grade column comes first is a key
    /// to the scale (4 = "Excellent / outstanding" …), not a judgement table.
    mutating func readSummaryTable(_ blocks: [Block]) {
        var rows: [[Block]] = []
        var previousWasRow = false
        for block in blocks {
            if case .tableRow = block.kind {
                if !previousWasRow { rows.append([]) }
                rows[rows.count - 1].append(block)
                previousWasRow = true
            } else {
                previousWasRow = false
            }
        }
        for table in rows { readTable(table) }
        if rows.isEmpty { readFlattenedTable(blocks) }
    }

    static func cells(_ block: Block) -> [String] {
        if case .tableRow(let cells) = block.kind { return cells }
        return []
    }

    mutating func readTable(_ rows: [Block]) {
        let header = Self.cells(rows[0])
        let gradeColumn = header.firstIndex { ReportText.folded($0).contains("grade") }
        if gradeColumn == 0 { return }
        for row in gradeColumn == nil ? rows[...] : rows.dropFirst() {
            let cells = Self.cells(row)
            guard cells.count >= 2 else { continue }
            let value = gradeColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? cells[cells.count - 1]
            readRow(label: cells[0], value: value, line: row.line)
        }
    }

    /// A table printed as label lines each followed by a line with the grade alone. Reading stops at the key
    /// to the scale, whose header begins with the grade column.
    mutating func readFlattenedTable(_ blocks: [Block]) {
        var label: Block?
        for block in blocks {
            switch block.kind {
            case .heading, .paragraph:
                let folded = block.folded
                if folded == "grade" || folded.hasPrefix("grade ") && !folded.hasPrefix("grade awarded") { return }
                label = block
            case .values:
                if let current = label, vocabulary.outcome(label: current.text, in: framework) != nil {
                    readRow(label: current.text, value: block.text.trimmingWhitespace(), line: block.line)
                }
                label = nil
            default:
                label = nil
            }
        }
    }

    mutating func readRow(label: String, value: String, line: Int) {
        guard let outcome = vocabulary.outcome(label: label, in: framework) else { return }
        let level = GradeWords.level(of: value, in: framework)
        if let earlier = judgements.first(where: { $0.outcome == outcome.id && $0.basis == .table }) {
            warn("\"\(label)\" is graded again (line \(earlier.source.line) graded it \(earlier.grade)); both are kept", line: line)
        }
        add(Judgement(outcome: outcome.id, wording: label, grade: value, level: level, basis: .table,
                      source: SourcePosition(file: file, line: line)))
        if level == nil {
            warn("grade for \"\(label)\" is \"\(value)\"; expected one of \(Self.scaleWords(framework)); kept with no level", line: line)
        }
    }
}
