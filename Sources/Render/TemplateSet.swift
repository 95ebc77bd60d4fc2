import Foundation
import Mustache
import Site

/// The templates a site is rendered with, read from a folder at build time so that the look can change
/// without recompiling.
///
/// Files named `*.md.mustache` render Markdown (values escaped for Markdown) and `*.html.mustache`
/// render HTML (values escaped for HTML). A template is addressed by its path below the folder without
/// `.mustache`: `inspection.md`, `partials/judgements.md`, `layout.html`.
public struct TemplateSet: Sendable {
    public static let requiredTemplates = [
        "home.md", "authority.md", "inspection.md", "outcome.md", "framework.md", "not-found.md", "layout.html",
    ]

    public struct LoadError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String

        public var description: String {
            "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
        }
    }

    let library: MustacheLibrary
    /// The same templates for `CompiledTemplates`; nil when they use what only swift-mustache renders.
    let compiled: CompiledTemplates?
    public let names: [String]
    /// Static files below the folder's `assets/` (stylesheet, icons), copied to the output as they are.
    public let assets: [OutputFile]

    /// Reads every `.mustache` file below `folder`. `displayFolder` is how messages name the folder.
    public init(folder: URL, displayFolder: String? = nil) throws(LoadError) {
        let shown = displayFolder ?? folder.path
        let files: [String]
        do {
            files = try Self.templateFiles(in: folder)
        } catch {
            throw LoadError(file: shown, message: "cannot read the templates folder (\(error.localizedDescription))")
        }
        var texts: [(name: String, text: String, shownFile: String)] = []
        for relative in files {
            let shownFile = (shown as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                throw LoadError(file: shownFile, message: "cannot read the template")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LoadError(file: shownFile, message: "the template is not UTF-8 text")
            }
            texts.append((String(relative.dropLast(".mustache".count)), text, shownFile))
        }
        try self.init(texts: texts, folder: shown) { () throws(LoadError) in try Self.assetFiles(in: folder, shown: shown) }
    }

    /// Templates from their texts: `name` as `TemplateSet(folder:)` names them, `shownFile` the file
    /// messages name; `folder` is where a missing required template would be. `assets` are read once the
    /// templates are known to be whole.
    init(
        texts: [(name: String, text: String, shownFile: String)], folder: String,
        assets: () throws(LoadError) -> [OutputFile] = { [] }
    ) throws(LoadError) {
        _ = MarkdownContentType.registration
        _ = HTMLTextContentType.registration
        var library = MustacheLibrary()
        var names: [String] = []
        for (name, text, shownFile) in texts {
            do {
                try library.register(Self.prepared(text, name: name), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LoadError(file: shownFile, line: error.context.lineNumber, message: "template syntax: \(error.error) near “\(error.context.line.trimmingWhitespace())”")
            } catch {
                throw LoadError(file: shownFile, message: "template syntax: \(error)")
            }
            names.append(name)
        }
        for required in Self.requiredTemplates where !names.contains(required) {
            throw LoadError(file: (folder as NSString).appendingPathComponent(required + ".mustache"), message: "required template is missing")
        }
        self.library = library
        self.compiled = CompiledTemplates(library: library, names: names)
        self.names = names
        self.assets = try assets()
    }

    /// Templates from their texts by name (`layout.html`, `partials/x.md`), each required one missing
    /// from `texts` empty: for tests of what templates render.
    init(texts: [String: String]) throws(LoadError) {
        let all = Dictionary(uniqueKeysWithValues: Self.requiredTemplates.map { ($0, "") }).merging(texts) { $1 }
        try self.init(texts: all.sorted { $0.key < $1.key }.map { ($0.key, $0.value, $0.key + ".mustache") }, folder: "")
    }

    /// Markdown templates get the MARKDOWN content type and HTML templates HTML_TEXT, prefixed on the
    /// template's first line so that line numbers in parser errors stay those of the file. A partial gets
    /// its own type when it is included, so an HTML partial inside a Markdown page escapes for HTML.
    static func prepared(_ text: String, name: String) -> String {
        let type = name.hasSuffix(".md") ? MarkdownContentType.name : HTMLTextContentType.name
        return "{{% CONTENT_TYPE: \(type) }}" + text
    }

    static func templateFiles(in folder: URL) throws -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            files.append(String(path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        }
        return files.sorted()
    }

    static func assetFiles(in folder: URL, shown: String) throws(LoadError) -> [OutputFile] {
        let assets = folder.appendingPathComponent("assets")
        guard FileManager.default.fileExists(atPath: assets.path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: assets.path).sorted()
        } catch {
            throw LoadError(file: (shown as NSString).appendingPathComponent("assets"), message: "cannot read the assets folder (\(error.localizedDescription))")
        }
        return try names.filter { !$0.hasPrefix(".") }.map { name throws(LoadError) in
            guard let data = FileManager.default.contents(atPath: assets.appendingPathComponent(name).path) else {
                throw LoadError(file: (shown as NSString).appendingPathComponent("assets/" + name), message: "cannot read the asset")
            }
            return OutputFile(path: "assets/" + Slug.file(name), contents: data)
        }
    }

    func render(_ value: Any, with name: String) -> String {
        if let compiled, let view = value as? any TemplateView { return compiled.render(view, with: name) ?? "" }
        return library.render(value, withTemplate: name) ?? ""
    }

    /// `render(_:with:)` as UTF-8.
    func utf8(of value: Any, with name: String) -> [UInt8] {
        if let compiled, let view = value as? any TemplateView { return compiled.utf8(of: view, with: name) ?? [] }
        return Array((library.render(value, withTemplate: name) ?? "").utf8)
    }

    /// The same templates rendered by swift-mustache's own renderer: the definition `CompiledTemplates`
    /// is tested against.
    var renderedByLibrary: TemplateSet {
        TemplateSet(library: library, compiled: nil, names: names, assets: assets)
    }

    private init(library: MustacheLibrary, compiled: CompiledTemplates?, names: [String], assets: [OutputFile]) {
        self.library = library
        self.compiled = compiled
        self.names = names
        self.assets = assets
    }
}
