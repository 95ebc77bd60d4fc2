import Foundation
import Site

/// Reads one report's text into an inspection record.
///
/// Always returns: a report that cannot be read as any known layout is still published with its text,
/// under a warning that its layout is not known.
public struct ReportExtractor: Sendable {
    public var vocabulary: OutcomeVocabulary

    public init(vocabulary: OutcomeVocabulary = .builtIn) {
        self.vocabulary = vocabulary
    }

    public func extract(_ source: ReportSource) -> Extraction {
        var diagnostics: [Diagnostic] = []
        let lines = source.text.components(separatedBy: "\n")
        let framework = Self.detectFramework(lines)
        if framework == .unknown {
            diagnostics.append(Diagnostic(.warning, file: source.path, "layout not known; published as text without judgements"))
        }
        let authority = Self.detectAuthority(lines) ?? AuthorityName(canonicalising: Self.fallbackName(source.path))
        let date = Self.firstDate(lines)
        var judgements: [Judgement] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("Grade "), let value = Int(trimmed.dropFirst(6)), let level = Level(rawValue: value) else { continue }
            let heading = lines[..<index].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.count < 90 && !$0.hasPrefix("Grade ") && !$0.hasPrefix("Summary") } ?? ""
            if let outcome = vocabulary.outcomes.first(where: { $0.wordings[framework, default: []].contains { heading.lowercased().hasPrefix($0) } }) {
                judgements.append(Judgement(
                    outcome: outcome.id, wording: heading.trimmingCharacters(in: .whitespaces), grade: String(value), level: level,
                    basis: .gradeLine, source: SourcePosition(file: source.path, line: index + 1)))
            }
        }
        let paragraphs = source.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var inspection = Inspection(
            id: "", authority: authority, framework: framework,
            title: "\(framework.name): \(authority.name)",
            letterDate: framework == .apa ? date : nil,
            inspectionEnd: framework == .apa ? nil : date,
            judgements: judgements,
            sections: [ReportSection(heading: "Report text", paragraphs: paragraphs, startLine: 1)],
            sourceFile: source.path)
        source.sidecar?.apply(to: &inspection)
        inspection.id = Slug.make([inspection.authority.slug, inspection.framework.rawValue, inspection.year.map(String.init) ?? "undated"].joined(separator: "-"))
        return Extraction(inspection: inspection, diagnostics: diagnostics)
    }

    static func detectFramework(_ lines: [String]) -> Framework {
        let text = lines.prefix(80).joined(separator: " ").lowercased()
        if text.contains("annual performance assessment") { return .apa }
        if text.contains("joint area review") { return .jar }
        if text.contains("inspection of services for children in need of help and protection") { return .sif }
        if text.contains("inspection of") && text.contains("children's services") || text.contains("children’s services") { return .ilacs }
        return .unknown
    }

    static func detectAuthority(_ lines: [String]) -> AuthorityName? {
        for line in lines.prefix(400) {
            let lower = line.lowercased()
            if line.hasPrefix("# ") { return AuthorityName(canonicalising: String(line.dropFirst(2))) }
            if line == line.uppercased(), let range = lower.range(of: "young people in ") {
                return AuthorityName(canonicalising: String(line[range.upperBound...]))
            }
            if let match = line.firstMatch(of: /^([A-Z][^.]*?) joint area review\s+\d+\s*$/) {
                return AuthorityName(canonicalising: String(match.1))
            }
        }
        return nil
    }

    static func fallbackName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    static func firstDate(_ lines: [String]) -> PartialDate? {
        let pattern = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/
        for line in lines.prefix(80) {
            if let match = line.firstMatch(of: pattern),
               let date = PartialDate(year: Int(match.3)!, month: PartialDate.month(named: match.2), day: Int(match.1)!) {
                return date
            }
        }
        return nil
    }
}
