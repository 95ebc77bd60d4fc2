import Foundation

extension OutcomeVocabulary {
    public struct FileError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// This vocabulary extended by a JSON file of outcomes (`Content/outcomes.json`):
    ///
    /// ```json
    /// {"outcomes": [
    ///   {"id": "help-and-protection", "wordings": {"ilacs": ["children who need help, protection and care"]}},
    ///   {"id": "family-help", "title": "Family help", "summary": "…", "theme": "safety",
    ///    "wordings": {"ilacs": ["the experiences and progress of children who need family help"]}}
    /// ]}
    /// ```
    ///
    /// A known id gains wordings (and a new title or summary if given); a new id needs a title and a theme.
    /// Wordings are compared as reports are read: in lower case with straight apostrophes.
    public func extending(with data: Data) throws(FileError) -> OutcomeVocabulary {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FileError(message: "outcomes file is not valid JSON")
        }
        guard let root = object as? [String: Any], let entries = root["outcomes"] as? [[String: Any]], root.count == 1 else {
            throw FileError(message: "outcomes file must be an object with one field, \"outcomes\", a list of outcomes")
        }
        var additions: [Outcome] = []
        for (index, entry) in entries.enumerated() {
            additions.append(try outcome(entry, at: index))
        }
        return merging(OutcomeVocabulary(outcomes: additions))
    }

    private func outcome(_ entry: [String: Any], at index: Int) throws(FileError) -> Outcome {
        let known: Set<String> = ["id", "title", "summary", "theme", "wordings"]
        if let unknown = entry.keys.sorted().first(where: { !known.contains($0) }) {
            throw FileError(message: "outcome \(index + 1) has an unknown field \"\(unknown)\"; known fields: \(known.sorted().joined(separator: ", "))")
        }
        guard let id = entry["id"] as? String, !id.isEmpty, Slug.make(id) == id else {
            throw FileError(message: "outcome \(index + 1) needs an \"id\" written as a slug, such as \"help-and-protection\"")
        }
        let existing = outcome(id)
        let title = entry["title"] as? String ?? ""
        let summary = entry["summary"] as? String ?? ""
        let theme: Theme
        if let written = entry["theme"] as? String {
            guard let parsed = Theme(rawValue: written) else {
                throw FileError(message: "outcome \"\(id)\" has theme \"\(written)\"; expected one of \(Theme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            theme = parsed
        } else if let existing {
            theme = existing.theme
        } else {
            throw FileError(message: "new outcome \"\(id)\" needs a \"theme\" (one of \(Theme.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if existing == nil, title.isEmpty {
            throw FileError(message: "new outcome \"\(id)\" needs a \"title\"")
        }
        var wordings: [Framework: [String]] = [:]
        for (key, value) in entry["wordings"] as? [String: Any] ?? [:] {
            guard let framework = Framework(rawValue: key) else {
                throw FileError(message: "outcome \"\(id)\" gives wordings for \"\(key)\"; expected one of \(Framework.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let list = value as? [String], list.allSatisfy({ !$0.isEmpty }) else {
                throw FileError(message: "outcome \"\(id)\": wordings for \"\(key)\" must be a list of non-empty strings")
            }
            wordings[framework] = list.map(Self.comparable)
        }
        return Outcome(id: id, title: title, summary: summary, theme: theme, wordings: wordings)
    }

    /// Lower case, straight apostrophes and single spaces, the form readers compare wordings in.
    static func comparable(_ wording: String) -> String {
        wording.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
