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
        String(decoding: csvBytes(site), as: UTF8.self)
    }

    /// The CSV file's bytes: the header and a line per record, each ended by CR LF.
    static func csvBytes(_ site: SiteModel) -> [UInt8] {
        let records = records(site)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(csvHeader.utf8.count + 2 + records.count * 160)
        bytes.append(contentsOf: csvHeader.utf8)
        for record in records {
            bytes.append(contentsOf: [0x0D, 0x0A])
            let fields = [
                record.authority, record.authority_slug, record.framework, record.inspection_date ?? "",
                record.outcome, record.judgement, record.grade, record.level.map(String.init) ?? "",
                record.source_file, String(record.source_line),
            ]
            for (number, value) in fields.enumerated() {
                if number > 0 { bytes.append(UInt8(ascii: ",")) }
                appendField(value, to: &bytes)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
        return bytes
    }

    /// The records as `JSONEncoder` writes them with `.prettyPrinted`, `.sortedKeys` and
    /// `.withoutEscapingSlashes` (`encoded(_:)`), written straight into bytes: the encoder took about half a
    /// second of CPU time (1.75 % of a cold build's) for the 72,000 judgements of 10,000 reports, most of it
    /// boxing each value, and its tree of boxes set the build's peak memory.
    /// `JudgementDataFileTests` holds the two to the same bytes.
    public static func json(_ site: SiteModel) -> Data {
        json(records(site))
    }

    static func json(_ records: [Record]) -> Data {
        guard !records.isEmpty else { return encoded(records) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.count * 420)
        func append(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        /// `"key" : value`, the value a JSON string, or a number written as it is.
        func member(_ key: StaticString, _ value: String, isNumber: Bool = false, last: Bool = false) {
            append("    \"")
            append(key)
            append("\" : ")
            if isNumber { bytes.append(contentsOf: value.utf8) } else { appendJSONString(value, to: &bytes) }
            append(last ? "\n" : ",\n")
        }
        append("[\n")
        for (number, record) in records.enumerated() {
            // The keys in sorted order; a nil optional is left out, as `encodeIfPresent` leaves it.
            append("  {\n")
            member("authority", record.authority)
            member("authority_slug", record.authority_slug)
            member("framework", record.framework)
            member("grade", record.grade)
            if let date = record.inspection_date { member("inspection_date", date) }
            member("judgement", record.judgement)
            if let level = record.level { member("level", String(level), isNumber: true) }
            member("outcome", record.outcome)
            member("source_file", record.source_file)
            member("source_line", String(record.source_line), isNumber: true, last: true)
            append(number == records.count - 1 ? "  }\n" : "  },\n")
        }
        append("]")
        return Data(bytes)
    }

    /// The records through `JSONEncoder`: the definition of `json`.
    static func encoded(_ records: [Record]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(records)) ?? Data("[]".utf8)
    }

    /// A JSON string as `JSONEncoder` writes it: quotes and backslashes escaped, the control characters
    /// U+0000–U+001F as `\b` `\t` `\n` `\f` `\r` or `\u00xx`, everything else (slashes too, with
    /// `.withoutEscapingSlashes`) as it is.
    static func appendJSONString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        value.withBorrowedUTF8 { utf8 in
            // Runs of bytes written as they are, copied at once: most values are all one run.
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscaped(byte, to: &bytes)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A byte of a JSON string that is not written as it is (a quote, a backslash or a control character), escaped.
    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x00..<0x20:
            // `\u00` and two lower-case hex digits, the first 0 or 1.
            let low = byte & 0xF
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      UInt8(ascii: "0") + byte >> 4, low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10])
        default:
            bytes.append(byte)
        }
    }

    public static let csvPath = "data/judgements.csv"
    public static let jsonPath = "data/judgements.json"

    public static func files(_ site: SiteModel) -> [OutputFile] {
        [csvFile(site), jsonFile(site)]
    }

    /// The CSV file alone: the build makes it while the JSON file and the pages are made.
    public static func csvFile(_ site: SiteModel) -> OutputFile { OutputFile(path: csvPath, contents: Data(csvBytes(site))) }

    public static func jsonFile(_ site: SiteModel) -> OutputFile { OutputFile(path: jsonPath, contents: json(site)) }

    /// RFC 4180 quoting: a field holding a comma, a double quote or a line break (LF, CR, VT, FF, NEL,
    /// U+2028, U+2029) anywhere in its bytes is quoted, its quotes doubled, whatever marks follow them. A
    /// field whose first byte is `=`, `+`, `-` or `@` is prefixed with `'` so that spreadsheets never run
    /// report text as a formula.
    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendField(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `field(value)`'s bytes, appended: a field that needs neither quotes nor the prefix is copied at once.
    static func appendField(_ value: String, to bytes: inout [UInt8]) {
        value.withBorrowedUTF8 { utf8 in
            let quoted = needsQuotes(utf8)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if let byte = utf8.first, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@") {
                bytes.append(UInt8(ascii: "'"))
            }
            guard quoted else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
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
