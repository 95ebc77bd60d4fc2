import Foundation

/// An authority's canonical display name and its slug, the key all of its reports meet on.
public struct AuthorityName: Sendable, Hashable, Codable, Comparable {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    /// The canonical form of a name as a report writes it, in any case, with or without affixes such as
    /// "City Council" or "London Borough of", hyphens or spaces: "STOKE-ON-TRENT CITY COUNCIL",
    /// "Stoke on Trent" and "City of Stoke-on-Trent" all give "Stoke-on-Trent", `stoke-on-trent`.
    /// A name not in the register of English authorities keeps its words, in title case.
    public init(canonicalising written: String) {
        let core = Self.stripAffixes(written)
        let slug = Slug.make(core)
        if let known = AuthorityRegister.bySlug[slug] {
            self = known
        } else {
            self.init(name: Self.titleCased(core), slug: slug)
        }
    }

    /// Whether `written` names a known English authority once affixes are stripped.
    public static func isKnown(_ written: String) -> Bool {
        AuthorityRegister.bySlug[Slug.make(stripAffixes(written))] != nil
    }

    public static func < (lhs: AuthorityName, rhs: AuthorityName) -> Bool {
        (lhs.name.lowercased(), lhs.slug) < (rhs.name.lowercased(), rhs.slug)
    }

    static let prefixes = [
        "the council of the", "the royal borough of", "royal borough of", "london borough of", "the london borough of",
        "city and county of", "the city of", "city of", "county of", "borough of", "metropolitan borough of",
    ]
    static let suffixes = [
        "metropolitan borough council", "metropolitan district council", "borough council", "county council",
        "city council", "district council", "unitary authority", "council", "lscb",
    ]

    /// The outward code's area and district ("ST4"). Compiled once: a Regex literal in a function is parsed
    /// on every call. Matching one Regex from several threads is safe; it is not `Sendable` only because
    /// some Regex outputs are not.
    nonisolated(unsafe) private static let postcodeArea = /[A-Z]{1,2}[0-9][0-9A-Z]?/

    static func stripAffixes(_ written: String) -> String {
        // `replacing` searches Character by Character through generic code, about 100,000 instructions for
        // a line. "’" (U+2019, which nothing else is canonically equal to) is E2 80 99 in UTF-8: without
        // the byte E2 there is nothing to replace.
        let straightened = TextScanning.containsByte(written, 0xE2) ? written.replacing("’", with: "'") : written
        var tokens = whitespaceSeparated(straightened)
        // A postal address ends in a postcode ("Stoke on Trent ST4 1 RU"); the place comes before it.
        // The pattern asks for a capital A–Z first and a digit 0–9, which most short words lack: those are
        // passed over before the pattern is run.
        func mayBePostcodeArea(_ token: Substring) -> Bool {
            guard let first = token.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
            return token.utf8.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        if let postcode = tokens.indices.dropFirst().first(where: {
            mayBePostcodeArea(tokens[$0]) && (2...4).contains(tokens[$0].count) && tokens[$0].wholeMatch(of: postcodeArea) != nil
        }) {
            tokens = Array(tokens[..<postcode])
        }
        var words = tokens.joined(separator: " ")
        if words.hasSuffix("'s") { words.removeLast(2) }
        var changed = true
        while changed {
            changed = false
            let lower = words.lowercased()
            for prefix in spacedPrefixes where lower.hasPrefix(prefix) {
                words = String(words.dropFirst(prefix.count))
                changed = true
                break
            }
            for suffix in spacedSuffixes where lower.hasSuffix(suffix) && !changed {
                words = String(words.dropLast(suffix.count))
                changed = true
                break
            }
        }
        return trimmingEnds(words)
    }

    /// `text.split(whereSeparator: \.isWhitespace)`, from the bytes when the text is ASCII (where white
    /// space is U+0009–U+000D and the space, and a cut never falls inside CR LF, both white space).
    static func whitespaceSeparated(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: { $0.isWhitespace }) }
        var tokens: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let first = start { tokens.append(text[first..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            utf8.formIndex(after: &index)
        }
        if let first = start { tokens.append(text[first..<utf8.endIndex]) }
        return tokens
    }

    /// `text.trimmingCharacters(in: trimmed)`, from the bytes when the text is ASCII, with the set's
    /// answer for each ASCII scalar made once.
    static func trimmingEnds(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: trimmed) }
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, trimmedASCII[Int(bytes[start])] { start += 1 }
        while end > start, trimmedASCII[Int(bytes[end - 1])] { end -= 1 }
        return start == 0 && end == bytes.count ? text : String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `trimmed` holds each ASCII scalar.
    private static let trimmedASCII: [Bool] = (0..<128).map { trimmed.contains(Unicode.Scalar(UInt8($0))) }

    /// The prefixes with the space after them and the suffixes with the space before them, made once.
    private static let spacedPrefixes = prefixes.map { $0 + " " }
    private static let spacedSuffixes = suffixes.map { " " + $0 }

    /// What `stripAffixes` trims from the ends, made once (a union of character sets builds a new one).
    private static let trimmed = CharacterSet.whitespaces.union(.punctuationCharacters)

    static func titleCased(_ text: String) -> String {
        let small: Set<String> = ["and", "of", "on", "upon", "the", "in", "under", "le", "with"]
        var isFirst = true
        return text.split(separator: " ").map { word -> String in
            defer { isFirst = false }
            let pieces = word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, piece in
                let lower = piece.lowercased()
                if small.contains(lower) && !(isFirst && index == 0) { return lower }
                return lower.prefix(1).uppercased() + lower.dropFirst()
            }
            return pieces.joined(separator: "-")
        }.joined(separator: " ")
    }
}

/// Slugs: lower-case ASCII letters and digits joined by single hyphens, never empty, never `.` or `..`,
/// so a slug used as a folder name can never leave the folder it is written in.
public enum Slug {
    public static func make(_ text: String) -> String {
        isASCIIWithCurlyApostrophes(text) ? makeFromASCII(text) : makeByScalars(text)
    }

    /// Whether `text` is ASCII but for right single quotation marks (`’`, as in "children’s"), which
    /// slugs drop as they drop `'`: then `makeFromASCII` makes its slug, without Foundation.
    static func isASCIIWithCurlyApostrophes(_ text: String) -> Bool {
        text.withBorrowedUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                } else if isCurlyApostrophe(bytes, at: index) {
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Whether the UTF-8 of `’` (E2 80 99) starts at `index`.
    private static func isCurlyApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }

    /// `make` scalar by scalar, through Foundation's folding beyond ASCII: the definition
    /// `makeFromASCII` agrees with.
    static func makeByScalars(_ text: String) -> String {
        let folded: String
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Folding ASCII only lower-cases it, which needs no Foundation.
            var ascii = ""
            for scalar in text.unicodeScalars where scalar != "'" {
                if scalar == "&" { ascii += " and " } else { ascii.unicodeScalars.append(scalar) }
            }
            folded = ascii.lowercased()
        } else {
            folded = text
                .replacingOccurrences(of: "&", with: " and ")
                .replacingOccurrences(of: "'", with: "")
                .replacingOccurrences(of: "’", with: "")
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
        }
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
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

    /// `make` of ASCII text, from its bytes: the same steps (apostrophes, `'` and `’`, dropped, "&" read
    /// as " and ", lower-cased, runs of anything but letters and digits made one hyphen, at most 80 bytes)
    /// on bytes, each of which but those of `’` is a Character here.
    static func makeFromASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func add(_ byte: UInt8) {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        text.withBorrowedUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "&") {
                    for part in " and ".utf8 { add(part) }
                } else if isCurlyApostrophe(bytes, at: index) {
                    index += 3
                    continue
                } else if byte != UInt8(ascii: "'") {
                    add(byte)
                }
                index += 1
            }
        }
        if slug.count > 80 {
            slug.removeLast(slug.count - 80)
            while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        }
        return slug.isEmpty ? "unnamed" : String(decoding: slug, as: UTF8.self)
    }

    /// A file name made safe the same way, keeping its extension: `Site Style.CSS` gives `site-style.css`.
    public static func file(_ name: String) -> String {
        let ext = (name as NSString).pathExtension
        let stem = make((name as NSString).deletingPathExtension)
        return ext.isEmpty ? stem : stem + "." + make(ext)
    }
}
