import Foundation
import Site

/// Dates as SIF, ILACS and visit letters write them: "1/06/2015" (day first), "4 September 2017", and
/// ranges whose start borrows what it leaves out from the end: "24 to 28 April 2023",
/// "21 February to 4 March 2022", "20 June – 13 July 2017", "2 July 2018 to 6 July 2018", "19 and 20 February 2019".
enum ReportDates {
    /// The first date in `text`, or nil.
    static func date(in text: String) -> PartialDate? {
        range(in: text)?.start
    }

    /// A date or a range of dates at the start of `text`; a single date gives the same start and end.
    static func range(in text: String) -> (start: PartialDate, end: PartialDate)? {
        let parts = text.lowercased().split(separator: Patterns.rangeSeparator, maxSplits: 1).map { $0.trimmingWhitespace() }
        guard let first = parts.first, let startPieces = pieces(first) else { return nil }
        guard parts.count == 2, let endPieces = pieces(parts[1]), let endYear = endPieces.year else {
            guard let year = startPieces.year, let date = PartialDate(year: year, month: startPieces.month, day: startPieces.month == nil ? nil : startPieces.day) else { return nil }
            return (date, date)
        }
        let endMonth = endPieces.month
        guard let end = PartialDate(year: endYear, month: endMonth, day: endMonth == nil ? nil : endPieces.day),
              let start = PartialDate(
                year: startPieces.year ?? endYear, month: startPieces.month ?? endMonth,
                day: (startPieces.month ?? endMonth) == nil ? nil : startPieces.day)
        else { return nil }
        return (start, end)
    }

    /// Day, month and year as far as `text` gives them: `1/06/2015`, `4 September 2017`, `24`, `21 February`.
    static func pieces(_ text: String) -> (day: Int?, month: Int?, year: Int?)? {
        // A match's `output` is made afresh, through dynamic casts, each time it is read: read once.
        if let output = text.prefixMatch(of: Patterns.numericDatePieces)?.output {
            let year = Int(output.3)!
            return (Int(output.1), Int(output.2), year < 100 ? 2000 + year : year)
        }
        if let output = text.prefixMatch(of: Patterns.dayPieces)?.output {
            let month = output.2.flatMap { PartialDate.month(named: $0) }
            if output.2 != nil, month == nil { return nil }
            return (Int(output.1), month, output.3.flatMap { Int($0) })
        }
        if let output = text.prefixMatch(of: Patterns.monthYearPieces)?.output, let month = PartialDate.month(named: output.1) {
            return (nil, month, Int(output.2))
        }
        return nil
    }

    /// The value of a labelled date line such as "Inspection dates: 24 to 28 April 2023" or
    /// "Report published: 10/08/2015", looking on the next line when the label stands alone.
    /// `isLabel` is given the folded label (the text before the colon).
    static func labelled(in text: ReportText, within lines: Int = 120, isLabel: (String) -> Bool) -> (value: String, line: Int)? {
        // A slice of the lines, read by index: no line is copied to look at its text.
        let candidates = text.lines.prefix(lines)
        for index in candidates.indices {
            let cleaned = ReportCells.clean(candidates[index].trimmed).text
            guard let colon = TextScanning.firstIndex(of: ":", inASCII: cleaned), isLabel(ReportText.folded(cleaned[..<colon])) else { continue }
            let value = cleaned[cleaned.index(after: colon)...].trimmingWhitespace()
            if !value.isEmpty { return (value, candidates[index].number) }
            if let next = candidates[(index + 1)...].first(where: { !$0.isBlank }) {
                return (ReportCells.clean(next.trimmed).text, next.number)
            }
        }
        return nil
    }

    /// Fills the inspection and publication dates of a reading from the report's labelled date lines.
    static func read(_ text: ReportText, into reading: inout LayoutReading) {
        if let found = labelled(in: text, isLabel: { $0.hasPrefix("inspection date") || $0 == "dates of inspection" }),
           let range = range(in: found.value) {
            reading.inspectionStart = Located(range.start, line: found.line)
            reading.inspectionEnd = Located(range.end, line: found.line)
        }
        if let found = labelled(in: text, isLabel: { $0.hasSuffix("published") || $0.hasPrefix("publication date") || $0 == "date of publication" }),
           let date = date(in: found.value) {
            reading.publicationDate = Located(date, line: found.line)
        }
    }
}
