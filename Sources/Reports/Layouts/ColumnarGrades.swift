import Site

/// A grades table as `pdftotext -layout` prints it: each row on one line, its label at the left and each
/// grade under its column's heading, so a grade belongs to the heading whose span is nearest above it.
///
/// ```
/// Grades awarded:                      Local services   Council     Health
/// 4: outstanding; 3: good; …           overall          services    services
/// Being healthy                             2
/// Capacity to improve                       2              2
/// The health service for children                                    2
/// ```
struct ColumnarGrades {
    struct Segment {
        var text: String
        var start: Int
        var end: Int
        var center: Double { Double(start + end) / 2 }
    }

    struct Row {
        var label: String
        var line: Int
        /// Each grade as written, with the index of its column when there are column headings.
        var grades: [(grade: String, column: Int?)]
    }

    var columns: [String] = []
    var rows: [Row] = []
    /// The first and last source lines of the table.
    var lines: ClosedRange<Int>?

    /// Runs of text separated by two or more spaces, with their character offsets.
    static func segments(_ line: String) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, character) in line.enumerated() {
            if character == " " || character == "\t" {
                spaces += 1
                continue
            }
            if !current.isEmpty, spaces >= 2 {
                segments.append(Segment(text: current, start: start, end: start + current.count))
                current = ""
            }
            if current.isEmpty {
                start = offset
            } else if spaces == 1 {
                current += " "
            }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { segments.append(Segment(text: current, start: start, end: start + current.count)) }
        return segments
    }

    static func isGradeCell(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy { $0.count <= 3 } && !text.contains(where: \.isLetterQuickly) || text.count == 1
    }

    /// Reads the table around the scale key on line `keyLine`: rows are lines of a label and grades, the
    /// first of them labelled with an outcome of `framework`; a label may wrap onto the next line. Heading
    /// runs count only right of the labels. `lines` should be free of page furniture.
    init(lines all: [ReportText.Line], keyLine: Int, vocabulary: OutcomeVocabulary, framework: Framework) {
        var headings: [Segment] = []
        var cells: [[Segment]] = []
        var labelEnd = 0
        var pending: String?
        for line in all.drop(while: { $0.number < keyLine - 4 }).prefix(80) where !line.isBlank {
            let segments = Self.segments(line.text)
            let grades = Array(segments.dropFirst())
            if !grades.isEmpty, grades.allSatisfy({ Self.isGradeCell($0.text) }) {
                let label = [pending, segments[0].text].compactMap { $0 }.joined(separator: " ")
                if rows.isEmpty, vocabulary.outcome(label: label, in: framework) == nil { continue }
                rows.append(Row(label: label, line: line.number, grades: []))
                cells.append(grades)
                labelEnd = max(labelEnd, segments[0].end)
                pending = nil
                lines = (lines?.lowerBound ?? line.number)...line.number
            } else if rows.isEmpty {
                headings += segments.filter { !JointAreaReviewLayout.isScaleKey(ReportText.folded($0.text)) }
            } else if segments.count == 1, let first = segments[0].text.first, pending == nil {
                if first.isLowercaseQuickly {
                    rows[rows.count - 1].label += " " + segments[0].text
                } else {
                    pending = segments[0].text
                }
            } else {
                break
            }
        }
        let spans = Self.merge(headings.filter { $0.start > labelEnd })
        columns = spans.map(\.text)
        for (index, row) in cells.enumerated() {
            rows[index].grades = row.flatMap { cell in
                let column = spans.indices.min { abs(spans[$0].center - cell.center) < abs(spans[$1].center - cell.center) }
                return cell.text.split(separator: " ").map { (String($0), column) }
            }
        }
    }

    /// Heading runs that overlap across lines are one column; its name is their text in line order.
    static func merge(_ segments: [Segment]) -> [Segment] {
        var columns: [Segment] = []
        for segment in segments {
            if let index = columns.firstIndex(where: { $0.start <= segment.end + 1 && segment.start <= $0.end + 1 }) {
                columns[index].text += " " + segment.text
                columns[index].start = min(columns[index].start, segment.start)
                columns[index].end = max(columns[index].end, segment.end)
            } else {
                columns.append(segment)
            }
        }
        return columns.sorted { $0.start < $1.start }
    }
}
