import Foundation
@testable import Site
import Testing

/// The answers `Site` reads from bytes agree with their Character and Foundation definitions: for every
/// scalar of the first planes (and a sample beyond) alone, beside ASCII letters, spaces, CR and LF, where
/// it could join a neighbour into one Character.
@Suite struct ByteShortcutTests {
    static func samples() -> [String] {
        var samples = ["", "a", "ab", "\r\n", "a\r\n", "\r\na", "\r", "\n", "\r\r\n", " \u{301}", "1\u{301}", "\u{0600}1", "x\u{200D}y",
                       "👩‍👩‍👧", "e\u{301}", "Ends.", "(12)", "- 3", "\t4"]
        for value in 0...0x10FFFF where value < 0x3100 || value % 13 == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            samples += ["\(scalar)", "\(scalar)a", "a\(scalar)", "ab\(scalar)", "\(scalar)ab", " \(scalar) ", "\r\(scalar)\n", "a\(scalar)\u{301}"]
        }
        return samples
    }

    @Test func firstAndLastCharactersAgree() {
        let differing = (Self.samples() + ["", "x", "é"]).filter {
            $0.firstQuickly != $0.first || $0.lastQuickly != $0.last || $0.firstByte != $0.utf8.first || $0.lastByte != $0.utf8.last
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { Array($0.unicodeScalars) })")
    }

    @Test func characterBoundsAgree() {
        var differing: [String] = []
        for sample in Self.samples() + ["abcdefghij", "ab\r\ncd", "abc\u{301}\u{301}", "a b c d e f"] {
            for limit in 0...8 where TextScanning.hasAtMostCharacters(limit, sample) != (sample.count <= limit) {
                differing.append("\(limit) \(Array(sample.unicodeScalars))")
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// Every ASCII byte, and random ASCII text heavy in the bytes slugs treat specially.
    static func asciiSamples() -> [String] {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["Stoke-on-Trent", "Children's & Young People's Services", "  --Leading and trailing--  ", "A\r\nB", "''&&''",
                    String(repeating: "word ", count: 30), String(repeating: "a-", count: 60)]
        var state: UInt64 = 11
        let alphabet = Array("aZ09 -'&.,\t\r\n_/()".utf8) + (0..<128).map(UInt8.init)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 97) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            samples.append(String(decoding: bytes, as: UTF8.self))
        }
        return samples
    }

    @Test func slugsOfASCIIAgree() {
        let differing = Self.asciiSamples().filter { Slug.makeFromASCII($0) != Slug.makeByScalars($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(Slug.make("Children's & Young People's Services") == "childrens-and-young-peoples-services")
    }

    /// ASCII text with `’` at the start, the end and somewhere between: `make` takes the bytes' way,
    /// and its slug is the one Foundation's folding gives.
    @Test func slugsWithCurlyApostrophesAgree() {
        var differing: [String] = []
        for (number, sample) in Self.asciiSamples().enumerated() {
            let middle = sample.utf8.count == 0 ? 0 : number % (sample.utf8.count + 1)
            let bytes = Array(sample.utf8)
            let curly = Array("’".utf8)
            for text in ["’" + sample, sample + "’", String(decoding: bytes[..<middle] + curly + bytes[middle...], as: UTF8.self), "a’’b" + sample] {
                if !Slug.isASCIIWithCurlyApostrophes(text) || Slug.make(text) != Slug.makeByScalars(text) { differing.append(text) }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(Slug.make("Children’s services’ area") == "childrens-services-area")
        #expect(!Slug.isASCIIWithCurlyApostrophes("Children‘s") && !Slug.isASCIIWithCurlyApostrophes("café") && !Slug.isASCIIWithCurlyApostrophes("x\u{E2}"))
    }

    @Test func authorityWordsAndEndsAgree() {
        let trimmed = CharacterSet.whitespaces.union(.punctuationCharacters)
        var differing: [String] = []
        for sample in Self.asciiSamples() + Self.samples() {
            if AuthorityName.whitespaceSeparated(sample) != sample.split(whereSeparator: { $0.isWhitespace }) { differing.append("split \(sample)") }
            if AuthorityName.trimmingEnds(sample) != sample.trimmingCharacters(in: trimmed) { differing.append("trim \(sample)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
