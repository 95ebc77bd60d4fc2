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
        SIFAndILACSReading.score(text, framework: framework) { reader, _ in reader.judgementTable != nil }
    }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        SIFAndILACSReading.read(text, framework: framework, vocabulary: vocabulary, opening: "Summary") { judgements in
            // Until 2022 one judgement covers children in care and care leavers; from 2023 care leavers have their own.
            let inCare = judgements.first { $0.outcome == "children-looked-after" }
            let coversCareLeavers = inCare.map { OutcomeMatch.significantWords($0.wording).contains("leaver") } ?? true
            return ["leadership-management-governance", "help-and-protection", "children-looked-after", "overall-effectiveness"]
                + (coversCareLeavers ? [] : ["care-leavers"])
        }
    }
}
