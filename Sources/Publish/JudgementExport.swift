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

    public static let csvPath = "data/judgements.csv"
    public static let jsonPath = "data/judgements.json"

    public static func files(_ site: SiteModel) -> [OutputFile] {
        [csvFile(site), jsonFile(site)]
    }

    /// The CSV file alone: the build makes it while the JSON file and the pages are made.
    public static func csvFile(_ site: SiteModel) -> OutputFile { OutputFile(path: csvPath, text: csv(site)) }

    public static func jsonFile(_ site: SiteModel) -> OutputFile { OutputFile(path: jsonPath, contents: json(site)) }

    /// RFC 4180 quoting: a field holding a comma, a double quote or a line break (LF, CR, VT, FF, NEL,
    /// U+2028, U+2029) anywhere in its bytes is quoted, its quotes doubled, whatever marks follow them. A
    /// field whose first byte is `=`, `+`, `-` or `@` is prefixed with `'` so that spreadsheets never run
    /// report text as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let byte = value.utf8.first, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@") {
            value = "'" + value
        }
        return value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard needsQuotes(bytes) else { return nil }
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            quoted.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                quoted.append(byte)
                if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            }
            quoted.append(UInt8(ascii: "\""))
            return String(decoding: quoted, as: UTF8.self)
        }.flatMap { $0 } ?? value
    }

    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A...0x0D: return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): return true
            default: continue
            }
        }
        return false
    }
}
