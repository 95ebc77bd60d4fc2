/// One thing a framework judges, such as "Staying safe" or "Adoption performance".
///
/// Outcomes of different frameworks that speak of the same thing share a `theme`. A theme is a reading
/// aid for putting judgements side by side, never an equivalence: pages must not average across it.
public struct Outcome: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var theme: Theme
    /// The wordings each framework uses for the outcome, lower-cased, as they appear in headings,
    /// table rows and grade sentences. Readers match these after normalising case, quotes and spaces.
    public var wordings: [Framework: [String]]

    public init(id: String, title: String, summary: String, theme: Theme, wordings: [Framework: [String]]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.theme = theme
        self.wordings = wordings
    }

    public var frameworks: [Framework] { wordings.keys.sorted() }
}

public enum Theme: String, Sendable, Codable, CaseIterable, Comparable {
    case overall, health, safety, learning, contribution, wellbeing, care, leadership, services

    public var title: String {
        switch self {
        case .overall: "Overall effectiveness"
        case .health: "Health"
        case .safety: "Safety and protection"
        case .learning: "Learning and achievement"
        case .contribution: "Positive contribution"
        case .wellbeing: "Economic well-being"
        case .care: "Children in care"
        case .leadership: "Leadership and capacity"
        case .services: "Services"
        }
    }

    public static func < (lhs: Theme, rhs: Theme) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
