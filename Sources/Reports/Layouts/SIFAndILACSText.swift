import Foundation
import Site

/// The running text of a SIF, ILACS or visit report as headed sections of clean paragraphs.
///
/// Page furniture goes: page numbers and footnote digits alone on a line, running headers and footers
/// (see `furniture(in:)`), Markdown rules and table rules. Wrapped lines are joined, also across a page
/// break that falls mid-sentence. A paragraph ends at a blank line that ends a sentence, at a bullet or a
/// numbered item (a bullet a symbol font lost leaves a leading space), or after a line that stops well
/// short of the line width unless the next goes on in lower case. A heading is a short line without
/// closing punctuation that starts a paragraph; a footnote digit stuck to its last word goes. Headings
/// the judgement reader found (graded section openers) are given.
struct ReportProse {
    struct Paragraph: Equatable {
        var text: String
        var line: Int
        var isItem: Bool
        var isHeading: Bool
        var headingDepth: Int
        /// A heading that states a grade: kept as a section even when nothing but subheadings follows.
        var isGraded = false
    }

    var paragraphs: [Paragraph]

    /// A heading known from the report's structure, such as a graded section opener, over lines `line...last`.
    struct KnownHeading: Equatable {
        var line: Int
        var last: Int
        var text: String
    }

    init(_ text: ReportText, from firstLine: Int = 1, headings: [KnownHeading] = []) {
        let known = Dictionary(headings.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        var skipThrough = 0
        let furniture = Self.furniture(in: text)
        let width = Self.typicalWidth(of: text)
        let lines = text.lines
        // The counts and the lines before a blank line in one pass over the lines, each read in place: the
        // filters and the zip they replace copied every line (retaining both its strings) into new arrays.
        var isMarkdown = false
        var indented = 0
        var nonBlank = 0
        var beforeBlank: Set<Int> = []
        for index in lines.indices {
            let firstByte = lines[index].text.firstByte
            if !isMarkdown, firstByte == UInt8(ascii: "#") {
                isMarkdown = lines[index].text.hasPrefix("# ") || lines[index].text.hasPrefix("## ")
            }
            if firstByte == UInt8(ascii: " "), lines[index].text.firstQuickly == " " { indented += 1 }
            if lines[index].isBlank {
                if index > lines.startIndex { beforeBlank.insert(lines[index - 1].number) }
            } else {
                nonBlank += 1
            }
        }
        let bulletsLost = indented * 5 < nonBlank
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        var pendingBreak = false
        var lastEndsSentence = true
        var lastClosesParagraph = true
        /// Whether a line has been joined to the open paragraph.
        var joined = false
        // By index, each line's fields read in place rather than the whole line copied.
        for index in lines.indices where lines[index].number >= firstLine {
            let line = (number: lines[index].number, isBlank: lines[index].isBlank)
            let trimmed = lines[index].trimmed
            if line.number <= skipThrough { continue }
            if let heading = known[line.number] {
                if let paragraph = current.take() { paragraphs.append(paragraph) }
                current = Paragraph(text: heading.text, line: line.number, isItem: false, isHeading: true, headingDepth: 1, isGraded: true)
                joined = false
                skipThrough = heading.last
                (pendingBreak, lastEndsSentence, lastClosesParagraph) = (false, true, true)
                continue
            }
            if line.isBlank { pendingBreak = true; continue }
            if furniture.contains(line.number) || Self.isRule(trimmed) { continue }
            let cleaned = ReportCells.clean(TextScanning.containsByte(trimmed, UInt8(ascii: "|")) ? trimmed.replacingOccurrences(ofASCII: "|", with: " ") : trimmed)
            guard !cleaned.text.isEmpty else { continue }
            let lostBullet = bulletsLost && lines[index].text.firstByte == UInt8(ascii: " ") && lines[index].text.hasPrefix(" ") && cleaned.text.firstQuickly?.isUppercaseQuickly == true
            let startsItem = cleaned.isBullet || lostBullet || cleaned.text.firstQuickly?.isNumberQuickly == true && cleaned.text.prefixMatch(of: Patterns.numberedItem) != nil
            let startsLower = cleaned.text.firstQuickly?.isLowercaseQuickly == true
            let isHeading = cleaned.isHeading || (!isMarkdown && !startsItem && (lastClosesParagraph || pendingBreak && lastEndsSentence)
                && Self.looksLikeHeading(cleaned.text, width: beforeBlank.contains(line.number) ? width * 5 / 4 : width))
            var continues = false
            // The open paragraph is read in place (`current?`): binding it would copy its text for every line.
            if current != nil {
                if current?.isItem == true, current?.text.firstQuickly?.isNumberQuickly == true, current?.text.wholeMatch(of: Patterns.itemNumber) != nil {
                    continues = !startsItem && !isHeading
                } else if current?.isHeading == true {
                    continues = !isMarkdown && !pendingBreak && startsLower && !startsItem && Self.isShort(cleaned.text, width: width)
                } else if startsItem || isHeading {
                    continues = false
                } else if pendingBreak {
                    continues = !lastEndsSentence && startsLower
                } else {
                    continues = !lastClosesParagraph || startsLower
                }
            }
            if continues {
                // Appended in place, the space and the line one after the other (`+` made a String of
                // both first); at the first join, room for about eight lines is made, as
                // `ReportDocument.append` does.
                if !joined, let count = current?.text.utf8.count {
                    current?.text.reserveCapacity(4 * (count + 1 + cleaned.text.utf8.count))
                }
                current?.text.append(" ")
                current?.text.append(cleaned.text)
                joined = true
            } else {
                if let paragraph = current.take() { paragraphs.append(paragraph) }
                let depth = trimmed.prefix { $0 == "#" }.count
                current = Paragraph(
                    text: isHeading ? Patterns.keepingLetterBeforeFootnote(Patterns.lowerThenFootnote, in: cleaned.text) : cleaned.text, line: line.number, isItem: startsItem, isHeading: isHeading,
                    headingDepth: isHeading ? max(1, depth - 1) : 0)
                joined = false
            }
            let endsSentence = (cleaned.text.lastQuickly ?? ".").isOne(of: ".?!:")
            lastEndsSentence = current?.isHeading == true || endsSentence
            lastClosesParagraph = current?.isHeading == true || Self.isShort(trimmed, width: width)
            pendingBreak = false
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        self.paragraphs = paragraphs
    }

    /// A Markdown rule (`---`, `***`, `___`) or table rule (`|---|:--|`).
    static func isRule(_ line: String) -> Bool {
        guard let first = line.firstQuickly, first.isOne(of: "-*_|") else { return false }
        return line.wholeMatch(of: Patterns.rule) != nil
    }

    static func isShort(_ line: String, width: Int) -> Bool { TextScanning.characterCount(line) < width * 4 / 5 }

    /// A short line that starts with a capital and ends without sentence punctuation.
    static func looksLikeHeading(_ text: String, width: Int) -> Bool {
        guard let first = text.firstQuickly, first.isUppercaseQuickly || first.isNumberQuickly, let last = text.lastQuickly else { return false }
        let words = TextScanning.spaceSeparatedCount(text)
        return words >= 1 && words <= 12 && TextScanning.characterCount(text) < width * 4 / 5 && !last.isOne(of: ",;.")
    }

    /// The width most body lines wrap at: the 90th percentile of line lengths.
    static func typicalWidth(of text: ReportText) -> Int {
        text.cellCache.typicalWidth(of: text) {
            // By index, each line's trimmed text read in place, and only the lengths above 0 kept.
            var lengths: [Int] = []
            lengths.reserveCapacity(text.lines.count)
            for index in text.lines.indices {
                let length = TextScanning.characterCount(text.lines[index].trimmed)
                if length > 0 { lengths.append(length) }
            }
            lengths.sort()
            guard !lengths.isEmpty else { return 80 }
            return max(40, lengths[lengths.count * 9 / 10])
        }
    }

    /// Lines of page furniture: bare numbers, and lines repeated beside a bare number on at least a third
    /// of the pages (running headers and footers), not headings that happen to open a few pages, nor the
    /// entries of the contents list.
    static func furniture(in text: ReportText) -> Set<Int> {
        // The lines are read by index, each field in place: a loop over the lines, or a filter of them,
        // copied every line (retaining both its strings) to look at one field.
        let lines = text.lines
        var bare: Set<Int> = []
        for index in lines.indices {
            let trimmed = lines[index].trimmed
            if !trimmed.isEmpty && TextScanning.hasAtMostCharacters(3, trimmed) && trimmed.allSatisfy(\.isNumberQuickly) { bare.insert(lines[index].number) }
        }
        var contents: Range<Int> = 0..<0
        if let heading = lines.indices.first(where: {
            TextScanning.contains(lines[$0].trimmed, caseInsensitive: "contents") && ReportText.folded(ReportCells.clean(lines[$0].trimmed).text) == "contents"
        }).map({ lines[$0].number }) {
            let prose = lines.indices.first { lines[$0].number > heading && !TextScanning.hasAtMostSpaceSeparated(14, lines[$0].trimmed) }
            contents = heading..<(prose.map { lines[$0].number } ?? heading)
        }
        // A repeated line is furniture when enough of its copies stand within three lines of a page number
        // (at least three, and on a third of the pages) and those are two thirds of all its copies. Only
        // the lines near a page number are counted first; all copies are counted only of those texts.
        guard let last = lines.indices.lazy.map({ lines[$0].number }).max(), !bare.isEmpty else { return bare }
        var nearPageNumber = [Bool](repeating: false, count: last + 1)
        for number in bare { for near in max(0, number - 3)...min(last, number + 3) { nearPageNumber[near] = true } }
        func mayBeFurniture(_ index: Int) -> Bool {
            !lines[index].isBlank && !bare.contains(lines[index].number) && !contents.contains(lines[index].number)
        }
        var nearCounts: [String: Int] = [:]
        for index in lines.indices where nearPageNumber[lines[index].number] && mayBeFurniture(index) { nearCounts[lines[index].trimmed, default: 0] += 1 }
        let enough = max(3, bare.count / 3)
        let candidates = nearCounts.filter { $0.value >= enough }
        guard !candidates.isEmpty else { return bare }
        let lengths = Set(candidates.keys.map(\.utf8.count))
        var copies: [String: [Int]] = candidates.mapValues { _ in [] }
        for index in lines.indices where lengths.contains(lines[index].trimmed.utf8.count) && mayBeFurniture(index) {
            copies[lines[index].trimmed]?.append(lines[index].number)
        }
        var furniture = bare
        for (text, numbers) in copies where candidates[text, default: 0] * 3 >= numbers.count * 2 { furniture.formUnion(numbers) }
        return furniture
    }

    /// Sections under each heading; paragraphs before the first heading go under `opening`. The contents
    /// list is left out: the site makes its own.
    func sections(opening: String) -> [ReportSection] {
        var sections: [(section: ReportSection, isGraded: Bool)] = []
        for paragraph in paragraphs {
            if paragraph.isHeading {
                let section = ReportSection(heading: paragraph.text, depth: paragraph.headingDepth, paragraphs: [], startLine: paragraph.line)
                sections.append((section, paragraph.isGraded))
            } else {
                if sections.isEmpty { sections.append((ReportSection(heading: opening, paragraphs: [], startLine: paragraph.line), false)) }
                sections[sections.count - 1].section.paragraphs.append(paragraph.text)
            }
        }
        return sections
            .filter { (!$0.section.paragraphs.isEmpty || $0.isGraded) && ReportText.folded($0.section.heading) != "contents" }
            .map(\.section)
    }

    /// The bulleted or numbered items under headings that introduce what must improve: "What needs to
    /// improve", "Recommendations", "Areas for improvement", "Areas for priority action".
    func recommendations(file: String) -> [Recommendation] {
        var recommendations: [Recommendation] = []
        var context: String?
        for paragraph in paragraphs {
            if paragraph.isHeading {
                context = Self.isRecommendationHeading(paragraph.text) ? paragraph.text : nil
                continue
            }
            guard let context, paragraph.isItem else { continue }
            let text = Patterns.removingPrefix(Patterns.itemNumberPrefix, from: paragraph.text)
            guard !text.isEmpty else { continue }
            recommendations.append(Recommendation(
                text: text, timescale: Self.timescale(of: context), context: context,
                source: SourcePosition(file: file, line: paragraph.line)))
        }
        return recommendations
    }

    /// The numbers a SIF report lists about its area, under headings such as "Child protection in this
    /// area" and "Children looked after in this area": each listed item that states a number.
    func keyFacts(file: String) -> [KeyFact] {
        var facts: [KeyFact] = []
        var label: String?
        for paragraph in paragraphs {
            if paragraph.isHeading {
                label = ReportText.folded(paragraph.text).hasSuffix("in this area") ? paragraph.text : nil
                continue
            }
            guard let label, paragraph.isItem, paragraph.text.contains(where: \.isNumberQuickly) else { continue }
            facts.append(KeyFact(label: label, value: paragraph.text, source: SourcePosition(file: file, line: paragraph.line)))
        }
        return facts
    }

    static func isRecommendationHeading(_ heading: String) -> Bool {
        let folded = ReportText.folded(heading).trimmingScalars { "?:. ".unicodeScalars.contains($0) }
        return folded.hasPrefix("what needs to improve") || folded.hasPrefix("recommendation")
            || folded.hasPrefix("areas for improvement") || folded.hasPrefix("areas for development")
            || folded.hasPrefix("areas for priority action") || folded.hasPrefix("priority action")
            || (folded.hasPrefix("what does") && folded.hasSuffix("need to improve"))
    }

    static func timescale(of heading: String) -> Recommendation.Timescale {
        let folded = ReportText.folded(heading)
        if folded.contains("immediate") || folded.contains("priority action") { return .immediate }
        if folded.contains("within six months") || folded.contains("within 6 months") { return .withinSixMonths }
        if folded.contains("longer term") { return .longerTerm }
        return .unspecified
    }
}

/// The block at the top of a SIF or ILACS report that names the authority and the inspection, above the
/// dates: "Derbyshire County Council" / "Inspection of services for children in need of help and" / …, or
/// "Inspection of Sefton local authority" / "children's services".
struct ReportTitleBlock {
    var authority: Located<String>?
    var title: String?

    init(_ text: ReportText) {
        var lines: [(text: String, number: Int)] = []
        for line in text.lines.prefix(40) where !line.isBlank {
            var cleaned = ReportCells.clean(line.trimmed).text
            let folded = ReportText.folded(cleaned)
            if folded.hasPrefix("inspection date") || folded.hasPrefix("dates of inspection") || folded.hasPrefix("judgement") { break }
            cleaned = Patterns.keepingLetterBeforeFootnote(Patterns.letterThenFootnote, in: cleaned)
            lines.append((cleaned, line.number))
            if lines.count >= 10 { break }
        }
        guard !lines.isEmpty else { return }
        let titleStart = lines.firstIndex { ReportText.folded($0.text).hasPrefix("inspection of") }
        guard let titleStart else {
            authority = Located(lines[0].text, line: lines[0].number)
            return
        }
        let title = lines[titleStart...].map(\.text).joined(separator: " ")
        self.title = title
        if titleStart > 0 {
            authority = Located(lines[..<titleStart].map(\.text).joined(separator: " "), line: lines[0].number)
        } else if let match = title.prefixMatch(of: Patterns.inspectionOf) {
            authority = Located(String(match.output.1), line: lines[titleStart].number)
        }
    }
}
