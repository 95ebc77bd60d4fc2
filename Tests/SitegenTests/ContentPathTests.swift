import Foundation
import Testing
@testable import Pipeline

@Suite struct ContentPathTests {
    /// A report's sidecar is named as NSString would name it, whatever the case of the extension.
    @Test(arguments: [
        "stockport-APA-2006.txt", "a/b/wigan-JAR-2006.TXT", "x.Txt", "b..txt", "dir.txt/report.txt", ".txt", "a/.txt",
        "ünïcode—report.txt", "no-extension", "two.ext.txt", "a b.txt",
    ])
    func sidecarPathMatchesNSString(report: String) {
        #expect(ContentReader.sidecarPath(of: report) == (report as NSString).deletingPathExtension + ".json")
    }
}
