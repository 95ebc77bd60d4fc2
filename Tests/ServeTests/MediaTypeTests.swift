import Testing
@testable import Serve

@Suite struct MediaTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/site.css", "text/css; charset=utf-8"),
        ("chart.SVG", "image/svg+xml"), ("feed.xml", "application/xml; charset=utf-8"),
        ("data/judgements.json", "application/json"), ("data/judgements.csv", "text/csv; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"), ("LICENCE", "application/octet-stream"),
    ])
    func typeFollowsTheExtension(path: String, type: String) {
        #expect(MediaType.of(path: path) == type)
    }
}
