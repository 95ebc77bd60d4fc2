import Foundation

/// A report's text as numbered lines, ready for a layout to read.
///
/// Line numbers are those of the file as given (1-based), whatever cleaning happens: a judgement found on
/// a cleaned line still points at the line a person would open. Cleaning here is only what every layout
/// needs: no byte order mark, no carriage returns, no form feeds, no trailing spaces, curly apostrophes
/// kept as written (use `folded` to compare).
public struct ReportText: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var text: String

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
        }

        public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
        public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
    }

    public var path: String
    public var lines: [Line]

    public init(path: String, text: String) {
        self.path = path
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let raw = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        self.lines = raw.enumerated().map { index, line in
            var cleaned = String(line).replacingOccurrences(of: "\u{0C}", with: "")
            while let last = cleaned.last, last.isWhitespace { cleaned.removeLast() }
            return Line(number: index + 1, text: cleaned)
        }
    }

    /// Lower-cased, with curly quotes made straight, dashes made hyphens and runs of white space made one
    /// space: the form in which wordings are compared.
    public static func folded(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldedASCII(text.utf8) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for character in text.lowercased() {
            switch character {
            case "’", "‘", "`", "´": result.append("'"); lastWasSpace = false
            case "“", "”": result.append("\""); lastWasSpace = false
            case "–", "—", "‐", "‑": result.append("-"); lastWasSpace = false
            case _ where character.isWhitespace:
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            default:
                result.append(character)
                lastWasSpace = false
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The words of `text` joined by single spaces: runs of white space made one space, none at either end.
    static func collapsingWhitespace(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `folded` for text wholly in ASCII, byte by byte: the same result without going through Characters.
    private static func foldedASCII(_ bytes: some Collection<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var lastWasSpace = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte + 32); lastWasSpace = false
            case UInt8(ascii: "`"): result.append(UInt8(ascii: "'")); lastWasSpace = false
            case 0x09...0x0D, UInt8(ascii: " "):
                if !lastWasSpace { result.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            default: result.append(byte); lastWasSpace = false
            }
        }
        if result.last == UInt8(ascii: " ") { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }
}
