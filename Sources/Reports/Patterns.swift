import Site

/// The regular expressions the readers match on every line or sentence, compiled once per process.
///
/// A Regex literal written inside a function is parsed again each time the function runs, which cost more
/// than all the rest of reading a report. `Regex` is not `Sendable` (its output type may not be), but
/// these outputs are substrings, and a Regex compiles its program once and stores it atomically, so
/// matching the same one from several threads is safe.
///
/// A pattern that begins with `^` is matched with `prefixMatch`, which says that it is tried once, at the
/// start (Swift's `firstMatch` also stops there today, measured), and is never given to `replacing`,
/// which does try it at every position. `PatternPlacementTests` checks both.
enum Patterns {
    // Decoration of a cell (`ReportCells.clean`, `ReportDocument.cleanCell`).
    nonisolated(unsafe) static let headingMarks = /^#{1,6}\s+/
    nonisolated(unsafe) static let shortFootnote = /<sup>[^<]{0,6}<\/sup>/
    nonisolated(unsafe) static let footnote = /<sup>[^<]*<\/sup>/
    nonisolated(unsafe) static let shortTag = /<[^>]{1,20}>/
    nonisolated(unsafe) static let tag = /<[^>]{1,30}>/
    nonisolated(unsafe) static let strong = /\*\*(.+)\*\*/
    nonisolated(unsafe) static let strongUnderscores = /__(.+)__/
    nonisolated(unsafe) static let emphasis = /(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|[.,;:]|$)/
    nonisolated(unsafe) static let markdownHeading = /#{1,6}\s+(.+)/
    nonisolated(unsafe) static let strongLine = /\*\*([^*]+)\*\*/

    // Lines of a report (`ReportDocument`, `ReportProse`, `Furniture`).
    nonisolated(unsafe) static let gradeLine = /(?i)grade\s*:?\s+(\S{1,12})/
    nonisolated(unsafe) static let gradePrefix = /^grade\s*:?\s*/
    nonisolated(unsafe) static let paragraphNumber = /[0-9]{1,3}\.\s/
    nonisolated(unsafe) static let numberedItem = /^\d{1,3}\.(\s|$)/
    nonisolated(unsafe) static let itemNumber = /\d{1,3}\./
    nonisolated(unsafe) static let itemNumberPrefix = /^\d{1,3}\.\s*/
    nonisolated(unsafe) static let pageOf = /(?i)page\s+([0-9]{1,4})(?:\s+of\s+[0-9]{1,4})?/
    nonisolated(unsafe) static let rule = /[-*_]{3,}|\|[-:| ]*\|/
    nonisolated(unsafe) static let lowerThenFootnote = /(\p{Ll})\d{1,2}$/
    nonisolated(unsafe) static let letterThenFootnote = /(\p{L})\d{1,2}$/

    // Sentences of APA letters and joint area reviews (`ProseGrades`).
    nonisolated(unsafe) static let copular: Regex<(Substring, subject: Substring, grade: Substring)> =
        /(?i)^(?<subject>.+?)\s+(?:is|are|remains|remain|continues\s+to\s+be|continue\s+to\s+be|has\s+been|have\s+been|was|were)\s+(?:(?:now|still|judged\s+to\s+be|currently|at\s+least|also|overall|very|generally|broadly|consistently|mostly)\s+)*(?<grade>outstanding|excellent|good|adequate|inadequate)(?=\s*(?:[.,;:)]|$|\s+(?:overall|because|and|but|although|though|with|in|for|as|at|since|while|whilst)\b))/
    nonisolated(unsafe) static let contribution: Regex<(Substring, grade: Substring)> =
        /(?i)\b(?:makes?|made|making)\s+an?\s+(?:(?:very|generally|consistently|broadly)\s+)?(?<grade>outstanding|excellent|good|adequate|inadequate)\s+contribution/
    nonisolated(unsafe) static let capacity: Regex<(Substring, grade: Substring)> =
        /(?i)\bha(?:s|ve)\s+(?:(?:very|generally)\s+)?(?<grade>outstanding|excellent|good|adequate|inadequate)\s+capacity\s+(?:to|for)\b/
    nonisolated(unsafe) static let notWord = /\bnot\b/
    nonisolated(unsafe) static let capacityWord = /\bcapacity\b/
    nonisolated(unsafe) static let managementOf = /\bmanagement of\b/
    nonisolated(unsafe) static let sectionSubject = /\b(?:contribution|work of|combined work|effectiveness)\b/

    // Facts (`ReportFacts`, `RecommendationReader`).
    nonisolated(unsafe) static let dayMonthYear = /(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+([0-9]{4})\b/
    nonisolated(unsafe) static let numericDate = /\b([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})\b/
    nonisolated(unsafe) static let dayRange = /(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*([0-9]{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\s+([0-9]{4})\b/
    nonisolated(unsafe) static let childrenLookedAfter: Regex<(Substring, Substring)> =
        /(?i)\b([0-9][\d,]*)\s+children(?:\s+and\s+young\s+people)?\s+(?:were\s+|are\s+)?(?:being\s+)?(?:accommodated\s+or\s+)?(?:looked[\s-]after|in\s+care)\b/
    nonisolated(unsafe) static let childProtectionPlans: Regex<(Substring, Substring)> =
        /(?i)\b([0-9][\d,]*)\s+children(?:\s+and\s+young\s+people)?\s+(?:were\s+|are\s+)?(?:on|had|have|(?:the\s+)?subject\s+(?:to|of))\s+(?:an?\s+|the\s+)?child\s+protection\s+(?:plans?|register)\b/
    nonisolated(unsafe) static let sixMonths = /\b(?:six|6)\s+months\b/
    nonisolated(unsafe) static let longerTerm = /\blong(?:er)?[ -]term\b/
    nonisolated(unsafe) static let areasFor = /^areas?(?:\(s\))? for (?:development|improvement)/
    nonisolated(unsafe) static let recommendOrAction = /\b(?:recommend|action)/
    nonisolated(unsafe) static let labelNumber: Regex<(Substring, Substring)> = /^(\d{1,2}(?:\.\d{1,2})?)\.?\s+\D/
    nonisolated(unsafe) static let labelNumberPrefix = /^\d{1,2}(?:\.\d{1,2})?\.?\s+/
    nonisolated(unsafe) static let scaleKey = /\b[1-4]\s*[:=]\s*(?:outstanding|good|adequate|inadequate)\b/

    // Dates, titles and subjects of the layouts (`ReportDates`, `ReportTitleBlock`, `VisitLetter`, `APALetterLayout`, `JointAreaReviewLayout`).
    nonisolated(unsafe) static let numericDatePieces = /^(\d{1,2})[\/.](\d{1,2})[\/.](\d{2}|\d{4})\b/
    nonisolated(unsafe) static let dayPieces = /^(?:[A-Za-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]{3,9})\.?)?(?:,?\s+(\d{4}))?\b/
    nonisolated(unsafe) static let monthYearPieces = /^([A-Za-z]{3,9})\s+(\d{4})\b/
    nonisolated(unsafe) static let rangeSeparator = /\s+(?:to|and|until)\s+|\s*[–—-]\s*/
    nonisolated(unsafe) static let reviewOf = /(?i)^\s*(?:report\s+)?(?:of|for|on)\s+/
    nonisolated(unsafe) static let trailingYear = /\s+(?:19|20)[0-9]{2}$/
    nonisolated(unsafe) static let inspectionOf = /^Inspection of (.+?)(?:'s|’s)? (?:local authority|children(?:'s|’s) services|council)/.ignoresCase()
    nonisolated(unsafe) static let visitTo = /\bto (?:the )?(.+?)(?:'s|’s)? (?:local authority|children(?:'s|’s) services|council)/.ignoresCase()
    nonisolated(unsafe) static let visitIn = /\b(?:in|of) (?:the )?([A-Z][\w’' -]+?)(?:'s|’s)?\s*$/
    nonisolated(unsafe) static let visitDates = /\b(?:[Oo]n|[Bb]etween|[Ff]rom)\s+(\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+)?(?:\s+\d{4})?\s+(?:and|to|–|-)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})/

    /// Parses and compiles every pattern now rather than on first use, for a process that checks each
    /// input it runs for memory it keeps (the fuzzer): a pattern first used by one input would look like
    /// memory that input leaked. A pattern added above belongs here too.
    static func compileAll() {
        let sample = "Grade 2: the 12 children looked after are good."
        _ = sample.firstMatch(of: headingMarks)
        _ = sample.firstMatch(of: shortFootnote)
        _ = sample.firstMatch(of: footnote)
        _ = sample.firstMatch(of: shortTag)
        _ = sample.firstMatch(of: tag)
        _ = sample.firstMatch(of: strong)
        _ = sample.firstMatch(of: strongUnderscores)
        _ = sample.firstMatch(of: emphasis)
        _ = sample.firstMatch(of: markdownHeading)
        _ = sample.firstMatch(of: strongLine)
        _ = sample.firstMatch(of: gradeLine)
        _ = sample.firstMatch(of: gradePrefix)
        _ = sample.firstMatch(of: paragraphNumber)
        _ = sample.firstMatch(of: numberedItem)
        _ = sample.firstMatch(of: itemNumber)
        _ = sample.firstMatch(of: itemNumberPrefix)
        _ = sample.firstMatch(of: pageOf)
        _ = sample.firstMatch(of: rule)
        _ = sample.firstMatch(of: lowerThenFootnote)
        _ = sample.firstMatch(of: letterThenFootnote)
        _ = sample.firstMatch(of: copular)
        _ = sample.firstMatch(of: contribution)
        _ = sample.firstMatch(of: capacity)
        _ = sample.firstMatch(of: notWord)
        _ = sample.firstMatch(of: capacityWord)
        _ = sample.firstMatch(of: managementOf)
        _ = sample.firstMatch(of: sectionSubject)
        _ = sample.firstMatch(of: dayMonthYear)
        _ = sample.firstMatch(of: numericDate)
        _ = sample.firstMatch(of: dayRange)
        _ = sample.firstMatch(of: childrenLookedAfter)
        _ = sample.firstMatch(of: childProtectionPlans)
        _ = sample.firstMatch(of: sixMonths)
        _ = sample.firstMatch(of: longerTerm)
        _ = sample.firstMatch(of: areasFor)
        _ = sample.firstMatch(of: recommendOrAction)
        _ = sample.firstMatch(of: labelNumber)
        _ = sample.firstMatch(of: labelNumberPrefix)
        _ = sample.firstMatch(of: scaleKey)
        _ = sample.firstMatch(of: numericDatePieces)
        _ = sample.firstMatch(of: dayPieces)
        _ = sample.firstMatch(of: monthYearPieces)
        _ = sample.firstMatch(of: rangeSeparator)
        _ = sample.firstMatch(of: reviewOf)
        _ = sample.firstMatch(of: trailingYear)
        _ = sample.firstMatch(of: inspectionOf)
        _ = sample.firstMatch(of: visitTo)
        _ = sample.firstMatch(of: visitIn)
        _ = sample.firstMatch(of: visitDates)
    }
}

/// Replacing with anchored patterns. `text.replacing(pattern, …)` tries the pattern at every position of
/// the text, though a pattern anchored at the start or the end can only match there; with Swift's
/// matching engine those attempts cost more than 2 % of a 10,000-report build. These give exactly what
/// `replacing` gives (`PatternPlacementTests` compares them on every line of the reports and on edge
/// cases), trying the pattern once, or not at all where the text cannot end in a match.
extension Patterns {
    /// `text.replacing(pattern, with: "")` for a pattern that begins with `^` (so matches only at the
    /// start of the text) and never matches nothing.
    static func removingPrefix<Output>(_ pattern: Regex<Output>, from text: String) -> String {
        guard let match = text.prefixMatch(of: pattern) else { return text }
        return String(text[match.range.upperBound...])
    }

    /// `text.replacing(pattern) { String($0.1) }` for a pattern that ends with a digit and `$`
    /// (`lowerThenFootnote`, `letterThenFootnote`), asked only of text that may end in a match.
    static func keepingLetterBeforeFootnote(_ pattern: Regex<(Substring, Substring)>, in text: String) -> String {
        guard mayEndWithDigit(text) else { return text }
        return text.replacing(pattern) { String($0.output.1) }
    }

    /// Whether the text's last Character could be a digit: false when its last byte is ASCII and not a
    /// digit. A Character that ends in an ASCII byte is that byte alone, a CR LF, or a cluster that
    /// starts with a prepended mark, which is no digit. A line break also answers yes, to be safe from a
    /// `$` that matches before a final one (Swift's does not today).
    static func mayEndWithDigit(_ text: String) -> Bool { mayEndWithDigit(lastByte: text.utf8.last) }

    static func mayEndWithDigit(_ text: Substring) -> Bool { mayEndWithDigit(lastByte: text.utf8.last) }

    private static func mayEndWithDigit(lastByte: UInt8?) -> Bool {
        guard let last = lastByte else { return false }
        return last >= 0x80 || TextScanning.isASCIIDigit(last) || (0x0A...0x0D).contains(last)
    }
}
