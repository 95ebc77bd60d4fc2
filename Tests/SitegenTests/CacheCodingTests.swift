import Corpus
import Foundation
import Testing
@testable import Pipeline
import Publish
import Reports
import Site

/// The hand-written coding of the cache's records against its definition, `CompactCoding` through
/// `Codable`: the same bytes for every summary and manifest, and the same value back.
@Suite struct CacheCodingTests {
    /// Summaries of the bundled reports, the test fixtures and a synthetic corpus in every layout, each
    /// with its full text (`sections`) and without, as the cache stores it; and made-up ones that fill
    /// every optional the reports leave empty.
    static func summaries() -> [BuildCache.Summary] {
        let root = CompactCodingTests.root
        var sources = ContentReader(folder: root.appendingPathComponent("Content")).read().sources
        sources += ContentReader(folder: root.appendingPathComponent("Tests/Fixtures/Reports")).read().sources
        let corpus = CorpusGenerator(count: 24, seed: 11)
        sources += (0..<corpus.count).map { corpus.report($0) }.map { ReportSource(path: $0.fileName, text: $0.text) }
        var summaries: [BuildCache.Summary] = []
        for source in sources {
            let extraction = ReportExtractor().extract(source)
            summaries.append(BuildCache.Summary(inspection: extraction.inspection, diagnostics: extraction.diagnostics))
            var withoutText = extraction.inspection
            withoutText?.sections = []
            summaries.append(BuildCache.Summary(inspection: withoutText, diagnostics: []))
        }
        let source = SourcePosition(file: "é/ü.txt", line: -3)
        let full = Inspection(
            id: "x", authority: AuthorityName(name: "Barking & Dagenham’s", slug: "b"), framework: .visit, title: "",
            letterDate: PartialDate(year: 2005), inspectionStart: PartialDate(year: 2024, month: 2, day: 29),
            inspectionEnd: PartialDate(year: 2200, month: 12), publicationDate: PartialDate(year: 1900, month: 1, day: 1),
            judgements: [
                Judgement(outcome: "o", wording: "w", grade: "g", level: nil, scope: "s \u{1F600}", basis: .gradeLine, source: source),
                Judgement(outcome: "", wording: "", grade: "", level: .outstanding, basis: .sidecar, source: source),
            ],
            recommendations: Recommendation.Timescale.allCases.map { Recommendation(text: "t\u{0}", timescale: $0, context: "c", source: source) },
            sections: [ReportSection(heading: "h", depth: 2, paragraphs: ["", "p\u{301}"], startLine: Int.max)],
            keyFacts: [KeyFact(label: "l", value: "v", source: SourcePosition(file: "", line: Int.min))],
            sourceFile: "f.txt", sidecarFields: ["title", "publication_date"], attribution: "© Crown copyright")
        summaries.append(BuildCache.Summary(inspection: full, diagnostics: [
            Diagnostic(.note, file: "a", line: 0, "m"), Diagnostic(.error, file: "", line: nil, ""),
        ]))
        summaries.append(BuildCache.Summary(inspection: nil, diagnostics: []))
        return summaries
    }

    @Test func theSameBytesAsCodableAndTheSameValueBack() throws {
        let summaries = Self.summaries()
        #expect(summaries.count > 100)
        // The corpus gives what the checks below need to mean something.
        #expect(summaries.contains { $0.inspection?.judgements.contains { $0.scope != nil } ?? false })
        #expect(summaries.contains { $0.inspection?.recommendations.contains { $0.context != nil } ?? false })
        #expect(summaries.contains { !($0.inspection?.keyFacts.isEmpty ?? true) })
        #expect(summaries.contains { $0.diagnostics.contains { $0.line != nil } })
        for summary in summaries {
            let bytes = CacheCoding.encode(summary)
            #expect(bytes == (try CompactCoding.encode(summary)))
            let decoded = try CacheCoding.decodeSummary(bytes)
            #expect(decoded.inspection == summary.inspection)
            #expect(decoded.diagnostics == summary.diagnostics)
            // The sections alone, as the build spills them between extraction and rendering.
            let sections = summary.inspection?.sections ?? []
            let spilled = SectionSpill.encode(sections)
            #expect(spilled == (try CompactCoding.encode(sections)))
            #expect(SectionSpill.decode(spilled) == sections)
            #expect(SectionSpill.decode(spilled + [0]) == nil)
            #expect(spilled.count < 5 || SectionSpill.decode(Array(spilled.dropLast())) == nil)
        }
    }

    @Test func damagedBytesAreRefusedNotMisread() throws {
        let summary = Self.summaries().first { !($0.inspection?.judgements.isEmpty ?? true) }!
        let bytes = CacheCoding.encode(summary)
        // Cut short anywhere, or with a byte left over.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeSummary(Array(bytes[..<length])) }
        }
        #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeSummary(bytes + [0]) }
        // An optional's tag other than 0 or 1, and a framework that is none.
        #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeSummary([2] + bytes.dropFirst()) }
        var framework = CacheCoding.Writer()
        framework.bytes.append(1)
        for text in ["id", "name", "slug", "no-such-framework"] { framework.string(text) }
        #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeSummary(framework.bytes + [UInt8](repeating: 0, count: 40)) }
        // A list longer than the bytes left (here the diagnostics, four billion of them) is refused before
        // room is made for it.
        #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeSummary([0, 0xFF, 0xFF, 0xFF, 0xFF, 0]) }
        // A date that cannot be (30 February).
        var date = CacheCoding.Writer()
        date.date(PartialDate(year: 2024, month: 2, day: 28)!)
        let february28 = date.bytes
        date = CacheCoding.Writer()
        date.int(2024)
        date.optional(2) { $0.int($1) }
        date.optional(30) { $0.int($1) }
        let read = february28.withUnsafeBufferPointer { bytes in
            var reader = CacheCoding.Reader(bytes: bytes)
            return try? reader.date()
        }
        #expect(read == PartialDate(year: 2024, month: 2, day: 28))
        date.bytes.withUnsafeBufferPointer { bytes in
            var reader = CacheCoding.Reader(bytes: bytes)
            #expect(throws: CompactCoding.Failure.self) { try reader.date() }
        }
    }

    /// Summaries are added to a pack as they come, found again where the manifest says, and a place that
    /// is outside the pack or whose bytes are not the ones added there is a miss, not an error. A later
    /// build adds after the bytes the pack had; when most of it is dead, its live summaries move to a new one.
    @Test func theCachePacksSummariesAndReadsThemBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        let summaries = Array(Self.summaries().prefix(4))
        let encoded = summaries.map { BuildCache.encode($0) }
        var manifest = BuildCache.Manifest(extraction: "x")
        let appender = try #require(cache.appender(continuing: manifest, loaded: nil))
        for (index, bytes) in encoded.enumerated() {
            manifest.reports["r\(index).txt"] = BuildCache.ReportEntry(
                source: nil, sidecar: nil, trusted: true, digest: "d\(index)", summary: try #require(appender.append(bytes, digest: StableHash.xxh64(bytes))))
        }
        manifest.reports["unreadable.txt"] = BuildCache.ReportEntry(source: nil, sidecar: nil, trusted: false, digest: "")
        #expect(appender.size == encoded.reduce(0) { $0 + $1.count })
        try cache.save(manifest, appender: appender)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["manifest.bin", appender.name])

        let loaded = cache.load(extraction: "x")
        #expect(loaded.pack == appender.name)
        #expect(loaded.reports == manifest.reports)
        let read = try #require(cache.pack(of: loaded))
        #expect(read.bytes == encoded.flatMap { $0 })
        for (index, summary) in summaries.enumerated() {
            let stored = try #require(BuildCache.summary(loaded.reports["r\(index).txt"]?.summary, in: read))
            #expect(stored.summary.inspection == summary.inspection)
            #expect(stored.summary.diagnostics == summary.diagnostics)
            #expect(stored.digest == StableHash.hex(StableHash.xxh64(encoded[index])))
        }
        #expect(BuildCache.summary(nil, in: read) == nil)
        #expect(BuildCache.summary(loaded.reports["r0.txt"]?.summary, in: nil) == nil)
        let first = try #require(loaded.reports["r0.txt"]?.summary)
        for outside in [
            BuildCache.PackedSummary(offset: read.bytes.count, length: 1, digest: first.digest),
            BuildCache.PackedSummary(offset: -1, length: first.length, digest: first.digest),
            BuildCache.PackedSummary(offset: 1, length: .max, digest: first.digest),
            BuildCache.PackedSummary(offset: first.offset, length: first.length, digest: first.digest ^ 1),
        ] {
            #expect(BuildCache.summary(outside, in: read) == nil)
        }
        // A pack altered in the second summary: that one is a miss, the others are still read.
        var altered = read.bytes
        let second = try #require(loaded.reports["r1.txt"]?.summary)
        altered[second.offset + second.length / 2] ^= 0xFF
        let alteredPack = BuildCache.Pack(bytes: altered)
        #expect(BuildCache.summary(second, in: alteredPack) == nil)
        #expect(BuildCache.summary(first, in: alteredPack) != nil)
        #expect(BuildCache.summary(loaded.reports["r2.txt"]?.summary, in: alteredPack) != nil)

        // One summary changed: added after the pack's bytes (anything beyond them cut off), the others
        // staying where they were, under the same name.
        try (Data(read.bytes) + Data(repeating: 0x2A, count: 100_000)).write(to: folder.appendingPathComponent(loaded.pack))
        var next = loaded
        let continued = try #require(cache.appender(continuing: loaded, loaded: read))
        #expect(continued.name == loaded.pack && continued.size == read.bytes.count)
        next.reports["r0.txt"]?.summary = try #require(continued.append(encoded[3], digest: StableHash.xxh64(encoded[3])))
        try cache.save(next, appender: continued)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["manifest.bin", loaded.pack])
        let grown = try #require(cache.pack(of: cache.load(extraction: "x")))
        #expect(grown.bytes == read.bytes + encoded[3])
        #expect(BuildCache.summary(next.reports["r0.txt"]?.summary, in: grown)?.summary.inspection == summaries[3].inspection)
        #expect(BuildCache.summary(next.reports["r1.txt"]?.summary, in: grown)?.summary.inspection == summaries[1].inspection)

        // Three of the four gone: more than half the pack is dead, so the live summary moves to a new
        // pack and the first is removed.
        var last = next
        for path in ["r0.txt", "r1.txt", "r2.txt"] { last.reports[path] = nil }
        let third = try #require(cache.appender(continuing: last, loaded: grown))
        try cache.save(last, appender: third)
        let compacted = cache.load(extraction: "x")
        #expect(compacted.pack != third.name)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["manifest.bin", compacted.pack])
        let moved = try #require(cache.pack(of: compacted))
        #expect(moved.bytes == encoded[3])
        #expect(BuildCache.summary(compacted.reports["r3.txt"]?.summary, in: moved)?.summary.inspection == summaries[3].inspection)
        // A previous pack that cannot be continued (here, gone): the new one starts with the bytes loaded
        // from it, so summaries read from there are found at the same places.
        var gone = compacted
        gone.pack = "summaries-0000000000000000.pack"
        let restarted = try #require(cache.appender(continuing: gone, loaded: moved))
        #expect(restarted.name != gone.pack && restarted.size == moved.bytes.count)
        #expect(restarted.read(try #require(compacted.reports["r3.txt"]?.summary)) == encoded[3])
        var other = compacted
        other.pack = ""
        #expect(cache.pack(of: other) == nil)
        other.pack = "../" + compacted.pack
        #expect(cache.pack(of: other) == nil)
    }

    /// Manifests of real builds (cold, after an edit, with a sidecar, with an unreadable report), and one
    /// with every optional filled and every collection non-empty.
    @Test func manifestsHaveTheSameBytesAsCodableAndComeBackWhole() async throws {
        let workspace = try CacheTests.Workspace()
        defer { workspace.remove() }
        var manifests: [[UInt8]] = []
        let file = workspace.cache.appendingPathComponent("manifest.bin")
        _ = try await workspace.build()
        manifests.append([UInt8](try Data(contentsOf: file)))
        try workspace.edit("stockport-APA-2006.txt") { $0 + "\nA later note.\n" }
        try Data([0xFF, 0xFE, 0x00]).write(to: workspace.content.appendingPathComponent("unreadable.txt"))
        _ = try await workspace.build()
        manifests.append([UInt8](try Data(contentsOf: file)))
        var full = try CacheCoding.decodeManifest(manifests[1])
        #expect(!full.reports.isEmpty && !full.outputs.isEmpty && !full.standby.isEmpty && !full.identities.isEmpty)
        #expect(full.reports.values.contains { $0.sidecar != nil })
        #expect(full.outcome?.diagnostics.contains { $0.line == nil } == true)
        full.outputFolder = .max
        full.standbyFolder = 0
        full.outcome?.diagnostics.append(Diagnostic(.note, file: "ü", line: -1, "\u{1F600}"))
        full.reports["naïve.txt"] = BuildCache.ReportEntry(
            source: FileStatus(size: .max, inode: .max, modified: .min, changed: -1), sidecar: nil, trusted: true, digest: "")
        manifests.append(CacheCoding.encode(full))
        manifests.append(CacheCoding.encode(BuildCache.Manifest()))
        for bytes in manifests {
            let decoded = try CacheCoding.decodeManifest(bytes)
            // Codable's bytes of what was read are the bytes read, and its decoding reads the same value.
            #expect(try CompactCoding.encode(decoded) == bytes)
            #expect(CacheCoding.encode(try CompactCoding.decode(BuildCache.Manifest.self, from: bytes)) == bytes)
        }
        let bytes = manifests[2]
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 100)) {
            #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeManifest(Array(bytes[..<length])) }
        }
        #expect(throws: CompactCoding.Failure.self) { try CacheCoding.decodeManifest(bytes + [0]) }
        // A manifest of another format is read no further than its number, and the cache then starts cold.
        var other = CacheCoding.Writer()
        other.int(BuildCache.Manifest.currentFormat + 1)
        #expect(try CacheCoding.decodeManifest(other.bytes + [9, 9, 9]).format == BuildCache.Manifest.currentFormat + 1)
        try Data(other.bytes).write(to: file)
        #expect(BuildCache(folder: workspace.cache).load(extraction: full.extraction).reports.isEmpty)
        try Data(bytes).write(to: file)
        #expect(BuildCache(folder: workspace.cache).load(extraction: full.extraction).reports.count == full.reports.count)
    }
}
