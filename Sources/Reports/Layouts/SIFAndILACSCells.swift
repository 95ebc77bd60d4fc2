import Foundation
import Site

/// One cell of report text: a plain line is one cell, a Markdown table row (`| a | b |`) or a line whose
/// columns are set apart by tabs or wide gaps (`pdftotext -layout`) gives one cell per column.
///
/// Cells are cleaned of what PDF and Markdown conversion add around the words: heading marks, emphasis,
/// HTML tags, `<sup>` footnote markers, bullets. SIF and ILACS reports are read cell by cell so that a
/// judgement table reads the same whether it came out as Markdown, one cell per line or in columns.
struct ReportCell: Equatable {
    var text: String
    var line: Int
    /// The cell shares its line with other cells (a table row).
    var inRow: Bool
    /// The line was a Markdown heading (`#`) or wholly emphasised (`**…**`).
    var isHeading: Bool
    /// The line began with a bullet.
    var isBullet: Bool

    var wordCount: Int { text.split(whereSeparator: \.isWhitespace).count }
    /// A page number or a footnote digit standing alone.
    var isBareNumber: Bool { !text.isEmpty && text.count <= 3 && text.allSatisfy(\.isNumber) }
}

enum ReportCells {
    /// Every non-blank cell of the text, in reading order.
    static func cells(of text: ReportText) -> [ReportCell] {
        text.lines.flatMap { cells(of: $0) }
    }

    static func cells(of line: ReportText.Line) -> [ReportCell] {
        let trimmed = line.trimmed
        guard !trimmed.isEmpty else { return [] }
        if trimmed.hasPrefix("|") {
            let parts = trimmed.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
            if parts.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return [] }
            let texts = parts.map { clean(String($0)).text }.filter { !$0.isEmpty }
            return texts.map { ReportCell(text: $0, line: line.number, inRow: texts.count > 1, isHeading: false, isBullet: false) }
        }
        let columns = trimmed.split(separator: /\t+| {3,}/).map { clean(String($0)) }.filter { !$0.text.isEmpty }
        return columns.map {
            ReportCell(text: $0.text, line: line.number, inRow: columns.count > 1, isHeading: $0.isHeading, isBullet: $0.isBullet)
        }
    }

    static let bullets: Set<Character> = ["◼", "•", "▪", "●", "·", "-", "*", "–"]

    /// PDF bullets drawn from symbol fonts come out of pdftotext as private-use characters (U+F0B7, U+F06E).
    static func isPrivateUse(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0xE000...0xF8FF).contains($0.value) } ?? false
    }

    /// The words of a line without Markdown and HTML decoration, and whether it was a heading or a bullet.
    static func clean(_ raw: String) -> (text: String, isHeading: Bool, isBullet: Bool) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        var isHeading = false
        if let marks = text.firstMatch(of: /^#{1,6}\s+/) {
            text.removeSubrange(marks.range)
            isHeading = true
        }
        text = text.replacing(/<sup>[^<]{0,6}<\/sup>/, with: "").replacing(/<[^>]{1,20}>/, with: " ")
        text = text.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
        let emphasised = text.wholeMatch(of: /\*\*(.+)\*\*/) != nil || text.wholeMatch(of: /__(.+)__/) != nil
        if emphasised { isHeading = true }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        text = text.replacing(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|[.,;:]|$)/) { "\($0.1)\($0.2)" }
        var isBullet = false
        if let first = text.first, text.count > 1, bullets.contains(first) || isPrivateUse(first),
           text.dropFirst().first?.isWhitespace == true || first.unicodeScalars.first!.value > 0x7F {
            isBullet = true
            text = String(text.dropFirst())
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (text, isHeading, isBullet)
    }
}
