import Foundation
import Site

/// Facts every layout reads the same way: dates, an authority named in an address, key facts,
/// recommendations by timescale, and the report's sections.
enum ReportFacts {
    // MARK: - Dates

    /// Every date written in `text` as "26 November 2007", "1st November 2006" or "1/06/2015" (day first,
    /// as English reports write them), with where it stands.
    static func dates(in text: String) -> [(date: PartialDate, range: Range<String.Index>)] {
        mayHoldYear(text) ? datesByPattern(in: text) : []
    }

    /// Whether `text` has four ASCII digits in a row, counting any byte beyond ASCII between them as
    /// possibly part of a digit's Character: every date pattern ends in a four-digit year, so most lines
    /// (page numbers, paragraph numbers, "1.2") need no pattern at all.
    static func mayHoldYear(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var digits = 0
            for byte in bytes {
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    digits += 1
                    if digits == 4 { return true }
                } else if byte < 0x80 {
                    digits = 0
                }
            }
            return false
        } ?? true
    }

    /// `dates(in:)` by the patterns alone.
    static func datesByPattern(in text: String) -> [(date: PartialDate, range: Range<String.Index>)] {
        var found: [(date: PartialDate, range: Range<String.Index>)] = []
        guard text.contains(where: { $0.isASCII && $0.isNumberQuickly }) else { return found }
        // A match's `output` is made afresh, through dynamic casts, each time it is read: read once.
        for match in text.matches(of: Patterns.dayMonthYear) {
            let output = match.output
            if let date = PartialDate(year: Int(output.3)!, month: PartialDate.month(named: output.2), day: Int(output.1)!) {
                found.append((date, match.range))
            }
        }
        for match in text.matches(of: Patterns.numericDate) {
            let output = match.output
            if let date = PartialDate(year: Int(output.3)!, month: Int(output.2)!, day: Int(output.1)!) {
                found.append((date, match.range))
            }
        }
        // "1 – 25 June 2015": the first day takes the month and year of the second.
        for match in text.matches(of: Patterns.dayRange) {
            let output = match.output
            if let month = PartialDate.month(named: output.3), let date = PartialDate(year: Int(output.4)!, month: month, day: Int(output.1)!) {
                found.append((date, match.range))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a Character that starts with `byte` could start a date: an ASCII digit, or a byte beyond
    /// ASCII (decided by the patterns).
    private static func mayStartDate(_ byte: UInt8) -> Bool {
        byte >= 0x80 || TextScanning.isASCIIDigit(byte)
    }

    /// A line that holds nothing but a date, before `limit`: a letter's date.
    static func letterDate(_ lines: some Sequence<ReportText.Line>) -> Located<PartialDate>? {
        for line in lines {
            let trimmed = line.trimmed
            // The date leaves at most one Character of the line out, so starts at its first or second
            // Character, and every date pattern starts with an ASCII digit: a line whose first two bytes
            // are ASCII but no digit (so its first two Characters start with them) holds no such date.
            let bytes = trimmed.utf8
            if bytes.count >= 2, let first = bytes.first, case let second = bytes[bytes.index(after: bytes.startIndex)],
               !Self.mayStartDate(first), !Self.mayStartDate(second) { continue }
            if let only = dates(in: trimmed).first, trimmed[only.range].count >= trimmed.count - 1 {
                return Located(only.date, line: line.number)
            }
        }
        return nil
    }

    /// Dates given under a label, as in "Inspection dates: 1/06/2015 – 25/06/2015" or "Report published: …".
    static func labelledDates(_ lines: [ReportText.Line]) -> (start: Located<PartialDate>?, end: Located<PartialDate>?, published: Located<PartialDate>?) {
        var start: Located<PartialDate>?
        var end: Located<PartialDate>?
        var published: Located<PartialDate>?
        for (index, line) in lines.enumerated() {
            guard TextScanning.containsByte(line.text, UInt8(ascii: ":")) else { continue }
            // A cover page may set several labelled fields in columns on one line ("Age group: All",
            // "Published: 22 June 2005", "Reference no: 815"): each is read as a line of its own, from its
            // label up to the next column that holds a label.
            let segments = labelledSegments(of: line.text)
            for (position, segment) in segments.enumerated() {
                let text = String(segment)
                let plain = ReportText.folded(TextScanning.containsByte(text, UInt8(ascii: "*")) ? text.replacingOccurrences(ofASCII: "*", with: "") : text)
                guard let colon = plain.firstIndex(of: ":"), plain.distance(from: plain.startIndex, to: colon) <= 40 else { continue }
                let label = plain[..<colon]
                var found = dates(in: text)
                var dateLine = line.number
                // A label alone at the end of its line ("Published:") with its date on the next line that is
                // not blank.
                if found.isEmpty, position == segments.count - 1, plain.index(after: colon) == plain.endIndex,
                   let next = lines[(index + 1)...].prefix(3).first(where: { !$0.isBlank }) {
                    found = dates(in: next.text)
                    dateLine = next.number
                }
                guard !found.isEmpty else { continue }
                if published == nil, label.contains("publi") {
                    published = Located(found[0].date, line: dateLine)
                } else if start == nil, label.contains("inspection") || label.contains("fieldwork") {
                    start = Located(found[0].date, line: dateLine)
                    end = Located(found[found.count - 1].date, line: dateLine)
                }
            }
        }
        return (start, end, published)
    }

    /// A line cut before every column (see `ReportCells.columns`) that holds a colon, but the first such:
    /// the whole line when it holds one label.
    static func labelledSegments(of line: String) -> [Substring] {
        let labelled = ReportCells.columns(of: line).filter { TextScanning.containsByte($0, UInt8(ascii: ":")) }
        guard labelled.count > 1 else { return [line[...]] }
        let cuts = [line.startIndex] + labelled.dropFirst().map(\.startIndex) + [line.endIndex]
        return zip(cuts, cuts.dropFirst()).map { line[$0..<$1] }
    }

    // MARK: - Authority

    /// The authority named by a council in an address block: the longest run of at most eight words
    /// before "Council" that names a known English authority, so that "North East Lincolnshire Council"
    /// names North East Lincolnshire and not Lincolnshire.
    static func authority(inAddress lines: some Sequence<ReportText.Line>) -> Located<String>? {
        for line in lines {
            let words = line.trimmed.split(separator: " ")
            for (index, word) in words.enumerated() where word.lowercased().hasPrefix("council") {
                for start in max(0, index - 8)..<index {
                    let candidate = words[start...index].joined(separator: " ")
                    if AuthorityName.isKnown(candidate) { return Located(candidate, line: line.number) }
                }
            }
        }
        return nil
    }

    // MARK: - Key facts

    /// Numbers of children looked after and with child protection plans, where the report states them.
    static func keyFacts(_ blocks: [ReportDocument.Block], file: String) -> [KeyFact] {
        let patterns: [(String, KeyFactScanner.Fact, Regex<(Substring, Substring)>)] = [
            ("Children looked after", .lookedAfter, Patterns.childrenLookedAfter),
            ("Children on child protection plans", .protectionPlans, Patterns.childProtectionPlans),
        ]
        var facts: [KeyFact] = []
        for (label, fact, pattern) in patterns {
            for block in blocks where (block.kind == .paragraph || block.kind == .listItem) && TextScanning.contains(block.text, "children") {
                if let number = keyFactNumber(fact, pattern, in: block.text) {
                    facts.append(KeyFact(label: label, value: String(block.text[number]), source: SourcePosition(file: file, line: block.line(at: number.lowerBound))))
                    break
                }
            }
        }
        return facts
    }

    /// The number of the first match of a key-fact pattern in `text`: found by `KeyFactScanner`, or by
    /// the regular expression where the scanner cannot decide.
    static func keyFactNumber(_ fact: KeyFactScanner.Fact, _ pattern: Regex<(Substring, Substring)>, in text: String) -> Range<String.Index>? {
        switch KeyFactScanner.firstMatch(fact, in: text) {
        case .match(let bytes):
            let utf8 = text.utf8
            return utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
        case .noMatch:
            return nil
        case .unsure:
            return keyFactWindow(text).flatMap { $0.firstMatch(of: pattern) }.map { let number = $0.output.1; return number.startIndex..<number.endIndex }
        }
    }

    /// The part of `text` in which a key-fact pattern can match: from the white space before the first
    /// number that stands before "children" (see `firstCountedChildren`), or nil when there is none. Both
    /// patterns need such a number, so no match starts earlier; and the window begins at white space, so
    /// word boundaries inside it fall where they fall in the whole text.
    static func keyFactWindow(_ text: String) -> Substring? {
        guard let found = firstCountedChildren(text) else { return nil }
        var copy = text
        let start = copy.withUTF8 { bytes in
            var start = found
            // Back over the white space (or what may be white space) before "children", then over the number.
            while start > 0, TextScanning.isASCIISpace(bytes[start - 1]) || bytes[start - 1] >= 0x80 { start -= 1 }
            while start > 0, !TextScanning.isASCIISpace(bytes[start - 1]) { start -= 1 }
            return max(start - 1, 0)
        }
        return text[text.utf8.index(text.startIndex, offsetBy: start)...]
    }

    /// The byte offset of the first "children" that follows a number and white space, as both key-fact
    /// patterns require; white space or a digit outside ASCII counts, so nothing they would match is missed.
    private static func firstCountedChildren(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var from = 0
            while let found = TextScanning.firstIndex(of: "children", caseInsensitiveIn: bytes, from: from) {
                from = found + 1
                var end = found
                while end > 0, TextScanning.isASCIISpace(bytes[end - 1]) || bytes[end - 1] >= 0x80 { end -= 1 }
                guard end > 0, end < found || bytes[found - 1] >= 0x80 else { continue }
                let before = bytes[end - 1]
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(before) || before == UInt8(ascii: ",") || bytes[found - 1] >= 0x80 { return found }
            }
            return nil
        }
    }

    // MARK: - Recommendations

    static func timescale(_ folded: String) -> Recommendation.Timescale? {
        if folded.contains("immediate") { return .immediate }
        // Each pattern holds a word the text must have.
        if TextScanning.contains(folded, "months"), folded.firstMatch(of: Patterns.sixMonths) != nil { return .withinSixMonths }
        if TextScanning.contains(folded, "term"), folded.firstMatch(of: Patterns.longerTerm) != nil { return .longerTerm }
        return nil
    }

    static func isRecommendationHeading(_ folded: String) -> Bool {
        folded.hasPrefix("recommendation") || folded.utf8.starts(with: "area".utf8) && folded.prefixMatch(of: Patterns.areasFor) != nil
    }

    /// Recommendations and areas for development, by timescale where the report gives one.
    static func recommendations(_ blocks: [ReportDocument.Block], file: String, isOutcomeHeading: (String) -> Bool) -> [Recommendation] {
        var reader = RecommendationReader(file: file)
        for block in blocks { reader.read(block, isOutcomeHeading: isOutcomeHeading) }
        return reader.items
    }

    // MARK: - Sections

    /// The report's sections with their headings and clean paragraphs; list items keep a bullet.
    static func sections(_ document: ReportDocument, depth: (ReportDocument.Block) -> Int = { _ in 1 }) -> [ReportSection] {
        document.sections.compactMap { section in
            let paragraphs = section.body.map { block in
                block.kind == .listItem ? "• " + block.text : block.text
            }
            guard let heading = section.heading else {
                return paragraphs.isEmpty ? nil : ReportSection(heading: "Opening", paragraphs: paragraphs, startLine: section.body[0].line)
            }
            return ReportSection(heading: heading.text, depth: depth(heading), paragraphs: paragraphs, startLine: heading.line)
        }
    }
}

extension LayoutReading {
    /// Sets the inspection and publication dates that the report gives under a label.
    mutating func readLabelledDates(_ text: ReportText) {
        let labelled = ReportFacts.labelledDates(text.lines)
        inspectionStart = labelled.start
        inspectionEnd = labelled.end
        publicationDate = labelled.published
    }
}
