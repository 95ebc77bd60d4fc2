import Foundation
import Testing
@testable import Serve

@Suite struct SourceSnapshotTests {
    @Test func addingEditingTouchingAndRemovingAFileAreAllNoticed() throws {
        let folder = try PreviewServerTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("reports/derby-SIF-2013.txt")
        try FileManager.default.createDirectory(at: report.deletingLastPathComponent(), withIntermediateDirectories: true)
        let empty = SourceSnapshot(folders: [folder])

        try Data("Overall effectiveness: good".utf8).write(to: report)
        let written = SourceSnapshot(folders: [folder])
        #expect(written != empty)
        #expect(SourceSnapshot(folders: [folder]) == written, "nothing changed, so nothing to rebuild")

        try Data("Overall effectiveness: inadequate".utf8).write(to: report)
        let edited = SourceSnapshot(folders: [folder])
        #expect(edited != written)

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: report.path)
        let touched = SourceSnapshot(folders: [folder])
        #expect(touched != edited)

        try FileManager.default.removeItem(at: report)
        #expect(SourceSnapshot(folders: [folder]) == empty)
    }
}
