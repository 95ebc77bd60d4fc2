import Foundation

/// An open file that grows only at its end, from any thread, and is read at any place: the section
/// spill and the cache's pack of summaries.
/// Sendable: the end is only read and moved under `lock`; bytes before it are never written again.
final class AppendedFile: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var end: Int

    /// Takes over `descriptor`, whose first `end` bytes are kept; it is closed with this.
    init(descriptor: Int32, end: Int) {
        self.descriptor = descriptor
        self.end = end
    }

    deinit {
        close(descriptor)
    }

    /// The bytes kept and every one appended.
    var size: Int { lock.withLock { end } }

    /// Writes `bytes` at the end and returns their offset; nil when they cannot be written.
    func append(_ bytes: [UInt8]) -> Int? {
        let offset = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, bytes.count - written, off_t(offset + written)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            written += result
        }
        return offset
    }

    /// The `length` bytes at `offset`, or nil when they cannot be read.
    func read(offset: Int, length: Int) -> [UInt8]? {
        guard offset >= 0, length >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, length - done, off_t(offset + done)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            done += result
        }
        return bytes
    }
}
