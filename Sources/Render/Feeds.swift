import Site

/// `sitemap.xml` in the sitemaps.org protocol: every HTML page but the 404 page, as absolute URLs.
enum Sitemap {
    static func xml(pages: [String], baseURL: String) -> String {
        let urls = pages.filter { $0.hasSuffix(".html") && $0 != Permalinks.notFound }.sorted()
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        for path in urls {
            xml += "<url><loc>\(HTMLText.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}

/// `feed.xml`, an Atom feed of the inspections, newest first. Dates come from the reports (a date known
/// only to the month or year stands for its first day), so the feed is the same on every build; an
/// inspection with no date cannot be placed in time and is left out.
enum AtomFeed {
    static let entryLimit = 50

    static func xml(_ site: SiteModel, title: String, baseURL: String) -> String {
        let dated = site.inspections.filter { $0.date != nil }.reversed().prefix(entryLimit)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">"# + "\n"
        xml += "<title>\(escape(title))</title>\n"
        xml += "<subtitle>The newest inspection reports on English local authorities' children's services</subtitle>\n"
        xml += "<id>\(escape(baseURL))</id>\n"
        xml += #"<link rel="self" type="application/atom+xml" href="\#(escape(baseURL + Permalinks.feed))"/>"# + "\n"
        xml += #"<link rel="alternate" type="text/html" href="\#(escape(baseURL + Permalinks.home))"/>"# + "\n"
        xml += "<updated>\(timestamp(dated.first?.date))</updated>\n"
        xml += "<author><name>Ofsted</name></author>\n"
        for inspection in dated {
            let url = escape(baseURL + Permalinks.inspection(inspection.id))
            xml += "<entry>\n"
            xml += "<title>\(escape(inspection.title))</title>\n"
            xml += "<id>\(url)</id>\n"
            xml += #"<link rel="alternate" type="text/html" href="\#(url)"/>"# + "\n"
            xml += "<updated>\(timestamp(inspection.date))</updated>\n"
            xml += "<summary>\(escape(summary(inspection)))</summary>\n"
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func summary(_ inspection: Inspection) -> String {
        var text = "\(inspection.framework.shortName) inspection of \(inspection.authority.name), \(inspection.date?.display ?? "undated")."
        let graded = inspection.judgements.filter { !$0.grade.isEmpty }
        if !graded.isEmpty {
            text += " " + graded.map { "\($0.wording): \($0.grade)" }.joined(separator: "; ") + "."
        }
        return text
    }

    /// RFC 3339 at midnight UTC; 1970 when no inspection has a date.
    static func timestamp(_ date: PartialDate?) -> String {
        guard let date else { return "1970-01-01T00:00:00Z" }
        let month = date.month ?? 1
        let day = date.day ?? 1
        return "\(date.year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
