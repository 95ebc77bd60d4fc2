import Foundation
import Markdown
import Site

/// Renders the site model into the site's files: each page's Markdown from its template, converted to
/// HTML by cmark-gfm and placed into the HTML layout; the 404 page, the Atom feed and the sitemap; and
/// the template folder's assets.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    public var vocabulary: OutcomeVocabulary
    public var siteTitle: String
    /// The absolute URL the site is served from, ending in `/`; nil when not known (see `render`).
    public var baseURL: String?

    public init(
        templates: TemplateSet, vocabulary: OutcomeVocabulary = .builtIn,
        siteTitle: String = "Children's services inspections", baseURL: String? = nil
    ) {
        self.templates = templates
        self.vocabulary = vocabulary
        self.siteTitle = siteTitle
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var page: String
        public var message: String
        public var description: String { "\(page): error: \(message)" }
    }

    /// Every file of the site, in a fixed order.
    ///
    /// Pages link to each other relatively. `404.html` is served at whatever path was missing, so its
    /// links start from `baseURL` (or from `/` without one) and its stylesheet is inlined. `sitemap.xml`
    /// and `feed.xml` need absolute URLs, so they are written only when `baseURL` is known.
    public func render(_ site: SiteModel) throws(Failure) -> [OutputFile] {
        var files: [OutputFile] = []
        let pages = SiteViews(site: site, vocabulary: vocabulary).pages()
        for page in pages {
            files.append(try render(page))
        }
        return files + templates.assets + [try notFoundFile()] + siteIndexFiles(site, pagePaths: pages.map(\.path))
    }

    /// The 404 page, which depends only on the templates and the base URL.
    public func notFoundFile() throws(Failure) -> OutputFile {
        try render(notFoundPage())
    }

    /// The paths of `siteIndexFiles`, known before they are made: none without a base URL.
    public var siteIndexPaths: [String] { baseURL == nil ? [] : [Permalinks.sitemap, Permalinks.feed] }

    /// With a base URL, the sitemap (of `pagePaths`) and the feed; nothing without one.
    public func siteIndexFiles(_ site: SiteModel, pagePaths: [String]) -> [OutputFile] {
        guard let baseURL else { return [] }
        return [
            OutputFile(path: Permalinks.sitemap, text: Sitemap.xml(pages: pagePaths, baseURL: baseURL)),
            OutputFile(path: Permalinks.feed, text: AtomFeed.xml(site, title: siteTitle, baseURL: baseURL)),
        ]
    }

    /// The Markdown of one page, before conversion, for tests and golden files.
    public func markdown(of path: String, in site: SiteModel) -> String? {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        guard let page = (views.pages() + [notFoundPage()]).first(where: { $0.path == path }) else { return nil }
        return templates.render(page.view, with: page.template)
    }

    func render(_ page: PagePlan) throws(Failure) -> OutputFile {
        let markdown = templates.render(page.view, with: page.template)
        let body: String
        do {
            body = try MarkdownConverter(allowsTemplateHTML: true).html(from: markdown)
        } catch {
            throw Failure(page: page.path, message: "Markdown conversion failed (\(error))")
        }
        let isNotFound = page.path == Permalinks.notFound
        let root = isNotFound ? (baseURL ?? "/") : page.root
        let stylesheet = templates.assets.first { $0.path == Permalinks.stylesheet }
        let layout = LayoutView(
            title: page.title, siteTitle: siteTitle, root: root, body: body,
            breadcrumbs: page.breadcrumbs, hasBreadcrumbs: !page.breadcrumbs.isEmpty,
            stylesheetURL: isNotFound ? nil : root + Permalinks.stylesheet,
            inlineStyle: isNotFound ? stylesheet.map { String(decoding: $0.contents, as: UTF8.self) } : nil,
            feedURL: baseURL.map { $0 + Permalinks.feed })
        return OutputFile(path: page.path, text: templates.render(layout, with: "layout.html"))
    }

    /// Every graded framework has a page, so that any grade scale can link to its framework, and so has
    /// any other framework the site's reports use.
    public static func frameworksWithPages(_ site: SiteModel) -> [Framework] {
        Set(Framework.allCases.filter(\.isGraded) + site.frameworks).sorted()
    }

    func notFoundPage() -> PagePlan {
        PagePlan(
            path: Permalinks.notFound, template: "not-found.md", title: "Page not found", breadcrumbs: [],
            view: NotFoundView(homeURL: (baseURL ?? "/") + Permalinks.home))
    }
}

struct LayoutView: TemplateView {
    var title: String
    var siteTitle: String
    var root: String
    var body: String
    var breadcrumbs: [LinkView]
    var hasBreadcrumbs: Bool
    var stylesheetURL: String?
    /// The stylesheet's text, for the 404 page, which cannot know a relative path to `assets/`.
    var inlineStyle: String?
    var feedURL: String?

    static let fields: TemplateFields<Self> = [
        ("title", { $0.title }), ("siteTitle", { $0.siteTitle }), ("root", { $0.root }), ("body", { $0.body }),
        ("breadcrumbs", { $0.breadcrumbs }), ("hasBreadcrumbs", { $0.hasBreadcrumbs }), ("stylesheetURL", { $0.stylesheetURL }),
        ("inlineStyle", { $0.inlineStyle }), ("feedURL", { $0.feedURL }),
    ]
}
