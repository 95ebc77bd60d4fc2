import Foundation
import Testing
@testable import Pipeline
import Publish
import Site

/// Incremental builds: what a rebuild rewrites, and that it always equals a cold build byte for byte.
@Suite struct CacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let reports = [
        "stoke-on-trent-APA-2007.txt", "staffordshire-APA-2006.txt", "stockport-APA-2006.txt",
        "stoke-on-trent-JAR-2006.txt", "stoke-on-trent-JAR-2006.json", "north-yorkshire-ILACS-2018.txt",
    ]

    /// A content folder, a templates folder, an output folder and a cache folder in a temporary place.
    struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cache-\(UUID().uuidString)")
        var content: URL { folder.appendingPathComponent("Content") }
        var templates: URL { folder.appendingPathComponent("Templates") }
        var output: URL { folder.appendingPathComponent("site/Public") }
        var cache: URL { folder.appendingPathComponent("cache") }

        init() throws {
            let manager = FileManager.default
            try manager.createDirectory(at: content, withIntermediateDirectories: true)
            for name in CacheTests.reports {
                try manager.copyItem(at: CacheTests.root.appendingPathComponent("Content/\(name)"), to: content.appendingPathComponent(name))
            }
            try manager.copyItem(at: CacheTests.root.appendingPathComponent("Templates"), to: templates)
        }

        func build(cached: Bool = true, into output: URL? = nil) async throws -> SiteBuild.Summary {
            try await SiteBuild(options: .init(
                content: content, templates: templates, output: output ?? self.output, cache: cached ? cache : nil)).run()
        }

        /// The incremental output must equal a cold build of the same input, file for file.
        func expectSameAsColdBuild(sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let cold = folder.appendingPathComponent("cold/Public")
            _ = try await build(cached: false, into: cold)
            let incremental = try CacheTests.files(in: output)
            let expected = try CacheTests.files(in: cold)
            #expect(incremental.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
            for (path, bytes) in expected where incremental[path] != bytes {
                Issue.record("\(path) differs from the cold build", sourceLocation: sourceLocation)
            }
            try FileManager.default.removeItem(at: cold.deletingLastPathComponent())
        }

        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(name)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Every file below `folder`, by relative path; empty folders are listed with no bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                if try FileManager.default.contentsOfDirectory(atPath: url.path).isEmpty { files[path + "/"] = Data() }
            } else {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static func inodes(in folder: URL) throws -> [String: UInt64] {
        try files(in: folder).keys.reduce(into: [:]) { $0[$1] = FileStatus(of: folder.appendingPathComponent($1))?.inode }
    }

    @Test func aRebuildWithNothingChangedWritesNothing() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let cold = try await workspace.build()
        #expect(cold.filesWritten > 10)
        #expect(cold.reportsExtracted == 5)
        let before = try Self.inodes(in: workspace.output)
        let again = try await workspace.build()
        #expect(again.filesWritten == 0)
        #expect(again.filesKept == cold.filesWritten)
        #expect(again.reportsExtracted == 0)
        #expect(again.diagnostics == cold.diagnostics)
        #expect(try Self.inodes(in: workspace.output) == before)
        try await workspace.expectSameAsColdBuild()
    }

    @Test func filesOlderThanTheStatMarginAreCheckedByStatAlone() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let cold = try await workspace.build()
        try await Task.sleep(for: .nanoseconds(SiteBuild.statMargin + 100_000_000))
        _ = try await workspace.build()  // the files' times are now old enough to be trusted
        let quick = try await workspace.build()
        #expect(quick.filesWritten == 0)
        #expect(quick.reportsRead == cold.reportsRead)
        #expect(quick.inspections == cold.inspections)
        #expect(quick.diagnostics == cold.diagnostics)
        try Data("edited by hand".utf8).write(to: workspace.output.appendingPathComponent("index.html"))
        #expect(try await workspace.build().filesWritten == 1)
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA later note.\n" }
        let edited = try await workspace.build()
        #expect(edited.reportsExtracted == 1)
        try await workspace.expectSameAsColdBuild()
    }

    @Test func aChangedParagraphRewritesOnlyThatInspectionsPage() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let cold = try await workspace.build()
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nThe council has since published an action plan.\n" }
        let summary = try await workspace.build()
        #expect(summary.reportsExtracted == 1)
        #expect(summary.filesWritten == 1)
        #expect(summary.filesKept == cold.filesWritten - 1)
        try await workspace.expectSameAsColdBuild()
    }

    /// A rebuild whose reports' summaries are unchanged takes every page's identity from the manifest and
    /// plans only the changed report's page; a page edited by hand at the same time still needs the whole
    /// plan, and gets it.
    @Test func aChangedParagraphAndAPageEditedByHandAreBothRewritten() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try await workspace.build()
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nThe council has since published an action plan.\n" }
        try Data("edited by hand".utf8).write(to: workspace.output.appendingPathComponent("authorities/stockport/index.html"))
        let summary = try await workspace.build()
        #expect(summary.reportsExtracted == 1)
        #expect(summary.filesWritten == 2)
        try await workspace.expectSameAsColdBuild()
        // Again with the paragraph alone, now against a manifest written by a build that reused it.
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nAnd a second paragraph.\n" }
        let again = try await workspace.build()
        #expect(again.filesWritten == 1)
        try await workspace.expectSameAsColdBuild()
    }

    /// A cold build with a cache leaves its output's files linked into the standby folder beside it, for
    /// the first rebuild to start from (rather than making every folder again); without a cache it
    /// leaves none.
    @Test func aColdBuildLeavesALinkedStandbyForTheFirstRebuild() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let standby = SiteWriter(output: workspace.output).previousOutput
        _ = try await workspace.build(cached: false)
        #expect(!FileManager.default.fileExists(atPath: standby.path))
        try FileManager.default.removeItem(at: workspace.output)
        let cold = try await workspace.build()
        // Every file but the marker that says the folder is sitegen's, which each build writes anew.
        var output = try Self.files(in: workspace.output)
        #expect(output.removeValue(forKey: SiteWriter.marker.path) != nil)
        #expect(try Self.files(in: standby) == output)
        #expect(output.count == cold.filesWritten)
        // The files were linked into the standby as they were written, in a folder of its own that became
        // the standby at the swap.
        let linking = workspace.output.deletingLastPathComponent().appendingPathComponent(".\(workspace.output.lastPathComponent).standby")
        #expect(!FileManager.default.fileExists(atPath: linking.path))
        for path in output.keys where !path.hasSuffix("/") {
            let inOutput = try #require(FileStatus(of: workspace.output.appendingPathComponent(path)))
            #expect(FileStatus(of: standby.appendingPathComponent(path))?.inode == inOutput.inode, "\(path)")
        }
        // The first rebuild starts from it: the page that changed is written anew (never through a link
        // into the live output), and afterwards the standby holds the site as it was.
        let page = workspace.output.appendingPathComponent("inspections/stockport-apa-2006/index.html")
        let before = try Data(contentsOf: page)
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nThe council has since published an action plan.\n" }
        let rebuild = try await workspace.build()
        #expect(rebuild.filesWritten == 1)
        #expect(try Data(contentsOf: page) != before)
        #expect(try Data(contentsOf: standby.appendingPathComponent("inspections/stockport-apa-2006/index.html")) == before)
        try await workspace.expectSameAsColdBuild()
    }

    /// Deleting the output by hand leaves the standby beside it. The next build, with the cache or
    /// without, must publish the whole site again, not take the standby (which holds no marker, so the
    /// output would be refused as a folder sitegen did not write) for a site moved aside by an interrupted
    /// swap and put it in the output's place.
    @Test(arguments: [true, false])
    func anOutputDeletedByHandIsBuiltAgainBesideItsStandby(keepingCache: Bool) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let standby = SiteWriter(output: workspace.output).previousOutput
        _ = try await workspace.build()
        #expect(FileManager.default.fileExists(atPath: standby.path))
        try FileManager.default.removeItem(at: workspace.output)
        if !keepingCache { try FileManager.default.removeItem(at: workspace.cache) }
        let again = try await workspace.build()
        #expect(again.filesWritten > 0)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(SiteWriter.marker.path).path))
        try await workspace.expectSameAsColdBuild()
        // And the rebuild after it starts from the standby that build left.
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA later note.\n" }
        #expect(try await workspace.build().filesWritten == 1)
        try await workspace.expectSameAsColdBuild()
    }

    /// The standby a cold build leaves may lose folders by hand too: they are made again.
    @Test func aFolderDeletedFromTheColdBuildsStandbyIsMadeAgain() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try await workspace.build()
        let standby = SiteWriter(output: workspace.output).previousOutput
        try FileManager.default.removeItem(at: standby.appendingPathComponent("authorities"))
        try FileManager.default.removeItem(at: standby.appendingPathComponent("inspections/stockport-apa-2006"))
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA later note.\n" }
        let summary = try await workspace.build()
        #expect(summary.filesWritten == 1)
        try await workspace.expectSameAsColdBuild()
    }

    /// The previous output becomes the next staging folder, and its folders are taken as present; one
    /// deleted by hand from it is made again.
    @Test func aFolderDeletedFromThePreviousOutputIsMadeAgain() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try await workspace.build()
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA first later note.\n" }
        _ = try await workspace.build()  // the output before this one is now kept beside it
        let previous = SiteWriter(output: workspace.output).previousOutput
        let folders = try FileManager.default.contentsOfDirectory(atPath: previous.appendingPathComponent("inspections").path)
        for folder in folders { try FileManager.default.removeItem(at: previous.appendingPathComponent("inspections").appendingPathComponent(folder)) }
        try FileManager.default.removeItem(at: previous.appendingPathComponent("authorities"))
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA second later note.\n" }
        let summary = try await workspace.build()
        #expect(summary.filesWritten >= 1)
        try await workspace.expectSameAsColdBuild()
    }

    @Test func aChangedGradeRewritesEveryPageThatShowsIt() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try await workspace.build()
        let before = try Self.files(in: workspace.output)
        try workspace.edit("stoke-on-trent-APA-2007.txt") { $0.replacingOccurrences(of: "Grade 1", with: "Grade 3") }
        let summary = try await workspace.build()
        let after = try Self.files(in: workspace.output)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(summary.filesWritten == changed.count)
        #expect(changed.contains("data/judgements.csv"))
        #expect(changed.contains { $0.hasPrefix("inspections/stoke-on-trent-apa-2007") })
        try await workspace.expectSameAsColdBuild()
    }

    @Test func changedTemplatesSidecarsAndRemovedReportsNeverLeaveStalePages() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try await workspace.build()
        // Several incremental builds in a row, each starting from the output the one before kept.
        let template = workspace.templates.appendingPathComponent("inspection.md.mustache")
        try Data((try String(contentsOf: template, encoding: .utf8) + "\nRead with care.\n").utf8).write(to: template)
        let afterTemplate = try await workspace.build()
        #expect(afterTemplate.filesWritten >= 5)
        #expect(afterTemplate.reportsExtracted == 0)
        try await workspace.expectSameAsColdBuild()

        let sidecar = workspace.content.appendingPathComponent("stoke-on-trent-JAR-2006.json")
        let json = try String(contentsOf: sidecar, encoding: .utf8)
        try Data(json.replacingOccurrences(of: "\"publication_date\"", with: "\"title\": \"A retitled review\", \"publication_date\"").utf8).write(to: sidecar)
        let afterSidecar = try await workspace.build()
        #expect(afterSidecar.reportsExtracted == 1)
        #expect(try String(contentsOf: workspace.output.appendingPathComponent("inspections/stoke-on-trent-jar-2006/index.html"), encoding: .utf8).contains("A retitled review"))
        try await workspace.expectSameAsColdBuild()

        try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("staffordshire-APA-2006.txt"))
        _ = try await workspace.build()
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("inspections/staffordshire-apa-2006").path))
        try await workspace.expectSameAsColdBuild()

        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA later note.\n" }
        _ = try await workspace.build()
        try await workspace.expectSameAsColdBuild()
    }

    @Test func anOutputFileChangedByHandOrADeletedCacheIsRebuilt() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let cold = try await workspace.build()
        try Data("edited by hand".utf8).write(to: workspace.output.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: workspace.output.appendingPathComponent("data/judgements.json"))
        let repaired = try await workspace.build()
        #expect(repaired.filesWritten == 3)  // the home page and both data files, which are written together
        try await workspace.expectSameAsColdBuild()

        try FileManager.default.removeItem(at: workspace.cache)
        let afresh = try await workspace.build()
        #expect(afresh.filesWritten == cold.filesWritten)
        #expect(afresh.reportsExtracted == 5)
        try await workspace.expectSameAsColdBuild()
    }

    /// The summaries are one pack file beside the manifest, which a changed summary is added to; a pack
    /// that is not the manifest's (cut short, or another build's) costs extraction, never a wrong page.
    @Test func summariesLiveInOnePackThatAnotherPackCannotFool() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let manager = FileManager.default
        _ = try await workspace.build()
        let packs = { try manager.contentsOfDirectory(atPath: workspace.cache.path).filter { $0.hasSuffix(".pack") } }
        let first = try packs()
        #expect(first.count == 1)
        #expect(try manager.contentsOfDirectory(atPath: workspace.cache.path).sorted() == (["manifest.bin"] + first).sorted())
        let pack = workspace.cache.appendingPathComponent(first[0])
        let coldBytes = try Data(contentsOf: pack)
        try workspace.edit("stoke-on-trent-APA-2007.txt") { $0.replacingOccurrences(of: "Grade 1", with: "Grade 3") }
        let edited = try await workspace.build()
        #expect(edited.reportsExtracted == 1)
        #expect(try packs() == first)
        let editedBytes = try Data(contentsOf: pack)
        #expect(editedBytes.count > coldBytes.count && editedBytes.prefix(coldBytes.count) == coldBytes)
        try await workspace.expectSameAsColdBuild()

        // The pack cut short: the summaries it no longer holds whole are extracted again.
        try editedBytes.prefix(coldBytes.count / 2).write(to: pack)
        try workspace.edit("staffordshire-APA-2006.txt") { $0 + "\nA later note.\n" }
        let cut = try await workspace.build()
        #expect(cut.reportsExtracted > 1 && cut.reportsExtracted < 5)
        try await workspace.expectSameAsColdBuild()

        // Another build's pack under this manifest's name: every summary fails its digest.
        let third = try packs()
        #expect(third.count == 1)
        var other = try [UInt8](Data(contentsOf: workspace.cache.appendingPathComponent(third[0])))
        other.reverse()
        try Data(other).write(to: workspace.cache.appendingPathComponent(third[0]))
        try workspace.edit("staffordshire-APA-2006.txt") { $0 + "\nAnother note.\n" }
        let fooled = try await workspace.build()
        #expect(fooled.reportsExtracted == 5)
        try await workspace.expectSameAsColdBuild()
        #expect(try packs().count == 1)
    }

    @Test func theCacheFolderMayNotLieInsideTheOutput() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        await #expect(throws: SiteBuild.Failure.self) {
            try await SiteBuild(options: .init(
                content: workspace.content, templates: workspace.templates, output: workspace.output,
                cache: workspace.output.appendingPathComponent("cache"))).run()
        }
    }

    @Test func theFingerprintChangesWithTheVocabularyAndTheTemplates() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let base = try BuildFingerprint(templates: workspace.templates, vocabulary: .builtIn, baseURL: nil)
        var vocabulary = OutcomeVocabulary.builtIn
        vocabulary.outcomes[0].title += " (renamed)"
        let renamed = try BuildFingerprint(templates: workspace.templates, vocabulary: vocabulary, baseURL: nil)
        #expect(renamed.extraction != base.extraction)
        #expect(renamed.rendering != base.rendering)
        try Data("body { color: black }".utf8).write(to: workspace.templates.appendingPathComponent("assets/site.css"))
        let restyled = try BuildFingerprint(templates: workspace.templates, vocabulary: .builtIn, baseURL: nil)
        #expect(restyled.extraction == base.extraction)
        #expect(restyled.rendering != base.rendering)
        #expect(try BuildFingerprint(templates: workspace.templates, vocabulary: .builtIn, baseURL: "https://example.org/").rendering != restyled.rendering)
    }

    @Test func stableHashIsXXH64() {
        // Reference values from the xxHash project's Python binding (`xxhash.xxh64`).
        #expect(StableHash.xxh64("") == 0xEF46_DB37_51D8_E999)
        #expect(StableHash.xxh64("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(StableHash.xxh64("abc") == 0x44BC_2CF5_AD77_0999)
        #expect(StableHash.xxh64("The quick brown fox jumps over the lazy dog") == 0x0B24_2D36_1FDA_71BC)
        #expect(StableHash.xxh64([UInt8](0..<100), seed: 7) == 0x8065_3E7E_9B88_7CDD)
        #expect(StableHash.xxh64("abc", seed: 7) == 0x9E75_5206_1566_76D7)
    }
}
