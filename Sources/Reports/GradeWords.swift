import Site

/// Reading a grade as a framework writes it.
///
/// APA and JAR grade 1–4 with 4 best; their prose and SLAC use outstanding / good / adequate /
/// inadequate ("excellent" for APA 4); SIF and ILACS replaced "adequate" by "requires improvement
/// (to be good)". A word from another framework's scale is not read as a grade of this one.
public enum GradeWords {
    /// The level of a grade written as a number or a word in `framework`'s scale, or nil.
    /// Accepts the grade alone or with light decoration: `Grade 2`, `**Good**`, `<b>Requires improvement</b>`,
    /// `requires improvement to be good.`.
    public static func level(of written: String, in framework: Framework) -> Level? {
        // No grade of any scale has more than 32 letters with its "grade" prefix; a table cell of prose has.
        if written.utf8.count > 40, hasMoreThan40Letters(written) { return nil }
        let folded = clean(written)
        switch framework {
        case .apa, .jar:
            let bare = folded.hasPrefix("grade") ? Patterns.removingPrefix(Patterns.gradePrefix, from: folded) : folded
            if let number = Int(bare), let level = Level(rawValue: number) {
                return level
            }
            return word(bare, allowing: numberedScale)
        case .slac:
            return word(folded, allowing: slacScale)
        case .sif, .ilacs:
            return word(folded, allowing: requiresImprovementScale)
        case .visit, .unknown:
            return nil
        }
    }

    /// More than 40 ASCII letters, none of them inside an HTML tag (there is no `<`).
    static func hasMoreThan40Letters(_ text: String) -> Bool {
        var letters = 0
        let counted: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            // Sixteen bytes at a time: any "<" answers no; ASCII letters (upper case made lower by 0x20) are
            // at least 0x61, which 0x1F more takes to 0x80, and below 0x7B, which 0x05 more does not.
            let angles = SIMD16<UInt8>(repeating: UInt8(ascii: "<")), high = SIMD16<UInt8>(repeating: 0x80)
            while index + 16 <= bytes.count {
                let lanes = TextScanning.vector(bytes, at: index)
                if TextScanning.anyLane(TextScanning.zeroLanes(lanes ^ angles)) { return false }
                let lower = lanes | SIMD16<UInt8>(repeating: 0x20)
                let isLetter = (lower &+ SIMD16<UInt8>(repeating: 0x1F)) & ~(lower &+ SIMD16<UInt8>(repeating: 0x05)) & ~lanes & high
                letters += TextScanning.markedLanes(isLetter)
                index += 16
            }
            for byte in bytes[index...] {
                if byte == UInt8(ascii: "<") { return false }
                if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) { letters += 1 }
            }
            return letters > 40
        }
        if let counted { return counted }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "<") { return false }
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) { letters += 1 }
        }
        return letters > 40
    }

    /// Grade words every graded framework shares.
    static let common: [String: Level] = ["outstanding": .outstanding, "good": .good, "inadequate": .inadequate]
    /// APA and JAR, after any "Grade" prefix: the words of their 1–4 scale.
    static let numberedScale: [String: Level] = [
        "excellent": .outstanding, "adequate": .adequate,
        "four": .outstanding, "three": .good, "two": .adequate, "one": .inadequate,
    ]
    static let slacScale: [String: Level] = ["adequate": .adequate]
    static let requiresImprovementScale: [String: Level] = [
        "requires improvement": .adequate, "requires improvement to be good": .adequate,
        "require improvement": .adequate, "require improvement to be good": .adequate,
    ]
    /// The most words a grade has ("requires improvement to be good"), so that a reader can pass over
    /// longer text without reading it as a grade. A test checks it against the scales above.
    static let mostWords = 5

    static func word(_ folded: String, allowing extra: [String: Level]) -> Level? {
        common[folded] ?? extra[folded]
    }

    /// Lower-cased, HTML tags and Markdown emphasis removed, trailing full stop dropped, spaces folded.
    static func clean(_ written: String) -> String {
        var text = MarkupStripping.replacingTags(written, limit: 20, with: "")
        if text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
            text = text.replacingOccurrences(ofASCII: "*", with: "").replacingOccurrences(ofASCII: "_", with: " ")
        }
        var folded = ReportText.folded(text)
        while let last = folded.last, last == "." || last == ":" || last == " " { folded.removeLast() }
        return folded
    }
}
