import Foundation

/// Sentences in the register of inspection reports, put together from parts so that no two paragraphs
/// read alike and the text compresses and parses like real prose.
struct Prose {
    static let subjects = [
        "The local authority", "Senior leaders", "Social workers", "Managers", "Partner agencies",
        "The council and its partners", "Elected members", "Independent reviewing officers", "Health services",
        "Schools", "The multi-agency safeguarding hub", "The virtual school", "Early help services",
        "The youth offending service", "Foster carers", "Personal advisers", "The corporate parenting panel",
        "Team managers", "The Children and Young People’s Plan", "Quality assurance arrangements",
    ]
    static let verbs = [
        "have improved", "continue to develop", "do not yet consistently ensure", "work effectively to improve",
        "have strengthened", "are beginning to address", "monitor closely", "make good use of",
        "have not sufficiently improved", "are well supported in developing", "understand well", "have prioritised",
        "have responded quickly to", "are committed to improving", "need to strengthen",
    ]
    static let objects = [
        "the quality of assessments", "management oversight of casework", "the timeliness of child protection enquiries",
        "placement stability for children in care", "support for care leavers", "the educational attainment of looked after children",
        "arrangements for children who go missing", "responses to child sexual exploitation", "the range of early help",
        "the health of children and young people", "attendance and exclusions", "the participation of young people",
        "pathway plans", "permanence planning", "the sufficiency of local placements", "partnership working",
        "performance management information", "the stability of the workforce", "the voice of the child in plans",
        "outcomes for children with learning difficulties and/or disabilities",
    ]
    static let tails = [
        "across the area", "in most cases seen by inspectors", "since the last inspection", "during 2006/07",
        "although this is not yet consistent", "and this is having a positive impact", "in line with statutory guidance",
        "but progress has been slow", "for the most vulnerable children", "with clear and measurable targets",
        "in comparison with similar authorities", "as a result of effective challenge", "in the large majority of cases",
    ]
    static let figures = [
        "The proportion of children subject to a child protection plan for a second time is %d%%, below the national average.",
        "Caseloads average %d children per social worker, which is manageable.",
        "%d%% of care leavers are in education, employment or training, better than in similar areas.",
        "The council has reduced the number of children missing education to %d.",
        "Attendance at primary schools has improved to %d%%, in line with national figures.",
        "There are %d children looked after, a rate higher than that of statistical neighbours.",
    ]

    var random: SplitMix64

    mutating func sentence() -> String {
        if random.chance(12) {
            return String(format: random.pick(Self.figures), random.int(in: 4...96))
        }
        var sentence = "\(random.pick(Self.subjects)) \(random.pick(Self.verbs)) \(random.pick(Self.objects))"
        if random.chance(60) { sentence += " \(random.pick(Self.tails))" }
        if random.chance(25) { sentence += ", and \(random.pick(Self.objects)) \(random.pick(["is good", "is adequate", "requires improvement", "remains a priority", "is improving"]))" }
        return sentence + "."
    }

    mutating func paragraph() -> String {
        (0..<random.int(in: 3...7)).map { _ in sentence() }.joined(separator: " ")
    }

    mutating func bullets(_ marker: String) -> [String] {
        (0..<random.int(in: 2...5)).map { _ in
            "\(marker)\(random.pick(Self.verbs).capitalisingFirst) \(random.pick(Self.objects)) \(random.pick(Self.tails))."
        }
    }
}

extension String {
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
