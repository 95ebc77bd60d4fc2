import Foundation
import Site

/// Joint area reviews (2005–2008): PDF text with running page headers naming the area, and a grades
/// table flattened into lines.
///
/// The table's columns (local services overall, council services, health services) are printed as
/// header lines; each row is its label lines, then a line of grades whose leading spaces give the first
/// grade's column (`2`, ` 2`, `  2`) and whose further grades fill the next columns (`2 2`: local services
/// and council). Each grade becomes a judgement whose `scope` is its column. Outcome sections are read as
/// in APA letters, so a judgement sentence that disagrees with the table is reported.
struct JointAreaReviewLayout: ReportLayout {
    let name = "Joint area review"
    let framework = Framework.jar

    static let frameworkName = "joint area review"

    func score(_ text: ReportText) -> Int {
        // Running headers name the framework, so without "joint" on some line there are none to find.
        guard text.lines.contains(where: { TextScanning.contains($0.text, caseInsensitive: "joint") }) else { return 0 }
        if text.furniture.runningHeaders.contains(where: { ReportText.folded($0.value).contains(Self.frameworkName) }) { return LayoutEvidence.titleScore }
        return LayoutEvidence.score(naming: Self.frameworkName, in: text)
    }

    var highestScore: Int? { LayoutEvidence.titleScore }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        let document = ReportDocument(text)
        var reading = LayoutReading()
        reading.authority = authority(document)
        reading.readLabelledDates(text)

        var judgements = OutcomeJudgements(framework: framework, vocabulary: vocabulary, file: text.path)
        var table = gradesTable(document.blocks)
        var printed = document
        if let table {
            let rows = readGrades(document.blocks[table], into: &judgements)
            var key = document.blocks[table.lowerBound]
            key.kind = .paragraph
            printed.blocks.replaceSubrange(table, with: [key] + rows)
        } else if let keyLine = text.lines.first(where: { Self.isScaleKey(text: $0.text) })?.number,
                  case let furniture = text.furniture.lineNumbers,
                  case let columnar = ColumnarGrades(lines: text.lines.filter { !furniture.contains($0.number) }, keyLine: keyLine, vocabulary: vocabulary, framework: framework),
                  let lines = columnar.lines {
            for row in columnar.rows {
                addGrades(label: row.label, line: row.line, grades: row.grades, columns: columnar.columns, into: &judgements)
            }
            let inTable = document.blocks.indices.filter { lines.contains(document.blocks[$0].line) }
            table = inTable.first.map { $0..<(inTable.last! + 1) }
        } else {
            reading.diagnostics.append(Diagnostic(.warning, file: text.path, "no grades table found (a scale line such as \"4: outstanding; 3: good; 2: adequate; 1: inadequate\" followed by rows)"))
        }
        let prose = document.blocks.indices.filter { table?.contains($0) != true }.map { document.blocks[$0] }
        for section in judgements.sections(prose).sections { judgements.read(section) }
        reading.judgements = judgements.judgements.sorted { $0.source < $1.source }
        reading.diagnostics += judgements.diagnostics
        reading.sections = ReportFacts.sections(printed)
        reading.recommendations = ReportFacts.recommendations(prose, file: text.path) {
            vocabulary.outcome(heading: $0, in: framework) != nil
        }
        reading.keyFacts = ReportFacts.keyFacts(prose, file: text.path)
        return reading
    }

    /// The area named by the running header ("Stoke-on-Trent joint area review   8") or by a title line.
    func authority(_ document: ReportDocument) -> Located<String>? {
        let named = document.runningHeaders + document.blocks.prefix(40).filter { $0.kind == .heading }.map { Located($0.text, line: $0.line) }
        for candidate in named {
            guard let range = candidate.value.range(of: Self.frameworkName, options: .caseInsensitive) else { continue }
            // "Wigan joint area review of children's services" names the area first; "Joint area review of
            // Wigan" after the name.
            let before = candidate.value[..<range.lowerBound].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            let tail = candidate.value[range.upperBound...]
            let after = (tail.prefixMatch(of: Patterns.reviewOf).map { tail[$0.range.upperBound...] } ?? tail)
                .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            let name = before.isEmpty ? after : before
            if !name.isEmpty { return Located(name, line: candidate.line) }
        }
        return nil
    }

    static func isScaleKey(_ folded: String) -> Bool {
        folded.matches(of: Patterns.scaleKey).count >= 2
    }

    /// `isScaleKey` of the folded text, folding only text with two `:` or `=` signs (a key names two grades).
    static func isScaleKey(text: String) -> Bool {
        hasTwoSigns(text) && isScaleKey(ReportText.folded(text))
    }

    /// Whether `text` holds two `:` or `=` signs, from its contiguous bytes (every block of a report is
    /// asked until the key is found, most of them paragraphs).
    static func hasTwoSigns(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var signs = 0
            for byte in bytes where byte == UInt8(ascii: ":") || byte == UInt8(ascii: "=") {
                signs += 1
                if signs == 2 { return true }
            }
            return false
        }
    }

    /// The blocks of the grades table: from the scale key (or a "Grades" heading) to the last grade line.
    func gradesTable(_ blocks: [ReportDocument.Block]) -> Range<Int>? {
        guard let start = blocks.firstIndex(where: { Self.isScaleKey(text: $0.text) })
            ?? blocks.firstIndex(where: { $0.kind == .heading && $0.folded.hasPrefix("grades") }) else { return nil }
        var end = start + 1
        for index in (start + 1)..<blocks.count {
            let block = blocks[index]
            if block.kind == .values {
                end = index + 1
                continue
            }
            let isLabel = (block.kind == .heading || block.kind == .paragraph)
            let labelsARow = index + 1 < blocks.count && blocks[index + 1].kind == .values
            if !isLabel || end > start + 1 && !labelsARow { break }
        }
        return end > start + 1 ? start..<end : nil
    }

    /// Reads the grades into judgements; returns each row as one paragraph for the report's text.
    func readGrades(_ blocks: ArraySlice<ReportDocument.Block>, into judgements: inout OutcomeJudgements) -> [ReportDocument.Block] {
        var printed: [ReportDocument.Block] = []
        var columns: [String] = []
        var labels: [ReportDocument.Block] = []
        var rowsStarted = false
        for block in blocks.dropFirst() {
            switch block.kind {
            case .values:
                if !rowsStarted {
                    columns = labels.dropLast().map(\.text)
                    labels = Array(labels.suffix(1))
                    rowsStarted = true
                    if columns.isEmpty {
                        judgements.warn("the grades table has no column headings; grades are kept without a scope", line: block.line)
                    }
                }
                let label = labels.map(\.text).joined(separator: " ")
                let before = judgements.judgements.count
                readRow(label: label, values: block, columns: columns, into: &judgements)
                let grades = judgements.judgements[before...].map { [$0.scope, $0.grade].compactMap { $0 }.joined(separator: " ") }
                printed.append(ReportDocument.Block(kind: .paragraph, text: label + ": " + grades.joined(separator: "; "), pieces: [.init(offset: 0, line: labels.first?.line ?? block.line)]))
                labels = []
            default:
                if !Self.isScaleKey(text: block.text), !block.text.hasSuffix(":") { labels.append(block) }
            }
        }
        return printed
    }

    /// A flattened row: the first grade's column is its number of leading spaces, the others follow it.
    func readRow(label: String, values: ReportDocument.Block, columns: [String], into judgements: inout OutcomeJudgements) {
        let leading = values.text.prefix { $0 == " " }.count
        let grades = values.text.split(separator: " ").enumerated().map { (String($1), Optional(leading + $0)) }
        addGrades(label: label, line: values.line, grades: grades, columns: columns, into: &judgements)
    }

    func addGrades(label: String, line: Int, grades: [(grade: String, column: Int?)], columns: [String], into judgements: inout OutcomeJudgements) {
        guard let outcome = judgements.vocabulary.outcome(label: label, in: framework) else {
            judgements.warn("grades row \"\(label)\" names no known outcome; its grades are not read", line: line)
            return
        }
        for (token, column) in grades {
            let level = GradeWords.level(of: token, in: framework)
            let scope = column.flatMap { $0 < columns.count ? columns[$0] : nil }
            judgements.add(Judgement(outcome: outcome.id, wording: label, grade: token, level: level, scope: scope,
                                     basis: .table, source: SourcePosition(file: judgements.file, line: line)))
            if level == nil {
                judgements.warn("grade for \"\(label)\" is \"\(token)\"; expected one of \(OutcomeJudgements.scaleWords(framework)); kept with no level", line: line)
            }
            if !columns.isEmpty, scope == nil {
                judgements.warn("grade \"\(token)\" for \"\(label)\" stands beyond the table's \(columns.count) columns; kept with no scope", line: line)
            }
        }
    }
}
