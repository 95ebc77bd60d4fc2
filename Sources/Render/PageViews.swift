import Site

/// The plain values the templates render. swift-mustache reads stored properties by reflection, so every
/// value a template shows is a stored property; optional values and empty lists skip their sections.

struct LinkView {
    var title: String
    var url: String
}

/// A level shown as words on a colour: the colour comes from `token`, the meaning is always in `text`.
struct BadgeView {
    var text: String
    var token: String
}

struct DataLinksView {
    var csvURL: String
    var jsonURL: String
}

struct InspectionRowView {
    /// Framework and year, "SIF 2015": short enough for a table cell at 320 px.
    var label: String
    var url: String
    var authority: String
    var authorityURL: String
    var date: String
    var isoDate: String?
    var headline: [BadgeView]
    var judgementCount: Int
}

struct JudgementView {
    var wording: String
    var scope: String?
    var outcome: String
    var outcomeURL: String
    var grade: String
    var badge: BadgeView
    var basis: String
    var source: String
}

struct ScaleView {
    var framework: String
    var frameworkURL: String
    var steps: [ScaleStepView]
}

struct ScaleStepView {
    var grade: String
    var badge: BadgeView
}

struct ChartView {
    var id: String
    var caption: String
    /// Built in Swift with every value XML-escaped (see `Charts`), so the template places it unescaped.
    var svg: String
}

struct HomeView {
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
}

struct AuthoritySummaryView {
    var name: String
    var url: String
    var inspections: String
    var latest: String
}

struct ThemeView {
    var title: String
    var outcomes: [OutcomeSummaryView]
}

struct OutcomeSummaryView {
    var title: String
    var url: String
    var judgements: String
    var frameworks: String
}

struct FrameworkSummaryView {
    var name: String
    var shortName: String
    var url: String
    var years: String
    var inspections: String
}

struct MatrixView {
    var outcomes: [LinkView]
    var rows: [MatrixRowView]
}

struct MatrixRowView {
    var authority: String
    var authorityURL: String
    var cells: [MatrixCellView]
}

struct MatrixCellView {
    /// Nil when the authority has no judgement for the outcome.
    var judged: MatrixJudgementView?
}

struct MatrixJudgementView {
    var badge: BadgeView
    var inspection: String
    var inspectionURL: String
}

struct AuthorityView {
    var name: String
    var inspectionCaption: String
    var inspectionRows: [InspectionRowView]
    var timeline: TimelineView?
    var outcomes: [LinkView]
    var hasOutcomes: Bool
    var legend: [BadgeView]
    var data: DataLinksView?
}

struct TimelineView {
    var chart: ChartView
    var columns: [TimelineColumnView]
    var rows: [TimelineRowView]
}

struct TimelineColumnView {
    var label: String
    var note: String?
}

struct TimelineRowView {
    var outcome: String
    var outcomeURL: String
    var cells: [TimelineCellView]
}

struct TimelineCellView {
    var judgements: [TimelineMarkView]
    var note: String?
}

struct TimelineMarkView {
    var badge: BadgeView
    var scope: String?
}

struct InspectionView {
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
}

struct DateView {
    var label: String
    var value: String
    var isoDate: String
    var fromSidecar: Bool
}

struct RecommendationGroupView {
    var title: String
    var items: [RecommendationView]
}

struct RecommendationView {
    var text: String
    var context: String?
    var source: String
}

struct KeyFactView {
    var label: String
    var value: String
    var source: String
}

struct ContentsEntryView {
    var heading: String
    var anchor: String
    var isSubsection: Bool
}

struct SectionView {
    var heading: String
    var anchor: String
    var isSubsection: Bool
    var line: Int
    var paragraphs: [ParagraphView]
}

/// A paragraph of report text, without leading spaces (four would make Markdown read it as code).
struct ParagraphView {
    var text: String
}

struct OutcomeView {
    var title: String
    var summary: String
    var theme: String
    var judgements: [OutcomeJudgementView]
    var hasJudgements: Bool
    var distribution: DistributionView?
    var scales: [ScaleView]
    var related: [OutcomeSummaryView]
    var data: DataLinksView?
}

struct OutcomeJudgementView {
    var authority: String
    var authorityURL: String
    var inspectionURL: String
    var framework: String
    var date: String
    var wording: String
    var scope: String?
    var grade: String
    var badge: BadgeView
}

struct DistributionView {
    var chart: ChartView
    var frameworks: [String]
    var rows: [DistributionRowView]
}

struct DistributionRowView {
    var badge: BadgeView
    var counts: [CountView]
    var total: Int
}

struct CountView {
    var count: Int
}

struct FrameworkView {
    var name: String
    var shortName: String
    var years: String
    var isGraded: Bool
    var scale: ScaleView?
    var outcomes: [LinkView]
    var inspectionCaption: String
    var inspectionRows: [InspectionRowView]
    var data: DataLinksView?
}

struct NotFoundView {
    var homeURL: String
}
