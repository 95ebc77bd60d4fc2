import Site

/// A judgement stated in a sentence rather than in a table or a grade line.
struct ProseGrade: Sendable, Equatable {
    /// What the sentence grades: the section's own outcome, or the capacity to improve, or the
    /// management of services, when its subject names them.
    enum Aspect: Sendable, Equatable {
        case section, capacity, management
    }

    var aspect: Aspect
    var grade: String
    var level: Level
    var line: Int
    var sentence: String
}

/// Finds the sentences in which APA letters and joint area reviews state a judgement.
///
/// These frameworks phrase a judgement about the contribution, work, management or capacity of the
/// council or of services: "The contribution … in this area is good", "The council makes a good
/// contribution …", "It has good capacity to further improve", "The overall contribution of services in
/// keeping children and young people safe is inadequate". A grade word in a sentence about anything else
/// ("Good performance management arrangements", "planning … is excellent", "Progress … has been good")
/// is not a judgement.
enum ProseGrades {
    static let gradeWords = "outstanding|excellent|good|adequate|inadequate"

    /// Gives `take` the judgement sentences of `blocks` in reading order until it answers false: a reader
    /// that needs only the first few reads no further.
    static func scan(_ blocks: [ReportDocument.Block], framework: Framework, _ take: (ProseGrade) -> Bool) {
        for block in blocks where (block.kind == .paragraph || block.kind == .listItem) && mayGrade(block.text) {
            // `read` passes over a sentence with no grade word: such sentences are not made.
            for (sentence, offset) in sentences(of: block.text, keeping: mayGrade) {
                if let (grade, gradeOffset) = read(sentence, framework: framework) {
                    var grade = grade
                    grade.line = block.line(atOffset: offset + gradeOffset)
                    guard take(grade) else { return }
                }
            }
        }
    }

    /// The sentences of a paragraph with their offsets (in characters) in it; with `keep`, only those
    /// whose UTF-8 it accepts, the others not made at all.
    static func sentences(of text: String, keeping keep: ((UnsafeBufferPointer<UInt8>) -> Bool)? = nil) -> [(String, Int)] {
        // Where every Character is one scalar, offsets in scalars are offsets in characters.
        if TextScanning.containsByte(text, 0x0D) || TextScanning.mayJoinScalars(text.unicodeScalars) {
            let all = sentencesByCharacter(of: text)
            guard let keep else { return all }
            return all.filter { sentence in
                var text = sentence.0
                return text.withUTF8(keep)
            }
        }
        // Byte by byte, counting scalars (every byte but a continuation byte starts one).
        var text = text
        return text.withUTF8 { bytes in
            var result: [(String, Int)] = []
            var start = 0
            var startOffset = 0
            var index = 0
            var offset = 0
            let stops = SIMD16<UInt8>(repeating: UInt8(ascii: ".")), bangs = SIMD16<UInt8>(repeating: UInt8(ascii: "!"))
            let questions = SIMD16<UInt8>(repeating: UInt8(ascii: "?"))
            let topBits = SIMD16<UInt8>(repeating: 0xC0), continuation = SIMD16<UInt8>(repeating: 0x80)
            while index < bytes.count {
                // Sixteen bytes with no full stop, exclamation or question mark end no sentence: their scalars
                // (every byte but a continuation byte starts one) are counted, and the continuation bytes of
                // the last one, if it runs past them, are passed over.
                if index + 16 <= bytes.count {
                    let lanes = TextScanning.vector(bytes, at: index)
                    let ends = TextScanning.zeroLanes(lanes ^ stops) | TextScanning.zeroLanes(lanes ^ bangs) | TextScanning.zeroLanes(lanes ^ questions)
                    if !TextScanning.anyLane(ends) {
                        offset += 16 - TextScanning.markedLanes(TextScanning.zeroLanes((lanes & topBits) ^ continuation))
                        index += 16
                        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                        continue
                    }
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"), index + 1 < bytes.count,
                   bytes[index + 1] == UInt8(ascii: " ") {
                    let after = index + 2
                    if after < bytes.count, startsSentence(scalar(in: bytes, at: after)) {
                        let sentence = UnsafeBufferPointer(rebasing: bytes[start...index])
                        if keep?(sentence) ?? true { result.append((String(decoding: sentence, as: UTF8.self), startOffset)) }
                        start = after
                        offset += 2
                        startOffset = offset
                        index = after
                        continue
                    }
                }
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                offset += 1
            }
            if start < bytes.count {
                let sentence = UnsafeBufferPointer(rebasing: bytes[start...])
                if keep?(sentence) ?? true { result.append((String(decoding: sentence, as: UTF8.self), startOffset)) }
            }
            return result
        }
    }

    /// The scalar whose UTF-8 starts at `index` of valid UTF-8 `bytes`.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first!
    }

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x30...0x39, 0x22, 0x27, 0x28, 0x201C, 0x2018: return true
        case 0..<0x80: return false
        default:
            let character = Character(scalar)
            return character.isUppercase || character.isNumber
        }
    }

    /// `sentences(of:)` Character by Character, for text in which some scalars join into one Character.
    static func sentencesByCharacter(of text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                if after < text.endIndex, text[after].isUppercase || text[after].isNumber || "\"“‘'(".contains(text[after]) {
                    result.append((String(text[start..<next]), text.distance(from: text.startIndex, to: start)))
                    start = after
                    index = after
                    continue
                }
            }
            index = next
        }
        if start < text.endIndex {
            result.append((String(text[start...]), text.distance(from: text.startIndex, to: start)))
        }
        return result
    }

    /// Whether `text` holds a grade word that `read` needs ("inadequate" holds "adequate"). A paragraph
    /// without one has no sentence with one, as no word runs across the end of a sentence.
    static func mayGrade(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayGrade)
    }

    /// `mayGrade` of UTF-8 text.
    static func mayGrade(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // "good", "adequate" and "outstanding" each have one "d": look around every "d" (one pass),
        // then for "excellent".
        func has(_ word: StaticString, at start: Int) -> Bool {
            TextScanning.matches(word, caseInsensitiveIn: bytes, at: start)
        }
        func hasWord(around d: Int) -> Bool {
            has("good", at: d - 3) || has("adequate", at: d - 1) || has("outstanding", at: d - 7)
        }
        // `| 0x20` makes "D" "d" and no other byte "d". Sixteen bytes at a time, looking around each "d"
        // among them.
        let ds = SIMD16<UInt8>(repeating: UInt8(ascii: "d")), caseBit = SIMD16<UInt8>(repeating: 0x20)
        var block = 0
        while block + 16 <= bytes.count {
            var found = TextScanning.laneBits(TextScanning.zeroLanes((TextScanning.vector(bytes, at: block) | caseBit) ^ ds))
            while found != 0 {
                if hasWord(around: block + found.trailingZeroBitCount) { return true }
                found &= found - 1
            }
            block += 16
        }
        for d in block..<bytes.count where bytes[d] | 0x20 == UInt8(ascii: "d") {
            if hasWord(around: d) { return true }
        }
        return TextScanning.firstIndex(of: "excellent", caseInsensitiveIn: bytes, from: 0) != nil
    }

    /// The judgement a sentence states (its `line` not yet known), and the offset of the grade word in it.
    static func read(_ sentence: String, framework: Framework) -> (ProseGrade, offset: Int)? {
        guard mayGrade(sentence) else { return nil }
        if let match = copular(sentence) {
            let subject = ReportText.folded(match.subject)
            if TextScanning.contains(subject, "not"), subject.firstMatch(of: Patterns.notWord) != nil { return nil }
            let aspect: ProseGrade.Aspect
            if TextScanning.contains(subject, "capacity"), subject.firstMatch(of: Patterns.capacityWord) != nil {
                aspect = .capacity
            } else if TextScanning.contains(subject, "management of"), subject.firstMatch(of: Patterns.managementOf) != nil {
                aspect = .management
            } else if ["contribution", "work of", "combined work", "effectiveness"].contains(where: { TextScanning.contains(subject, $0) }),
                      subject.firstMatch(of: Patterns.sectionSubject) != nil {
                aspect = .section
            } else {
                return nil
            }
            return grade(match.grade, aspect: aspect, in: sentence, framework: framework)
        }
        if TextScanning.contains(sentence, caseInsensitive: "contribution"), let match = sentence.firstMatch(of: Patterns.contribution) {
            return grade(match.output.grade, aspect: .section, in: sentence, framework: framework)
        }
        if TextScanning.contains(sentence, caseInsensitive: "capacity"), let match = sentence.firstMatch(of: Patterns.capacity) {
            return grade(match.output.grade, aspect: .capacity, in: sentence, framework: framework)
        }
        return nil
    }

    /// What `Patterns.copular` matches in `sentence`: the subject and the grade word.
    static func copular(_ sentence: String) -> (subject: Substring, grade: Substring)? {
        switch CopularMatcher.match(sentence) {
        case .none: return nil
        case .found(let subjectEnd, let grade):
            let utf8 = sentence.utf8
            let index = { utf8.index(utf8.startIndex, offsetBy: $0) }
            return (sentence[..<index(subjectEnd)], sentence[index(grade.lowerBound)..<index(grade.upperBound)])
        case .undecided:
            guard mayBeCopular(sentence), let match = sentence.prefixMatch(of: Patterns.copular) else { return nil }
            return (match.output.subject, match.output.grade)
        }
    }

    /// Whether `Patterns.copular` could match: some grade word is followed by what the pattern's lookahead
    /// allows and preceded, across white space and qualifiers ("very", "at least"), by one of its verbs.
    /// Whatever this byte scan cannot judge (white space or words outside ASCII) counts as a possible
    /// match, so nothing the pattern would match is missed; the pattern then decides.
    static func mayBeCopular(_ sentence: String) -> Bool {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            for word in ["outstanding", "excellent", "good", "adequate", "inadequate"] {
                var from = 0
                while let found = TextScanning.firstIndex(of: word, caseInsensitiveIn: bytes, from: from) {
                    from = found + 1
                    if followsAsPatternAllows(bytes, after: found + word.utf8.count), precededByVerb(bytes, before: found) { return true }
                }
            }
            return false
        }
    }

    /// The pattern's lookahead after a grade word: optional white space then `.,;:)` or the end, or white
    /// space then one of the words that may follow a judgement.
    private static func followsAsPatternAllows(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var index = end
        while index < bytes.count, TextScanning.isASCIISpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"): return true
        case 0x80...: return true
        default: break
        }
        guard index > end else { return false }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        return followingWords.contains { TextScanning.firstIndex(of: $0, caseInsensitiveIn: UnsafeBufferPointer(rebasing: rest.prefix($0.utf8.count)), from: 0) == 0 }
    }

    private static let followingWords = [
        "overall", "because", "and", "but", "although", "though", "with", "in", "for", "as", "at", "since", "while", "whilst",
    ]

    /// Whether white space, then words the pattern allows between its verb and the grade, then one of its
    /// verbs stand before `start`.
    private static func precededByVerb(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var end = start
        while true {
            var index = end
            while index > 0, TextScanning.isASCIISpace(bytes[index - 1]) { index -= 1 }
            if index > 0, bytes[index - 1] >= 0x80 { return true }
            guard index < end, index > 0 else { return false }
            var wordStart = index
            while wordStart > 0, isASCIILetter(bytes[wordStart - 1]) { wordStart -= 1 }
            if wordStart > 0, bytes[wordStart - 1] >= 0x80 { return true }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self).lowercased()
            if copularVerbEndings.contains(word) { return true }
            guard copularQualifierWords.contains(word) else { return false }
            end = wordStart
        }
    }

    /// The last word of each verb `Patterns.copular` allows ("be" ends "continues to be" and also the
    /// qualifier "judged to be").
    private static let copularVerbEndings: Set<String> = ["is", "are", "remains", "remain", "be", "been", "was", "were"]

    /// The words of the qualifiers the pattern allows between verb and grade.
    private static let copularQualifierWords: Set<String> = [
        "now", "still", "currently", "at", "least", "also", "overall", "very", "generally", "broadly", "consistently", "mostly",
    ]

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func grade(_ word: Substring, aspect: ProseGrade.Aspect, in sentence: String, framework: Framework) -> (ProseGrade, offset: Int)? {
        guard let level = GradeWords.level(of: String(word), in: framework) else { return nil }
        let offset = sentence.distance(from: sentence.startIndex, to: word.startIndex)
        return (ProseGrade(aspect: aspect, grade: word.lowercased(), level: level, line: 0, sentence: sentence), offset)
    }
}

extension OutcomeVocabulary {
    /// The outcome a heading names: one of its wordings for `framework`, alone or qualified by what follows
    /// ("Capacity to improve, including…", "… management of its services for children…"), but not as the
    /// start of a longer name ("Children's services authority area"). The longest wording wins.
    func outcome(heading text: String, in framework: Framework) -> Outcome? {
        let folded = ReportText.folded(text)
        // Most headings name no outcome: a wording whose first byte differs is passed over at a glance.
        let first = folded.firstByte
        return best(in: framework) { wording in
            guard wording.firstByte == first, folded.hasPrefix(wording) else { return false }
            let rest = folded.dropFirst(wording.count)
            guard let next = rest.first else { return true }
            if ",:;(-".contains(next) { return true }
            let word = rest.split(separator: " ").first ?? ""
            return next == " " && Self.qualifiers.contains(String(word))
        }
    }

    private static let qualifiers: Set<String> = [
        "including", "and", "of", "for", "in", "to", "by", "with", "within", "among", "across", "-", "(",
    ]

    /// The outcome one of whose wordings for `framework` occurs in a table label; the longest wording wins.
    func outcome(label text: String, in framework: Framework) -> Outcome? {
        let folded = ReportText.folded(text)
        return best(in: framework) { TextScanning.contains(folded, $0) }
    }

    /// Every outcome one of whose wordings occurs in the text, for headings that name two outcomes.
    func outcomes(mentionedIn text: String, in framework: Framework) -> [Outcome] {
        let folded = ReportText.folded(text)
        return outcomes.filter { $0.wordings[framework, default: []].contains { TextScanning.contains(folded, $0) } }
    }

    private func best(in framework: Framework, where matches: (String) -> Bool) -> Outcome? {
        // By index: each outcome is read in place rather than copied (its strings and wordings retained) for every heading.
        var best: (index: Int, length: Int)?
        for index in outcomes.indices {
            for wording in outcomes[index].wordings[framework, default: []] where matches(wording) {
                if wording.count > (best?.length ?? 0) { best = (index, wording.count) }
            }
        }
        return best.map { outcomes[$0.index] }
    }
}

/// `Patterns.copular` by hand, for sentences wholly in ASCII without line breaks, where every Character is
/// one byte and `\s` is ASCII white space.
///
/// The pattern's structure makes it deterministic: the subject ends at the first white space after which
/// a verb, white space, any qualifiers each followed by white space, and a grade word stand, with the
/// lookahead after the grade satisfied. Verbs, qualifiers and grade words begin with letters, so each
/// `\s+` takes a whole run of white space, and no qualifier begins a grade word, so the qualifier loop
/// never needs to give one back. The one thing not decided here is a word boundary after a following
/// word where a `.`, `'` or `:` and a letter come next (Unicode word boundaries join those); such a
/// sentence, and any sentence outside ASCII, is left to the pattern.
enum CopularMatcher {
    enum Result: Equatable {
        case none
        case found(subjectEnd: Int, grade: Range<Int>)
        case undecided
    }

    // StaticStrings, whose bytes `TextScanning.matches` reads in place (a String's are reached through its
    // UTF-8 view).
    static let verbs: [[StaticString]] = [
        ["is"], ["are"], ["remains"], ["remain"], ["continues", "to", "be"], ["continue", "to", "be"],
        ["has", "been"], ["have", "been"], ["was"], ["were"],
    ]
    /// Whether a byte can open one of `verbs`, in either case: most words of a sentence cannot, and are
    /// passed over without trying each verb.
    static let opensVerb: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for verb in verbs { if let first = verb.first?.utf8Start.pointee { table[Int(first)] = true; table[Int(first & ~0x20)] = true } }
        return table
    }()
    static let qualifiers: [[StaticString]] = [
        ["now"], ["still"], ["judged", "to", "be"], ["currently"], ["at", "least"], ["also"], ["overall"], ["very"],
        ["generally"], ["broadly"], ["consistently"], ["mostly"],
    ]
    static let grades: [StaticString] = ["outstanding", "excellent", "good", "adequate", "inadequate"]
    static let following: [StaticString] = ["overall", "because", "and", "but", "although", "though", "with", "in", "for", "as", "at", "since", "while", "whilst"]

    static func match(_ sentence: String) -> Result {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            guard !bytes.contains(where: { (0x0A...0x0D).contains($0) }), TextScanning.isASCII(bytes) || allInert(bytes) else { return .undecided }
            var sawUndecided = false
            for subjectEnd in 1..<max(bytes.count, 1) where isSpace(bytes[subjectEnd]) {
                switch rest(bytes, from: subjectEnd) {
                case .none: continue
                case .found(_, let grade): return sawUndecided ? .undecided : .found(subjectEnd: subjectEnd, grade: grade)
                case .undecided: sawUndecided = true
                }
            }
            return sawUndecided ? .undecided : .none
        }
    }

    /// The pattern after its subject, from the white space at `start`.
    private static func rest(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result {
        var index = skipSpace(bytes, from: start)
        guard index > start, index < bytes.count, opensVerb[Int(bytes[index])], let afterVerb = phrase(verbs, in: bytes, at: index) else { return .none }
        index = afterVerb
        while let afterQualifier = phrase(qualifiers, in: bytes, at: index) { index = afterQualifier }
        guard let grade = grades.first(where: { TextScanning.matches($0, caseInsensitiveIn: bytes, at: index) }) else { return .none }
        let gradeEnd = index + grade.utf8CodeUnitCount
        let next = skipSpace(bytes, from: gradeEnd)
        if next == bytes.count { return .found(subjectEnd: start, grade: index..<gradeEnd) }
        switch bytes[next] {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"):
            return .found(subjectEnd: start, grade: index..<gradeEnd)
        default: break
        }
        guard next > gradeEnd else { return .none }
        var undecided = false
        for follower in following where TextScanning.matches(follower, caseInsensitiveIn: bytes, at: next) {
            switch boundary(bytes, at: next + follower.utf8CodeUnitCount) {
            case true?: return .found(subjectEnd: start, grade: index..<gradeEnd)
            case false?: continue
            case nil: undecided = true
            }
        }
        return undecided ? .undecided : .none
    }

    /// The position after one of `phrases` (words separated by white space) and the white space after it.
    private static func phrase(_ phrases: [[StaticString]], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        for words in phrases {
            var index = start
            var matched = true
            for word in words {
                guard TextScanning.matches(word, caseInsensitiveIn: bytes, at: index) else { matched = false; break }
                let end = index + word.utf8CodeUnitCount
                index = skipSpace(bytes, from: end)
                guard index > end else { matched = false; break }
            }
            if matched { return index }
        }
        return nil
    }

    /// Whether every scalar beyond ASCII leaves the pattern's answer to the ASCII bytes: none is white
    /// space (`\s`), none could join a neighbour into one Character, and none is a case form of an ASCII
    /// letter (U+017F LONG S, U+212A KELVIN SIGN, U+0130, U+0131), which `(?i)` could match as one. Such
    /// a scalar is never a space nor a letter of the words matched; where it stands next to a word's end,
    /// `boundary` leaves the answer to the pattern.
    static func allInert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var inert = true
        TextScanning.forEachScalar(atLeast: 0xC2, in: bytes) { scalar in
            inert = !TextScanning.isUnicodeWhitespace(scalar) && !TextScanning.scalarMayJoin(scalar) && !mapsToASCIILetter(scalar)
            return inert
        }
        return inert
    }

    private static func mapsToASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        // Most scalars beyond ASCII in a report (quotes, dashes) have no other case at all.
        guard properties.changesWhenCaseMapped else { return false }
        return [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping].contains { mapping in
            mapping.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        }
    }

    /// Whether a word boundary stands at `index` after a word's last letter; nil where Unicode word
    /// boundaries and ASCII ones may disagree (a scalar beyond ASCII next to it, or after the `.`, `'` or
    /// `:` next to it).
    private static func boundary(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool? {
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        if byte >= 0x80 { return nil }
        if isWordByte(byte) { return false }
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ":"),
           index + 1 < bytes.count, isWordByte(bytes[index + 1]) || bytes[index + 1] >= 0x80 { return nil }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) && (0x41...0x7A).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }
}
