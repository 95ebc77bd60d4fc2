import Corpus
import Foundation
import Testing
@testable import Reports
import Site

/// The readers' byte and scalar fast paths give exactly what their Character-by-Character definitions give,
/// on every line and paragraph of the bundled reports and on strings built to catch the edge cases
/// (combining marks after spaces, quotes and dashes; CR LF; no-break and ideographic spaces; emoji).
@Suite struct FastPathTests {
    static let edgeCases: [String] = [
        "", " ", "Staying safe", "  Children’s  services\tare GOOD. ", "Outcomes \u{2013} good \u{2014} ‘very’ “good”",
        "a \u{301}b", "’\u{301}s", "–\u{301}", "x\u{00A0}y\u{3000}z", "line\r\nnext", "İstanbul KELVIN \u{212A}",
        "e\u{301}cole", "👩‍👩‍👧 family", "👍🏽 good", "\u{0600}1 2", "Grade\u{2003}2", "tab\tand  spaces   three",
        "Ends with space ", "é", "\u{200B}zero width", "naïve café", "१२३ digits", "Ⅻ roman",
    ]

    static func samples() throws -> [String] {
        var samples = edgeCases
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).filter { $0.hasSuffix(".txt") }
        for name in names.sorted() {
            let text = try Fixtures.text(Fixtures.content.appendingPathComponent(name))
            let lines = ReportText(path: name, text: text).lines.map(\.text)
            samples += lines
            // Whole paragraphs too, as blocks join them.
            samples += stride(from: 0, to: lines.count, by: 6).map { lines[$0..<min($0 + 6, lines.count)].joined(separator: " ") }
        }
        // Each edge case inside a real sentence, at its start and at its end.
        for edge in edgeCases {
            samples += ["The contribution \(edge) is good. Next", "\(edge) is good. The", "It is good\(edge)"]
        }
        return samples
    }

    /// The judgement table's header is found once per report and shared by every copy of its text: the
    /// first pages scoring reads, the whole text the layout reads. Each must find what a text of its own
    /// (no shared cache) finds, whichever copy asks first.
    @Test func theJudgementTableIsTheSameFromEveryCopyOfAText() throws {
        let folders = [Fixtures.content, Fixtures.content.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/Reports")]
        var tables = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                let source = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
                let own = ReportText(path: name, text: source)
                let expected = (whole: GradedStructureReader.judgementTable(in: own),
                                head: GradedStructureReader.judgementTable(in: SIFAndILACSReading.firstPages(of: ReportText(path: name, text: source))))
                if expected.whole != nil { tables += 1 }
                for headFirst in [true, false] {
                    let text = ReportText(path: name, text: source)
                    let head = SIFAndILACSReading.firstPages(of: text)
                    var foundHead: Range<Int>?
                    if headFirst { foundHead = GradedStructureReader.judgementTable(in: head) }
                    let foundWhole = GradedStructureReader.judgementTable(in: text)
                    if !headFirst { foundHead = GradedStructureReader.judgementTable(in: head) }
                    #expect(foundWhole == expected.whole && foundHead == expected.head, "\(name)")
                }
            }
        }
        #expect(tables >= 2)
    }

    /// The decoder's one pass over a file's bytes finds what its separate checks found: the first NUL,
    /// the stray control characters, a carriage return and the longest line, on random bytes heavy in
    /// line breaks and controls (at every offset of a slice, as after a byte order mark) and on every
    /// fixture.
    @Test func theByteCensusAgreesWithEachCheck() throws {
        var random = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        var inputs: [ArraySlice<UInt8>] = [[], [0x0D], [0x0A], [0x0D, 0x0A], [0x41, 0x0D, 0x0D, 0x0A, 0x41, 0x41]]
        for length in [1, 2, 3, 7, 64, 500] {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                inputs.append(bytes[...])
                inputs.append(bytes.dropFirst(min(3, bytes.count)))
            }
        }
        // Printable text with a control byte here and there, so that runs of eight printable bytes (which
        // the census passes over a word at a time) meet controls at every offset.
        let printable: [UInt8] = [0x20, 0x41, 0x7E, 0x80, 0xC3, 0xA9, 0xFF, 0x5F, 0x60, 0x9F, 0xA0]
        for length in [9, 17, 64, 500] {
            for _ in 0..<60 {
                let bytes = (0..<length).map { _ in
                    random.next() % 23 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : printable[Int(random.next() % UInt64(printable.count))]
                }
                inputs.append(bytes[...])
                inputs.append(bytes.dropFirst(min(5, bytes.count)))
            }
        }
        let folders = [Fixtures.content, Fixtures.content.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/Reports")]
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                inputs.append([UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))[...])
            }
        }
        for bytes in inputs {
            let census = ByteCensus(bytes)
            let controls = bytes.indices.filter { ReportDecoder.isStrayControl(bytes[$0]) }
            #expect(census.firstNUL == bytes.firstIndex(of: 0), "\(Array(bytes))")
            #expect(census.firstControl == controls.first && census.controls == controls.count, "\(Array(bytes))")
            #expect(census.hasCarriageReturn == bytes.contains(0x0D), "\(Array(bytes))")
            #expect(census.longestLine == LineIndex(bytes).longest.length, "\(Array(bytes))")
        }
    }

    @Test func foldingAgrees() throws {
        let differing = try Self.samples().filter { ReportText.folded($0) != ReportText.foldedByCharacter($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func collapsingWhiteSpaceAgrees() throws {
        let differing = try Self.samples().filter { ReportText.collapsingWhitespace($0) != ReportText.collapsingWhitespaceByCharacter($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// `replacingOccurrences(ofASCII:with:)` gives what Foundation's `replacingOccurrences` gives, for the
    /// targets the readers replace, on the samples, on them with every target put in, and on random ASCII
    /// made of the targets' own characters (overlapping runs such as `***` and `&amp;amp;`).
    @Test func asciiReplacingAgrees() throws {
        let targets: [(StaticString, StaticString)] = [
            ("**", ""), ("__", ""), ("*", ""), ("_", " "), ("&nbsp;", " "), ("&amp;", "&"), ("|", " "), ("judgment", "judgement"),
        ]
        var texts = try Self.samples()
        texts += texts.prefix(400).map { "**\($0)__ &amp;amp; &nbsp;| judgment*_" }
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("*_&amp;nbsp|judgment \u{37E}")
        texts += (0..<2_000).map { _ in String((0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        for (target, replacement) in targets {
            let differing = texts.filter {
                $0.replacingOccurrences(ofASCII: target, with: replacement)
                    != $0.replacingOccurrences(of: String(describing: target), with: String(describing: replacement))
            }
            #expect(differing.isEmpty, "\(target): \(differing.prefix(5))")
        }
    }

    /// `ReportDocument.cleanCell` takes footnote marks out only where their bytes are, and collapses white
    /// space by bytes: it gives what filtering every Character and splitting at white space give.
    @Test func cleanCellsAgree() throws {
        var texts = try Self.samples()
        texts += ["Outcome¹", "Grade ²  3", "Note⁴ and ⁰", "¹\u{301} ⁹", "**Good** ³", "a\u{2003}b ¹"]
        let differing = texts.filter { text in
            var plain = MarkupStripping.replacingTags(MarkupStripping.removingFootnotes(text, limit: nil), limit: 30, with: " ")
            plain = plain.replacingOccurrences(of: "**", with: "").filter { !Furniture.footnoteMarks.contains($0) }
            return ReportDocument.cleanCell(text) != plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func columnsAgree() throws {
        let differing = try Self.samples().filter { ReportCells.columns(of: $0) != ReportCells.columnsByCharacter(of: $0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// The sixteen-at-a-time paths of `columns(of:)`, `plainWordCount`, `collapsingWhitespace`, `folded`,
    /// `HeadWords.mayHoldMark`, `characterCount`, `mayJoinScalars`, sentences and the letter count of grade
    /// words agree with a byte or a Character at a time
    /// on random text of every length to several blocks, with each byte they treat apart at every place.
    @Test func vectorPathsAgreeOnRandomText() {
        func plainByByte(_ text: String) -> Int? {
            let bytes = Array(text.utf8)
            guard let first = bytes.first, let last = bytes.last, first != 0x20, first < 0x80, last != 0x20, first != UInt8(ascii: "-"), first != UInt8(ascii: "*") else { return nil }
            // Beyond ASCII, only scalars that are not white space and join no neighbour.
            guard !text.unicodeScalars.contains(where: { $0.value >= 0x80 && (TextScanning.isUnicodeWhitespace($0) || $0.value >= 0x300 && TextScanning.scalarMayJoin($0)) }) else { return nil }
            var previousWasSpace = false
            var spaces = 0
            for byte in bytes {
                guard byte >= 0x20, !"#<&*_".utf8.contains(byte) else { return nil }
                if byte == 0x20 && previousWasSpace { return nil }
                previousWasSpace = byte == 0x20
                if byte == 0x20 { spaces += 1 }
            }
            return spaces + 1
        }
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "B", "z", " ", " ", "  ", "\t", "#", "<", "&", "*", "_", "-", "\u{1F}", "\u{7F}", "é", "’", "1", "\u{0B}", "\u{A0}", "e\u{301}", "`", "A", "Z", "@", "[", "\r\n", ". ", ". The", "! A", "? ’Tis", ".", "“", "\u{1F600}"]
        var differing: [String] = []
        for _ in 0..<20_000 {
            // Mostly plain words and single spaces, so that many texts pass every block.
            let text = (0..<next(60)).map { _ in next(4) == 0 ? pieces[next(pieces.count)] : ["word", "s", " ", "Word"][next(4)] }.joined()
            if ReportCells.plainWordCount(text) != plainByByte(text) || ReportCells.columns(of: text) != ReportCells.columnsByCharacter(of: text)
                || ReportText.collapsingWhitespace(text) != ReportText.collapsingWhitespaceByCharacter(text)
                || ReportText.folded(text) != ReportText.foldedByCharacter(text)
                || Array(text.utf8).withUnsafeBufferPointer(HeadWords.mayHoldMark) != text.utf8.contains(where: { ReportCells.isDecorationMark($0) || $0 == 0xE2 })
                || TextScanning.characterCount(text) != text.count
                || TextScanning.mayJoinScalars(text.unicodeScalars) != TextScanning.mayJoinScalars(Array(text.unicodeScalars))
                || GradeWords.hasMoreThan40Letters(text) != (!text.contains("<") && text.utf8.count { (0x61...0x7A).contains($0 | 0x20) } > 40) {
                differing.append(text)
            }
            let sentences = ProseGrades.sentences(of: text), byCharacter = ProseGrades.sentencesByCharacter(of: text)
            if sentences.map(\.0) != byCharacter.map(\.0) || sentences.map(\.1) != byCharacter.map(\.1) {
                differing.append(text)
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map(\.debugDescription))")
    }

    /// Text ruled out by the four-digit test holds no date the patterns would find.
    @Test func textWithoutAYearHoldsNoDate() throws {
        var samples = try Self.samples()
        samples += ["1 June 2015", "12th Sept. 2009", "3/4/2012", "1 – 25 June 2015", "2 to 3 May 201", "1\u{301} June 2015",
                    "1 June 2\u{301}015", "1 June 20\u{2019}15", "Page 12 of 40", "١٢ June ٢٠١٥"]
        let missed = samples.filter { !ReportFacts.mayHoldYear($0) && !ReportFacts.datesByPattern(in: $0).isEmpty }
        #expect(missed.isEmpty, "\(missed.prefix(5))")
        #expect(samples.filter { !ReportFacts.datesByPattern(in: $0).isEmpty }.count > 20, "the samples hold dates")
        #expect(samples.filter { !ReportFacts.mayHoldYear($0) }.count * 2 > samples.count, "most samples are ruled out")
    }

    /// Whether a statement may end with a grade: its last word, past full stops and white space, is the
    /// last word of a grade phrase, in any case; or it ends beyond ASCII.
    @Test func statementEndsAgree() throws {
        func reference(_ text: String) -> Bool {
            var bytes = Array(text.utf8)
            while let last = bytes.last, last == UInt8(ascii: ".") || [9, 10, 11, 12, 13, 32].contains(last) { bytes.removeLast() }
            if let last = bytes.last, last >= 0x80 { return true }
            let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
            return ["good", "outstanding", "adequate", "improvement"].contains { lowered.hasSuffix($0) }
        }
        let samples = try Self.samples() + Self.judgementSentences + ["GOOD.", "good . \t", "od", "", "Requires IMPROVEMENT..", "é good", "good é", "xadequate"]
        let differing = samples.filter { GradedStructureReader.mayEndWithGrade($0) != reference($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(samples.filter(GradedStructureReader.mayEndWithGrade).count > 20)
    }

    /// A cell's word count is the number of runs of Characters other than white space.
    /// A cell is the "Grade" header exactly when its significant words are ["grade"], and the header
    /// words skip only cells whose words name neither "judgement" nor "grade".
    @Test func headerWordsAreSignificantWordsWhereTheyMatter() throws {
        let samples = try Self.samples() + [
            "Grade", "GRADES", " grade: ", "Grâde", "Gr ade", "\u{212A}grade", "gra\u{301}de", "Judgment", "JUDGEMENTS", "judg\u{0130}ment",
        ]
        for sample in samples {
            let words = OutcomeMatch.significantWords(sample)
            let header = OutcomeMatch.headerWords(sample)
            #expect(header == words || header.isEmpty, "\(sample)")
            if words.contains("grade") || words.contains("judgement") { #expect(header == words, "\(sample)") }
            #expect(GradedStructureReader.isGradeHeader(ReportCell(text: sample, line: 1, inRow: false, isHeading: false, isBullet: false)) == (words == ["grade"]), "\(sample)")
        }
    }

    /// The first ":" (or other ASCII character) found from the bytes is the first found by Character.
    @Test func firstASCIICharacterAgrees() throws {
        let samples = try Self.samples() + ["a:b", ":", "a\r\n:", ":\u{301}x:", "é: x", "x :\u{301}", ""]
        for sample in samples {
            for character in [":", "(", "a"] as [Unicode.Scalar] {
                #expect(TextScanning.firstIndex(of: character, inASCII: sample) == sample.firstIndex(of: Character(character)), "\(sample.debugDescription)")
            }
        }
    }

    @Test func cellWordCountsAgree() throws {
        let samples = try Self.samples() + ["a\u{00A0}b", "\u{3000}x y\u{2028}z", "’s good", "e\u{301} f", " \u{301}x", "\u{85}"]
        let differing = samples.filter { ReportCell.words(in: $0) != $0.split(whereSeparator: \.isWhitespace).count }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// Text that `plainWordCount` passes is what cleaning step by step leaves unchanged, neither heading
    /// nor bullet, with the words and no markup a cell of it has; and most lines of the reports are plain.
    @Test func plainTextIsWhatCleaningLeavesAlone() throws {
        let samples = try Self.samples() + ["- a", "* b", "a  b", " a", "a ", "a\tb", "#a", "a_b", "a<b", "a&b", "a*b", "\u{7F}x", "x\u{0B}",
                                            "Children’s services", "a – b", "x ’", "’x", "• a", "– a", "a\u{A0}b", "a \u{A0}", "e\u{301}x", "x e\u{301}",
                                            "a\u{2003}", "\u{F0B7} a", "a\u{200D}b", "café au lait", "a ‘quoted’ word"]
        var plain = 0
        var differing: [String] = []
        for sample in samples {
            guard let words = ReportCells.plainWordCount(sample) else { continue }
            plain += 1
            let cell = ReportCell(text: sample, line: 1, inRow: false, isHeading: false, isBullet: false)
            if ReportCells.cleanStepByStep(sample) != (sample, false, false) || words != cell.wordCount || cell.mayHoldMarkup { differing.append(sample) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(plain * 2 > samples.count, "most samples are plain")
        #expect(ReportCells.plainWordCount("a  b") == nil && ReportCells.plainWordCount("- a") == nil && ReportCells.plainWordCount("") == nil)
        #expect(ReportCells.clean("") == ("", false, false) && ReportCells.cleanStepByStep("") == ("", false, false))
        #expect(ReportCells.plainWordCount("Staying safe: good") == 3)
        #expect(ReportCells.plainWordCount("The authority’s services – good") == 5)
        #expect(ReportCells.plainWordCount("a\u{A0}b") == nil && ReportCells.plainWordCount("e\u{301}") == nil && ReportCells.plainWordCount("• a") == nil)
    }

    @Test func gradeWordSearchAgrees() throws {
        let samples = try Self.samples() + ["GOOD", "Adequate", "OutStanding.", "excellent", "d", "goo d", "inADEQUATE", "outstandin", "xcellent"]
        let differing = samples.filter { sample in
            ProseGrades.mayGrade(sample) != ["outstanding", "excellent", "good", "adequate"].contains { TextScanning.contains(sample, caseInsensitive: $0) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func shortLastWordsAgree() throws {
        let samples = try Self.samples() + ["Staying safe   2", "x 12", "x 1234", "abc", "2", "Good  a1", "\u{0600} 1", "é 12", "a\u{0600} 1", ""]
        let differing = samples.filter { sample in
            guard let fast = ReportDocument.endsInShortASCIIWord(sample) else { return false }
            let value = sample.reversed().prefix { !$0.isWhitespace }
            return fast != ((1...3).contains(value.count) && value.contains(where: \.isNumber))
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func punctuationTestsAgree() {
        for character in [".", "!", "?", ":", ";", ")", ",", "a", "’", "\r\n", "\n", ".\u{301}", "é", " "] as [Character] {
            let sets: [(StaticString, String)] = [(".!?:;", ".!?:;"), (".:?!)", ".:?!)"), ("-*_|", "-*_|"), (",;.", ",;."), ("\n", "\n")]
            for (set, text) in sets {
                #expect(character.isOne(of: set) == text.contains(character), "\(character.debugDescription) in \(text)")
            }
        }
        // Every ASCII character, alone and with a combining mark, and letters beyond ASCII.
        let ascii: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        let marked: [String] = ascii.map { $0 + "\u{301}" }.filter { $0.count == 1 }
        let others: [String] = ["é", "ß", "Ω", "я", "中", "\u{212A}", "İ", "\r\n", "\u{A0}", "1\u{20E3}", "👍🏽", "٣", "½", "Ⅻ", "ǅ", "ª"]
        let characters: [Character] = (ascii + marked + others).map { Character($0) }
        for character in characters {
            #expect(character.isLetterQuickly == character.isLetter, "\(character.debugDescription)")
            #expect(character.isNumberQuickly == character.isNumber, "\(character.debugDescription)")
            #expect(character.isUppercaseQuickly == character.isUppercase, "\(character.debugDescription)")
            #expect(character.isLowercaseQuickly == character.isLowercase, "\(character.debugDescription)")
        }
    }

    @Test func sentencesAgree() throws {
        let differing = try Self.samples().filter { sample in
            let fast = ProseGrades.sentences(of: sample), slow = ProseGrades.sentencesByCharacter(of: sample)
            return fast.map(\.0) != slow.map(\.0) || fast.map(\.1) != slow.map(\.1)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    static let judgementSentences = [
        "The contribution of the council is good.", "It is good", "Services are  very   good overall", "The work is good in.x",
        "The work is good in'x", "x is good inadequate", "Work has been judged to be good because", "It remains at least adequate; and",
        "The council continues to be outstanding)", "is good", " is good", "The service was excellent whilst", "The service was good whiles",
        "The service were GOOD AND", "Capacity to improve is Good.", "it is goodness.", "They are now still good at", "A is B is good.",
        "The help IS \tgood", "The effectiveness is adequate for_", "The effectiveness is adequate for2", "It is mostly inadequate:",
        "The council’s work is good.", "Children’s services are good and’s", "It is good andé", "It is good and.é", "It is good\u{00A0}overall",
        "It ha\u{17F} been good", "It is good an\u{AD}d x", "Care is good with\u{301}", "The café is good", "Naïve work is good because",
        "x is good ın", "It is good in’x", "It is good:é", "İt is good", "it ıs good", "Work is ɡood", "Work is good wıth", "Work is good at\u{2019}",
        "Work \u{2003}is good", "Work is good\u{2028}", "“Work” is good.", "Work is “good”", "Work is good – and", "Work is good —with",
    ]

    /// Judgement sentences with scalars beyond ASCII put in at random places: white space, marks, case
    /// forms of ASCII letters, letters, punctuation and symbols.
    static func sentencesWithScalarsBeyondASCII(count: Int) -> [String] {
        let scalars: [Unicode.Scalar] = ["\u{2019}", "\u{E9}", "\u{131}", "\u{17F}", "\u{212A}", "\u{130}", "\u{A0}", "\u{2003}", "\u{301}",
                                         "\u{AD}", "\u{1F600}", "\u{4E2D}", "\u{627}", "\u{200D}", "\u{2013}", "\u{201C}", "\u{FF41}", "\u{3000}"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var characters = Array(judgementSentences[next(judgementSentences.count)].unicodeScalars)
            for _ in 0...next(2) { characters.insert(scalars[next(scalars.count)], at: next(characters.count + 1)) }
            var text = ""
            text.unicodeScalars.append(contentsOf: characters)
            return text
        }
    }

    /// The hand-written judgement-sentence matcher finds what `Patterns.copular` finds, or leaves the
    /// sentence to it.
    @Test func copularMatcherAgreesWithThePattern() throws {
        var decided = 0
        var decidedBeyondASCII = 0
        for sample in try Self.samples() + Self.judgementSentences + Self.sentencesWithScalarsBeyondASCII(count: 4000) {
            let regex = sample.firstMatch(of: Patterns.copular)
            switch CopularMatcher.match(sample) {
            case .undecided: continue
            case .none: #expect(regex == nil, "\(sample)")
            case .found(let subjectEnd, let grade):
                decided += 1
                if !sample.isASCII { decidedBeyondASCII += 1 }
                let utf8 = sample.utf8
                #expect(regex.map { utf8.distance(from: utf8.startIndex, to: $0.output.subject.endIndex) } == subjectEnd, "\(sample)")
                #expect(regex.map { utf8.distance(from: utf8.startIndex, to: $0.output.grade.startIndex) } == grade.lowerBound, "\(sample)")
                #expect(regex.map { utf8.distance(from: utf8.startIndex, to: $0.output.grade.endIndex) } == grade.upperBound, "\(sample)")
            }
        }
        #expect(decided > 20)
        #expect(decidedBeyondASCII > 200, "sentences beyond ASCII are matched from their bytes")
        // Case forms of ASCII letters, white space and marks beyond ASCII are left to the pattern.
        for sentence in ["It ha\u{17F} been good", "It is \u{212A}ind and good", "İt is good", "It is good\u{00A0}overall", "It is good\u{301}"] {
            #expect(CopularMatcher.match(sentence) == .undecided, "\(sentence)")
        }
    }

    /// A label's number is taken off as `Patterns.labelNumberPrefix` takes it off.
    @Test func labelNumbersComeOffAsThePatternTakesThem() throws {
        let numbers = ["2.1 Adoption", "2. Children", "2.1. Care", "12 Leaders", "123 Leaders", "1.23 x", "1.234 x", "2.\tx", "2.1", "2. ",
                       "2.\u{00A0}Care", "7x", "1.2.3 x", "2.1\u{2003}x", "½ x", "٣ x", "2." + String(repeating: " ", count: 20) + "x"]
        let differing = (try Self.samples() + numbers).filter { $0.first?.isNumber == true }.filter {
            GradedStructureReader.withoutNumber($0) != $0.replacing(Patterns.labelNumberPrefix, with: "")
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// A key-fact pattern finds in the window what it finds in the whole text.
    @Test func keyFactWindowsHoldEveryMatch() throws {
        let facts = ["There were 1,234 children looked after.", "x12 children looked after and 7 children in care", "A,5 children in care",
                     "Of the 45\u{00A0}children in care, 3 children were on child protection plans", "no number: children looked after",
                     "3 \tChildren and young people were looked after", "٣ children in care", "He said 12:\n40 children in care"]
        var found = 0
        for sample in try Self.samples() + facts {
            for pattern in [Patterns.childrenLookedAfter, Patterns.childProtectionPlans] {
                let whole = sample.firstMatch(of: pattern)
                let windowed = ReportFacts.keyFactWindow(sample)?.firstMatch(of: pattern)
                #expect(whole?.range == windowed?.range, "\(sample)")
                if whole != nil { found += 1 }
            }
        }
        #expect(found >= 5)
    }

    /// The byte tests that decide whether a pattern runs never skip a sentence the pattern matches.
    @Test func patternGuardsMissNoMatch() throws {
        var copular = 0
        for sample in try Self.samples() {
            if sample.firstMatch(of: Patterns.copular) != nil {
                copular += 1
                #expect(ProseGrades.mayBeCopular(sample), "\(sample)")
            }
            if sample.firstMatch(of: Patterns.childrenLookedAfter) != nil || sample.firstMatch(of: Patterns.childProtectionPlans) != nil {
                #expect(ReportFacts.keyFactWindow(sample) != nil, "\(sample)")
            }
        }
        #expect(copular > 20, "the samples hold judgement sentences to check the guard on")
    }

    /// A line made from its bytes (`Line(number:endTrimmedFrom:)`) is the line made Character by
    /// Character: the same text without white space Characters at its end, the same trimmed text, the same
    /// blankness. Each sample is tried with spaces, tabs and other white space before and after it.
    @Test func linesMadeFromBytesAgreeWithCharacters() throws {
        var bases = try Self.samples()
        bases += ["\u{0600} ", "\u{0600}\t", "a\u{0600}  ", "\u{301} ", " \u{301}", "\u{00A0}", "x\u{00A0}", "\u{85}x", "\u{0B}x\u{0B}", "\u{1C}x\u{1F}"]
        var made = 0
        var differing: [String] = []
        for base in bases {
            for (before, after) in [("", ""), ("  ", ""), ("", "   "), ("\t", " \t "), ("\u{00A0} ", " \u{3000}"), ("\u{0B}", "\u{0B} ")] {
                let line = before + base + after
                var expected = line
                while let last = expected.last, last.isWhitespace { expected.removeLast() }
                let fast = Array(line.utf8).withUnsafeBufferPointer { ReportText.Line(number: 7, endTrimmedFrom: $0) }
                guard let fast else { continue }
                made += 1
                let reference = ReportText.Line(number: 7, text: expected)
                if fast != reference || fast.trimmed != reference.trimmed || fast.isBlank != reference.isBlank { differing.append(line) }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { Array($0.unicodeScalars) })")
        #expect(made > bases.count, "most lines are made from their bytes")
    }

    /// The lines of a report are split at LF, CR LF and CR, without the byte order mark or form feeds, and
    /// without white space at their ends, as Character-by-Character splitting would.
    @Test func linesSplitAsCharactersWould() {
        let text = "\u{FEFF}Title\r\nOne \u{0C}two  \rThree\u{00A0}\n\n  Four\u{2003}\nLast"
        let lines = ReportText(path: "x.txt", text: text).lines
        #expect(lines.map(\.text) == ["Title", "One two", "Three", "", "  Four", "Last"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(lines.map(\.isBlank) == [false, false, false, true, false, false])
        #expect(lines[4].trimmed == "Four")
    }

    /// Random texts of line breaks (LF, CR LF, lone CR, CR CR LF), form feeds, spaces and letters split as
    /// a byte-by-byte reading of each break would split them.
    @Test func linesSplitAtEveryKindOfBreak() {
        func reference(_ text: String) -> [String] {
            var bytes = Array(text.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            var pieces: [[UInt8]] = [[]]
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    pieces.append([])
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                } else {
                    pieces[pieces.count - 1].append(byte)
                    index += 1
                }
            }
            return pieces.map { piece in
                var line = String(decoding: piece.filter { $0 != 0x0C }, as: UTF8.self)
                while let last = line.last, last.isWhitespace { line.removeLast() }
                return line
            }
        }
        var random = SplitMix64(seed: 3)
        let parts = ["a", "Bé", " ", "\n", "\n", "\r", "\r\n", "\r\r\n", "\u{0C}", "\t", "\u{2028}", "x y"]
        for _ in 0..<2000 {
            var text = random.chance(10) ? "\u{FEFF}" : ""
            for _ in 0..<random.int(in: 0...12) { text += random.pick(parts) }
            #expect(ReportText(path: "x.txt", text: text).lines.map(\.text) == reference(text), "\(text.debugDescription)")
        }
    }
}

@Suite struct SignificantWordsTests {
    @Test func wordsWithoutFillersOrPluralEndings() {
        #expect(OutcomeMatch.significantWords("The Experiences and Progress of Care Leavers") == ["experience", "progress", "care", "leaver"])
        #expect(OutcomeMatch.significantWords("Overall JUDGMENTS: effectiveness") == ["overall", "judgement", "effectiveness"])
        #expect(OutcomeMatch.significantWords("Prejudgments about access") == ["prejudgement", "access"])
        #expect(OutcomeMatch.significantWords("2.1 Adoption performance") == ["2", "1", "adoption", "performance"])
        #expect(OutcomeMatch.significantWords("Children’s services in the area") == OutcomeMatch.significantWords("Children's services in the area"))
        #expect(OutcomeMatch.significantWords("Children’s services") == ["children", "service"])
        #expect(OutcomeMatch.significantWords("of the and") == [])
    }
}
