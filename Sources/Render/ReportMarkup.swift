import Site

/// A paragraph of report text as Markdown that shows exactly what the report says, keeping only the
/// inline formatting real reports use.
///
/// Report text is untrusted. Everything in it is escaped for Markdown (see `MarkdownText`) except the
/// tags `i`, `b`, `em`, `strong`, `sup` and `sub`, which are kept with every attribute removed and are
/// always balanced (a stray closing tag is dropped, an unclosed one is closed at the end), and `br` and
/// `p`, which become line breaks (`<br>`, and `<br><br>` between paragraphs), because the text is already
/// inside a paragraph. Any other tag, a comment or a malformed tag is shown as the literal text it is.
/// The result is one line, so it can stand anywhere a paragraph can. Markdown with this output must be
/// converted with raw HTML allowed for the kept tags to survive; nothing else in it is raw HTML.
public enum ReportMarkup {
    static let inlineTags: Set<String> = ["i", "b", "em", "strong", "sup", "sub"]
    static let breakTags: Set<String> = ["p", "br"]
    /// A tag longer than this is not one a report would hold; it is shown as text.
    static let longestTag = 200

    public static func markdown(_ text: String) -> String {
        // Most paragraphs hold no tag and no character reference: then they are their text escaped, from
        // its first Character that is not white space, which the steps below give too.
        if !TextScanning.containsByte(text, UInt8(ascii: "<")), !TextScanning.containsByte(text, UInt8(ascii: "&")) {
            guard text.firstQuickly?.isWhitespace == true else { return MarkdownText.escape(text) }
            return MarkdownText.escape(text.drop { $0.isWhitespace })
        }
        var output = ""
        var open: [String] = []
        var pendingBreak = false
        var hasContent = false
        // The literal text not yet written, which always runs from here to the next kept tag: a tag
        // that is not kept is shown as the text it is.
        var literalStart = text.startIndex

        func emit(_ markup: String) {
            if pendingBreak, hasContent { output += "<br><br>" }
            pendingBreak = false
            hasContent = true
            output += markup
        }
        func flushLiteral(upTo end: String.Index) {
            let literal = text[literalStart..<end]
            guard !literal.isEmpty else { return }
            if literal.allSatisfy(\.isWhitespace) {
                if hasContent, !pendingBreak { output += " " }
            } else {
                let shown = hasContent && !pendingBreak ? literal : literal.drop { $0.isWhitespace }
                emit(MarkdownText.escape(decodingEntities(shown)))
            }
        }
        func closeAll() {
            while let name = open.popLast() { output += "</\(name)>" }
        }

        var index = text.startIndex
        for offset in UTF8Text.offsets(ofWholeCharacter: UInt8(ascii: "<"), in: text) {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            guard start >= index, let tag = Tag(parsing: text[start...]) else { continue }
            index = text.index(start, offsetBy: tag.length)
            guard inlineTags.contains(tag.name) || breakTags.contains(tag.name) else { continue }
            flushLiteral(upTo: start)
            literalStart = index
            switch (tag.name, tag.isClosing) {
            case ("br", _):
                if hasContent { output += "<br>" }
            case ("p", _):
                closeAll()
                pendingBreak = true
            case (let name, false):
                emit("<\(name)>")
                open.append(name)
            case (let name, true):
                guard let position = open.lastIndex(of: name) else { continue }
                while open.count > position { output += "</\(open.removeLast())>" }
            }
        }
        flushLiteral(upTo: text.endIndex)
        closeAll()
        return output
    }

    /// The character references that text copied from HTML holds, decoded so they show as characters:
    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;` and numeric references. Others stay as written.
    static func decodingEntities(_ text: Substring) -> Substring {
        guard TextScanning.containsByte(text, UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = text
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            if let semicolon = rest.prefix(10).firstIndex(of: ";"),
               let character = entity(String(rest[rest.index(after: ampersand)..<semicolon])) {
                result.append(character)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return Substring(result + rest)
    }

    static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value >= 0x20, let scalar = Unicode.Scalar(value) else { return nil }
            return Character(scalar)
        }
    }

    /// An HTML start or end tag at the start of some text: `<b>`, `</B >`, `<em class="x">`, `<br/>`.
    struct Tag {
        var name: String
        var isClosing: Bool
        /// The tag as written, and its length in characters.
        var source: Substring
        var length: Int

        init?(parsing text: Substring) {
            var index = text.index(after: text.startIndex)
            var count = 1
            func advance() { index = text.index(after: index); count += 1 }
            isClosing = index < text.endIndex && text[index] == "/"
            if isClosing { advance() }
            var name = ""
            while index < text.endIndex, text[index].isASCII, text[index].isLetter || (!name.isEmpty && text[index].isNumber) {
                name.append(text[index])
                advance()
            }
            guard !name.isEmpty, index < text.endIndex else { return nil }
            guard text[index] == ">" || text[index] == "/" || text[index].isWhitespace else { return nil }
            while index < text.endIndex, text[index] != ">" {
                guard text[index] != "<", count < ReportMarkup.longestTag else { return nil }
                advance()
            }
            guard index < text.endIndex else { return nil }
            advance()
            self.name = name.lowercased()
            self.source = text[..<index]
            self.length = count
        }
    }
}
