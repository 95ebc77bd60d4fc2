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

    /// Judgement sentences in `blocks`, in reading order.
    static func find(in blocks: [ReportDocument.Block], framework: Framework) -> [ProseGrade] {
        var found: [ProseGrade] = []
        for block in blocks where block.kind == .paragraph || block.kind == .listItem {
            for (sentence, offset) in sentences(of: block.text) {
                if let (grade, gradeOffset) = read(sentence, framework: framework) {
                    var grade = grade
                    grade.line = block.line(atOffset: offset + gradeOffset)
                    found.append(grade)
                }
            }
        }
        return found
    }

    /// The sentences of a paragraph with their offsets (in characters) in it.
    static func sentences(of text: String) -> [(String, Int)] {
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

    /// The judgement a sentence states (its `line` not yet known), and the offset of the grade word in it.
    static func read(_ sentence: String, framework: Framework) -> (ProseGrade, offset: Int)? {
        let lower = sentence.lowercased()
        guard ["outstanding", "excellent", "good", "adequate"].contains(where: { lower.contains($0) }) else { return nil }
        if let match = sentence.firstMatch(of: Patterns.copular) {
            let subject = ReportText.folded(match.output.subject)
            if subject.firstMatch(of: Patterns.notWord) != nil { return nil }
            let aspect: ProseGrade.Aspect
            if subject.firstMatch(of: Patterns.capacityWord) != nil {
                aspect = .capacity
            } else if subject.firstMatch(of: Patterns.managementOf) != nil {
                aspect = .management
            } else if subject.firstMatch(of: Patterns.sectionSubject) != nil {
                aspect = .section
            } else {
                return nil
            }
            return grade(match.output.grade, aspect: aspect, in: sentence, framework: framework)
        }
        if let match = sentence.firstMatch(of: Patterns.contribution) {
            return grade(match.output.grade, aspect: .section, in: sentence, framework: framework)
        }
        if let match = sentence.firstMatch(of: Patterns.capacity) {
            return grade(match.output.grade, aspect: .capacity, in: sentence, framework: framework)
        }
        return nil
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
        return best(in: framework) { wording in
            guard folded.hasPrefix(wording) else { return false }
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
        return best(in: framework) { folded.range(of: $0) != nil }
    }

    /// Every outcome one of whose wordings occurs in the text, for headings that name two outcomes.
    func outcomes(mentionedIn text: String, in framework: Framework) -> [Outcome] {
        let folded = ReportText.folded(text)
        return outcomes.filter { $0.wordings[framework, default: []].contains { folded.range(of: $0) != nil } }
    }

    private func best(in framework: Framework, where matches: (String) -> Bool) -> Outcome? {
        var best: (outcome: Outcome, length: Int)?
        for outcome in outcomes {
            for wording in outcome.wordings[framework, default: []] where matches(wording) {
                if wording.count > (best?.length ?? 0) { best = (outcome, wording.count) }
            }
        }
        return best?.outcome
    }
}
