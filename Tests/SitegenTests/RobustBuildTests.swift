import Corpus
import Foundation
import Testing
@testable import Pipeline
import Publish
import Site

@Suite struct RobustBuildTests {
    @Test func twoFilesOfOneInspectionPublishOneAndNameBoth() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: RobustScratch.bundled("stockport-APA-2006.txt"), to: scratch.content.appendingPathComponent("copy-of-stockport.txt"))
        let summary = try await scratch.build()
        #expect(summary.inspections == 1)
        let warnings = summary.diagnostics.filter { $0.message.contains("the same inspection as") }
        #expect(warnings.map(\.description) == [
            "stockport-APA-2006.txt: warning: the same inspection as copy-of-stockport.txt (both read as stockport-apa-2006); copy-of-stockport.txt is published and this file is not",
        ])
    }

    func inspection(_ file: String, id: String = "x-apa-2007", date: PartialDate?, judgements: Int = 0) -> Inspection {
        let judgement = Judgement(outcome: "staying-safe", wording: "Staying safe", grade: "2", level: .adequate, basis: .gradeLine, source: SourcePosition(file: file, line: 1))
        return Inspection(id: id, authority: AuthorityName(name: "X", slug: "x"), framework: .apa, title: "t", letterDate: date,
                          judgements: Array(repeating: judgement, count: judgements), sourceFile: file)
    }

    /// `resolve` keeps, renames and orders inspections as grouping all of them by id does
    /// (`resolveByGroups`), with the same diagnostics: ids shared or not, copies, dates that conflict or
    /// not, files in any order, authorities sharing a page.
    @Test func inspectionsAreResolvedAsGroupingWouldResolveThem() {
        var random = SplitMix64(seed: 5)
        let dates: [PartialDate?] = [nil, PartialDate(year: 2007), PartialDate(year: 2007, month: 3), PartialDate(year: 2007, month: 11),
                                     PartialDate(year: 2007, month: 11, day: 26), PartialDate(year: 2008)]
        for round in 0..<600 {
            // Half the rounds with files that share names (and one authority name, whose page warning
            // would otherwise name whichever file a dictionary gives first).
            let sharedFiles = round % 2 == 1
            let inspections = (0..<Int.random(in: 0...14, using: &random)).map { number in
                let file = sharedFiles ? "\(Int.random(in: 0...3, using: &random)).txt" : "\(Int.random(in: 0...99, using: &random))-\(number).txt"
                var made = inspection(file, id: "x-\(Int.random(in: 0...4, using: &random))",
                                      date: dates.randomElement(using: &random)!, judgements: Int.random(in: 0...2, using: &random))
                if !sharedFiles, Bool.random(using: &random) { made.authority = AuthorityName(name: "Ex", slug: "x") }
                return made
            }.shuffled(using: &random)
            let fast = DuplicateInspections.resolve(inspections), grouped = DuplicateInspections.resolveByGroups(inspections)
            #expect(fast.inspections == grouped.inspections && fast.diagnostics == grouped.diagnostics)
        }
    }

    @Test func copiesAreDroppedButInspectionsThatOnlyShareAnIDAreKept() {
        let (kept, diagnostics) = DuplicateInspections.resolve([
            inspection("c.txt", date: PartialDate(year: 2007, month: 11)),
            inspection("a.txt", date: PartialDate(year: 2007, month: 11, day: 26)),
            inspection("b.txt", date: PartialDate(year: 2007, month: 3), judgements: 2),
            inspection("d.txt", id: "y-apa-2007", date: nil),
        ])
        #expect(kept.map(\.sourceFile) == ["a.txt", "b.txt", "d.txt"])
        #expect(kept.map(\.id) == ["x-apa-2007-2", "x-apa-2007", "y-apa-2007"])
        #expect(diagnostics.map(\.description) == [
            "c.txt: warning: the same inspection as a.txt (both read as x-apa-2007); a.txt is published and this file is not",
            "a.txt: note: another inspection with other dates also reads as x-apa-2007 (b.txt); this one is published as x-apa-2007-2",
        ])
    }

    @Test func namesThatShareAnAuthorityPageAreReported() {
        var first = inspection("a.txt", id: "x-apa-2007", date: nil)
        var second = inspection("b.txt", id: "x-sif-2015", date: nil)
        first.authority = AuthorityName(name: "Bath & Wells", slug: "bath-and-wells")
        second.authority = AuthorityName(name: "Bath and Wells", slug: "bath-and-wells")
        #expect(DuplicateInspections.resolve([second, first]).diagnostics.map(\.description) == [
            "b.txt: warning: authority \"Bath and Wells\" has the same page (authorities/bath-and-wells/) as \"Bath & Wells\" in a.txt; their inspections are published together (a sidecar can name the authority)",
        ])
    }

    @Test(arguments: [
        (Framework.apa, "Grade 7", nil as Level?, true), (.apa, "7", nil, true), (.apa, "0", .inadequate, true),
        (.apa, "Grade 2", .adequate, false), (.apa, "", nil, false), (.sif, "3", .good, true),
        (.sif, "Requires improvement to be good", .adequate, false), (.sif, "Excellent", .outstanding, true),
        (.visit, "good", .good, true), (.visit, "good", nil, false),
    ])
    func gradesOutsideTheScaleLoseTheirLevel(framework: Framework, grade: String, level: Level?, flagged: Bool) {
        let judgement = Judgement(outcome: "staying-safe", wording: "Staying safe", grade: grade, level: level, basis: .gradeLine, source: SourcePosition(file: "r.txt", line: 9))
        let inspection = Inspection(id: "i", authority: AuthorityName(name: "X", slug: "x"), framework: framework, title: "t", judgements: [judgement], sourceFile: "r.txt")
        let (reviewed, diagnostics) = GradeScaleCheck.review([inspection])
        #expect(reviewed[0].judgements[0].grade == grade)
        #expect(reviewed[0].judgements[0].level == (flagged ? nil : level))
        #expect(diagnostics.count == (flagged ? 1 : 0))
        if flagged { #expect(diagnostics[0].description.hasPrefix("r.txt:9: warning: grade \"\(grade)\" for \"Staying safe\"")) }
    }

    @Test func truncatedAndUnknownReportsArePublishedWithAWarning() async throws {
        let scratch = try RobustScratch(reports: [])
        defer { scratch.remove() }
        let full = try String(contentsOf: RobustScratch.bundled("stoke-on-trent-APA-2007.txt"), encoding: .utf8)
        try scratch.write(String(full.prefix(full.count / 3)), to: "Content/stoke-on-trent-APA-2007.txt")
        try scratch.write("Minutes of a meeting\n\nNothing here is an inspection report.\n", to: "Content/minutes.txt")
        let summary = try await scratch.build()
        #expect(summary.inspections == 2)
        #expect(summary.diagnostics.contains { $0.file == "minutes.txt" && $0.severity == .warning && $0.message.hasPrefix("layout not known") })
        #expect(FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("inspections/minutes-unknown-undated/index.html").path))
    }

    /// Inputs that once crashed the reader under the fuzzer (`Tests/Fuzz/regressions/`) build without a crash.
    @Test func pastFuzzCrashesBuild() async throws {
        let scratch = try RobustScratch(reports: [])
        defer { scratch.remove() }
        let regressions = RobustScratch.repository.appendingPathComponent("Tests/Fuzz/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: regressions.path).sorted()
        #expect(names.count >= 2)
        for name in names {
            try FileManager.default.copyItem(at: regressions.appendingPathComponent(name), to: scratch.content.appendingPathComponent(name))
        }
        #expect(try await scratch.build().inspections == names.count)
    }

    @Test func strictModeFailsOnAWarningAndPublishesNothing() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        _ = try await scratch.build()
        let before = RobustScratch.tree(scratch.output)
        try scratch.write(Data([0x00, 0x01]), to: "Content/broken.txt")
        await #expect(throws: Never.self) { try await scratch.build(output: scratch.folder.appendingPathComponent("Lenient")) }
        do {
            _ = try await scratch.build(strict: true)
            Issue.record("a strict build with an error published")
        } catch {
            #expect(error.kind == .strict)
            #expect(error.diagnostics.contains { $0.file == "broken.txt" && $0.severity == .error })
        }
        #expect(RobustScratch.tree(scratch.output) == before)
        #expect(SiteBuild.strictFailure([Diagnostic(.note, file: "a.txt", "CRLF")]) == nil)
    }

    @Test func outputFoldersThatMustNotBeReplacedAreRefused() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try scratch.write("mine", to: "Documents/letter.txt")
        try scratch.write("a file", to: "plain-file")
        let refused: [(URL, String)] = [
            (scratch.content, "content folder"), (scratch.templates, "templates folder"),
            (URL(fileURLWithPath: "/"), "root folder"), (scratch.folder, "holds the content folder"),
            (scratch.content.appendingPathComponent("site"), "inside the content folder"),
            (scratch.templates.appendingPathComponent("../Templates/assets"), "inside the templates folder"),
            (scratch.folder.appendingPathComponent("Documents"), "files that sitegen did not write"),
            (scratch.folder.appendingPathComponent("plain-file"), "a file, not a folder"),
        ]
        for (output, reason) in refused {
            do {
                _ = try await scratch.build(output: output)
                Issue.record("built into \(output.path)")
            } catch {
                #expect(error.kind == .refusedFolder)
                #expect(error.message.contains(reason), "\(error.message)")
            }
        }
        let missing = SiteBuild.Options(content: scratch.folder.appendingPathComponent("Contnet"), templates: scratch.templates, output: scratch.output)
        await #expect(throws: SiteBuild.Failure.self) { try await SiteBuild(options: missing).run() }
        let home = FolderGuard(output: scratch.folder.appendingPathComponent("Documents/.."), inputs: [], home: scratch.folder)
        #expect(throws: FolderGuard.Refusal(message: "refusing to use the home folder \(scratch.folder.path)/Documents/.. as the output folder")) { try home.check() }
        #expect(RobustScratch.tree(scratch.content).count == 1)
        #expect(RobustScratch.tree(scratch.folder.appendingPathComponent("Documents")) == ["letter.txt": Data("mine".utf8)])
    }

    @Test func templateErrorsNameTheFileAndLineAndKeepThePreviousSite() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        _ = try await scratch.build()
        let before = RobustScratch.tree(scratch.output)
        try scratch.write("# {{title}}\n\n{{#sections}}\n### {{heading}}\n", to: "Templates/inspection.md.mustache")
        let syntax = await #expect(throws: SiteBuild.Failure.self) { try await scratch.build() }
        #expect(syntax?.message.contains("Templates/inspection.md.mustache:") == true, "\(syntax?.message ?? "")")
        #expect(syntax?.kind == .failed)
        try FileManager.default.removeItem(at: scratch.templates.appendingPathComponent("inspection.md.mustache"))
        let missing = await #expect(throws: SiteBuild.Failure.self) { try await scratch.build() }
        #expect(missing?.message.hasSuffix("Templates/inspection.md.mustache: error: required template is missing") == true, "\(missing?.message ?? "")")
        #expect(RobustScratch.tree(scratch.output) == before)
    }

    @Test func anOutputFolderThatCannotBeWrittenFailsCleanly() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try scratch.write("a file", to: "not-a-folder")
        do {
            _ = try await scratch.build(output: scratch.folder.appendingPathComponent("not-a-folder/Public"))
            Issue.record("built below a file")
        } catch {
            #expect(error.kind == .failed)
            #expect(error.message.contains("cannot create the staging folder"), "\(error.message)")
        }
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let scratch = try RobustScratch(reports: try FileManager.default.contentsOfDirectory(atPath: RobustScratch.repository.appendingPathComponent("Content").path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".json") })
        defer { scratch.remove() }
        let second = scratch.folder.appendingPathComponent("Second")
        _ = try await scratch.build()
        _ = try await scratch.build(output: second)
        let first = RobustScratch.tree(scratch.output)
        #expect(first.count > 20)
        #expect(first == RobustScratch.tree(second))
    }

    @Test func reportTextReachesThePageOnlyAsTextOrAllowedFormatting() async throws {
        let scratch = try RobustScratch(reports: [])
        defer { scratch.remove() }
        try scratch.write("""
            Hostile report

            <script>alert("x")</script> and <img src=x onerror=alert(1)> and <b onclick="y">bold</b> H<sub>2</sub>O

            [click](javascript:alert(1)) <a href="data:text/html,hi">data</a> <javascript:alert(2)>
            """, to: "Content/hostile.txt")
        try scratch.write("{\"authority\": \"<script>x</script>\", \"title\": \"<img src=x onerror=y>\"}", to: "Content/hostile.json")
        _ = try await scratch.build()
        let pages = RobustScratch.tree(scratch.output).filter { $0.key.hasSuffix(".html") }
        let page = try #require(pages.first { $0.key.hasPrefix("inspections/") }.flatMap { String(data: $0.value, encoding: .utf8) })
        #expect(page.contains("<b>bold</b> H<sub>2</sub>O"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("onclick="), "\(path)")
            #expect(html.matches(of: /href="\s*(javascript|data):/).isEmpty, "\(path)")
        }
        #expect(pages.keys.allSatisfy { !$0.contains("..") && !$0.contains("<") })
    }
}
