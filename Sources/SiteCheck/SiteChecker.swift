import Foundation
import Render
import Site

/// Checks a built site folder: every internal link and `#anchor` resolves, every page the site model
/// calls for exists, outcome and inspection pages link to each other, and every chart has a text
/// alternative. It reads only the files; it never builds.
public struct SiteChecker: Sendable {
    /// The pages a site must have and the links they must carry, from the site model.
    public var expectations: Expectations
    /// The absolute URL the site was built for, if any: links that start with it are internal (the 404
    /// page and the feed use absolute links when the base URL is known).
    public var baseURL: String?

    public init(expectations: Expectations, baseURL: String? = nil) {
        self.expectations = expectations
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    public struct Expectations: Sendable, Equatable {
        /// Every page that must exist, relative to the site folder.
        public var requiredPages: [String]
        /// For a page, the pages it must link to.
        public var requiredLinks: [String: [String]]

        public init(requiredPages: [String], requiredLinks: [String: [String]]) {
            self.requiredPages = requiredPages
            self.requiredLinks = requiredLinks
        }

        /// A page per authority, inspection, outcome and framework (see `SiteRenderer.frameworksWithPages`); every outcome page links to every
        /// inspection with a judgement for it; every inspection page links to its authority and outcomes.
        public init(site: SiteModel) {
            var pages = [Permalinks.home]
            pages += site.authorities.map { Permalinks.authority($0.authority.slug) }
            pages += site.inspections.map { Permalinks.inspection($0.id) }
            pages += site.outcomes.map { Permalinks.outcome($0.outcome.id) }
            pages += SiteRenderer.frameworksWithPages(site).map(Permalinks.framework)
            var links: [String: [String]] = [:]
            for entry in site.outcomes {
                links[Permalinks.outcome(entry.outcome.id)] = Self.distinct(entry.judgements.map { Permalinks.inspection($0.inspectionID) })
            }
            for inspection in site.inspections {
                links[Permalinks.inspection(inspection.id)] = Self.distinct(
                    [Permalinks.authority(inspection.authority.slug)] + inspection.judgements.map { Permalinks.outcome($0.outcome) })
            }
            self.init(requiredPages: pages, requiredLinks: links)
        }

        static func distinct(_ paths: [String]) -> [String] { Array(Set(paths)).sorted() }
    }

    public struct Problem: Sendable, Hashable, Comparable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// A link to a file that is not in the site.
            case brokenLink(String)
            /// A link whose `#fragment` names no element of its target page.
            case missingAnchor(String)
            /// A page the site model calls for does not exist.
            case missingPage
            /// The page does not link to a page it must link to.
            case missingLink(String)
            /// An `<svg>` with neither `<title>`, `<desc>` nor `aria-label`.
            case chartWithoutTextAlternative
            /// Two elements of the page share an id.
            case duplicateID(String)
        }

        public var page: String
        public var kind: Kind

        public init(page: String, kind: Kind) {
            self.page = page
            self.kind = kind
        }

        public var message: String {
            switch kind {
            case .brokenLink(let link): "link to \(link) leads to no file of the site"
            case .missingAnchor(let link): "link to \(link) names an anchor the target page does not have"
            case .missingPage: "required page is missing"
            case .missingLink(let target): "does not link to \(target)"
            case .chartWithoutTextAlternative: "an SVG chart has no title, description or label"
            case .duplicateID(let id): "id \"\(id)\" is used more than once"
            }
        }

        public var description: String { "\(page): error: \(message)" }

        public static func < (lhs: Problem, rhs: Problem) -> Bool {
            (lhs.page, lhs.message) < (rhs.page, rhs.message)
        }
    }

    /// The problems of one page, sorted.
    public struct PageReport: Sendable, Equatable {
        public var page: String
        public var problems: [Problem]
    }

    public struct Report: Sendable, Equatable {
        /// Only pages with problems, sorted by path.
        public var pages: [PageReport]
        public var pagesChecked: Int
        public var linksChecked: Int

        public var problems: [Problem] { pages.flatMap(\.problems) }
        public var isClean: Bool { pages.isEmpty }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var folder: String
        public var message: String
        public var description: String { "\(folder): error: \(message)" }
    }

    /// Reads the site in `folder` and checks it.
    public func check(folder: URL) throws(ReadError) -> Report {
        check(try SiteFiles(folder: folder))
    }

    /// Checks files already read: paths relative to the site folder, HTML pages with their text.
    public func check(_ files: SiteFiles) -> Report {
        var problems: [Problem] = []
        var linksChecked = 0
        let pages = files.pages.mapValues(PageScan.init)
        for (path, scan) in pages.sorted(by: { $0.key < $1.key }) {
            var targets: Set<String> = []
            for link in scan.links {
                guard let resolved = resolve(link, from: path) else { continue }
                linksChecked += 1
                guard files.paths.contains(resolved.path) else {
                    problems.append(Problem(page: path, kind: .brokenLink(link)))
                    continue
                }
                targets.insert(resolved.path)
                if let fragment = resolved.fragment, !fragment.isEmpty,
                   pages[resolved.path].map({ !$0.ids.contains(fragment) }) ?? true {
                    problems.append(Problem(page: path, kind: .missingAnchor(link)))
                }
            }
            for required in expectations.requiredLinks[path, default: []] where !targets.contains(required) {
                problems.append(Problem(page: path, kind: .missingLink(required)))
            }
            problems += scan.duplicateIDs.map { Problem(page: path, kind: .duplicateID($0)) }
            if scan.chartsWithoutText > 0 {
                problems.append(Problem(page: path, kind: .chartWithoutTextAlternative))
            }
        }
        for page in expectations.requiredPages where !files.paths.contains(page) {
            problems.append(Problem(page: page, kind: .missingPage))
        }
        let byPage = Dictionary(grouping: Set(problems), by: \.page)
            .map { PageReport(page: $0.key, problems: $0.value.sorted()) }
            .sorted { $0.page < $1.page }
        return Report(pages: byPage, pagesChecked: pages.count, linksChecked: linksChecked)
    }

    /// The site-relative path and fragment a link from `page` leads to; nil for links that leave the site.
    func resolve(_ link: String, from page: String) -> (path: String, fragment: String?)? {
        var link = link
        if let baseURL, link.hasPrefix(baseURL) {
            link = "/" + link.dropFirst(baseURL.count)
        } else if link.hasPrefix("//") || link.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) != nil {
            return nil
        }
        let fragment = link.firstIndex(of: "#").map { String(link[link.index(after: $0)...]) }
        var target = String(link.prefix { $0 != "#" && $0 != "?" })
        target = target.removingPercentEncoding ?? target
        var segments: [Substring]
        if target.isEmpty {
            return (page, fragment.map { $0.removingPercentEncoding ?? $0 })
        } else if target.hasPrefix("/") {
            segments = []
        } else {
            segments = page.split(separator: "/").dropLast()
        }
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if segments.popLast() == nil { return ("../" + target, fragment) }
            default: segments.append(segment)
            }
        }
        var path = segments.joined(separator: "/")
        if target.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, fragment.map { $0.removingPercentEncoding ?? $0 })
    }
}

/// A built site as the checker sees it: every file's path and the text of every HTML page.
public struct SiteFiles: Sendable, Equatable {
    public var paths: Set<String>
    public var pages: [String: String]

    public init(paths: Set<String>, pages: [String: String]) {
        self.paths = paths
        self.pages = pages
    }

    /// Files not yet written, as the renderer returns them.
    public init(_ files: [OutputFile]) {
        self.init(
            paths: Set(files.map(\.path)),
            pages: Dictionary(files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }) { $1 })
    }

    public init(folder: URL) throws(SiteChecker.ReadError) {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SiteChecker.ReadError(folder: folder.path, message: "cannot read the site folder")
        }
        var paths: Set<String> = []
        var pages: [String: String] = [:]
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            paths.insert(relative)
            if url.pathExtension == "html" {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw SiteChecker.ReadError(folder: folder.path, message: "cannot read \(relative)")
                }
                pages[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        guard !paths.isEmpty else { throw SiteChecker.ReadError(folder: folder.path, message: "the site folder is empty or missing") }
        self.init(paths: paths, pages: pages)
    }
}

/// What the checker needs from one HTML page: its links, its ids and its charts.
struct PageScan {
    var links: [String]
    var ids: Set<String>
    var duplicateIDs: [String]
    var chartsWithoutText: Int

    init(html: String) {
        links = html.matches(of: /\s(?:href|src)="([^"]*)"/).map { Self.decode(String($0.1)) }
        let allIDs = html.matches(of: /\sid="([^"]*)"/).map { Self.decode(String($0.1)) }
        ids = Set(allIDs)
        duplicateIDs = Dictionary(grouping: allIDs, by: { $0 }).filter { $0.value.count > 1 }.map(\.key).sorted()
        chartsWithoutText = html.matches(of: /<svg\b[^>]*>(?s:.*?)<\/svg>/).filter { match in
            let svg = match.output
            return !(svg.contains("<title") || svg.contains("<desc") || svg.contains("aria-label="))
        }.count
    }

    /// The entities sitegen's escaping produces, undone, so that a link compares with a path.
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
