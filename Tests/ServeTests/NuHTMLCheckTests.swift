import Foundation
import Testing
@testable import Serve

@Suite struct NuHTMLCheckTests {
    @Test func nuCheckerLinesBecomeProblemsOnRelativePages() {
        let output = """
            "file:/tmp/site/outcomes/staying-safe/index.html":12.3-12.10: error: Element "div" not allowed as child of element "span" in this context.
            Some unrelated line from Java
            """
        #expect(NuHTMLCheck.parse(output, folder: URL(fileURLWithPath: "/tmp/site")) == [
            SiteProblem(page: "outcomes/staying-safe/index.html", line: 12, message: #"HTML: Element "div" not allowed as child of element "span" in this context."#),
        ])
    }
}
