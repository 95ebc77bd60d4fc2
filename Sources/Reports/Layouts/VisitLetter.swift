import Foundation
import Site

/// An ungraded visit: a focused or monitoring visit letter, a joint targeted area inspection (JTAI)
/// letter, an unannounced inspection of contact, referral and assessment, an assurance visit.
///
/// Recognised by its subject line naming such a visit near the top, as a letter (dated, "Dear …") or as a
/// titled report, with no judgement table. These visits are not graded: the layout yields no judgements,
/// even where the letter recalls the grades of an earlier inspection ("…judged inadequate in 2022").
struct VisitLetter: ReportLayout {
    let name = "Ungraded visit letter"
    let framework = Framework.visit

    /// Openings of the subject line of each kind of ungraded visit, folded.
    static let kinds = [
        "focused visit", "monitoring visit", "joint targeted area inspection", "assurance visit",
        "unannounced inspection of contact, referral and assessment",
    ]

    /// The first letter of each kind.
    static let kindInitials = Set(kinds.compactMap(\.utf8.first))

    func score(_ text: ReportText) -> Int {
        guard let subject = Self.subject(in: text) else { return 0 }
        let hasGradeTable = GradedStructureReader.judgementTable(in: text) != nil
        if hasGradeTable { return 0 }
        return Self.salutation(in: text, before: subject.line + 3) != nil ? Self.salutedScore : Self.salutedScore - 10
    }

    /// The score of a subject line with the salutation just after it, the highest a visit letter scores.
    static let salutedScore = 30

    var highestScore: Int? { Self.salutedScore }

    func read(_ text: ReportText, vocabulary: OutcomeVocabulary) -> LayoutReading {
        var reading = LayoutReading()
        guard let subject = Self.subject(in: text) else { return reading }
        reading.title = subject.value
        reading.authority = Self.authority(in: subject) ?? Self.addressee(in: text, before: subject.line)
        reading.letterDate = Self.letterDate(in: text, before: subject.line)
        ReportDates.read(text, into: &reading)
        if reading.inspectionEnd == nil, let visit = Self.visitDates(in: text, after: subject.line) {
            reading.inspectionStart = Located(visit.start, line: visit.line)
            reading.inspectionEnd = Located(visit.end, line: visit.line)
        }
        let prose = ReportProse(text, from: subject.line + 1)
        reading.sections = prose.sections(opening: "Letter")
        reading.recommendations = prose.recommendations(file: text.path)
        if reading.authority == nil {
            reading.diagnostics.append(Diagnostic(.warning, file: text.path, line: subject.line, "the visit letter does not name the authority in its subject line or address"))
        }
        return reading
    }

    /// The subject line naming the visit, joined with its continuation lines, within the first 60 lines.
    /// A line whose first letter starts no kind is passed over unless `passesOverByInitial` is false (as
    /// tests set it, to compare).
    static func subject(in text: ReportText, passesOverByInitial: Bool = true) -> Located<String>? {
        // A slice of the lines, read by index: no line is copied to look at its text.
        let lines = text.lines.prefix(60)
        for index in lines.indices {
            let cleaned = ReportCells.clean(lines[index].trimmed).text
            // The folded text starts with the lower case of an ASCII letter that starts the line (`| 0x20`
            // lower-cases a letter and makes no other byte one): most lines start with a letter that starts
            // none of the kinds.
            if passesOverByInitial, let byte = cleaned.firstByte, case let letter = byte | 0x20, (0x61...0x7A).contains(letter),
               !Self.kindInitials.contains(letter) { continue }
            let folded = ReportText.folded(cleaned)
            guard kinds.contains(where: { folded.hasPrefix($0) }), TextScanning.hasAtMostSpaceSeparated(30, cleaned) else { continue }
            var subject = cleaned
            for next in lines[(index + 1)...].prefix(2) {
                let continuation = ReportCells.clean(next.trimmed).text
                guard continuation.first?.isLowercaseQuickly == true else { break }
                subject += " " + continuation
            }
            return Located(subject.trimmingScalars { $0 == "." || $0 == " " }, line: lines[index].number)
        }
        return nil
    }

    /// "Dear …" opening the letter, before `line`.
    static func salutation(in text: ReportText, before line: Int) -> Int? {
        text.lines.prefix { $0.number < line }.first { $0.trimmed.hasPrefix("Dear ") }?.number
    }

    /// The authority the subject names: "… visit to X local authority children's services",
    /// "… visit to X children's services", "… in X".
    static func authority(in subject: Located<String>) -> Located<String>? {
        for pattern in [Patterns.visitTo, Patterns.visitIn] {
            if let match = subject.value.firstMatch(of: pattern) {
                return Located(String(match.output.1), line: subject.line)
            }
        }
        return nil
    }

    /// The council in the address block above the salutation: a line ending "Council".
    static func addressee(in text: ReportText, before line: Int) -> Located<String>? {
        text.lines.prefix { $0.number < line }.first { $0.trimmed.hasSuffix("Council") && $0.trimmed.count < 80 }
            .map { Located($0.trimmed, line: $0.number) }
    }

    /// A date standing alone on a line above the subject, as letters are dated.
    static func letterDate(in text: ReportText, before line: Int) -> Located<PartialDate>? {
        for candidate in text.lines.prefix(while: { $0.number < line }) {
            let trimmed = ReportCells.clean(candidate.trimmed).text
            guard trimmed.count <= 24, trimmed.first?.isNumberQuickly == true,
                  let range = ReportDates.range(in: trimmed), range.start == range.end, range.start.day != nil else { continue }
            return Located(range.start, line: candidate.number)
        }
        return nil
    }

    /// The visit's dates as the opening paragraph gives them: "… on 19 and 20 February 2019", "between …".
    static func visitDates(in text: ReportText, after line: Int) -> (start: PartialDate, end: PartialDate, line: Int)? {
        let lines = text.lines.filter { $0.number > line }.prefix(25)
        for (offset, current) in lines.enumerated() {
            let following = offset + 1 < lines.count ? lines[lines.startIndex + offset + 1].trimmed : ""
            let joined = current.trimmed + " " + following
            guard let match = joined.firstMatch(of: Patterns.visitDates), match.range.lowerBound < joined.index(joined.startIndex, offsetBy: current.trimmed.count),
                  let range = ReportDates.range(in: String(match.output.1)) else { continue }
            return (range.start, range.end, current.number)
        }
        return nil
    }
}
