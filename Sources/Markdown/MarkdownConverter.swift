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
/// `mayAutolink`), and `tagfilter` off Markdown that names none of the tags it filters (see
/// `mayFilterTags`), where the HTML is the same without them.
/// A converter holds no C state between calls, so one value can be shared by any number of tasks:
/// each call creates its own parser, in memory of its thread's `ConversionArena`, and releases every
/// node and buffer before it returns.
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

    /// Gives `take` the HTML of Markdown given as UTF-8, which must be well formed (the text of Strings,
    /// as a template's output is), as the UTF-8 bytes cmark-gfm wrote, where it wrote them and valid only
    /// during the call, for a caller that copies them into the page: neither the Markdown nor the HTML is
    /// made a String, so neither is checked again (cmark-gfm writes only well-formed UTF-8 for well-formed
    /// UTF-8, as `String(cString:)` finds).
    public func withHTML<Result>(fromUTF8 markdown: [UInt8], _ take: (UnsafeBufferPointer<UInt8>) -> Result) throws(Failure) -> Result {
        try markdown.withUnsafeBufferPointer { bytes in
            Swift.Result { () throws(Failure) in
                try convert(bytes) { html in
                    html.withMemoryRebound(to: UInt8.self, capacity: 1) { take(UnsafeBufferPointer(start: $0, count: strlen(html))) }
                }
            }
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
        // Every allocation of the conversion is in this thread's region, released when it is done (after
        // the parser and nodes are freed, as the defers run in reverse).
        let memory = ConversionArena.memory
        defer { ConversionArena.reset() }
        guard let parser = cmark_parser_new_with_mem(options, memory) else { throw .parserUnavailable }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames where everyExtension || Self.mayChange(markdown, extension: name) {
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
        guard let rendered = cmark_render_html_with_mem(root, options, extensions, memory) else { throw .renderFailed }
        // Taken (copied) before it is freed: in the region, only by the reset, unless it was too large for it.
        defer { memory.pointee.free(rendered) }
        return take(rendered)
    }

    /// Whether the extension `name` could change the HTML of `markdown`: `autolink` and `tagfilter` only
    /// where `mayAutolink` and `mayFilterTags` say so, the others always.
    static func mayChange(_ markdown: UnsafeBufferPointer<UInt8>, extension name: String) -> Bool {
        switch name {
        case "autolink": mayAutolink(markdown)
        case "tagfilter": mayFilterTags(markdown)
        default: true
        }
    }

    /// The tags cmark-gfm 0.29's `tagfilter` extension disarms, in lower case.
    static let filteredTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// Whether cmark-gfm 0.29's `tagfilter` extension could change the HTML of `markdown`. It writes
    /// `&lt;` for the `<` of raw HTML where `<` or `</` is followed by one of `filteredTags` in any case
    /// (and then white space, `>` or `/>`); raw HTML is copied from the Markdown as written, so a tag it
    /// filters is in the Markdown's bytes too. Markdown where no `<` or `</` is followed by one of those
    /// names has nothing for it, and the extension would only compare every tag of the template HTML
    /// with each name (some 7 % of cmark-gfm's instructions on the pages of the 60-report corpus). Each
    /// `<` is passed over by the first two letters after it unless they begin one of the names.
    static func mayFilterTags(_ markdown: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = markdown.baseAddress else { return false }
        var start = 0
        while start < markdown.count, let found = memchr(base + start, Int32(UInt8(ascii: "<")), markdown.count - start) {
            var index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            start = index
            if index < markdown.count, markdown[index] == UInt8(ascii: "/") { index += 1 }
            guard index + 2 < markdown.count else { continue }
            // `| 0x20` lower-cases an ASCII letter and turns no other byte into one.
            let first = markdown[index] | 0x20, second = markdown[index + 1] | 0x20
            // The names that start with those two letters, compared from the third.
            let named: Bool
            switch (first, second) {
            case (UInt8(ascii: "t"), UInt8(ascii: "i")): named = Self.hasRest(of: "title", in: markdown, at: index)
            case (UInt8(ascii: "t"), UInt8(ascii: "e")): named = Self.hasRest(of: "textarea", in: markdown, at: index)
            case (UInt8(ascii: "s"), UInt8(ascii: "t")): named = Self.hasRest(of: "style", in: markdown, at: index)
            case (UInt8(ascii: "s"), UInt8(ascii: "c")): named = Self.hasRest(of: "script", in: markdown, at: index)
            case (UInt8(ascii: "x"), UInt8(ascii: "m")): named = Self.hasRest(of: "xmp", in: markdown, at: index)
            case (UInt8(ascii: "i"), UInt8(ascii: "f")): named = Self.hasRest(of: "iframe", in: markdown, at: index)
            case (UInt8(ascii: "n"), UInt8(ascii: "o")):
                named = Self.hasRest(of: "noembed", in: markdown, at: index) || Self.hasRest(of: "noframes", in: markdown, at: index)
            case (UInt8(ascii: "p"), UInt8(ascii: "l")): named = Self.hasRest(of: "plaintext", in: markdown, at: index)
            default: named = false
            }
            if named { return true }
        }
        return false
    }

    /// Whether `bytes` hold the letters of `name` after its first two at `index + 2`, in any case (the
    /// first two are compared already).
    private static func hasRest(of name: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let letters = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard index + letters.count <= bytes.count else { return false }
        var offset = 2
        while offset < letters.count {
            guard bytes[index + offset] | 0x20 == letters[offset] else { return false }
            offset += 1
        }
        return true
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
