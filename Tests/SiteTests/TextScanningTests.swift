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
    }
}

@Suite struct UnicodeWhitespaceTests {
    @Test func agreesWithTheUnicodeProperty() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { TextScanning.isUnicodeWhitespace($0) != $0.properties.isWhitespace }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }
}
