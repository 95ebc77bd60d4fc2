import Site

/// One known report layout: how to recognise it and how to read it.
///
/// A layout reads structure (headings, judgement tables, grade lines and grade sentences) of its
/// framework; it never relies on phrases that merely happen to occur in the bundled reports.
public protocol ReportLayout: Sendable {
    /// A short name for messages and tests, such as "APA letter (2007)".
    var name: String { get }
    var framework: Framework { get }
    /// How sure the layout is that `text` is one of its reports: 0 for no, higher for stronger evidence.
    /// The extractor reads a report with the layout that scores highest.
    func score(_ text: ReportText) -> Int
    /// The highest score `score` ever gives, or nil when there is no such bound. The extractor does not
    /// ask a layout that could not beat the best score so far.
    var highestScore: Int? { get }
    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading
}

extension ReportLayout {
    public var highestScore: Int? { nil }
}

/// What a layout found in one report, before the extractor turns it into an `Inspection`.
public struct LayoutReading: Sendable, Equatable {
    public var authority: Located<String>?
    public var title: String?
    public var letterDate: Located<PartialDate>?
    public var inspectionStart: Located<PartialDate>?
    public var inspectionEnd: Located<PartialDate>?
    public var publicationDate: Located<PartialDate>?
    public var judgements: [Judgement]
    public var recommendations: [Recommendation]
    public var sections: [ReportSection]
    public var keyFacts: [KeyFact]
    public var diagnostics: [Diagnostic]

    public init(
        authority: Located<String>? = nil, title: String? = nil, letterDate: Located<PartialDate>? = nil,
        inspectionStart: Located<PartialDate>? = nil, inspectionEnd: Located<PartialDate>? = nil,
        publicationDate: Located<PartialDate>? = nil, judgements: [Judgement] = [],
        recommendations: [Recommendation] = [], sections: [ReportSection] = [], keyFacts: [KeyFact] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.authority = authority
        self.title = title
        self.letterDate = letterDate
        self.inspectionStart = inspectionStart
        self.inspectionEnd = inspectionEnd
        self.publicationDate = publicationDate
        self.judgements = judgements
        self.recommendations = recommendations
        self.sections = sections
        self.keyFacts = keyFacts
        self.diagnostics = diagnostics
    }
}

/// A value with the 1-based line it was read from.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
