import Site

/// The key-fact patterns (`Patterns.childrenLookedAfter`, `Patterns.childProtectionPlans`) matched over
/// the bytes of a paragraph, which is many times faster than the regular expressions.
///
/// The scanner decides only what it can decide exactly as the regular expression would, with its
/// Unicode semantics: `\b` is Unicode's default word boundary (no boundary inside "1,234" or before the
/// "5" of "1.5", nor after "care" in "care's"), `\s` and `\d` take Unicode white space and digits,
/// and characters are grapheme clusters. Wherever a character outside ASCII could change the answer
/// (other than the curly quotes and dashes reports are full of), it answers `unsure` and the caller
/// asks the regular expression. Tests compare the two on every paragraph of the bundled reports and on
/// made-up edge cases.
enum KeyFactScanner {
    enum Fact {
        /// "12 children looked after", "… are in care".
        case lookedAfter
        /// "34 children were subject to a child protection plan".
        case protectionPlans
    }

    enum Answer: Equatable {
        /// The first match's number, as a byte range of the text.
        case match(Range<Int>)
        case noMatch
        /// A character outside ASCII stands where it could change the answer.
        case unsure
    }

    static func firstMatch(_ fact: Fact, in text: String) -> Answer {
        var text = text
        return text.withUTF8 { firstMatch(fact, in: $0) }
    }

    static func firstMatch(_ fact: Fact, in bytes: UnsafeBufferPointer<UInt8>) -> Answer {
        var from = 0
        while let found = TextScanning.firstIndex(of: "children", caseInsensitiveIn: bytes, from: from) {
            from = found + 1
            var scan = Scan(bytes: bytes)
            let number = scan.number(before: found)
            if scan.unsure { return .unsure }
            guard let number else { continue }
            scan.position = found + "children".utf8.count
            let matched = fact == .lookedAfter ? scan.lookedAfterTail() : scan.protectionPlansTail()
            if scan.unsure { return .unsure }
            if matched { return .match(number) }
        }
        return .noMatch
    }

    /// A cursor over the bytes that records when a byte outside ASCII made a step undecidable.
    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var unsure = false

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }

        /// Whether the three bytes at `index` are a curly quote or an en or em dash: punctuation that is
        /// neither white space, nor a digit, nor part of a word, nor joined to the character before it.
        func isPlainPunctuation(at index: Int) -> Bool {
            guard index >= 0, index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80 else { return false }
            return [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D].contains(bytes[index + 2])
        }

        /// The number of `\b([0-9][\d,]*)\s+` before "children" at `end`, as a byte range; nil when there
        /// is none.
        mutating func number(before end: Int) -> Range<Int>? {
            var spaceStart = end
            while spaceStart > 0, TextScanning.isASCIISpace(bytes[spaceStart - 1]) { spaceStart -= 1 }
            if spaceStart > 0, bytes[spaceStart - 1] >= 0x80 {
                // Unicode white space or digits may go on before; a curly quote or dash ends both.
                if !(spaceStart >= 3 && isPlainPunctuation(at: spaceStart - 3)) { unsure = true }
                return nil
            }
            guard spaceStart < end else { return nil }
            var runStart = spaceStart
            while runStart > 0, Self.isDigit(bytes[runStart - 1]) || bytes[runStart - 1] == UInt8(ascii: ",") { runStart -= 1 }
            guard runStart < spaceStart else { return nil }
            if runStart > 0, bytes[runStart - 1] >= 0x80, !(runStart >= 3 && isPlainPunctuation(at: runStart - 3)) {
                unsure = true
                return nil
            }
            for start in runStart..<spaceStart where Self.isDigit(bytes[start]) {
                if boundary(beforeDigitAt: start) { return start..<spaceStart }
                if unsure { return nil }
            }
            return nil
        }

        /// Unicode's default word boundary before the digit at `index`, whose preceding byte is ASCII or
        /// ends a curly quote or dash.
        private mutating func boundary(beforeDigitAt index: Int) -> Bool {
            guard index > 0 else { return true }
            let before = bytes[index - 1]
            // "1,5", "1.5", "1;5", "1'5" and "5’12" are one number (WB11): no boundary after a digit and one of these.
            let joinerStart: Int
            if before >= 0x80 {
                // The end of a curly quote or dash (checked by the caller).
                guard before == 0x98 || before == 0x99 else { return true }
                joinerStart = index - 3
            } else {
                if Self.isWordByte(before) { return false }
                guard before == UInt8(ascii: ",") || before == UInt8(ascii: ".") || before == UInt8(ascii: ";") || before == UInt8(ascii: "'") else { return true }
                joinerStart = index - 1
            }
            guard joinerStart > 0 else { return true }
            let digit = bytes[joinerStart - 1]
            if digit >= 0x80 { unsure = true; return false }  // perhaps a digit of another script
            return !Self.isDigit(digit)
        }

        /// Unicode's default word boundary after a word ending in an ASCII letter at `position`.
        private mutating func boundaryAfterWord() -> Bool {
            guard position < bytes.count else { return true }
            let next = bytes[position]
            if Self.isWordByte(next) { return false }
            var joiner: Int?  // a character that joins letters on both sides into one word (WB6, WB7)
            if next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next == UInt8(ascii: "'") {
                joiner = position + 1
            } else if next >= 0x80 {
                guard isPlainPunctuation(at: position) else { unsure = true; return false }
                if bytes[position + 2] == 0x98 || bytes[position + 2] == 0x99 { joiner = position + 3 }
            }
            guard let after = joiner, after < bytes.count else { return true }
            if bytes[after] >= 0x80 { unsure = true; return false }
            return !Self.isLetter(bytes[after])
        }

        /// `\s+`: at least one white space character.
        private mutating func spaces() -> Bool {
            let start = position
            while position < bytes.count, TextScanning.isASCIISpace(bytes[position]) { position += 1 }
            if position < bytes.count, bytes[position] >= 0x80, !isPlainPunctuation(at: position) {
                unsure = true
                return false
            }
            return position > start
        }

        /// The letters of `word` in any case, without looking past them.
        private mutating func word(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else {
                if bytes[position...].contains(where: { $0 >= 0x80 }) { unsure = true }
                return false
            }
            let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count {
                let byte = bytes[position + offset]
                if byte >= 0x80 {
                    if !isPlainPunctuation(at: position + offset) { unsure = true }
                    return false
                }
                if byte | 0x20 != letters[offset] { return false }
            }
            position += count
            return true
        }

        /// Tries `steps` from the current position; on failure the position goes back.
        private mutating func attempt(_ steps: (inout Scan) -> Bool) -> Bool {
            let saved = position
            if steps(&self), !unsure { return true }
            position = saved
            return false
        }

        /// `(?:\s+and\s+young\s+people)?\s+(?:were\s+|are\s+)?`, after "children".
        private mutating func subjectAndVerb() -> Bool {
            _ = attempt { $0.spaces() && $0.word("and") && $0.spaces() && $0.word("young") && $0.spaces() && $0.word("people") && $0.nextIsSpace() }
            guard !unsure, spaces() else { return false }
            _ = attempt { $0.word("were") && $0.spaces() } || attempt { $0.word("are") && $0.spaces() }
            return !unsure
        }

        /// Whether white space follows, without taking it.
        private mutating func nextIsSpace() -> Bool {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            if byte >= 0x80, !isPlainPunctuation(at: position) { unsure = true }
            return TextScanning.isASCIISpace(byte)
        }

        /// The rest of `childrenLookedAfter`: `… (?:being\s+)?(?:accommodated\s+or\s+)?(?:looked[\s-]after|in\s+care)\b`.
        mutating func lookedAfterTail() -> Bool {
            guard subjectAndVerb() else { return false }
            _ = attempt { $0.word("being") && $0.spaces() }
            guard !unsure else { return false }
            _ = attempt { $0.word("accommodated") && $0.spaces() && $0.word("or") && $0.spaces() }
            guard !unsure else { return false }
            if attempt({ $0.word("looked") && $0.lookedJoin() && $0.word("after") && $0.boundaryAfterWord() }) { return true }
            guard !unsure else { return false }
            return attempt { $0.word("in") && $0.spaces() && $0.word("care") && $0.boundaryAfterWord() }
        }

        /// `[\s-]`: one white space character or a hyphen.
        private mutating func lookedJoin() -> Bool {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            if byte >= 0x80 {
                if !isPlainPunctuation(at: position) { unsure = true }
                return false
            }
            guard TextScanning.isASCIISpace(byte) || byte == UInt8(ascii: "-") else { return false }
            position += 1
            return true
        }

        /// The rest of `childProtectionPlans`: `… (?:on|had|have|(?:the\s+)?subject\s+(?:to|of))\s+(?:an?\s+|the\s+)?child\s+protection\s+(?:plans?|register)\b`.
        mutating func protectionPlansTail() -> Bool {
            guard subjectAndVerb() else { return false }
            let verb = attempt { $0.word("on") && $0.spaces() } || attempt { $0.word("had") && $0.spaces() }
                || attempt { $0.word("have") && $0.spaces() }
                || attempt { scan in
                    _ = scan.attempt { $0.word("the") && $0.spaces() }
                    guard !scan.unsure else { return false }
                    return scan.word("subject") && scan.spaces() && (scan.word("to") || scan.word("of")) && scan.spaces()
                }
            guard verb, !unsure else { return false }
            _ = attempt { $0.word("an") && $0.spaces() } || attempt { $0.word("a") && $0.spaces() } || attempt { $0.word("the") && $0.spaces() }
            guard !unsure, word("child"), spaces(), word("protection"), spaces() else { return false }
            if attempt({ $0.word("plans") && $0.boundaryAfterWord() }) { return true }
            guard !unsure else { return false }
            if attempt({ $0.word("plan") && $0.boundaryAfterWord() }) { return true }
            guard !unsure else { return false }
            return attempt { $0.word("register") && $0.boundaryAfterWord() }
        }
    }
}
