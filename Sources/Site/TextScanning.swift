#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// String work that reading thousands of reports does on every line, done on Unicode scalars and UTF-8
/// bytes rather than through Foundation's bridging or grapheme breaking, with the same results.
extension StringProtocol {
    /// `trimmingWhitespace()`: no tab or space separator (Unicode `Zs`) at either end.
    public func trimmingWhitespace() -> String {
        trimming(TextScanning.isWhitespace)
    }

    /// `trimmingWhitespaceAndNewlines()`: also no line or paragraph break at either end.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming(TextScanning.isWhitespaceOrNewline)
    }

    /// The text without the scalars `isTrimmed` picks at either end, as `trimmingCharacters(in:)` with the
    /// set of those scalars.
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        trimming(isTrimmed)
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = Substring(self)
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex, let whole = self as? String { return whole }
        return String(text.unicodeScalars[start..<end])
    }

    /// Whether every byte is ASCII.
    @inlinable public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { TextScanning.isASCII($0) } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension StringProtocol {
    /// `body` of the text's UTF-8, borrowed where it stands (a native String's, and a Substring's of one,
    /// always is; other text is copied into an array first). `String.withUTF8`, being mutating, wants a
    /// copy of the String, whose storage is then retained and released on every call.
    @inlinable public func withBorrowedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// `utf8.first`, from the contiguous bytes of a native String rather than through the view's indices.
    @inlinable public var firstByte: UInt8? {
        utf8.withContiguousStorageIfAvailable { $0.first } ?? utf8.first
    }

    /// `utf8.last`, as `firstByte` reads it.
    @inlinable public var lastByte: UInt8? {
        utf8.withContiguousStorageIfAvailable { $0.last } ?? utf8.last
    }

    /// `first`, from the first byte when it and the byte after it are ASCII and it is no CR (no two
    /// ASCII bytes make one Character but CR LF): most lines start so, and `first` breaks graphemes.
    public var firstQuickly: Character? {
        // From the contiguous bytes (a native String's): nil answers "ask `first`".
        let quick = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let byte = bytes.first, byte < 0x80, byte != 0x0D, bytes.count == 1 || bytes[1] < 0x80 else { return nil }
            return Int(byte)
        } ?? nil
        return quick.map { String.asciiCharacters[$0] } ?? first
    }

    /// `last`, from the last byte when it and the byte before it are ASCII and it is no LF.
    public var lastQuickly: Character? {
        let quick = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let byte = bytes.last, byte < 0x80, byte != 0x0A, bytes.count == 1 || bytes[bytes.count - 2] < 0x80 else { return nil }
            return Int(byte)
        } ?? nil
        return quick.map { String.asciiCharacters[$0] } ?? last
    }

    /// The Character of each ASCII byte, made once: making one from its scalar costs more than `first`.
    private static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
}

public enum TextScanning {
    /// A member of `CharacterSet.whitespaces` as Foundation defines it: tab, space, no-break space, the
    /// space separators of U+1680 and U+2000–U+200A, zero width space, U+202F, U+205F and U+3000.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return isWideSpace(value)
    }

    /// A member of `CharacterSet.whitespacesAndNewlines`: also U+000A–U+000D, U+0085 and the line and
    /// paragraph separators U+2028 and U+2029.
    @inline(__always)
    public static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return isWideSpace(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    @inline(__always)
    private static func isWideSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether some scalar may join the one before it (or after it) in one `Character`: a combining or
    /// spacing mark, a grapheme extender, a zero width joiner, an emoji modifier or a prepended
    /// concatenation mark. Text without any is one `Character` per scalar, apart from CR LF and the runs of
    /// Hangul jamo and regional indicators, so an algorithm on its scalars that treats only white space,
    /// quotes, dashes and ASCII specially gives what the same algorithm on its Characters gives.
    @inlinable
    public static func mayJoinScalars(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        scalars.contains { $0.value >= 0x300 && scalarMayJoin($0) }
    }

    /// `mayJoinScalars` of one scalar of U+0300 or above.
    @inlinable
    public static func scalarMayJoin(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Thai and Lao SARA AM are letters (Lo) that join the consonant before them (a SpacingMark for
        // grapheme breaking).
        if value == 0x200D || (0x1F3FB...0x1F3FF).contains(value) || (0x600...0x8FF).contains(value)
            || value == 0xD4E || value == 0xE33 || value == 0xEB3 || (0x11000...0x11FFF).contains(value) { return true }
        let properties = scalar.properties
        if properties.isGraphemeExtend { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether no scalar of valid UTF-8 `bytes` beyond ASCII is white space or could join a neighbour
    /// into one Character (`scalarMayJoin`): text that splits into words, and has its white space at either
    /// end, at its ASCII bytes alone.
    public static func scalarsBeyondASCIIStandAlone(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var standAlone = true
        forEachScalar(atLeast: 0xC2, in: bytes) { scalar in
            standAlone = !isUnicodeWhitespace(scalar) && (scalar.value < 0x300 || !scalarMayJoin(scalar))
            return standAlone
        }
        return standAlone
    }

    /// `mayJoinScalars` of a string's scalars, from its UTF-8: only a scalar written with a lead byte of
    /// 0xCC or more (U+0300 and above) is decoded and looked at.
    public static func mayJoinScalars(_ scalars: String.UnicodeScalarView) -> Bool {
        var text = String(scalars)
        return text.withUTF8 { bytes in
            var found = false
            forEachScalar(atLeast: 0xCC, in: bytes) { scalar in
                found = scalarMayJoin(scalar)
                return !found
            }
            return found
        }
    }

    /// Calls `body` with each scalar of valid UTF-8 `bytes` whose lead byte is at least `lead` (0xC2 for
    /// every scalar beyond ASCII), in order, while it returns true.
    public static func forEachScalar(atLeast lead: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) {
        var index = 0
        let high = SIMD16<UInt8>(repeating: 0x80)
        while index < bytes.count {
            // Sixteen bytes none of which is 0xC0 or more (both top bits set) would each be stepped over.
            if index + 16 <= bytes.count {
                let lanes = vector(bytes, at: index)
                if !anyLane(lanes & (lanes &<< 1) & high) {
                    index += 16
                    continue
                }
            }
            let byte = bytes[index]
            guard byte >= lead, byte >= 0xC0 else { index += 1; continue }
            guard let (scalar, length) = scalar(in: bytes, at: index) else { return }
            if !body(scalar) { return }
            index += length
        }
    }

    /// The scalar whose UTF-8 starts with the lead byte (0xC0 or more) at `index` of valid UTF-8 `bytes`,
    /// and the length of its sequence; nil where the sequence runs past the end.
    @inlinable
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// Whether `bytes` hold `needle` (ASCII, lower case) at `start`, in any mix of upper and lower case
    /// ASCII letters.
    @inlinable
    public static func matches(_ needle: UnsafeBufferPointer<UInt8>, caseInsensitiveIn bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start >= 0, start + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where lowered(bytes[start + offset]) != needle[offset] { return false }
        return true
    }

    /// `matches` of a literal.
    @inlinable
    public static func matches(_ needle: StaticString, caseInsensitiveIn bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        matches(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), caseInsensitiveIn: bytes, at: start)
    }

    /// Whether `text` holds `byte` in its UTF-8: `text.utf8.contains(byte)` with `memchr`, which is many
    /// times faster on long text than stepping through the UTF-8 view.
    public static func containsByte(_ text: some StringProtocol, _ byte: UInt8) -> Bool { containsByteImplementation(text, byte) }

    /// `text.split(separator: separator, omittingEmptySubsequences: false)` for an ASCII separator, found
    /// by its byte where no scalar could join it into a longer Character (then each such byte is a
    /// Character of its own, and the pieces are the same); by Characters otherwise.
    public static func split(_ text: Substring, atASCII separator: Character) -> [Substring] {
        guard let byte = separator.asciiValue,
              !text.utf8.contains(where: { $0 >= 0x80 }) || !mayJoinScalars(text.unicodeScalars) else {
            return text.split(separator: separator, omittingEmptySubsequences: false)
        }
        let utf8 = text.utf8
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == byte {
                parts.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    /// `containsByte` of a String, specialised (the generic form's dispatch costs more than the work on a line).
    public static func containsByte(_ text: String, _ byte: UInt8) -> Bool { containsByteImplementation(text, byte) }

    private static func containsByteImplementation<T: StringProtocol>(_ text: T, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
            ?? text.utf8.contains(byte)
    }

    /// `text.split(separator: " ").count`, from the bytes unless some scalar could join a space into a
    /// longer Character.
    public static func spaceSeparatedCount(_ text: some StringProtocol) -> Int { spaceSeparatedCountImplementation(text) }

    /// `spaceSeparatedCount` of a String, specialised (the generic form's dispatch costs more than the work on a line).
    public static func spaceSeparatedCount(_ text: String) -> Int { spaceSeparatedCountImplementation(text) }

    private static func spaceSeparatedCountImplementation<T: StringProtocol>(_ text: T) -> Int {
        if let counted = text.utf8.withContiguousStorageIfAvailable({ countSpaceSeparated($0, stoppingPast: .max) }),
           !counted.high || !mayJoinScalars(text.unicodeScalars) {
            return counted.count
        }
        return text.split(separator: " ").count
    }

    /// `spaceSeparatedCount(text) <= limit`, answered at the first byte of word `limit + 1` when the
    /// bytes up to it hold no scalar that could join a space into a longer Character: a long paragraph is
    /// not counted to its end to learn that it is longer than a heading.
    public static func hasAtMostSpaceSeparated(_ limit: Int, _ text: some StringProtocol) -> Bool { hasAtMostSpaceSeparatedImplementation(limit, text) }

    /// `hasAtMostSpaceSeparated` of a String, specialised (the generic form's dispatch costs more than the work on a line).
    public static func hasAtMostSpaceSeparated(_ limit: Int, _ text: String) -> Bool { hasAtMostSpaceSeparatedImplementation(limit, text) }

    private static func hasAtMostSpaceSeparatedImplementation<T: StringProtocol>(_ limit: Int, _ text: T) -> Bool {
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let counted = countSpaceSeparated(bytes, stoppingPast: limit)
            guard let stop = counted.stop else {
                // Counted to the end: the count stands unless some scalar could join a space.
                return !counted.high || !mayJoinScalars(text.unicodeScalars) ? counted.count <= limit : nil
            }
            // The spaces before the word past the limit join nothing when none of the scalars around them
            // could join, that word's first included: later scalars cannot reach them.
            guard counted.high || bytes[stop] >= 0xCC else { return false }
            var joins = false
            forEachScalar(atLeast: 0xCC, in: UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, stop + 4)])) { scalar in
                joins = scalarMayJoin(scalar)
                return !joins
            }
            return joins ? nil : false
        }
        if let decided = decided ?? nil { return decided }
        return text.split(separator: " ").count <= limit
    }

    /// The space-separated words of `bytes`, counted up to the first byte of word `limit + 1` (`stop`, nil
    /// when there is none), and whether a byte before it could start a scalar of U+0300 or above.
    private static func countSpaceSeparated(_ bytes: UnsafeBufferPointer<UInt8>, stoppingPast limit: Int) -> (count: Int, high: Bool, stop: Int?) {
        var count = 0
        var inWord = false
        var high = false
        for index in bytes.indices {
            let byte = bytes[index]
            let isSpace = byte == 0x20
            if !isSpace && !inWord {
                count += 1
                if count > limit { return (count, high, index) }
            }
            inWord = !isSpace
            high = high || byte >= 0xCC
        }
        return (count, high, nil)
    }

    /// Unicode's `White_Space` property (what `Character.isWhitespace` asks of a one-scalar Character),
    /// without the property table lookup: the set has not changed since Unicode 6.
    @inline(__always)
    public static func isUnicodeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `text.lowercased().hasPrefix(prefix)` for a `prefix` of ASCII lower-case letters, from the bytes
    /// while they are ASCII; a non-ASCII scalar within or just after the prefix (one that lower-cases to
    /// an ASCII letter, or joins the last letter into another Character) leaves it to `lowercased()`.
    public static func startsWith(_ text: some StringProtocol, caseInsensitive prefix: String) -> Bool { startsWithImplementation(text, caseInsensitive: prefix) }

    /// `startsWith` of a String, specialised (the generic form's dispatch costs more than the work on a line).
    public static func startsWith(_ text: String, caseInsensitive prefix: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes in
            prefix.utf8.withContiguousStorageIfAvailable { asciiPrefixAnswer(bytes, $0) } ?? nil
        } ?? nil
        return answer ?? startsWithImplementation(text, caseInsensitive: prefix)
    }

    private static func startsWithImplementation<T: StringProtocol>(_ text: T, caseInsensitive prefix: String) -> Bool {
        let answer = prefix.utf8.withContiguousStorageIfAvailable { wanted in
            text.utf8.withContiguousStorageIfAvailable { asciiPrefixAnswer($0, wanted) }
                ?? Array(text.utf8).withUnsafeBufferPointer { asciiPrefixAnswer($0, wanted) }
        } ?? nil
        return answer ?? text.lowercased().hasPrefix(prefix)
    }

    /// Whether `bytes` start with `wanted` (ASCII, lower case) in either case of each ASCII letter; nil
    /// when a byte beyond ASCII comes before the answer or right after the prefix, where `lowercased()`
    /// decides.
    private static func asciiPrefixAnswer(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool? {
        for index in 0..<min(bytes.count, wanted.count) {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            guard ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == wanted[index] else { return false }
        }
        guard bytes.count >= wanted.count else { return false }
        return bytes.count > wanted.count && bytes[wanted.count] >= 0x80 ? nil : true
    }

    /// `text.count <= limit`, walking at most `limit` Characters rather than all of them.
    public static func hasAtMostCharacters(_ limit: Int, _ text: some StringProtocol) -> Bool {
        text.utf8.count <= limit || text.dropFirst(limit).isEmpty
    }

    /// `hasAtMostCharacters` of a String, answered from the bytes when its first `limit + 1` bytes are
    /// ASCII and none is a CR: they start `limit + 1` Characters (no two ASCII bytes make one Character
    /// but CR LF), so the text is longer.
    public static func hasAtMostCharacters(_ limit: Int, _ text: String) -> Bool {
        let utf8 = text.utf8
        if utf8.count <= limit { return true }
        var seen = 0
        for byte in utf8 {
            guard byte < 0x80, byte != 0x0D else { break }
            seen += 1
            if seen > limit { return false }
        }
        return text.dropFirst(limit).isEmpty
    }

    /// `text.count`, from the bytes when the text is ASCII (where only CR LF makes one Character of two).
    public static func characterCount(_ text: String) -> Int {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard isASCII(bytes) else { return nil }
            guard let base = bytes.baseAddress else { return 0 }
            var count = bytes.count
            var index = 0
            // `memchr`: most text has no CR at all, and stepping through a slice took longer than the rest.
            while index < bytes.count, let found = memchr(base + index, 0x0D, bytes.count - index) {
                let cr = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if cr + 1 < bytes.count, bytes[cr + 1] == 0x0A { count -= 1 }
                index = cr + 1
            }
            return count
        }
        if let counted = ascii ?? nil { return counted }
        let standingAlone = text.utf8.withContiguousStorageIfAvailable(countStandingAloneScalars)
        return (standingAlone ?? nil) ?? text.count
    }

    /// The Characters of text beyond ASCII whose scalars beyond ASCII all stand alone (Latin letters and
    /// punctuation below U+0300; dashes, quotes, bullets and other general punctuation; currency signs),
    /// counted from the bytes: there each scalar is one Character, but for CR LF; nil for any other text.
    /// Such scalars neither extend nor prepend, so nothing joins them but a mark after them, which is
    /// itself a scalar beyond those and sends the count back to Characters.
    private static func countStandingAloneScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        let high = SIMD16<UInt8>(repeating: 0x80), carriageReturns = SIMD16<UInt8>(repeating: 0x0D)
        while index < bytes.count {
            // Sixteen ASCII bytes with no CR are sixteen Characters.
            if index + 16 <= bytes.count {
                let lanes = vector(bytes, at: index)
                if !anyLane((lanes & high) | zeroLanes(lanes ^ carriageReturns)) {
                    count += 16
                    index += 16
                    continue
                }
            }
            let byte = bytes[index]
            count += 1
            if byte < 0x80 {
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                continue
            }
            let value: UInt32
            if byte < 0xE0, index + 1 < bytes.count {
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte < 0xF0, index + 2 < bytes.count {
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return nil
            }
            guard value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
                || (0x20A0...0x20C0).contains(value)
            else { return nil }
        }
        return count
    }

    /// `text.firstIndex(of: character)` for an ASCII character other than CR and LF, from the bytes when
    /// the text is ASCII: there every Character but CR LF is one byte, so the first such byte is the first
    /// such Character.
    public static func firstIndex(of character: Unicode.Scalar, inASCII text: String) -> String.Index? {
        guard character.isASCII, character != "\r", character != "\n", text.isASCII else {
            return text.firstIndex(of: Character(character))
        }
        return text.utf8.firstIndex(of: UInt8(character.value))
    }

    /// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always)
    public static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// An ASCII digit, 0–9.
    @inlinable
    public static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `contains(_:caseInsensitive:)` of a String, through its UTF-8 directly rather than through the
    /// generic collection: most calls are on short lines, where that costs more than the search. The
    /// bytes are borrowed where they stand: `withUTF8`, being mutating, wanted a copy of the text, which
    /// retained and released its storage on every call.
    public static func contains(_ text: String, caseInsensitive needle: String) -> Bool {
        text.withBorrowedUTF8 { firstIndex(of: needle, caseInsensitiveIn: $0, from: 0) != nil }
    }

    /// Whether `text` contains `needle` (ASCII, lower case) in any mix of upper and lower case ASCII letters.
    public static func contains(_ text: some StringProtocol, caseInsensitive needle: String) -> Bool {
        text.withBorrowedUTF8 { firstIndex(of: needle, caseInsensitiveIn: $0, from: 0) != nil }
    }

    /// The offset of the first occurrence at or after `from` of `needle` (ASCII, lower case) in `bytes`,
    /// ignoring the case of ASCII letters.
    public static func firstIndex(of needle: String, caseInsensitiveIn bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        // The needle's bytes are borrowed where they stand (a literal's, or a native String's), as the
        // text's are in `contains(_:caseInsensitive:)`.
        needle.withBorrowedUTF8 { firstIndex(ofBytes: $0, caseInsensitiveIn: bytes, from: from) }
    }

    /// `firstIndex(of:caseInsensitiveIn:from:)` of the needle's bytes.
    private static func firstIndex(ofBytes pattern: UnsafeBufferPointer<UInt8>, caseInsensitiveIn bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return pattern.isEmpty ? from : nil }
        var index = from
        let last = bytes.count - pattern.count
        // A letter is compared in either case by setting the lower-case bit, which maps an upper-case
        // ASCII letter, and nothing else, onto its lower-case form.
        func caseBits(_ byte: UInt8) -> UInt64 {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? 0x2020_2020_2020_2020 : 0
        }
        // The high bit of each byte that is zero (and maybe of some above a zero byte): false alarms,
        // never a miss.
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 }
        let firstBits = caseBits(first)
        let firsts = UInt64(first) &* 0x0101_0101_0101_0101
        // In the eight-at-a-time tail, with a second byte, a candidate is where the first byte and the one
        // after both match: far fewer than where the first alone does ("r" is common in English).
        let second = pattern.count > 1 ? pattern[1] : 0
        let secondBits = caseBits(second)
        let seconds = UInt64(second) &* 0x0101_0101_0101_0101
        let base = UnsafeRawPointer(bytes.baseAddress)
        // Positions are looked at sixteen at a time in vector registers, where the first byte and the
        // needle's last byte, as far after it as the needle is long, both match (compared as above): far
        // fewer candidates than where the first two bytes match, since the pair is further apart than any
        // common pair of letters ("re" of "recommend"). Only the candidates are then tried, in order.
        if pattern.count > 1 {
            let lastOffset = pattern.count - 1
            let final = pattern[lastOffset]
            let firstVector = SIMD16<UInt8>(repeating: first), firstCase = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: firstBits))
            let finalVector = SIMD16<UInt8>(repeating: final), finalCase = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: caseBits(final)))
            // 0x80 in each lane of the block at `offset` that is a candidate.
            @inline(__always) func marks(at offset: Int) -> SIMD16<UInt8> {
                zeroLanes(((vector(bytes, at: offset) | firstCase) ^ firstVector) | ((vector(bytes, at: offset &+ lastOffset) | finalCase) ^ finalVector))
            }
            // The last position a whole block can start at, so that every lane's position is at most `last`
            // (negative when there is none). Thirty-two positions a step while two blocks fit, then sixteen.
            let limit = bytes.count - lastOffset - 16
            while index &+ 16 <= limit {
                let low = marks(at: index)
                let high = marks(at: index &+ 16)
                if anyLane(low | high) {
                    if let found = Self.firstMatch(low, at: index, pattern, in: bytes) { return found }
                    if let found = Self.firstMatch(high, at: index &+ 16, pattern, in: bytes) { return found }
                }
                index &+= 32
            }
            if index <= limit {
                if let found = Self.firstMatch(marks(at: index), at: index, pattern, in: bytes) { return found }
                index &+= 16
            }
        }
        while index <= last {
            // Eight positions at a time past those that cannot start a match (a zero byte of `word ^
            // firsts` marks a candidate).
            if pattern.count > 1, index + 9 <= bytes.count {
                let word = base!.loadUnaligned(fromByteOffset: index, as: UInt64.self) | firstBits
                let next = base!.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self) | secondBits
                if zeroBytes(word ^ firsts) & zeroBytes(next ^ seconds) == 0 {
                    index += 8
                    continue
                }
            } else if index + 8 <= bytes.count {
                let word = base!.loadUnaligned(fromByteOffset: index, as: UInt64.self) | firstBits
                if zeroBytes(word ^ firsts) == 0 {
                    index += 8
                    continue
                }
            }
            if matches(pattern, caseInsensitiveIn: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The first candidate marked in `marks` (lanes of the block at `offset`) where `pattern` stands,
    /// ignoring the case of ASCII letters.
    @inline(__always)
    private static func firstMatch(_ marks: SIMD16<UInt8>, at offset: Int, _ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var bits = laneBits(marks)
        while bits != 0 {
            let candidate = offset &+ bits.trailingZeroBitCount
            if matches(pattern, caseInsensitiveIn: bytes, at: candidate) { return candidate }
            bits &= bits &- 1
        }
        return nil
    }

    @inline(__always)
    @usableFromInline
    static func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// Whether `text` contains `needle`, byte for byte.
    public static func contains(_ text: some StringProtocol, _ needle: String) -> Bool { containsImplementation(text, needle) }

    /// `contains` of a String, specialised (the generic form's dispatch costs more than the work on a line).
    public static func contains(_ text: String, _ needle: String) -> Bool { containsImplementation(text, needle) }

    private static func containsImplementation<T: StringProtocol>(_ text: T, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            text.utf8.withContiguousStorageIfAvailable { firstIndex(of: pattern, in: $0) != nil }
                ?? Array(text.utf8).withUnsafeBufferPointer { firstIndex(of: pattern, in: $0) != nil }
        }
    }

    /// The first offset at or after `from` where `pattern` stands in `bytes` (`from` for an empty
    /// pattern); its first byte found by `memchr`, which passes over a page in a fraction of a byte loop.
    public static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let first = pattern.first, let patternBase = pattern.baseAddress else { return from }
        guard let base = bytes.baseAddress else { return nil }
        var index = from
        while index + pattern.count <= bytes.count {
            guard let hit = memchr(base + index, Int32(first), bytes.count - pattern.count + 1 - index) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// Sixteen bytes of `bytes` from `offset`, which must leave sixteen to read.
    @inlinable @inline(__always)
    public static func vector(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// 0x80 in each lane of `lanes` that is zero, 0 in every other: exact, lane by lane (vector
    /// additions carry nothing into the next lane).
    @inlinable @inline(__always)
    public static func zeroLanes(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let low = SIMD16<UInt8>(repeating: 0x7F)
        return ~(((lanes & low) &+ low) | lanes) & SIMD16<UInt8>(repeating: 0x80)
    }

    /// 0x80 in each lane that is below 0x20 or 0x80 and above (0x7F, DEL, passes), 0 in every other: a
    /// byte below 0x20 wraps to 0xE0 or more when 0x20 is taken away, and one of 0x80 or more has its high
    /// bit already.
    @inlinable @inline(__always)
    public static func nonPrintableOrBeyondASCII(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (lanes | (lanes &- SIMD16(repeating: 0x20))) & SIMD16(repeating: 0x80)
    }

    /// Whether any lane of `lanes` is not zero, tested as two words (Swift's reductions of a vector,
    /// such as `any` of a mask, are loops over the lanes).
    @inlinable @inline(__always)
    public static func anyLane(_ lanes: SIMD16<UInt8>) -> Bool {
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The marked lanes of `marks` (each 0x80 or 0) as the low sixteen bits of a number, lane 0 the lowest.
    @inlinable @inline(__always)
    public static func laneBits(_ marks: SIMD16<UInt8>) -> UInt64 {
        let halves = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
        // Each byte's 0x80 moved to its bit 0, then gathered into the top byte by one multiplication: byte
        // i's bit lands on bit 56 + i, and no two other products overlap or carry into those bits.
        func gathered(_ half: UInt64) -> UInt64 { (((half >> 7) & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56 }
        return gathered(halves[0]) | gathered(halves[1]) << 8
    }

    /// How many lanes of `marks` (each 0x80 or 0) are marked.
    @inlinable @inline(__always)
    public static func markedLanes(_ marks: SIMD16<UInt8>) -> Int {
        let halves = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
        return halves[0].nonzeroBitCount + halves[1].nonzeroBitCount
    }

    /// The offset of the first byte of `bytes` that starts no well-formed UTF-8 sequence (the Unicode
    /// Standard's table 3-7: no overlong form, no surrogate, nothing above U+10FFFF, no sequence cut short),
    /// or nil when all of `bytes` is UTF-8, as `String(validating:as:)` decides. ASCII is passed over
    /// sixteen bytes at a time: the standard library's check goes byte by byte from the first byte beyond
    /// ASCII, which in a report with a curly quote near its start is most of the file.
    public static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 16 <= count {
                let high = vector(bytes, at: index) & SIMD16<UInt8>(repeating: 0x80)
                guard anyLane(high) else {
                    index += 16
                    continue
                }
                index += laneBits(high).trailingZeroBitCount
            }
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            // The length of the sequence `lead` starts, and the range of its second byte.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF4: length = 4; second = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: return index
            }
            guard index + length <= count, second.contains(bytes[index + 1]) else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Sixty-four bytes at a time, then eight: any byte with its top bit set makes the text non-ASCII.
        while index + 64 <= count {
            let any = vector(bytes, at: index) | vector(bytes, at: index + 16) | vector(bytes, at: index + 32) | vector(bytes, at: index + 48)
            if anyLane(any & SIMD16<UInt8>(repeating: 0x80)) { return false }
            index += 64
        }
        while index + 8 <= count {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
