import Foundation
import Site

/// A page to render: where it goes, which template, and the values the template sees.
struct PagePlan {
    var path: String
    var template: String
    var title: String
    var breadcrumbs: [LinkView]
    var view: any TemplateView

    var root: String { Permalinks.root(of: path) }
}

/// Turns the site model into the plain values the templates render. Every URL is relative to the page
/// it appears on.
struct SiteViews {
    var site: SiteModel
    var vocabulary: OutcomeVocabulary

    static let latestCount = 10

    /// The site's pages in the order they are written: the home page, the authorities', the
    /// inspections', the outcomes' and the frameworks'. A part is any run of one kind, so that parts can
    /// be planned in parallel.
    enum Part {
        case home
        case authorities(Range<Int>)
        case inspections(Range<Int>)
        case outcomes(Range<Int>)
        case frameworks
    }

    /// Every part, whole, in order.
    var wholeParts: [Part] {
        [.home, .authorities(site.authorities.indices), .inspections(site.inspections.indices), .outcomes(site.outcomes.indices), .frameworks]
    }

    func pages() -> [PagePlan] {
        wholeParts.flatMap(pages)
    }

    func pages(_ part: Part) -> [PagePlan] {
        switch part {
        case .home: [home()]
        case .authorities(let range): site.authorities[range].map(authority)
        case .inspections(let range): site.inspections[range].map(inspection)
        case .outcomes(let range): site.outcomes[range].map(outcome)
        case .frameworks: frameworks.map(framework)
        }
    }

    var frameworks: [Framework] { SiteRenderer.frameworksWithPages(site) }

    // MARK: Pages

    func home() -> PagePlan {
        let root = ""
        let judgedOutcomes = site.outcomes.filter { !$0.judgements.isEmpty }
        let matrix = judgedOutcomes.isEmpty ? nil : MatrixView(
            outcomes: judgedOutcomes.map { LinkView(title: $0.outcome.title, url: root + Permalinks.outcome($0.outcome.id)) },
            rows: site.authorities.map { entry in
                MatrixRowView(
                    authority: entry.authority.name, authorityURL: root + Permalinks.authority(entry.authority.slug),
                    cells: judgedOutcomes.map { matrixCell(entry, outcome: $0.outcome.id, root: root) })
            })
        let themes = Theme.allCases.compactMap { theme -> ThemeView? in
            let outcomes = site.outcomes.filter { $0.outcome.theme == theme }
            guard !outcomes.isEmpty else { return nil }
            return ThemeView(title: theme.title, outcomes: outcomes.map { outcomeSummary($0.outcome, root: root) })
        }
        let latest = site.inspections.filter { $0.date != nil }.reversed().prefix(Self.latestCount)
        let view = HomeView(
            inspectionCaption: "The \(latest.count) newest dated inspections",
            authorityCount: site.authorities.count, inspectionCount: site.inspections.count,
            judgementCount: site.judgementRows.count, outcomeCount: site.outcomes.count,
            inspectionRows: latest.map { inspectionRow($0, root: root) },
            authorities: site.authorities.map { entry in
                AuthoritySummaryView(
                    name: entry.authority.name, url: root + Permalinks.authority(entry.authority.slug),
                    inspections: counted(entry.inspections.count, "inspection"),
                    latest: entry.inspections.last.map(shortLabel) ?? "")
            },
            themes: themes,
            frameworks: frameworks.map { framework in
                FrameworkSummaryView(
                    name: framework.name, shortName: framework.shortName, url: root + Permalinks.framework(framework),
                    years: framework.years,
                    inspections: counted(site.inspections.filter { $0.framework == framework }.count, "inspection"))
            },
            matrix: matrix, legend: legend(), data: dataLinks(root: root))
        return PagePlan(path: Permalinks.home, template: "home.md", title: "Home", breadcrumbs: [], view: view)
    }

    func authority(_ entry: SiteModel.AuthorityEntry) -> PagePlan {
        let path = Permalinks.authority(entry.authority.slug)
        let root = Permalinks.root(of: path)
        let judged = Set(entry.inspections.flatMap { $0.judgements.map(\.outcome) })
        let outcomes = vocabulary.outcomes.filter { judged.contains($0.id) }
        let view = AuthorityView(
            name: entry.authority.name,
            inspectionCaption: "Inspections of \(entry.authority.name), oldest first",
            inspectionRows: entry.inspections.map { inspectionRow($0, root: root) },
            timeline: timeline(entry.inspections, outcomes: outcomes, root: root),
            outcomes: outcomes.map { LinkView(title: $0.title, url: root + Permalinks.outcome($0.id)) },
            hasOutcomes: !outcomes.isEmpty,
            legend: legend(),
            data: judged.isEmpty ? nil : dataLinks(root: root))
        return PagePlan(
            path: path, template: "authority.md", title: entry.authority.name,
            breadcrumbs: [LinkView(title: "Home", url: root + Permalinks.home)], view: view)
    }

    func inspection(_ inspection: Inspection) -> PagePlan {
        let path = Permalinks.inspection(inspection.id)
        let root = Permalinks.root(of: path)
        let siblings = site.inspections(of: inspection.authority.slug)
        let index = siblings.firstIndex { $0.id == inspection.id }
        let previous = index.flatMap { $0 > 0 ? siblings[$0 - 1] : nil }
        let next = index.flatMap { $0 + 1 < siblings.count ? siblings[$0 + 1] : nil }
        let sections = sectionViews(of: inspection)
        let view = InspectionView(
            title: inspection.title,
            authority: inspection.authority.name, authorityURL: root + Permalinks.authority(inspection.authority.slug),
            framework: inspection.framework.name, frameworkURL: root + Permalinks.framework(inspection.framework),
            dates: dates(of: inspection),
            hasSidecarValues: !inspection.sidecarFields.isEmpty,
            source: inspection.sourceFile, attribution: inspection.attribution,
            judgements: inspection.judgements.map { judgementView($0, framework: inspection.framework, root: root) },
            isGraded: inspection.framework.isGraded,
            recommendations: Recommendation.Timescale.allCases.compactMap { timescale in
                let items = inspection.recommendations.filter { $0.timescale == timescale }
                guard !items.isEmpty else { return nil }
                return RecommendationGroupView(title: timescale.title, items: items.map {
                    RecommendationView(text: $0.text, context: $0.context, source: $0.source.description)
                })
            },
            keyFacts: inspection.keyFacts.map { KeyFactView(label: $0.label, value: $0.value, source: $0.source.description) },
            contents: sections.map { ContentsEntryView(heading: $0.heading, anchor: $0.anchor, isSubsection: $0.isSubsection) },
            sections: sections,
            previous: previous.map { LinkView(title: shortLabel($0), url: root + Permalinks.inspection($0.id)) },
            next: next.map { LinkView(title: shortLabel($0), url: root + Permalinks.inspection($0.id)) },
            hasPager: previous != nil || next != nil,
            hasJudgements: !inspection.judgements.isEmpty,
            hasRecommendations: !inspection.recommendations.isEmpty,
            hasKeyFacts: !inspection.keyFacts.isEmpty,
            hasContents: !sections.isEmpty,
            data: inspection.judgements.isEmpty ? nil : dataLinks(root: root))
        return PagePlan(
            path: path, template: "inspection.md", title: inspection.title,
            breadcrumbs: [
                LinkView(title: "Home", url: root + Permalinks.home),
                LinkView(title: inspection.authority.name, url: root + Permalinks.authority(inspection.authority.slug)),
            ],
            view: view)
    }

    /// The views of an inspection's text, its sections with their anchors.
    func sectionViews(of inspection: Inspection) -> [SectionView] {
        let anchors = Anchors.unique(inspection.sections.map(\.heading))
        return zip(inspection.sections, anchors).map { section, anchor in
            SectionView(
                heading: section.heading, anchor: anchor, isSubsection: section.depth > 1, line: section.startLine,
                paragraphs: section.paragraphs.map { ParagraphView(text: ReportMarkup.markdown($0)) })
        }
    }

    /// `inspection(_:)` of the same inspection with its text, from the view of the inspection without
    /// it (as the site model holds it, and pages are planned from): the text's views put in, nothing
    /// else made again.
    func withText(of inspection: Inspection, _ view: InspectionView) -> InspectionView {
        var view = view
        view.sections = sectionViews(of: inspection)
        view.contents = view.sections.map { ContentsEntryView(heading: $0.heading, anchor: $0.anchor, isSubsection: $0.isSubsection) }
        view.hasContents = !view.sections.isEmpty
        return view
    }

    func outcome(_ entry: SiteModel.OutcomeEntry) -> PagePlan {
        let path = Permalinks.outcome(entry.outcome.id)
        let root = Permalinks.root(of: path)
        // By authority (as `AuthorityName` orders them), date and inspection: each row's key made once,
        // not in every comparison, and indices sorted rather than the rows themselves. An authority's
        // part of the key is its place among the outcome's authorities (the same for two that order
        // alike), found once per authority: comparing names row by row was most of the sort.
        let places = Self.places(of: Set(entry.judgements.map(\.authority)))
        let keys = entry.judgements.map { (places[$0.authority]!, $0.date ?? .distantPast, $0.inspectionID) }
        let rows = keys.indices.sorted { keys[$0] < keys[$1] }.map { entry.judgements[$0] }
        let frameworks = Set(entry.outcome.frameworks + entry.judgements.map(\.framework)).sorted().filter(\.isGraded)
        let view = OutcomeView(
            title: entry.outcome.title, summary: entry.outcome.summary, theme: entry.outcome.theme.title,
            judgements: rows.map { row in
                OutcomeJudgementView(
                    authority: row.authority.name, authorityURL: root + Permalinks.authority(row.authority.slug),
                    inspectionURL: root + Permalinks.inspection(row.inspectionID),
                    framework: row.framework.shortName, date: row.date?.display ?? "Date not known",
                    wording: row.judgement.wording, scope: row.judgement.scope, grade: gradeAsWritten(row.judgement),
                    badge: badge(row.judgement.level, framework: row.framework))
            },
            hasJudgements: !rows.isEmpty,
            distribution: distribution(entry),
            scales: frameworks.map { scale($0, root: root) },
            related: vocabulary.related(to: entry.outcome.id).map { outcomeSummary($0, root: root) },
            data: entry.judgements.isEmpty ? nil : dataLinks(root: root))
        return PagePlan(
            path: path, template: "outcome.md", title: entry.outcome.title,
            breadcrumbs: [LinkView(title: "Home", url: root + Permalinks.home)], view: view)
    }

    func framework(_ framework: Framework) -> PagePlan {
        let path = Permalinks.framework(framework)
        let root = Permalinks.root(of: path)
        let inspections = site.inspections.filter { $0.framework == framework }
        let view = FrameworkView(
            name: framework.name, shortName: framework.shortName, years: framework.years, isGraded: framework.isGraded,
            scale: framework.scale.isEmpty ? nil : scale(framework, root: root),
            outcomes: vocabulary.outcomes.filter { $0.wordings[framework] != nil }
                .map { LinkView(title: $0.title, url: root + Permalinks.outcome($0.id)) },
            inspectionCaption: "Inspections under this framework on this site, oldest first",
            inspectionRows: inspections.map { inspectionRow($0, root: root) },
            data: inspections.allSatisfy(\.judgements.isEmpty) ? nil : dataLinks(root: root))
        return PagePlan(
            path: path, template: "framework.md", title: framework.name,
            breadcrumbs: [LinkView(title: "Home", url: root + Permalinks.home)], view: view)
    }

    // MARK: Pieces

    func inspectionRow(_ inspection: Inspection, root: String) -> InspectionRowView {
        InspectionRowView(
            label: shortLabel(inspection), url: root + Permalinks.inspection(inspection.id),
            authority: inspection.authority.name, authorityURL: root + Permalinks.authority(inspection.authority.slug),
            date: inspection.date?.display ?? "Date not known", isoDate: inspection.date?.iso,
            headline: inspection.judgements.filter { $0.outcome == Self.headlineOutcome }
                .map { badge($0.level, framework: inspection.framework) },
            judgementCount: inspection.judgements.count)
    }

    static let headlineOutcome = "overall-effectiveness"

    func judgementView(_ judgement: Judgement, framework: Framework, root: String) -> JudgementView {
        JudgementView(
            wording: judgement.wording, scope: judgement.scope,
            outcome: vocabulary.outcome(judgement.outcome)?.title ?? judgement.outcome,
            outcomeURL: root + Permalinks.outcome(judgement.outcome),
            grade: gradeAsWritten(judgement),
            badge: badge(judgement.level, framework: framework),
            basis: Self.basisWords[judgement.basis] ?? judgement.basis.rawValue,
            source: judgement.source.description)
    }

    static let basisWords: [Judgement.Basis: String] = [
        .table: "table", .gradeLine: "grade line", .headline: "headline", .prose: "sentence", .sidecar: "sidecar",
    ]

    func matrixCell(_ entry: SiteModel.AuthorityEntry, outcome: String, root: String) -> MatrixCellView {
        let latest = entry.inspections.reversed().lazy.compactMap { inspection in
            inspection.judgements.first { $0.outcome == outcome }.map { (inspection, $0) }
        }.first
        return MatrixCellView(judged: latest.map { inspection, judgement in
            MatrixJudgementView(
                badge: badge(judgement.level, framework: inspection.framework),
                inspection: shortLabel(inspection), inspectionURL: root + Permalinks.inspection(inspection.id))
        })
    }

    func outcomeSummary(_ outcome: Outcome, root: String) -> OutcomeSummaryView {
        let count = site.outcomes.first { $0.outcome.id == outcome.id }?.judgements.count ?? 0
        return OutcomeSummaryView(
            title: outcome.title, url: root + Permalinks.outcome(outcome.id),
            judgements: counted(count, "judgement"),
            frameworks: outcome.frameworks.map(\.shortName).joined(separator: ", "))
    }

    func scale(_ framework: Framework, root: String) -> ScaleView {
        ScaleView(
            framework: framework.name, frameworkURL: root + Permalinks.framework(framework),
            steps: framework.scale.map { ScaleStepView(grade: $0.grade, badge: badge($0.level, framework: framework)) })
    }

    func dates(of inspection: Inspection) -> [DateView] {
        let fields: [(String, String, PartialDate?)] = [
            ("Letter date", "letter_date", inspection.letterDate),
            ("Inspection began", "inspection_start", inspection.inspectionStart),
            ("Inspection ended", "inspection_end", inspection.inspectionEnd),
            ("Published", "publication_date", inspection.publicationDate),
        ]
        return fields.compactMap { label, field, date in
            date.map { DateView(label: label, value: $0.display, isoDate: $0.iso, fromSidecar: inspection.sidecarFields.contains(field)) }
        }
    }

    func dataLinks(root: String) -> DataLinksView {
        DataLinksView(csvURL: root + Permalinks.judgementsCSV, jsonURL: root + Permalinks.judgementsJSON)
    }

    // MARK: Charts

    func timeline(_ inspections: [Inspection], outcomes: [Outcome], root: String) -> TimelineView? {
        guard !outcomes.isEmpty else { return nil }
        let rows = outcomes.map { outcome in
            TimelineRowView(
                outcome: outcome.title, outcomeURL: root + Permalinks.outcome(outcome.id),
                cells: inspections.map { inspection in
                    TimelineCellView(
                        judgements: inspection.judgements.filter { $0.outcome == outcome.id }.map {
                            TimelineMarkView(badge: badge($0.level, framework: inspection.framework), scope: $0.scope)
                        },
                        note: timelineNote(inspection.framework))
                })
        }
        let columns = inspections.map { Charts.TimelineColumn(label: shortLabel($0), note: timelineNote($0.framework)) }
        let chart = Charts.timeline(
            columns: columns,
            rows: outcomes.map { outcome in
                Charts.TimelineRow(label: outcome.title, cells: inspections.map { inspection in
                    inspection.judgements.filter { $0.outcome == outcome.id }.map(\.level)
                })
            })
        return TimelineView(
            chart: ChartView(
                id: "timeline", caption: "Levels by outcome, one column per inspection in date order (not to scale)",
                svg: chart),
            columns: columns.map { TimelineColumnView(label: $0.label, note: $0.note) }, rows: rows)
    }

    /// Why an inspection of `framework` has no level on a timeline; nil for graded frameworks.
    func timelineNote(_ framework: Framework) -> String? {
        switch framework {
        case .visit: "not graded"
        case .unknown: "layout not known"
        default: nil
        }
    }

    /// Each authority's place in `AuthorityName`'s order (lower-cased name, then slug), from 0, two that
    /// order alike sharing one.
    static func places(of authorities: Set<AuthorityName>) -> [AuthorityName: Int] {
        let ordered = authorities.map { (authority: $0, key: ($0.name.lowercased(), $0.slug)) }.sorted { $0.key < $1.key }
        var places: [AuthorityName: Int] = [:]
        var place = 0
        for (index, entry) in ordered.enumerated() {
            if index > 0, entry.key != ordered[index - 1].key { place += 1 }
            places[entry.authority] = place
        }
        return places
    }

    func distribution(_ entry: SiteModel.OutcomeEntry) -> DistributionView? {
        guard !entry.judgements.isEmpty else { return nil }
        let frameworks = Set(entry.judgements.map(\.framework)).sorted()
        // The judgements counted by level and framework in one pass.
        let columns = Dictionary(uniqueKeysWithValues: frameworks.enumerated().map { ($1, $0) })
        var counts: [Level?: [Int]] = [:]
        for row in entry.judgements {
            counts[row.judgement.level, default: Array(repeating: 0, count: frameworks.count)][columns[row.framework]!] += 1
        }
        let levels: [Level?] = Level.allCases.reversed() + (counts[nil] == nil ? [] : [nil])
        let rows = levels.map { level in
            let byFramework = counts[level] ?? Array(repeating: 0, count: frameworks.count)
            return DistributionRowView(
                badge: badge(level, framework: nil), counts: byFramework.map { CountView(count: $0) }, total: byFramework.reduce(0, +))
        }
        let chart = Charts.distribution(bars: rows.map { Charts.Bar(label: $0.badge.text, token: $0.badge.token, count: $0.total) })
        return DistributionView(
            chart: ChartView(id: "distribution", caption: "Judgements of this outcome by level, all frameworks", svg: chart),
            frameworks: frameworks.map(\.shortName), rows: rows)
    }

    // MARK: Words

    /// The badge of a level: its number and its meaning in the framework's own scale when known
    /// ("2 Requires improvement to be good", "2 Adequate"), else the shared label.
    func badge(_ level: Level?, framework: Framework?) -> BadgeView {
        guard let level else { return BadgeView(text: "Level not read", token: "none") }
        let meaning = framework?.scale.first { $0.level == level }?.meaning ?? level.label
        return BadgeView(text: "\(level.rawValue) \(meaning)", token: level.token)
    }

    func gradeAsWritten(_ judgement: Judgement) -> String {
        judgement.grade.isEmpty ? "not readable" : judgement.grade
    }

    func legend() -> [BadgeView] {
        Level.allCases.reversed().map { badge($0, framework: nil) }
    }

    func shortLabel(_ inspection: Inspection) -> String {
        "\(inspection.framework.shortName) \(inspection.date.map { String($0.year) } ?? "undated")"
    }

    func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// Unique, readable fragment ids for headings: `section-being-healthy`, then `section-being-healthy-2`.
/// The prefix keeps them apart from the ids the templates use.
enum Anchors {
    static func unique(_ headings: [String]) -> [String] {
        var used: Set<String> = []
        return headings.map { heading in
            let base = "section-" + Slug.make(heading)
            var anchor = base
            var number = 2
            while used.contains(anchor) {
                anchor = "\(base)-\(number)"
                number += 1
            }
            used.insert(anchor)
            return anchor
        }
    }
}

extension PartialDate {
    static let distantPast = PartialDate(year: 1900)!
}
