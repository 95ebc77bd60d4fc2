import Foundation
import Testing
@testable import Render
import Site

/// The escapes, the sanitiser and slugs work on UTF-8 bytes for speed but promise the meaning of
/// working on `Character`s. These are the Character-by-Character versions they replaced, run side by
/// side with them on text full of the characters where bytes and Characters part ways: combining and
/// prepended marks next to markup characters, `\r\n`, the non-ASCII line breaks, emoji sequences.
enum CharacterReference {
    static let markdownSpecial: Set<Character> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "&", "~", "\"", "'", ":", "=", "$", "%", "@", "^",
    ]

    /// What `MarkdownText` escapes only at the line start (and `.` after `www`).
    static let markdownLineStartOnly: Set<Character> = ["-", "+", "=", ".", "{", "}", "$", "%", "^"]

    static func markdownEscape(_ text: String) -> String {
        enum Place { case leadingSpace, leadingDigits, rest }
        var place = Place.leadingSpace
        var escaped = ""
        var lastWasSpace = false
        // Scalars, not Characters: a prepended mark joins the `w` after it into one Character, and the
        // byte version still sees `www` (escaping one more `.` than needed is harmless).
        var previous: [Unicode.Scalar] = []
        for character in text {
            defer { previous += character.unicodeScalars }
            var atLineStart = false
            switch place {
            case .leadingSpace where character == " " || character == "\t" || character.isNewline:
                break
            case .leadingSpace where ("0"..."9").contains(character) && character.unicodeScalars.count == 1:
                place = .leadingDigits
            case .leadingSpace:
                atLineStart = true
                place = .rest
            case .leadingDigits where ("0"..."9").contains(character) && character.unicodeScalars.count == 1:
                break
            case .leadingDigits:
                atLineStart = character == "."
                place = .rest
            case .rest:
                break
            }
            if character.isNewline || character == "\t" {
                if !lastWasSpace { escaped.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = character == " "
            let afterWWW = previous.count >= 3 && previous.suffix(3).allSatisfy { $0 == "w" || $0 == "W" }
            if markdownSpecial.contains(character),
               atLineStart || !markdownLineStartOnly.contains(character) || (character == "." && afterWWW) {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        return escaped
    }

    /// The escaping before `MarkdownText` escaped some characters only at the line start: every
    /// special character, wherever it stands.
    static func markdownEscapeEverywhere(_ text: String) -> String {
        folding(text) { character, escaped in
            if markdownSpecial.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
    }

    static func htmlEscape(_ text: String) -> String {
        folding(text) { character, escaped in
            switch character {
            case "&": escaped.append("&amp;")
            case "<": escaped.append("&lt;")
            case ">": escaped.append("&gt;")
            case "\"": escaped.append("&quot;")
            case "'": escaped.append("&#39;")
            default: escaped.append(character)
            }
        }
    }

    static func folding(_ text: String, escaping append: (Character, inout String) -> Void) -> String {
        var escaped = ""
        var lastWasSpace = false
        for character in text {
            if character.isNewline || character == "\t" {
                if !lastWasSpace { escaped.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = character == " "
            append(character, &escaped)
        }
        return escaped
    }

    static func markup(_ text: String) -> String {
        var output = ""
        var literal = ""
        var open: [String] = []
        var pendingBreak = false
        var hasContent = false

        func emit(_ markup: String) {
            if pendingBreak, hasContent { output += "<br><br>" }
            pendingBreak = false
            hasContent = true
            output += markup
        }
        func flushLiteral() {
            guard !literal.isEmpty else { return }
            if literal.allSatisfy(\.isWhitespace) {
                if hasContent, !pendingBreak { output += " " }
            } else {
                let text = hasContent && !pendingBreak ? literal[...] : literal.drop { $0.isWhitespace }
                emit(markdownEscape(decodingEntities(String(text))))
            }
            literal = ""
        }
        func closeAll() {
            while let name = open.popLast() { output += "</\(name)>" }
        }

        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "<", let tag = ReportMarkup.Tag(parsing: text[index...]) else {
                literal.append(text[index])
                index = text.index(after: index)
                continue
            }
            index = text.index(index, offsetBy: tag.length)
            guard ReportMarkup.inlineTags.contains(tag.name) || ReportMarkup.breakTags.contains(tag.name) else {
                literal += tag.source
                continue
            }
            flushLiteral()
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
        flushLiteral()
        closeAll()
        return output
    }

    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            if let semicolon = rest.prefix(10).firstIndex(of: ";"),
               let character = ReportMarkup.entity(String(rest[rest.index(after: ampersand)..<semicolon])) {
                result.append(character)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    static func slug(_ text: String) -> String {
        let folded = text
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "’", with: "")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > 80 {
            slug = String(slug.prefix(80))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? "unnamed" : slug
    }
}

/// Pieces where bytes and Characters differ, mixed with markup and ordinary text.
enum ClusterText {
    static let pieces = [
        "<", ">", "&", ";", "*", ".", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{301}", "\u{308}", "\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{600}", "\u{D4E}", "\u{903}", "\u{A0}", "\u{3000}",
        "#\u{FE0F}\u{20E3}", "🇬🇧", "👩‍👧", "é", "e\u{301}", "’", "–", "•", "<b>", "</b>", "<i x='1'>", "<br/>", "<p>", "</P >",
        "<sup>", "<b\u{A0}>", "<b\u{301}>", "&amp;", "&#60;", "&#x3c;", "&nbsp;", "&amp\u{301};", "&lt", "a", "Word", "x1",
        "'", "\"", "[", "_", "|", "\\", "-", "+", "=", "%", "^", "{", "$", "1", "23", "w", "W", "www",
    ]

    static func make(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
}

@Suite struct CharacterMeaningTests {
    @Test(arguments: [
        ("*\u{301}", "*\u{301}"), ("a*", "a\\*"), ("\u{600}*", "\u{600}*"), ("a \n\u{2028}b", "a b"), ("\u{600} \nb", "\u{600}  b"),
        ("x\r\n\u{85}y", "x y"), ("#\u{FE0F}\u{20E3}*", "#\u{FE0F}\u{20E3}\\*"),
        ("#\u{FE0F}\u{20E3}.", "#\u{FE0F}\u{20E3}."), (".\u{301}-", ".\u{301}-"), ("\u{2028} -", "  \\-"),
    ])
    func markupCharacterInsideAClusterIsNotMarkup(text: String, escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }

    @Test func escapesMeanWhatTheCharacterVersionsMeant() {
        var random = SplitMix64(state: 11)
        for _ in 0..<20_000 {
            let text = ClusterText.make(&random)
            #expect(MarkdownText.escape(text) == CharacterReference.markdownEscape(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(HTMLText.escape(text) == CharacterReference.htmlEscape(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long runs of letters, digits and spaces, which the escapings pass over sixteen bytes at a time,
    /// with the other pieces at every place around those blocks.
    @Test func escapesOfLongTextMeanWhatTheCharacterVersionsMeant() {
        var random = SplitMix64(state: 14)
        let plain = ["word", "Words", " ", "2024", "a", "Z9", "  ", "z", "@", "`", "/", ":", "[", "{"]
        // Every ASCII character but letters, digits and the space, beside the pieces where bytes and
        // Characters differ.
        let others = ClusterText.pieces + (0..<128).map { String(UnicodeScalar(UInt8($0))) }.filter { !$0.first!.isLetter && !$0.first!.isNumber && $0 != " " }
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 8...80, using: &random)).map { _ in
                Int.random(in: 0..<6, using: &random) == 0 ? others.randomElement(using: &random)! : plain.randomElement(using: &random)!
            }.joined()
            #expect(MarkdownText.escape(text) == CharacterReference.markdownEscape(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(HTMLText.escape(text) == CharacterReference.htmlEscape(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(ReportMarkup.markdown(text) == CharacterReference.markup(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func sanitiserMeansWhatTheCharacterVersionMeant() {
        var random = SplitMix64(state: 12)
        for _ in 0..<20_000 {
            let text = ClusterText.make(&random)
            #expect(ReportMarkup.markdown(text) == CharacterReference.markup(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func slugsMeanWhatTheFoundationVersionMeant() {
        var random = SplitMix64(state: 13)
        for _ in 0..<5_000 {
            let text = ClusterText.make(&random) + HostileText.make(&random)
            #expect(Slug.make(text) == CharacterReference.slug(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
