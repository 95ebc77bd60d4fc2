/// Everything extracted from one report: the record the rest of the pipeline works from.
///
/// Its fields live in one shared object, copied on write as an array's elements are: an inspection is
/// passed through lists of ten thousand (the site model, the duplicate check, the build's own records),
/// and copying the fields themselves retained every String and array of each at every step. A copy is one
/// retain, and a sort moves one reference.
public struct Inspection: @unchecked Sendable, Equatable, Codable, Identifiable {
    /// The fields. Only ever changed when this inspection holds the only reference (`fieldsForChange`), so
    /// an inspection is a value, and safe to share between threads, as a struct of its fields would be.
    private final class Fields {
        var id: String
        var authority: AuthorityName
        var framework: Framework
        var title: String
        var letterDate: PartialDate?
        var inspectionStart: PartialDate?
        var inspectionEnd: PartialDate?
        var publicationDate: PartialDate?
        var judgements: [Judgement]
        var recommendations: [Recommendation]
        var sections: [ReportSection]
        var keyFacts: [KeyFact]
        var sourceFile: String
        var sidecarFields: [String]
        var attribution: String?

        init(
            id: String, authority: AuthorityName, framework: Framework, title: String, letterDate: PartialDate?,
            inspectionStart: PartialDate?, inspectionEnd: PartialDate?, publicationDate: PartialDate?, judgements: [Judgement],
            recommendations: [Recommendation], sections: [ReportSection], keyFacts: [KeyFact], sourceFile: String,
            sidecarFields: [String], attribution: String?
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

        func copy() -> Fields {
            Fields(
                id: id, authority: authority, framework: framework, title: title, letterDate: letterDate,
                inspectionStart: inspectionStart, inspectionEnd: inspectionEnd, publicationDate: publicationDate,
                judgements: judgements, recommendations: recommendations, sections: sections, keyFacts: keyFacts,
                sourceFile: sourceFile, sidecarFields: sidecarFields, attribution: attribution)
        }
    }

    private var fields: Fields

    /// The fields, made this inspection's own first when another inspection shares them.
    private var fieldsForChange: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    /// A readable, unique, URL-safe id such as `stoke-on-trent-apa-2007`.
    public var id: String {
        _read { yield fields.id }
        _modify { yield &fieldsForChange.id }
    }

    public var authority: AuthorityName {
        _read { yield fields.authority }
        _modify { yield &fieldsForChange.authority }
    }

    public var framework: Framework {
        _read { yield fields.framework }
        _modify { yield &fieldsForChange.framework }
    }

    /// The report's own title, or a title made from framework and authority.
    public var title: String {
        _read { yield fields.title }
        _modify { yield &fieldsForChange.title }
    }

    public var letterDate: PartialDate? {
        _read { yield fields.letterDate }
        _modify { yield &fieldsForChange.letterDate }
    }

    public var inspectionStart: PartialDate? {
        _read { yield fields.inspectionStart }
        _modify { yield &fieldsForChange.inspectionStart }
    }

    public var inspectionEnd: PartialDate? {
        _read { yield fields.inspectionEnd }
        _modify { yield &fieldsForChange.inspectionEnd }
    }

    public var publicationDate: PartialDate? {
        _read { yield fields.publicationDate }
        _modify { yield &fieldsForChange.publicationDate }
    }

    public var judgements: [Judgement] {
        _read { yield fields.judgements }
        _modify { yield &fieldsForChange.judgements }
    }

    public var recommendations: [Recommendation] {
        _read { yield fields.recommendations }
        _modify { yield &fieldsForChange.recommendations }
    }

    public var sections: [ReportSection] {
        _read { yield fields.sections }
        _modify { yield &fieldsForChange.sections }
    }

    public var keyFacts: [KeyFact] {
        _read { yield fields.keyFacts }
        _modify { yield &fieldsForChange.keyFacts }
    }

    /// The report file, relative to the content folder.
    public var sourceFile: String {
        _read { yield fields.sourceFile }
        _modify { yield &fieldsForChange.sourceFile }
    }

    /// Names of the fields whose values came from the report's sidecar rather than its text.
    public var sidecarFields: [String] {
        _read { yield fields.sidecarFields }
        _modify { yield &fieldsForChange.sidecarFields }
    }

    /// A free-text attribution or licence line for the report, shown on its page.
    public var attribution: String? {
        _read { yield fields.attribution }
        _modify { yield &fieldsForChange.attribution }
    }

    public init(
        id: String, authority: AuthorityName, framework: Framework, title: String,
        letterDate: PartialDate? = nil, inspectionStart: PartialDate? = nil, inspectionEnd: PartialDate? = nil,
        publicationDate: PartialDate? = nil, judgements: [Judgement] = [], recommendations: [Recommendation] = [],
        sections: [ReportSection] = [], keyFacts: [KeyFact] = [], sourceFile: String,
        sidecarFields: [String] = [], attribution: String? = nil
    ) {
        fields = Fields(
            id: id, authority: authority, framework: framework, title: title, letterDate: letterDate,
            inspectionStart: inspectionStart, inspectionEnd: inspectionEnd, publicationDate: publicationDate,
            judgements: judgements, recommendations: recommendations, sections: sections, keyFacts: keyFacts,
            sourceFile: sourceFile, sidecarFields: sidecarFields, attribution: attribution)
    }

    /// The date the inspection is known by, for ordering and for the data export: the end of fieldwork,
    /// else the letter date, else the publication date, else the start of fieldwork.
    public var date: PartialDate? { inspectionEnd ?? letterDate ?? publicationDate ?? inspectionStart }

    public var year: Int? { date?.year }

    public static func == (left: Inspection, right: Inspection) -> Bool {
        if left.fields === right.fields { return true }
        return left.id == right.id
            && left.authority == right.authority
            && left.framework == right.framework
            && left.title == right.title
            && left.letterDate == right.letterDate
            && left.inspectionStart == right.inspectionStart
            && left.inspectionEnd == right.inspectionEnd
            && left.publicationDate == right.publicationDate
            && left.judgements == right.judgements
            && left.recommendations == right.recommendations
            && left.sections == right.sections
            && left.keyFacts == right.keyFacts
            && left.sourceFile == right.sourceFile
            && left.sidecarFields == right.sidecarFields
            && left.attribution == right.attribution
    }

    // Coded as a struct of the fields would be, key by key in the same order.
    private enum CodingKeys: String, CodingKey {
        case id, authority, framework, title, letterDate, inspectionStart, inspectionEnd, publicationDate, judgements
        case recommendations, sections, keyFacts, sourceFile, sidecarFields, attribution
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            authority: try container.decode(AuthorityName.self, forKey: .authority),
            framework: try container.decode(Framework.self, forKey: .framework),
            title: try container.decode(String.self, forKey: .title),
            letterDate: try container.decodeIfPresent(PartialDate.self, forKey: .letterDate),
            inspectionStart: try container.decodeIfPresent(PartialDate.self, forKey: .inspectionStart),
            inspectionEnd: try container.decodeIfPresent(PartialDate.self, forKey: .inspectionEnd),
            publicationDate: try container.decodeIfPresent(PartialDate.self, forKey: .publicationDate),
            judgements: try container.decode([Judgement].self, forKey: .judgements),
            recommendations: try container.decode([Recommendation].self, forKey: .recommendations),
            sections: try container.decode([ReportSection].self, forKey: .sections),
            keyFacts: try container.decode([KeyFact].self, forKey: .keyFacts),
            sourceFile: try container.decode(String.self, forKey: .sourceFile),
            sidecarFields: try container.decode([String].self, forKey: .sidecarFields),
            attribution: try container.decodeIfPresent(String.self, forKey: .attribution))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(authority, forKey: .authority)
        try container.encode(framework, forKey: .framework)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(letterDate, forKey: .letterDate)
        try container.encodeIfPresent(inspectionStart, forKey: .inspectionStart)
        try container.encodeIfPresent(inspectionEnd, forKey: .inspectionEnd)
        try container.encodeIfPresent(publicationDate, forKey: .publicationDate)
        try container.encode(judgements, forKey: .judgements)
        try container.encode(recommendations, forKey: .recommendations)
        try container.encode(sections, forKey: .sections)
        try container.encode(keyFacts, forKey: .keyFacts)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(sidecarFields, forKey: .sidecarFields)
        try container.encodeIfPresent(attribution, forKey: .attribution)
    }
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
