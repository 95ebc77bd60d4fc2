/// Everything extracted from one report: the record the rest of the pipeline works from.
public struct Inspection: Sendable, Equatable, Codable, Identifiable {
    /// A readable, unique, URL-safe id such as `stoke-on-trent-apa-2007`.
    public var id: String
    public var authority: AuthorityName
    public var framework: Framework
    /// The report's own title, or a title made from framework and authority.
    public var title: String
    public var letterDate: PartialDate?
    public var inspectionStart: PartialDate?
    public var inspectionEnd: PartialDate?
    public var publicationDate: PartialDate?
    public var judgements: [Judgement]
    public var recommendations: [Recommendation]
    public var sections: [ReportSection]
    public var keyFacts: [KeyFact]
    /// The report file, relative to the content folder.
    public var sourceFile: String
    /// Names of the fields whose values came from the report's sidecar rather than its text.
    public var sidecarFields: [String]
    /// A free-text attribution or licence line for the report, shown on its page.
    public var attribution: String?

    public init(
        id: String, authority: AuthorityName, framework: Framework, title: String,
        letterDate: PartialDate? = nil, inspectionStart: PartialDate? = nil, inspectionEnd: PartialDate? = nil,
        publicationDate: PartialDate? = nil, judgements: [Judgement] = [], recommendations: [Recommendation] = [],
        sections: [ReportSection] = [], keyFacts: [KeyFact] = [], sourceFile: String,
        sidecarFields: [String] = [], attribution: String? = nil
    ) {
        self.id = id
        self.authority = authority
        self.framework = framework
        self.title = title
        self.letterDate = letterDate
        self.inspectionStart = inspectionStart
        self.inspectionEnd = inspectionEnd
        self.publicationDate = publicationDate
        self.judgements = judgements
        self.recommendations = recommendations
        self.sections = sections
        self.keyFacts = keyFacts
        self.sourceFile = sourceFile
        self.sidecarFields = sidecarFields
        self.attribution = attribution
    }

    /// The date the inspection is known by, for ordering and for the data export: the end of fieldwork,
    /// else the letter date, else the publication date, else the start of fieldwork.
    public var date: PartialDate? { inspectionEnd ?? letterDate ?? publicationDate ?? inspectionStart }

    public var year: Int? { date?.year }
}

public struct Recommendation: Sendable, Equatable, Codable {
    public enum Timescale: String, Sendable, Codable, CaseIterable {
        case immediate
        case withinSixMonths = "within-six-months"
        case longerTerm = "longer-term"
        case unspecified

        public var title: String {
            switch self {
            case .immediate: "Immediately"
            case .withinSixMonths: "Within six months"
            case .longerTerm: "In the longer term"
            case .unspecified: "Recommendations and areas for development"
            }
        }
    }

    public var text: String
    public var timescale: Timescale
    /// The heading the item stood under: "Areas for development", "Recommendations", "Being healthy".
    public var context: String?
    public var source: SourcePosition

    public init(text: String, timescale: Timescale, context: String? = nil, source: SourcePosition) {
        self.text = text
        self.timescale = timescale
        self.context = context
        self.source = source
    }
}

/// A section of the report's text under one heading, cleaned of page furniture, as paragraphs.
public struct ReportSection: Sendable, Equatable, Codable {
    public var heading: String
    /// 1 for the report's main sections, 2 for subsections.
    public var depth: Int
    public var paragraphs: [String]
    public var startLine: Int

    public init(heading: String, depth: Int = 1, paragraphs: [String], startLine: Int) {
        self.heading = heading
        self.depth = depth
        self.paragraphs = paragraphs
        self.startLine = startLine
    }
}

/// A number the report states about the authority, such as the number of children looked after.
public struct KeyFact: Sendable, Equatable, Codable {
    public var label: String
    public var value: String
    public var source: SourcePosition

    public init(label: String, value: String, source: SourcePosition) {
        self.label = label
        self.value = value
        self.source = source
    }
}
