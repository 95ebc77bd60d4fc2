import Publish
import Reports
import Site

/// The build cache's records (`BuildCache.Summary` and `BuildCache.Manifest`) and the sections a build
/// spills to disk (`SectionSpill`) written and read by hand, in exactly the bytes `CompactCoding` gives
/// them through `Codable`, which stays the definition: `CacheCodingTests` compares the two on every report
/// it has and on manifests of real builds.
///
/// A one-report rebuild reads the summary of every other report and the whole manifest, and writes the
/// manifest again. Through `Codable` each property costs a keyed container, a few dynamic casts and generic
/// metadata lookups: at 10,000 reports that was half of such a rebuild's time. A property added to one of
/// these types without being added here changes `Codable`'s bytes, and the tests fail.
enum CacheCoding {
    static func encode(_ summary: BuildCache.Summary) -> [UInt8] {
        var writer = Writer()
        writer.optional(summary.inspection) { $0.inspection($1) }
        writer.list(summary.diagnostics) { $0.diagnostic($1) }
        return writer.bytes
    }

    /// Decodes a summary from all of `bytes`; bytes cut short, left over or out of range throw.
    static func decodeSummary(_ bytes: [UInt8]) throws(CompactCoding.Failure) -> BuildCache.Summary {
        try bytes.withUnsafeBufferPointer { bytes throws(CompactCoding.Failure) in try decodeSummary(bytes) }
    }

    /// `decodeSummary` of bytes in place, such as a summary's part of a pack, without copying them first.
    static func decodeSummary(_ bytes: UnsafeBufferPointer<UInt8>) throws(CompactCoding.Failure) -> BuildCache.Summary {
        var reader = Reader(bytes: bytes)
        let summary = BuildCache.Summary(
            inspection: try reader.optional { reader throws(CompactCoding.Failure) in try reader.inspection() },
            diagnostics: try reader.list { reader throws(CompactCoding.Failure) in try reader.diagnostic() })
        try reader.expectEnd()
        return summary
    }

    /// A report's sections, as `SectionSpill` keeps them between extraction and rendering.
    static func encode(_ sections: [ReportSection]) -> [UInt8] {
        var writer = Writer()
        // The text's bytes and a few for each count and length: made once, not grown by doubling.
        writer.bytes.reserveCapacity(sections.reduce(16) { total, section in
            section.paragraphs.reduce(total + section.heading.utf8.count + 32) { $0 + $1.utf8.count + 4 }
        })
        writer.list(sections) { $0.section($1) }
        return writer.bytes
    }

    /// Decodes sections from all of `bytes`; bytes cut short, left over or out of range throw.
    static func decodeSections(_ bytes: [UInt8]) throws(CompactCoding.Failure) -> [ReportSection] {
        try bytes.withUnsafeBufferPointer { bytes throws(CompactCoding.Failure) in
            var reader = Reader(bytes: bytes)
            let sections = try reader.list { reader throws(CompactCoding.Failure) in try reader.section() }
            try reader.expectEnd()
            return sections
        }
    }

    static func encode(_ manifest: BuildCache.Manifest) -> [UInt8] {
        var writer = Writer()
        writer.bytes.reserveCapacity(256 * (manifest.reports.count + manifest.outputs.count + manifest.standby.count))
        writer.int(manifest.format)
        writer.string(manifest.extraction)
        writer.string(manifest.rendering)
        writer.dictionary(manifest.reports) { writer, entry in
            writer.optional(entry.source) { $0.status($1) }
            writer.optional(entry.sidecar) { $0.status($1) }
            writer.bool(entry.trusted)
            writer.string(entry.digest)
            writer.optional(entry.summary) { writer, packed in
                writer.int(packed.offset)
                writer.int(packed.length)
                writer.unsigned(packed.digest)
            }
        }
        writer.dictionary(manifest.units) { $0.string($1) }
        writer.dictionary(manifest.outputs) { writer, entry in
            writer.string(entry.unit)
            writer.status(entry.status)
        }
        writer.dictionary(manifest.standby) { $0.status($1) }
        writer.optional(manifest.outputFolder) { $0.unsigned($1) }
        writer.optional(manifest.standbyFolder) { $0.unsigned($1) }
        writer.optional(manifest.outcome) { writer, outcome in
            writer.int(outcome.reportsRead)
            writer.int(outcome.inspections)
            writer.list(outcome.diagnostics) { $0.diagnostic($1) }
        }
        writer.string(manifest.site)
        writer.dictionary(manifest.identities) { $0.unsigned($1) }
        writer.string(manifest.pack)
        return writer.bytes
    }

    /// Decodes a manifest from all of `bytes`; bytes cut short, left over or out of range throw.
    static func decodeManifest(_ bytes: [UInt8]) throws(CompactCoding.Failure) -> BuildCache.Manifest {
        try bytes.withUnsafeBufferPointer { bytes throws(CompactCoding.Failure) in try decodeManifest(bytes) }
    }

    private static func decodeManifest(_ bytes: UnsafeBufferPointer<UInt8>) throws(CompactCoding.Failure) -> BuildCache.Manifest {
        var reader = Reader(bytes: bytes)
        var manifest = BuildCache.Manifest()
        manifest.format = try reader.int()
        // A manifest of another format is not read further: the caller starts cold.
        guard manifest.format == BuildCache.Manifest.currentFormat else { return manifest }
        manifest.extraction = try reader.string()
        manifest.rendering = try reader.string()
        manifest.reports = try reader.dictionary { reader throws(CompactCoding.Failure) in
            let source = try reader.optional { reader throws(CompactCoding.Failure) in try reader.status() }
            let sidecar = try reader.optional { reader throws(CompactCoding.Failure) in try reader.status() }
            let trusted = try reader.bool()
            let digest = try reader.string()
            let summary = try reader.optional { reader throws(CompactCoding.Failure) in
                let offset = try reader.int()
                let length = try reader.int()
                return BuildCache.PackedSummary(offset: offset, length: length, digest: try reader.unsigned())
            }
            return BuildCache.ReportEntry(source: source, sidecar: sidecar, trusted: trusted, digest: digest, summary: summary)
        }
        manifest.units = try reader.dictionary { reader throws(CompactCoding.Failure) in try reader.string() }
        manifest.outputs = try reader.dictionary { reader throws(CompactCoding.Failure) in
            let unit = try reader.string()
            return BuildCache.OutputEntry(unit: unit, status: try reader.status())
        }
        manifest.standby = try reader.dictionary { reader throws(CompactCoding.Failure) in try reader.status() }
        manifest.outputFolder = try reader.optional { reader throws(CompactCoding.Failure) in try reader.unsigned() }
        manifest.standbyFolder = try reader.optional { reader throws(CompactCoding.Failure) in try reader.unsigned() }
        manifest.outcome = try reader.optional { reader throws(CompactCoding.Failure) in
            let reportsRead = try reader.int()
            let inspections = try reader.int()
            return BuildCache.Outcome(
                reportsRead: reportsRead, inspections: inspections,
                diagnostics: try reader.list { reader throws(CompactCoding.Failure) in try reader.diagnostic() })
        }
        manifest.site = try reader.string()
        manifest.identities = try reader.dictionary { reader throws(CompactCoding.Failure) in try reader.unsigned() }
        manifest.pack = try reader.string()
        try reader.expectEnd()
        return manifest
    }

    struct Writer {
        var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(4096)
        }

        mutating func unsigned(_ value: UInt64) {
            CompactCoding.append(unsigned: value, to: &bytes)
        }

        mutating func int(_ value: Int) {
            int64(Int64(value))
        }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func int64(_ value: Int64) {
            unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        }

        mutating func bool(_ value: Bool) {
            bytes.append(value ? 1 : 0)
        }

        /// A dictionary's count, then its entries in the order of their keys (as `CompactCoding` writes it).
        mutating func dictionary<Value>(_ values: [String: Value], _ write: (inout Writer, Value) -> Void) {
            CompactCoding.append(count: values.count, to: &bytes)
            for key in values.keys.sorted() {
                string(key)
                write(&self, values[key]!)
            }
        }

        mutating func status(_ status: FileStatus) {
            int64(status.size)
            unsigned(status.inode)
            int64(status.modified)
            int64(status.changed)
        }

        mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            write(&self, value)
        }

        mutating func list<Element>(_ values: [Element], _ write: (inout Writer, Element) -> Void) {
            CompactCoding.append(count: values.count, to: &bytes)
            for value in values { write(&self, value) }
        }

        mutating func date(_ date: PartialDate) {
            int(date.year)
            optional(date.month) { $0.int($1) }
            optional(date.day) { $0.int($1) }
        }

        mutating func source(_ source: SourcePosition) {
            string(source.file)
            int(source.line)
        }

        mutating func inspection(_ inspection: Inspection) {
            string(inspection.id)
            string(inspection.authority.name)
            string(inspection.authority.slug)
            string(inspection.framework.rawValue)
            string(inspection.title)
            for date in [inspection.letterDate, inspection.inspectionStart, inspection.inspectionEnd, inspection.publicationDate] {
                optional(date) { $0.date($1) }
            }
            list(inspection.judgements) { writer, judgement in
                writer.string(judgement.outcome)
                writer.string(judgement.wording)
                writer.string(judgement.grade)
                writer.optional(judgement.level) { $0.int($1.rawValue) }
                writer.optional(judgement.scope) { $0.string($1) }
                writer.string(judgement.basis.rawValue)
                writer.source(judgement.source)
            }
            list(inspection.recommendations) { writer, recommendation in
                writer.string(recommendation.text)
                writer.string(recommendation.timescale.rawValue)
                writer.optional(recommendation.context) { $0.string($1) }
                writer.source(recommendation.source)
            }
            list(inspection.sections) { $0.section($1) }
            list(inspection.keyFacts) { writer, fact in
                writer.string(fact.label)
                writer.string(fact.value)
                writer.source(fact.source)
            }
            string(inspection.sourceFile)
            list(inspection.sidecarFields) { $0.string($1) }
            optional(inspection.attribution) { $0.string($1) }
        }

        mutating func section(_ section: ReportSection) {
            string(section.heading)
            int(section.depth)
            list(section.paragraphs) { $0.string($1) }
            int(section.startLine)
        }

        mutating func diagnostic(_ diagnostic: Diagnostic) {
            string(diagnostic.severity.rawValue)
            string(diagnostic.file)
            optional(diagnostic.line) { $0.int($1) }
            string(diagnostic.message)
        }
    }

    /// Reads bytes that outlive it: made inside the `withUnsafeBufferPointer` of the bytes it decodes.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        func failure(_ what: String) -> CompactCoding.Failure {
            CompactCoding.Failure(description: "\(what) at byte \(offset) of \(bytes.count)")
        }

        mutating func byte() throws(CompactCoding.Failure) -> UInt8 {
            guard offset < bytes.count else { throw failure("cut short") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func unsigned() throws(CompactCoding.Failure) -> UInt64 {
            guard let value = CompactCoding.unsigned(in: bytes, at: &offset) else { throw failure("number cut short or too long") }
            return value
        }

        mutating func int64() throws(CompactCoding.Failure) -> Int64 {
            let raw = try unsigned()
            return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        }

        mutating func int() throws(CompactCoding.Failure) -> Int {
            guard let value = Int(exactly: try int64()) else { throw failure("Int out of range") }
            return value
        }

        mutating func bool() throws(CompactCoding.Failure) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw failure("not a Bool")
            }
        }

        mutating func expectEnd() throws(CompactCoding.Failure) {
            guard offset == bytes.count else { throw failure("\(bytes.count - offset) bytes left over") }
        }

        mutating func count() throws(CompactCoding.Failure) -> Int {
            guard let count = CompactCoding.count(in: bytes, at: &offset) else { throw failure("cut short") }
            // Every element takes at least one byte: a count beyond what is left is damage, not a list.
            guard count <= bytes.count - offset else { throw failure("list of \(count) cut short") }
            return count
        }

        mutating func dictionary<Value>(_ read: (inout Reader) throws(CompactCoding.Failure) -> Value) throws(CompactCoding.Failure) -> [String: Value] {
            let count = try count()
            var values: [String: Value] = .init(minimumCapacity: count)
            for _ in 0..<count {
                let key = try string()
                values[key] = try read(&self)
            }
            return values
        }

        mutating func status() throws(CompactCoding.Failure) -> FileStatus {
            let size = try int64()
            let inode = try unsigned()
            let modified = try int64()
            return FileStatus(size: size, inode: inode, modified: modified, changed: try int64())
        }

        mutating func string() throws(CompactCoding.Failure) -> String {
            let length = try unsigned()
            guard length <= UInt64(bytes.count - offset) else { throw failure("string cut short") }
            let end = offset + Int(length)
            defer { offset = end }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        }

        mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type) throws(CompactCoding.Failure) -> Value {
            let text = try string()
            guard let value = Value(rawValue: text) else { throw failure("\(text.debugDescription) is not a \(Value.self)") }
            return value
        }

        mutating func optional<Value>(_ read: (inout Reader) throws(CompactCoding.Failure) -> Value) throws(CompactCoding.Failure) -> Value? {
            switch try byte() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw failure("not an optional's tag")
            }
        }

        mutating func list<Element>(_ read: (inout Reader) throws(CompactCoding.Failure) -> Element) throws(CompactCoding.Failure) -> [Element] {
            let count = try count()
            var values: [Element] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        mutating func date() throws(CompactCoding.Failure) -> PartialDate {
            let year = try int()
            let month = try optional { reader throws(CompactCoding.Failure) in try reader.int() }
            let day = try optional { reader throws(CompactCoding.Failure) in try reader.int() }
            // Every date sitegen makes is a valid one; any other is damage (and the report is read again).
            guard let date = PartialDate(year: year, month: month, day: day) else { throw failure("\(year)-\(month ?? 0)-\(day ?? 0) is not a date") }
            return date
        }

        mutating func source() throws(CompactCoding.Failure) -> SourcePosition {
            let file = try string()
            return SourcePosition(file: file, line: try int())
        }

        mutating func inspection() throws(CompactCoding.Failure) -> Inspection {
            let id = try string()
            let name = try string()
            let authority = AuthorityName(name: name, slug: try string())
            let framework = try raw(Framework.self)
            let title = try string()
            var dates: [PartialDate?] = []
            for _ in 0..<4 { dates.append(try optional { reader throws(CompactCoding.Failure) in try reader.date() }) }
            let judgements = try list { reader throws(CompactCoding.Failure) in
                let outcome = try reader.string()
                let wording = try reader.string()
                let grade = try reader.string()
                let level = try reader.optional { reader throws(CompactCoding.Failure) in
                    let raw = try reader.int()
                    guard let level = Level(rawValue: raw) else { throw reader.failure("\(raw) is not a Level") }
                    return level
                }
                let scope = try reader.optional { reader throws(CompactCoding.Failure) in try reader.string() }
                let basis = try reader.raw(Judgement.Basis.self)
                return Judgement(
                    outcome: outcome, wording: wording, grade: grade, level: level, scope: scope, basis: basis, source: try reader.source())
            }
            let recommendations = try list { reader throws(CompactCoding.Failure) in
                let text = try reader.string()
                let timescale = try reader.raw(Recommendation.Timescale.self)
                let context = try reader.optional { reader throws(CompactCoding.Failure) in try reader.string() }
                return Recommendation(text: text, timescale: timescale, context: context, source: try reader.source())
            }
            let sections = try list { reader throws(CompactCoding.Failure) in try reader.section() }
            let keyFacts = try list { reader throws(CompactCoding.Failure) in
                let label = try reader.string()
                let value = try reader.string()
                return KeyFact(label: label, value: value, source: try reader.source())
            }
            let sourceFile = try string()
            let sidecarFields = try list { reader throws(CompactCoding.Failure) in try reader.string() }
            let attribution = try optional { reader throws(CompactCoding.Failure) in try reader.string() }
            return Inspection(
                id: id, authority: authority, framework: framework, title: title,
                letterDate: dates[0], inspectionStart: dates[1], inspectionEnd: dates[2], publicationDate: dates[3],
                judgements: judgements, recommendations: recommendations, sections: sections, keyFacts: keyFacts,
                sourceFile: sourceFile, sidecarFields: sidecarFields, attribution: attribution)
        }

        mutating func section() throws(CompactCoding.Failure) -> ReportSection {
            let heading = try string()
            let depth = try int()
            let paragraphs = try list { reader throws(CompactCoding.Failure) in try reader.string() }
            return ReportSection(heading: heading, depth: depth, paragraphs: paragraphs, startLine: try int())
        }

        mutating func diagnostic() throws(CompactCoding.Failure) -> Diagnostic {
            let severity = try raw(Diagnostic.Severity.self)
            let file = try string()
            let line = try optional { reader throws(CompactCoding.Failure) in try reader.int() }
            return Diagnostic(severity, file: file, line: line, try string())
        }
    }
}
