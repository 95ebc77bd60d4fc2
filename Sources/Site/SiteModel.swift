/// The whole site as data: every authority with its inspections, every outcome with its judgements.
///
/// Built from extracted inspections in one pass; every list is sorted so that pages and data files
/// come out in the same order whatever order the reports were read in.
public struct SiteModel: Sendable, Equatable {
    public struct AuthorityEntry: Sendable, Equatable {
        public var authority: AuthorityName
        /// Oldest first.
        public var inspections: [Inspection]
    }

    public struct OutcomeEntry: Sendable, Equatable {
        public var outcome: Outcome
        public var judgements: [JudgementRow]
    }

    /// A judgement with the inspection it belongs to, as comparison pages and data files list them.
    public struct JudgementRow: Sendable, Equatable {
        public var inspectionID: String
        public var authority: AuthorityName
        public var framework: Framework
        public var date: PartialDate?
        public var judgement: Judgement
    }

    /// Sorted by authority name.
    public private(set) var authorities: [AuthorityEntry]
    /// Each authority's place in `authorities`, by slug.
    private var authorityPositions: [String: Int]
    /// Oldest first, by date then id.
    public var inspections: [Inspection]
    /// In vocabulary order, every outcome of the vocabulary, judged or not.
    public var outcomes: [OutcomeEntry]
    public var frameworks: [Framework]

    public init(inspections: [Inspection], vocabulary: OutcomeVocabulary) {
        // The positions are sorted, not the inspections: each is a large value, moved once instead of at
        // every step of the sort. The sort is stable either way, so the order is the same.
        let ordered = inspections.indices.sorted { Self.chronological(inspections[$0], inspections[$1]) }.map { inspections[$0] }
        self.inspections = ordered
        self.authorities = Dictionary(grouping: ordered, by: \.authority.slug)
            .map { AuthorityEntry(authority: $0.value[0].authority, inspections: $0.value) }
            .sorted { $0.authority < $1.authority }
        self.authorityPositions = Dictionary(authorities.enumerated().map { ($1.authority.slug, $0) }, uniquingKeysWith: { first, _ in first })
        // Each row goes straight into its outcome's list (in inspection order, as grouping a list of all
        // rows would leave them), not into a list of all rows first and then copied into groups.
        var rowsByOutcome: [String: [JudgementRow]] = [:]
        for inspection in ordered {
            for judgement in inspection.judgements {
                rowsByOutcome[judgement.outcome, default: []].append(JudgementRow(
                    inspectionID: inspection.id, authority: inspection.authority,
                    framework: inspection.framework, date: inspection.date, judgement: judgement))
            }
        }
        self.outcomes = vocabulary.outcomes.map { outcome in
            OutcomeEntry(outcome: outcome, judgements: rowsByOutcome[outcome.id, default: []])
        }
        self.frameworks = Set(ordered.map(\.framework)).sorted()
    }

    public var judgementRows: [JudgementRow] { outcomes.flatMap(\.judgements) }

    public func inspections(of slug: String) -> [Inspection] {
        authorityPositions[slug].map { authorities[$0].inspections } ?? []
    }

    static func chronological(_ a: Inspection, _ b: Inspection) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: x < y
        case (nil, _?): false
        case (_?, nil): true
        default: a.id < b.id
        }
    }
}
