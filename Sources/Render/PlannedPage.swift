import Site

/// A page of the site, planned but not yet rendered, so that a build can render pages in parallel tasks
/// and skip the pages whose inputs have not changed.
public struct PlannedPage: Sendable {
    let plan: PagePlan
    /// The id of the inspection whose own page this is; that page also shows the inspection's text.
    public let inspectionID: String?

    public var path: String { plan.path }

    /// Everything the page's template sees, as canonical bytes: two plans with the same identity render
    /// the same page with the same templates.
    public var identity: [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(4096)
        for part in [plan.path, plan.template, plan.title] { part.describe(into: &text) }
        plan.breadcrumbs.describe(into: &text)
        plan.view.describe(into: &text)
        return text
    }
}

extension SiteRenderer {
    /// Every page of `site`, in the order `render(_:)` writes them: views only, nothing rendered yet.
    public func plan(_ site: SiteModel) -> [PlannedPage] {
        planParts(site, pagesPerPart: .max).flatMap { $0.pages() }
    }

    /// The pages of `plan(_:)` in parts that can be planned in parallel: runs of at most `pagesPerPart`
    /// authority or inspection pages, each outcome page alone (each lists every judgement of its
    /// outcome), the home and framework pages alone. Their pages, in order, are `plan(_:)`'s.
    public func planParts(_ site: SiteModel, pagesPerPart: Int) -> [PlanPart] {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        let size = max(1, pagesPerPart)
        func runs(_ indices: Range<Int>, of size: Int) -> [Range<Int>] {
            stride(from: indices.lowerBound, to: indices.upperBound, by: size).map { $0..<min($0 + size, indices.upperBound) }
        }
        let parts: [SiteViews.Part] = views.wholeParts.flatMap { part -> [SiteViews.Part] in
            switch part {
            case .authorities(let all): runs(all, of: size).map { .authorities($0) }
            case .inspections(let all): runs(all, of: size).map { .inspections($0) }
            case .outcomes(let all): runs(all, of: size == .max ? size : 1).map { .outcomes($0) }
            case .home, .frameworks: [part]
            }
        }
        return parts.map { PlanPart(views: views, kind: $0) }
    }

    /// The own page of the inspection at `index` of `site.inspections`, as `plan(_:)` gives it.
    public func planInspectionPage(_ site: SiteModel, at index: Int) -> PlannedPage {
        PlanPart(views: SiteViews(site: site, vocabulary: vocabulary), kind: .inspections(index..<(index + 1))).pages()[0]
    }

    /// Renders one planned page. `inspection`, when given, is the full inspection of an inspection's own
    /// page, for a site model that holds inspections without their text (`Inspection.sections`).
    ///
    /// The page's planned view is of the inspection as the site model holds it, which differs from the
    /// full one only by its text: the text's views are put into it rather than the page's view being made
    /// again.
    public func render(_ page: PlannedPage, site: SiteModel, inspection: Inspection? = nil) throws(Failure) -> OutputFile {
        guard let inspection else { return try render(page.plan) }
        let views = SiteViews(site: site, vocabulary: vocabulary)
        guard let planned = page.plan.view as? InspectionView, page.inspectionID == inspection.id else {
            return try render(views.inspection(inspection))
        }
        var plan = page.plan
        plan.view = views.withText(of: inspection, planned)
        return try render(plan)
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
