import Foundation
import Site

/// HTML footnote markers and tags taken out of a line, as `text.replacing(Patterns.shortFootnote, with:
/// "")` and `text.replacing(Patterns.shortTag, with: " ")` (and their longer forms) take them out, but
/// over the bytes, which is many times faster than the regular expressions.
///
/// The patterns count Characters (`[^<]{0,6}`, `[^>]{1,20}`). Text with no scalar that could join
/// another into one Character, and no CR (CR LF is one Character), has one Character per scalar, so
/// counting scalars counts Characters; any other text goes to the regular expression. Tests compare the
/// two on random text.
enum MarkupStripping {
    /// `<sup>…</sup>` with at most `limit` characters between the tags (any number when nil) removed.
    static func removingFootnotes(_ text: String, limit: Int?) -> String {
        precondition(limit == nil || limit == 6, "the limit of Patterns.shortFootnote or Patterns.footnote, which text of another kind goes to")
        guard TextScanning.containsByte(text, UInt8(ascii: "<")) else { return text }
        guard isSimple(text) else {
            return limit == nil ? text.replacing(Patterns.footnote, with: "") : text.replacing(Patterns.shortFootnote, with: "")
        }
        return rewrite(text) { bytes, index in
            guard starts(bytes, at: index, with: "<sup>") else { return nil }
            var end = index + 5
            var count = 0
            while end < bytes.count, bytes[end] != UInt8(ascii: "<") {
                if bytes[end] & 0xC0 != 0x80 { count += 1 }
                end += 1
            }
            guard limit.map({ count <= $0 }) ?? true, starts(bytes, at: end, with: "</sup>") else { return nil }
            return end + 6
        }
    }

    /// Tags of 1 to `limit` characters between `<` and `>` replaced by `replacement`.
    static func replacingTags(_ text: String, limit: Int, with replacement: String) -> String {
        precondition(limit == 20 || limit == 30, "the limit of Patterns.shortTag or Patterns.tag, which text of another kind goes to")
        guard TextScanning.containsByte(text, UInt8(ascii: "<")) else { return text }
        guard isSimple(text) else {
            return text.replacing(limit == 20 ? Patterns.shortTag : Patterns.tag, with: replacement)
        }
        return rewrite(text, replacement: replacement) { bytes, index in
            guard bytes[index] == UInt8(ascii: "<") else { return nil }
            var end = index + 1
            var count = 0
            while end < bytes.count, bytes[end] != UInt8(ascii: ">") {
                if bytes[end] & 0xC0 != 0x80 { count += 1 }
                if count > limit { return nil }
                end += 1
            }
            guard end < bytes.count, count >= 1 else { return nil }
            return end + 1
        }
    }

    /// One Character per scalar: no CR, and no scalar that could join another.
    private static func isSimple(_ text: String) -> Bool {
        !TextScanning.containsByte(text, 0x0D) && !TextScanning.mayJoinScalars(text.unicodeScalars)
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    /// `text` with every match replaced, left to right without overlaps: `match` gives the end of a
    /// match starting at a `<`, or nil.
    private static func rewrite(_ text: String, replacement: String = "", match: (UnsafeBufferPointer<UInt8>, Int) -> Int?) -> String {
        var copy = text
        let rewritten = copy.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var copied = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), let end = match(bytes, index) else {
                    index += 1
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                result.append(contentsOf: replacement.utf8)
                index = end
                copied = end
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
        return rewritten ?? text
    }
}

extension String {
    /// `replacingOccurrences(of: target, with: replacement)` as Foundation gives it, for ASCII `target`
    /// and `replacement`. Foundation's bridges the text to an `NSString` and cost tens of thousands of
    /// instructions a call, so text wholly in ASCII is rewritten from its bytes: there every Character is
    /// one byte, and the matches are the byte matches, left to right, none overlapping. Other text goes to
    /// Foundation, whose comparison finds canonically equivalent text too (a Greek question mark for `;`).
    func replacingOccurrences(ofASCII target: StaticString, with replacement: StaticString) -> String {
        let needle = UnsafeBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount)
        let inserted = UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
        precondition(!needle.isEmpty && TextScanning.isASCII(needle) && TextScanning.isASCII(inserted), "an ASCII target and replacement")
        var copy = self
        let rewritten = copy.withUTF8 { bytes -> String? in
            guard TextScanning.isASCII(bytes) else { return nil }
            var result: [UInt8] = []
            var copied = 0
            var index = 0
            while index + needle.count <= bytes.count {
                guard bytes[index] == needle[0], memcmp(bytes.baseAddress! + index, needle.baseAddress!, needle.count) == 0 else {
                    index += 1
                    continue
                }
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                result.append(contentsOf: inserted)
                index += needle.count
                copied = index
            }
            guard copied > 0 else { return self }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
        return rewritten ?? replacingOccurrences(of: String(describing: target), with: String(describing: replacement))
    }
}
