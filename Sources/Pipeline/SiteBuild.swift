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

        public init(content: URL, templates: URL, output: URL, baseURL: String? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
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
        public var description: String { message }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() throws(Failure) -> Summary {
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
        let site = SiteModel(inspections: Self.uniqueIDs(inspections), vocabulary: extractor.vocabulary)
        let files: [OutputFile]
        do {
            files = try SiteRenderer(templates: templates, vocabulary: extractor.vocabulary, baseURL: options.baseURL).render(site)
                + JudgementExport.files(site)
        } catch {
            throw Failure(message: error.description, diagnostics: diagnostics)
        }
        do {
            try SiteWriter(output: options.output).write(files)
        } catch {
            throw Failure(message: error.description, diagnostics: diagnostics)
        }
        return Summary(
            reportsRead: content.sources.count, inspections: inspections.count,
            filesWritten: files.count, diagnostics: diagnostics.sorted())
    }

    /// Ids must be unique to be page paths; a repeated id gets `-2`, `-3`… in source-file order.
    static func uniqueIDs(_ inspections: [Inspection]) -> [Inspection] {
        var seen: [String: Int] = [:]
        return inspections.sorted { $0.sourceFile < $1.sourceFile }.map { inspection in
            var inspection = inspection
            let count = seen[inspection.id, default: 0] + 1
            seen[inspection.id] = count
            if count > 1 { inspection.id += "-\(count)" }
            return inspection
        }
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
