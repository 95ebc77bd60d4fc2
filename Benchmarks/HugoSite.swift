import Corpus
import Foundation

/// The Hugo site equivalent to the one sitegen builds from a corpus: one Markdown page per report, with
/// its authority, framework and outcomes as taxonomies, so that Hugo makes an authority page, a
/// framework page and an outcome page listing every judgement, plus a home page listing every report.
/// RSS feeds are turned off (sitegen writes one feed, Hugo would write one per list page).
enum HugoSite {
    static let config = """
        baseURL = "/"
        title = "Children's services inspections"
        disableKinds = ["RSS"]
        [taxonomies]
          authority = "authorities"
          framework = "frameworks"
          outcome = "outcomes"
        [markup.goldmark.renderer]
          unsafe = false

        """

    static let layouts: [String: String] = [
        "_default/baseof.html": """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
            <link rel="stylesheet" href="/site.css"></head>
            <body><header><a href="/">{{ .Site.Title }}</a></header><main id="main">{{ block "main" . }}{{ end }}</main>
            <footer><p>Contains public sector information licensed under the Open Government Licence v3.0.</p></footer></body></html>
            """,
        "_default/single.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Params.authorities }}<li>Authority: <a href="{{ (printf "/authorities/%s/" (urlize .)) }}">{{ . }}</a></li>{{ end }}
            {{ range .Params.frameworks }}<li>Framework: {{ . }}</li>{{ end }}<li>Date: {{ .Date.Format "2 January 2006" }}</li></ul>
            <h2>Judgements</h2><table><tr><th>Outcome</th><th>Grade</th><th>Level</th></tr>
            {{ range .Params.judgements }}<tr><td><a href="{{ (printf "/outcomes/%s/" (urlize .outcome)) }}">{{ .outcome }}</a></td><td>{{ .grade }}</td><td>{{ .level }}</td></tr>{{ end }}</table>
            <h2>Report text</h2>{{ .Content }}{{ end }}
            """,
        "_default/list.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Date.Format "2006" }}</li>{{ end }}</ul>{{ end }}
            """,
        "_default/terms.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
            """,
        "outcomes/term.html": """
            {{ define "main" }}{{ $outcome := .Title | urlize }}<h1>{{ .Title }}</h1><table><tr><th>Authority</th><th>Framework</th><th>Date</th><th>Grade</th><th>Level</th></tr>
            {{ range .Pages }}{{ $page := . }}{{ range .Params.judgements }}{{ if eq (urlize .outcome) $outcome }}<tr><td>{{ index $page.Params.authorities 0 }}</td><td><a href="{{ $page.RelPermalink }}">{{ index $page.Params.frameworks 0 }}</a></td><td>{{ $page.Date.Format "2006" }}</td><td>{{ .grade }}</td><td>{{ .level }}</td></tr>{{ end }}{{ end }}{{ end }}</table>{{ end }}
            """,
        "index.html": """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1><h2>Latest inspections</h2><ul>{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ index .Params.frameworks 0 }}, {{ .Date.Format "2006" }}</li>{{ end }}</ul>
            <h2>Authorities</h2><ul>{{ range .Site.Taxonomies.authorities.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
            <h2>Outcomes</h2><ul>{{ range .Site.Taxonomies.outcomes.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
            """,
    ]

    static func writeSkeleton(in folder: URL) throws {
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"), options: .atomic)
        for (path, text) in layouts {
            let url = folder.appendingPathComponent("layouts").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The report's text as a Hugo page, with YAML front matter carrying what sitegen extracts.
    static func page(_ report: GeneratedReport) -> String {
        let judgements = report.judgements.map {
            "  - {outcome: \"\($0.outcome)\", grade: \"\($0.grade)\", level: \($0.level.rawValue)}"
        }
        return """
            ---
            title: "\(report.title.replacingOccurrences(of: "\"", with: "'"))"
            date: \(report.year)-01-01
            authorities: ["\(report.authority.name)"]
            frameworks: ["\(report.layout.framework.shortName)"]
            outcomes: [\(Set(report.judgements.map(\.outcome)).sorted().map { "\"\($0)\"" }.joined(separator: ", "))]
            judgements:
            \(judgements.joined(separator: "\n"))
            ---

            """ + report.text
    }
}
