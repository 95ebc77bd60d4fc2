import Foundation
import Testing
@testable import Pipeline

/// `WholeFile` reads every byte of a file, whatever its size and however `read` splits it, refuses one
/// over the limit unread and names the system's reason for a file it cannot read.
@Suite final class WholeFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wholefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func file(_ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(UUID().uuidString)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 65_536, 200_003])
    func readsEveryByte(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        #expect(try WholeFile.bytes(ofFile: file(bytes), limit: 1_000_000).get() == bytes)
    }

    @Test func refusesAFileOverTheLimit() throws {
        let path = try file(Array(repeating: 65, count: 10))
        #expect(throws: WholeFile.Failure.overLimit(10)) { try WholeFile.bytes(ofFile: path, limit: 9).get() }
        #expect(try WholeFile.bytes(ofFile: path, limit: 10).get().count == 10)
    }

    @Test func namesTheReasonItCannotRead() throws {
        #expect(throws: WholeFile.Failure.system(ENOENT)) { try WholeFile.bytes(ofFile: folder.path + "/missing", limit: 100).get() }
        #expect(throws: WholeFile.Failure.system(EISDIR)) { try WholeFile.bytes(ofFile: folder.path, limit: 1_000_000).get() }
    }

    /// Writes `bytes` into the pipe at `path` on a thread of its own, once a reader opens it.
    func writeInBackground(_ bytes: [UInt8], toPipe path: String) {
        Thread {
            let descriptor = open(path, O_WRONLY)
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if count <= 0 { break }
                    written += count
                }
            }
            close(descriptor)
        }.start()
    }

    /// A pipe has no size, as a file growing after `fstat` has more bytes than it said: it is read to its end.
    @Test func readsPastTheSizeItWasGiven() throws {
        let path = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        writeInBackground(bytes, toPipe: path)
        #expect(try WholeFile.bytes(ofFile: path, limit: 1_000_000).get() == bytes)
        // Over the limit once read: the writer writes no more than is read, so it never writes to a
        // closed pipe.
        writeInBackground(Array(bytes.prefix(65_537)), toPipe: path)
        #expect(throws: WholeFile.Failure.overLimit(65_537)) { try WholeFile.bytes(ofFile: path, limit: 60_000).get() }
    }
}
