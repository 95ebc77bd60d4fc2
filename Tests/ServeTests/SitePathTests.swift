import Testing
@testable import Serve

@Suite struct SitePathTests {
    @Test func rootAndFoldersAreFolders() {
        #expect(SitePath(requestPath: "/") == .inside(segments: [], isFolder: true))
        #expect(SitePath(requestPath: "/outcomes/staying-safe/") == .inside(segments: ["outcomes", "staying-safe"], isFolder: true))
        #expect(SitePath(requestPath: "/assets/site.css") == .inside(segments: ["assets", "site.css"], isFolder: false))
    }

    @Test func segmentsArePercentDecoded() {
        #expect(SitePath(requestPath: "/a%20b/c.html") == .inside(segments: ["a b", "c.html"], isFolder: false))
    }

    @Test(arguments: [
        "/../etc/passwd", "/outcomes/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd", "/a/..%2f..%2fetc/passwd", "/a%2F..%2F..%2Fetc", "/a/%5C..%5Cb", "/./index.html",
        "/bad%zzescape", "/nul%00.html", "relative/path",
    ])
    func pathsThatLeaveOrHideAreRefused(path: String) {
        #expect(SitePath(requestPath: path) == .refused)
    }
}
