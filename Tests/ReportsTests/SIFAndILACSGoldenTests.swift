import Foundation
import Testing
import Reports
import Site

/// Every judgement and date of the nine bundled SIF and ILACS reports, against golden tables reviewed by
/// hand against each report's front page and body (run with SITEGEN_UPDATE_GOLDEN=1 to refresh, then
/// review the diff).
@Suite struct SIFAndILACSGoldenTests {
    @Test func judgementsMatchGolden() throws {
        var lines = ["file,outcome,wording,grade,level,basis,line"]
        for file in SIFFixtures.reports {
            let inspection = try #require(SIFFixtures.extract(try SIFFixtures.content(file), path: file).inspection)
            for judgement in inspection.judgements {
                lines.append([
                    file, judgement.outcome, judgement.wording, judgement.grade, judgement.level.map { String($0.rawValue) } ?? "",
                    judgement.basis.rawValue, String(judgement.source.line),
                ].map(SIFFixtures.csvField).joined(separator: ","))
            }
        }
        #expect(try SIFFixtures.matchesGolden(lines.joined(separator: "\n") + "\n", "judgements-sif-ilacs.csv"),
                "run with SITEGEN_UPDATE_GOLDEN=1 to refresh, then review the diff")
    }

    @Test func reportFactsMatchGolden() throws {
        var lines = ["file,framework,authority,title,inspection_start,inspection_end,publication_date,recommendations,sections,key_facts,warnings"]
        for file in SIFFixtures.reports {
            let extraction = SIFFixtures.extract(try SIFFixtures.content(file), path: file)
            let inspection = try #require(extraction.inspection)
            lines.append([
                file, inspection.framework.rawValue, inspection.authority.name, inspection.title,
                inspection.inspectionStart?.iso ?? "", inspection.inspectionEnd?.iso ?? "", inspection.publicationDate?.iso ?? "",
                String(inspection.recommendations.count), String(inspection.sections.count), String(inspection.keyFacts.count),
                String(extraction.diagnostics.count),
            ].map(SIFFixtures.csvField).joined(separator: ","))
        }
        #expect(try SIFFixtures.matchesGolden(lines.joined(separator: "\n") + "\n", "reports-sif-ilacs.csv"),
                "run with SITEGEN_UPDATE_GOLDEN=1 to refresh, then review the diff")
    }

    @Test func keyFactsOfTheAreaComeWithTheirLines() throws {
        let file = "stoke-on-trent-SIF-2015.txt"
        let inspection = try #require(SIFFixtures.extract(try SIFFixtures.content(file), path: file).inspection)
        let plans = try #require(inspection.keyFacts.first { $0.value.contains("child protection plan") })
        #expect(plans.label == "Child protection in this area")
        #expect(plans.value.hasPrefix("At 31 March 2015, 261 children and young people were the subject of a child protection plan."))
        #expect(plans.source.line == 87)
        #expect(inspection.keyFacts.contains { $0.label == "Children looked after in this area" && $0.value.contains("609 children") })
    }

    /// The judgements each report's front page states, as the samples README lists them, independent of the golden.
    @Test(arguments: [
        ("stoke-on-trent-SIF-2015.txt", "overall-effectiveness=2 help-and-protection=2 children-looked-after=2 adoption=3 care-leavers=2 leadership-management-governance=2 lscb=2"),
        ("derbyshire-SIF-2013.txt", "overall-effectiveness=3 help-and-protection=3 children-looked-after=3 adoption=3 care-leavers=3 leadership-management-governance=3 lscb=2"),
        ("kensington-and-chelsea-SIF-2016.txt", "overall-effectiveness=4 help-and-protection=3 children-looked-after=4 adoption=4 care-leavers=4 leadership-management-governance=4 lscb=3"),
        ("croydon-SIF-2017.txt", "overall-effectiveness=1 help-and-protection=1 children-looked-after=1 adoption=2 care-leavers=2 leadership-management-governance=1 lscb=1"),
        ("north-yorkshire-ILACS-2018.txt", "leadership-management-governance=4 help-and-protection=4 children-looked-after=4 overall-effectiveness=4"),
        ("sefton-ILACS-2022.txt", "leadership-management-governance=1 help-and-protection=1 children-looked-after=1 overall-effectiveness=1"),
        ("lincolnshire-ILACS-2023.txt", "leadership-management-governance=4 help-and-protection=4 children-looked-after=4 care-leavers=3 overall-effectiveness=4"),
        ("st-helens-ILACS-2023.txt", "leadership-management-governance=3 help-and-protection=2 children-looked-after=3 care-leavers=4 overall-effectiveness=3"),
        ("cheshire-east-ILACS-2024.txt", "leadership-management-governance=2 help-and-protection=2 children-looked-after=2 care-leavers=1 overall-effectiveness=1"),
    ])
    func frontPageJudgements(file: String, expected: String) throws {
        let extraction = SIFFixtures.extract(try SIFFixtures.content(file), path: file)
        let inspection = try #require(extraction.inspection)
        #expect(SIFFixtures.levels(inspection).joined(separator: " ") == expected)
        #expect(inspection.framework == (file.contains("-SIF-") ? .sif : .ilacs))
        #expect(!extraction.diagnostics.contains { $0.message.contains("grade") }, "\(extraction.diagnostics)")
    }
}

/// The nine reports rewritten as other tools or editors might give them read to the same judgements.
@Suite struct SIFAndILACSRewrittenReportTests {
    /// Each rewrite, and whether it keeps every line where it was.
    static let rewrites: [(name: String, keepsLines: Bool, rewrite: @Sendable (String) -> String)] = [
        ("upper case", true, { $0.uppercased() }),
        ("straight apostrophes and dashes", true, { $0.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "–", with: "-") }),
        ("CRLF with a byte order mark", true, { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        ("form feeds removed", true, { $0.replacingOccurrences(of: "\u{0C}", with: "") }),
        ("grades split over two lines", false, {
            $0.replacingOccurrences(of: "\nRequires improvement to be good\n", with: "\nRequires improvement\nto be good\n")
                .replacingOccurrences(of: "\nRequires improvement\n", with: "\nRequires\nimprovement\n")
        }),
    ]

    @Test(arguments: SIFFixtures.reports)
    func rewrittenReportsGiveTheSameLevels(file: String) throws {
        let text = try SIFFixtures.content(file)
        let original = try #require(SIFFixtures.extract(text, path: file).inspection)
        for (name, keepsLines, rewrite) in Self.rewrites {
            let rewritten = try #require(SIFFixtures.extract(rewrite(text), path: file).inspection)
            #expect(SIFFixtures.levels(rewritten) == SIFFixtures.levels(original), "\(name)")
            if keepsLines {
                #expect(rewritten.judgements.map(\.source.line) == original.judgements.map(\.source.line), "\(name)")
            }
        }
    }
}
