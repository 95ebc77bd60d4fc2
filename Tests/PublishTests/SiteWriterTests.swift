import Foundation
import Testing
@testable import Publish
import Site

@Suite struct SiteWriterTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func replacesTheOutputWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try SiteWriter(output: output).write([OutputFile(path: "old/index.html", text: "old")])
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "new")])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
    }

    /// The last: "/" with a combining mark after it is one Character, not a "/" of its own, but the file
    /// system splits the path there all the same.
    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "./x", "x/", "a\\b", "a/\u{0}b", "../\u{301}escape.html"])
    func refusesPathsOutsideTheOutput(path: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "previous")])
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter(output: output).write([OutputFile(path: "fine.html", text: "x"), OutputFile(path: path, text: "x")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
    }
}

@Suite struct StagingFolderTests {
    /// A kept file's folder is what `NSString` would give, for the relative paths a site holds.
    @Test func aFileFolderIsAllBeforeItsLastSlash() {
        for path in ["index.html", "inspections/x/index.html", "a/b", "assets/site.css", "é/ü.html"] {
            #expect(SiteStaging.folder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }
}

@Suite struct JudgementExportTests {
    @Test func csvQuotesAndDefusesFormulas() {
        #expect(JudgementExport.field("plain") == "plain")
        #expect(JudgementExport.field("a, b") == "\"a, b\"")
        #expect(JudgementExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(JudgementExport.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
    }

    @Test func csvHasTheAgreedHeaderAndOneRowPerJudgement() {
        let judgement = Judgement(
            outcome: "staying-safe", wording: "Staying safe", grade: "1", level: .inadequate, basis: .gradeLine,
            source: SourcePosition(file: "a.txt", line: 45))
        let inspection = Inspection(
            id: "x-apa-2007", authority: AuthorityName(name: "X", slug: "x"), framework: .apa, title: "APA",
            letterDate: PartialDate(year: 2007, month: 11, day: 26), judgements: [judgement], sourceFile: "a.txt")
        let site = SiteModel(inspections: [inspection], vocabulary: .builtIn)
        let lines = JudgementExport.csv(site).components(separatedBy: "\r\n")
        #expect(lines[0] == "authority,authority_slug,framework,inspection_date,outcome,judgement,grade,level,source_file,source_line")
        #expect(lines[1] == "X,x,APA,2007-11-26,staying-safe,Staying safe,1,1,a.txt,45")
        #expect(lines.count == 3 && lines[2].isEmpty)
    }
}
