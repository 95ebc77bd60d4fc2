import Foundation
import Pipeline
import Testing
@testable import Serve

/// Starts the preview server in-process on a free loopback port and talks to it over real sockets.
@Suite struct PreviewServerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func build(content: URL, output: URL) async throws {
        _ = try await SiteBuild(options: .init(content: content, templates: root.appendingPathComponent("Templates"), output: output)).run()
    }

    /// Runs the preview until `body` returns, then stops it.
    static func withPreview(_ preview: Preview, _ body: (UInt16) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: UInt16.self)
        let server = Task {
            defer { continuation.finish() }
            try await preview.run { continuation.yield($0) }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await server.value
            throw RawHTTP.Failure(description: "the server stopped before listening")
        }
        try await body(port)
    }

    static func serving(_ folder: URL) -> Preview {
        Preview(server: PreviewServer(folder: folder, port: 0), sources: [], rebuild: { true })
    }

    @Test func answersPagesOfTheBuiltSiteAsHTML() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        try await Self.build(content: Self.root.appendingPathComponent("Content"), output: output)
        try await Self.withPreview(Self.serving(output)) { port in
            for path in ["/", "/index.html", "/authorities/stoke-on-trent/", "/outcomes/staying-safe/index.html", "/inspections/stockport-apa-2006/"] {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(path)")
                #expect(response.body.contains("<main"), "\(path)")
                #expect(response.body.contains(LiveReload.versionPath), "\(path) should carry the live-reload script")
                #expect(response.headers["connection"] == "close", "kept-alive responses wait ~40 ms for a delayed ACK")
            }
            let css = try await RawHTTP.request("/assets/site.css", port: port)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            let csv = try await RawHTTP.request("/data/judgements.csv", port: port)
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("authority,"))
            let folderWithoutSlash = try await RawHTTP.request("/outcomes/staying-safe", port: port)
            #expect(folderWithoutSlash.status == 301)
            #expect(folderWithoutSlash.headers["location"] == "/outcomes/staying-safe/")
        }
        let published = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!published.contains(LiveReload.versionPath), "the reload script must never be written into the site")
    }

    @Test func neverServesAPathOutsideTheFolder() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("<p>home</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("secret-outside".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("escape.txt"), withDestinationURL: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("up"), withDestinationURL: folder)
        try await Self.withPreview(Self.serving(site)) { port in
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/x/../../secret.txt"] {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 400, "\(path)")
                #expect(!response.body.contains("secret-outside"), "\(path)")
            }
            for path in ["/escape.txt", "/up/secret.txt"] {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 404, "\(path) follows a symbolic link out of the site")
                #expect(!response.body.contains("secret-outside"), "\(path)")
            }
        }
    }

    @Test func missingPathsGetTheSites404PageWithStatus404() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<html><body><h1>Page not found</h1></body></html>".utf8).write(to: folder.appendingPathComponent("404.html"))
        try await Self.withPreview(Self.serving(folder)) { port in
            let response = try await RawHTTP.request("/authorities/nowhere/", port: port)
            #expect(response.status == 404)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.body.contains("Page not found"))
            let head = try await RawHTTP.request("/404.html", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            let post = try await RawHTTP.request("/404.html", port: port, method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test func aSecondServerOnTheSamePortReportsThePortInUse() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.withPreview(Self.serving(folder)) { port in
            let second = PreviewServer(folder: folder, port: port)
            await #expect(throws: PreviewServer.Failure.portInUse(host: "127.0.0.1", port: port)) {
                try await second.run { _ in }
            }
        }
    }

    @Test func rebuildsAndAdvancesTheBuildAfterAReportChanges() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("Content")
        let output = folder.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let report = content.appendingPathComponent("stockport-APA-2006.txt")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Content/stockport-APA-2006.txt"), to: report)
        try await Self.build(content: content, output: output)
        let preview = Preview(
            server: PreviewServer(folder: output, port: 0), sources: [content], pollInterval: .milliseconds(100),
            rebuild: { (try? await Self.build(content: content, output: output)) != nil })
        try await Self.withPreview(preview) { port in
            let page = "/inspections/stockport-apa-2006/"
            #expect(try await RawHTTP.request(LiveReload.versionPath, port: port).body == "1")
            #expect(try await !RawHTTP.request(page, port: port).body.contains("zebraquokka"))

            let handle = try FileHandle(forWritingTo: report)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\nThe marker paragraph zebraquokka ends this letter.\n".utf8))
            try handle.close()

            var version = "1"
            for _ in 0..<300 where version == "1" {
                try await Task.sleep(for: .milliseconds(100))
                version = try await RawHTTP.request(LiveReload.versionPath, port: port).body
            }
            #expect(version == "2")
            #expect(try await RawHTTP.request(page, port: port).body.contains("zebraquokka"))
        }
    }
}
