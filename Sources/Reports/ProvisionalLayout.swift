import Foundation
import Site

/// A stand-in for the real layouts: recognises a framework by its title words, finds the authority and
/// a first date, and reads APA 2007 `Grade N` lines. Replaced layout by layout by the real readers.
struct ProvisionalLayout: ReportLayout {
    var name: String
    var framework: Framework
    var marker: String

    static let all = [
        ProvisionalLayout(name: "APA letter", framework: .apa, marker: "annual performance assessment"),
        ProvisionalLayout(name: "Joint area review", framework: .jar, marker: "joint area review"),
    ]

    func score(_ text: ReportText) -> Int {
        ReportText.folded(text.lines.prefix(80).map(\.text).joined(separator: " ")).contains(marker) ? 1 : 0
    }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        var reading = LayoutReading(sections: PlainText.sections(of: text))
        reading.authority = authority(text)
        if let date = firstDate(text) {
            if framework == .apa { reading.letterDate = date } else { reading.inspectionEnd = date }
        }
        let lines = text.lines
        for (index, line) in lines.enumerated() {
            guard let match = line.trimmed.wholeMatch(of: /Grade (\d)/), let level = Level(rawValue: Int(match.1)!) else { continue }
            let heading = lines[..<index].last { !$0.isBlank && $0.text.count < 90 && !$0.text.hasPrefix("Grade ") && !$0.text.hasPrefix("Summary") }?.trimmed ?? ""
            let folded = ReportText.folded(heading)
            if let outcome = vocabulary.outcomes.first(where: { $0.wordings[framework, default: []].contains { folded.hasPrefix($0) } }) {
                reading.judgements.append(Judgement(
                    outcome: outcome.id, wording: heading, grade: String(match.1), level: level,
                    basis: .gradeLine, source: SourcePosition(file: text.path, line: line.number)))
            }
        }
        return reading
    }

    func authority(_ text: ReportText) -> Located<String>? {
        for line in text.lines.prefix(400) {
            if line.text.hasPrefix("# ") { return Located(String(line.text.dropFirst(2)), line: line.number) }
            if line.text == line.text.uppercased(), let range = line.text.range(of: "YOUNG PEOPLE IN ") {
                return Located(String(line.text[range.upperBound...]), line: line.number)
            }
            if let match = line.text.firstMatch(of: /^([A-Z][^.]*?) joint area review\s+\d+\s*$/) {
                return Located(String(match.1), line: line.number)
            }
            if let match = line.text.firstMatch(of: /^Inspection of (.+) local authority/) {
                return Located(String(match.1), line: line.number)
            }
        }
        return nil
    }

    func firstDate(_ text: ReportText) -> Located<PartialDate>? {
        let pattern = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/
        for line in text.lines.prefix(80) {
            if let match = line.text.firstMatch(of: pattern),
               let date = PartialDate(year: Int(match.3)!, month: PartialDate.month(named: match.2), day: Int(match.1)!) {
                return Located(date, line: line.number)
            }
        }
        return nil
    }
}
