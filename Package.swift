// swift-tools-version:6.1
import PackageDescription

/// On Linux the executables allocate with jemalloc (Debian's `libjemalloc-dev`) instead of glibc's
/// allocator: a build makes and frees millions of small Strings and arrays on both cores, and with
/// jemalloc a cold build of 10,000 reports takes about a tenth less CPU time and less memory (see the
/// README's benchmark). Linking it is enough: its `malloc` and `free` come before glibc's.
let jemalloc: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .executable(name: "sitegen-bench", targets: ["sitegen-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        .target(name: "Site"),
        .target(name: "Reports", dependencies: ["Site"]),
        .target(name: "Render", dependencies: [
            "Site", "Markdown",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "Publish", dependencies: ["Site"]),
        .target(name: "SiteCheck", dependencies: ["Site", "Render"]),
        .target(name: "Pipeline", dependencies: ["Site", "Reports", "Markdown", "Render", "Publish"]),
        .target(name: "Serve", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "sitegen", dependencies: [
            "Pipeline", "Serve", "SiteCheck",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemalloc),
        .target(name: "Corpus", dependencies: ["Site"]),
        .executableTarget(name: "sitegen-bench", dependencies: [
            "Corpus", "Reports", "Site", "Render", "Publish", "Pipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Benchmarks", linkerSettings: jemalloc),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "Site"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "SiteTests", dependencies: ["Site"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Site", "Corpus"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Site", "Markdown"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "Site"]),
        .testTarget(name: "SitegenTests", dependencies: ["Pipeline", "Publish", "Reports", "Render", "Site", "SiteCheck", "Corpus"]),
        .testTarget(name: "SiteCheckTests", dependencies: ["SiteCheck", "Site", "Render", "Publish"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Pipeline", "sitegen"]),
        .testTarget(name: "ReportMarkupTests", dependencies: ["Render", "Markdown", "Site"]),
    ],
    swiftLanguageModes: [.v6]
)
