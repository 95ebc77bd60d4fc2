import Foundation
import Site

/// Facts about a report that its text lacks or gets wrong, kept in `<report>.json` beside the report.
///
/// Every field is optional; a value given here wins over the extracted one, and the inspection records
/// which fields came from the sidecar so pages can say so. Dates are ISO 8601 to the precision known
/// (`2006`, `2006-02`, `2006-02-14`).
public struct Sidecar: Sendable, Equatable, Codable {
    public var authority: String?
    public var framework: Framework?
    public var title: String?
    public var letterDate: PartialDate?
    public var inspectionStart: PartialDate?
    public var inspectionEnd: PartialDate?
    public var publicationDate: PartialDate?
    public var attribution: String?

    public init(
        authority: String? = nil, framework: Framework? = nil, title: String? = nil,
        letterDate: PartialDate? = nil, inspectionStart: PartialDate? = nil, inspectionEnd: PartialDate? = nil,
        publicationDate: PartialDate? = nil, attribution: String? = nil
    ) {
        self.authority = authority
        self.framework = framework
        self.title = title
        self.letterDate = letterDate
        self.inspectionStart = inspectionStart
        self.inspectionEnd = inspectionEnd
        self.publicationDate = publicationDate
        self.attribution = attribution
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case authority, framework, title, attribution
        case letterDate = "letter_date"
        case inspectionStart = "inspection_start"
        case inspectionEnd = "inspection_end"
        case publicationDate = "publication_date"
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads a sidecar, rejecting unknown fields and malformed dates with a message that names them.
    public static func parse(_ data: Data) throws(ParseError) -> Sidecar {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ParseError(message: "sidecar is not valid JSON (\(Self.describe(error)))")
        }
        guard let fields = object as? [String: Any] else {
            throw ParseError(message: "sidecar must be a JSON object of fields")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw ParseError(message: "sidecar names an unknown field \"\(unknown)\"; known fields: \(known.sorted().joined(separator: ", "))")
        }
        var sidecar = Sidecar()
        for (key, value) in fields {
            guard let text = value as? String else {
                throw ParseError(message: "sidecar field \"\(key)\" must be a string")
            }
            switch CodingKeys(rawValue: key)! {
            case .authority: sidecar.authority = text
            case .title: sidecar.title = text
            case .attribution: sidecar.attribution = text
            case .framework:
                guard let framework = Framework(rawValue: text.lowercased()) else {
                    throw ParseError(message: "sidecar field \"framework\" is \"\(text)\"; expected one of \(Framework.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sidecar.framework = framework
            case .letterDate: sidecar.letterDate = try date(text, key)
            case .inspectionStart: sidecar.inspectionStart = try date(text, key)
            case .inspectionEnd: sidecar.inspectionEnd = try date(text, key)
            case .publicationDate: sidecar.publicationDate = try date(text, key)
            }
        }
        return sidecar
    }

    private static func date(_ text: String, _ key: String) throws(ParseError) -> PartialDate {
        guard let date = PartialDate(iso: text) else {
            throw ParseError(message: "sidecar field \"\(key)\" is \"\(text)\"; expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }

    private static func describe(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
    }

    /// Applies the sidecar to an extracted inspection; returns the names of the fields it set.
    public func apply(to inspection: inout Inspection) {
        var fields: [String] = []
        if let authority {
            inspection.authority = AuthorityName(canonicalising: authority)
            fields.append(CodingKeys.authority.rawValue)
        }
        if let framework {
            inspection.framework = framework
            fields.append(CodingKeys.framework.rawValue)
        }
        if let title {
            inspection.title = title
            fields.append(CodingKeys.title.rawValue)
        }
        if let letterDate {
            inspection.letterDate = letterDate
            fields.append(CodingKeys.letterDate.rawValue)
        }
        if let inspectionStart {
            inspection.inspectionStart = inspectionStart
            fields.append(CodingKeys.inspectionStart.rawValue)
        }
        if let inspectionEnd {
            inspection.inspectionEnd = inspectionEnd
            fields.append(CodingKeys.inspectionEnd.rawValue)
        }
        if let publicationDate {
            inspection.publicationDate = publicationDate
            fields.append(CodingKeys.publicationDate.rawValue)
        }
        if let attribution {
            inspection.attribution = attribution
            fields.append(CodingKeys.attribution.rawValue)
        }
        inspection.sidecarFields = fields
    }
}
