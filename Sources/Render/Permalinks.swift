import Site

/// The site's URL scheme: every page is `<kind>/<id>/index.html` below the root, so that a page's links
/// can be written relative to it and the site works from disk, on any static server and under a sub-path.
public enum Permalinks {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let judgementsCSV = "data/judgements.csv"
    public static let judgementsJSON = "data/judgements.json"
    public static let stylesheet = "assets/site.css"
    public static let sitemap = "sitemap.xml"
    public static let feed = "feed.xml"

    public static func authority(_ slug: String) -> String { "authorities/\(slug)/index.html" }
    public static func inspection(_ id: String) -> String { "inspections/\(id)/index.html" }
    public static func outcome(_ id: String) -> String { "outcomes/\(id)/index.html" }
    public static func framework(_ framework: Framework) -> String { "frameworks/\(framework.id)/index.html" }

    /// The prefix that leads from the page at `path` back to the site root: `""` for `index.html`,
    /// `"../../"` for `outcomes/staying-safe/index.html`.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
