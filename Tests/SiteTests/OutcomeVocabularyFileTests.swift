import Foundation
import Testing
import Site

@Suite struct OutcomeVocabularyFileTests {
    @Test func knownOutcomeGainsWordingsAndNewOutcomeIsAdded() throws {
        let json = #"""
        {"outcomes": [
          {"id": "being-healthy", "wordings": {"apa": ["Keeping  Healthy"], "ilacs": ["children’s health"]}},
          {"id": "family-help", "title": "Family help", "theme": "safety", "wordings": {"ilacs": ["family help"]}}
        ]}
        """#
        let vocabulary = try OutcomeVocabulary.builtIn.extending(with: Data(json.utf8))
        let healthy = try #require(vocabulary.outcome("being-healthy"))
        #expect(healthy.wordings[.apa] == ["being healthy", "keeping healthy"])
        #expect(healthy.wordings[.ilacs] == ["children's health"])
        #expect(healthy.title == "Being healthy")
        #expect(vocabulary.outcomes.last?.id == "family-help")
        #expect(vocabulary.related(to: "family-help").map(\.id).contains("staying-safe"))
        #expect(vocabulary.outcomes.count == OutcomeVocabulary.builtIn.outcomes.count + 1)
    }

    @Test(arguments: [
        (#"{"outcomes": [{"id": "x y", "title": "X", "theme": "care"}]}"#, "slug"),
        (#"{"outcomes": [{"id": "new-one", "title": "New"}]}"#, "needs a \"theme\""),
        (#"{"outcomes": [{"id": "new-one", "theme": "care"}]}"#, "needs a \"title\""),
        (#"{"outcomes": [{"id": "adoption", "theme": "kindness"}]}"#, "expected one of overall"),
        (#"{"outcomes": [{"id": "adoption", "wordings": {"ofsted": ["a"]}}]}"#, "wordings for \"ofsted\""),
        (#"{"outcomes": [{"id": "adoption", "wordings": {"sif": "adoption"}}]}"#, "list of non-empty strings"),
        (#"{"outcomes": [{"id": "adoption", "colour": "red"}]}"#, "unknown field \"colour\""),
        (#"{"outcome": []}"#, "one field"),
        (#"{"outcomes": "#, "not valid JSON"),
    ])
    func badFilesSayWhatIsWrong(json: String, fragment: String) {
        #expect {
            _ = try OutcomeVocabulary.builtIn.extending(with: Data(json.utf8))
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }
}
