import Corpus
import Foundation
import Pipeline
import Reports
@testable import Render
import Site
import Testing

/// `CompiledTemplates` renders swift-mustache's parsed templates itself: every page must come out as
/// swift-mustache's own renderer makes it, for the bundled templates and for any template a user writes.
@Suite struct CompiledTemplatesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled reports, the fixture excerpts and synthetic reports of every layout, as one site.
    static let site: SiteModel = {
        var sources = ContentReader(folder: root.appendingPathComponent("Content")).read().sources
        sources += ContentReader(folder: root.appendingPathComponent("Tests/Fixtures/Reports")).read().sources
        let corpus = CorpusGenerator(count: 16, seed: 5)
        sources += (0..<corpus.count).map { corpus.report($0) }.map { ReportSource(path: $0.fileName, text: $0.text) }
        let extractor = ReportExtractor()
        var seen: Set<String> = []
        let inspections = sources.compactMap { extractor.extract($0).inspection }.filter { seen.insert($0.id).inserted }
        return SiteModel(inspections: inspections, vocabulary: extractor.vocabulary)
    }()

    /// The bundled templates, or those of `files` (by file name) with the required ones they leave out empty.
    static func templates(_ files: [String: String] = [:]) throws -> TemplateSet {
        guard !files.isEmpty else { return try TemplateSet(folder: root.appendingPathComponent("Templates")) }
        return try TemplateSet(texts: Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropLast(".mustache".count)), $0.value) }))
    }

    @Test(arguments: [nil, "https://example.org/reports/"])
    func everyFileOfTheSiteIsWhatSwiftMustacheRenders(baseURL: String?) throws {
        let templates = try Self.templates()
        #expect(templates.compiled != nil, "the bundled templates use only what CompiledTemplates renders")
        let compiled = try SiteRenderer(templates: templates, baseURL: baseURL).render(Self.site)
        let library = try SiteRenderer(templates: templates.renderedByLibrary, baseURL: baseURL).render(Self.site)
        #expect(compiled.count == library.count)
        #expect(compiled.count > 60)
        for (ours, theirs) in zip(compiled, library) {
            #expect(ours.path == theirs.path)
            #expect(ours.contents == theirs.contents, "\(ours.path) differs")
        }
    }

    /// Every view the site's pages show, found by walking each page's view: what random templates render.
    static let views: [any TemplateView] = {
        var views: [any TemplateView] = []
        var kinds: Set<ObjectIdentifier> = []
        func walk(_ view: any TemplateView, depth: Int) {
            if kinds.insert(ObjectIdentifier(type(of: view))).inserted || depth == 0 { views.append(view) }
            for name in fieldNames(view) {
                switch view.field(named: name)?.templateFieldValue {
                case .view(let inner): walk(inner, depth: depth + 1)
                case .list(let list) where list.count > 0:
                    if case .view(let inner) = list.element(at: list.count - 1) { walk(inner, depth: depth + 1) }
                default: break
                }
            }
        }
        for page in SiteViews(site: site, vocabulary: .builtIn).pages() { walk(page.view, depth: 0) }
        return views
    }()

    static func fieldNames(_ view: some TemplateView) -> [String] { type(of: view).fields.map(\.name.text) }

    /// Templates made at random from the views' names and every kind of tag both renderers handle, with
    /// standalone lines, indented partials, CRLF and non-ASCII text, rendered against the site's views.
    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        let names = Array(Set(Self.views.flatMap { Self.fieldNames($0) })).sorted()
        #expect(names.count > 50)
        // Names of a view's view, which a dotted name reaches.
        let dotted = Self.views.flatMap { view in
            Self.fieldNames(view).flatMap { name -> [String] in
                guard case .view(let inner)? = view.field(named: name)?.templateFieldValue else { return [] }
                return Self.fieldNames(inner).map { name + "." + $0 }
            }
        }.sorted()
        #expect(!dotted.isEmpty)
        // Names of lists, some of them empty in some views.
        let lists = Array(Set(Self.views.flatMap { view in
            Self.fieldNames(view).filter { name in
                if case .list? = view.field(named: name)?.templateFieldValue { return true }
                return false
            }
        })).sorted()
        #expect(!lists.isEmpty)
        var random = SplitMix64(seed: 2026)
        let texts = ["x", " ", "  ", "\t", "\n", "\n", "\r\n", "a b", "{", "}", "{ {", "é", "\u{2028}", "#", "*", "<b>", "&"]
        let pragmas = ["HTML", "TEXT", "MARKDOWN", "HTML_TEXT"]

        func name() -> String {
            switch random.int(in: 0...11) {
            case 0, 10: return "."
            case 11: return random.pick(lists)
            case 1: return "missing"
            case 2: return random.chance(50) ? random.pick(dotted) : random.pick(names) + "." + random.pick(names)
            case 3: return "." + random.pick(names)
            case 4: return " " + random.pick(names) + " "
            default: return random.pick(names)
            }
        }
        var extensions: [String] = []
        func template(depth: Int, partials: Int) -> String {
            var text = ""
            for _ in 0..<random.int(in: 0...7) {
                let standalone = random.chance(40)
                let indent = random.pick(["", " ", "  ", "\t"])
                func line(_ tag: String) -> String { standalone ? "\n" + indent + tag + "\n" : tag }
                switch random.int(in: 0...9) {
                case 0, 1: text += random.pick(texts) + random.pick(texts)
                case 2: text += "{{" + name() + "}}"
                case 3: text += random.chance(50) ? "{{{" + name() + "}}}" : "{{&" + name() + "}}"
                case 4...5 where depth < 3:
                    let section = name().trimmingCharacters(in: .whitespaces)
                    let sigil = random.chance(60) ? "#" : "^"
                    text += line("{{" + sigil + section + "}}") + template(depth: depth + 1, partials: partials)
                        + line("{{/" + section + "}}")
                case 6 where partials > 0:
                    let number = random.int(in: 0...partials)
                    text += line(number == partials ? "{{> absent}}" : "{{> p\(number).\(extensions[number])}}")
                case 7: text += line("{{! a comment }}")
                case 8: text += line("{{% CONTENT_TYPE: \(random.pick(pragmas)) }}")
                default: text += random.pick(texts)
                }
            }
            return text
        }

        var compared = 0
        for _ in 0..<60 {
            var files: [String: String] = [:]
            // Partial n includes only partials before it (or one that does not exist).
            extensions = (0..<4).map { _ in random.chance(50) ? "md" : "html" }
            for number in 0..<4 {
                files["p\(number).\(extensions[number]).mustache"] = template(depth: 0, partials: number)
            }
            files["layout.html.mustache"] = template(depth: 0, partials: 4)
            files["home.md.mustache"] = template(depth: 0, partials: 4)
            guard let set = try? Self.templates(files) else { continue }
            #expect(set.compiled != nil, "random templates use only what CompiledTemplates renders")
            for view in Self.views where random.chance(25) {
                for name in ["layout.html", "home.md"] {
                    let ours = set.render(view, with: name)
                    let theirs = set.renderedByLibrary.render(view, with: name)
                    #expect(ours == theirs, "\(name) of \(type(of: view)):\n\(files[name + ".mustache"] ?? "")")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    /// The corners of swift-mustache's rules, each written out: a missing optional, an empty list opened
    /// inverted (which puts the list itself on the stack), a flag (which does not), names through lists
    /// and text, `.` forms, and an indented partial whose text has CRLF and LF line ends.
    @Test(arguments: [
        "{{^breadcrumbs}}[{{.}}]{{/breadcrumbs}}", "{{#breadcrumbs}}({{title}}|{{.}}|{{siteTitle}}){{/breadcrumbs}}",
        "{{#hasBreadcrumbs}}{{title}}:{{.}}{{/hasBreadcrumbs}}{{^hasBreadcrumbs}}no{{.}}{{/hasBreadcrumbs}}",
        "{{#stylesheetURL}}<{{.}}>{{/stylesheetURL}}{{^inlineStyle}}none{{/inlineStyle}}{{inlineStyle}}",
        "{{#title}}{{title}}{{url}}{{text}}{{.}}{{/title}}", "{{breadcrumbs.title}}{{title.x}}{{.title}}{{..}}{{ . }}",
        "{{#breadcrumbs}}{{.title}}{{.siteTitle}}{{/breadcrumbs}}", "{{{title}}}{{&body}}{{body}}",
        "a\n  {{> p.html}}\nb", "{{#breadcrumbs}}\n\t{{> p.md}}\n{{/breadcrumbs}}", "\r\n {{> p.html}}\r\n{{> p.html}}",
        "{{% CONTENT_TYPE: TEXT }}{{title}}{{#breadcrumbs}}{{title}}{{/breadcrumbs}}",
        "{{#inner}}[{{link.title}}|{{link}}|{{number}}|{{#number}}{{.}}{{/number}}]{{/inner}}{{link.title}}{{inner.link}}",
        "{{#links}}{{#.}}{{.}}{{/.}}{{/links}}{{^none}}-{{none.title}}{{/none}}{{#inner.number}}{{link.url}}{{/inner.number}}",
    ])
    func swiftMustachesRulesHoldAtTheirCorners(layout: String) throws {
        let partial = "x\r\ny\n{{title}}\n{{#breadcrumbs}}\n  - {{url}}\n{{/breadcrumbs}}\n"
        let set = try Self.templates(["layout.html.mustache": layout, "p.html.mustache": partial, "p.md.mustache": partial])
        #expect(set.compiled != nil)
        let links = [LinkView(title: "A & B", url: "a.html"), LinkView(title: "C *", url: "c.html")]
        let views: [any TemplateView] = [
            LayoutView(
                title: "T <1>", siteTitle: "S", root: "../", body: "<p>b</p>", breadcrumbs: [], hasBreadcrumbs: false,
                stylesheetURL: nil, inlineStyle: nil, feedURL: nil),
            LayoutView(
                title: "", siteTitle: "S", root: "", body: "", breadcrumbs: links, hasBreadcrumbs: true,
                stylesheetURL: "s.css", inlineStyle: "p {}", feedURL: "f.xml"),
            links[0], BadgeView(text: "Good", token: "good"),
            Nest(link: links[1], inner: Nest.Inner(link: "inner", number: 0), links: [[links[0]], []], none: nil),
        ]
        for view in views {
            #expect(set.render(view, with: "layout.html") == set.renderedByLibrary.render(view, with: "layout.html"), "\(view)")
        }
    }

    /// Text in pieces (`JoinedText`, an inspection section's Markdown) renders as its joined String does,
    /// written piece by piece or escaped, in a section or inverted, and describes itself as that String.
    @Test(arguments: ["{{{text}}}|{{&text}}|{{text}}", "{{#text}}[{{.}}|{{{.}}}]{{/text}}{{^text}}none{{/text}}", "{{#none}}{{{.}}}{{/none}}{{^none}}-{{/none}}"])
    func textInPiecesRendersAsItsJoinedString(layout: String) throws {
        struct Pieces: TemplateView {
            var text: JoinedText
            var none: JoinedText?
            static let fields: TemplateFields<Self> = [.init("text", { $0.text }), .init("none", { $0.none })]
        }
        let set = try Self.templates(["layout.html.mustache": layout])
        #expect(set.compiled != nil)
        for pieces in [[], [""], ["One & *two*"], ["A <b>", "", "C\nd", "é ’"]] {
            let text = JoinedText(pieces: pieces, separator: "\n\n")
            let view = Pieces(text: text, none: nil)
            #expect(set.render(view, with: "layout.html") == set.renderedByLibrary.render(view, with: "layout.html"), "\(pieces)")
            var described: [UInt8] = [], expected: [UInt8] = []
            text.describe(into: &described)
            text.joined.describe(into: &expected)
            #expect(described == expected)
        }
    }

    /// A view with a view in it that has a field of the same name, a list of lists and a missing view.
    struct Nest: TemplateView {
        struct Inner: TemplateView {
            var link: String
            var number: Int
            static let fields: TemplateFields<Self> = [.init("link", { $0.link }), .init("number", { $0.number })]
        }
        var link: LinkView
        var inner: Inner
        var links: [[LinkView]]
        var none: LinkView?
        static let fields: TemplateFields<Self> = [
            .init("link", { $0.link }), .init("inner", { $0.inner }), .init("links", { $0.links }), .init("none", { $0.none }),
        ]
    }

    @Test(arguments: [
        "{{uppercased(title)}}", "{{#reversed(items)}}{{.}}{{/reversed(items)}}", "{{<p0}}{{$b}}x{{/b}}{{/p0}}",
        "{{$block}}default{{/block}}", "{{>*dynamic}}",
    ])
    func aTemplateUsingWhatOnlySwiftMustacheRendersIsRenderedBySwiftMustache(layout: String) throws {
        let set = try Self.templates(["layout.html.mustache": layout, "p0.mustache": "{{$b}}{{/b}}"])
        #expect(set.compiled == nil)
        let view = LinkView(title: "Ealing & Co", url: "e.html")
        #expect(set.render(view, with: "layout.html") == set.renderedByLibrary.render(view, with: "layout.html"))
        if layout.hasPrefix("{{uppercased") { #expect(set.render(view, with: "layout.html") == "EALING &amp; CO") }
    }
}
