import Foundation
import Site

/// An ILACS inspection report (2018 on), standard or short: a "Judgement / Grade" table of overall
/// effectiveness, the impact of leaders, help and protection, and children in care and care leavers
/// (one judgement until 2022, two from 2023), then one section per judgement headed "…: grade".
///
/// Recognised by the table's structure, not by the title, which has changed over the years ("Inspection
/// of children's social care services" in 2018, "Inspection of X local authority children's services" later).
struct ILACSReport: ReportLayout {
    let name = "ILACS report"
    let framework = Framework.ilacs

    func score(_ text: ReportText) -> Int {
        SIFAndILACSScore.score(text, framework: framework) { reader, _ in reader.judgementTable != nil }
    }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        SIFAndILACSScore.read(text, framework: framework, vocabulary: vocabulary, opening: "Summary")
    }
}
