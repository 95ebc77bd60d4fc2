import Foundation
import Testing
@testable import Serve

@Suite struct LiveReloadTests {
    @Test func scriptGoesJustBeforeTheLastClosingBody() {
        let page = "<html><body><p>&lt;/body&gt;</p></body></html>"
        let injected = String(decoding: LiveReload.inject(into: Data(page.utf8)), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>&lt;/body&gt;</p><script>"))
        #expect(injected.hasSuffix("</script>\n</body></html>"))
        #expect(injected.contains(LiveReload.versionPath))
    }

    @Test func pageWithoutBodyGetsTheScriptAtTheEnd() {
        let injected = String(decoding: LiveReload.inject(into: Data("<p>fragment</p>".utf8)), as: UTF8.self)
        #expect(injected.hasPrefix("<p>fragment</p><script>"))
    }
}
