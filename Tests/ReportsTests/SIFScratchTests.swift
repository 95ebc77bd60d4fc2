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
