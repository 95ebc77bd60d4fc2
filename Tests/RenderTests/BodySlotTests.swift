import Foundation
import Markdown
import Testing
@testable import Render
import Site

/// A page's body is put into the layout's output as bytes where a marker came out (`BodySlot`); every
/// layout must give the page that rendering the layout with the body itself gives.
@Suite struct BodySlotTests {
    /// The page as rendering the layout with the body's text gives it: what `render` did before.
    static func rendered(_ page: PagePlan, by renderer: SiteRenderer) throws -> String {
        let markdown = renderer.templates.render(page.view, with: page.template)
        let body = try MarkdownConverter(allowsTemplateHTML: true).html(from: markdown)
        let layout = LayoutView(
            title: page.title, siteTitle: renderer.siteTitle, root: page.root, body: body, breadcrumbs: page.breadcrumbs,
            hasBreadcrumbs: !page.breadcrumbs.isEmpty, stylesheetURL: page.root + Permalinks.stylesheet, inlineStyle: nil,
            feedURL: nil)
        return renderer.templates.render(layout, with: "layout.html")
    }

    @Test(arguments: [
        "<main>\n{{{body}}}\n</main>",
        "<main>{{{body}}}</main><aside>{{{body}}}</aside>",
        "<pre>{{body}}</pre>",
        "<main>\n  {{> wrap}}\n</main>",
        "{{#body}}<p>has a body</p>{{/body}}{{^body}}empty{{/body}}",
        "<title>{{title}}</title> no body at all",
        "<p>\u{E000}sitegen-layout-body\u{E001}</p>{{{body}}}",
    ])
    func everyLayoutGivesThePageTheBodyItselfGives(layout: String) throws {
        let templates = try TemplateSet(texts: [
            "layout.html": layout, "partials/wrap.html": "<div>\n{{{body}}}\n</div>",
            "not-found.md": "# Not *here*\n\nGo to [the home page]({{{homeURL}}}).\n\n- one\n- two\n",
        ])
        let renderer = SiteRenderer(templates: templates)
        let page = renderer.notFoundPage()
        let file = try renderer.render(page)
        #expect(String(decoding: file.contents, as: UTF8.self) == (try Self.rendered(page, by: renderer)))
    }

    @Test func theMarkerIsFoundOnlyWhole() {
        let body = Data("<p>x</p>\n".utf8)
        #expect(BodySlot.filling("a" + BodySlot.marker + "b", with: body) == Data("a<p>x</p>\nb".utf8))
        #expect(BodySlot.filling("a" + BodySlot.marker + "b" + BodySlot.marker, with: body) == Data("a<p>x</p>\nb<p>x</p>\n".utf8))
        #expect(BodySlot.filling("no marker", with: body) == Data("no marker".utf8))
        // Indented, escaped or written out by the layout: the marker's words stand outside whole markers.
        #expect(BodySlot.filling("<" + BodySlot.word + ">\n  <" + BodySlot.word + ">", with: body) == nil)
        #expect(BodySlot.filling("&lt;" + BodySlot.word + "&gt;", with: body) == nil)
        #expect(BodySlot.filling(BodySlot.marker + BodySlot.word, with: body) == nil)
    }
}
