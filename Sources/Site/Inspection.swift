/// Everything extracted from one report: the record the rest of the pipeline works from.
///
/// Its fields live in one shared object, copied on write as an array's elements are: an inspection is
/// passed through lists of ten thousand (the site model, the duplicate check, the build's own records),
/// and copying the fields themselves retained every String and array of each at every step. A copy is one
/// retain, and a sort moves one reference. Equality and coding are those of the fields.
public struct Inspection: @unchecked Sendable, Equatable, Codable, Identifiable {
    /// The fields, as the struct they are equated and coded as.
    private struct Fields: Equatable, Codable {
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
    }

    /// The fields in a shared object. It is only ever changed when this inspection holds the only reference
    /// (`fieldsForChange`), so an inspection is a value, and safe to share between threads, as `Fields` is.
    private final class Box {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    /// The fields, made this inspection's own first when another inspection shares them.
    private var fieldsForChange: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    /// A readable, unique, URL-safe id such as `stoke-on-trent-apa-2007`.
    public var id: String {
        _read { yield box.fields.id }
        _modify { yield &fieldsForChange.fields.id }
    }

    public var authority: AuthorityName {
        _read { yield box.fields.authority }
        _modify { yield &fieldsForChange.fields.authority }
    }

    public var framework: Framework {
        _read { yield box.fields.framework }
        _modify { yield &fieldsForChange.fields.framework }
    }

    /// The report's own title, or a title made from framework and authority.
    public var title: String {
        _read { yield box.fields.title }
        _modify { yield &fieldsForChange.fields.title }
    }

    public var letterDate: PartialDate? {
        _read { yield box.fields.letterDate }
        _modify { yield &fieldsForChange.fields.letterDate }
    }

    public var inspectionStart: PartialDate? {
        _read { yield box.fields.inspectionStart }
        _modify { yield &fieldsForChange.fields.inspectionStart }
    }

    public var inspectionEnd: PartialDate? {
        _read { yield box.fields.inspectionEnd }
        _modify { yield &fieldsForChange.fields.inspectionEnd }
    }

    public var publicationDate: PartialDate? {
        _read { yield box.fields.publicationDate }
        _modify { yield &fieldsForChange.fields.publicationDate }
    }

    public var judgements: [Judgement] {
        _read { yield box.fields.judgements }
        _modify { yield &fieldsForChange.fields.judgements }
    }

    public var recommendations: [Recommendation] {
        _read { yield box.fields.recommendations }
        _modify { yield &fieldsForChange.fields.recommendations }
    }

    public var sections: [ReportSection] {
        _read { yield box.fields.sections }
        _modify { yield &fieldsForChange.fields.sections }
    }

    public var keyFacts: [KeyFact] {
        _read { yield box.fields.keyFacts }
        _modify { yield &fieldsForChange.fields.keyFacts }
    }

    /// The report file, relative to the content folder.
    public var sourceFile: String {
        _read { yield box.fields.sourceFile }
        _modify { yield &fieldsForChange.fields.sourceFile }
    }

    /// Names of the fields whose values came from the report's sidecar rather than its text.
    public var sidecarFields: [String] {
        _read { yield box.fields.sidecarFields }
        _modify { yield &fieldsForChange.fields.sidecarFields }
    }

    /// A free-text attribution or licence line for the report, shown on its page.
    public var attribution: String? {
        _read { yield box.fields.attribution }
        _modify { yield &fieldsForChange.fields.attribution }
    }

    public init(
        id: String, authority: AuthorityName, framework: Framework, title: String,
        letterDate: PartialDate? = nil, inspectionStart: PartialDate? = nil, inspectionEnd: PartialDate? = nil,
        publicationDate: PartialDate? = nil, judgements: [Judgement] = [], recommendations: [Recommendation] = [],
        sections: [ReportSection] = [], keyFacts: [KeyFact] = [], sourceFile: String,
        sidecarFields: [String] = [], attribution: String? = nil
    ) {
        box = Box(Fields(
            id: id, authority: authority, framework: framework, title: title, letterDate: letterDate,
            inspectionStart: inspectionStart, inspectionEnd: inspectionEnd, publicationDate: publicationDate,
            judgements: judgements, recommendations: recommendations, sections: sections, keyFacts: keyFacts,
            sourceFile: sourceFile, sidecarFields: sidecarFields, attribution: attribution))
    }

    /// The date the inspection is known by, for ordering and for the data export: the end of fieldwork,
    /// else the letter date, else the publication date, else the start of fieldwork.
    public var date: PartialDate? { inspectionEnd ?? letterDate ?? publicationDate ?? inspectionStart }

    public var year: Int? { date?.year }

    public static func == (left: Inspection, right: Inspection) -> Bool {
        left.box === right.box || left.box.fields == right.box.fields
    }

    public init(from decoder: any Decoder) throws {
        box = Box(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try box.fields.encode(to: encoder)
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
