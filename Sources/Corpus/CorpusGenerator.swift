import Foundation
import Site

/// A synthetic corpus of inspection reports, for benchmarks: the same reports for the same seed.
///
/// Reports imitate the text layouts of the bundled reports (APA letters of 2006 and 2007, joint area
/// reviews, SIF and ILACS reports): their headings, grade lines, tables, page furniture and lengths
/// (about 13 to 125 KB). Every English authority of `AuthorityName.register` gets several inspections
/// between 2005 and 2025, each in the layout of its year, and only in years the authority existed.
public struct CorpusGenerator: Sendable {
    public var count: Int
    public var seed: UInt64

    public init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }

    /// Report `index` (0..<count). Each report has its own generator seeded from the corpus seed and the
    /// index, so reports can be made in any order, or in parallel, and are still the same.
    public func report(_ index: Int) -> GeneratedReport {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        let authorities = Self.authorities
        let authority = authorities[(index + Int(seed % UInt64(authorities.count))) % authorities.count]
        let layout = random.pick(CorpusLayout.allCases.filter { $0.years.contains(where: authority.existed) })
        let year = random.pick(layout.years.filter(authority.existed))
        var writer = ReportWriter(authority: authority.name, year: year, random: random)
        let text = writer.write(layout)
        let fileName = "\(authority.name.slug)-\(layout.framework.shortName)-\(year)-\(String(index, radix: 10)).txt"
        return GeneratedReport(
            fileName: fileName, authority: authority.name, layout: layout, year: year,
            title: writer.title, judgements: writer.judgements, text: text)
    }

    /// Writes every report into `folder` as `<authority>-<FRAMEWORK>-<year>-<index>.txt`.
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let report = report(index)
            try Data(report.text.utf8).write(to: folder.appendingPathComponent(report.fileName))
        }
    }

    struct RegisteredAuthority: Sendable {
        var name: AuthorityName
        var from: Int
        var until: Int

        func existed(in year: Int) -> Bool { (from...until).contains(year) }
    }

    /// The register with the years each authority had children's services (domain primer, section 4).
    static let authorities: [RegisteredAuthority] = {
        let changes: [String: ClosedRange<Int>] = [
            "bedfordshire": 2005...2008, "cheshire": 2005...2008,
            "bedford": 2009...2025, "central-bedfordshire": 2009...2025,
            "cheshire-east": 2009...2025, "cheshire-west-and-chester": 2009...2025,
            "bournemouth": 2005...2018, "poole": 2005...2018, "bournemouth-christchurch-and-poole": 2019...2025,
            "northamptonshire": 2005...2020, "north-northamptonshire": 2021...2025, "west-northamptonshire": 2021...2025,
            "cumbria": 2005...2022, "cumberland": 2023...2025, "westmorland-and-furness": 2023...2025,
        ]
        return AuthorityName.register.map { name in
            let years = changes[name.slug] ?? 2005...2025
            return RegisteredAuthority(name: name, from: years.lowerBound, until: years.upperBound)
        }
    }()
}

/// One generated report with the facts it was written from, so that a benchmark can build the same
/// site with another generator.
public struct GeneratedReport: Sendable, Equatable {
    public var fileName: String
    public var authority: AuthorityName
    public var layout: CorpusLayout
    public var year: Int
    public var title: String
    public var judgements: [GeneratedJudgement]
    public var text: String
}

public struct GeneratedJudgement: Sendable, Equatable {
    /// An outcome id of `OutcomeVocabulary.builtIn`.
    public var outcome: String
    /// The grade as the report writes it: `3`, `Good`, `Requires improvement to be good`.
    public var grade: String
    public var level: Level
}

/// The layouts the generator writes, after the bundled reports they imitate.
public enum CorpusLayout: String, Sendable, CaseIterable, Codable {
    /// An APA letter of 2005 or 2006 with a tab-separated summary table and ungraded outcomes (Staffordshire 2006).
    case apa2006
    /// An APA letter of 2007 or 2008 with a `Grade N` line under each heading (Stoke-on-Trent 2007).
    case apa2007
    /// A joint area review, hard-wrapped, with running headers and a flattened grades table (Stoke-on-Trent).
    case jar
    /// A single inspection framework report in Markdown with a judgement table (Stoke-on-Trent 2015).
    case sif
    /// An ILACS report as `pdftotext` gives it (North Yorkshire 2018, Lincolnshire 2023).
    case ilacs

    public var framework: Framework {
        switch self {
        case .apa2006, .apa2007: .apa
        case .jar: .jar
        case .sif: .sif
        case .ilacs: .ilacs
        }
    }

    var years: ClosedRange<Int> {
        switch self {
        case .apa2006: 2005...2006
        case .apa2007: 2007...2008
        case .jar: 2005...2008
        case .sif: 2013...2017
        case .ilacs: 2018...2025
        }
    }
}
