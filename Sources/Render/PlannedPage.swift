import Site

/// A page of the site, planned but not yet rendered, so that a build can render pages in parallel tasks
/// and skip the pages whose inputs have not changed.
///
/// `@unchecked Sendable` because the plan's view is typed `Any`; it only ever holds what `SiteViews`
/// builds (dictionaries, arrays, strings, numbers, booleans), immutable values that are safe to share.
public struct PlannedPage: @unchecked Sendable {
    let plan: PagePlan
    /// The id of the inspection whose own page this is; that page also shows the inspection's text.
    public let inspectionID: String?

    public var path: String { plan.path }

    /// Everything the page's template sees, as canonical text: two plans with the same identity render
    /// the same page with the same templates.
    public var identity: String {
        var text = "\(plan.path)\u{0}\(plan.template)\u{0}\(plan.title)\u{0}"
        for crumb in plan.breadcrumbs { text += "\(crumb.title)\u{0}\(crumb.url)\u{0}" }
        Self.describe(plan.view, into: &text)
        return text
    }

    static func describe(_ value: Any, into text: inout String) {
        switch value {
        case let string as String:
            text += "s\(string.utf8.count):"
            text += string
        case let bool as Bool:
            text += bool ? "T" : "F"
        case let int as Int:
            text += "i\(int);"
        case let dictionary as [String: Any]:
            text += "{"
            for key in dictionary.keys.sorted() {
                describe(key, into: &text)
                describe(dictionary[key]!, into: &text)
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for element in array { describe(element, into: &text) }
            text += "]"
        default:
            let mirror = Mirror(reflecting: value)
            text += "<\(type(of: value))"
            if mirror.children.isEmpty { text += ":\(value)" }
            for child in mirror.children {
                text += "\(child.label ?? "")="
                describe(child.value, into: &text)
            }
            text += ">"
        }
    }
}

extension SiteRenderer {
    /// Every page of `site`, in the order `render(_:)` writes them: views only, nothing rendered yet.
    public func plan(_ site: SiteModel) -> [PlannedPage] {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        let inspectionPaths = Dictionary(site.inspections.map { (Permalinks.inspection($0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        return views.pages().map { PlannedPage(plan: $0, inspectionID: inspectionPaths[$0.path]) }
    }

    /// Renders one planned page. `inspection`, when given, is the full inspection of an inspection's own
    /// page, for a site model that holds inspections without their text (`Inspection.sections`).
    public func render(_ page: PlannedPage, site: SiteModel, inspection: Inspection? = nil) throws(Failure) -> OutputFile {
        guard let inspection else { return try render(page.plan) }
        return try render(SiteViews(site: site, vocabulary: vocabulary).inspection(inspection))
    }
}
