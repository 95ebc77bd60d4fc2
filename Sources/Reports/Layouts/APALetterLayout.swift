import Foundation
import Site

/// Annual performance assessment letters to a Director of Children's Services (2005–2008).
///
/// One reader for every year's letter, because the structures overlap: a summary table of numbered
/// judgements where the letter has one (2006: tab-separated, Markdown or flattened), a `Grade N` line
/// under each outcome heading where it has those (2007, sometimes displaced into the section by a page
/// break), and otherwise the judgement sentence that opens each outcome section (2006: "…in this area is
/// good", "makes a good contribution"). A grade line or table number is checked against the sentence.
struct APALetterLayout: ReportLayout {
    let name = "APA letter"
    let framework = Framework.apa

    static let frameworkName = "annual performance assessment"
    static let overall = "overall-effectiveness"

    func score(_ text: ReportText) -> Int {
        LayoutEvidence.score(naming: Self.frameworkName, in: text)
    }

    var highestScore: Int? { LayoutEvidence.titleScore }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        let document = ReportDocument(text)
        var reading = LayoutReading()
        let titleIndex = document.blocks.firstIndex { $0.kind == .heading && $0.folded.contains(Self.frameworkName) }
        let title = titleIndex.map { document.blocks[$0] }
        // The letterhead runs to the salutation; the address in it stands before the title.
        let salutation = text.lines.first { $0.trimmed.hasPrefix("Dear ") }?.number ?? 40
        let letterhead = text.lines.prefix { $0.number <= salutation }
        let address = letterhead.prefix { $0.number < title?.line ?? .max }

        reading.authority = authority(title: title, letterhead: Array(address), reading: &reading, path: text.path)
        reading.letterDate = ReportFacts.letterDate(letterhead)
        reading.readLabelledDates(text)

        let letter = document.blocks[(titleIndex ?? 0)...].prefix { !ReportText.folded($0.text).hasPrefix("yours ") }
        var body = document
        body.blocks = Array(letter)
        var judgements = OutcomeJudgements(framework: framework, vocabulary: vocabulary, file: text.path)
        judgements.read(body.blocks)
        reading.judgements = judgements.judgements
        reading.diagnostics += judgements.diagnostics
        // Every letter grades the authority's children's services as a whole; its absence means the summary
        // table or the heading was not recognised.
        if !reading.judgements.contains(where: { $0.outcome == Self.overall }) {
            reading.diagnostics.append(.warning(
                "no judgement of overall effectiveness found (neither a summary table row nor an outcome heading for it)",
                at: SourcePosition(file: text.path, line: title?.line ?? 1)))
        }
        // Headings inside an outcome's section ("Areas for development") are its subsections.
        let firstOutcome = body.blocks.first { $0.kind == .heading && vocabulary.outcome(heading: $0.text, in: framework) != nil }?.line ?? .max
        reading.sections = ReportFacts.sections(body) { heading in
            heading.line > firstOutcome && vocabulary.outcome(heading: heading.text, in: framework) == nil ? 2 : 1
        }
        // The text is published whole: the sign-off and whatever follows it form a last section.
        let signOff = document.blocks[(titleIndex ?? 0)...].dropFirst(letter.count)
        if let first = signOff.first {
            reading.sections.append(ReportSection(
                heading: first.text, paragraphs: signOff.dropFirst().map(\.text), startLine: first.line))
        }
        reading.recommendations = ReportFacts.recommendations(body.blocks, file: text.path) {
            vocabulary.outcome(heading: $0, in: framework) != nil
        }
        reading.keyFacts = ReportFacts.keyFacts(body.blocks, file: text.path)
        return reading
    }

    /// The authority named at the end of the title ("… in Stoke-on-Trent City Council"), checked against
    /// the council in the address.
    func authority(title: ReportDocument.Block?, letterhead: [ReportText.Line], reading: inout LayoutReading, path: String) -> Located<String>? {
        let address = ReportFacts.authority(inAddress: letterhead)
        var named: Located<String>?
        if let title, let range = title.text.range(of: " in ", options: [.caseInsensitive, .backwards]) {
            let tail = title.text[range.upperBound...]
            let name = Patterns.mayEndWithDigit(tail) ? tail.replacing(Patterns.trailingYear, with: "") : tail
            named = Located(String(name), line: title.line)
        }
        switch (named, address) {
        case let (named?, address?):
            let fromTitle = AuthorityName(canonicalising: named.value)
            if fromTitle != AuthorityName(canonicalising: address.value) {
                reading.diagnostics.append(.warning(
                    "the title names \"\(named.value)\" but the address names \"\(address.value)\"; the title is used",
                    at: SourcePosition(file: path, line: named.line)))
            }
            return AuthorityName.isKnown(named.value) ? named : address
        case let (named?, nil): return named
        case let (nil, address?): return address
        case (nil, nil): return nil
        }
    }
}

/// Signs shared by the layouts' `score` functions.
enum LayoutEvidence {
    /// 20 when a title line near the top names the framework, else 0: a sentence that mentions it is no
    /// evidence, since later reports cite earlier frameworks ("The most recent annual performance
    /// assessment judged…", "the joint area review in 2008").
    static func score(naming framework: String, in text: ReportText) -> Int {
        for (index, line) in text.lines.prefix(80).enumerated() where TextScanning.contains(ReportText.folded(line.text), framework) {
            if isTitle(line, naming: framework, alone: isBlank(index - 1, text) && isBlank(index + 1, text)) { return titleScore }
        }
        return 0
    }

    /// The score of a title naming the framework.
    static let titleScore = 20

    private static func isBlank(_ index: Int, _ text: ReportText) -> Bool {
        !text.lines.indices.contains(index) || text.lines[index].isBlank
    }

    /// A title naming the framework: a line in capitals or a Markdown heading, or a short line standing
    /// alone whose first three words begin the framework's name ("2007 Annual performance assessment …",
    /// "Wigan joint area review", "Joint area review of Wigan").
    static func isTitle(_ line: ReportText.Line, naming framework: String, alone: Bool) -> Bool {
        let trimmed = line.trimmed
        if trimmed.hasPrefix("#") || trimmed.contains(where: \.isLetterQuickly) && trimmed == trimmed.uppercased() { return true }
        let folded = ReportText.folded(trimmed)
        guard alone, TextScanning.hasAtMostSpaceSeparated(12, folded), !trimmed.hasSuffix("."),
              let range = folded.range(of: framework) else { return false }
        return TextScanning.hasAtMostSpaceSeparated(2, folded[..<range.lowerBound])
    }
}
