import Foundation
import Site
import Testing

@Suite struct TextScanningTests {
    /// Every scalar, alone and between letters, trims as Foundation trims it.
    @Test func trimmingAgreesWithFoundation() {
        var disagreements: [String] = []
        for value in 0...0x10FFFF where value < 0x3100 || value % 7 == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "a\(scalar)", "\(scalar)b", " \(scalar)\t", "x\(scalar)y\(scalar)"] {
                if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) {
                    disagreements.append("whitespaces U+\(String(value, radix: 16))")
                }
                if text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                    disagreements.append("whitespacesAndNewlines U+\(String(value, radix: 16))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// Counting, bounding and prefix tests from bytes agree with their Character definitions, for every
    /// scalar of the first planes alone, after a letter, before one, and where it could join a neighbour.
    @Test func countsAndPrefixesFromBytesAgreeWithCharacters() {
        var disagreements: [String] = []
        for value in 0...0x10FFFF where value < 0x3100 || value % 11 == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let samples = [
                "\(scalar)", "grade\(scalar)", "\(scalar)grade", "GRADE \(scalar)", "Gr\(scalar)ade", "a\r\n\(scalar)", "\(scalar)\r\n",
                "a \(scalar) b", "  \(scalar)  ", "a b \(scalar)c d", "a b c d e f g h \(scalar)", "a b \(scalar)", "\(scalar) a b",
            ]
            for text in samples {
                if TextScanning.spaceSeparatedCount(text) != text.split(separator: " ").count { disagreements.append("words U+\(String(value, radix: 16))") }
                if TextScanning.mayJoinScalars(text.unicodeScalars) != TextScanning.mayJoinScalars(Array(text.unicodeScalars)) {
                    disagreements.append("joining U+\(String(value, radix: 16))")
                }
                if TextScanning.characterCount(text) != text.count { disagreements.append("count U+\(String(value, radix: 16))") }
                for limit in [0, 1, 2, 3, 6] where TextScanning.hasAtMostSpaceSeparated(limit, text) != (text.split(separator: " ").count <= limit) {
                    disagreements.append("at most \(limit) words U+\(String(value, radix: 16))")
                }
                for limit in [0, 1, 3, 6] where TextScanning.hasAtMostCharacters(limit, text) != (text.count <= limit) {
                    disagreements.append("at most \(limit) U+\(String(value, radix: 16))")
                }
                // "k": the Kelvin sign lower-cases to it.
                for prefix in ["grade", "k"] where TextScanning.startsWith(text, caseInsensitive: prefix) != text.lowercased().hasPrefix(prefix) {
                    disagreements.append("prefix \(prefix) U+\(String(value, radix: 16))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(TextScanning.startsWith("Grade 2", caseInsensitive: "grade"))
        #expect(!TextScanning.startsWith("Grad", caseInsensitive: "grade"))
        #expect(TextScanning.characterCount("a\r\nb") == 3)
        for text in [
            "\r", "a\r", "\r\r\n", "\r\n\r\n", "\n\r", "x\ry\r\nz\r", "children’s\r\n", "’\u{301}s", "é\u{301}", "–\u{20DD}", "€ 5",
            "\u{2028}x", "a\u{200D}b", "“quoted” — yes…", "\u{1F1EC}\u{1F1E7}", "\u{1100}\u{1161}",
        ] { #expect(TextScanning.characterCount(text) == text.count, "\(text.debugDescription)") }
    }

    /// The vector and word-at-a-time search finds what a byte-by-byte search finds, at every offset and alignment,
    /// for needles starting with a letter (either case) or not, and with a letter or not after it.
    /// Splitting at an ASCII separator's bytes gives the pieces splitting at the Character gives: with
    /// separators at either end and side by side, beyond ASCII, and after a combining mark, which joins
    /// the separator into another Character.
    @Test func splittingAtAnASCIISeparatorAgreesWithCharacters() {
        let texts = [
            "", "|", "||", "a|b", "|a|b|", " Staying safe | 2 |", "é|’|–", "a|\u{301}b", "x\u{301}|y", "👍🏽|👍", "a||b|",
            "| Outcome | Grade |", "no separator",
        ]
        for text in texts {
            for slice in [text[...], text.dropFirst(), text.dropLast()] {
                let pieces = TextScanning.split(slice, atASCII: "|")
                #expect(pieces == slice.split(separator: "|", omittingEmptySubsequences: false), "\(text.debugDescription)")
            }
        }
    }

    @Test func caseInsensitiveSearchAgreesWithAByteByByteSearch() {
        func naive(_ needle: [UInt8], _ bytes: [UInt8], from: Int) -> Int? {
            guard bytes.count >= needle.count else { return nil }
            for index in stride(from: from, through: bytes.count - needle.count, by: 1) {
                let lowered = bytes[index..<(index + needle.count)].map { (65...90).contains($0) ? $0 | 0x20 : $0 }
                if lowered.elementsEqual(needle) { return index }
            }
            return nil
        }
        var state: UInt64 = 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("aAbBgGrR@`[{ <>éz\n".utf8)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let bytes = (0..<next(80)).map { _ in alphabet[next(alphabet.count)] }
            for needle in ["grade", "ab", "<b", "@", "a", "a{", "r`", " g", "[a", "gR"] {
                let from = next(4)
                let found = bytes.withUnsafeBufferPointer { TextScanning.firstIndex(of: needle, caseInsensitiveIn: $0, from: from) }
                if found != naive(Array(needle.utf8), bytes, from: from) {
                    disagreements.append("\(needle) in \(String(decoding: bytes, as: UTF8.self).debugDescription) from \(from)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func bytesAndJoiningScalarsAreFoundAsTheViewsFindThem() {
        let texts = ["", "a", "Grade: 2", "caf\u{E9} \u{2019}", "e\u{301}", "\t|x|\r", String(repeating: "long line ", count: 40) + ":"]
        for text in texts {
            for byte: UInt8 in [0x09, 0x0D, 0x3A, 0x7C, 0xCC, 0xE2] {
                #expect(TextScanning.containsByte(text, byte) == text.utf8.contains(byte))
                #expect(TextScanning.containsByte(text.dropFirst(), byte) == text.dropFirst().utf8.contains(byte))
            }
            #expect(TextScanning.mayJoinScalars(text.unicodeScalars) == TextScanning.mayJoinScalars(Array(text.unicodeScalars)))
        }
    }

    @Test func substringsTrimToTheirOwnText() {
        let line = "  Staying safe \t  Grade 2  "
        #expect(line.dropFirst(2).trimmingWhitespace() == "Staying safe \t  Grade 2")
        #expect("\u{00A0}Good\u{2003}".trimmingWhitespace() == "Good")
        #expect(" \n Good \r\n".trimmingWhitespaceAndNewlines() == "Good")
        #expect("   ".trimmingWhitespace().isEmpty)
    }

    @Test func asciiIsFoundByteByByte() {
        #expect("Grade 2 for staying safe, sixteen bytes+".isASCII)
        #expect(!"Children’s services".isASCII)
        #expect(!"long ascii text then a single curly quote at the end’".isASCII)
        #expect("".isASCII)
        // Every length to past two blocks of sixty-four, with one byte beyond ASCII at every place.
        var wrong: [String] = []
        for length in 0...150 {
            let plain = String(repeating: "a", count: length)
            if !plain.utf8.withContiguousStorageIfAvailable(TextScanning.isASCII)! { wrong.append(plain) }
            for place in 0...length {
                let text = String(plain.prefix(place)) + "é" + String(plain.dropFirst(place))
                if text.utf8.withContiguousStorageIfAvailable(TextScanning.isASCII)! { wrong.append(text) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
    }
}

@Suite struct UnicodeWhitespaceTests {
    @Test func agreesWithTheUnicodeProperty() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { TextScanning.isUnicodeWhitespace($0) != $0.properties.isWhitespace }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }
}
