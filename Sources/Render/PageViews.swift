import Mustache
import Site

/// A value the templates read by name. swift-mustache finds a `MustacheParent`'s values through
/// `child(named:)`; any other value it reads by reflection, which costs more than the rest of rendering.
protocol TemplateView: MustacheParent, TemplateValue {
    /// Every stored property by name, in declaration order, then any value derived from them that the
    /// templates read; a nil optional reads as missing.
    static var fields: TemplateFields<Self> { get }
    /// The value of the field named `name`; nil if there is none. (A requirement, not only an extension
    /// method, so that each view's is specialised: called generically, reading `fields` instantiates its
    /// tuple and function types' metadata at every call.)
    func field(named name: String) -> (any TemplateValue)?
}

typealias TemplateFields<View> = [(name: String, value: @Sendable (View) -> any TemplateValue)]

extension TemplateView {
    func child(named name: String) -> Any? { field(named: name)?.templateValue }

    func field(named name: String) -> (any TemplateValue)? {
        for field in Self.fields where field.name == name { return field.value(self) }
        return nil
    }

    var templateValue: Any? { self }
    var templateFieldValue: CompiledTemplates.Value? { .view(self) }
    var templateElementValue: CompiledTemplates.Value { .view(self) }

    func describe(into text: inout [UInt8]) {
        text.append(UInt8(ascii: "{"))
        for field in Self.fields {
            text.append(contentsOf: field.name.utf8)
            field.value(self).describe(into: &text)
        }
        text.append(UInt8(ascii: "}"))
    }
}

/// What a view's field can hold: text, a number, a flag, a view, an optional or a list of these. Each
/// knows the value swift-mustache is given and how to describe itself for a page's identity (see
/// `PlannedPage.identity`), so neither needs a dynamic cast.
protocol TemplateValue: Sendable {
    /// The value as swift-mustache reads it; nil for a missing optional.
    var templateValue: Any? { get }
    /// The same value as `CompiledTemplates` reads it.
    var templateFieldValue: CompiledTemplates.Value? { get }
    /// The value as an element of a list opened as a section, which swift-mustache is given as it is
    /// (a `String`, not a `TemplateText`).
    var templateElementValue: CompiledTemplates.Value { get }
    /// Appends an unambiguous description: equal descriptions mean equal values.
    func describe(into text: inout [UInt8])
}

extension TemplateValue {
    var templateElementValue: CompiledTemplates.Value { .other(self) }
}

extension String: TemplateValue {
    var templateValue: Any? { TemplateText(text: self) }
    var templateFieldValue: CompiledTemplates.Value? { .text(self) }
    var templateElementValue: CompiledTemplates.Value { .text(self) }

    func describe(into text: inout [UInt8]) {
        text.append(UInt8(ascii: "s"))
        text.append(contentsOf: String(utf8.count).utf8)
        text.append(UInt8(ascii: ":"))
        text.append(contentsOf: utf8)
    }
}

/// Text as swift-mustache is given it. A `String` would be printed through `String(describing:)` after
/// four failed dynamic casts; a `MustacheCustomRenderable` is printed at the second, which halves the
/// cost of each value a template shows. It transforms (`{{uppercased(x)}}`) as the `String` does.
///
/// Like a `String`, it has no named values: inside a section it opens (`{{#scope}}…{{/scope}}`), every
/// name is looked up in the views around it. As a `MustacheParent` it says so at once; otherwise
/// swift-mustache would reflect it for every such name and find its own `text`.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? { text.transform(name) }

    func child(named name: String) -> Any? { nil }
}

extension Int: TemplateValue {
    var templateValue: Any? { self }
    var templateFieldValue: CompiledTemplates.Value? { .int(self) }
    var templateElementValue: CompiledTemplates.Value { .int(self) }

    func describe(into text: inout [UInt8]) {
        text.append(UInt8(ascii: "i"))
        text.append(contentsOf: String(self).utf8)
        text.append(UInt8(ascii: ";"))
    }
}

extension Bool: TemplateValue {
    var templateValue: Any? { self }
    var templateFieldValue: CompiledTemplates.Value? { .bool(self) }
    var templateElementValue: CompiledTemplates.Value { .bool(self) }

    func describe(into text: inout [UInt8]) { text.append(UInt8(ascii: self ? "T" : "F")) }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    var templateValue: Any? { self?.templateValue }
    var templateFieldValue: CompiledTemplates.Value? { self?.templateFieldValue ?? nil }

    func describe(into text: inout [UInt8]) {
        if let self { self.describe(into: &text) } else { text.append(UInt8(ascii: "-")) }
    }
}

extension Array: TemplateValue where Element: TemplateValue {
    /// The list itself, as swift-mustache has always been given it.
    var templateValue: Any? { self }
    var templateFieldValue: CompiledTemplates.Value? { .list(self) }

    func describe(into text: inout [UInt8]) {
        text.append(UInt8(ascii: "["))
        for element in self { element.describe(into: &text) }
        text.append(UInt8(ascii: "]"))
    }
}

/// The plain values the templates render. Every value a template shows is a stored property, listed in its
/// type's `fields` (see `TemplateView`); optional values and empty lists skip their sections.

struct LinkView: TemplateView {
    var title: String
    var url: String

    static let fields: TemplateFields<Self> = [("title", { $0.title }), ("url", { $0.url })]
}

/// A level shown as words on a colour: the colour comes from `token`, the meaning is always in `text`.
struct BadgeView: TemplateView {
    var text: String
    var token: String

    static let fields: TemplateFields<Self> = [("text", { $0.text }), ("token", { $0.token })]
}

struct DataLinksView: TemplateView {
    var csvURL: String
    var jsonURL: String

    static let fields: TemplateFields<Self> = [("csvURL", { $0.csvURL }), ("jsonURL", { $0.jsonURL })]
}

struct InspectionRowView: TemplateView {
    /// Framework and year, "SIF 2015": short enough for a table cell at 320 px.
    var label: String
    var url: String
    var authority: String
    var authorityURL: String
    var date: String
    var isoDate: String?
    var headline: [BadgeView]
    var judgementCount: Int

    static let fields: TemplateFields<Self> = [
        ("label", { $0.label }), ("url", { $0.url }), ("authority", { $0.authority }),
        ("authorityURL", { $0.authorityURL }), ("date", { $0.date }), ("isoDate", { $0.isoDate }),
        ("headline", { $0.headline }), ("judgementCount", { $0.judgementCount }),
    ]
}

struct JudgementView: TemplateView {
    var wording: String
    var scope: String?
    var outcome: String
    var outcomeURL: String
    var grade: String
    var badge: BadgeView
    var basis: String
    var source: String

    static let fields: TemplateFields<Self> = [
        ("wording", { $0.wording }), ("scope", { $0.scope }), ("outcome", { $0.outcome }),
        ("outcomeURL", { $0.outcomeURL }), ("grade", { $0.grade }), ("badge", { $0.badge }), ("basis", { $0.basis }),
        ("source", { $0.source }),
    ]
}

struct ScaleView: TemplateView {
    var framework: String
    var frameworkURL: String
    var steps: [ScaleStepView]

    static let fields: TemplateFields<Self> = [
        ("framework", { $0.framework }), ("frameworkURL", { $0.frameworkURL }), ("steps", { $0.steps }),
    ]
}

struct ScaleStepView: TemplateView {
    var grade: String
    var badge: BadgeView

    static let fields: TemplateFields<Self> = [("grade", { $0.grade }), ("badge", { $0.badge })]
}

struct ChartView: TemplateView {
    var id: String
    var caption: String
    /// Built in Swift with every value XML-escaped (see `Charts`), so the template places it unescaped.
    var svg: String

    static let fields: TemplateFields<Self> = [("id", { $0.id }), ("caption", { $0.caption }), ("svg", { $0.svg })]
}

struct HomeView: TemplateView {
    var inspectionCaption: String
    var authorityCount: Int
    var inspectionCount: Int
    var judgementCount: Int
    var outcomeCount: Int
    var inspectionRows: [InspectionRowView]
    var authorities: [AuthoritySummaryView]
    var themes: [ThemeView]
    var frameworks: [FrameworkSummaryView]
    var matrix: MatrixView?
    var legend: [BadgeView]
    var data: DataLinksView

    static let fields: TemplateFields<Self> = [
        ("inspectionCaption", { $0.inspectionCaption }), ("authorityCount", { $0.authorityCount }),
        ("inspectionCount", { $0.inspectionCount }), ("judgementCount", { $0.judgementCount }),
        ("outcomeCount", { $0.outcomeCount }), ("inspectionRows", { $0.inspectionRows }),
        ("authorities", { $0.authorities }), ("themes", { $0.themes }), ("frameworks", { $0.frameworks }),
        ("matrix", { $0.matrix }), ("legend", { $0.legend }), ("data", { $0.data }),
    ]
}

struct AuthoritySummaryView: TemplateView {
    var name: String
    var url: String
    var inspections: String
    var latest: String

    static let fields: TemplateFields<Self> = [
        ("name", { $0.name }), ("url", { $0.url }), ("inspections", { $0.inspections }), ("latest", { $0.latest }),
    ]
}

struct ThemeView: TemplateView {
    var title: String
    var outcomes: [OutcomeSummaryView]

    static let fields: TemplateFields<Self> = [("title", { $0.title }), ("outcomes", { $0.outcomes })]
}

struct OutcomeSummaryView: TemplateView {
    var title: String
    var url: String
    var judgements: String
    var frameworks: String

    static let fields: TemplateFields<Self> = [
        ("title", { $0.title }), ("url", { $0.url }), ("judgements", { $0.judgements }),
        ("frameworks", { $0.frameworks }),
    ]
}

struct FrameworkSummaryView: TemplateView {
    var name: String
    var shortName: String
    var url: String
    var years: String
    var inspections: String

    static let fields: TemplateFields<Self> = [
        ("name", { $0.name }), ("shortName", { $0.shortName }), ("url", { $0.url }), ("years", { $0.years }),
        ("inspections", { $0.inspections }),
    ]
}

struct MatrixView: TemplateView {
    var outcomes: [LinkView]
    var rows: [MatrixRowView]

    static let fields: TemplateFields<Self> = [("outcomes", { $0.outcomes }), ("rows", { $0.rows })]
}

struct MatrixRowView: TemplateView {
    var authority: String
    var authorityURL: String
    var cells: [MatrixCellView]

    static let fields: TemplateFields<Self> = [
        ("authority", { $0.authority }), ("authorityURL", { $0.authorityURL }), ("cells", { $0.cells }),
    ]
}

struct MatrixCellView: TemplateView {
    /// Nil when the authority has no judgement for the outcome.
    var judged: MatrixJudgementView?

    static let fields: TemplateFields<Self> = [("judged", { $0.judged })]
}

struct MatrixJudgementView: TemplateView {
    var badge: BadgeView
    var inspection: String
    var inspectionURL: String

    static let fields: TemplateFields<Self> = [
        ("badge", { $0.badge }), ("inspection", { $0.inspection }), ("inspectionURL", { $0.inspectionURL }),
    ]
}

struct AuthorityView: TemplateView {
    var name: String
    var inspectionCaption: String
    var inspectionRows: [InspectionRowView]
    var timeline: TimelineView?
    var outcomes: [LinkView]
    var hasOutcomes: Bool
    var legend: [BadgeView]
    var data: DataLinksView?

    static let fields: TemplateFields<Self> = [
        ("name", { $0.name }), ("inspectionCaption", { $0.inspectionCaption }),
        ("inspectionRows", { $0.inspectionRows }), ("timeline", { $0.timeline }), ("outcomes", { $0.outcomes }),
        ("hasOutcomes", { $0.hasOutcomes }), ("legend", { $0.legend }), ("data", { $0.data }),
    ]
}

struct TimelineView: TemplateView {
    var chart: ChartView
    var columns: [TimelineColumnView]
    var rows: [TimelineRowView]

    static let fields: TemplateFields<Self> = [
        ("chart", { $0.chart }), ("columns", { $0.columns }), ("rows", { $0.rows }),
    ]
}

struct TimelineColumnView: TemplateView {
    var label: String
    var note: String?

    static let fields: TemplateFields<Self> = [("label", { $0.label }), ("note", { $0.note })]
}

struct TimelineRowView: TemplateView {
    var outcome: String
    var outcomeURL: String
    var cells: [TimelineCellView]

    static let fields: TemplateFields<Self> = [
        ("outcome", { $0.outcome }), ("outcomeURL", { $0.outcomeURL }), ("cells", { $0.cells }),
    ]
}

struct TimelineCellView: TemplateView {
    var judgements: [TimelineMarkView]
    var note: String?

    static let fields: TemplateFields<Self> = [("judgements", { $0.judgements }), ("note", { $0.note })]
}

struct TimelineMarkView: TemplateView {
    var badge: BadgeView
    var scope: String?

    static let fields: TemplateFields<Self> = [("badge", { $0.badge }), ("scope", { $0.scope })]
}

struct InspectionView: TemplateView {
    var title: String
    var authority: String
    var authorityURL: String
    var framework: String
    var frameworkURL: String
    var dates: [DateView]
    var hasSidecarValues: Bool
    var source: String
    var attribution: String?
    var judgements: [JudgementView]
    var isGraded: Bool
    var recommendations: [RecommendationGroupView]
    var keyFacts: [KeyFactView]
    var contents: [ContentsEntryView]
    var sections: [SectionView]
    var previous: LinkView?
    var next: LinkView?
    var hasPager: Bool
    var hasJudgements: Bool
    var hasRecommendations: Bool
    var hasKeyFacts: Bool
    var hasContents: Bool
    var data: DataLinksView?

    static let fields: TemplateFields<Self> = [
        ("title", { $0.title }), ("authority", { $0.authority }), ("authorityURL", { $0.authorityURL }),
        ("framework", { $0.framework }), ("frameworkURL", { $0.frameworkURL }), ("dates", { $0.dates }),
        ("hasSidecarValues", { $0.hasSidecarValues }), ("source", { $0.source }), ("attribution", { $0.attribution }),
        ("judgements", { $0.judgements }), ("isGraded", { $0.isGraded }), ("recommendations", { $0.recommendations }),
        ("keyFacts", { $0.keyFacts }), ("contents", { $0.contents }), ("sections", { $0.sections }),
        ("previous", { $0.previous }), ("next", { $0.next }), ("hasPager", { $0.hasPager }),
        ("hasJudgements", { $0.hasJudgements }), ("hasRecommendations", { $0.hasRecommendations }),
        ("hasKeyFacts", { $0.hasKeyFacts }), ("hasContents", { $0.hasContents }), ("data", { $0.data }),
    ]
}

struct DateView: TemplateView {
    var label: String
    var value: String
    var isoDate: String
    var fromSidecar: Bool

    static let fields: TemplateFields<Self> = [
        ("label", { $0.label }), ("value", { $0.value }), ("isoDate", { $0.isoDate }),
        ("fromSidecar", { $0.fromSidecar }),
    ]
}

struct RecommendationGroupView: TemplateView {
    var title: String
    var items: [RecommendationView]

    static let fields: TemplateFields<Self> = [("title", { $0.title }), ("items", { $0.items })]
}

struct RecommendationView: TemplateView {
    var text: String
    var context: String?
    var source: String

    static let fields: TemplateFields<Self> = [
        ("text", { $0.text }), ("context", { $0.context }), ("source", { $0.source }),
    ]
}

struct KeyFactView: TemplateView {
    var label: String
    var value: String
    var source: String

    static let fields: TemplateFields<Self> = [
        ("label", { $0.label }), ("value", { $0.value }), ("source", { $0.source }),
    ]
}

struct ContentsEntryView: TemplateView {
    var heading: String
    var anchor: String
    var isSubsection: Bool

    static let fields: TemplateFields<Self> = [
        ("heading", { $0.heading }), ("anchor", { $0.anchor }), ("isSubsection", { $0.isSubsection }),
    ]
}

struct SectionView: TemplateView {
    var heading: String
    var anchor: String
    var isSubsection: Bool
    var line: Int
    var paragraphs: [ParagraphView]

    /// The paragraphs' Markdown, separated by blank lines: with a blank line after it, what a loop over
    /// `paragraphs` writing `{{{text}}}` and a blank line gives, without the loop, which cost most of an
    /// inspection page's rendering (swift-mustache looks each paragraph's `text` up by dynamic casts).
    var markdown: String { paragraphs.map(\.text).joined(separator: "\n\n") }
    var hasParagraphs: Bool { !paragraphs.isEmpty }

    static let fields: TemplateFields<Self> = [
        ("heading", { $0.heading }), ("anchor", { $0.anchor }), ("isSubsection", { $0.isSubsection }),
        ("line", { $0.line }), ("paragraphs", { $0.paragraphs }), ("markdown", { $0.markdown }),
        ("hasParagraphs", { $0.hasParagraphs }),
    ]
}

/// A paragraph of report text, without leading spaces (four would make Markdown read it as code).
struct ParagraphView: TemplateView {
    var text: String

    static let fields: TemplateFields<Self> = [("text", { $0.text })]
}

struct OutcomeView: TemplateView {
    var title: String
    var summary: String
    var theme: String
    var judgements: [OutcomeJudgementView]
    var hasJudgements: Bool
    var distribution: DistributionView?
    var scales: [ScaleView]
    var related: [OutcomeSummaryView]
    var data: DataLinksView?

    static let fields: TemplateFields<Self> = [
        ("title", { $0.title }), ("summary", { $0.summary }), ("theme", { $0.theme }),
        ("judgements", { $0.judgements }), ("hasJudgements", { $0.hasJudgements }),
        ("distribution", { $0.distribution }), ("scales", { $0.scales }), ("related", { $0.related }),
        ("data", { $0.data }),
    ]
}

struct OutcomeJudgementView: TemplateView {
    var authority: String
    var authorityURL: String
    var inspectionURL: String
    var framework: String
    var date: String
    var wording: String
    var scope: String?
    var grade: String
    var badge: BadgeView

    static let fields: TemplateFields<Self> = [
        ("authority", { $0.authority }), ("authorityURL", { $0.authorityURL }), ("inspectionURL", { $0.inspectionURL }),
        ("framework", { $0.framework }), ("date", { $0.date }), ("wording", { $0.wording }), ("scope", { $0.scope }),
        ("grade", { $0.grade }), ("badge", { $0.badge }),
    ]
}

struct DistributionView: TemplateView {
    var chart: ChartView
    var frameworks: [String]
    var rows: [DistributionRowView]

    static let fields: TemplateFields<Self> = [
        ("chart", { $0.chart }), ("frameworks", { $0.frameworks }), ("rows", { $0.rows }),
    ]
}

struct DistributionRowView: TemplateView {
    var badge: BadgeView
    var counts: [CountView]
    var total: Int

    static let fields: TemplateFields<Self> = [
        ("badge", { $0.badge }), ("counts", { $0.counts }), ("total", { $0.total }),
    ]
}

struct CountView: TemplateView {
    var count: Int

    static let fields: TemplateFields<Self> = [("count", { $0.count })]
}

struct FrameworkView: TemplateView {
    var name: String
    var shortName: String
    var years: String
    var isGraded: Bool
    var scale: ScaleView?
    var outcomes: [LinkView]
    var inspectionCaption: String
    var inspectionRows: [InspectionRowView]
    var data: DataLinksView?

    static let fields: TemplateFields<Self> = [
        ("name", { $0.name }), ("shortName", { $0.shortName }), ("years", { $0.years }), ("isGraded", { $0.isGraded }),
        ("scale", { $0.scale }), ("outcomes", { $0.outcomes }), ("inspectionCaption", { $0.inspectionCaption }),
        ("inspectionRows", { $0.inspectionRows }), ("data", { $0.data }),
    ]
}

struct NotFoundView: TemplateView {
    var homeURL: String

    static let fields: TemplateFields<Self> = [("homeURL", { $0.homeURL })]
}
