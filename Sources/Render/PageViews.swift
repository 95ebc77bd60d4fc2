import Foundation
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
    /// `field(named: name)?.templateFieldValue`, without making the field an `any TemplateValue` first (a
    /// view held in one is copied into a box of its own, and then into another as `any TemplateView`).
    func compiledField(named name: TemplateName) -> CompiledTemplates.Value?
    /// About how many bytes of text the view brings into its page, beyond its template's own: room for
    /// them is made before the page is written (see `CompiledTemplates.utf8(of:with:)`).
    var textSizeHint: Int { get }
}

extension TemplateView {
    var textSizeHint: Int { 0 }
}

/// A name that templates read, numbered once so that finding a field compares numbers rather than
/// Strings: a compiled template looks up every name it prints or opens in the views around it, most of
/// them in several views before one has it. Equal texts get equal numbers, in every thread.
struct TemplateName: Sendable, Equatable {
    let text: String
    let number: Int

    init(_ text: String) {
        self.text = text
        number = Self.registry.number(of: text)
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.number == rhs.number }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var numbers: [String: Int] = [:]

        func number(of text: String) -> Int {
            lock.withLock {
                if let number = numbers[text] { return number }
                let number = numbers.count
                numbers[text] = number
                return number
            }
        }
    }

    private static let registry = Registry()
}

typealias TemplateFields<View> = [TemplateField<View>]

/// One of a view's fields: its name, and how to read it as swift-mustache and as `CompiledTemplates`
/// are given it.
struct TemplateField<View>: Sendable {
    let name: TemplateName
    let value: @Sendable (View) -> any TemplateValue
    let compiled: @Sendable (View) -> CompiledTemplates.Value?
    /// `value(view).describe(into:)`, without boxing the value.
    let describe: @Sendable (View, inout [UInt8]) -> Void

    init<Value: TemplateValue>(_ name: String, _ read: @escaping @Sendable (View) -> Value) {
        self.name = TemplateName(name)
        value = { read($0) }
        compiled = { read($0).templateFieldValue }
        describe = { read($0).describe(into: &$1) }
    }
}

extension TemplateView {
    func child(named name: String) -> Any? { field(named: name)?.templateValue }

    func field(named name: String) -> (any TemplateValue)? {
        for field in Self.fields where field.name.text == name { return field.value(self) }
        return nil
    }

    func compiledField(named name: TemplateName) -> CompiledTemplates.Value? {
        for field in Self.fields where field.name.number == name.number { return field.compiled(self) }
        return nil
    }

    var templateValue: Any? { self }
    var templateFieldValue: CompiledTemplates.Value? { .view(self) }
    var templateElementValue: CompiledTemplates.Value { .view(self) }

    /// The fields' values in order, without their names: a view type's fields are fixed and every value's
    /// description says where it ends, so two views of one type are described alike exactly when their
    /// values are. A page's view type is fixed by its template, which its identity holds too.
    func describe(into text: inout [UInt8]) {
        text.append(UInt8(ascii: "{"))
        for field in Self.fields { field.describe(self, &text) }
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
        text.appendTextHeader(utf8Count: utf8.count)
        text.appendUTF8(of: self)
    }
}

extension [UInt8] {
    /// What a text's description starts with, its UTF-8 count, so that texts run together differ.
    mutating func appendTextHeader(utf8Count: Int) {
        append(UInt8(ascii: "s"))
        appendDecimal(utf8Count)
        append(UInt8(ascii: ":"))
    }

    /// The UTF-8 of `string`, copied at once (appending its `utf8` view goes byte by byte for a string
    /// short enough to be stored inline, as most field values are).
    mutating func appendUTF8(of string: String) {
        var string = string
        string.withUTF8 { append(contentsOf: $0) }
    }

    /// `number` in decimal digits, as `String(number)` writes it.
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var power: UInt = 1
        while magnitude / power >= 10 { power *= 10 }
        while power > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        }
    }
}

/// Pieces of text with a separator between each two: a value read as their joined `String`, which
/// `CompiledTemplates` writes piece by piece into the page rather than joining and then copying it (an
/// inspection page's sections are most of its text).
struct JoinedText: TemplateValue {
    var pieces: [String]
    var separator: String

    var joined: String { pieces.joined(separator: separator) }

    var templateValue: Any? { joined.templateValue }
    var templateFieldValue: CompiledTemplates.Value? { .joined(self) }
    var templateElementValue: CompiledTemplates.Value { .joined(self) }

    /// As the joined `String` describes itself.
    func describe(into text: inout [UInt8]) {
        let count = pieces.reduce(0) { $0 + $1.utf8.count } + max(0, pieces.count - 1) * separator.utf8.count
        text.appendTextHeader(utf8Count: count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { text.appendUTF8(of: separator) }
            text.appendUTF8(of: piece)
        }
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
        text.appendDecimal(self)
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

    static let fields: TemplateFields<Self> = [.init("title", { $0.title }), .init("url", { $0.url })]
}

/// A level shown as words on a colour: the colour comes from `token`, the meaning is always in `text`.
struct BadgeView: TemplateView {
    var text: String
    var token: String

    static let fields: TemplateFields<Self> = [.init("text", { $0.text }), .init("token", { $0.token })]
}

struct DataLinksView: TemplateView {
    var csvURL: String
    var jsonURL: String

    static let fields: TemplateFields<Self> = [.init("csvURL", { $0.csvURL }), .init("jsonURL", { $0.jsonURL })]
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
        .init("label", { $0.label }), .init("url", { $0.url }), .init("authority", { $0.authority }),
        .init("authorityURL", { $0.authorityURL }), .init("date", { $0.date }), .init("isoDate", { $0.isoDate }),
        .init("headline", { $0.headline }), .init("judgementCount", { $0.judgementCount }),
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
        .init("wording", { $0.wording }), .init("scope", { $0.scope }), .init("outcome", { $0.outcome }),
        .init("outcomeURL", { $0.outcomeURL }), .init("grade", { $0.grade }), .init("badge", { $0.badge }), .init("basis", { $0.basis }),
        .init("source", { $0.source }),
    ]
}

struct ScaleView: TemplateView {
    var framework: String
    var frameworkURL: String
    var steps: [ScaleStepView]

    static let fields: TemplateFields<Self> = [
        .init("framework", { $0.framework }), .init("frameworkURL", { $0.frameworkURL }), .init("steps", { $0.steps }),
    ]
}

struct ScaleStepView: TemplateView {
    var grade: String
    var badge: BadgeView

    static let fields: TemplateFields<Self> = [.init("grade", { $0.grade }), .init("badge", { $0.badge })]
}

struct ChartView: TemplateView {
    var id: String
    var caption: String
    /// Built in Swift with every value XML-escaped (see `Charts`), so the template places it unescaped.
    var svg: String

    static let fields: TemplateFields<Self> = [.init("id", { $0.id }), .init("caption", { $0.caption }), .init("svg", { $0.svg })]
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
        .init("inspectionCaption", { $0.inspectionCaption }), .init("authorityCount", { $0.authorityCount }),
        .init("inspectionCount", { $0.inspectionCount }), .init("judgementCount", { $0.judgementCount }),
        .init("outcomeCount", { $0.outcomeCount }), .init("inspectionRows", { $0.inspectionRows }),
        .init("authorities", { $0.authorities }), .init("themes", { $0.themes }), .init("frameworks", { $0.frameworks }),
        .init("matrix", { $0.matrix }), .init("legend", { $0.legend }), .init("data", { $0.data }),
    ]
}

struct AuthoritySummaryView: TemplateView {
    var name: String
    var url: String
    var inspections: String
    var latest: String

    static let fields: TemplateFields<Self> = [
        .init("name", { $0.name }), .init("url", { $0.url }), .init("inspections", { $0.inspections }), .init("latest", { $0.latest }),
    ]
}

struct ThemeView: TemplateView {
    var title: String
    var outcomes: [OutcomeSummaryView]

    static let fields: TemplateFields<Self> = [.init("title", { $0.title }), .init("outcomes", { $0.outcomes })]
}

struct OutcomeSummaryView: TemplateView {
    var title: String
    var url: String
    var judgements: String
    var frameworks: String

    static let fields: TemplateFields<Self> = [
        .init("title", { $0.title }), .init("url", { $0.url }), .init("judgements", { $0.judgements }),
        .init("frameworks", { $0.frameworks }),
    ]
}

struct FrameworkSummaryView: TemplateView {
    var name: String
    var shortName: String
    var url: String
    var years: String
    var inspections: String

    static let fields: TemplateFields<Self> = [
        .init("name", { $0.name }), .init("shortName", { $0.shortName }), .init("url", { $0.url }), .init("years", { $0.years }),
        .init("inspections", { $0.inspections }),
    ]
}

struct MatrixView: TemplateView {
    var outcomes: [LinkView]
    var rows: [MatrixRowView]

    static let fields: TemplateFields<Self> = [.init("outcomes", { $0.outcomes }), .init("rows", { $0.rows })]
}

struct MatrixRowView: TemplateView {
    var authority: String
    var authorityURL: String
    var cells: [MatrixCellView]

    static let fields: TemplateFields<Self> = [
        .init("authority", { $0.authority }), .init("authorityURL", { $0.authorityURL }), .init("cells", { $0.cells }),
    ]
}

struct MatrixCellView: TemplateView {
    /// Nil when the authority has no judgement for the outcome.
    var judged: MatrixJudgementView?

    static let fields: TemplateFields<Self> = [.init("judged", { $0.judged })]
}

struct MatrixJudgementView: TemplateView {
    var badge: BadgeView
    var inspection: String
    var inspectionURL: String

    static let fields: TemplateFields<Self> = [
        .init("badge", { $0.badge }), .init("inspection", { $0.inspection }), .init("inspectionURL", { $0.inspectionURL }),
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
        .init("name", { $0.name }), .init("inspectionCaption", { $0.inspectionCaption }),
        .init("inspectionRows", { $0.inspectionRows }), .init("timeline", { $0.timeline }), .init("outcomes", { $0.outcomes }),
        .init("hasOutcomes", { $0.hasOutcomes }), .init("legend", { $0.legend }), .init("data", { $0.data }),
    ]
}

struct TimelineView: TemplateView {
    var chart: ChartView
    var columns: [TimelineColumnView]
    var rows: [TimelineRowView]

    static let fields: TemplateFields<Self> = [
        .init("chart", { $0.chart }), .init("columns", { $0.columns }), .init("rows", { $0.rows }),
    ]
}

struct TimelineColumnView: TemplateView {
    var label: String
    var note: String?

    static let fields: TemplateFields<Self> = [.init("label", { $0.label }), .init("note", { $0.note })]
}

struct TimelineRowView: TemplateView {
    var outcome: String
    var outcomeURL: String
    var cells: [TimelineCellView]

    static let fields: TemplateFields<Self> = [
        .init("outcome", { $0.outcome }), .init("outcomeURL", { $0.outcomeURL }), .init("cells", { $0.cells }),
    ]
}

struct TimelineCellView: TemplateView {
    var judgements: [TimelineMarkView]
    var note: String?

    static let fields: TemplateFields<Self> = [.init("judgements", { $0.judgements }), .init("note", { $0.note })]
}

struct TimelineMarkView: TemplateView {
    var badge: BadgeView
    var scope: String?

    static let fields: TemplateFields<Self> = [.init("badge", { $0.badge }), .init("scope", { $0.scope })]
}

struct InspectionView: TemplateView {
    /// The report's text, most of the page.
    var textSizeHint: Int { sections.reduce(0) { $0 + $1.paragraphs.reduce($1.heading.utf8.count) { $0 + $1.text.utf8.count + 2 } } }

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
        .init("title", { $0.title }), .init("authority", { $0.authority }), .init("authorityURL", { $0.authorityURL }),
        .init("framework", { $0.framework }), .init("frameworkURL", { $0.frameworkURL }), .init("dates", { $0.dates }),
        .init("hasSidecarValues", { $0.hasSidecarValues }), .init("source", { $0.source }), .init("attribution", { $0.attribution }),
        .init("judgements", { $0.judgements }), .init("isGraded", { $0.isGraded }), .init("recommendations", { $0.recommendations }),
        .init("keyFacts", { $0.keyFacts }), .init("contents", { $0.contents }), .init("sections", { $0.sections }),
        .init("previous", { $0.previous }), .init("next", { $0.next }), .init("hasPager", { $0.hasPager }),
        .init("hasJudgements", { $0.hasJudgements }), .init("hasRecommendations", { $0.hasRecommendations }),
        .init("hasKeyFacts", { $0.hasKeyFacts }), .init("hasContents", { $0.hasContents }), .init("data", { $0.data }),
    ]
}

struct DateView: TemplateView {
    var label: String
    var value: String
    var isoDate: String
    var fromSidecar: Bool

    static let fields: TemplateFields<Self> = [
        .init("label", { $0.label }), .init("value", { $0.value }), .init("isoDate", { $0.isoDate }),
        .init("fromSidecar", { $0.fromSidecar }),
    ]
}

struct RecommendationGroupView: TemplateView {
    var title: String
    var items: [RecommendationView]

    static let fields: TemplateFields<Self> = [.init("title", { $0.title }), .init("items", { $0.items })]
}

struct RecommendationView: TemplateView {
    var text: String
    var context: String?
    var source: String

    static let fields: TemplateFields<Self> = [
        .init("text", { $0.text }), .init("context", { $0.context }), .init("source", { $0.source }),
    ]
}

struct KeyFactView: TemplateView {
    var label: String
    var value: String
    var source: String

    static let fields: TemplateFields<Self> = [
        .init("label", { $0.label }), .init("value", { $0.value }), .init("source", { $0.source }),
    ]
}

struct ContentsEntryView: TemplateView {
    var heading: String
    var anchor: String
    var isSubsection: Bool

    static let fields: TemplateFields<Self> = [
        .init("heading", { $0.heading }), .init("anchor", { $0.anchor }), .init("isSubsection", { $0.isSubsection }),
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
    var markdown: JoinedText { JoinedText(pieces: paragraphs.map(\.text), separator: "\n\n") }
    var hasParagraphs: Bool { !paragraphs.isEmpty }

    static let fields: TemplateFields<Self> = [
        .init("heading", { $0.heading }), .init("anchor", { $0.anchor }), .init("isSubsection", { $0.isSubsection }),
        .init("line", { $0.line }), .init("paragraphs", { $0.paragraphs }), .init("markdown", { $0.markdown }),
        .init("hasParagraphs", { $0.hasParagraphs }),
    ]
}

/// A paragraph of report text, without leading spaces (four would make Markdown read it as code).
struct ParagraphView: TemplateView {
    var text: String

    static let fields: TemplateFields<Self> = [.init("text", { $0.text })]
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
        .init("title", { $0.title }), .init("summary", { $0.summary }), .init("theme", { $0.theme }),
        .init("judgements", { $0.judgements }), .init("hasJudgements", { $0.hasJudgements }),
        .init("distribution", { $0.distribution }), .init("scales", { $0.scales }), .init("related", { $0.related }),
        .init("data", { $0.data }),
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
        .init("authority", { $0.authority }), .init("authorityURL", { $0.authorityURL }), .init("inspectionURL", { $0.inspectionURL }),
        .init("framework", { $0.framework }), .init("date", { $0.date }), .init("wording", { $0.wording }), .init("scope", { $0.scope }),
        .init("grade", { $0.grade }), .init("badge", { $0.badge }),
    ]
}

struct DistributionView: TemplateView {
    var chart: ChartView
    var frameworks: [String]
    var rows: [DistributionRowView]

    static let fields: TemplateFields<Self> = [
        .init("chart", { $0.chart }), .init("frameworks", { $0.frameworks }), .init("rows", { $0.rows }),
    ]
}

struct DistributionRowView: TemplateView {
    var badge: BadgeView
    var counts: [CountView]
    var total: Int

    static let fields: TemplateFields<Self> = [
        .init("badge", { $0.badge }), .init("counts", { $0.counts }), .init("total", { $0.total }),
    ]
}

struct CountView: TemplateView {
    var count: Int

    static let fields: TemplateFields<Self> = [.init("count", { $0.count })]
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
        .init("name", { $0.name }), .init("shortName", { $0.shortName }), .init("years", { $0.years }), .init("isGraded", { $0.isGraded }),
        .init("scale", { $0.scale }), .init("outcomes", { $0.outcomes }), .init("inspectionCaption", { $0.inspectionCaption }),
        .init("inspectionRows", { $0.inspectionRows }), .init("data", { $0.data }),
    ]
}

struct NotFoundView: TemplateView {
    var homeURL: String

    static let fields: TemplateFields<Self> = [.init("homeURL", { $0.homeURL })]
}
