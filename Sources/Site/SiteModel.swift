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
    ///
    /// A row holds its inspection and the judgement's place in it, not copies of their fields: the site
    /// has a row for every judgement, and copying the fields retained each String of them.
    public struct JudgementRow: Sendable, Equatable {
        let inspection: Inspection
        let index: Int

        init(inspection: Inspection, index: Int) {
            self.inspection = inspection
            self.index = index
        }

        public var inspectionID: String { _read { yield inspection.id } }
        public var authority: AuthorityName { _read { yield inspection.authority } }
        public var framework: Framework { inspection.framework }
        public var date: PartialDate? { inspection.date }
        public var judgement: Judgement { _read { yield inspection.judgements[index] } }

        public static func == (left: JudgementRow, right: JudgementRow) -> Bool {
            left.inspectionID == right.inspectionID && left.authority == right.authority && left.framework == right.framework
                && left.date == right.date && left.judgement == right.judgement
        }
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
        // The positions are sorted by keys read once, not the inspections: reading a key from an inspection
        // at every step of the sort touched ten thousand scattered objects again and again. The sort is
        // stable either way, so the order is the same.
        let keys = inspections.map { (date: $0.date, id: $0.id) }
        let ordered = keys.indices.sorted { Self.chronological(keys[$0], keys[$1]) }.map { inspections[$0] }
        self.inspections = ordered
        self.authorities = Dictionary(grouping: ordered, by: \.authority.slug)
            .map { AuthorityEntry(authority: $0.value[0].authority, inspections: $0.value) }
            .sorted { $0.authority < $1.authority }
        self.authorityPositions = Dictionary(authorities.enumerated().map { ($1.authority.slug, $0) }, uniquingKeysWith: { first, _ in first })
        // Each row goes straight into its outcome's list (in inspection order, as grouping a list of all
        // rows would leave them), not into a list of all rows first and then copied into groups.
        var rowsByOutcome: [String: [JudgementRow]] = [:]
        for inspection in ordered {
            for (index, judgement) in inspection.judgements.enumerated() {
                rowsByOutcome[judgement.outcome, default: []].append(JudgementRow(inspection: inspection, index: index))
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

    static func chronological(_ a: (date: PartialDate?, id: String), _ b: (date: PartialDate?, id: String)) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: x < y
        case (nil, _?): false
        case (_?, nil): true
        default: a.id < b.id
        }
    }
}
