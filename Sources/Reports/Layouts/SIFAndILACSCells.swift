import Foundation
import Site

/// One cell of report text: a plain line is one cell, a Markdown table row (`| a | b |`) or a line whose
/// columns are set apart by tabs or wide gaps (`pdftotext -layout`) gives one cell per column.
///
/// Cells are cleaned of what PDF and Markdown conversion add around the words: heading marks, emphasis,
/// HTML tags, `<sup>` footnote markers, bullets. SIF and ILACS reports are read cell by cell so that a
/// judgement table reads the same whether it came out as Markdown, one cell per line or in columns.
struct ReportCell: Equatable {
    let text: String
    let line: Int
    /// The cell shares its line with other cells (a table row). Set once a line's cells are all made.
    fileprivate(set) var inRow: Bool
    /// The line was a Markdown heading (`#`) or wholly emphasised (`**…**`).
    let isHeading: Bool
    /// The line began with a bullet.
    let isBullet: Bool
    /// The words of `text` (runs of anything but white space), counted once: every reading of a row asks.
    let wordCount: Int
    /// The text has `<`, `*` or `_`, which cleaning a grade (`GradeWords.clean`) removes or turns into
    /// spaces, so that the words a grade is read from may not be the cell's words.
    let mayHoldMarkup: Bool

    init(text: String, line: Int, inRow: Bool, isHeading: Bool, isBullet: Bool) {
        self.init(text: text, line: line, inRow: inRow, isHeading: isHeading, isBullet: isBullet, wordCount: Self.words(in: text),
                  mayHoldMarkup: text.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") })
    }

    /// A cell whose word count and markup test are known already (plain text, `ReportCells.plainWordCount`).
    init(text: String, line: Int, inRow: Bool, isHeading: Bool, isBullet: Bool, wordCount: Int, mayHoldMarkup: Bool) {
        self.text = text
        self.line = line
        self.inRow = inRow
        self.isHeading = isHeading
        self.isBullet = isBullet
        self.wordCount = wordCount
        self.mayHoldMarkup = mayHoldMarkup
    }

    static func words(in text: String) -> Int {
        // One pass over the bytes while they are ASCII; other text is split by Characters or scalars.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isSpace = byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
        if let count = ascii ?? nil { return count }
        if TextScanning.mayJoinScalars(text.unicodeScalars) { return text.split(whereSeparator: \.isWhitespace).count }
        // Runs of scalars other than white space, counted without making them.
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = TextScanning.isUnicodeWhitespace(scalar)
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
    /// A page number or a footnote digit standing alone.
    var isBareNumber: Bool { !text.isEmpty && text.dropFirst(3).isEmpty && text.allSatisfy(\.isNumberQuickly) }
}

enum ReportCells {
    static func cells(of line: ReportText.Line) -> [ReportCell] {
        let trimmed = line.trimmed
        guard !trimmed.isEmpty else { return [] }
        if trimmed.firstByte == UInt8(ascii: "|"), trimmed.hasPrefix("|") {
            let parts = TextScanning.split(trimmed[...], atASCII: "|").dropFirst()
            if parts.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return [] }
            let texts = parts.map { clean(String($0)).text }.filter { !$0.isEmpty }
            return texts.map { ReportCell(text: $0, line: line.number, inRow: texts.count > 1, isHeading: false, isBullet: false) }
        }
        // The cells are made as the columns are read, into one array, and marked as a row once there are
        // two: mapping the columns to their texts, filtering those and mapping them to cells made three.
        var cells: [ReportCell] = []
        for column in columns(of: trimmed) {
            let raw = String(column)
            // Plain text has its words counted already, holds no markup and is never empty.
            if let words = plainWordCount(raw) {
                cells.append(ReportCell(text: raw, line: line.number, inRow: false, isHeading: false, isBullet: false, wordCount: words, mayHoldMarkup: false))
                continue
            }
            let cleaned = cleanStepByStep(raw)
            guard !cleaned.text.isEmpty else { continue }
            cells.append(ReportCell(text: cleaned.text, line: line.number, inRow: false, isHeading: cleaned.isHeading, isBullet: cleaned.isBullet))
        }
        if cells.count > 1 {
            for index in cells.indices { cells[index].inRow = true }
        }
        return cells
    }

    /// The parts of a line between runs of tabs or of three or more spaces (the gaps `pdftotext -layout`
    /// leaves between columns); empty parts are left out.
    static func columns(of line: String) -> [Substring] {
        // On bytes, unless a scalar could join a space or tab into a longer Character.
        if !line.isASCII, TextScanning.mayJoinScalars(line.unicodeScalars) { return columnsByCharacter(of: line) }
        var text = line
        let offsets: [Range<Int>] = text.withUTF8 { bytes in
            var parts: [Range<Int>] = []
            var start = 0
            var index = 0
            let tabs = SIMD16<UInt8>(repeating: 0x09), spaces = SIMD16<UInt8>(repeating: 0x20)
            // `index` never stands inside a run of spaces or tabs (a run is passed whole), so sixteen
            // positions with no tab and no space followed by a space cannot start a gap: they are passed
            // over at once.
            var scalarUntil = 0
            while index < bytes.count {
                if index >= scalarUntil, index + 17 <= bytes.count {
                    let here = TextScanning.vector(bytes, at: index), next = TextScanning.vector(bytes, at: index + 1)
                    if !TextScanning.anyLane(TextScanning.zeroLanes(here ^ tabs) | TextScanning.zeroLanes((here ^ spaces) | (next ^ spaces))) {
                        index += 16
                        continue
                    }
                    scalarUntil = index + 16
                }
                let byte = bytes[index]
                guard byte == 0x09 || byte == 0x20 else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] == byte { end += 1 }
                if byte == 0x09 || end - index >= 3 {
                    if start < index { parts.append(start..<index) }
                    start = end
                }
                index = end
            }
            if start < bytes.count { parts.append(start..<bytes.count) }
            return parts
        }
        // Every bound is the start, the end or next to a space or tab, so on a Character boundary here.
        let utf8 = text.utf8
        return offsets.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// `columns(of:)` Character by Character.
    static func columnsByCharacter(of line: String) -> [Substring] {
        var parts: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            guard character == "\t" || character == " " else {
                index = line.index(after: index)
                continue
            }
            var end = line.index(after: index)
            var run = 1
            while end < line.endIndex, line[end] == character {
                end = line.index(after: end)
                run += 1
            }
            if character == "\t" || run >= 3 {
                if start < index { parts.append(line[start..<index]) }
                start = end
            }
            index = end
        }
        if start < line.endIndex { parts.append(line[start...]) }
        return parts
    }

    static let bullets: Set<Character> = ["◼", "•", "▪", "●", "·", "-", "*", "–"]

    /// PDF bullets drawn from symbol fonts come out of pdftotext as private-use characters (U+F0B7, U+F06E).
    static func isPrivateUse(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0xE000...0xF8FF).contains($0.value) } ?? false
    }

    /// The number of words of `text` when cleaning leaves it as it is, decided in one pass over its
    /// bytes: words set apart by single spaces, a first byte of printable ASCII other than a bullet, no
    /// decoration mark, no control character, and beyond ASCII only scalars that stand alone
    /// (`TextScanning.scalarsBeyondASCIIStandAlone`: curly quotes, dashes, accented letters); nil for
    /// other text. Most cells of a report are such plain text.
    static func plainWordCount(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last != UInt8(ascii: " "),
                  first != UInt8(ascii: "-"), first != UInt8(ascii: "*"), !isDecorationMark(first) else { return nil }
            var previousWasSpace = false
            var spaces = 0
            var beyondASCII = false
            var index = 1
            // Sixteen bytes at a time, each with the byte before it: any control character, decoration mark
            // or second space in a row answers nil; the spaces are counted, and bytes beyond ASCII noted.
            if bytes.count >= 17 {
                let space = SIMD16<UInt8>(repeating: UInt8(ascii: " ")), high = SIMD16<UInt8>(repeating: 0x80)
                var seen = SIMD16<UInt8>()
                while index + 16 <= bytes.count {
                    let here = TextScanning.vector(bytes, at: index), before = TextScanning.vector(bytes, at: index - 1)
                    // A byte below 0x20 has the high bit clear and gets it when 0x20 is taken away.
                    var refused = (here &- SIMD16(repeating: 0x20)) & ~here & high | decorationMarks(here)
                    let isSpace = TextScanning.zeroLanes(here ^ space)
                    refused |= isSpace & TextScanning.zeroLanes(before ^ space)
                    if TextScanning.anyLane(refused) { return nil }
                    spaces += TextScanning.markedLanes(isSpace)
                    seen |= here
                    index += 16
                }
                beyondASCII = TextScanning.anyLane(seen & high)
                previousWasSpace = bytes[index - 1] == UInt8(ascii: " ")
            }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x20, !isDecorationMark(byte) else { return nil }
                if byte >= 0x80 { beyondASCII = true }
                let isSpace = byte == UInt8(ascii: " ")
                if isSpace && previousWasSpace { return nil }
                previousWasSpace = isSpace
                if isSpace { spaces += 1 }
                index += 1
            }
            guard !beyondASCII || TextScanning.scalarsBeyondASCIIStandAlone(in: bytes) else { return nil }
            return spaces + 1
        } ?? nil
    }

    /// The bytes every decoration `clean` removes starts with: `#`, `<`, `&`, `*`, `_`.
    static func isDecorationMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// `isDecorationMark` of sixteen bytes at once: 0x80 in each lane that holds a decoration mark.
    @inline(__always)
    static func decorationMarks(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        TextScanning.zeroLanes(lanes ^ SIMD16(repeating: UInt8(ascii: "#"))) | TextScanning.zeroLanes(lanes ^ SIMD16(repeating: UInt8(ascii: "<")))
            | TextScanning.zeroLanes(lanes ^ SIMD16(repeating: UInt8(ascii: "&"))) | TextScanning.zeroLanes(lanes ^ SIMD16(repeating: UInt8(ascii: "*")))
            | TextScanning.zeroLanes(lanes ^ SIMD16(repeating: UInt8(ascii: "_")))
    }

    /// The length in bytes of what `Patterns.headingMarks` matches at the start of `text` (0 for no
    /// match), worked out on ASCII bytes; nil when a byte outside ASCII or a CR next to the marks or
    /// their white space leaves it to the pattern.
    static func asciiHeadingMarksLength(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var marks = 0
            while marks < bytes.count, bytes[marks] == UInt8(ascii: "#") { marks += 1 }
            // Seven marks or more: the pattern's white space would have to follow a seventh "#".
            guard marks > 0, marks <= 6 else { return 0 }
            var end = marks
            while end < bytes.count, TextScanning.isASCIISpace(bytes[end]) {
                if bytes[end] == 0x0D { return nil }
                end += 1
            }
            if end < bytes.count, bytes[end] >= 0x80 { return nil }
            return end == marks ? 0 : end
        }
    }

    /// The words of a line without Markdown and HTML decoration, and whether it was a heading or a bullet.
    static func clean(_ raw: String) -> (text: String, isHeading: Bool, isBullet: Bool) {
        // A blank line (layouts clean every line of a page) is left as it is.
        raw.isEmpty || plainWordCount(raw) != nil ? (raw, false, false) : cleanStepByStep(raw)
    }

    /// `clean` one step at a time: the definition `plainWordCount` short-cuts.
    static func cleanStepByStep(_ raw: String) -> (text: String, isHeading: Bool, isBullet: Bool) {
        var text = raw.trimmingWhitespace()
        var isHeading = false
        // Most lines carry no decoration at all; only those with one of its marks go through the patterns,
        // and each pattern only where its first character stands.
        if text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isDecorationMark) }) ?? true {
            let has = { (byte: UInt8) in TextScanning.containsByte(text, byte) }
            if text.firstByte == UInt8(ascii: "#") {
                let marks = asciiHeadingMarksLength(text)
                    ?? text.prefixMatch(of: Patterns.headingMarks).map { text.utf8.distance(from: text.startIndex, to: $0.range.upperBound) } ?? 0
                if marks > 0 {
                    text.removeSubrange(text.startIndex..<text.utf8.index(text.startIndex, offsetBy: marks))
                    isHeading = true
                }
            }
            if has(UInt8(ascii: "<")) {
                text = MarkupStripping.replacingTags(MarkupStripping.removingFootnotes(text, limit: 6), limit: 20, with: " ")
            }
            if has(UInt8(ascii: "&")) {
                text = text.replacingOccurrences(ofASCII: "&nbsp;", with: " ").replacingOccurrences(ofASCII: "&amp;", with: "&")
            }
            let emphasised = text.utf8.starts(with: "**".utf8) && text.wholeMatch(of: Patterns.strong) != nil
                || text.utf8.starts(with: "__".utf8) && text.wholeMatch(of: Patterns.strongUnderscores) != nil
            if emphasised { isHeading = true }
            if has(UInt8(ascii: "*")) { text = text.replacingOccurrences(ofASCII: "**", with: "") }
            if has(UInt8(ascii: "_")) { text = text.replacingOccurrences(ofASCII: "__", with: "") }
            if has(UInt8(ascii: "*")) { text = text.replacing(Patterns.emphasis) { let output = $0.output; return "\(output.1)\(output.2)" } }
        }
        var isBullet = false
        if let byte = text.firstByte, byte >= 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*"),
           let first = text.first, bullets.contains(first) || isPrivateUse(first), !text.dropFirst().isEmpty,
           text.dropFirst().first?.isWhitespace == true || first.unicodeScalars.first!.value > 0x7F {
            isBullet = true
            text = String(text.dropFirst())
        }
        return (ReportText.collapsingWhitespace(text), isHeading, isBullet)
    }
}
