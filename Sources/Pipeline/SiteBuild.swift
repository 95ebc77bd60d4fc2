import Foundation
import Publish
import Render
import Reports
import Site

/// One whole build: read the content folder, extract every report, assemble the site, render it and
/// publish it into the output folder.
public struct SiteBuild: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        public var baseURL: String?
        /// Fail the build, publishing nothing, when the input gives any warning or error.
        public var strict: Bool

        public init(content: URL, templates: URL, output: URL, baseURL: String? = nil, strict: Bool = false) {
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
            self.strict = strict
        }
    }

    public struct Summary: Sendable {
        public var reportsRead: Int
        public var inspections: Int
        public var filesWritten: Int
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

    public func run() throws(Failure) -> Summary {
        do {
            try FolderGuard(output: options.output, inputs: [("content", options.content), ("templates", options.templates)]).check()
        } catch {
            throw Failure(message: error.message, diagnostics: [], kind: .refusedFolder)
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(folder: options.templates, displayFolder: options.templates.relativePathForDisplay)
        } catch {
            throw Failure(message: error.description, diagnostics: [])
        }
        let content = ContentReader(folder: options.content).read()
        let outcomes = ContentVocabulary.read(folder: options.content)
        var diagnostics = content.diagnostics + outcomes.diagnostics
        let extractor = ReportExtractor(vocabulary: outcomes.vocabulary)
        var inspections: [Inspection] = []
        for source in content.sources {
            let extraction = extractor.extract(source)
            diagnostics += extraction.diagnostics
            if let inspection = extraction.inspection { inspections.append(inspection) }
        }
        let checked = GradeScaleCheck.review(inspections)
        let unique = DuplicateInspections.resolve(checked.inspections)
        diagnostics += checked.diagnostics + unique.diagnostics
        let site = SiteModel(inspections: unique.inspections, vocabulary: extractor.vocabulary)
        let files: [OutputFile]
        do {
            files = try SiteRenderer(templates: templates, vocabulary: extractor.vocabulary, baseURL: options.baseURL).render(site)
                + JudgementExport.files(site)
        } catch {
            throw Failure(message: error.description, diagnostics: diagnostics)
        }
        if options.strict, let failure = Self.strictFailure(diagnostics) { throw failure }
        do {
            try SiteWriter(output: options.output).write(files)
        } catch {
            throw Failure(message: error.description, diagnostics: diagnostics)
        }
        return Summary(
            reportsRead: content.sources.count, inspections: unique.inspections.count,
            filesWritten: files.count, diagnostics: diagnostics.sorted())
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
