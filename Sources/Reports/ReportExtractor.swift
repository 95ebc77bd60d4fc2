import Foundation
import Site

/// Reads one report's text into an inspection record.
///
/// Always returns. The report is read by the known layout that recognises it most strongly; a report no
/// layout recognises is still published with its text, under a warning that its layout is not known.
public struct ReportExtractor: Sendable {
    public var vocabulary: OutcomeVocabulary
    public var layouts: [any ReportLayout]

    public init(vocabulary: OutcomeVocabulary = .builtIn, layouts: [any ReportLayout] = ReportLayouts.known) {
        self.vocabulary = vocabulary
        self.layouts = layouts
    }

    /// Compiles the readers' patterns, and names one authority, now rather than on first use (see
    /// `Patterns.compileAll`).
    public static func prepare() {
        Patterns.compileAll()
        _ = AuthorityName(canonicalising: "Stoke on Trent ST4 1RU")
    }

    /// The layout that would read `text`, if any: of those that score it above 0, the one of the highest
    /// score, the first in `layouts` among equals.
    ///
    /// Layouts whose scores have no bound are asked first, then the others from the highest bound down,
    /// and a layout that could not win against the best so far is not asked: a SIF or ILACS report's score
    /// of 70 or more leaves the letters' layouts unasked.
    public func layout(for text: ReportText) -> (any ReportLayout)? {
        var best: (position: Int, score: Int)?
        for position in askingOrder {
            let layout = layouts[position]
            if let best, let highest = layout.highestScore, highest < best.score || highest == best.score && position > best.position { continue }
            let score = layout.score(text)
            guard score > 0 else { continue }
            if let best, score < best.score || score == best.score && position > best.position { continue }
            best = (position, score)
        }
        return best.map { layouts[$0.position] }
    }

    /// The positions of `layouts`, those with no highest score first, then by highest score down, each
    /// kind in the order of `layouts`.
    private var askingOrder: [Int] {
        layouts.indices.sorted { (layouts[$0].highestScore ?? .max, -$0) > (layouts[$1].highestScore ?? .max, -$1) }
    }

    public func extract(_ source: ReportSource) -> Extraction {
        let text = ReportText(path: source.path, utf8: source.utf8)
        var diagnostics: [Diagnostic] = []
        let framework: Framework
        let reading: LayoutReading
        if let layout = layout(for: text) {
            framework = layout.framework
            reading = layout.read(text, vocabulary: vocabulary)
        } else {
            framework = .unknown
            reading = LayoutReading(sections: PlainText.sections(of: text))
            diagnostics.append(Diagnostic(.warning, file: source.path, "layout not known: published as text, with no judgements"))
        }
        diagnostics += reading.diagnostics

        let authority: AuthorityName
        if let found = reading.authority {
            authority = AuthorityName(canonicalising: found.value)
        } else {
            authority = AuthorityName(canonicalising: Self.nameFromFile(source.path))
            if source.sidecar?.authority == nil {
                diagnostics.append(Diagnostic(.warning, file: source.path, "authority not found in the text; named after the file as \"\(authority.name)\" (a sidecar can name it)"))
            }
        }
        var inspection = Inspection(
            id: "", authority: authority, framework: framework,
            title: reading.title ?? "\(framework.name): \(authority.name)",
            letterDate: reading.letterDate?.value, inspectionStart: reading.inspectionStart?.value,
            inspectionEnd: reading.inspectionEnd?.value, publicationDate: reading.publicationDate?.value,
            judgements: reading.judgements, recommendations: reading.recommendations,
            sections: reading.sections, keyFacts: reading.keyFacts, sourceFile: source.path)
        source.sidecar?.apply(to: &inspection)
        if inspection.date == nil {
            diagnostics.append(Diagnostic(.warning, file: source.path, "no date found in the text (a sidecar can supply one)"))
        }
        inspection.id = Self.id(for: inspection)
        return Extraction(inspection: inspection, diagnostics: diagnostics)
    }

    /// `<authority>-<framework>-<year>`, the readable id pages are published under.
    static func id(for inspection: Inspection) -> String {
        Slug.make([inspection.authority.slug, inspection.framework.rawValue, inspection.year.map(String.init) ?? "undated"].joined(separator: "-"))
    }

    /// A file named `stoke-on-trent-JAR-2006.txt` names its authority before the framework.
    static func nameFromFile(_ path: String) -> String {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = stem.split(separator: "-")
        let frameworkIndex = words.firstIndex { Framework(rawValue: $0.lowercased()) != nil } ?? words.endIndex
        let name = words[..<frameworkIndex].joined(separator: " ")
        return name.isEmpty ? stem : name
    }
}

/// The layouts sitegen knows. The extractor reads a report with the layout that scores it highest.
public enum ReportLayouts {
    public static let known: [any ReportLayout] = [
        APALetterLayout(), JointAreaReviewLayout(), SIFReport(), ILACSReport(), VisitLetter(),
    ]
}

/// Paragraphs of plain text, for reports of no known layout: blank lines separate paragraphs.
enum PlainText {
    static func sections(of text: ReportText) -> [ReportSection] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.lines {
            if line.isBlank {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line.trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.isEmpty ? [] : [ReportSection(heading: "Report text", paragraphs: paragraphs, startLine: 1)]
    }
}
