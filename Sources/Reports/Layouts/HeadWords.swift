import Site

/// The words of one line that the SIF and ILACS wordings use, in order, as numbers: what
/// `SIFAndILACSReading.mayGradeTwoOutcomes` looks for in the first pages of every report.
///
/// A line's words are its cells' significant words (`OutcomeMatch.significantWords`). For a line
/// without decoration (`ReportCells.isDecorationMark`) those are the line's own words, as cells only
/// split a line at white space; they are then read straight from the bytes, taking a byte outside ASCII
/// as a break between words. That can only cut a word that has a letter outside ASCII into pieces, and
/// such a word is none of the wordings' words, all ASCII, unless folding makes its letters ASCII: of
/// all scalars only the Kelvin sign lower-cases to an ASCII letter, and a line holding one is read as
/// text. So every wording word the line has is found; a piece found in its place only makes the answer
/// yes more often. A decorated line is read from its cells, as the row reader reads it.
struct HeadWords: Equatable {
    /// The line's words that some wording uses, as indices into `vocabulary`.
    var words: [Int] = []
    /// The line's significant words are "judgement" or "judgement grade": it could head a judgement table.
    var mayBeTableHeader = false

    init(text: ReportText, line: ReportText.Line) {
        var text8 = line.text
        let (decorated, kelvin) = text8.withUTF8 { bytes in
            (bytes.contains(where: ReportCells.isDecorationMark),
             bytes.indices.contains { bytes[$0] == 0xE2 && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x84 && bytes[$0 + 2] == 0xAA })
        }
        if decorated || kelvin {
            let words = decorated
                ? text.cells(of: line).flatMap { OutcomeMatch.significantWords($0.text) }
                : OutcomeMatch.significantWords(text8)
            self.words = words.compactMap { Self.index[$0] }
            mayBeTableHeader = words == ["judgement"] || words == ["judgement", "grade"]
            return
        }
        var count = 0
        var first: Int?
        var second: Int?
        text8.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard Self.isWordByte(bytes[start]) else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
                defer { start = end }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let found: Int?
                switch Self.significant(word) {
                case .filler: continue
                case .other: found = nil
                case .known(let index): found = index
                }
                count += 1
                if count == 1 { first = found } else if count == 2 { second = found }
                if let found { words.append(found) }
            }
        }
        mayBeTableHeader = first == Self.judgement && (count == 1 || count == 2 && second == Self.grade)
    }

    enum Word: Equatable {
        /// A word `OutcomeMatch.significantWords` leaves out.
        case filler
        /// A significant word no wording uses.
        case other
        case known(Int)
    }

    /// A word of ASCII letters and digits as `OutcomeMatch.significantWords` makes it (lower-cased,
    /// "judgment" spelt "judgement", plural ending off), looked up by a hash of its bytes.
    static func significant(_ word: UnsafeBufferPointer<UInt8>) -> Word {
        if word.count <= fillerLength, let filler = fillers[hash(word, count: word.count)], equal(word, fillerBytes[filler], count: word.count) {
            return .filler
        }
        guard word.count <= longest + 1 else { return .other }
        if word.count >= 8, TextScanning.firstIndex(of: "judgment", caseInsensitiveIn: word, from: 0) != nil {
            // Rare; the text's own definition decides.
            return OutcomeMatch.significantWords(String(decoding: word, as: UTF8.self)).first.flatMap { index[$0] }.map(Word.known) ?? .other
        }
        var count = word.count
        let s = UInt8(ascii: "s")
        if count > 3, word[count - 1] | 0x20 == s, word[count - 2] | 0x20 != s { count -= 1 }
        guard count <= longest, let found = byHash[hash(word, count: count)], equal(word, vocabularyBytes[found], count: count) else { return .other }
        return .known(found)
    }

    /// FNV-1a of the first `count` bytes, lower-cased.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in 0..<count {
            let byte = bytes[index]
            hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hash(_ word: String) -> UInt64 {
        Array(word.utf8).withUnsafeBufferPointer { hash($0, count: $0.count) }
    }

    /// Whether the first `count` bytes, lower-cased, are `lower`.
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: [UInt8], count: Int) -> Bool {
        guard lower.count == count else { return false }
        for index in 0..<count where ((0x41...0x5A).contains(bytes[index]) ? bytes[index] | 0x20 : bytes[index]) != lower[index] { return false }
        return true
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Every word of the built-in SIF and ILACS wordings, and the two of a judgement table's header.
    static let vocabulary: [String] = {
        var words: [String] = ["judgement", "grade"]
        for framework in [Framework.sif, .ilacs] {
            for entry in OutcomeWordings(.builtIn, framework: framework).entries {
                for word in entry.words where !words.contains(word) { words.append(word) }
            }
        }
        return words
    }()

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
    static let longest = vocabulary.map(\.utf8.count).max() ?? 0
    static let judgement = index["judgement"]
    static let grade = index["grade"]
    private static let vocabularyBytes = vocabulary.map { Array($0.utf8) }
    private static let byHash: [UInt64: Int] = Dictionary(vocabulary.indices.map { (hash(vocabulary[$0]), $0) }, uniquingKeysWith: { first, _ in first })
    private static let fillerBytes = OutcomeMatch.fillers.sorted().map { Array($0.utf8) }
    private static let fillers: [UInt64: Int] = Dictionary(OutcomeMatch.fillers.sorted().enumerated().map { (hash($1), $0) }, uniquingKeysWith: { first, _ in first })
    private static let fillerLength = OutcomeMatch.fillers.map(\.utf8.count).max() ?? 0

    /// The built-in wordings of a framework as vocabulary indices, each with its outcome's id.
    static func wordings(_ framework: Framework) -> [(outcome: String, words: [Int])] {
        framework == .sif ? sif : ilacs
    }

    private static func numbered(_ framework: Framework) -> [(outcome: String, words: [Int])] {
        OutcomeWordings(.builtIn, framework: framework).entries.map { ($0.outcome.id, $0.words.map { index[$0]! }) }
    }

    private static let sif = numbered(.sif)
    private static let ilacs = numbered(.ilacs)
}
