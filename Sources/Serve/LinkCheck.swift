import Foundation

/// A problem found in a built site, on one page (a path relative to the site folder) and, when known,
/// one line of it.
public struct SiteProblem: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var page: String
    public var line: Int?
    public var message: String

    public init(page: String, line: Int? = nil, message: String) {
        self.page = page
        self.line = line
        self.message = message
    }

    public var description: String { "\(page)\(line.map { ":\($0)" } ?? ""): error: \(message)" }

    public static func < (a: Self, b: Self) -> Bool { (a.page, a.line ?? 0, a.message) < (b.page, b.line ?? 0, b.message) }
}

/// Checks the links of a built site without a browser or a server: every internal link and anchor must
/// resolve, every section folder must have its page, every authority in the data export must have its
/// page, and every inspection page must link to an authority.
///
/// It reads the published HTML as text, which is enough for the markup sitegen writes itself
/// (double- or single-quoted attributes, no links built by scripts).
public struct LinkCheck: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    public func problems() -> [SiteProblem] {
        let files = Set(relativeFiles())
        var pages: [String: PageLinks] = [:]
        for path in files where path.hasSuffix(".html") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            pages[path] = PageLinks(html: String(decoding: data, as: UTF8.self))
        }
        var problems: [SiteProblem] = []
        for (page, links) in pages {
            for link in Set(links.links).sorted() {
                if let message = Self.problem(with: link, on: page, files: files, pages: pages) {
                    problems.append(SiteProblem(page: page, message: message))
                }
            }
        }
        problems += missingPages(files: files, pages: pages)
        return problems.sorted()
    }

    /// What is wrong with one link, or nil when it resolves.
    static func problem(with link: String, on page: String, files: Set<String>, pages: [String: PageLinks]) -> String? {
        guard !isExternal(link) else { return nil }
        let withoutQuery = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target: String
        if parts[0].isEmpty {
            target = page
        } else {
            guard let decoded = String(parts[0]).removingPercentEncoding,
                  let resolved = resolve(decoded, from: page)
            else { return "link \"\(link)\" leads outside the site" }
            target = resolved
        }
        guard files.contains(target) else { return "link \"\(link)\" leads to \(target), which does not exist" }
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let anchor = String(parts[1]).removingPercentEncoding ?? String(parts[1])
        guard let targetPage = pages[target] else { return nil }
        return targetPage.anchors.contains(anchor) ? nil : "link \"\(link)\" points to #\(anchor), which \(target) does not have"
    }

    static func isExternal(_ link: String) -> Bool {
        link.hasPrefix("//") || link.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
    }

    /// The file a relative link leads to from `page`, or nil when it climbs above the site folder.
    /// A link to a folder leads to its `index.html`.
    static func resolve(_ link: String, from page: String) -> String? {
        var segments = link.hasPrefix("/") ? [] : Array(page.split(separator: "/").dropLast().map(String.init))
        for segment in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        if link.hasSuffix("/") || segments.isEmpty { segments.append("index.html") }
        return segments.joined(separator: "/")
    }

    private func missingPages(files: Set<String>, pages: [String: PageLinks]) -> [SiteProblem] {
        var problems: [SiteProblem] = []
        if !files.contains("index.html") { problems.append(SiteProblem(page: "index.html", message: "the home page is missing")) }
        for section in ["authorities", "inspections", "outcomes", "frameworks"] {
            let folders = Set(files.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count >= 3 && parts[0] == section ? "\(section)/\(parts[1])" : nil
            })
            for folder in folders where !files.contains(folder + "/index.html") {
                problems.append(SiteProblem(page: folder + "/index.html", message: "the page is missing but its folder exists"))
            }
        }
        for slug in authoritySlugsInExport() where !files.contains("authorities/\(slug)/index.html") {
            problems.append(SiteProblem(page: "authorities/\(slug)/index.html", message: "authority \"\(slug)\" has judgements in data/judgements.json but no page"))
        }
        for (page, links) in pages where page.hasPrefix("inspections/") && page.hasSuffix("/index.html") {
            let linksToAuthority = links.links.contains { link in
                Self.resolve(link, from: page).map { $0.hasPrefix("authorities/") && files.contains($0) } ?? false
            }
            if !linksToAuthority { problems.append(SiteProblem(page: page, message: "the inspection page links to no authority page")) }
        }
        return problems
    }

    private func authoritySlugsInExport() -> Set<String> {
        struct Row: Decodable { var authority_slug: String }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("data/judgements.json").path),
              let rows = try? JSONDecoder().decode([Row].self, from: data)
        else { return [] }
        return Set(rows.map(\.authority_slug))
    }

    private func relativeFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            if path.hasPrefix(base + "/") { paths.append(String(path.dropFirst(base.count + 1))) }
        }
        return paths.sorted()
    }
}

/// The links (`href` and `src`) and anchors (`id` and `name`) of one HTML page, entity-decoded.
struct PageLinks: Sendable {
    var links: [String]
    var anchors: Set<String>

    init(html: String) {
        links = Self.values(of: ["href", "src"], in: html)
        anchors = Set(Self.values(of: ["id", "name"], in: html))
    }

    static func values(of attributes: [String], in html: String) -> [String] {
        let names = attributes.joined(separator: "|")
        let pattern = "\\s(?:\(names))\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let text = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: text.length)).compactMap { match in
            for group in 1...2 where match.range(at: group).location != NSNotFound {
                return decodeEntities(text.substring(with: match.range(at: group)))
            }
            return nil
        }
    }

    static func decodeEntities(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
