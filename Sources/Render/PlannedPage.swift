import Site

/// A page of the site, planned but not yet rendered, so that a build can render pages in parallel tasks
/// and skip the pages whose inputs have not changed.
public struct PlannedPage: Sendable {
    let plan: PagePlan
    /// The id of the inspection whose own page this is; that page also shows the inspection's text.
    public let inspectionID: String?

    public var path: String { plan.path }

    /// Everything the page's template sees, as canonical text: two plans with the same identity render
    /// the same page with the same templates.
    public var identity: String {
        var text = "\(plan.path)\u{0}\(plan.template)\u{0}\(plan.title)\u{0}"
        for crumb in plan.breadcrumbs { text += "\(crumb.title)\u{0}\(crumb.url)\u{0}" }
        plan.view.describeFields(into: &text)
        return text
    }

    static func describe(_ value: Any?, into text: inout String) {
        switch value {
        case nil:
            text += "-"
        case let string as String:
            text += "s\(string.utf8.count):"
            text += string
        case let bool as Bool:
            text += bool ? "T" : "F"
        case let int as Int:
            text += "i\(int);"
        case let view as any TemplateView:
            text += "{"
            view.describeFields(into: &text)
            text += "}"
        case let list as any Sequence:
            text += "["
            for element in list { describe(element, into: &text) }
            text += "]"
        case let value?:
            preconditionFailure("a page's view holds \(type(of: value)), which templates cannot read")
        }
    }
}

extension TemplateView {
    func describeFields(into text: inout String) {
        for field in Self.fields {
            text += field.name
            PlannedPage.describe(field.value(self), into: &text)
        }
    }
}

extension SiteRenderer {
    /// Every page of `site`, in the order `render(_:)` writes them: views only, nothing rendered yet.
    public func plan(_ site: SiteModel) -> [PlannedPage] {
        planParts(site, inspectionsPerPart: .max).flatMap { $0.pages() }
    }

    /// The pages of `plan(_:)` in parts that can be planned in parallel: the home and authority pages,
    /// the inspections' pages a part at a time, then the outcome and framework pages. Their pages, in
    /// order, are `plan(_:)`'s.
    public func planParts(_ site: SiteModel, inspectionsPerPart: Int) -> [PlanPart] {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        let count = site.inspections.count
        let size = max(1, inspectionsPerPart)
        let inspectionParts = stride(from: 0, to: count, by: size).map { start in
            PlanPart(views: views, kind: .inspections(start..<(start + min(size, count - start))))
        }
        return [PlanPart(views: views, kind: .front)] + inspectionParts + [PlanPart(views: views, kind: .back)]
    }

    /// Renders one planned page. `inspection`, when given, is the full inspection of an inspection's own
    /// page, for a site model that holds inspections without their text (`Inspection.sections`).
    public func render(_ page: PlannedPage, site: SiteModel, inspection: Inspection? = nil) throws(Failure) -> OutputFile {
        guard let inspection else { return try render(page.plan) }
        return try render(SiteViews(site: site, vocabulary: vocabulary).inspection(inspection))
    }
}

/// Some of a site's pages, to be planned by one task.
public struct PlanPart: @unchecked Sendable {
    // `@unchecked`: the site model and vocabulary are immutable values read by every part.
    let views: SiteViews
    let kind: SiteViews.Part

    public func pages() -> [PlannedPage] {
        let plans = views.pages(kind)
        guard case .inspections(let range) = kind else { return plans.map { PlannedPage(plan: $0, inspectionID: nil) } }
        return zip(plans, views.site.inspections[range]).map { PlannedPage(plan: $0, inspectionID: $1.id) }
    }
}
