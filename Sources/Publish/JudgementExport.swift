import Foundation
import Site

/// The data files: every judgement as a CSV row and as JSON, in the site model's order.
///
/// A judgement graded for one of several bodies (a joint area review's council or health services column)
/// names the body in its `judgement` field, so that its rows stay distinct.
public enum JudgementExport {
    public static let csvHeader = "authority,authority_slug,framework,inspection_date,outcome,judgement,grade,level,source_file,source_line"

    public struct Record: Codable, Equatable, Sendable {
        public var authority: String
        public var authority_slug: String
        public var framework: String
        public var inspection_date: String?
        public var outcome: String
        public var judgement: String
        public var grade: String
        public var level: Int?
        public var source_file: String
        public var source_line: Int
    }

    public static func records(_ site: SiteModel) -> [Record] {
        site.inspections.flatMap { inspection in
            inspection.judgements.map { judgement in
                Record(
                    authority: inspection.authority.name, authority_slug: inspection.authority.slug,
                    framework: inspection.framework.shortName, inspection_date: inspection.date?.iso,
                    outcome: judgement.outcome, judgement: judgement.qualifiedWording, grade: judgement.grade,
                    level: judgement.level?.rawValue, source_file: judgement.source.file, source_line: judgement.source.line)
            }
        }
    }

    public static func csv(_ site: SiteModel) -> String {
        var lines = [csvHeader]
        for record in records(site) {
            lines.append([
                record.authority, record.authority_slug, record.framework, record.inspection_date ?? "",
                record.outcome, record.judgement, record.grade, record.level.map(String.init) ?? "",
                record.source_file, String(record.source_line),
            ].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ site: SiteModel) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(records(site))) ?? Data("[]".utf8)
    }

    public static func files(_ site: SiteModel) -> [OutputFile] {
        [
            OutputFile(path: "data/judgements.csv", text: csv(site)),
            OutputFile(path: "data/judgements.json", contents: json(site)),
        ]
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that spreadsheets never
    /// run report text as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
