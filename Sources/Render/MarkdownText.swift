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
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// The `MARKDOWN` content type for swift-mustache: `{{value}}` escapes for Markdown, `{{{value}}}` does not.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }

    static let name = "MARKDOWN"
    /// swift-mustache keeps content types in a process-wide, lock-protected table; registering
    /// through a `static let` does it exactly once, before any template is parsed.
    static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}
