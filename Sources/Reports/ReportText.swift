import Foundation
import Site

/// A report's text as numbered lines, ready for a layout to read.
///
/// Line numbers are those of the file as given (1-based), whatever cleaning happens: a judgement found on
/// a cleaned line still points at the line a person would open. Cleaning here is only what every layout
/// needs: no byte order mark, no carriage returns, no form feeds, no trailing spaces, curly apostrophes
/// kept as written (use `folded` to compare).
public struct ReportText: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let number: Int
        public let text: String
        /// The text without white space at either end; every layout asks for it, often several times.
        public let trimmed: String
        public let isBlank: Bool

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
            trimmed = text.trimmingWhitespace()
            isBlank = Self.isBlank(text)
        }

        /// The line of `bytes` (no line break, no form feed) without the white space Characters at its end,
        /// as `ReportText.init` makes it, decided from the bytes; nil when a scalar beyond ASCII at the end
        /// needs Characters to decide (it may be white space, or join the spaces after it into one
        /// Character), for the caller to make the line Character by Character.
        ///
        /// A line that ends in an ASCII byte other than white space ends in a Character that is not white
        /// space: no Character ends in such a byte except the byte alone or after a prepended scalar. Spaces
        /// after an ASCII byte, or at the start, are Characters of their own.
        init?(number: Int, endTrimmedFrom bytes: UnsafeBufferPointer<UInt8>) {
            var end = bytes.count
            while end > 0, TextScanning.isASCIISpace(bytes[end - 1]) { end -= 1 }
            if end > 0, bytes[end - 1] >= 0x80 { return nil }
            var start = 0
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            self.number = number
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            if start < end, bytes[start] >= 0x80 {
                trimmed = text.trimmingWhitespace()
            } else {
                trimmed = start == 0 ? text : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            isBlank = end == 0
        }

        /// `text.allSatisfy(\.isWhitespace)`, decided from the bytes for ASCII text; most lines answer at
        /// their first byte.
        static func isBlank(_ text: String) -> Bool {
            for byte in text.utf8 {
                if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
                if !TextScanning.isASCIISpace(byte) { return false }
            }
            return true
        }
    }

    public var path: String
    public var lines: [Line]
    /// The cells of each line, made once for all the layouts that score and read the report.
    let cellCache = CellCache()

    public static func == (left: ReportText, right: ReportText) -> Bool {
        left.path == right.path && left.lines == right.lines
    }

    /// The page furniture of the text (running headers and footers, page numbers).
    var furniture: Furniture { cellCache.furniture(of: self) }

    /// The cells of `line`, one of this text's lines.
    func cells(of line: Line) -> [ReportCell] {
        cellCache.cells(of: line)
    }

    /// The cells of `lines[index]`, the line read in place: passing it to `cells(of:)` copies it (both its
    /// strings retained and released) only to look up its number.
    func cells(ofLineAt index: Int) -> [ReportCell] {
        cellCache.cells(ofLine: lines[index].number) { ReportCells.cells(of: lines[index]) }
    }

    public init(path: String, text: String) {
        var text = text
        self.path = path
        lines = text.withUTF8 { Self.lines(of: $0) }
    }

    /// The text of `utf8`, which is UTF-8 (bytes that are not are read as U+FFFD).
    public init(path: String, utf8: [UInt8]) {
        self.path = path
        lines = utf8.withUnsafeBufferPointer { Self.lines(of: $0) }
    }

    /// The lines of `bytes`, which end at LF, CR LF or CR; a byte order mark goes, and so do form feeds.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        guard let base = bytes.baseAddress else { return [line(number: 1, of: bytes)] }
        // The next LF by `memchr`, then any CR before it: most texts have no CR, and looking at every
        // byte for either cost more than the rest of making the lines.
        func next(_ byte: Int32, from: Int, to end: Int) -> Int? {
            guard from < end, let found = memchr(base + from, byte, end - from) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        // The next LF at or after `index`, found again only once `index` has passed it (a file of CR line
        // ends is not searched to its end for every line).
        var lineFeed = next(0x0A, from: index, to: bytes.count)
        while index < bytes.count {
            if let found = lineFeed, found < index { lineFeed = next(0x0A, from: index, to: bytes.count) }
            let end = lineFeed ?? bytes.count
            let breakAt = next(0x0D, from: index, to: end) ?? lineFeed
            guard let breakAt else { break }
            lines.append(line(number: lines.count + 1, of: UnsafeBufferPointer(rebasing: bytes[start..<breakAt])))
            index = breakAt + (bytes[breakAt] == 0x0D && breakAt + 1 < bytes.count && bytes[breakAt + 1] == 0x0A ? 2 : 1)
            start = index
        }
        lines.append(line(number: lines.count + 1, of: UnsafeBufferPointer(rebasing: bytes[start...])))
        return lines
    }

    /// The line of `piece` (no line break), without form feeds and the white space at its end.
    private static func line(number: Int, of piece: UnsafeBufferPointer<UInt8>) -> Line {
        let hasFormFeed = piece.baseAddress.map { memchr($0, 0x0C, piece.count) != nil } ?? false
        if !hasFormFeed, let line = Line(number: number, endTrimmedFrom: piece) { return line }
        var text = hasFormFeed ? String(decoding: piece.filter { $0 != 0x0C }, as: UTF8.self) : String(decoding: piece, as: UTF8.self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return Line(number: number, text: text)
    }

    /// Lower-cased, with curly quotes made straight, dashes made hyphens and runs of white space made one
    /// space: the form in which wordings are compared.
    public static func folded(_ text: some StringProtocol) -> String {
        if text.isASCII { return foldedASCII(text.utf8) }
        let byScalars: String?
        if let fromBytes = text.utf8.withContiguousStorageIfAvailable({ foldedUTF8($0) }) {
            byScalars = fromBytes
        } else {
            byScalars = foldedScalars(text.unicodeScalars)
        }
        return byScalars ?? foldedByCharacter(text)
    }

    /// `foldedScalars` of valid UTF-8 in memory: ASCII bytes folded as they stand, not decoded and passed
    /// one by one through the generic loop (most of a report's text is ASCII around the odd curly quote),
    /// and the quotes and dashes folding replaces, which lower-case to themselves, replaced at once.
    static func foldedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var lastWasSpace = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte + 32); lastWasSpace = false
                case UInt8(ascii: "`"): result.append(UInt8(ascii: "'")); lastWasSpace = false
                case 0x09...0x0D, UInt8(ascii: " "):
                    if !lastWasSpace { result.append(UInt8(ascii: " ")) }
                    lastWasSpace = true
                default: result.append(byte); lastWasSpace = false
                }
                index += 1
                continue
            }
            guard let (scalar, length) = TextScanning.scalar(in: bytes, at: index) else { return nil }
            index += length
            // The quotes and dashes folding replaces have no case: they are folded without lower-casing.
            switch scalar.value {
            case 0x2019, 0x2018, 0xB4, 0x201C, 0x201D, 0x2010, 0x2011, 0x2013, 0x2014:
                _ = foldScalar(scalar, into: &result, lastWasSpace: &lastWasSpace)
                continue
            default: break
            }
            for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                guard foldScalar(lowered, into: &result, lastWasSpace: &lastWasSpace) else { return nil }
            }
        }
        if result.last == UInt8(ascii: " ") { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    /// A lower-cased scalar folded onto `result`; false when it could join another into one Character.
    private static func foldScalar(_ scalar: Unicode.Scalar, into result: inout [UInt8], lastWasSpace: inout Bool) -> Bool {
        switch scalar.value {
        case 0x2019, 0x2018, 0x60, 0xB4: result.append(UInt8(ascii: "'")); lastWasSpace = false
        case 0x201C, 0x201D: result.append(UInt8(ascii: "\"")); lastWasSpace = false
        case 0x2013, 0x2014, 0x2010, 0x2011: result.append(UInt8(ascii: "-")); lastWasSpace = false
        case 0x41...0x5A: result.append(UInt8(scalar.value) + 32); lastWasSpace = false
        case 0x09...0x0D, 0x20:
            if !lastWasSpace { result.append(UInt8(ascii: " ")) }
            lastWasSpace = true
        case 0..<0x80: result.append(UInt8(scalar.value)); lastWasSpace = false
        default:
            if TextScanning.mayJoinScalars(CollectionOfOne(scalar)) { return false }
            if TextScanning.isUnicodeWhitespace(scalar) {
                if !lastWasSpace { result.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            } else {
                UTF8.encode(scalar) { result.append($0) }
                lastWasSpace = false
            }
        }
        return true
    }

    /// `folded` Character by Character: the definition the faster paths above must agree with.
    static func foldedByCharacter(_ text: some StringProtocol) -> String {
        let lowered = text.lowercased()
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for character in lowered {
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

    /// `folded` scalar by scalar, lower-casing each as `lowercased()` does; nil when some scalar of the
    /// lower-cased text could join another into one Character, where only Characters give the right answer.
    private static func foldedScalars(_ scalars: some Sequence<Unicode.Scalar>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(scalars.underestimatedCount)
        var lastWasSpace = true
        func fold(_ scalar: Unicode.Scalar) -> Bool { foldScalar(scalar, into: &result, lastWasSpace: &lastWasSpace) }
        for scalar in scalars {
            if scalar.value < 0x80 {
                guard fold(scalar) else { return nil }
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    guard fold(lowered) else { return nil }
                }
            }
        }
        if result.last == UInt8(ascii: " ") { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    /// The words of `text` joined by single spaces: runs of white space made one space, none at either end.
    static func collapsingWhitespace(_ text: String) -> String {
        if isCollapsed(text) { return text }
        guard text.isASCII else {
            if TextScanning.mayJoinScalars(text.unicodeScalars) { return collapsingWhitespaceByCharacter(text) }
            var result: [UInt8] = []
            result.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if TextScanning.isUnicodeWhitespace(scalar) {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    UTF8.encode(scalar) { result.append($0) }
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
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

    /// Whether `text` already has single spaces between words and none at either end, and no scalar
    /// beyond ASCII that is white space or could join a neighbour into one Character.
    private static func isCollapsed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousWasSpace = true
            var beyondASCII = false
            var start = 0
            // After a first byte that is printable ASCII, sixteen bytes at a time (each with the byte before
            // it) while they are printable ASCII or spaces and no space follows a space; from a block that is
            // not so, byte by byte.
            if bytes.count >= 17, bytes[0] > 0x20, bytes[0] < 0x80 {
                let space = SIMD16<UInt8>(repeating: 0x20)
                start = 1
                while start + 16 <= bytes.count {
                    let here = TextScanning.vector(bytes, at: start), before = TextScanning.vector(bytes, at: start - 1)
                    let refused = TextScanning.nonPrintableOrBeyondASCII(here)
                        | TextScanning.zeroLanes(here ^ space) & TextScanning.zeroLanes(before ^ space)
                    if TextScanning.anyLane(refused) { break }
                    start += 16
                }
                previousWasSpace = bytes[start - 1] == UInt8(ascii: " ")
            }
            for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
                if (0x09...0x0D).contains(byte) { return false }
                if byte >= 0x80 {
                    beyondASCII = true
                    previousWasSpace = false
                    continue
                }
                let isSpace = byte == UInt8(ascii: " ")
                if isSpace && previousWasSpace { return false }
                previousWasSpace = isSpace
            }
            guard !previousWasSpace || bytes.isEmpty else { return false }
            guard beyondASCII else { return true }
            // Text beyond ASCII (curly quotes, dashes) is as the scalar path would leave it when none of
            // its scalars is white space or could join a neighbour into one Character.
            return TextScanning.scalarsBeyondASCIIStandAlone(in: bytes)
        }
    }

    /// `collapsingWhitespace` Character by Character.
    static func collapsingWhitespaceByCharacter(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `folded` for text wholly in ASCII, byte by byte: the same result without going through Characters.
    private static func foldedASCII(_ utf8: some Collection<UInt8>) -> String {
        utf8.withContiguousStorageIfAvailable { foldedASCII(contiguous: $0) } ?? Array(utf8).withUnsafeBufferPointer { foldedASCII(contiguous: $0) }
    }

    /// `foldedASCII` of bytes in memory: byte by byte, and where it can sixteen at a time.
    static func foldedASCII(contiguous bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { result in
            var count = 0
            var lastWasSpace = true
            var index = 0
            func fold(_ byte: UInt8) {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): result[count] = byte + 32; count += 1; lastWasSpace = false
                case UInt8(ascii: "`"): result[count] = UInt8(ascii: "'"); count += 1; lastWasSpace = false
                case 0x09...0x0D, UInt8(ascii: " "):
                    if !lastWasSpace { result[count] = UInt8(ascii: " "); count += 1 }
                    lastWasSpace = true
                default: result[count] = byte; count += 1; lastWasSpace = false
                }
            }
            if bytes.count >= 17 {
                // After the first byte, sixteen at a time (each with the byte before it) where no byte is below
                // 0x20 and no space follows a space or control byte: there folding only lower-cases letters
                // and turns a backtick into an apostrophe, lane by lane. Any other block goes byte by byte.
                // The output never runs ahead of the input, so sixteen bytes fit.
                fold(bytes[0])
                index = 1
                let space = SIMD16<UInt8>(repeating: 0x20), high = SIMD16<UInt8>(repeating: 0x80)
                let backtick = SIMD16<UInt8>(repeating: UInt8(ascii: "`")), apostrophe = SIMD16<UInt8>(repeating: UInt8(ascii: "'"))
                let output = UnsafeMutableRawPointer(result.baseAddress!)
                while index + 16 <= bytes.count {
                    let here = TextScanning.vector(bytes, at: index), before = TextScanning.vector(bytes, at: index - 1)
                    // (ASCII only: the caller has checked.) Below 0x20 wraps to 0xE0 or more when 0x20 is taken
                    // away, and 0x20 or below to 0xDF or more when 0x21 is.
                    let control = (here &- space) & high
                    let doubled = TextScanning.zeroLanes(here ^ space) & (before &- SIMD16<UInt8>(repeating: 0x21)) & high
                    if TextScanning.anyLane(control | doubled) {
                        for byte in UnsafeBufferPointer(rebasing: bytes[index..<(index + 16)]) { fold(byte) }
                    } else {
                        // A–Z: at least 0x41 (0x3F more reaches 0x80) and below 0x5B (0x25 more stays below).
                        let upper = ((here &+ SIMD16<UInt8>(repeating: 0x3F)) & ~(here &+ SIMD16<UInt8>(repeating: 0x25))) & high
                        var folded = here | (upper &>> 2)
                        let isBacktick = SIMD16<UInt8>.zero &- (TextScanning.zeroLanes(here ^ backtick) &>> 7)
                        folded = (folded & ~isBacktick) | (apostrophe & isBacktick)
                        output.storeBytes(of: folded, toByteOffset: count, as: SIMD16<UInt8>.self)
                        count += 16
                        lastWasSpace = bytes[index + 15] == 0x20
                    }
                    index += 16
                }
            }
            while index < bytes.count {
                fold(bytes[index])
                index += 1
            }
            if count > 0, result[count - 1] == UInt8(ascii: " ") { count -= 1 }
            return count
        }
    }
}

/// Cells by line number, filled as layouts ask for them. A copy of a `ReportText` (such as the first
/// pages a layout scores) shares its original's cache; line numbers never change between copies.
final class CellCache: @unchecked Sendable {
    private let lock = NSLock()
    /// By line number (numbers start at 1, so slot 0 stays empty): an array, not a dictionary, because
    /// the layouts look up the cells of most lines several times and hashing cost more than the rest.
    private var cells: [[ReportCell]?] = []
    /// Far beyond any report's length (the reader refuses files over a few megabytes).
    static let largestCachedLine = 10_000_000
    private var words: [String: [String]] = [:]
    private var furniture: (lineCount: Int, value: Furniture)?
    private var width: (lineCount: Int, value: Int)?
    private var headWords: (lineCount: Int, value: [HeadWords])?
    private var tableHeader: Int??
    private var firstLines: [ReportText.Line]?

    /// `HeadWords` of each line, made once per set of lines (the SIF and ILACS scores both ask, of the
    /// same first pages).
    func headWords(of text: ReportText) -> [HeadWords] {
        if let found = lock.withLock({ headWords }), found.lineCount == text.lines.count { return found.value }
        let made = text.lines.indices.map { HeadWords(text: text, lineAt: $0) }
        lock.withLock { headWords = (text.lines.count, made) }
        return made
    }

    /// `Array(text.lines.prefix(count))` of a text of at least `count` lines, copied once: every copy of
    /// the text has the same first lines (a copy is only ever cut to its first lines).
    func firstLines(_ count: Int, of text: ReportText) -> [ReportText.Line] {
        if let found = lock.withLock({ firstLines }), found.count == count { return found }
        let made = Array(text.lines.prefix(count))
        lock.withLock { firstLines = made }
        return made
    }

    /// `find(text)`, found once: `GradedStructureReader.judgementTableHeader(in:)`, which reads only the
    /// first 150 lines, the same in every copy of the text (scoring reads a copy cut to them).
    func judgementTableHeader(of text: ReportText, _ find: (ReportText) -> Int?) -> Int? {
        if let found = lock.withLock({ tableHeader }) { return found }
        let made = find(text)
        lock.withLock { tableHeader = .some(made) }
        return made
    }

    /// `ReportProse.typicalWidth` of the text, made once per set of lines as `furniture(of:)` is.
    func typicalWidth(of text: ReportText, _ make: () -> Int) -> Int {
        if let found = lock.withLock({ width }), found.lineCount == text.lines.count { return found.value }
        let made = make()
        lock.withLock { width = (text.lines.count, made) }
        return made
    }

    /// `Furniture(text.lines)`, found once for the layouts that score and read the text. A copy of the
    /// text cut to its first lines (as SIF scoring makes) has fewer lines and gets its own.
    func furniture(of text: ReportText) -> Furniture {
        if let found = lock.withLock({ furniture }), found.lineCount == text.lines.count { return found.value }
        let made = Furniture(text.lines)
        lock.withLock { furniture = (text.lines.count, made) }
        return made
    }

    /// `OutcomeMatch.significantWords(text)`, made once per report for each cell text.
    func significantWords(_ text: String) -> [String] {
        if let found = lock.withLock({ words[text] }) { return found }
        let made = OutcomeMatch.significantWords(text)
        lock.withLock { words[text] = made }
        return made
    }

    func cells(of line: ReportText.Line) -> [ReportCell] {
        cells(ofLine: line.number) { ReportCells.cells(of: line) }
    }

    /// The cells of the line numbered `number`, which `make` makes the first time they are asked for.
    func cells(ofLine number: Int, _ make: () -> [ReportCell]) -> [ReportCell] {
        // A text's lines are numbered from 1; a line made by hand with any other number is not cached.
        guard number >= 0, number <= Self.largestCachedLine else { return make() }
        if let found = lock.withLock({ number < cells.count ? cells[number] : nil }) { return found }
        let made = make()
        lock.withLock {
            if number >= cells.count { cells += repeatElement(nil, count: number + 1 - cells.count) }
            cells[number] = made
        }
        return made
    }
}

extension Character {
    /// Whether the Character is one of the ASCII characters of `characters`: `".!?".contains(c)` without
    /// stepping through the Characters of the literal, which every line of a report asked.
    func isOne(of characters: StaticString) -> Bool {
        guard let ascii = singleASCIIByte else { return false }
        let bytes = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        return bytes.contains(ascii)
    }

    /// `isLetter`, answered from the byte when the Character is one ASCII byte (only A–Z and a–z are
    /// letters there), which spares the Unicode property look-up for nearly every character of a report.
    var isLetterQuickly: Bool {
        guard let ascii = singleASCIIByte else { return isLetter }
        return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
    }

    /// `isNumber`, from the byte for a one-byte ASCII Character (only 0–9 are numbers there).
    var isNumberQuickly: Bool {
        guard let ascii = singleASCIIByte else { return isNumber }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// `isUppercase`, from the byte for a one-byte ASCII Character (only A–Z are upper case there).
    var isUppercaseQuickly: Bool {
        guard let ascii = singleASCIIByte else { return isUppercase }
        return ascii >= UInt8(ascii: "A") && ascii <= UInt8(ascii: "Z")
    }

    /// `isLowercase`, from the byte for a one-byte ASCII Character (only a–z are lower case there).
    var isLowercaseQuickly: Bool {
        guard let ascii = singleASCIIByte else { return isLowercase }
        return ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z")
    }

    /// The byte of a Character that is one ASCII byte; nil for any other (CR LF is two bytes, and a
    /// letter with a combining mark more than one).
    private var singleASCIIByte: UInt8? {
        let utf8 = self.utf8
        guard utf8.count == 1, let byte = utf8.first, byte < 0x80 else { return nil }
        return byte
    }
}
