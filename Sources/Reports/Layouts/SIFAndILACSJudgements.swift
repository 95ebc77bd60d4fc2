import Foundation
import Site

/// Finds the judgements of a SIF or ILACS report by their structure, which both frameworks share:
///
/// - **graded rows**: a judgement label (one to three cells, possibly numbered `2.1`) followed by a grade
///   cell, as in the front-page judgement table, a Markdown table row, or a section opener whose grade
///   stands on the next line; a grade may be split as "Requires improvement" / "to be good";
/// - **graded headings**: "The experiences and progress of children in care: requires improvement to be good";
/// - **graded statements**: a short statement that starts a line and ends with the grade, its subject naming
///   an outcome: "The graded judgement for adoption performance is that it is good",
///   "Children's services in Croydon are inadequate", "The Local Safeguarding Children Board is good".
///
/// A label is recognised by the vocabulary's wordings for the framework, compared word by word after
/// folding, so numbering, case, apostrophes and plural endings do not matter. The first statement of an
/// outcome is its judgement; later ones confirm it, and a later one that disagrees is reported.
struct GradedStructureReader {
    var framework: Framework
    var vocabulary: OutcomeVocabulary
    var text: ReportText
    /// The lines of a table opened by "Judgement" / "Grade" header cells, up to where prose resumes.
    let judgementTable: Range<Int>?
    /// The width body lines wrap at, to tell a wrapped line from one that ends a heading or statement.
    let width: Int
    /// The framework's wordings as words, read once rather than for every label.
    let wordings: OutcomeWordings
    /// Cells that cannot start a graded row or end a graded statement are passed over before their words
    /// or sentences are made. Off only in tests, which compare the findings both ways.
    var passesOverUngradedCells = true

    init(framework: Framework, vocabulary: OutcomeVocabulary, text: ReportText) {
        self.framework = framework
        self.vocabulary = vocabulary
        self.wordings = OutcomeWordings(vocabulary, framework: framework)
        self.text = text
        self.judgementTable = Self.judgementTable(in: text)
        self.width = ReportProse.typicalWidth(of: text)
    }

    struct Finding {
        var judgement: Judgement
        /// The last line the judgement was read from (its grade's line).
        var lastLine: Int

        /// The judgement as a heading of the prose: "Leadership, management and governance: Good".
        var heading: ReportProse.KnownHeading {
            let text = judgement.wording.hasSuffix(judgement.grade) ? judgement.wording : "\(judgement.wording): \(judgement.grade)"
            return ReportProse.KnownHeading(line: judgement.source.line, last: lastLine, text: text)
        }
    }

    struct Result {
        var judgements: [Judgement]
        var diagnostics: [Diagnostic]
        /// The last line of the first run of judgement rows (the front page's table), where the running text begins.
        var frontTableEnd: Int?
        /// Section openers, graded statements and graded rows after the front table, which stand as headings.
        var headings: [ReportProse.KnownHeading]
    }

    func read() -> Result {
        let cells = Self.cells(of: text)
        let rows = tableRows(in: cells)
        var findings = rows + headings(in: cells) + statements(in: cells, frontTableLine: rows.first?.judgement.source.line)
        findings.sort { $0.judgement.source.line < $1.judgement.source.line }
        var chosen: [String: Judgement] = [:]
        var order: [String] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for finding in findings {
            let judgement = finding.judgement
            guard seen.insert("\(judgement.outcome)@\(judgement.source.line)").inserted else { continue }
            if judgement.level == nil {
                diagnostics.append(.warning(
                    "judgement \"\(judgement.wording)\" has a grade that cannot be read: \"\(judgement.grade)\"; kept without a level",
                    at: judgement.source))
            }
            guard let first = chosen[judgement.outcome] else {
                chosen[judgement.outcome] = judgement
                order.append(judgement.outcome)
                continue
            }
            if let level = judgement.level, let firstLevel = first.level, level != firstLevel {
                diagnostics.append(.warning(
                    "\(judgement.outcome) is graded \"\(judgement.grade)\" here but \"\(first.grade)\" at line \(first.source.line); the first is kept",
                    at: judgement.source))
            }
        }
        var frontTableEnd = rows.first?.lastLine
        for row in rows.dropFirst() {
            guard let end = frontTableEnd, row.judgement.source.line <= end + 6 else { break }
            frontTableEnd = row.lastLine
        }
        let headings = findings.filter {
            $0.judgement.basis == .headline || $0.judgement.basis == .table && $0.judgement.source.line > frontTableEnd ?? 0
        }
        return Result(
            judgements: order.compactMap { chosen[$0] }, diagnostics: diagnostics, frontTableEnd: frontTableEnd,
            headings: headings.map(\.heading))
    }

    /// The cells judgements are read from: every cell but page numbers and footnote digits alone on a line.
    static func cells(of text: ReportText) -> [ReportCell] {
        // Each line's cells are read in place from the cache and filtered as they are gathered: gathering
        // them all and then filtering copied every cell twice.
        var cells: [ReportCell] = []
        for index in text.lines.indices {
            let ofLine = text.cells(ofLineAt: index)
            for cell in ofLine.indices where ofLine[cell].inRow || !ofLine[cell].isBareNumber { cells.append(ofLine[cell]) }
        }
        return cells
    }

    // MARK: Graded rows

    /// Graded rows, or the "Judgement" / "Grade" table read column by column when no row lies inside it.
    func tableRows(in cells: [ReportCell]) -> [Finding] {
        let rows = rows(in: cells)
        guard let table = judgementTable, !rows.contains(where: { table.contains($0.judgement.source.line) }) else { return rows }
        return (columns(of: table, in: cells) + rows).sorted { $0.judgement.source.line < $1.judgement.source.line }
    }

    /// Labels followed by a grade cell.
    func rows(in cells: [ReportCell]) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        let grades = GradeMemo(count: cells.count)
        while index < cells.count {
            if let (finding, next) = row(startingAt: index, in: cells, grades: grades) {
                findings.append(finding)
                index = next
            } else {
                index += 1
            }
        }
        return findings
    }

    /// `grade(at:in:)` of each cell of one list, asked up to three times per cell as rows are tried
    /// from every cell in turn, and made once.
    final class GradeMemo {
        private var slots: [(Grade, Int)??]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func grade(at index: Int, _ make: () -> (Grade, Int)?) -> (Grade, Int)? {
            guard slots.indices.contains(index) else { return make() }
            if let known = slots[index] { return known }
            let made = make()
            slots[index] = .some(made)
            return made
        }
    }

    private func row(startingAt start: Int, in cells: [ReportCell], grades: GradeMemo) -> (Finding, Int)? {
        let first = cells[start]
        /// `grade(at:in:)` of `cells`, through the pass's memo.
        func gradeOnce(at index: Int) -> (Grade, Int)? {
            grades.grade(at: index) { grade(at: index, in: cells) }
        }
        guard !first.isBullet, first.wordCount <= 16, gradeOnce(at: start) == nil else { return nil }
        let numbered = first.text.firstQuickly?.isNumberQuickly == true
        // Outside a table (no cells in a row, no number before the label, not under a "Judgement" /
        // "Grade" header) a row is only ever found with a readable grade in one of the next three cells,
        // after a label of one to three: most cells, lines of prose, are passed over here, before their
        // words are made and matched. (`number(of:)` of the wording finds a number only where the first
        // cell starts with one.)
        if passesOverUngradedCells, !first.inRow, !numbered, judgementTable?.contains(first.line) != true,
           !(1...3).contains(where: { gradeOnce(at: start + $0) != nil }) { return nil }
        if start > 0, continuesSentence(cells[start - 1], into: first) { return nil }
        if let found = rowWithLabelContinued(startingAt: start, in: cells, grades: grades) { return found }
        var end = start
        while true {
            // The words of cells joined by spaces are the words of each cell in turn; only a number
            // before the label (taken off the joined wording) needs the joined text before a match.
            let joined = numbered ? cells[start...end].map(\.text).joined(separator: " ") : nil
            let words = joined.map { text.cellCache.significantWords(Self.withoutNumber($0)) }
                ?? cells[start...end].flatMap { text.cellCache.significantWords($0.text) }
            if let match = OutcomeMatch.best(words: words, in: wordings, extraWords: Self.labelExtraWords),
               end + 1 < cells.count, cells[end + 1].line <= cells[end].line + 4, !first.inRow || cells[end + 1].line == first.line {
                let wording = joined ?? cells[start...end].map(\.text).joined(separator: " ")
                let isTable = first.inRow || Self.number(of: wording) != nil || judgementTable?.contains(first.line) == true
                if let (grade, after) = gradeOnce(at: end + 1) {
                    let basis: Judgement.Basis = isTable ? .table : .headline
                    let finding = Finding(judgement: judgement(match, wording: wording, grade: grade, at: first, basis: basis), lastLine: cells[after - 1].line)
                    return (finding, after)
                }
                let candidate = cells[end + 1]
                // A short cell where the grade belongs that is no grade, no label and no header is an unreadable grade.
                if isTable, match.isExact, candidate.wordCount <= 6, candidate.text.firstQuickly?.isLetterQuickly == true,
                   candidate.line > cells[end].line || candidate.inRow,
                   !isLabelPrefix([candidate]), !Self.isGradeHeader(candidate) {
                    let unread = Grade(written: candidate.text, level: nil)
                    let finding = Finding(judgement: judgement(match, wording: wording, grade: unread, at: first, basis: .table), lastLine: candidate.line)
                    return (finding, end + 2)
                }
            }
            let next = end + 1
            guard end - start < 2, !first.inRow, next < cells.count, cells[next].line == cells[end].line + 1,
                  !cells[next].inRow, !cells[next].isBullet, !Self.isGradeHeader(cells[next]), gradeOnce(at: next) == nil
            else { return nil }
            end = next
        }
    }

    /// A row laid out in columns whose label goes on below its grade (`pdftotext -layout`):
    /// "The impact of leaders on social work practice with children      Good" / "and families".
    private func rowWithLabelContinued(startingAt start: Int, in cells: [ReportCell], grades: GradeMemo) -> (Finding, Int)? {
        let first = cells[start]
        guard first.inRow, start + 2 < cells.count, cells[start + 1].line == first.line,
              let (grade, after) = grades.grade(at: start + 1, { grade(at: start + 1, in: cells) }), after == start + 2 else { return nil }
        let continuation = cells[start + 2]
        guard continuation.line == first.line + 1, !continuation.inRow, continuation.text.firstQuickly?.isLowercaseQuickly == true else { return nil }
        let wording = first.text + " " + continuation.text
        let alone = OutcomeMatch.best(for: Self.withoutNumber(first.text), in: wordings, extraWords: Self.labelExtraWords)
        guard let match = OutcomeMatch.best(for: Self.withoutNumber(wording), in: wordings, extraWords: Self.labelExtraWords),
              match.size > alone?.size ?? 0 || match.isExact && alone?.isExact != true
        else { return nil }
        return (Finding(judgement: judgement(match, wording: wording, grade: grade, at: first, basis: .table), lastLine: continuation.line), start + 3)
    }

    /// A "Judgement" / "Grade" table read column by column, as some PDF-to-text tools give it: every label,
    /// then every grade. Labels are paired with grades in order when their numbers agree.
    private func columns(of table: Range<Int>, in cells: [ReportCell]) -> [Finding] {
        var labels: [[ReportCell]] = []
        var grades: [(Grade, line: Int)] = []
        var index = cells.firstIndex { $0.line > table.lowerBound } ?? cells.endIndex
        while index < cells.count, table.contains(cells[index].line) {
            let cell = cells[index]
            if let (grade, after) = grade(at: index, in: cells) {
                grades.append((grade, cells[after - 1].line))
                index = after
                continue
            }
            if !Self.isGradeHeader(cell) {
                if let last = labels.last, isLabelPrefix(last + [cell]) {
                    labels[labels.count - 1].append(cell)
                } else {
                    labels.append([cell])
                }
            }
            index += 1
        }
        guard labels.count >= 2, labels.count == grades.count else { return [] }
        var findings: [Finding] = []
        for (label, grade) in zip(labels, grades) {
            let wording = label.map(\.text).joined(separator: " ")
            guard let match = OutcomeMatch.best(for: wording, in: wordings) else { return [] }
            findings.append(Finding(judgement: judgement(match, wording: wording, grade: grade.0, at: label[0], basis: .table), lastLine: grade.line))
        }
        return findings
    }

    /// The "Grade" header cell of a judgement table. Asked of nearly every cell a row reaches, so the
    /// words are made only when the bytes hold "judg" or "grade" (`headerWords`).
    static func isGradeHeader(_ cell: ReportCell) -> Bool {
        OutcomeMatch.headerWords(cell.text) == ["grade"]
    }

    /// Whether the words of `cells` begin some wording of the framework.
    private func isLabelPrefix(_ cells: [ReportCell]) -> Bool {
        let words = OutcomeMatch.significantWords(cells.map(\.text).joined(separator: " "))
        return wordings.words.contains { $0.starts(with: words) }
    }

    /// Words a label may add to the vocabulary's wording: "The experiences and progress of" before
    /// "children who need help and protection".
    static let labelExtraWords = 3

    struct Grade {
        var written: String
        var level: Level?
    }

    /// The grade a cell states, joined with the next line when the grade goes on there ("Requires
    /// improvement" / "to be good", "Requires improvement to" / "be good"); nil when the cell is no grade.
    func grade(at index: Int, in cells: [ReportCell]) -> (Grade, Int)? {
        guard index < cells.count else { return nil }
        let cell = cells[index]
        // Trimming takes at most a word of full stops off each end, and the next cell only adds words, so
        // a plain cell of more words than a grade has and two is no grade, alone or joined.
        if cell.wordCount > GradeWords.mostWords + 2, !cell.mayHoldMarkup { return nil }
        let written = Self.trimmedGrade(cell.text)
        if index + 1 < cells.count, cells[index + 1].line <= cell.line + 2, !cells[index + 1].inRow || cell.inRow {
            let joined = written + " " + Self.trimmedGrade(cells[index + 1].text)
            if let level = GradeWords.level(of: joined, in: framework) {
                return (Grade(written: joined, level: level), index + 2)
            }
        }
        guard let level = GradeWords.level(of: written, in: framework) else { return nil }
        return (Grade(written: written, level: level), index + 1)
    }

    static func trimmedGrade(_ text: String) -> String {
        text.trimmingScalars { $0 == "." || $0 == " " }
    }

    /// From the "Judgement" / "Grade" header cells that open an ILACS table to the first line of prose.
    static func judgementTable(in text: ReportText) -> Range<Int>? {
        guard let header = text.cellCache.judgementTableHeader(of: text, { judgementTableHeader(in: $0) }) else { return nil }
        let prose = text.lines.first { $0.number > header && !TextScanning.hasAtMostSpaceSeparated(14, $0.trimmed) }
        return header..<(prose?.number ?? text.lines.count + 1)
    }

    /// The line number of the "Judgement" / "Grade" header that opens an ILACS table, if the first 150
    /// lines hold one. It depends on those lines alone, which every copy of a text shares (the first
    /// pages that scoring reads are a copy), so `CellCache` finds it once per report.
    ///
    /// The header's line has the words "judgement" or "judgement grade" (`HeadWords.mayBeTableHeader`), so
    /// a report with no such line among the head words of its first pages, which scoring has found
    /// already, has none (unless `prefiltered` is false, as tests set it, to compare).
    static func judgementTableHeader(in text: ReportText, prefiltered: Bool = true) -> Int? {
        if prefiltered {
            let head = SIFAndILACSReading.firstPages(of: text)
            guard head.cellCache.headWords(of: head).contains(where: \.mayBeTableHeader) else { return nil }
        }
        let lines = text.lines.prefix(150).filter { !$0.isBlank }
        for (offset, line) in lines.enumerated() {
            let cells = text.cells(of: line).map { OutcomeMatch.headerWords($0.text) }
            let isHeader: Bool
            if cells.count == 2 {
                isHeader = cells[0] == ["judgement"] && cells[1] == ["grade"]
            } else {
                // The "Grade" cell follows on the next line, or after the labels when read column by column.
                isHeader = cells == [["judgement"]] && lines[(offset + 1)...].prefix(12).contains {
                    text.cells(of: $0).map({ OutcomeMatch.headerWords($0.text) }) == [["grade"]]
                }
            }
            if isHeader { return line.number }
        }
        return nil
    }

    // MARK: Graded headings

    /// "Label: grade" headings, the label on up to three lines, the grade possibly continued on the next.
    func headings(in cells: [ReportCell]) -> [Finding] {
        var findings: [Finding] = []
        for (index, cell) in cells.enumerated() {
            guard TextScanning.containsByte(cell.text, UInt8(ascii: ":")), let colon = cell.text.lastIndex(of: ":") else { continue }
            var written = Self.trimmedGrade(String(cell.text[cell.text.index(after: colon)...]))
            guard !written.isEmpty, TextScanning.hasAtMostSpaceSeparated(6, written) else { continue }
            var level = GradeWords.level(of: written, in: framework)
            var lastLine = cell.line
            if index + 1 < cells.count, cells[index + 1].line == cell.line + 1 {
                let joined = written + " " + Self.trimmedGrade(cells[index + 1].text)
                if let joinedLevel = GradeWords.level(of: joined, in: framework) {
                    written = joined
                    level = joinedLevel
                    lastLine = cells[index + 1].line
                }
            }
            guard let level else { continue }
            let before = String(cell.text[..<colon])
            var start = index
            while true {
                let wording = (cells[start..<index].map(\.text) + [before]).joined(separator: " ")
                if let match = OutcomeMatch.best(for: Self.withoutNumber(wording), in: wordings), match.isExact {
                    if start > 0, continuesSentence(cells[start - 1], into: cells[start]) { break }
                    findings.append(Finding(judgement: judgement(
                        match, wording: wording, grade: Grade(written: written, level: level), at: cells[start], basis: .headline),
                        lastLine: lastLine))
                    break
                }
                guard index - start < 2, start > 0, cells[start - 1].line == cells[start].line - 1,
                      !cells[start - 1].isBullet, !cells[start - 1].text.hasSuffix(".") else { break }
                start -= 1
            }
        }
        return findings
    }

    // MARK: Graded statements

    /// Short statements that start a line and end with the grade, joined over up to three lines.
    func statements(in cells: [ReportCell], frontTableLine: Int?) -> [Finding] {
        var findings: [Finding] = []
        // Whether a sentence ending with cell `end` may end with a grade, from that cell alone: the bytes
        // `mayEndWithGrade` reads are the cell's own unless it holds only full stops and white space.
        func mayEnd(_ end: Int) -> Bool {
            let text = cells[end].text
            return !passesOverUngradedCells || Self.mayEndWithGrade(text) || text.utf8.allSatisfy { $0 == UInt8(ascii: ".") || TextScanning.isASCIISpace($0) }
        }
        for start in cells.indices where !cells[start].inRow && !cells[start].isBullet {
            // No sentence of these cells can end with a grade: most cells, lines of prose, stop here.
            guard (start..<min(start + 3, cells.count)).contains(where: mayEnd) else { continue }
            if start > 0, continuesSentence(cells[start - 1], into: cells[start]) { continue }
            for end in start..<min(start + 3, cells.count) {
                if end > start, cells[end].line != cells[end - 1].line + 1 || cells[end].inRow { break }
                // A sentence that cannot end with a grade is passed over without being made. Were it too
                // long, so would be the longer ones after it, where the limit then stops the search.
                if mayEnd(end) {
                    let sentence = end == start ? cells[start].text : cells[start...end].map(\.text).joined(separator: " ")
                    guard TextScanning.hasAtMostSpaceSeparated(28, sentence) else { break }
                    if Self.mayEndWithGrade(sentence), let finding = statement(sentence, from: cells[start], to: cells[end], frontTableLine: frontTableLine) {
                        findings.append(finding)
                        break
                    }
                }
                if cells[end].text.hasSuffix(".") { break }
            }
        }
        // Of statements ending on the same line, the one starting latest is the statement itself; the
        // longer ones only add the line before it, such as a heading.
        let latest = Dictionary(grouping: findings, by: \.lastLine).mapValues { $0.map(\.judgement.source.line).max()! }
        return findings.filter { latest[$0.lastLine] == $0.judgement.source.line }
    }

    /// Whether `text`, without full stops and white space at its end, may end with a grade phrase: it
    /// ends with a grade phrase's last word, or with something outside ASCII that folding might make one.
    static func mayEndWithGrade(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: ".") || TextScanning.isASCIISpace(bytes[end - 1]) { end -= 1 }
            if end > 0, bytes[end - 1] >= 0x80 { return true }
            let words: [StaticString] = ["good", "outstanding", "adequate", "improvement"]
            return words.contains { TextScanning.matches($0, caseInsensitiveIn: bytes, at: end - $0.utf8CodeUnitCount) }
        }
    }

    /// Grade phrases a statement may end with, longest first.
    static let gradePhrases = [
        "requires improvement to be good", "require improvement to be good", "requires improvement", "require improvement",
        "outstanding", "good", "inadequate", "adequate",
    ]

    private func statement(_ sentence: String, from start: ReportCell, to end: ReportCell, frontTableLine: Int?) -> Finding? {
        let trimmed = Self.trimmedGrade(sentence)
        let folded = ReportText.folded(trimmed)
        guard let phrase = Self.gradePhrases.first(where: { folded.hasSuffix(" " + $0) }),
              let level = GradeWords.level(of: phrase, in: framework) else { return nil }
        var subject = String(folded.dropLast(phrase.count + 1))
        let verbs = phrase.hasPrefix("require") ? [" is that it", " is that they", " is"] : [" is that it is", " is that they are", " are", " is"]
        if let verb = verbs.first(where: { subject.hasSuffix($0) }) {
            subject = String(subject.dropLast(verb.count))
        } else if !phrase.hasPrefix("require") {
            return nil
        }
        let match = OutcomeMatch.best(for: subject, in: wordings, extraWords: .max)
            ?? overallStatement(subject, at: start.line, frontTableLine: frontTableLine)
        guard let match else { return nil }
        let written = String(trimmed.suffix(phrase.count))
        let basis: Judgement.Basis = start.isHeading || !end.text.hasSuffix(".") ? .headline : .prose
        return Finding(
            judgement: judgement(match, wording: trimmed, grade: Grade(written: written, level: level), at: start, basis: basis),
            lastLine: end.line)
    }

    /// The SIF front page may state overall effectiveness above its judgement rows as "The overall judgement is …".
    private func overallStatement(_ subject: String, at line: Int, frontTableLine: Int?) -> OutcomeMatch? {
        guard let frontTableLine, line < frontTableLine, subject.split(separator: " ").contains("overall"),
              let outcome = vocabulary.outcome("overall-effectiveness") else { return nil }
        return OutcomeMatch(outcome: outcome, isExact: false, size: 1)
    }

    // MARK: Pieces

    /// Whether `cell` continues the sentence the previous cell left open, so cannot start a label.
    private func continuesSentence(_ previous: ReportCell, into cell: ReportCell) -> Bool {
        guard previous.line == cell.line - 1, !previous.inRow, !cell.inRow, !previous.isHeading else { return false }
        guard let last = previous.text.lastQuickly, Self.number(of: cell.text) == nil else { return false }
        if last.isOne(of: ".:?!)") { return false }
        if Self.mayEndWithGrade(previous.text) {
            let folded = ReportText.folded(previous.text)
            if Self.gradePhrases.contains(where: { folded == $0 || folded.hasSuffix(" " + $0) }) { return false }
        }
        let wraps = (last.isLetterQuickly || last == ",") && TextScanning.characterCount(previous.text) >= width * 3 / 5
        return wraps || cell.text.firstQuickly?.isLowercaseQuickly == true
    }

    private func judgement(_ match: OutcomeMatch, wording: String, grade: Grade, at cell: ReportCell, basis: Judgement.Basis) -> Judgement {
        Judgement(
            outcome: match.outcome.id, wording: wording.trimmingScalars { $0 == ":" || $0 == " " },
            grade: grade.written, level: grade.level, basis: basis, source: SourcePosition(file: text.path, line: cell.line))
    }

    /// `2.1` in "2.1 Adoption performance", `1` in "1. Children who need help and protection".
    static func number(of wording: String) -> String? {
        guard wording.firstQuickly?.isNumberQuickly == true else { return nil }
        if let number = asciiLabelNumber(wording) { return number }
        return wording.prefixMatch(of: Patterns.labelNumber).map { String($0.output.1) }
    }

    /// What `Patterns.labelNumber` captures at the start of `wording` (`.some(nil)` for no match), worked
    /// out on ASCII bytes in the pattern's order; nil when a byte outside ASCII, or a CR (a CR LF is one
    /// Character), leaves it to the pattern.
    static func asciiLabelNumber(_ wording: String) -> String?? {
        var wording = wording
        return wording.withUTF8 { bytes -> String?? in
            func isDigit(_ index: Int) -> Bool { index < bytes.count && TextScanning.isASCIIDigit(bytes[index]) }
            func isDot(_ index: Int) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: ".") }
            // The number and its dots lie in the first six bytes; beyond ASCII there, a digit or a mark
            // joined to one may stand.
            if bytes.prefix(6).contains(where: { $0 >= 0x80 }) { return nil }
            for (number, start) in numberParses(isDigit: isDigit, isDot: isDot) {
                var end = start
                while end < bytes.count, TextScanning.isASCIISpace(bytes[end]) {
                    if bytes[end] == 0x0D { return nil }
                    end += 1
                }
                if end < bytes.count, bytes[end] >= 0x80 { return nil }
                // `\s+` then `\D`: two white space Characters (the second is the `\D`), or one before
                // anything but a digit.
                if end - start >= 2 || end - start == 1 && end < bytes.count && !isDigit(end) {
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<number]), as: UTF8.self))
                }
            }
            return .some(nil)
        }
    }

    /// The ways a label's number `\d{1,2}(?:\.\d{1,2})?\.?` can be read from the start of ASCII text, in
    /// the order `Patterns.labelNumber` and `labelNumberPrefix` try them: where the number ends and where
    /// what follows it begins (after the optional "."). None when the text does not start with a digit.
    /// Fewer digits first never match: the next byte would be a digit, where the patterns want ".",
    /// white space or more of the number.
    static func numberParses(isDigit: (Int) -> Bool, isDot: (Int) -> Bool) -> [(number: Int, tail: Int)] {
        var digits = 0
        while digits < 2, isDigit(digits) { digits += 1 }
        guard digits > 0 else { return [] }
        var groups: [Int] = []
        if isDot(digits), isDigit(digits + 1) {
            if isDigit(digits + 2) { groups.append(3) }
            groups.append(2)
        }
        groups.append(0)
        var parses: [(number: Int, tail: Int)] = []
        for group in groups {
            for dot in [1, 0] where dot == 0 || isDot(digits + group) {
                parses.append((digits + group, digits + group + dot))
            }
        }
        return parses
    }

    static func withoutNumber(_ wording: String) -> String {
        guard wording.firstQuickly?.isNumberQuickly == true else { return wording }
        if let length = asciiNumberPrefixLength(wording) {
            return length == 0 ? wording : String(wording.utf8.dropFirst(length))!
        }
        return Patterns.removingPrefix(Patterns.labelNumberPrefix, from: wording)
    }

    /// The length in bytes of what `Patterns.labelNumberPrefix` matches at the start of `wording` (0 for
    /// no match), worked out on ASCII bytes; nil when a byte outside ASCII leaves it to the pattern.
    static func asciiNumberPrefixLength(_ wording: String) -> Int? {
        let bytes = Array(wording.utf8.prefix(16))
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
        func isDot(_ index: Int) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: ".") }
        let parses = numberParses(isDigit: isDigit, isDot: isDot)
        guard !parses.isEmpty else { return nil }
        for (_, tail) in parses {
            var end = tail
            guard end < bytes.count else {
                if end < wording.utf8.count { return nil }
                continue
            }
            if bytes[end] >= 0x80 { return nil }
            guard TextScanning.isASCIISpace(bytes[end]) else { continue }
            while end < wording.utf8.count, end < bytes.count, TextScanning.isASCIISpace(bytes[end]) { end += 1 }
            if end == bytes.count, end < wording.utf8.count { return nil }
            if end < bytes.count, bytes[end] >= 0x80 { return nil }
            return end
        }
        return 0
    }
}

/// An outcome whose wording a label or subject names, compared word by word.
struct OutcomeMatch {
    var outcome: Outcome
    /// The label is the wording, word for word; otherwise the subject only contains the wording's words.
    var isExact: Bool
    /// How many words of the wording matched, so that the longest wording wins.
    var size: Int

    /// The outcome whose wording (for `framework`) is `label` word for word, or whose wording's words all
    /// occur in `label`, in order, with at most `extraWords` more; the longest wording wins.
    static func best(for label: String, in wordings: OutcomeWordings, extraWords: Int = 0) -> OutcomeMatch? {
        best(words: significantWords(label), in: wordings, extraWords: extraWords)
    }

    /// `best(for:in:extraWords:)` of a label already made significant words.
    static func best(words: [String], in wordings: OutcomeWordings, extraWords: Int = 0) -> OutcomeMatch? {
        guard !words.isEmpty else { return nil }
        // The best wording is kept as its index, and only its outcome copied at the end.
        var best: (index: Int, isExact: Bool, size: Int)?
        for index in wordings.words.indices {
            let wanted = wordings.words[index]
            guard !wanted.isEmpty else { continue }
            let isExact = words == wanted
            let contained = words.count - wanted.count <= extraWords && isSubsequence(wanted, of: words)
            guard isExact || contained else { continue }
            if best == nil || wanted.count > best!.size || (isExact && !best!.isExact && wanted.count == best!.size) {
                best = (index, isExact, wanted.count)
            }
        }
        return best.map { OutcomeMatch(outcome: wordings.outcomes[$0.index], isExact: $0.isExact, size: $0.size) }
    }

    static let fillers: Set<String> = ["the", "of", "and", "in", "for", "about", "with", "to", "a", "an", "s", "on"]

    /// Lower-cased words without punctuation, filler words or plural endings: "Experiences and progress of
    /// Care Leavers" and "the experience and progress of care leavers" give the same words.
    static func significantWords(_ text: String) -> [String] {
        var folded = ReportText.folded(text)
        if folded.isASCII { return folded.withUTF8(significantASCIIWords) }
        if TextScanning.contains(folded, caseInsensitive: "judgment") { folded = folded.replacingOccurrences(ofASCII: "judgment", with: "judgement") }
        return significant(folded.split(whereSeparator: { !$0.isLetterQuickly && !$0.isNumberQuickly }).map(String.init))
    }

    /// Fillers out, plural endings off.
    private static func significant(_ words: [String]) -> [String] {
        words.filter { !fillers.contains($0) }
            .map { $0.count > 3 && $0.hasSuffix("s") && !$0.hasSuffix("ss") ? String($0.dropLast()) : $0 }
    }

    /// A byte of an ASCII word as `significantWords` splits text: a letter or a digit.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// `significantWords` of folded ASCII text, byte by byte: a word is a run of letters and digits.
    private static func significantASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var start = 0
        while start < bytes.count {
            guard isWordByte(bytes[start]) else { start += 1; continue }
            var end = start + 1
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end
            if word.count >= 8, TextScanning.firstIndex(of: "judgment", caseInsensitiveIn: word, from: 0) != nil {
                words += significant([String(decoding: word, as: UTF8.self).replacingOccurrences(ofASCII: "judgment", with: "judgement")])
                continue
            }
            if isFiller(word) { continue }
            let count = word.count
            let plural = count > 3 && word[count - 1] == UInt8(ascii: "s") && word[count - 2] != UInt8(ascii: "s")
            words.append(String(decoding: plural ? UnsafeBufferPointer(rebasing: word.dropLast()) : word, as: UTF8.self))
        }
        return words
    }

    private static let fillerBytes = fillers.map { Array($0.utf8) }

    private static func isFiller(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 5 else { return false }
        return fillerBytes.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    /// The significant words of a judgement table's header cell ("Judgement", "Grade"), or none when the
    /// cell names neither: the test that skips every other cell reads bytes only. Exact for those two
    /// words: folding maps no scalar outside ASCII onto an ASCII letter of them (only the Kelvin sign and
    /// dotted capital I lower-case to ASCII letters), so a word "grade" or "judgement" comes from those
    /// ASCII letters in the text, in some case ("judgment" is spelt "judgement" after folding).
    static func headerWords(_ text: String) -> [String] {
        TextScanning.contains(text, caseInsensitive: "judg") || TextScanning.contains(text, caseInsensitive: "grade") ? significantWords(text) : []
    }

    static func isSubsequence(_ wanted: [String], of words: [String]) -> Bool {
        var index = words.startIndex
        for word in wanted {
            guard let found = words[index...].firstIndex(of: word) else { return false }
            index = found + 1
        }
        return true
    }
}

/// The significant words of every wording a vocabulary gives for one framework, in the vocabulary's order.
///
/// The outcomes and the words are kept in two arrays, index for index, not as pairs in one: reading the
/// words of a pair in place copied the whole pair, its outcome's strings and wordings retained and
/// released, for every wording of every label matched.
struct OutcomeWordings {
    /// The outcome of each wording.
    private(set) var outcomes: [Outcome] = []
    /// The significant words of each wording.
    private(set) var words: [[String]] = []

    init(_ vocabulary: OutcomeVocabulary, framework: Framework) {
        for outcome in vocabulary.outcomes {
            for wording in outcome.wordings[framework, default: []] {
                outcomes.append(outcome)
                words.append(OutcomeMatch.significantWords(wording))
            }
        }
    }

    /// The outcome and the words of each wording, in order.
    var entries: [(outcome: Outcome, words: [String])] { Array(zip(outcomes, words)) }
}
