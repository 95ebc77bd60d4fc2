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
            let url = folder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(Diagnostic(.error, file: relative, "cannot read the file; skipped"))
                continue
            }
            let text = ReportSource.text(decoding: data)
            var sidecar: Sidecar?
            let sidecarPath = (relative as NSString).deletingPathExtension + ".json"
            if let sidecarData = FileManager.default.contents(atPath: folder.appendingPathComponent(sidecarPath).path) {
                do {
                    sidecar = try Sidecar.parse(sidecarData)
                } catch {
                    diagnostics.append(Diagnostic(.error, file: sidecarPath, "\(error); the report is read without it"))
                }
            }
            sources.append(ReportSource(path: relative, text: text, sidecar: sidecar))
        }
        return Result(sources: sources, diagnostics: diagnostics)
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
