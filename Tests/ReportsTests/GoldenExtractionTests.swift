import Foundation
import Testing
import Reports
import Site

/// The whole judgement table, and the other facts, of the bundled APA letters and joint area review,
/// compared with reviewed golden files.
@Suite struct GoldenExtractionTests {
    static let reports = [
        "stoke-on-trent-APA-2007.txt", "staffordshire-APA-2006.txt", "stockport-APA-2006.txt", "stoke-on-trent-JAR-2006.txt",
    ]

    static func judgementTable(_ extractions: [Extraction]) -> String {
        var lines = ["source_file,source_line,framework,outcome,scope,basis,grade,level,wording"]
        for extraction in extractions {
            let inspection = extraction.inspection!
            for judgement in inspection.judgements {
                lines.append([
                    judgement.source.file, String(judgement.source.line), inspection.framework.rawValue, judgement.outcome,
                    judgement.scope ?? "", judgement.basis.rawValue, judgement.grade, judgement.level.map { String($0.rawValue) } ?? "",
                    "\"" + judgement.wording.replacingOccurrences(of: "\"", with: "\"\"") + "\"",
                ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func facts(_ extractions: [Extraction]) -> String {
        var lines: [String] = []
        for extraction in extractions {
            let inspection = extraction.inspection!
            lines.append("# \(inspection.sourceFile)")
            lines.append("authority: \(inspection.authority.name) (\(inspection.authority.slug))")
            lines.append("framework: \(inspection.framework.rawValue)")
            for (name, date) in [("letter", inspection.letterDate), ("inspection start", inspection.inspectionStart),
                                 ("inspection end", inspection.inspectionEnd), ("publication", inspection.publicationDate)] {
                lines.append("\(name) date: \(date?.iso ?? "-")")
            }
            lines.append("from sidecar: \(inspection.sidecarFields.sorted().joined(separator: ", "))")
            for fact in inspection.keyFacts { lines.append("key fact: \(fact.label) = \(fact.value) (line \(fact.source.line))") }
            for item in inspection.recommendations {
                lines.append("recommendation [\(item.timescale.rawValue)] (\(item.context ?? "-"), line \(item.source.line)): \(item.text)")
            }
            for section in inspection.sections {
                lines.append("section (line \(section.startLine), depth \(section.depth), \(section.paragraphs.count) paragraphs): \(section.heading)")
            }
            for diagnostic in extraction.diagnostics.sorted() { lines.append("diagnostic: \(diagnostic)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    @Test func judgementTableMatchesGolden() throws {
        let extractions = try Self.reports.map(Fixtures.bundled)
        try Fixtures.expectGolden(Self.judgementTable(extractions), "judgements-apa-jar.csv")
    }

    @Test func otherFactsMatchGolden() throws {
        let extractions = try Self.reports.map(Fixtures.bundled)
        try Fixtures.expectGolden(Self.facts(extractions), "facts-apa-jar.txt")
    }

    @Test func bundledReportsAreReadWithoutWarnings() throws {
        for name in Self.reports {
            let extraction = try Fixtures.bundled(name)
            #expect(extraction.diagnostics.isEmpty, "\(name): \(extraction.diagnostics)")
        }
    }

    @Test(arguments: [
        ("stoke-on-trent-APA-2007.txt", 7), ("staffordshire-APA-2006.txt", 8), ("stockport-APA-2006.txt", 8), ("stoke-on-trent-JAR-2006.txt", 12),
    ])
    func judgementCounts(name: String, count: Int) throws {
        #expect(try Fixtures.bundled(name).inspection?.judgements.count == count)
    }

    @Test func judgementsTheIssueNames() throws {
        func levels(_ name: String) throws -> [String: [Int?]] {
            let judgements = try Fixtures.bundled(name).inspection!.judgements
            return Dictionary(grouping: judgements, by: \.outcome).mapValues { $0.map { $0.level?.rawValue } }
        }
        let stoke2007 = try levels("stoke-on-trent-APA-2007.txt")
        #expect(stoke2007["staying-safe"] == [1])
        #expect(stoke2007["making-a-positive-contribution"] == [3])
        let staffordshire = try Fixtures.bundled("staffordshire-APA-2006.txt").inspection!.judgements
        #expect(staffordshire.first { $0.outcome == "capacity-to-improve" }?.level == .good)
        #expect(staffordshire.first { $0.outcome == "social-care-services" }?.level == .adequate)
        let healthy = staffordshire.first { $0.outcome == "being-healthy" }
        #expect(healthy?.level == .good)
        #expect(healthy?.basis == .prose)
        let stockport = try Fixtures.bundled("stockport-APA-2006.txt").inspection!.judgements
        #expect(stockport.count == 8 && stockport.allSatisfy { $0.level == .good })
        let jar = try Fixtures.bundled("stoke-on-trent-JAR-2006.txt").inspection!.judgements
        func jarLevel(_ outcome: String) -> Level? { jar.first { $0.outcome == outcome }?.level }
        #expect(jarLevel("staying-safe") == .inadequate)
        #expect(jarLevel("enjoying-and-achieving") == .good)
        #expect(jarLevel("education-services") == .good)
        #expect(jarLevel("social-care-services") == .inadequate)
        #expect(jarLevel("health-services") == .adequate)
        #expect(jar.first { $0.outcome == "health-services" }?.scope == "Health services")
        #expect(jar.filter { $0.outcome == "capacity-to-improve" }.map(\.scope) == ["Local services overall", "Council services"])
    }

    static var sifLayoutRegistered: Bool {
        ReportLayouts.known.contains { $0.framework == .sif && !$0.name.lowercased().contains("provisional") }
    }

    @Test(.enabled(if: sifLayoutRegistered, "the SIF layout (extract-sif) is not registered on this branch"))
    func sifJudgementsTheIssueNames() throws {
        let judgements = try Fixtures.bundled("stoke-on-trent-SIF-2015.txt").inspection!.judgements
        func level(_ outcome: String) -> Level? { judgements.first { $0.outcome == outcome }?.level }
        #expect(level("overall-effectiveness") == .adequate)
        #expect(level("adoption") == .good)
        #expect(level("care-leavers") == .adequate)
        #expect(level("lscb") == .adequate)
    }
}

@Suite struct LayoutRecognitionTests {
    @Test func everyBundledReportIsReadByTheLayoutOfItsFramework() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 13)
        for name in names {
            let text = ReportText(path: name, text: try Fixtures.text(Fixtures.content.appendingPathComponent(name)))
            let framework = ReportExtractor().layout(for: text)?.framework
            let expected = name.contains("-APA-") ? Framework.apa : name.contains("-JAR-") ? .jar : nil
            if let expected {
                #expect(framework == expected, "\(name)")
            } else {
                #expect(framework != .apa && framework != .jar, "\(name) is no APA letter or joint area review")
            }
        }
    }
}

@Suite struct CitedFrameworkTests {
    @Test func aLaterReportCitingAnEarlierFrameworkIsNotReadAsIt() {
        let text = ReportText(path: "x.txt", text: """
        Inspection of services for children in need of help and protection, children looked after and care leavers

        The last joint area review, in 2008, judged safeguarding to be adequate. The annual performance
        assessment of 2009 judged the council's services to be good.
        """)
        #expect(ReportExtractor().layout(for: text)?.framework != .apa)
        #expect(ReportExtractor().layout(for: text)?.framework != .jar)
    }
}
