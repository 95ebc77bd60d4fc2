import Foundation
import Site

/// A report's text as blocks: headings, paragraphs, list items, table rows, grade lines and value lines,
/// with page furniture removed and hard-wrapped or page-broken lines joined.
///
/// Every block keeps the source line of each piece it was joined from, so a fact found anywhere in a
/// joined paragraph still points at the line a person would open.
public struct ReportDocument: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading
        case paragraph
        case listItem
        /// A row of a tab-separated or Markdown table, as its cells.
        case tableRow([String])
        /// `Grade 2` alone on a line (APA 2007).
        case gradeLine
        /// A line of short tokens with digits only: a cell of a flattened table, or a stray number.
        case values
    }

    public struct Block: Sendable, Equatable {
        public var kind: Kind
        public fileprivate(set) var text: String
        /// The source line of each joined piece, with the offset in `text` (in characters) where it starts.
        public var pieces: [Piece]
        /// `text.count`, kept as pieces are appended: counting a long paragraph again at every line made
        /// splitting a report quadratic in its paragraphs' length.
        fileprivate(set) var characterCount: Int

        public init(kind: Kind, text: String, pieces: [Piece]) {
            self.kind = kind
            self.text = text
            self.pieces = pieces
            characterCount = TextScanning.characterCount(text)
        }

        public struct Piece: Sendable, Equatable {
            public var offset: Int
            public var line: Int
        }

        public var line: Int { pieces[0].line }
        public var lastLine: Int { pieces[pieces.count - 1].line }

        /// The source line holding the character at `offset` of `text`.
        public func line(atOffset offset: Int) -> Int {
            pieces.last { $0.offset <= offset }?.line ?? line
        }

        public func line(at index: String.Index) -> Int {
            line(atOffset: text.distance(from: text.startIndex, to: index))
        }

        public var folded: String { ReportText.folded(text) }
    }

    public var blocks: [Block]
    /// Repeated page headers or footers (the text without its page number), in order of first use.
    public var runningHeaders: [Located<String>]

    public init(_ text: ReportText) {
        let furniture = text.furniture
        runningHeaders = furniture.runningHeaders
        blocks = Self.join(Self.split(text.lines, skipping: furniture.lineNumbers))
    }

    /// Headings with the blocks under each, up to the next heading.
    public var sections: [(heading: Block?, body: [Block])] {
        var result: [(heading: Block?, body: [Block])] = []
        var current: (heading: Block?, body: [Block]) = (nil, [])
        for block in blocks {
            if block.kind == .heading {
                if current.heading != nil || !current.body.isEmpty { result.append(current) }
                current = (block, [])
            } else {
                current.body.append(block)
            }
        }
        if current.heading != nil || !current.body.isEmpty { result.append(current) }
        return result
    }

    // MARK: - Splitting lines into blocks

    static let bullets: Set<Character> = ["•", "-", "*", "–", "·", "▪", "○", "\u{F0B7}", "\u{F0A7}"]

    /// `Grade 2`, `Grade: 3`, or a grade line whose grade cannot be read (`Grade 5`, `Grade ?`, `Grade two`),
    /// but not a column heading such as `Grade awarded`.
    static func isGradeLine(_ trimmed: String) -> Bool {
        guard TextScanning.startsWith(trimmed, caseInsensitive: "grade"), TextScanning.hasAtMostCharacters(24, trimmed),
              let match = trimmed.wholeMatch(of: Patterns.gradeLine) else { return false }
        let grade = match.output.1.lowercased()
        return grade.contains(where: \.isNumberQuickly) || grade.count <= 2 || ["one", "two", "three", "four"].contains(grade)
    }

    /// A line of at most six short tokens with a digit and no letters (`2`, ` 2 2`), or of single
    /// characters (`  x`): the grades of a flattened table row, readable or not.
    /// A heading with its grade on the same line, as `Staying safe        Grade 2` or `Staying safe: Grade 2`.
    static func headingWithGrade(_ trimmed: String) -> (String, String)? {
        guard TextScanning.contains(trimmed, caseInsensitive: "grade"), TextScanning.hasAtMostCharacters(160, trimmed), let range = trimmed.range(of: "grade", options: [.caseInsensitive, .backwards]),
              range.lowerBound > trimmed.startIndex else { return nil }
        let grade = String(trimmed[range.lowerBound...])
        var heading = String(trimmed[..<range.lowerBound]).trimmingWhitespace()
        guard isGradeLine(grade), trimmed[trimmed.index(before: range.lowerBound)].isWhitespace else { return nil }
        if heading.hasSuffix(":") || heading.hasSuffix("–") || heading.hasSuffix("-") { heading = String(heading.dropLast()).trimmingWhitespace() }
        guard let first = heading.firstQuickly, first.isUppercaseQuickly, !endsSentence(heading), TextScanning.hasAtMostSpaceSeparated(20, heading) else { return nil }
        return (heading, grade)
    }

    static func isValueLine(_ trimmed: String) -> Bool {
        // Four ASCII characters in a row without a space are a token too long: most lines end here.
        var run = 0
        for byte in trimmed.utf8 {
            run = byte == UInt8(ascii: " ") || byte >= 0x80 ? 0 : run + 1
            if run > 3 { return false }
        }
        let tokens = trimmed.split(separator: " ")
        guard !tokens.isEmpty, tokens.count <= 6, tokens.allSatisfy({ $0.count <= 3 }) else { return false }
        let digits = trimmed.contains(where: \.isNumberQuickly) && !trimmed.contains(where: \.isLetterQuickly)
        return digits || tokens.allSatisfy { $0.count == 1 && !ReportDocument.bullets.contains($0.first!) }
    }

    static func bulletText(_ trimmed: String) -> Substring? {
        // A Character that starts with an ASCII byte is that byte alone or with marks after it; of the
        // bullets only "-" and "*" are ASCII.
        if let byte = trimmed.firstByte, byte < 0x80, byte != UInt8(ascii: "-"), byte != UInt8(ascii: "*") { return nil }
        guard let first = trimmed.first, bullets.contains(first) else { return nil }
        let rest = trimmed.dropFirst()
        guard rest.first?.isWhitespace == true || first == "•" || first == "\u{F0B7}" else { return nil }
        return rest.drop { $0.isWhitespace }
    }

    static func endsSentence(_ text: String) -> Bool {
        // The last Character is the last byte alone when that byte and the one before it are ASCII (no two
        // ASCII bytes make one Character but CR LF, and a CR is no letter here either way).
        let bytes = text.utf8
        if let last = bytes.last, last < 0x80, last != 0x0A, bytes.count < 2 || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80 {
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"): return true
            case UInt8(ascii: "\""), UInt8(ascii: ")"): break
            default: return false
            }
        }
        guard let last = text.lastQuickly else { return true }
        return last.isOne(of: ".!?:;") || (last == "\"" || last == "”" || last == "’" || last == ")") && text.dropLast().last.map { $0.isOne(of: ".!?") } == true
    }

    static func isParagraphNumber(_ trimmed: String) -> Bool {
        guard let first = trimmed.firstByte, TextScanning.isASCIIDigit(first) else { return false }
        return trimmed.prefixMatch(of: Patterns.paragraphNumber) != nil
    }

    /// `trimmed` is `line.trimmingWhitespace()`, which every `ReportText.Line` has made already.
    static func tableCells(_ line: String, trimmed: String) -> [String]? {
        if trimmed.firstByte == UInt8(ascii: "|"), trimmed.hasPrefix("|") {
            var body = trimmed.dropFirst()
            if body.hasSuffix("|") { body = body.dropLast() }
            let cells = TextScanning.split(body, atASCII: "|").map { cleanCell(String($0)) }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return [] } // separator row
            return cells
        }
        if TextScanning.containsByte(line, 0x09) {
            return line.split(separator: "\t").map { cleanCell(String($0)) }.filter { !$0.isEmpty }
        }
        // A label and a short value set apart by a wide gap, as `pdftotext -layout` writes a table row.
        // Most lines end in a long word or in text beyond ASCII; neither can be such a value.
        if let short = Self.endsInShortASCIIWord(trimmed), !short { return nil }
        let value = trimmed.reversed().prefix { !$0.isWhitespace }
        if (1...3).contains(value.count), value.contains(where: \.isNumberQuickly) {
            let label = trimmed.dropLast(value.count)
            let gap = label.reversed().prefix { $0 == " " }.count
            if gap >= 2, label.contains(where: \.isLetterQuickly) {
                return [cleanCell(String(label.dropLast(gap))), String(value.reversed())]
            }
        }
        return nil
    }

    /// Whether the last word of `text` (after its last white space) has one to three characters and a
    /// digit, decided from the bytes when the word is ASCII; nil when it is not (the caller then asks
    /// the Characters). An ASCII byte never joins a neighbour that is ASCII into one Character, and a
    /// word of more than three bytes, all ASCII, is more than three Characters.
    static func endsInShortASCIIWord(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var start = bytes.count
            var digit = false
            while start > 0, !TextScanning.isASCIISpace(bytes[start - 1]) {
                let byte = bytes[start - 1]
                if byte >= 0x80 { return nil }
                digit = digit || (0x30...0x39).contains(byte)
                start -= 1
                if bytes.count - start > 3 { return false }
            }
            // The white space before the word is a Character of its own unless a prepended mark (such as
            // an Arabic number sign) stands before it; the Characters decide then.
            if start >= 2, bytes[start - 2] >= 0x80 { return nil }
            return (1...3).contains(bytes.count - start) && digit
        }
    }

    /// Cell text without HTML tags, Markdown emphasis or footnote markers.
    static func cleanCell(_ cell: String) -> String {
        var text = MarkupStripping.removingFootnotes(cell, limit: nil)
        text = MarkupStripping.replacingTags(text, limit: 30, with: " ")
        if TextScanning.containsByte(text, UInt8(ascii: "*")) { text = text.replacingOccurrences(ofASCII: "**", with: "") }
        // The marks are ¹ ² ³ (C2 B9, C2 B2, C2 B3 in UTF-8) and ⁰ ⁴–⁹ (E2 81 …), none canonically equal to
        // anything else: without the byte C2 or E2 there is none to take out, and the Characters need not
        // be made.
        if TextScanning.containsByte(text, 0xC2) || TextScanning.containsByte(text, 0xE2) {
            text = text.filter { !Furniture.footnoteMarks.contains($0) }
        }
        // `split(whereSeparator: \.isWhitespace).joined(separator: " ")`, which is its definition.
        return ReportText.collapsingWhitespace(text)
    }

    static func markdownHeading(_ trimmed: String) -> String? {
        guard let byte = trimmed.firstByte, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "*"),
              trimmed.hasPrefix("#") || trimmed.hasPrefix("**") else { return nil }
        if let match = trimmed.wholeMatch(of: Patterns.markdownHeading) { return cleanCell(String(match.output.1)) }
        if let match = trimmed.wholeMatch(of: Patterns.strongLine) { return String(match.output.1).trimmingWhitespace() }
        return nil
    }

    static func split(_ lines: [ReportText.Line], skipping furniture: Set<Int>) -> [Block] {
        var blocks: [Block] = []
        var open: Block?
        func close() {
            if let block = open { blocks.append(block) }
            open = nil
        }
        func single(_ kind: Kind, _ text: String, _ line: Int) {
            close()
            blocks.append(Block(kind: kind, text: text, pieces: [.init(offset: 0, line: line)]))
        }
        // The lines are read in place, by index: `for line in lines` copied each (both its strings
        // retained and released).
        for index in lines.indices {
            if lines[index].isBlank || furniture.contains(lines[index].number) {
                if lines[index].isBlank { close() }
                continue
            }
            let line = (text: lines[index].text, number: lines[index].number)
            let trimmed = lines[index].trimmed
            if let cells = tableCells(line.text, trimmed: trimmed) {
                if !cells.isEmpty { single(.tableRow(cells), cells.joined(separator: " | "), line.number) }
                continue
            }
            if let heading = markdownHeading(trimmed) {
                single(.heading, heading, line.number)
                continue
            }
            if isGradeLine(trimmed) {
                single(.gradeLine, trimmed, line.number)
                continue
            }
            if let (heading, grade) = headingWithGrade(trimmed) {
                single(.heading, heading, line.number)
                single(.gradeLine, grade, line.number)
                continue
            }
            if isValueLine(trimmed) {
                single(.values, line.text, line.number)
                continue
            }
            let startsWithSpace = startsWithWhitespace(line.text)
            if let item = bulletText(trimmed) {
                close()
                open = Block(kind: .listItem, text: String(item), pieces: [.init(offset: 0, line: line.number)])
                continue
            }
            if var block = open {
                // The open block is taken out while it grows, so that its text is appended to in place
                // rather than copied with every line.
                open = nil
                let previousEnded = endsSentence(block.text)
                if previousEnded && (startsWithSpace || isParagraphNumber(trimmed)) {
                    blocks.append(block)
                } else {
                    append(trimmed, line: line.number, to: &block)
                    open = block
                    continue
                }
            }
            // A new paragraph: after a blank line, or where a finished sentence is followed by an indented
            // or numbered line (hard-wrapped text with no blank line between paragraphs).
            open = Block(kind: .paragraph, text: trimmed, pieces: [.init(offset: 0, line: line.number)])
        }
        close()
        return blocks
    }

    /// `text.first?.isWhitespace == true`, from the first byte when it is ASCII and so is the next (it
    /// is then a Character alone; ASCII white space is U+0009–U+000D and the space).
    static func startsWithWhitespace(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, first < 0x80, first != 0x0D, bytes.count == 1 || bytes[bytes.index(after: bytes.startIndex)] < 0x80 else {
            return text.first?.isWhitespace == true
        }
        return first == 0x20 || (0x09...0x0D).contains(first)
    }

    static func append(_ piece: String, line: Int, to block: inout Block) {
        // Character counts add up where the scalars either side of the seam are ASCII (no two of them join
        // into one Character but CR LF, and neither end of a trimmed piece is a line break); elsewhere
        // the text is counted afresh.
        // The last scalar of a text is ASCII when its last byte is, and the first when its first byte is.
        let seamIsASCII = (block.text.lastByte ?? 0) < 0x80 && (piece.firstByte ?? 0) < 0x80
        if block.pieces.count == 1 {
            // The first join: the text is still the line's own (shared, so the first append copied it to
            // just the size it needed and the next grew it again) and the pieces an array of one. Room for
            // about eight lines like these two is made at once, and both then grow by doubling (room for
            // sixteen saved little more on the corpus).
            block.text.reserveCapacity(4 * (block.text.utf8.count + 1 + piece.utf8.count))
            block.pieces.reserveCapacity(8)
        }
        if block.text.lastByte == UInt8(ascii: "-"), block.text.hasSuffix("-"), block.text.dropLast().last?.isLetterQuickly == true {
            // A hyphenated break: most are real compounds ("multi-" / "disciplinary"), so the hyphen stays.
            block.pieces.append(.init(offset: seamIsASCII ? block.characterCount : block.text.count, line: line))
            block.text += piece
        } else {
            block.text += " "
            block.pieces.append(.init(offset: seamIsASCII ? block.characterCount + 1 : block.text.count, line: line))
            block.text += piece
        }
        block.characterCount = seamIsASCII ? block.pieces[block.pieces.count - 1].offset + TextScanning.characterCount(piece) : block.text.count
    }

    // MARK: - Joining paragraphs broken by page breaks, then naming headings

    static func join(_ raw: [Block]) -> [Block] {
        var blocks: [Block] = []
        for block in raw {
            if block.kind == .paragraph, let first = block.text.firstQuickly, first.isLowercaseQuickly,
               let target = blocks.lastIndex(where: { $0.kind == .paragraph || $0.kind == .listItem }),
               blocks[(target + 1)...].allSatisfy({ $0.kind == .gradeLine || $0.kind == .values && $0.text.trimmingWhitespace().count <= 3 }),
               !endsSentence(blocks[target].text) {
                var merged = blocks[target]
                for piece in block.pieces {
                    let start = block.text.index(block.text.startIndex, offsetBy: piece.offset)
                    let end = block.pieces.first { $0.offset > piece.offset }
                        .map { block.text.index(block.text.startIndex, offsetBy: $0.offset) } ?? block.text.endIndex
                    append(String(block.text[start..<end]).trimmingWhitespace(), line: piece.line, to: &merged)
                }
                blocks[target] = merged
                continue
            }
            blocks.append(block)
        }
        return blocks.map { block in
            var block = block
            if block.kind == .paragraph, isHeading(block) { block.kind = .heading }
            return block
        }
    }

    static func isHeading(_ block: Block) -> Bool {
        guard block.pieces.count <= 3, let first = block.text.firstQuickly, first.isUppercaseQuickly || first.isNumberQuickly else { return false }
        guard TextScanning.hasAtMostSpaceSeparated(20, block.text), TextScanning.hasAtMostCharacters(160, block.text), let last = block.text.lastQuickly else { return false }
        return !".!?;,:".contains(last) && !(last == "-")
    }
}

/// Page furniture: running headers and footers with page numbers, and footnote markers alone on a line.
struct Furniture {
    static let footnoteMarks: Set<Character> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    var lineNumbers: Set<Int> = []
    var runningHeaders: [Located<String>] = []

    init(_ lines: [ReportText.Line]) {
        var byText: [String: [(line: Int, page: Int)]] = [:]
        var order: [String] = []
        // The lines are read in place, by index, here and below: `for line in lines` copied each (both
        // its strings retained and released), though most are passed over at their first and last byte.
        for index in lines.indices {
            if Self.isNeitherMarksNorPageLine(lines[index].trimmed) { continue }
            let trimmed = lines[index].trimmed
            if !trimmed.isEmpty, trimmed.allSatisfy({ Self.footnoteMarks.contains($0) || $0 == " " }) {
                lineNumbers.insert(lines[index].number)
                continue
            }
            guard let (text, page) = Self.pageLine(trimmed) else { continue }
            let key = ReportText.folded(text)
            if byText[key] == nil { order.append(key) }
            byText[key, default: []].append((lines[index].number, page))
        }
        for key in order {
            let uses = byText[key]!
            guard Self.arePageNumbers(uses.map(\.page)) else { continue }
            lineNumbers.formUnion(uses.map(\.line))
            let text = lines[uses[0].line - 1].trimmed
            runningHeaders.append(Located(Self.pageLine(text)!.text, line: uses[0].line))
        }
        findHeadersBesidePageNumbers(lines)
    }

    /// Whether the bytes alone show that `trimmed` is neither a line of footnote marks nor a `pageLine`,
    /// as most lines are: it starts with an ASCII byte other than a space or a digit (so its first
    /// Character is no footnote mark, no space and no ASCII digit) and does not end in an ASCII digit (so
    /// its last Character is no ASCII digit either). The first or last Character of a `pageLine` is an
    /// ASCII digit, which is that byte alone.
    static func isNeitherMarksNorPageLine(_ trimmed: String) -> Bool {
        guard let first = trimmed.firstByte, let last = trimmed.lastByte else { return false }
        return first < 0x80 && first != UInt8(ascii: " ") && !TextScanning.isASCIIDigit(first) && !TextScanning.isASCIIDigit(last)
    }

    /// Two or more numbers, all different, rising: the page numbers of one running header.
    static func arePageNumbers(_ pages: [Int]) -> Bool {
        pages.count >= 2 && Set(pages).count == pages.count && pages == pages.sorted()
    }

    /// A header whose page number stands on a line of its own near it, as some PDF-to-text tools print
    /// them: the same line of three or more words repeated, each time within four lines of a lone
    /// number, the numbers rising.
    private mutating func findHeadersBesidePageNumbers(_ lines: [ReportText.Line]) {
        var uses: [String: [(line: Int, page: (line: Int, number: Int))]] = [:]
        var order: [String] = []
        let loneNumbers = lines.indices.map { Self.loneNumber(lines[$0]) }
        for index in lines.indices where !lines[index].isBlank && !lineNumbers.contains(lines[index].number) {
            guard let page = Self.loneNumber(near: index, in: loneNumbers),
                  TextScanning.spaceSeparatedCount(lines[index].trimmed) >= 3, !ReportDocument.endsSentence(lines[index].trimmed) else { continue }
            let key = ReportText.folded(lines[index].trimmed)
            if uses[key] == nil { order.append(key) }
            uses[key, default: []].append((lines[index].number, page))
        }
        for key in order {
            let found = uses[key]!
            guard Self.arePageNumbers(found.map(\.page.number)) else { continue }
            lineNumbers.formUnion(found.flatMap { [$0.line, $0.page.line] })
            runningHeaders.append(Located(lines[found[0].line - 1].trimmed, line: found[0].line))
        }
    }

    /// The nearest line within four lines of `index` that holds only a page number.
    private static func loneNumber(near index: Int, in loneNumbers: [(line: Int, number: Int)?]) -> (line: Int, number: Int)? {
        for distance in 1...4 {
            if index - distance >= 0, let found = loneNumbers[index - distance] { return found }
            if index + distance < loneNumbers.count, let found = loneNumbers[index + distance] { return found }
        }
        return nil
    }

    /// The line's number and the page number it holds, when it holds only a page number.
    private static func loneNumber(_ line: ReportText.Line) -> (line: Int, number: Int)? {
        let trimmed = line.trimmed
        guard (1...4).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let number = Int(trimmed) else { return nil }
        return (line.number, number)
    }

    /// A line of text with a page number before or after it, such as `Stoke-on-Trent joint area review   8`
    /// or `Page 3 of 20`: the text without the number, and the number.
    static func pageLine(_ trimmed: String) -> (text: String, page: Int)? {
        guard let first = trimmed.firstQuickly, let last = trimmed.lastQuickly, first.isASCII && first.isNumberQuickly || last.isASCII && last.isNumberQuickly else { return nil }
        let isPageOf = TextScanning.startsWith(trimmed, caseInsensitive: "page ")
        guard isPageOf || hasNumberBesideGap(trimmed) else { return nil }
        if ReportDocument.isGradeLine(trimmed) { return nil }
        if isPageOf, let match = trimmed.wholeMatch(of: Patterns.pageOf) {
            return ("page", Int(match.output.1) ?? 0)
        }
        return trimmed.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? asciiPageNumber(trimmed) : pageNumberByCharacter(trimmed)
    }

    /// Whether the bytes of `trimmed` end with one to four ASCII digits after a space or a tab, or start
    /// with them before one: what a page number beside its text needs, which most lines that start or
    /// end with a digit (numbered paragraphs, figures) lack. Exact as a test before `asciiPageNumber` and
    /// `pageNumberByCharacter`: each finds a number only where such a run of digit Characters stands
    /// beside a space or tab Character, and those Characters are those bytes (a digit joins a scalar
    /// before it only when that is a prepended mark, and then no space stands before the run).
    static func hasNumberBesideGap(_ trimmed: String) -> Bool {
        var text = trimmed
        return text.withUTF8 { bytes in
            func isGap(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var trailing = 0
            while trailing < bytes.count, TextScanning.isASCIIDigit(bytes[bytes.count - 1 - trailing]) { trailing += 1 }
            if (1...4).contains(trailing), trailing < bytes.count, isGap(bytes[bytes.count - 1 - trailing]) { return true }
            var leading = 0
            while leading < bytes.count, TextScanning.isASCIIDigit(bytes[leading]) { leading += 1 }
            return (1...4).contains(leading) && leading < bytes.count && isGap(bytes[leading])
        }
    }

    /// The page number at either end of a line and the text beside it, Character by Character: the
    /// definition `asciiPageNumber` agrees with.
    static func pageNumberByCharacter(_ trimmed: String) -> (text: String, page: Int)? {
        let trailing = trimmed.reversed().prefix { $0.isASCII && $0.isNumberQuickly }
        if (1...4).contains(trailing.count) {
            let text = trimmed.dropLast(trailing.count)
            let gap = text.reversed().prefix { $0 == " " || $0 == "\t" }.count
            if gap > 0, let page = Int(String(trailing.reversed())) {
                return accept(String(text.dropLast(gap)), gap: gap, page: page)
            }
        }
        let leading = trimmed.prefix { $0.isASCII && $0.isNumberQuickly }
        if (1...4).contains(leading.count) {
            let text = trimmed.dropFirst(leading.count)
            let gap = text.prefix { $0 == " " || $0 == "\t" }.count
            if gap > 0, let page = Int(leading) {
                return accept(String(text.dropFirst(gap)), gap: gap, page: page)
            }
        }
        return nil
    }

    /// The rest of `pageLine` for an ASCII line without CR, from its bytes: every byte is a Character,
    /// ASCII digits are its only numbers, and a run of at most four digits is a number.
    static func asciiPageNumber(_ trimmed: String) -> (text: String, page: Int)? {
        let bytes = Array(trimmed.utf8)
        let isDigit = TextScanning.isASCIIDigit
        func isGap(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func number(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let trailing = bytes.reversed().prefix(while: isDigit).count
        if (1...4).contains(trailing) {
            let end = bytes.count - trailing
            let gap = bytes[..<end].reversed().prefix(while: isGap).count
            if gap > 0 { return accept(text(0..<(end - gap)), gap: gap, page: number(bytes[end...])) }
        }
        let leading = bytes.prefix(while: isDigit).count
        if (1...4).contains(leading) {
            let gap = bytes[leading...].prefix(while: isGap).count
            if gap > 0 { return accept(text((leading + gap)..<bytes.count), gap: gap, page: number(bytes[..<leading])) }
        }
        return nil
    }

    private static func accept(_ text: String, gap: Int, page: Int) -> (text: String, page: Int)? {
        let words = TextScanning.spaceSeparatedCount(text)
        guard text.contains(where: \.isLetterQuickly), gap >= 2 || words >= 3, !ReportDocument.endsSentence(text) else { return nil }
        return (text, page)
    }
}
