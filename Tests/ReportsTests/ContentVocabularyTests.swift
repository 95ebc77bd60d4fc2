import Foundation
import Testing
import Reports
import Site

@Suite struct ContentVocabularyTests {
    static let letter = """
    2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN YORK CITY COUNCIL

    Keeping healthy

    Grade 3

    The contribution of services to improving outcomes for children and young people in this aspect is good.
    """

    static func folder(with outcomes: String?) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-vocabulary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let outcomes { try outcomes.write(to: folder.appendingPathComponent("outcomes.json"), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func aHeadingWordedAsTheContentFolderSaysIsRead() throws {
        let source = ReportSource(path: "york.txt", text: Self.letter)
        let builtIn = ReportExtractor().extract(source)
        #expect(builtIn.inspection?.judgements.isEmpty == true)
        #expect(builtIn.diagnostics.contains { $0.message.contains("stands under no outcome heading") })

        let folder = try Self.folder(with: #"{"outcomes": [{"id": "being-healthy", "wordings": {"apa": ["keeping healthy"]}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = ContentVocabulary.read(folder: folder)
        #expect(content.diagnostics.isEmpty)
        let extended = ReportExtractor(vocabulary: content.vocabulary).extract(source)
        #expect(extended.inspection?.judgements.map(\.summary) == ["being-healthy=3"])
        #expect(extended.inspection?.authority.slug == "york")
    }

    @Test func aBadFileIsAnErrorAndTheBuiltInOutcomesAreUsed() throws {
        let folder = try Self.folder(with: #"{"outcomes": [{"id": "new"}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = ContentVocabulary.read(folder: folder)
        #expect(content.vocabulary == .builtIn)
        #expect(content.diagnostics.map(\.description) == [
            "outcomes.json: error: new outcome \"new\" needs a \"theme\" (one of overall, health, safety, learning, contribution, wellbeing, care, leadership, services); the built-in outcomes are used",
        ])
    }

    @Test func noFileMeansTheBuiltInOutcomes() throws {
        let folder = try Self.folder(with: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ContentVocabulary.read(folder: folder).vocabulary == .builtIn)
    }
}
