import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts GitHub-flavoured Markdown to an HTML fragment with libcmark-gfm.
///
/// The GFM extensions `table`, `strikethrough`, `autolink` and `tagfilter` are attached to every parse
/// whose HTML they could change: `autolink` is left off Markdown in which it could find no link (see
/// `mayAutolink`), where the HTML is the same without it.
/// A converter holds no C state between calls, so one value can be shared by any number of tasks:
/// each call creates its own parser and frees every node and buffer before it returns.
public struct MarkdownConverter: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        case parserUnavailable
        case extensionMissing(String)
        case renderFailed
    }

    /// Whether raw HTML written in the Markdown passes through. sitegen's templates are trusted and every
    /// value put into them is escaped for Markdown, so template HTML (badges, figures) is the only raw HTML
    /// that can reach the converter. With `false`, cmark-gfm replaces raw HTML by a comment.
    public var allowsTemplateHTML: Bool

    public init(allowsTemplateHTML: Bool = false) {
        Self.registerExtensions()
        self.allowsTemplateHTML = allowsTemplateHTML
    }

    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    public func html(from markdown: String) throws(Failure) -> String {
        try convert(markdown) { String(cString: $0) }
    }

    /// `html(from:)` with every extension attached whatever the Markdown holds: the definition that
    /// leaving `autolink` off must agree with.
    func htmlWithEveryExtension(from markdown: String) throws(Failure) -> String {
        try convert(markdown, everyExtension: true) { String(cString: $0) }
    }

    /// The HTML of Markdown given as UTF-8, which must be well formed (the text of Strings, as a template's
    /// output is), as the UTF-8 bytes cmark-gfm wrote, for a caller that writes them out: neither the
    /// Markdown nor the HTML is made a String, so neither is checked again (cmark-gfm writes only
    /// well-formed UTF-8 for well-formed UTF-8, as `String(cString:)` finds).
    public func htmlBytes(fromUTF8 markdown: [UInt8]) throws(Failure) -> Data {
        try markdown.withUnsafeBufferPointer { bytes in
            Swift.Result { () throws(Failure) in try convert(bytes) { Data(bytes: $0, count: strlen($0)) } }
        }.get()
    }

    private func convert<Result>(
        _ markdown: String, everyExtension: Bool = false, _ take: (UnsafePointer<CChar>) -> Result
    ) throws(Failure) -> Result {
        var text = markdown
        return try text.withUTF8 { bytes in
            Swift.Result { () throws(Failure) in try convert(bytes, everyExtension: everyExtension, take) }
        }.get()
    }

    private func convert<Result>(
        _ markdown: UnsafeBufferPointer<UInt8>, everyExtension: Bool = false, _ take: (UnsafePointer<CChar>) -> Result
    ) throws(Failure) -> Result {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES
        if allowsTemplateHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { throw .parserUnavailable }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames where everyExtension || name != "autolink" || Self.mayAutolink(markdown) {
            guard let syntax = cmark_find_syntax_extension(name) else { throw .extensionMissing(name) }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        markdown.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        Self.inlineParsing.lock()
        let finished = cmark_parser_finish(parser)
        Self.inlineParsing.unlock()
        guard let root = finished else { throw .renderFailed }
        defer { cmark_node_free(root) }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(root, options, extensions) else { throw .renderFailed }
        defer { free(rendered) }
        return take(rendered)
    }

    /// Whether cmark-gfm 0.29's `autolink` extension could make a link of some of `markdown`. It links
    /// a URL where the text holds `://` (found at the colon), a `www.` in lower case (found at the `w`),
    /// and an e-mail address around an `@` of the parsed text, which `&#64;`, `&#x40;` or `&commat;` can
    /// write too. Markdown with none of `://`, `www.`, `@`, `&#` and `&commat;` has nothing for it; there
    /// the extension would only cut the text at every `w` and `:` and join the pieces again (adjacent
    /// text nodes print as one), which took a quarter of cmark-gfm's time on a report's page.
    static func mayAutolink(_ markdown: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = markdown.baseAddress, !markdown.isEmpty else { return false }
        if memchr(base, Int32(UInt8(ascii: "@")), markdown.count) != nil { return true }
        return ["://", "www.", "&#", "&commat;"].contains { (needle: StaticString) in contains(needle, in: markdown) }
    }

    /// Whether `bytes` hold `needle`, found from each of its first byte in turn by `memchr`.
    private static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let base = bytes.baseAddress, let first = wanted.first, bytes.count >= wanted.count else { return false }
        var start = 0
        let last = bytes.count - wanted.count
        while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, wanted.baseAddress!, wanted.count) == 0 { return true }
            start = index + 1
        }
        return false
    }

    /// Registering the core extensions is process-wide. A `static let` runs its initialiser exactly once,
    /// thread-safely, so tasks that create converters concurrently never race on the C library's registry.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    public static func registerExtensions() { _ = registration }

    /// cmark-gfm 0.29 parses inlines (inside `cmark_parser_finish`) against a process-wide table of
    /// special characters: each parse adds its extensions' characters (`~` for strikethrough, `:` and `w`
    /// for autolinks) and removes them when it is done, so a parse finishing on one thread can blind a
    /// parse running on another (github/cmark-gfm#221 and standardese#199 describe the table). Finishing
    /// a parse is therefore serialised; block parsing and HTML rendering still run in parallel.
    private static let inlineParsing = NSLock()
}
