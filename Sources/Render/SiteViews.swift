import Site

/// A page to render: where it goes, which template, and the values the template sees.
struct PagePlan {
    var path: String
    var template: String
    var title: String
    var breadcrumbs: [(title: String, path: String)]
    var view: Any

    /// The relative prefix from this page back to the site root, so links work from disk and under a sub-path.
    var root: String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

enum Paths {
    static func authority(_ slug: String) -> String { "authorities/\(slug)/index.html" }
    static func inspection(_ id: String) -> String { "inspections/\(id)/index.html" }
    static func outcome(_ id: String) -> String { "outcomes/\(id)/index.html" }
    static func framework(_ id: String) -> String { "frameworks/\(id)/index.html" }
}

/// Turns the site model into the plain values the templates render.
struct SiteViews {
    var site: SiteModel
    var vocabulary: OutcomeVocabulary

    func pages() -> [PagePlan] {
        var plans = [home()]
        plans += site.authorities.map(authority)
        plans += site.inspections.map(inspection)
        plans += site.outcomes.map(outcome)
        plans += site.frameworks.map(framework)
        return plans
    }

    func home() -> PagePlan {
        let root = ""
        let view: [String: Any] = [
            "authorityCount": site.authorities.count,
            "inspectionCount": site.inspections.count,
            "judgementCount": site.judgementRows.count,
            "authorities": site.authorities.map { entry in
                ["name": entry.authority.name, "url": root + Paths.authority(entry.authority.slug), "count": entry.inspections.count] as [String: Any]
            },
            "inspections": site.inspections.reversed().map { inspectionLink($0, root: root) },
            "outcomes": site.outcomes.map { entry in
                ["title": entry.outcome.title, "url": root + Paths.outcome(entry.outcome.id), "count": entry.judgements.count] as [String: Any]
            },
        ]
        return PagePlan(path: "index.html", template: "home.md", title: "Home", breadcrumbs: [], view: view)
    }

    func authority(_ entry: SiteModel.AuthorityEntry) -> PagePlan {
        let path = Paths.authority(entry.authority.slug)
        let root = "../../"
        let view: [String: Any] = [
            "name": entry.authority.name,
            "inspections": entry.inspections.map { inspectionLink($0, root: root) },
        ]
        return PagePlan(path: path, template: "authority.md", title: entry.authority.name, breadcrumbs: [("Home", "index.html")], view: view)
    }

    func inspection(_ inspection: Inspection) -> PagePlan {
        let root = "../../"
        let view: [String: Any] = [
            "title": inspection.title,
            "authority": inspection.authority.name,
            "authorityURL": root + Paths.authority(inspection.authority.slug),
            "framework": inspection.framework.name,
            "frameworkURL": root + Paths.framework(inspection.framework.id),
            "date": inspection.date?.display ?? "Date not known",
            "source": inspection.sourceFile,
            "judgements": inspection.judgements.map { judgementRow($0, root: root) },
            "hasJudgements": !inspection.judgements.isEmpty,
            "sections": inspection.sections.map { section in
                ["heading": section.heading, "paragraphs": section.paragraphs.map { ["text": ReportMarkup.markdown($0)] }] as [String: Any]
            },
        ]
        return PagePlan(
            path: Paths.inspection(inspection.id), template: "inspection.md", title: inspection.title,
            breadcrumbs: [("Home", "index.html"), (inspection.authority.name, Paths.authority(inspection.authority.slug))], view: view)
    }

    func outcome(_ entry: SiteModel.OutcomeEntry) -> PagePlan {
        let root = "../../"
        let view: [String: Any] = [
            "title": entry.outcome.title,
            "summary": entry.outcome.summary,
            "hasJudgements": !entry.judgements.isEmpty,
            "judgements": entry.judgements.map { row in
                [
                    "authority": row.authority.name, "authorityURL": root + Paths.authority(row.authority.slug),
                    "inspectionURL": root + Paths.inspection(row.inspectionID),
                    "framework": row.framework.shortName, "date": row.date?.display ?? "Date not known",
                    "grade": row.judgement.grade, "level": row.judgement.level.map { String($0.rawValue) } ?? "–",
                ] as [String: Any]
            },
        ]
        return PagePlan(path: Paths.outcome(entry.outcome.id), template: "outcome.md", title: entry.outcome.title, breadcrumbs: [("Home", "index.html")], view: view)
    }

    func framework(_ framework: Framework) -> PagePlan {
        let view: [String: Any] = [
            "name": framework.name,
            "years": framework.years,
            "hasScale": !framework.scale.isEmpty,
            "scale": framework.scale.map { ["grade": $0.grade, "meaning": $0.meaning, "level": $0.level.rawValue] as [String: Any] },
        ]
        return PagePlan(path: Paths.framework(framework.id), template: "framework.md", title: framework.name, breadcrumbs: [("Home", "index.html")], view: view)
    }

    func inspectionLink(_ inspection: Inspection, root: String) -> [String: Any] {
        [
            "title": inspection.title, "url": root + Paths.inspection(inspection.id),
            "authority": inspection.authority.name, "framework": inspection.framework.shortName,
            "date": inspection.date?.display ?? "Date not known",
        ]
    }

    func judgementRow(_ judgement: Judgement, root: String) -> [String: Any] {
        [
            "wording": judgement.wording, "grade": judgement.grade,
            "level": judgement.level.map { String($0.rawValue) } ?? "–",
            "outcomeURL": root + Paths.outcome(judgement.outcome),
            "outcome": vocabulary.outcome(judgement.outcome)?.title ?? judgement.outcome,
            "line": judgement.source.line,
        ]
    }
}
