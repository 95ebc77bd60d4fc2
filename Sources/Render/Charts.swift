import Site

/// Inline SVG charts, built in Swift so that every value is XML-escaped here and the templates can place
/// the result unescaped. Each chart carries `role="img"`, an `aria-label` and a `<desc>` that states
/// its numbers, and the page shows a table with the same numbers next to it. (SVG `<title>` is not used:
/// cmark-gfm's tagfilter extension disables every `<title>` tag in the Markdown, SVG or not.)
///
/// Colours come from the stylesheet through classes (`mark--good`, `bar--adequate`), the same tokens as
/// the badges, so a grade looks the same everywhere. No line contains a blank line, so cmark-gfm passes
/// the whole figure through as one HTML block.
enum Charts {
    struct TimelineRow {
        var label: String
        /// One entry per column: the levels judged in that inspection (several for a JAR's columns).
        var cells: [[Level?]]
    }

    struct TimelineColumn {
        var label: String
        /// Why an inspection has no marks ("not graded" for visits), shown under its label.
        var note: String?
    }

    struct Bar {
        var label: String
        var token: String
        var count: Int
    }

    static let labelWidth = 250
    static let columnWidth = 92
    static let rowHeight = 36
    static let headerHeight = 56

    /// A dot per judgement: one row per outcome, one column per inspection, the level written in the dot.
    static func timeline(columns: [TimelineColumn], rows: [TimelineRow]) -> String {
        let width = labelWidth + columnWidth * max(columns.count, 1) + 8
        let height = headerHeight + rowHeight * rows.count + 8
        var svg = open(width: width, height: height, label: "Timeline of levels by outcome")
        // About two hundred bytes a mark: room made once rather than by doubling as the chart grows.
        svg.reserveCapacity(1_024 + 200 * rows.reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.count } } + 200 * (rows.count + columns.count))
        svg += "<desc>\(escape(timelineDescription(columns: columns, rows: rows)))</desc>\n"
        for (index, column) in columns.enumerated() {
            let x = labelWidth + columnWidth * index + columnWidth / 2
            svg += #"<text class="chart-axis" x="\#(x)" y="24" text-anchor="middle">\#(escape(column.label))</text>\#n"#
            if let note = column.note {
                svg += #"<text class="chart-note" x="\#(x)" y="44" text-anchor="middle">\#(escape(note))</text>\#n"#
            }
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = headerHeight + rowHeight * rowIndex + rowHeight / 2
            svg += #"<line class="chart-rule" x1="0" y1="\#(y + rowHeight / 2)" x2="\#(width)" y2="\#(y + rowHeight / 2)"/>\#n"#
            svg += #"<text class="chart-label" x="0" y="\#(y + 5)">\#(escape(row.label))</text>\#n"#
            for (columnIndex, levels) in row.cells.enumerated() {
                let centre = labelWidth + columnWidth * columnIndex + columnWidth / 2
                for (markIndex, level) in levels.enumerated() {
                    let x = centre + (markIndex * 2 - (levels.count - 1)) * 14
                    let token = level?.token ?? "none"
                    svg += #"<circle class="mark mark--\#(token)" cx="\#(x)" cy="\#(y)" r="13"/>"#
                    svg += #"<text class="mark-text" x="\#(x)" y="\#(y + 5)" text-anchor="middle">\#(level.map { String($0.rawValue) } ?? "?")</text>\#n"#
                }
            }
        }
        return svg + "</svg>"
    }

    static func timelineDescription(columns: [TimelineColumn], rows: [TimelineRow]) -> String {
        let levels = rows.map { row in
            let cells = zip(columns, row.cells).compactMap { column, levels -> String? in
                guard !levels.isEmpty else { return nil }
                return "\(column.label): " + levels.map { $0.map { "level \($0.rawValue)" } ?? "level not read" }.joined(separator: " and ")
            }
            return "\(row.label): \(cells.joined(separator: "; "))."
        }
        let notes = columns.compactMap { column in column.note.map { "\(column.label): \($0)." } }
        return (levels + notes).joined(separator: " ")
    }

    /// One horizontal bar per level, its length the number of judgements, the number written after it.
    static func distribution(bars: [Bar]) -> String {
        let barLeft = 300
        let barSpace = 320
        let width = barLeft + barSpace + 48
        let height = rowHeight * bars.count + 8
        let most = max(bars.map(\.count).max() ?? 0, 1)
        var svg = open(width: width, height: height, label: "Distribution of judgements by level")
        let description = bars.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
        svg += "<desc>\(escape(description)).</desc>\n"
        for (index, bar) in bars.enumerated() {
            let y = rowHeight * index + 4
            let length = bar.count * barSpace / most
            svg += #"<text class="chart-label" x="0" y="\#(y + 21)">\#(escape(bar.label))</text>"#
            svg += #"<rect class="bar bar--\#(bar.token)" x="\#(barLeft)" y="\#(y + 4)" width="\#(length)" height="\#(rowHeight - 12)"/>"#
            svg += #"<text class="chart-axis" x="\#(barLeft + length + 6)" y="\#(y + 21)">\#(bar.count)</text>"# + "\n"
        }
        return svg + "</svg>"
    }

    static func open(width: Int, height: Int, label: String) -> String {
        #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(width) \#(height)" width="\#(width)" height="\#(height)" role="img" aria-label="\#(escape(label))">"# + "\n"
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
