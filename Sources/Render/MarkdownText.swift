import Foundation
import Mustache
import Site

/// Escaping for values placed into Markdown templates.
///
/// Every ASCII punctuation character that Markdown or GFM could read as syntax is backslash-escaped
/// where it could be read so, and line breaks become spaces, so a value is always one run of literal
/// text: it cannot open emphasis, a link, a heading, a list, a table cell or a raw HTML tag, whatever the
/// report said, wherever a template puts it (at the start of a line, after a list marker, inside
/// emphasis, in a table cell or a link title, next to another value).
///
/// Most characters are escaped wherever they stand. `- + = . { } $ % ^` mean something only where a
/// line starts (a list item, a setext underline, an ordered list's `1.`) or nowhere at all, so they are
/// escaped only as the first character of the value that is not a space, and `.` also after leading
/// digits and after `www` (which GFM would make a link). Report prose is full of full stops and
/// hyphens, and every escape splits cmark-gfm's text into three nodes: escaping them only where they
/// could matter renders the same HTML with a fraction of the work.
public enum MarkdownText {
    static let escapes = ASCIIEscapes(onlyWhereTheyStartALine: "-+=.{}$%^") { byte in
        "\\`*_{}[]()#+-.!|<>&~\"':=$%@^".utf8.contains(byte) ? [UInt8(ascii: "\\"), byte] : nil
    }
    public static func escape(_ text: String) -> String {
        foldingLineBreaks(text[...], escapes: escapes) ?? text
    }

    static func escape(_ text: Substring) -> String {
        foldingLineBreaks(text, escapes: escapes) ?? String(text)
    }
}

/// Escaping for values placed into HTML templates, including HTML partials included from Markdown.
///
/// Markup characters become entities, and line breaks become spaces: cmark-gfm passes an HTML block
/// through untouched only up to its first blank line, so a value must never contain one, or the rest of
/// the block would be read as Markdown.
public enum HTMLText {
    static let escapes = ASCIIEscapes { byte in
        switch UnicodeScalar(byte) {
        case "&": Array("&amp;".utf8)
        case "<": Array("&lt;".utf8)
        case ">": Array("&gt;".utf8)
        case "\"": Array("&quot;".utf8)
        case "'": Array("&#39;".utf8)
        default: nil
        }
    }

    public static func escape(_ text: String) -> String {
        foldingLineBreaks(text[...], escapes: escapes) ?? text
    }
}

/// What an escaping writes for each ASCII character: the character itself or its replacement.
struct ASCIIEscapes: Sendable {
    /// By byte: the replacement of an ASCII character, empty when it is written as it is.
    let replacements: [[UInt8]]
    /// By byte: whether the byte may need more than copying, as a replaced character, a control
    /// character or the lead byte of a non-ASCII line break does.
    let attention: [Bool]
    let longestReplacement: Int
    /// By byte: replaced only where it could start a line's syntax (see `MarkdownText`): as the text's
    /// first character that is not a space or line break, `.` after leading digits and after `www`.
    let onlyAtLineStart: [Bool]
    let hasLineStartEscapes: Bool

    init(onlyWhereTheyStartALine lineStart: StaticString = "", _ replacement: (UInt8) -> [UInt8]?) {
        replacements = (0..<128).map { replacement(UInt8($0)) ?? [] }
        let lineStartBytes = UnsafeBufferPointer(start: lineStart.utf8Start, count: lineStart.utf8CodeUnitCount)
        onlyAtLineStart = (0..<128).map { lineStartBytes.contains(UInt8($0)) }
        hasLineStartEscapes = !lineStartBytes.isEmpty
        let replacements = self.replacements
        let onlyAtLineStart = self.onlyAtLineStart
        attention = (0...255).map { (byte: Int) -> Bool in
            if byte < 0x20 || byte == 0xC2 || byte == 0xE2 { return true }
            // `.` is looked at everywhere, for the `www.` that follows no line start.
            return byte < 0x80 && !replacements[byte].isEmpty && (!onlyAtLineStart[byte] || byte == Int(UInt8(ascii: ".")))
        }
        longestReplacement = replacements.map(\.count).max() ?? 1
    }

    /// Whether the byte at `index`, which has a replacement, is replaced: always, unless it is one that
    /// only a line start makes syntax and it stands at none (`lineStartEnd` is where the text's line
    /// start ends) and is not the `.` of `www.`.
    func replaces(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lineStartEnd: Int) -> Bool {
        let byte = bytes[index]
        guard onlyAtLineStart[Int(byte)], index >= lineStartEnd else { return true }
        guard byte == UInt8(ascii: "."), index >= 3 else { return false }
        return bytes[index - 3] | 0x20 == UInt8(ascii: "w") && bytes[index - 2] | 0x20 == UInt8(ascii: "w")
            && bytes[index - 1] | 0x20 == UInt8(ascii: "w")
    }

    /// The end of the text's line start: the offset after its first character that is not a space, tab
    /// or line break (the character a line-start syntax would begin with), or, when that character is a
    /// digit, after the digits and a `.` that follows them (an ordered list's `1.`); 0 when the escaping
    /// escapes nothing only there.
    func lineStartEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard hasLineStartEscapes else { return 0 }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if TextScanning.isASCIISpace(byte) {
                index += 1
            } else if byte == 0xC2 || byte == 0xE2, index + UTF8Text.scalarLength(lead: byte) <= bytes.count,
                      UTF8Text.isLineBreak(bytes[index..<index + UTF8Text.scalarLength(lead: byte)]) {
                index += UTF8Text.scalarLength(lead: byte)
            } else {
                break
            }
        }
        guard index < bytes.count else { return index }
        guard TextScanning.isASCIIDigit(bytes[index]) else { return index + 1 }
        while index < bytes.count, TextScanning.isASCIIDigit(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ".") ? index + 1 : index
    }
}

/// Escapes `text` one character at a time, turning each run of line breaks and tabs into one space;
/// nil when nothing needs to change.
///
/// Works on UTF-8 bytes, with the meaning of working on `Character`s: a line break is any character
/// that `Character.isNewline` accepts, and an ASCII character is replaced only when it is a whole
/// character, not the start of a cluster such as `*` followed by a combining mark.
func foldingLineBreaks(_ text: Substring, escapes: ASCIIEscapes) -> String? {
    var text = text
    // The table through a buffer pointer: the loops below look up nearly every byte.
    return escapes.attention.withUnsafeBufferPointer { attention in text.withUTF8 { bytes -> String? in
        let count = bytes.count
        let lineStartEnd = escapes.lineStartEnd(bytes)
        /// The first byte at or after `from` that may need more than copying: at the line start, any byte
        /// with a replacement may; after it, those the table marks.
        func nextAttention(from: Int) -> Int {
            var index = from
            while index < lineStartEnd {
                let byte = bytes[index]
                if attention[Int(byte)] || (byte < 0x80 && !escapes.replacements[Int(byte)].isEmpty) { return index }
                index += 1
            }
            while index < count {
                // Sixteen letters, digits or spaces at a time, as most of a report's text is: none of them
                // needs more than copying in any escaping. A block with another byte is looked at byte by byte.
                if index + 16 <= count {
                    guard TextScanning.anyLane(UTF8Text.notLetterDigitOrSpace(TextScanning.vector(bytes, at: index))) else {
                        index += 16
                        continue
                    }
                    let end = index + 16
                    while index < end, !attention[Int(bytes[index])] { index += 1 }
                    if index < end { return index }
                    continue
                }
                if attention[Int(bytes[index])] { return index }
                index += 1
            }
            return index
        }
        let first = nextAttention(from: 0)
        if first == count { return nil }
        return String(unsafeUninitializedCapacity: count * max(escapes.longestReplacement, 1)) { escaped in
            var written = 0
            func write(_ run: UnsafeBufferPointer<UInt8>.SubSequence) {
                guard !run.isEmpty else { return }
                (escaped.baseAddress! + written).update(from: run.base.baseAddress! + run.startIndex, count: run.count)
                written += run.count
            }
            func put(_ byte: UInt8) {
                escaped[written] = byte
                written += 1
            }
            var index = 0
            var runEnd = first
            while true {
                write(bytes[index..<runEnd])
                index = runEnd
                guard index < count else { break }
                let byte = bytes[index]
                var length = 1
                if byte < 0x80 {
                    if byte == 0x09 || (0x0A...0x0D).contains(byte) {
                        if !UTF8Text.followsFoldedSpace(bytes, at: index) { put(0x20) }
                    } else if !escapes.replacements[Int(byte)].isEmpty, escapes.replaces(bytes, at: index, lineStartEnd: lineStartEnd),
                              UTF8Text.isWholeCharacter(bytes, at: index) {
                        escapes.replacements[Int(byte)].withUnsafeBufferPointer { write($0[...]) }
                    } else {
                        put(byte)
                    }
                } else {
                    length = min(UTF8Text.scalarLength(lead: byte), count - index)
                    if UTF8Text.isLineBreak(bytes[index..<index + length]) {
                        if !UTF8Text.followsFoldedSpace(bytes, at: index) { put(0x20) }
                    } else {
                        write(bytes[index..<index + length])
                    }
                }
                index += length
                runEnd = nextAttention(from: index)
            }
            return written
        }
    } }
}

/// Character questions answered on UTF-8 bytes, for text that is mostly ASCII.
enum UTF8Text {
    /// 0x80 in each lane of `lanes` that is not an ASCII letter, digit or space, 0 in every other.
    ///
    /// A byte lies in `low..<low + count` (`count` at most 0x80) when `byte &- low` is below `count`:
    /// that difference and `difference &+ (0x80 - count)` then both have their high bit clear, and for
    /// any byte outside one of them has it set. Letters are found in lower case (`| 0x20` makes no other
    /// byte a letter).
    @inline(__always)
    static func notLetterDigitOrSpace(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let letters = inRange(lanes | SIMD16(repeating: 0x20), from: UInt8(ascii: "a"), count: 26)
        let digits = inRange(lanes, from: UInt8(ascii: "0"), count: 10)
        let spaces = TextScanning.zeroLanes(lanes ^ SIMD16(repeating: 0x20))
        return ~(letters | digits | spaces) & SIMD16(repeating: 0x80)
    }

    /// 0x80 in each lane of `lanes` in `low..<low + count`, 0 in every other (see `notLetterDigitOrSpace`).
    @inline(__always)
    private static func inRange(_ lanes: SIMD16<UInt8>, from low: UInt8, count: UInt8) -> SIMD16<UInt8> {
        let difference = lanes &- SIMD16(repeating: low)
        return ~(difference | (difference &+ SIMD16(repeating: 0x80 - count))) & SIMD16(repeating: 0x80)
    }

    /// The UTF-8 offsets in `text` of the ASCII character `ascii` where it stands as a whole character.
    static func offsets(ofWholeCharacter ascii: UInt8, in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var offsets: [Int] = []
            var from = 0
            // By `memchr`: most paragraphs hold none, and the rest few.
            while from < bytes.count, let found = memchr(base + from, Int32(ascii), bytes.count - from) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if isWholeCharacter(bytes, at: offset) { offsets.append(offset) }
                from = offset + 1
            }
            return offsets
        }
    }

    /// Whether the ASCII character at `index` is a whole `Character`: not joined to a neighbour, as a
    /// combining mark after it or a prepended mark before it would join it (`\r\n` is one character too,
    /// but callers treat line breaks apart).
    static func isWholeCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80,
           !isBoundary(UnicodeScalar(bytes[index]), scalar(in: bytes, startingAt: index + 1)) {
            return false
        }
        if index > 0, bytes[index - 1] >= 0x80, !isBoundary(scalar(in: bytes, endingBefore: index), UnicodeScalar(bytes[index])) {
            return false
        }
        return true
    }

    /// Whether two scalars are separate characters when they stand side by side.
    static func isBoundary(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        return String(pair).count == 2
    }

    static func scalarLength(lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int) -> Unicode.Scalar {
        let end = min(index + scalarLength(lead: bytes[index]), bytes.count)
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first!
    }

    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, endingBefore index: Int) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.last!
    }

    /// Whether the character before `index` is a space or a line break, so that a line break at
    /// `index` adds no space of its own.
    static func followsFoldedSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index > 0 else { return false }
        switch bytes[index - 1] {
        case 0x09...0x0D: return true
        case 0x20: return isWholeCharacter(bytes, at: index - 1)
        case 0x85: return index >= 2 && bytes[index - 2] == 0xC2
        case 0xA8, 0xA9: return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80
        default: return false
        }
    }

    /// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: the non-ASCII characters `Character.isNewline` accepts.
    static func isLineBreak(_ scalar: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        scalar.elementsEqual([0xC2, 0x85]) || scalar.elementsEqual([0xE2, 0x80, 0xA8]) || scalar.elementsEqual([0xE2, 0x80, 0xA9])
    }
}

/// The `MARKDOWN` content type for swift-mustache: `{{value}}` escapes for Markdown, `{{{value}}}` does not.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }

    static let name = "MARKDOWN"
    /// swift-mustache keeps content types in a process-wide, lock-protected table; registering
    /// through a `static let` does it exactly once, before any template is parsed.
    static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}

/// The `HTML_TEXT` content type: `{{value}}` escapes for HTML and folds line breaks (see `HTMLText`).
struct HTMLTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    static let name = "HTML_TEXT"
    static let registration: Void = MustacheContentTypes.register(HTMLTextContentType(), named: name)
}
