import ArgumentParser
import Foundation
import Pipeline

/// The folders a build reads and writes, shared by `build` and `serve`.
struct BuildInputs: ParsableArguments {
    @Option(help: "Folder of report texts (.txt), each with an optional .json sidecar.")
    var content = "Content"

    @Option(help: "Folder of Mustache templates (*.md.mustache, layout.html.mustache) and assets/.")
    var templates = "Templates"

    @Option(help: "Folder the site is written to; replaced whole, atomically, when the build succeeds.")
    var output = "Public"

    @Option(help: "Folder for the incremental build cache (never inside the output; delete it any time).")
    var cacheDir = ".sitegen-cache"

    @Flag(help: "Build without reading or writing the cache.")
    var noCache = false

    func options(baseURL: String? = nil, strict: Bool = false) -> SiteBuild.Options {
        SiteBuild.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), baseURL: baseURL, strict: strict,
            cache: noCache ? nil : URL(fileURLWithPath: cacheDir))
    }
}
