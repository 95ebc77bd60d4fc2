import Corpus
import Foundation
import Reports
import Site
import Testing

/// `TextScanning.firstInvalidUTF8`, which decides whether a report is read as UTF-8, against the standard
/// library's own reading of the same bytes.
@Suite struct UTF8CheckTests {
    /// Where the standard library's parser first finds bytes that are not UTF-8, or nil.
    static func firstError(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Runs of ASCII between pieces that are UTF-8 of every length, and pieces that are not: stray
    /// continuation bytes, overlong forms, surrogates, scalars past U+10FFFF, sequences cut short.
    static func randomBytes(_ random: inout SplitMix64) -> [UInt8] {
        let valid: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x93], [0xEF, 0xBF, 0xBD], [0xED, 0x9F, 0xBF],
                                [0xE0, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF3, 0xA0, 0x80, 0x81], [0xC2, 0x80]]
        let invalid: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                                  [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x80], [0xE2, 0x41],
                                  [0xF0, 0x90, 0x80], [0xC3], [0xE2, 0x80, 0xC0]]
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            bytes += (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
            switch Int.random(in: 0..<10, using: &random) {
            case 0: bytes += invalid.randomElement(using: &random)!
            case 1: bytes.append(UInt8.random(in: 0x80...0xFF, using: &random))
            default: bytes += valid.randomElement(using: &random)!
            }
        }
        return bytes
    }

    @Test func findsWhatTheStandardLibraryFinds() {
        var random = SplitMix64(seed: 20261127)
        var wrong: [[UInt8]] = []
        var invalidSeen = 0
        for _ in 0..<20_000 {
            let bytes = Self.randomBytes(&random)
            let found = bytes.withUnsafeBufferPointer { TextScanning.firstInvalidUTF8(in: $0) }
            let expected = Self.firstError(bytes)
            if found != expected || (found == nil) != (String(validating: bytes, as: UTF8.self) != nil) { wrong.append(bytes) }
            if expected != nil { invalidSeen += 1 }
        }
        let wrongCount = wrong.count
        #expect(wrongCount == 0, "first wrong: \(wrong.first ?? [])")
        // Both kinds of text were tried, many times.
        #expect(invalidSeen > 2_000 && invalidSeen < 18_000)
    }

    @Test func everyPieceAtEveryPlaceOfTwoBlocks() {
        // Each piece at every offset of a 40-byte ASCII text, and cut off at its end: the sixteen-byte
        // steps must hand over to the byte-by-byte reading wherever the piece falls.
        let pieces: [[UInt8]] = [[0xE2, 0x80, 0x99], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0x80], [0xF4, 0x90, 0x80, 0x80]]
        var wrong: [[UInt8]] = []
        for piece in pieces {
            for place in 0...40 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
                bytes.insert(contentsOf: piece, at: place)
                for cut in [bytes, Array(bytes.prefix(place + piece.count - 1))] {
                    let found = cut.withUnsafeBufferPointer { TextScanning.firstInvalidUTF8(in: $0) }
                    if found != Self.firstError(cut) { wrong.append(cut) }
                }
            }
        }
        let wrongCount = wrong.count
        #expect(wrongCount == 0, "first wrong: \(wrong.first ?? [])")
    }

    @Test func decodedTextKeepsTheFileBytes() {
        // A UTF-8 report is handed on byte for byte (after a byte order mark), and its text reads the same.
        let text = "Children’s services in Wigan\nStaying safe: Grade 2 – good\n"
        let decoded = ReportDecoder().decode(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), file: "r.txt")
        #expect(decoded.utf8 == Array(text.utf8))
        #expect(decoded.text == text)
        let source = ReportSource(path: "r.txt", utf8: decoded.utf8!)
        #expect(source.text == text)
        #expect(ReportText(path: "r.txt", utf8: source.utf8) == ReportText(path: "r.txt", text: text))
    }
}
