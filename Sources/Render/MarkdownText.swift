import Mustache

/// Escaping for values placed into Markdown templates.
///
/// Every ASCII punctuation character that Markdown or GFM could read as syntax is backslash-escaped, and
/// line breaks become spaces, so a value is always one run of literal text: it cannot open emphasis, a
/// link, a heading, a table cell or a raw HTML tag, whatever the report said.
public enum MarkdownText {
    static let special: Set<UInt8> = Set("\\`*_{}[]()#+-.!|<>&~\"':=$%@^".utf8)
    static let escapes = ASCIIEscapes { special.contains($0) ? [UInt8(ascii: "\\"), $0] : nil }

    public static func escape(_ text: String) -> String {
        foldingLineBreaks(text[...], escapes: escapes)
    }

    static func escape(_ text: Substring) -> String {
        foldingLineBreaks(text, escapes: escapes)
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
        foldingLineBreaks(text[...], escapes: escapes)
    }
}

/// What an escaping writes for each ASCII character: the character itself (nil) or its replacement.
struct ASCIIEscapes: Sendable {
    let replacements: [[UInt8]?]

    init(_ replacement: (UInt8) -> [UInt8]?) {
        replacements = (0..<128).map { replacement(UInt8($0)) }
    }
}

/// Escapes `text` one character at a time, turning each run of line breaks and tabs into one space.
///
/// Works on UTF-8 bytes, with the meaning of working on `Character`s: a line break is any character
/// that `Character.isNewline` accepts, and an ASCII character is replaced only when it is a whole
/// character, not the start of a cluster such as `*` followed by a combining mark.
func foldingLineBreaks(_ text: Substring, escapes: ASCIIEscapes) -> String {
    var text = text
    return text.withUTF8 { bytes -> String in
        let count = bytes.count
        // Text that needs no change, the common case for names and URLs, is returned as it is.
        var first = 0
        while first < count {
            let byte = bytes[first]
            if byte < 0x20 || byte == 0xC2 || byte == 0xE2 || (byte < 0x80 && escapes.replacements[Int(byte)] != nil) { break }
            first += 1
        }
        if first == count { return String(decoding: bytes, as: UTF8.self) }

        var escaped: [UInt8] = []
        escaped.reserveCapacity(count + count / 8 + 8)
        escaped.append(contentsOf: bytes[..<first])
        var lastWasSpace = first > 0 && bytes[first - 1] == 0x20 && UTF8Text.isWholeCharacter(bytes, at: first - 1)
        var index = first
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if byte == 0x09 || (0x0A...0x0D).contains(byte) {
                    if !lastWasSpace { escaped.append(0x20) }
                    lastWasSpace = true
                } else if byte == 0x20 {
                    lastWasSpace = UTF8Text.isWholeCharacter(bytes, at: index - 1)
                    escaped.append(byte)
                } else {
                    lastWasSpace = false
                    if let replacement = escapes.replacements[Int(byte)], UTF8Text.isWholeCharacter(bytes, at: index - 1) {
                        escaped.append(contentsOf: replacement)
                    } else {
                        escaped.append(byte)
                    }
                }
                continue
            }
            let length = UTF8Text.scalarLength(lead: byte)
            let end = min(index + length, count)
            if UTF8Text.isLineBreak(bytes[index..<end]) {
                if !lastWasSpace { escaped.append(0x20) }
                lastWasSpace = true
            } else {
                escaped.append(contentsOf: bytes[index..<end])
                lastWasSpace = false
            }
            index = end
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

/// Character questions answered on UTF-8 bytes, for text that is mostly ASCII.
enum UTF8Text {
    /// The UTF-8 offsets in `text` of the ASCII character `ascii` where it stands as a whole character.
    static func offsets(ofWholeCharacter ascii: UInt8, in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            bytes.indices.filter { bytes[$0] == ascii && isWholeCharacter(bytes, at: $0) }
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
