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
    private(set) var words: [Int] = []
    /// The bits (`bit(of:)`) of `words`: a window of lines can only hold a wording's words in order
    /// where its lines' masks together have every bit of the wording's.
    private(set) var mask: UInt64 = 0
    /// The line's significant words are "judgement" or "judgement grade": it could head a judgement table.
    var mayBeTableHeader = false

    /// The words of `text.lines[index]`. The line is read in place, by index, and its bytes borrowed
    /// (`withBorrowedUTF8`, not the mutating `withUTF8`): passing the line itself, as
    /// `lines.map` did, copied it (both its strings retained and released) for every line of the first pages.
    init(text: ReportText, lineAt index: Int) {
        let (decorated, kelvin) = text.lines[index].text.withBorrowedUTF8 { bytes in
            guard Self.mayHoldMark(bytes) else { return (false, false) }
            return (bytes.contains(where: ReportCells.isDecorationMark),
                    bytes.indices.contains { bytes[$0] == 0xE2 && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x84 && bytes[$0 + 2] == 0xAA })
        }
        if decorated || kelvin {
            let words = decorated
                ? text.cells(ofLineAt: index).flatMap { OutcomeMatch.significantWords($0.text) }
                : OutcomeMatch.significantWords(text.lines[index].text)
            self.words = words.compactMap { Self.index[$0] }
            mask = Self.mask(of: self.words)
            mayBeTableHeader = words == ["judgement"] || words == ["judgement", "grade"]
            return
        }
        var count = 0
        var first: Int?
        var second: Int?
        // The tables once per line, not once per word (each read of a static asks whether it is made yet).
        let tables = Self.tables
        text.lines[index].text.withBorrowedUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard OutcomeMatch.isWordByte(bytes[start]) else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, OutcomeMatch.isWordByte(bytes[end]) { end += 1 }
                defer { start = end }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let found: Int?
                switch Self.significant(word, in: tables) {
                case .filler: continue
                case .other: found = nil
                case .known(let index): found = index
                }
                count += 1
                if count == 1 { first = found } else if count == 2 { second = found }
                if let found {
                    words.append(found)
                    mask |= Self.bit(of: found)
                }
            }
        }
        mayBeTableHeader = first == Self.judgement && (count == 1 || count == 2 && second == Self.grade)
    }

    /// Whether `bytes` hold a decoration mark (`ReportCells.isDecorationMark`) or the byte 0xE2 that
    /// starts the Kelvin sign's UTF-8: most lines hold neither, which sixteen bytes at a time shows.
    static func mayHoldMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let kelvinStarts = SIMD16<UInt8>(repeating: 0xE2)
        while index + 16 <= bytes.count {
            let lanes = TextScanning.vector(bytes, at: index)
            if TextScanning.anyLane(ReportCells.decorationMarks(lanes) | TextScanning.zeroLanes(lanes ^ kelvinStarts)) { return true }
            index += 16
        }
        return bytes[index...].contains { ReportCells.isDecorationMark($0) || $0 == 0xE2 }
    }

    enum Word: Equatable {
        /// A word `OutcomeMatch.significantWords` leaves out.
        case filler
        /// A significant word no wording uses.
        case other
        case known(Int)
    }

    /// A word of ASCII letters and digits as `OutcomeMatch.significantWords` makes it (lower-cased,
    /// "judgment" spelt "judgement", plural ending off), looked up among the words of its first letter
    /// and length.
    static func significant(_ word: UnsafeBufferPointer<UInt8>, in tables: Tables = tables) -> Word {
        // Only a word with a "j" can hold "judgment": most long words are passed over at a glance.
        if word.count >= 8, word.contains(where: { $0 | 0x20 == UInt8(ascii: "j") }),
           TextScanning.firstIndex(of: "judgment", caseInsensitiveIn: word, from: 0) != nil {
            // Rare; the text's own definition decides.
            return OutcomeMatch.significantWords(String(decoding: word, as: UTF8.self)).first.flatMap { index[$0] }.map(Word.known) ?? .other
        }
        if lookUp(word, count: word.count, in: tables.fillers) != nil { return .filler }
        var count = word.count
        let s = UInt8(ascii: "s")
        if count > 3, word[count - 1] | 0x20 == s, word[count - 2] | 0x20 != s { count -= 1 }
        return lookUp(word, count: count, in: tables.vocabulary).map(Word.known) ?? .other
    }

    /// Words by lower-case first letter and length, in buffers made once and never freed (so that a look-up
    /// takes no reference count): the words of bucket `letter * (longestWord + 1) + length` are entries
    /// `starts[bucket]..<starts[bucket + 1]`, each the offset of its lower-case bytes in `bytes` and its index.
    fileprivate struct Table: @unchecked Sendable {
        let starts: UnsafeBufferPointer<Int>
        let entries: UnsafeBufferPointer<(offset: Int, index: Int)>
        let bytes: UnsafeBufferPointer<UInt8>
    }
    private static let longestWord = 16

    private static func table(_ words: [String]) -> Table {
        var buckets = [[(bytes: [UInt8], index: Int)]](repeating: [], count: 26 * (longestWord + 1))
        for (index, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= longestWord,
                  bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else {
                preconditionFailure("\(word): a wording's word is looked up by its first letter and length, up to \(longestWord), in lower-case letters and digits")
            }
            buckets[Int(first - 0x61) * (longestWord + 1) + bytes.count].append((bytes, index))
        }
        var starts = [0]
        var entries: [(offset: Int, index: Int)] = []
        var bytes: [UInt8] = []
        for bucket in buckets {
            for word in bucket {
                entries.append((bytes.count, word.index))
                bytes += word.bytes
            }
            starts.append(entries.count)
        }
        func kept<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
            _ = buffer.initialize(from: array)
            return UnsafeBufferPointer(rebasing: buffer[..<array.count])
        }
        return Table(starts: kept(starts), entries: kept(entries), bytes: kept(bytes))
    }

    private static func lookUp(_ word: UnsafeBufferPointer<UInt8>, count: Int, in table: Table) -> Int? {
        guard count > 0, count <= longestWord else { return nil }
        let first = word[0] | 0x20
        guard (0x61...0x7A).contains(first), word[0] >= 0x41 else { return nil }
        let bucket = Int(first - 0x61) * (longestWord + 1) + count
        for entry in table.entries[table.starts[bucket]..<table.starts[bucket + 1]] {
            // Every byte of a word is a letter or a digit, and `| 0x20` lower-cases a letter and keeps a digit.
            var index = 0
            while index < count, word[index] | 0x20 == table.bytes[entry.offset + index] { index += 1 }
            if index == count { return entry.index }
        }
        return nil
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
    static let judgement = index["judgement"]
    static let grade = index["grade"]
    /// The look-up tables of the wordings' words and of the words `OutcomeMatch.significantWords` leaves out.
    struct Tables: Sendable {
        fileprivate let vocabulary: Table
        fileprivate let fillers: Table
    }

    static let tables = Tables(vocabulary: table(vocabulary), fillers: table(OutcomeMatch.fillers.sorted()))

    /// A vocabulary index's bit in a mask: its own for the first 63, one shared by the rest.
    static func bit(of index: Int) -> UInt64 { 1 << UInt64(min(index, 63)) }

    static func mask(of words: [Int]) -> UInt64 { words.reduce(0) { $0 | bit(of: $1) } }

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
