/// The outcomes sitegen knows, in display order, with each framework's wordings for them.
///
/// Built in so that a folder of raw reports builds with no configuration; a content folder may add
/// outcomes or wordings for frameworks yet to come (see `merging(_:)`).
public struct OutcomeVocabulary: Sendable, Equatable, Codable {
    public var outcomes: [Outcome]

    public init(outcomes: [Outcome]) {
        self.outcomes = outcomes
    }

    public func outcome(_ id: String) -> Outcome? {
        outcomes.first { $0.id == id }
    }

    /// Outcomes on the same theme as `id`, in other frameworks, excluding `id` itself.
    public func related(to id: String) -> [Outcome] {
        guard let theme = outcome(id)?.theme else { return [] }
        return outcomes.filter { $0.theme == theme && $0.id != id }
    }

    /// Adds new outcomes and new wordings for existing ones; a known id keeps its title unless the
    /// extension gives a non-empty one.
    public func merging(_ other: OutcomeVocabulary) -> OutcomeVocabulary {
        var merged = outcomes
        for addition in other.outcomes {
            if let index = merged.firstIndex(where: { $0.id == addition.id }) {
                if !addition.title.isEmpty { merged[index].title = addition.title }
                if !addition.summary.isEmpty { merged[index].summary = addition.summary }
                for (framework, wordings) in addition.wordings {
                    let existing = merged[index].wordings[framework, default: []]
                    merged[index].wordings[framework] = existing + wordings.filter { !existing.contains($0) }
                }
            } else {
                merged.append(addition)
            }
        }
        return OutcomeVocabulary(outcomes: merged)
    }

    public static let builtIn = OutcomeVocabulary(outcomes: [
        Outcome(
            id: "overall-effectiveness", title: "Overall effectiveness",
            summary: "How well the authority's children's services as a whole maintain and improve outcomes for children and young people.",
            theme: .overall,
            wordings: [
                .apa: ["overall effectiveness of children's services", "the contribution of the local authority's children's services"],
                .jar: ["children's services", "overall effectiveness"],
                .slac: ["overall effectiveness"],
                .sif: ["overall effectiveness", "children's services in"],
                .ilacs: ["overall effectiveness"],
            ]),
        Outcome(
            id: "being-healthy", title: "Being healthy",
            summary: "Every Child Matters outcome: children and young people are physically, mentally and emotionally healthy.",
            theme: .health,
            wordings: [.apa: ["being healthy"], .jar: ["being healthy"], .slac: ["being healthy"]]),
        Outcome(
            id: "staying-safe", title: "Staying safe",
            summary: "Every Child Matters outcome: children and young people are protected from harm and neglect.",
            theme: .safety,
            wordings: [.apa: ["staying safe"], .jar: ["staying safe"], .slac: ["staying safe"]]),
        Outcome(
            id: "enjoying-and-achieving", title: "Enjoying and achieving",
            summary: "Every Child Matters outcome: children and young people get the most out of life and develop skills for adulthood.",
            theme: .learning,
            wordings: [.apa: ["enjoying and achieving"], .jar: ["enjoying and achieving"], .slac: ["enjoying and achieving"]]),
        Outcome(
            id: "making-a-positive-contribution", title: "Making a positive contribution",
            summary: "Every Child Matters outcome: children and young people are involved with the community and society.",
            theme: .contribution,
            wordings: [
                .apa: ["making a positive contribution"], .jar: ["making a positive contribution"],
                .slac: ["making a positive contribution"],
            ]),
        Outcome(
            id: "achieving-economic-well-being", title: "Achieving economic well-being",
            summary: "Every Child Matters outcome: children and young people are not prevented by economic disadvantage from achieving their full potential.",
            theme: .wellbeing,
            wordings: [
                .apa: ["achieving economic well-being", "achieving economic wellbeing", "achieving economic well being"],
                .jar: ["achieving economic well-being", "achieving economic well being", "achieving economic wellbeing"],
                .slac: ["achieving economic well-being", "economic well-being"],
            ]),
        Outcome(
            id: "service-management", title: "Service management",
            summary: "How well the council manages its services for children and young people.",
            theme: .leadership,
            wordings: [.apa: ["the council's management of its services"], .jar: ["service management"]]),
        Outcome(
            id: "capacity-to-improve", title: "Capacity to improve",
            summary: "Whether the council and its partners can improve their services further.",
            theme: .leadership,
            wordings: [
                .apa: ["capacity to improve"], .jar: ["capacity to improve"],
                .slac: ["capacity for improvement"],
            ]),
        Outcome(
            id: "education-services", title: "Education services",
            summary: "The council's education service, judged in the 2005 APA and in joint area reviews.",
            theme: .services,
            wordings: [.apa: ["the education service", "education services"], .jar: ["the education service", "education service"]]),
        Outcome(
            id: "social-care-services", title: "Social care services",
            summary: "The council's social care services for children.",
            theme: .services,
            wordings: [
                .apa: ["the local authority's social care services", "social care services"],
                .jar: ["the social care services for children", "social care services"],
            ]),
        Outcome(
            id: "health-services", title: "Health services",
            summary: "The health services for children in the area, judged in joint area reviews.",
            theme: .services,
            wordings: [.jar: ["health services", "the health service for children"]]),
        Outcome(
            id: "help-and-protection", title: "Children who need help and protection",
            summary: "The experiences and progress of children who need help and protection.",
            theme: .safety,
            wordings: [
                .sif: ["children who need help and protection"],
                .ilacs: ["the experiences and progress of children who need help and protection", "children who need help and protection"],
            ]),
        Outcome(
            id: "children-looked-after", title: "Children looked after / in care",
            summary: "Children looked after and achieving permanence (SIF); the experiences and progress of children in care, and until 2022 of care leavers too (ILACS).",
            theme: .care,
            wordings: [
                .sif: ["children looked after and achieving permanence"],
                .ilacs: [
                    "the experiences and progress of children in care and care leavers",
                    "the experiences and progress of children in care",
                ],
                .slac: ["looked after children"],
            ]),
        Outcome(
            id: "adoption", title: "Adoption performance",
            summary: "How well the authority finds adoptive families and supports adoption (SIF sub-judgement).",
            theme: .care,
            wordings: [.sif: ["adoption performance"]]),
        Outcome(
            id: "care-leavers", title: "Care leavers",
            summary: "The experiences and progress of care leavers (SIF sub-judgement; a separate ILACS judgement from 2023).",
            theme: .care,
            wordings: [
                .sif: ["experiences and progress of care leavers"],
                .ilacs: ["the experiences and progress of care leavers"],
            ]),
        Outcome(
            id: "leadership-management-governance", title: "Leadership, management and governance",
            summary: "How well leaders manage and govern children's services; in ILACS, the impact of leaders on social work practice.",
            theme: .leadership,
            wordings: [
                .sif: ["leadership, management and governance"],
                .ilacs: ["the impact of leaders on social work practice with children and families"],
            ]),
        Outcome(
            id: "lscb", title: "Local Safeguarding Children Board",
            summary: "The review of the effectiveness of the Local Safeguarding Children Board, graded separately from overall effectiveness.",
            theme: .safety,
            wordings: [.sif: ["review of the effectiveness of the local safeguarding children board", "the local safeguarding children board"]]),
    ])
}
