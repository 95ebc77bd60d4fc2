import Foundation
import Pipeline

/// Scratch folders holding a small content folder, a copy of the bundled templates and an output path.
struct RobustScratch {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var output: URL { folder.appendingPathComponent("Public") }

    /// A scratch folder whose content folder holds the given bundled reports (by file name).
    init(reports: [String] = ["stockport-APA-2006.txt"]) throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("sitegen-robust-\(UUID().uuidString)")
        try manager.createDirectory(at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
        for report in reports {
            try manager.copyItem(at: Self.bundled(report), to: content.appendingPathComponent(report))
        }
    }

    static func bundled(_ report: String) -> URL {
        repository.appendingPathComponent("Content").appendingPathComponent(report)
    }

    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func options(output: URL? = nil, strict: Bool = false) -> SiteBuild.Options {
        SiteBuild.Options(content: content, templates: templates, output: output ?? self.output, strict: strict)
    }

    func build(output: URL? = nil, strict: Bool = false) async throws(SiteBuild.Failure) -> SiteBuild.Summary {
        try await SiteBuild(options: options(output: output, strict: strict)).run()
    }

    /// Every file below `folder`, relative path to bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
