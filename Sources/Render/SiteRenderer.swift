import Foundation
import Markdown
import Site

/// Renders the site model into page files: each page's Markdown from its template, converted to HTML by
/// cmark-gfm and placed into the HTML layout.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    public var vocabulary: OutcomeVocabulary
    public var siteTitle: String

    public init(templates: TemplateSet, vocabulary: OutcomeVocabulary = .builtIn, siteTitle: String = "Children's services inspections") {
        self.templates = templates
        self.vocabulary = vocabulary
        self.siteTitle = siteTitle
    }

    public struct Failure: Error, CustomStringConvertible {
        public var page: String
        public var message: String
        public var description: String { "\(page): error: \(message)" }
    }

    /// Every page of the site, in a fixed order.
    public func render(_ site: SiteModel) throws(Failure) -> [OutputFile] {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        var files: [OutputFile] = []
        for page in views.pages() {
            files.append(try render(page))
        }
        return files + templates.assets
    }

    func render(_ page: PagePlan) throws(Failure) -> OutputFile {
        let markdown = templates.render(page.view, with: page.template)
        let body: String
        do {
            body = try MarkdownConverter(allowsTemplateHTML: true).html(from: markdown)
        } catch {
            throw Failure(page: page.path, message: "Markdown conversion failed (\(error))")
        }
        let layout = LayoutView(
            title: page.title, siteTitle: siteTitle, root: page.root, body: body,
            breadcrumbs: page.breadcrumbs.map { LinkView(title: $0.title, url: page.root + $0.path) })
        return OutputFile(path: page.path, text: templates.render(layout, with: "layout.html"))
    }

    /// The Markdown of one page, before conversion, for tests and golden files.
    public func markdown(of path: String, in site: SiteModel) -> String? {
        let views = SiteViews(site: site, vocabulary: vocabulary)
        guard let page = views.pages().first(where: { $0.path == path }) else { return nil }
        return templates.render(page.view, with: page.template)
    }
}

struct LayoutView {
    var title: String
    var siteTitle: String
    var root: String
    var body: String
    var breadcrumbs: [LinkView]
    var hasBreadcrumbs: Bool { !breadcrumbs.isEmpty }
}

struct LinkView {
    var title: String
    var url: String
}
