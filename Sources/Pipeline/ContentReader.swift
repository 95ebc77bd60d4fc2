import Foundation
import Reports
import Site

/// Finds the reports in a content folder and reads each with its sidecar.
///
/// A report is any `.txt` file below the folder; its sidecar is the `.json` file of the same name.
/// Problems with one file become diagnostics and never stop the others.
public struct ContentReader: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    public struct Result: Sendable {
        public var sources: [ReportSource]
        public var diagnostics: [Diagnostic]
    }

    public func read() -> Result {
        var sources: [ReportSource] = []
        var diagnostics: [Diagnostic] = []
        for relative in reportPaths() {
            let report = read(relative)
            diagnostics += report.diagnostics
            if let source = report.source { sources.append(source) }
        }
        return Result(sources: sources, diagnostics: diagnostics)
    }

    /// Reads one report, `relative` to the folder, with its sidecar.
    func read(_ relative: String) -> (source: ReportSource?, diagnostics: [Diagnostic]) {
        let url = folder.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(.error, file: relative, "cannot read the file; skipped")])
        }
        let text = String(decoding: data, as: UTF8.self)
        var sidecar: Sidecar?
        var diagnostics: [Diagnostic] = []
        let sidecarPath = Self.sidecarPath(of: relative)
        if let sidecarData = FileManager.default.contents(atPath: folder.appendingPathComponent(sidecarPath).path) {
            do {
                sidecar = try Sidecar.parse(sidecarData)
            } catch {
                diagnostics.append(Diagnostic(.error, file: sidecarPath, "\(error); the report is read without it"))
            }
        }
        return (ReportSource(path: relative, text: text, sidecar: sidecar), diagnostics)
    }

    static func sidecarPath(of report: String) -> String {
        (report as NSString).deletingPathExtension + ".json"
    }

    /// Report files below the folder, relative to it, sorted.
    func reportPaths() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.path
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "txt" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }
}
