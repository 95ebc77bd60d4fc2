import Foundation
import Testing
@testable import Publish
import Site

@Suite struct SiteWriterSafetyTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-writer-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test func everySiteCarriesTheMarkerAndOnlyMarkedFoldersAreReplaced() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "one")])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.marker.path).path))
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "two")])
        #expect(try text(output.appendingPathComponent("index.html")) == "two")

        let foreign = folder.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: foreign.appendingPathComponent("letter.txt"))
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: foreign).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(try text(foreign.appendingPathComponent("letter.txt")) == "keep")
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter(output: folder).write([OutputFile(path: SiteWriter.marker.path, text: "forged")])
        }
    }

    @Test(arguments: [["a/index.html", "a/index.html"], ["Authorities/x.html", "authorities/x.html"]])
    func filesThatWouldCollideStopTheBuild(paths: [String]) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "previous")])
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: output).write(paths.map { OutputFile(path: $0, text: $0) }) }
        #expect(try text(output.appendingPathComponent("index.html")) == "previous")
    }

    @Test func aStaleStagingFolderIsRemovedAndAnInterruptedSwapIsUndone() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: folder.appendingPathComponent("Public"))
        try writer.write([OutputFile(path: "index.html", text: "previous")])
        // As a build killed between the two renames of the fallback swap leaves it: no output, the old
        // site aside, a half-written staging folder.
        try FileManager.default.moveItem(at: writer.output, to: writer.retired)
        try FileManager.default.createDirectory(at: writer.staging.appendingPathComponent("half"), withIntermediateDirectories: true)
        writer.recoverInterruptedSwap()
        #expect(try text(writer.output.appendingPathComponent("index.html")) == "previous")
        try writer.write([OutputFile(path: "index.html", text: "next")])
        #expect(try text(writer.output.appendingPathComponent("index.html")) == "next")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
    }

    @Test func concurrentWritersNeverMixTheirSites() async throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        let sites = ["A", "B", "C", "D"].map { name in (0..<200).map { OutputFile(path: "pages/\($0).html", text: name) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for site in sites { group.addTask { try SiteWriter(output: output).write(site) } }
            try await group.waitForAll()
        }
        let letters = Set(try (0..<200).map { try text(output.appendingPathComponent("pages/\($0).html")) })
        #expect(letters.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
    }

    #if os(Linux)
    @Test func foldersAreSwappedInOneStep() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for (url, name) in [(a, "A"), (b, "B")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(name.utf8).write(to: url.appendingPathComponent("name"))
        }
        #expect(SiteWriter.exchange(a, b))
        #expect(try text(a.appendingPathComponent("name")) == "B")
        #expect(try text(b.appendingPathComponent("name")) == "A")
    }
    #endif
}
