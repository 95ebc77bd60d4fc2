import Foundation
import Testing
@testable import Render
import Markdown
import Site

@Suite struct TemplateRenderingTests {
    func templates(_ files: [String: String]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var all = Dictionary(uniqueKeysWithValues: TemplateSet.requiredTemplates.map { ($0 + ".mustache", "") })
        all.merge(files) { $1 }
        for (name, text) in all {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try TemplateSet(folder: folder)
    }

    @Test func markdownTemplateEscapesMarkdownSpecialCharacters() throws {
        let set = try templates(["authority.md.mustache": "# {{name}}\n\n| {{name}} |\n|---|\n"])
        let markdown = set.render(["name": "*Evil* | [x](javascript:alert(1)) <script>"], with: "authority.md")
        #expect(markdown.contains(#"\*Evil\* \| \[x\]\(javascript\:alert\(1\)\) \<script\>"#))
    }

    @Test func escapedValuesRenderAsLiteralText() throws {
        let escaped = MarkdownText.escape("**bold** _it_ <b>tag</b> & # heading\nnext")
        let html = try MarkdownConverter(allowsTemplateHTML: true).html(from: escaped)
        #expect(html == "<p>**bold** _it_ &lt;b&gt;tag&lt;/b&gt; &amp; # heading next</p>\n")
    }

    @Test func htmlTemplateEscapesForHTML() throws {
        let set = try templates(["layout.html.mustache": "<title>{{title}}</title>{{{body}}}"])
        let html = set.render(["title": "A & <B>", "body": "<p>ok</p>"], with: "layout.html")
        #expect(html == "<title>A &amp; &lt;B&gt;</title><p>ok</p>")
    }

    @Test func namesInsideATextSectionAreTheEnclosingViewsNames() throws {
        let set = try templates(["layout.html.mustache": "{{#token}}[{{.}}] {{text}}{{^text}}none{{/text}}{{/token}}"])
        let html = set.render(BadgeView(text: "Good", token: "good"), with: "layout.html")
        #expect(html == "[good] Good")
        let plain = set.render(LinkView(title: "Ealing", url: "e.html"), with: "layout.html")
        #expect(plain == "")
        let nested = try templates(["layout.html.mustache": "{{#url}}{{title}}/{{text}}/{{url}}{{/url}}"])
        #expect(nested.render(LinkView(title: "Ealing", url: "e.html"), with: "layout.html") == "Ealing//e.html")
    }

    /// Names are numbered once, the same from any thread: equal texts get equal numbers and different
    /// texts different ones, which is all that finding a field by number relies on.
    @Test func templateNamesAreNumberedAlikeOnEveryThread() async {
        let texts = (0..<200).map { "name\($0 % 50)" } + ["title", "url", "title.text", "Title"]
        let numbered = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 { group.addTask { texts.shuffled().sorted().map { TemplateName($0).number } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(numbered).count == 1)
        let byText = Dictionary(texts.map { ($0, TemplateName($0).number) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byText.values).count == byText.count)
        #expect(TemplateName("title") == TemplateName("title") && TemplateName("title") != TemplateName("Title"))
    }

    @Test func templateSyntaxErrorNamesFileAndLine() throws {
        #expect {
            _ = try templates(["home.md.mustache": "line one\nline two {{#open}}\n"])
        } throws: { error in
            let description = String(describing: error)
            return description.contains("home.md.mustache:") && description.contains("error:")
        }
    }

    @Test func missingTemplateIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(throws: TemplateSet.LoadError.self) { try TemplateSet(folder: folder) }
    }
}
