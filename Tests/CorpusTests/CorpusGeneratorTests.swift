import Corpus
import Foundation
import Site
import Testing

@Suite struct CorpusGeneratorTests {
    @Test func theSameSeedGivesTheSameReportsAndAnotherSeedOthers() {
        let a = CorpusGenerator(count: 20, seed: 7)
        let b = CorpusGenerator(count: 20, seed: 7)
        let c = CorpusGenerator(count: 20, seed: 8)
        #expect((0..<20).map(a.report) == (0..<20).map(b.report))
        #expect((0..<20).map { a.report($0).text } != (0..<20).map { c.report($0).text })
    }

    @Test func splitMixMatchesTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0, as printed by the reference C implementation.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func reportsHaveRealisticLengthsLayoutsAuthoritiesAndYears() {
        let corpus = CorpusGenerator(count: 400, seed: 1)
        let reports = (0..<corpus.count).map(corpus.report)
        let sizes = reports.map(\.text.utf8.count)
        #expect(sizes.min()! >= 13_000)
        #expect(sizes.max()! <= 130_000)
        #expect(Set(reports.map(\.layout)) == Set(CorpusLayout.allCases))
        #expect(Set(reports.map(\.authority)).count >= 150)
        #expect(reports.allSatisfy { (2005...2025).contains($0.year) })
        #expect(Set(reports.map(\.fileName)).count == reports.count)
        let register = Set(AuthorityName.register)
        #expect(reports.allSatisfy { register.contains($0.authority) })
    }

    @Test func gradesVaryAndUseEachFrameworksScale() {
        let corpus = CorpusGenerator(count: 200, seed: 3)
        let reports = (0..<corpus.count).map(corpus.report)
        #expect(Set(reports.flatMap(\.judgements).map(\.level)) == Set(Level.allCases))
        for report in reports where report.layout == .sif || report.layout == .ilacs {
            #expect(report.judgements.allSatisfy { ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"].contains($0.grade) })
        }
        for report in reports where report.layout == .apa2007 {
            for judgement in report.judgements {
                #expect(report.text.contains("Grade \(judgement.grade)"))
            }
        }
        for report in reports where report.layout == .ilacs && report.year >= 2023 {
            #expect(report.judgements.contains { $0.outcome == "care-leavers" })
        }
    }

    @Test func authoritiesAppearOnlyInYearsTheyExisted() {
        let corpus = CorpusGenerator(count: 2000, seed: 5)
        for report in (0..<corpus.count).map(corpus.report) {
            if report.authority.slug == "cheshire-east" { #expect(report.year >= 2009) }
            if report.authority.slug == "cumbria" { #expect(report.year <= 2022) }
        }
    }

    @Test func writeCreatesOneFilePerReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = CorpusGenerator(count: 5, seed: 2)
        try corpus.write(to: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == (0..<5).map { corpus.report($0).fileName }.sorted())
        #expect(try String(contentsOf: folder.appendingPathComponent(corpus.report(3).fileName), encoding: .utf8) == corpus.report(3).text)
    }
}
