import Foundation
import Site

/// PROVISIONAL, to be deleted when the SIF and ILACS layouts (extract-sif) are registered in
/// `ReportLayouts.known`: recognises SIF and ILACS reports by their title words so that they keep their
/// authority and framework, and reads no judgements.
struct ProvisionalLayout: ReportLayout {
    var name: String
    var framework: Framework
    var marker: String

    static let stillProvisional = [
        ProvisionalLayout(name: "SIF report (provisional)", framework: .sif, marker: "inspection of services for children in need of help and protection"),
        ProvisionalLayout(name: "ILACS report (provisional)", framework: .ilacs, marker: "local authority children's services"),
    ]

    func score(_ text: ReportText) -> Int {
        ReportText.folded(text.lines.prefix(80).map(\.text).joined(separator: " ")).contains(marker) ? 1 : 0
    }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        var reading = LayoutReading(sections: ReportFacts.sections(ReportDocument(text)))
        reading.authority = authority(text)
        reading.readLabelledDates(text)
        return reading
    }

    func authority(_ text: ReportText) -> Located<String>? {
        for line in text.lines.prefix(400) {
            if line.text.hasPrefix("# ") { return Located(String(line.text.dropFirst(2)), line: line.number) }
            if let match = line.text.firstMatch(of: /^Inspection of (.+) local authority/) {
                return Located(String(match.1), line: line.number)
            }
        }
        return nil
    }
}
