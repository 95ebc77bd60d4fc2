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
        let markdown = templates.utf8(of: page.view, with: page.template)
        let isNotFound = page.path == Permalinks.notFound
        let root = isNotFound ? (baseURL ?? "/") : page.root
        let stylesheet = templates.assets.first { $0.path == Permalinks.stylesheet }
        var layout = LayoutView(
            title: page.title, siteTitle: siteTitle, root: root, body: BodySlot.marker,
            breadcrumbs: page.breadcrumbs, hasBreadcrumbs: !page.breadcrumbs.isEmpty,
            stylesheetURL: isNotFound ? nil : root + Permalinks.stylesheet,
            inlineStyle: isNotFound ? stylesheet.map { String(decoding: $0.contents, as: UTF8.self) } : nil,
            feedURL: baseURL.map { $0 + Permalinks.feed })
        /// The page, or the body as text when it cannot go into the layout's slot.
        enum Filled {
            case page(Data)
            case body(String)
        }
        let filled: Filled
        do {
            // The body goes from cmark-gfm's buffer straight into the page where the layout's slot is; only
            // when it cannot (see `BodySlot`) is it made a String for the layout to render.
            let slotted = templates.utf8(of: layout, with: "layout.html")
            filled = try MarkdownConverter(allowsTemplateHTML: true).withHTML(fromUTF8: markdown) { body in
                if !body.isEmpty, let contents = BodySlot.filling(utf8: slotted, with: body) { return .page(contents) }
                return .body(String(decoding: body, as: UTF8.self))
            }
        } catch {
            throw Failure(page: page.path, message: "Markdown conversion failed (\(error))")
        }
        switch filled {
        case .page(let contents):
            return OutputFile(path: page.path, contents: contents)
        case .body(let body):
            layout.body = body
            return OutputFile(path: page.path, text: templates.render(layout, with: "layout.html"))
        }
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
        .init("title", { $0.title }), .init("siteTitle", { $0.siteTitle }), .init("root", { $0.root }), .init("body", { $0.body }),
        .init("breadcrumbs", { $0.breadcrumbs }), .init("hasBreadcrumbs", { $0.hasBreadcrumbs }), .init("stylesheetURL", { $0.stylesheetURL }),
        .init("inlineStyle", { $0.inlineStyle }), .init("feedURL", { $0.feedURL }),
    ]
}

/// The page body's place in the layout, found by rendering the layout with a marker for the body and
/// putting the body's bytes where the marker came out: the body, most of a page, is then copied once,
/// from cmark-gfm's buffer into the file, instead of being made a String, copied into the layout's
/// output and copied again into the file.
///
/// Only a body placed as it is (`{{{body}}}`) can be put in afterwards. A layout that escapes it, puts it
/// in an indented partial or writes the marker's words itself changes or adds to the marker, which
/// `filling` notices (the marker's two lines must come out whole, and its words nowhere else); the page
/// is then rendered with the body itself, as before.
enum BodySlot {
    static let word = "\u{E000}sitegen-layout-body\u{E001}"
    static let marker = "<\(word)>\n<\(word)>"

    /// `rendered` with each marker replaced by `body`; nil when the marker's words stand anywhere but in
    /// whole markers.
    static func filling(_ rendered: String, with body: Data) -> Data? {
        body.withUnsafeBytes { filling(utf8: Array(rendered.utf8), with: $0.bindMemory(to: UInt8.self)) }
    }

    /// `filling(_:with:)` of the layout's text as UTF-8, with the body's bytes where they lie: the page is
    /// made in one buffer of its final size.
    static func filling(utf8 rendered: [UInt8], with body: UnsafeBufferPointer<UInt8>) -> Data? {
        rendered.withUnsafeBufferPointer { bytes -> Data? in
            Array(marker.utf8).withUnsafeBufferPointer { markerBytes in
                Array(word.utf8).withUnsafeBufferPointer { wordBytes in
                    var words = 0
                    var index = 0
                    while let found = TextScanning.firstIndex(of: wordBytes, in: bytes, from: index) {
                        words += 1
                        index = found + wordBytes.count
                    }
                    var pieces: [Range<Int>] = []
                    var start = 0
                    while let found = TextScanning.firstIndex(of: markerBytes, in: bytes, from: start) {
                        pieces.append(start..<found)
                        start = found + markerBytes.count
                    }
                    guard words == 2 * pieces.count else { return nil }
                    pieces.append(start..<bytes.count)
                    var contents = Data(count: bytes.count + (body.count - markerBytes.count) * (pieces.count - 1))
                    contents.withUnsafeMutableBytes { page in
                        var offset = 0
                        func write(_ piece: UnsafeBufferPointer<UInt8>) {
                            guard let start = piece.baseAddress, !piece.isEmpty else { return }
                            (page.baseAddress! + offset).copyMemory(from: start, byteCount: piece.count)
                            offset += piece.count
                        }
                        for (number, piece) in pieces.enumerated() {
                            if number > 0 { write(body) }
                            write(UnsafeBufferPointer(rebasing: bytes[piece]))
                        }
                    }
                    return contents
                }
            }
        }
    }
}
