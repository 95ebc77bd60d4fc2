import Foundation
import Testing
@testable import Reports
import Site

@Suite struct SIFScratchTests {
    @Test func dump() throws {
        guard let file = ProcessInfo.processInfo.environment["SIF_DUMP"] else { return }
        let text = ReportText(path: file, text: try SIFFixtures.content(file))
        let framework: Site.Framework = file.contains("ILACS") ? .ilacs : .sif
        let found = GradedStructureReader(framework: framework, vocabulary: .builtIn, text: text).read()
        let prose = ReportProse(text, from: (found.frontTableEnd ?? 0) + 1, headings: found.headings)
        var out = "width \(ReportProse.typicalWidth(of: text))\n"
        for p in prose.paragraphs { out += "\(p.line) \(p.isHeading ? "H" : p.isItem ? "I" : "P") \(p.text.prefix(100))\n" }
        for r in prose.recommendations(file: file) { out += "R \(r.source.line) [\(r.context ?? "")] \(r.text.prefix(80))\n" }
        try out.write(toFile: "/tmp/sif-dump.txt", atomically: true, encoding: .utf8)
    }
}
@Suite struct SIFScratch2Tests {
    @Test func dumpFixture() throws {
        guard let file = ProcessInfo.processInfo.environment["SIF_FIX"] else { return }
        let e = SIFFixtures.extract(try SIFFixtures.fixture(file), path: file)
        var out = "\(String(describing: e.inspection?.framework))\n"
        for s in e.inspection?.sections ?? [] { out += "## \(s.startLine) \(s.heading)\n"; for p in s.paragraphs { out += "  \(p.prefix(90))\n" } }
        for r in e.inspection?.recommendations ?? [] { out += "R \(r.text)\n" }
        let text = ReportText(path: file, text: try SIFFixtures.fixture(file))
        let reader = GradedStructureReader(framework: e.inspection!.framework, vocabulary: .builtIn, text: text)
        for f in reader.rows(in: GradedStructureReader.cells(of: text)) { out += "ROW \(f.judgement.source.line)-\(f.lastLine) \(f.judgement.outcome) \(f.judgement.wording)\n" }
        out += "END \(String(describing: reader.read().frontTableEnd))\n"
        for d in e.diagnostics { out += "D \(d)\n" }
        try out.write(toFile: "/tmp/sif-fix.txt", atomically: true, encoding: .utf8)
    }
}
