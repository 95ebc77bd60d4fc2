import Foundation
import Site

/// The outcome vocabulary for a content folder: the built-in one, extended by `outcomes.json` when the
/// folder has one. A bad file is an error diagnostic and the built-in vocabulary is used.
public enum ContentVocabulary {
    public static let fileName = "outcomes.json"

    public static func read(folder: URL) -> (vocabulary: OutcomeVocabulary, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return (.builtIn, [])
        }
        do {
            return (try OutcomeVocabulary.builtIn.extending(with: data), [])
        } catch {
            return (.builtIn, [Diagnostic(.error, file: fileName, "\(error); the built-in outcomes are used")])
        }
    }
}
