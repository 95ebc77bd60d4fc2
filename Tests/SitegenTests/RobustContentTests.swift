import Foundation
import Testing
@testable import Pipeline
import Reports
import Site

@Suite struct RobustDecodingTests {
    let decoder = ReportDecoder()

    func decode(_ bytes: [UInt8], limits: ReportDecoder.Limits = .standard) -> ReportDecoder.Decoded {
        ReportDecoder(limits: limits).decode(Data(bytes), file: "r.txt")
    }

    @Test func windows1252QuotesAndDashesAreDecodedWithAWarning() {
        let bytes = Array("Title\nChildren".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("services".utf8) + [0x94]
            + Array(" aged 14".utf8) + [0x96] + Array("19 cost ".utf8) + [0x80]
        let decoded = decode(bytes)
        #expect(decoded.text == "Title\nChildren’s “services” aged 14–19 cost €")
        #expect(decoded.diagnostics.map(\.description) == ["r.txt:2: warning: the file is not UTF-8 (byte 0x92 here); bytes that are not UTF-8 were read as Windows-1252"])
    }

    @Test func latin1IsNamedWhenNoWindows1252OnlyByteOccurs() {
        let decoded = decode(Array("caf".utf8) + [0xE9, 0x20, 0xA3] + Array("5".utf8))
        #expect(decoded.text == "café £5")
        #expect(decoded.diagnostics.first?.message.contains("Latin-1") == true)
    }

    @Test func validUTF8MixedWithWindows1252KeepsBoth() {
        let decoded = decode(Array("Children’s and children".utf8) + [0x92] + Array("s".utf8))
        #expect(decoded.text == "Children’s and children’s")
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("Report".utf8), "Report", "r.txt:1: note: the file starts with a UTF-8 byte order mark; removed"),
        (Array("one\r\ntwo\r\n".utf8), "one\ntwo\n", "r.txt: note: Windows (CRLF) line endings read as line breaks"),
        (Array("one\rtwo".utf8), "one\ntwo", "r.txt: note: carriage returns read as line breaks"),
        ([0xFF, 0xFE, 0x52, 0x00, 0x19, 0x20], "R’", "r.txt:1: note: the file is UTF-16; read as UTF-16"),
    ] as [([UInt8], String, String)])
    func encodingQuirksAreNormalisedWithANote(bytes: [UInt8], text: String, message: String) {
        let decoded = decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.diagnostics.map(\.description) == [message])
    }

    @Test(arguments: [
        ([], nil, "the file is empty; skipped"),
        (Array(" \n\t\r\n".utf8), nil, "the file is empty (white space only); skipped"),
        (Array("text\nmore\0binary".utf8), 2, "the file contains NUL bytes, so it is binary, not text; skipped"),
        (Array(repeating: 0x01, count: 50) + Array("text".utf8), 1, "50 of the file's 54 bytes are control characters, so it is binary, not text; skipped"),
    ] as [([UInt8], Int?, String)])
    func unusableFilesAreRefusedWithTheLine(bytes: [UInt8], line: Int?, message: String) {
        let decoded = decode(bytes)
        #expect(decoded.text == nil)
        #expect(decoded.diagnostics == [Diagnostic(.error, file: "r.txt", line: line, message)])
    }

    @Test func aFewStrayControlCharactersAreRemoved() {
        let decoded = decode(Array((String(repeating: "text ", count: 40) + "\nbell\u{07} here").utf8))
        #expect(decoded.text?.hasSuffix("\nbell here") == true)
        #expect(decoded.diagnostics.map(\.description) == ["r.txt:2: warning: the file contains 1 stray control character; removed"])
    }

    @Test func limitsRefuseLongLinesAndLargeFiles() {
        let limits = ReportDecoder.Limits(fileBytes: 100, lineBytes: 10)
        let longLine = decode(Array("short\r\n0123456789A\nend".utf8), limits: limits)
        #expect(longLine.text == nil)
        #expect(longLine.diagnostics.map(\.description) == ["r.txt:2: error: the line is 11 bytes long, over the limit of 10 for one line; skipped"])
        let large = decode(Array(repeating: 0x61, count: 101), limits: limits)
        #expect(large.diagnostics.map(\.description) == ["r.txt: error: the file is 101 bytes, over the limit of 100 for one report; skipped"])
    }

    @Test func aOneMegabyteLineIsRefused() {
        let decoded = decode(Array("Title\n".utf8) + Array(repeating: 0x61, count: (1 << 20) - 10))
        #expect(decoded.text == nil)
        #expect(decoded.diagnostics.first?.line == 2)
    }
}

@Suite struct RobustContentFolderTests {
    func read(_ scratch: RobustScratch) -> ContentReader.Result {
        ContentReader(folder: scratch.content).read()
    }

    func messages(_ result: ContentReader.Result) -> [String] {
        result.diagnostics.sorted().map(\.description)
    }

    @Test func aFiftyMegabyteReportIsRefusedUnread() throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        let huge = scratch.content.appendingPathComponent("huge.txt")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        let result = read(scratch)
        #expect(result.sources.map(\.path) == ["stockport-APA-2006.txt"])
        #expect(messages(result) == ["huge.txt: error: the file is 52428800 bytes, over the limit of 1048576 for one file; skipped unread"])
    }

    @Test func linksOutOfTheFolderAreNotFollowed() throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try scratch.write("secret", to: "outside/secret.txt")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: scratch.content.appendingPathComponent("leak.txt").path, withDestinationPath: "../outside/secret.txt")
        try manager.createSymbolicLink(atPath: scratch.content.appendingPathComponent("folder").path, withDestinationPath: scratch.folder.appendingPathComponent("outside").path)
        try manager.createSymbolicLink(atPath: scratch.content.appendingPathComponent("alias.txt").path, withDestinationPath: "stockport-APA-2006.txt")
        try manager.createSymbolicLink(atPath: scratch.content.appendingPathComponent("gone.txt").path, withDestinationPath: "missing.txt")
        #expect(mkfifo(scratch.content.appendingPathComponent("pipe").path, 0o600) == 0)
        try manager.createSymbolicLink(atPath: scratch.content.appendingPathComponent("pipe.txt").path, withDestinationPath: "pipe")
        #expect(mkfifo(scratch.content.appendingPathComponent("fifo.txt").path, 0o600) == 0)
        let result = read(scratch)
        #expect(result.sources.map(\.path) == ["alias.txt", "stockport-APA-2006.txt"])
        #expect(messages(result) == [
            "fifo.txt: warning: not a regular file (a device, socket or pipe); skipped",
            "folder: warning: symbolic link to a folder outside the content folder; not followed",
            "gone.txt: error: symbolic link to a file that does not exist; skipped",
            "leak.txt: warning: symbolic link to a file outside the content folder; not followed",
            "pipe.txt: warning: symbolic link to something that is not a regular file (a device, socket or pipe); skipped",
        ])
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func anUnreadableFileIsSkipped() throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try scratch.write("text", to: "Content/locked.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: scratch.content.appendingPathComponent("locked.txt").path)
        let result = read(scratch)
        #expect(result.sources.map(\.path) == ["stockport-APA-2006.txt"])
        #expect(messages(result) == ["locked.txt: error: cannot read the file (Permission denied); skipped"])
    }

    @Test func aFolderNamedLikeAReportIsReadAsAFolder() throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        try scratch.write("text of a nested report", to: "Content/odd.txt/inner.txt")
        #expect(read(scratch).sources.map(\.path) == ["odd.txt/inner.txt", "stockport-APA-2006.txt"])
    }

    @Test func brokenSidecarsAreNamedAndTheReportIsStillRead() throws {
        let scratch = try RobustScratch(reports: ["stockport-APA-2006.txt", "staffordshire-APA-2006.txt"])
        defer { scratch.remove() }
        try scratch.write("{\"authority\": ", to: "Content/stockport-APA-2006.json")
        try scratch.write("{\"authorty\": \"Staffs\"}", to: "Content/staffordshire-APA-2006.json")
        try scratch.write("{}", to: "Content/orphan.json")
        try scratch.write("hidden", to: "Content/.draft.txt")
        let result = read(scratch)
        #expect(result.sources.map(\.path) == ["staffordshire-APA-2006.txt", "stockport-APA-2006.txt"])
        let found = messages(result)
        #expect(found.count == 3)
        #expect(found[0] == "orphan.json: warning: sidecar without a report (no orphan.txt beside it); ignored")
        #expect(found[1].hasPrefix("staffordshire-APA-2006.json: error: sidecar names an unknown field \"authorty\""))
        #expect(found[1].hasSuffix("; the report is read without it"))
        #expect(found[2].hasPrefix("stockport-APA-2006.json: error: sidecar is not valid JSON"))
    }

    @Test func oneBadFileNeverStopsTheOthers() throws {
        let scratch = try RobustScratch(reports: ["stockport-APA-2006.txt", "staffordshire-APA-2006.txt"])
        defer { scratch.remove() }
        try scratch.write(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]), to: "Content/a-program.txt")
        try scratch.write("", to: "Content/empty.txt")
        let result = read(scratch)
        #expect(result.sources.map(\.path) == ["staffordshire-APA-2006.txt", "stockport-APA-2006.txt"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error } && result.diagnostics.count == 2)
    }
}
