import Mustache

/// Escaping for values placed into Markdown templates.
///
/// Every ASCII punctuation character that Markdown or GFM could read as syntax is backslash-escaped, and
/// line breaks become spaces, so a value is always one run of literal text: it cannot open emphasis, a
/// link, a heading, a table cell or a raw HTML tag, whatever the report said.
public enum MarkdownText {
    static let special: Set<Character> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "&", "~", "\"", "'", ":", "=", "$", "%", "@", "^",
    ]

    public static func escape(_ text: String) -> String {
        foldingLineBreaks(text) { character, escaped in
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
    }
}

/// Escaping for values placed into HTML templates, including HTML partials included from Markdown.
///
/// Markup characters become entities, and line breaks become spaces: cmark-gfm passes an HTML block
/// through untouched only up to its first blank line, so a value must never contain one, or the rest of
/// the block would be read as Markdown.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        foldingLineBreaks(text) { character, escaped in
            switch character {
            case "&": escaped.append("&amp;")
            case "<": escaped.append("&lt;")
            case ">": escaped.append("&gt;")
            case "\"": escaped.append("&quot;")
            case "'": escaped.append("&#39;")
            default: escaped.append(character)
            }
        }
    }
}

/// Escapes `text` one character at a time, turning each run of line breaks and tabs into one space.
func foldingLineBreaks(_ text: String, escaping append: (Character, inout String) -> Void) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 8)
    var lastWasSpace = false
    for character in text {
        if character.isNewline || character == "\t" {
            if !lastWasSpace { escaped.append(" ") }
            lastWasSpace = true
            continue
        }
        lastWasSpace = character == " "
        append(character, &escaped)
    }
    return escaped
}

/// The `MARKDOWN` content type for swift-mustache: `{{value}}` escapes for Markdown, `{{{value}}}` does not.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }

    static let name = "MARKDOWN"
    /// swift-mustache keeps content types in a process-wide, lock-protected table; registering
    /// through a `static let` does it exactly once, before any template is parsed.
    static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}

/// The `HTML_TEXT` content type: `{{value}}` escapes for HTML and folds line breaks (see `HTMLText`).
struct HTMLTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    static let name = "HTML_TEXT"
    static let registration: Void = MustacheContentTypes.register(HTMLTextContentType(), named: name)
}
