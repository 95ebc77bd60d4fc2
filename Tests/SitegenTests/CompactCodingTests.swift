import Foundation
import Testing
@testable import Pipeline
import Publish
import Reports
import Site

@Suite struct CompactCodingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every bundled report's extraction: inspections with dates present and missing, scopes, key facts,
    /// recommendations, sections and diagnostics.
    static func bundledSummaries() -> [BuildCache.Summary] {
        let read = ContentReader(folder: root.appendingPathComponent("Content")).read()
        return read.sources.map { source in
            let extraction = ReportExtractor().extract(source)
            return BuildCache.Summary(inspection: extraction.inspection, diagnostics: extraction.diagnostics)
        }
    }

    @Test func bundledExtractionsComeBackAsTheyWent() throws {
        let summaries = Self.bundledSummaries()
        #expect(summaries.count >= 13)
        #expect(summaries.contains { $0.inspection?.judgements.contains { $0.scope != nil } ?? false })
        #expect(summaries.contains { $0.inspection?.inspectionStart == nil })
        for summary in summaries {
            let bytes = try CompactCoding.encode(summary)
            let decoded = try CompactCoding.decode(BuildCache.Summary.self, from: bytes)
            #expect(decoded.inspection == summary.inspection)
            #expect(decoded.diagnostics == summary.diagnostics)
            // Deterministic: the same value, encoded again, gives the same bytes.
            #expect(try CompactCoding.encode(decoded) == bytes)
        }
    }

    @Test func aMissingInspectionAndEveryOptionalAbsentRoundTrip() throws {
        let empty = BuildCache.Summary(inspection: nil, diagnostics: [Diagnostic(.error, file: "a.txt", "cannot read")])
        let decoded = try CompactCoding.decode(BuildCache.Summary.self, from: CompactCoding.encode(empty))
        #expect(decoded.inspection == nil)
        #expect(decoded.diagnostics == empty.diagnostics)
    }

    struct Mixed: Codable, Equatable {
        var small: Int8
        var large: UInt64
        var negative: Int
        var ratio: Double
        var flag: Bool
        var optionalList: [String?]
        var nested: [[Int]]
        var byName: [String: [Int]]
        var missing: String?
        var present: Int?
        var text: String
    }

    static let mixed = Mixed(
        small: -128, large: .max, negative: .min, ratio: -0.1, flag: true, optionalList: ["a", nil, ""],
        nested: [[], [1, -1, 300]], byName: ["z": [1], "a": [], "m": [2, 3]], missing: nil, present: 0,
        text: "Children’s services — Ünïcode \u{0} and \u{1F600}")

    @Test func integersAtTheirLimitsOptionalsListsAndDictionariesRoundTrip() throws {
        let bytes = try CompactCoding.encode(Self.mixed)
        #expect(try CompactCoding.decode(Mixed.self, from: bytes) == Self.mixed)
    }

    @Test func dictionariesAreWrittenInKeyOrderWhateverTheirHashing() throws {
        var first: [String: Int] = [:]
        var second: [String: Int] = [:]
        let keys = (0..<200).map { "key\($0)" }
        for key in keys { first[key] = key.count }
        for key in keys.reversed() { second[key] = key.count }
        #expect(try CompactCoding.encode(first) == CompactCoding.encode(second))
        // Key order: the first key written is the smallest.
        let bytes = try CompactCoding.encode(["b": 1, "a": 2])
        #expect(Array(bytes[4...5]) == [1, UInt8(ascii: "a")])
    }

    @Test func damagedBytesThrowInsteadOfDecoding() throws {
        let bytes = try CompactCoding.encode(Self.mixed)
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: CompactCoding.Failure.self) { try CompactCoding.decode(Mixed.self, from: Array(bytes.prefix(cut))) }
        }
        #expect(throws: CompactCoding.Failure.self) { try CompactCoding.decode(Mixed.self, from: bytes + [0]) }
        // A number too large for its type.
        #expect(throws: CompactCoding.Failure.self) { try CompactCoding.decode(Int8.self, from: CompactCoding.encode(Int.max)) }
        // A byte that is no Bool.
        #expect(throws: CompactCoding.Failure.self) { try CompactCoding.decode(Bool.self, from: [2]) }
        // A string whose length runs past the end.
        #expect(throws: CompactCoding.Failure.self) { try CompactCoding.decode(String.self, from: [0x7F, 65]) }
    }

    @Test func theManifestRoundTrips() throws {
        let status = FileStatus(atPath: Self.root.appendingPathComponent("Package.swift").path)
        var manifest = BuildCache.Manifest(extraction: "e", rendering: "r")
        manifest.reports["a.txt"] = .init(source: status, sidecar: nil, trusted: true, digest: "0123")
        manifest.units["page:index.html"] = "abcd"
        manifest.outputs["index.html"] = .init(unit: "page:index.html", status: try #require(status))
        manifest.outputFolder = 42
        manifest.outcome = .init(reportsRead: 1, inspections: 1, diagnostics: [Diagnostic(.warning, file: "a.txt", line: 3, "odd")])
        let decoded = try CompactCoding.decode(BuildCache.Manifest.self, from: CompactCoding.encode(manifest))
        #expect(decoded.reports == manifest.reports)
        #expect(decoded.units == manifest.units)
        #expect(decoded.outputs == manifest.outputs)
        #expect(decoded.outputFolder == 42)
        #expect(decoded.standbyFolder == nil)
        #expect(decoded.outcome?.diagnostics == manifest.outcome?.diagnostics)
    }
}
