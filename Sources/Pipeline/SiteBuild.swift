import Foundation
import Markdown
import Publish
import Render
import Reports
import Site

/// One whole build: read the content folder, extract every report, assemble the site, render it and
/// publish it into the output folder.
///
/// Reports are read and extracted, and pages rendered, in parallel tasks; results are put back in a
/// fixed order, so the output is the same whatever the scheduling. With a cache folder, a build reuses
/// what the previous one extracted and wrote: it re-extracts only reports whose files changed, renders
/// only pages whose inputs changed, and writes nothing when nothing changed.
///
/// Every page except an inspection's own is rendered from a site model of inspection summaries
/// (inspections without their `sections`); an inspection's own page also gets its full inspection.
/// Cold and incremental builds take the same path, so they give the same bytes.
public struct SiteBuild: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        public var baseURL: String?
        /// Fail the build, publishing nothing, when the input gives any warning or error.
        public var strict: Bool
        /// Where incremental builds keep what they need between builds; nil for a build without cache.
        public var cache: URL?

        public init(content: URL, templates: URL, output: URL, baseURL: String? = nil, strict: Bool = false, cache: URL? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
            self.strict = strict
            self.cache = cache
        }
    }

    public struct Summary: Sendable {
        public var reportsRead: Int
        public var inspections: Int
        /// Files written into the output: all of them in a cold build, only new and changed ones with a cache.
        public var filesWritten: Int
        /// Files of the previous output kept as they were.
        public var filesKept: Int
        /// Reports extracted in this build (the others came from the cache).
        public var reportsExtracted: Int
        public var diagnostics: [Diagnostic]

        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    /// A failure that stopped the build before anything was published; the previous output is untouched.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var diagnostics: [Diagnostic]
        public var kind: Kind = .failed
        public var description: String { message }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// How far a file's last change must lie before a build's start for its `stat` to be trusted by the
    /// next build: above the time resolution of any file system sitegen is likely to read from.
    static let statMargin: Int64 = 2_000_000_000

    public func run() async throws(Failure) -> Summary {
        do {
            try FolderGuard(output: options.output, inputs: [("content", options.content), ("templates", options.templates)]).check()
        } catch {
            throw Failure(message: error.message, diagnostics: [], kind: .refusedFolder)
        }
        MarkdownConverter.registerExtensions()
        var clock = PhaseClock()
        let startNanoseconds = Int64(Date().timeIntervalSince1970 * 1e9)
        let templates: TemplateSet
        do {
            templates = try TemplateSet(folder: options.templates, displayFolder: options.templates.relativePathForDisplay)
        } catch {
            throw Failure(message: error.description, diagnostics: [])
        }
        let outcomes = ContentVocabulary.read(folder: options.content)
        let extractor = ReportExtractor(vocabulary: outcomes.vocabulary)
        let fingerprint: BuildFingerprint
        do {
            fingerprint = try BuildFingerprint(templates: options.templates, vocabulary: extractor.vocabulary, baseURL: options.baseURL)
        } catch {
            throw Failure(message: "\(options.templates.relativePathForDisplay): error: cannot read the templates (\(error.localizedDescription))", diagnostics: [])
        }
        let cache = try options.cache.map { url throws(Failure) in try checkedCache(url) }
        let previous = cache?.load(extraction: fingerprint.extraction) ?? BuildCache.Manifest(extraction: fingerprint.extraction)
        clock.tick("templates, fingerprint, manifest")

        let reader = ContentReader(folder: options.content)
        let listing = reader.listing()
        let paths = listing.reports
        clock.tick("listing")
        let output = options.output.standardizedFileURL
        // Each report's files by `stat`, taken once: whether anything changed at all, then which reports did.
        let reportFiles = await Parallel.map(paths) { path in
            ReportFiles(reader: reader, path: path, sidecarListed: listing.sidecars.contains(ContentReader.sidecarPath(of: path)))
        }
        if cache != nil, let unchanged = await Self.unchangedBuild(reportFiles, previous: previous, rendering: fingerprint.rendering, output: output) {
            if options.strict, let failure = Self.strictFailure(unchanged.diagnostics) { throw failure }
            return unchanged
        }

        // Reports: from the cache when their files are unchanged, else read and extracted.
        let previousReports = previous.reports
        let trustedBefore = startNanoseconds - Self.statMargin
        let spill = try? SectionSpill()
        let pack = cache?.pack(of: previous)
        let appender = cache?.appender(continuing: previous, loaded: pack)
        let reports = await Parallel.map(reportFiles) { files in
            Self.report(
                files, reader: reader, sidecarListed: listing.sidecars.contains(ContentReader.sidecarPath(of: files.path)),
                extractor: extractor, previous: previousReports[files.path], pack: pack, appender: appender, trustedBefore: trustedBefore, spill: spill)
        }
        clock.tick("reports")
        let unique = DuplicateInspections.resolve(reports.compactMap(\.summary.inspection))
        let diagnostics = listing.diagnostics + outcomes.diagnostics + reports.flatMap(\.summary.diagnostics) + unique.diagnostics
        if options.strict, let failure = Self.strictFailure(diagnostics) { throw failure }
        let site = SiteModel(inspections: unique.inspections, vocabulary: extractor.vocabulary)
        clock.tick("site model")

        // Units of output, each keyed by the digest of its inputs.
        let renderer = SiteRenderer(templates: templates, vocabulary: extractor.vocabulary, baseURL: options.baseURL)
        let reportsByPath = Dictionary(uniqueKeysWithValues: reports.map { ($0.path, $0) })
        let sourceByID = Dictionary(site.inspections.map { ($0.id, $0.sourceFile) }, uniquingKeysWith: { first, _ in first })
        // What every page's template sees, as a digest per page. The site model is made from the reports'
        // summaries alone, so when each is as the previous build left them (and so is everything the
        // rendering fingerprint covers) every page sees what it saw then: the digests are the manifest's
        // and no page needs planning. Otherwise every page is planned, in parallel parts.
        var siteKey = StableHash()
        siteKey.add(fingerprint.rendering)
        for report in reports {
            siteKey.add(report.path)
            siteKey.add(report.summaryDigest)
        }
        let siteDigest = StableHash.hex(siteKey.digest)
        var plannedPages: [PlannedPage]?
        let identities: [String: UInt64]
        if previous.site == siteDigest, !previous.identities.isEmpty {
            identities = previous.identities
        } else {
            let planned = await Self.planAll(site, renderer: renderer)
            plannedPages = planned.map(\.page)
            identities = Dictionary(planned.map { ($0.page.path, $0.identity) }, uniquingKeysWith: { first, _ in first })
        }
        let inspectionPages = Dictionary(site.inspections.enumerated().map { (Permalinks.inspection($1.id), $0) }, uniquingKeysWith: { first, _ in first })
        // An inspection's own page also shows its report's text.
        var units: [String: String] = [:]
        for (path, identity) in identities {
            var key = StableHash()
            key.add(fingerprint.rendering)
            key.add(identity)
            if let index = inspectionPages[path] { key.add(reportsByPath[site.inspections[index].sourceFile]?.entry.digest ?? "") }
            units["page:" + path] = StableHash.hex(key.digest)
        }
        clock.tick("plan and page keys")
        var dataKey = StableHash()
        dataKey.add(fingerprint.rendering)
        for inspection in site.inspections {
            dataKey.add(inspection.id)
            dataKey.add(reportsByPath[inspection.sourceFile]?.summaryDigest ?? "")
        }
        units["data"] = StableHash.hex(dataKey.digest)
        units["assets"] = fingerprint.rendering
        units["not-found"] = fingerprint.rendering

        // A unit is clean when its key is the one it was written under and its files are still in the
        // output as they were written.
        let recordedPaths = previous.outputs.keys.sorted()
        let outputPath = output.path + "/"
        let statuses = await Parallel.map(recordedPaths) { FileStatus(atPath: outputPath + $0) }
        let current = Dictionary(uniqueKeysWithValues: zip(recordedPaths, statuses).compactMap { path, status in status.map { (path, $0) } })
        let recorded = Dictionary(grouping: previous.outputs, by: \.value.unit)
        let cleanUnits = Set(units.keys.filter { unit in
            guard previous.units[unit] == units[unit], let files = recorded[unit], !files.isEmpty else { return false }
            return files.allSatisfy { path, entry in current[path]?.sameContent(as: entry.status) ?? false }
        })
        let kept = previous.outputs.filter { cleanUnits.contains($0.value.unit) }
        var manifest = BuildCache.Manifest(
            extraction: fingerprint.extraction, rendering: fingerprint.rendering, reports: reportsByPath.mapValues(\.entry), units: units, outputs: kept,
            standby: previous.standby, outputFolder: previous.outputFolder, standbyFolder: previous.standbyFolder,
            site: siteDigest, identities: identities)
        let writer = SiteWriter(output: output)
        // The output is the one the previous build wrote, so the manifest knows every file in it.
        let outputKnown = cache != nil && previous.outputFolder != nil && FileStatus(of: output)?.inode == previous.outputFolder
        let standbyKnown = cache != nil && previous.standbyFolder != nil && FileStatus(of: writer.previousOutput)?.inode == previous.standbyFolder
        let changed = cleanUnits.count < units.count || kept.count < previous.outputs.count
        clock.tick("clean units")

        var written = 0
        if changed {
            // The pages to render: with the digests taken from the manifest, only inspections' own pages
            // are planned one by one; anything else to write (a page edited by hand, the data files, which
            // list every page in order) needs the whole plan.
            let dirtyPaths = identities.keys.filter { !cleanUnits.contains("page:" + $0) }
            let dirtyPages: [PlannedPage]
            if plannedPages == nil, cleanUnits.contains("data"), dirtyPaths.allSatisfy({ inspectionPages[$0] != nil }) {
                dirtyPages = dirtyPaths.sorted { inspectionPages[$0]! < inspectionPages[$1]! }
                    .map { renderer.planInspectionPage(site, at: inspectionPages[$0]!) }
            } else {
                if plannedPages == nil { plannedPages = await Self.planAll(site, renderer: renderer).map(\.page) }
                dirtyPages = plannedPages!.filter { !cleanUnits.contains("page:" + $0.path) }
            }
            var files: [(unit: String, file: OutputFile)] = []
            // The data files, the sitemap and the feed depend on the site as a whole. Each is made as one
            // more piece of the parallel work below, beside the pages, rather than before them; their
            // paths are known now.
            var siteFiles: [SiteFiles] = []
            if !cleanUnits.contains("data"), let pages = plannedPages {
                let pagePaths = pages.map(\.path)
                siteFiles = [
                    SiteFiles(paths: [JudgementExport.csvPath]) { [JudgementExport.csvFile(site)] },
                    SiteFiles(paths: [JudgementExport.jsonPath]) { [JudgementExport.jsonFile(site)] },
                    SiteFiles(paths: renderer.siteIndexPaths) { renderer.siteIndexFiles(site, pagePaths: pagePaths) },
                ].filter { !$0.paths.isEmpty }
            }
            if !cleanUnits.contains("not-found") {
                do {
                    files.append(("not-found", try renderer.notFoundFile()))
                } catch {
                    throw Failure(message: error.description, diagnostics: diagnostics.sorted())
                }
            }
            if !cleanUnits.contains("assets") { files += templates.assets.map { ("assets", $0) } }
            let keptStatuses = kept.mapValues(\.status)
            let writing = dirtyPages.map(\.path) + files.map(\.file.path) + siteFiles.flatMap(\.paths)
            let staging: SiteStaging
            do {
                staging = try SiteStaging(
                    output: output, keeping: keptStatuses, writing: writing, standby: standbyKnown ? previous.standby : nil,
                    linkingStandby: !outputKnown && cache != nil)
                clock.tick("staging")
            } catch {
                throw Failure(message: error.description, diagnostics: diagnostics.sorted())
            }
            let work = siteFiles.map(BuildWork.siteFiles) + dirtyPages.map(BuildWork.page)
            let failures = await Parallel.map(work) { item -> Failure? in
                let page: PlannedPage
                switch item {
                case .siteFiles(let made):
                    do {
                        let files = made.make()
                        guard files.map(\.path) == made.paths else { return Failure(message: "site files \(files.map(\.path)) differ from the paths planned, \(made.paths)", diagnostics: []) }
                        for file in files { try staging.write(file) }
                        return nil
                    } catch {
                        return Failure(message: "\(error)", diagnostics: [])
                    }
                case .page(let planned):
                    page = planned
                }
                var inspection: Inspection?
                if let id = page.inspectionID, let source = sourceByID[id], let report = reportsByPath[source] {
                    guard let full = report.full(from: spill) ?? Self.reextract(source, reader: reader, sidecarListed: listing.sidecars.contains(ContentReader.sidecarPath(of: source)), extractor: extractor) else {
                        return Failure(message: "\(source): error: the report changed or vanished during the build; build again", diagnostics: [])
                    }
                    inspection = full
                    inspection?.id = id
                }
                do {
                    try staging.write(renderer.render(page, site: site, inspection: inspection))
                    return nil
                } catch {
                    return Failure(message: "\(error)", diagnostics: [])
                }
            }
            do {
                if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
                for (_, file) in files { try staging.write(file) }
                clock.tick("render and write")
            } catch let failure as Failure {
                staging.discard()
                throw Failure(message: failure.message, diagnostics: diagnostics.sorted())
            } catch {
                staging.discard()
                throw Failure(message: "\(error)", diagnostics: diagnostics.sorted())
            }
            let writtenUnits = dirtyPages.map { ("page:" + $0.path, $0.path) } + files.map { ($0.unit, $0.file.path) }
                + siteFiles.flatMap(\.paths).map { ("data", $0) }
            for (unit, path) in writtenUnits {
                if let status = staging.status(of: path) { manifest.outputs[path] = BuildCache.OutputEntry(unit: unit, status: status) }
            }
            // When the previous output is not kept (its files are not known, as after a cold build), the
            // new output's files are linked into the standby folder for the next update to start from; only
            // with a cache, which records what it holds.
            let linked: [String]
            do {
                linked = try staging.commit(keepingPrevious: outputKnown, linkingStandby: cache == nil ? [] : manifest.outputs.keys.sorted())
            } catch {
                throw Failure(message: error.description, diagnostics: diagnostics.sorted())
            }
            clock.tick("commit")
            manifest.outputFolder = FileStatus(of: output)?.inode
            if outputKnown {
                manifest.standby = current
            } else {
                // A link has its file's inode, size and modification time, as recorded for the output.
                manifest.standby = Dictionary(uniqueKeysWithValues: linked.compactMap { path in manifest.outputs[path].map { (path, $0.status) } })
            }
            manifest.standbyFolder = manifest.standby.isEmpty ? nil : FileStatus(of: writer.previousOutput)?.inode
            written = writtenUnits.count
        }
        let summary = Summary(
            reportsRead: reports.count { !$0.entry.digest.isEmpty }, inspections: site.inspections.count,
            filesWritten: written, filesKept: kept.count, reportsExtracted: reports.count(where: \.extracted),
            diagnostics: diagnostics.sorted())
        manifest.outcome = .init(reportsRead: summary.reportsRead, inspections: summary.inspections, diagnostics: summary.diagnostics)
        if let cache, changed || manifest.reports != previous.reports || appender?.name != previous.pack || previous.outcome == nil {
            do {
                try cache.save(manifest, appender: appender)
            } catch {
                var warned = summary
                warned.diagnostics.append(Diagnostic(.warning, file: cache.folder.relativePathForDisplay, "cannot save the build cache (\(error.localizedDescription)); the next build starts cold"))
                return warned
            }
        }
        clock.tick("save manifest")
        Self.releaseInBackground(previous, reports, reportsByPath, unique, site, plannedPages as Any, identities, units, manifest, current, recorded, kept, pack as Any, appender as Any)
        return summary
    }

    /// Hands a build's large values to another thread to free. Freeing ten thousand reports, pages and
    /// manifest entries took a tenth of a second on the thread that goes on to print the summary, which
    /// the command line then exits without waiting for; a process that lives on (the preview server)
    /// still frees them.
    static func releaseInBackground(_ values: Any...) {
        let box = ReleaseBox(values)
        DispatchQueue.global(qos: .utility).async { box.release() }
    }

    /// Values held until `release`, which only the block given them calls.
    final class ReleaseBox: @unchecked Sendable {
        private var values: [Any]?
        init(_ values: [Any]) { self.values = values }
        func release() { values = nil }
    }

    /// Every page of `site` in the plan's order, with the digest of its identity, planned in parallel parts.
    static func planAll(_ site: SiteModel, renderer: SiteRenderer) async -> [(page: PlannedPage, identity: UInt64)] {
        await Parallel.map(renderer.planParts(site, pagesPerPart: 32)) { part in
            part.pages().map { (page: $0, identity: StableHash.xxh64($0.identity)) }
        }.flatMap { $0 }
    }

    /// The summary of a build that has nothing to do, or nil when it has: every report's files are as
    /// the previous build left them (by `stat`, when it could be trusted), the templates, vocabulary,
    /// options and executable are too, and so is every file of the output. Then every page's key is
    /// the one it was written under, so neither the site model nor a page needs to be made.
    static func unchangedBuild(
        _ reports: [ReportFiles], previous: BuildCache.Manifest, rendering: String, output: URL
    ) async -> Summary? {
        guard let outcome = previous.outcome, previous.rendering == rendering, reports.count == previous.reports.count,
              !previous.outputs.isEmpty else { return nil }
        let unchanged = reports.allSatisfy { files in
            guard let entry = previous.reports[files.path], entry.trusted else { return false }
            return entry.source == files.source && entry.sidecar == files.sidecar
        }
        guard unchanged else { return nil }
        let recorded = Array(previous.outputs)
        let outputPath = output.path + "/"
        let outputs = await Parallel.map(recorded) { path, entry in
            FileStatus(atPath: outputPath + path)?.sameContent(as: entry.status) ?? false
        }
        guard !outputs.contains(false) else { return nil }
        return Summary(
            reportsRead: outcome.reportsRead, inspections: outcome.inspections, filesWritten: 0,
            filesKept: previous.outputs.count, reportsExtracted: 0, diagnostics: outcome.diagnostics)
    }

    /// The cache folder, refused when it lies inside the output folder (it would be published and
    /// replaced by every build).
    func checkedCache(_ url: URL) throws(Failure) -> BuildCache {
        let cache = url.standardizedFileURL.path
        let output = options.output.standardizedFileURL.path
        guard cache != output, !cache.hasPrefix(output + "/") else {
            throw Failure(message: "\(url.relativePathForDisplay): error: the cache folder must not lie inside the output folder", diagnostics: [])
        }
        return BuildCache(folder: url.standardizedFileURL)
    }

    /// One report after the first stage: its cache entry, its summary and, when it was extracted in
    /// this build, the full inspection.
    /// A class, not a struct: a build passes each report's state through arrays and dictionaries of ten
    /// thousand, and each copy of a struct of this size (as reading one out of `reportsByPath` makes)
    /// retains every String and array in it. The page keys of a one-report rebuild of 10,000 reports took
    /// 68 ms with a struct and 40 ms with a class.
    final class ReportState: Sendable {
        let path: String
        let entry: BuildCache.ReportEntry
        let summary: BuildCache.Summary
        /// Digest of the summary's encoding: what every page but the inspection's own depends on.
        let summaryDigest: String
        /// The full inspection when it was extracted in this build, without its sections when those were
        /// spilled to `sectionsSlot`.
        let extractedInspection: Inspection?
        let sectionsSlot: SectionSpill.Slot?
        let extracted: Bool

        init(path: String, entry: BuildCache.ReportEntry, summary: BuildCache.Summary, summaryDigest: String,
             packed: BuildCache.PackedSummary? = nil, full: Inspection?, sectionsSlot: SectionSpill.Slot? = nil, extracted: Bool) {
            self.path = path
            var entry = entry
            // Where the summary lies in the pack this build adds to; nil when it is in none.
            entry.summary = packed
            self.entry = entry
            self.summary = summary
            self.summaryDigest = summaryDigest
            self.extractedInspection = full
            self.sectionsSlot = sectionsSlot
            self.extracted = extracted
        }

        /// The full inspection, its sections read back from the spill; nil when it was not extracted in
        /// this build or its sections cannot be read back.
        func full(from spill: SectionSpill?) -> Inspection? {
            guard var inspection = extractedInspection else { return nil }
            if let sectionsSlot {
                guard let sections = spill?.load(sectionsSlot) else { return nil }
                inspection.sections = sections
            }
            return inspection
        }
    }

    /// A report's path and the `stat` of its text and sidecar files (nil for a file that is not there).
    struct ReportFiles: Sendable {
        var path: String
        var source: FileStatus?
        var sidecar: FileStatus?

        /// A sidecar the listing did not find is not there for this build (the reader does not read it
        /// either), so it is not looked for: most reports have none.
        init(reader: ContentReader, path: String, sidecarListed: Bool) {
            let folder = reader.folderPath + "/"
            self.path = path
            source = FileStatus(atPath: folder + path)
            sidecar = sidecarListed ? FileStatus(atPath: folder + ContentReader.sidecarPath(of: path)) : nil
        }
    }

    static func report(
        _ files: ReportFiles, reader: ContentReader, sidecarListed: Bool, extractor: ReportExtractor, previous: BuildCache.ReportEntry?,
        pack: BuildCache.Pack?, appender: PackAppender? = nil, trustedBefore: Int64, spill: SectionSpill? = nil
    ) -> ReportState {
        let path = files.path
        let sidecarPath = ContentReader.sidecarPath(of: path)
        let folder = reader.folderPath + "/"
        let source = files.source
        let sidecar = files.sidecar
        if let previous, previous.trusted, source != nil, previous.source == source, previous.sidecar == sidecar,
           let stored = BuildCache.summary(previous.summary, in: pack) {
            return ReportState(path: path, entry: previous, summary: stored.summary, summaryDigest: stored.digest, packed: previous.summary, full: nil, extracted: false)
        }
        let trusted = (source?.changed ?? .max) < trustedBefore && (sidecar?.changed ?? .min) < trustedBefore
        let read = reader.read(path, sidecarListed: sidecarListed)
        guard let text = read.source else {
            return ReportState(
                path: path, entry: .init(source: source, sidecar: sidecar, trusted: false, digest: ""),
                summary: .init(inspection: nil, diagnostics: read.diagnostics), summaryDigest: "", full: nil, extracted: false)
        }
        var digest = StableHash()
        digest.add(path)
        digest.add(text.utf8)
        // A sidecar the status found no file for is not looked for again.
        digest.add(sidecar == nil ? 0 : FileManager.default.contents(atPath: folder + sidecarPath).map { StableHash.xxh64([UInt8]($0)) } ?? 0)
        let entry = BuildCache.ReportEntry(source: source, sidecar: sidecar, trusted: trusted, digest: StableHash.hex(digest.digest))
        if entry.digest == previous?.digest, let stored = BuildCache.summary(previous?.summary, in: pack) {
            return ReportState(path: path, entry: entry, summary: stored.summary, summaryDigest: stored.digest, packed: previous?.summary, full: nil, extracted: false)
        }
        let extraction = checkedExtraction(text, extractor: extractor)
        var inspection = extraction.inspection
        inspection?.sections = []
        let summary = BuildCache.Summary(inspection: inspection, diagnostics: read.diagnostics + extraction.diagnostics)
        var full = extraction.inspection
        let sectionsSlot = full.flatMap { spill?.store($0.sections) }
        if sectionsSlot != nil { full?.sections = [] }
        let encoded = BuildCache.encode(summary)
        let summaryHash = StableHash.xxh64(encoded)
        return ReportState(
            path: path, entry: entry, summary: summary, summaryDigest: StableHash.hex(summaryHash), packed: appender?.append(encoded, digest: summaryHash),
            full: full, sectionsSlot: sectionsSlot, extracted: true)
    }

    static func reextract(_ path: String, reader: ContentReader, sidecarListed: Bool, extractor: ReportExtractor) -> Inspection? {
        reader.read(path, sidecarListed: sidecarListed).source.flatMap { checkedExtraction($0, extractor: extractor).inspection }
    }

    /// Extraction followed by the check that every grade is on its framework's scale.
    static func checkedExtraction(_ source: ReportSource, extractor: ReportExtractor) -> Extraction {
        var extraction = extractor.extract(source)
        if let inspection = extraction.inspection {
            let checked = GradeScaleCheck.review([inspection])
            extraction.inspection = checked.inspections.first
            extraction.diagnostics += checked.diagnostics
        }
        return extraction
    }
}

extension URL {
    /// The path relative to the working directory when it lies below it, for messages.
    var relativePathForDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// Files made from the site as a whole (the data files, the sitemap and the feed), with their paths known
/// before they are made so that the staging folder can be laid out first.
struct SiteFiles: Sendable {
    var paths: [String]
    var make: @Sendable () -> [OutputFile]

    init(paths: [String], make: @escaping @Sendable () -> [OutputFile]) {
        self.paths = paths
        self.make = make
    }
}

/// One piece of a build's parallel work: a page, or files made from the whole site.
enum BuildWork: Sendable {
    case siteFiles(SiteFiles)
    case page(PlannedPage)
}
