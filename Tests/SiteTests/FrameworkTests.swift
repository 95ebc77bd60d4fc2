import Testing
import Site

/// Frameworks order as they are declared and hash by case: a dictionary keyed by them finds each one.
@Suite struct FrameworkTests {
    @Test func frameworksOrderAsDeclared() {
        let cases = Framework.allCases
        #expect(cases.sorted() == cases)
        for (index, framework) in cases.enumerated() {
            #expect(cases[..<index].allSatisfy { $0 < framework } && cases[(index + 1)...].allSatisfy { framework < $0 }, "\(framework)")
        }
    }

    @Test func everyFrameworkHashesApart() {
        let keyed = Dictionary(uniqueKeysWithValues: Framework.allCases.map { ($0, $0.rawValue) })
        #expect(keyed.count == Framework.allCases.count)
        for framework in Framework.allCases { #expect(keyed[framework] == framework.rawValue) }
        #expect(Set(Framework.allCases.map(\.hashValue)).count == Framework.allCases.count)
    }
}
