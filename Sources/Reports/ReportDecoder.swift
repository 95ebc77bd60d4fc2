import Foundation
import Site

/// Turns the bytes of a report file into text, or says why it cannot.
///
/// Every byte of `Content/` is untrusted. A file that is empty, binary or over a limit is refused with an
/// error; text that is not UTF-8 is decoded as Windows-1252 (which agrees with Latin-1 on every printable
/// character) with a warning that says so; a byte order mark, CRLF or CR line endings and stray control
/// characters are normalised with a note or a warning. The text handed on has `\n` line breaks only.
public struct ReportDecoder: Sendable {
    /// Bounds on what one report may be, so that a runaway file costs bounded time and memory.
    ///
    /// The bundled reports are at most 132 KB with lines of at most 2,800 bytes (a PDF paragraph per
    /// line). Extraction takes about 5 s per MB of report text in a release build, and far longer on one
    /// long line (12 s for a 1 MB line), so a report may be 1 MiB (eight times the largest real one) and
    /// a line 64 KiB (0.4 s). A larger file or longer line is refused, not cut.
    public struct Limits: Sendable, Equatable {
        public var fileBytes: Int
        public var lineBytes: Int

        public init(fileBytes: Int, lineBytes: Int) {
            self.fileBytes = fileBytes
            self.lineBytes = lineBytes
        }

        public static let standard = Limits(fileBytes: 1 << 20, lineBytes: 64 << 10)
    }

    public struct Decoded: Sendable, Equatable {
        /// The text as UTF-8, or nil when the file was refused (then an error diagnostic says why). It is
        /// handed on as bytes: reading takes the text line by line (`ReportText`), and a String of the
        /// whole text would only check the bytes over again.
        public var utf8: [UInt8]?
        public var diagnostics: [Diagnostic]

        /// The text, or nil when the file was refused.
        public var text: String? { utf8.map { String(decoding: $0, as: UTF8.self) } }
    }

    public var limits: Limits

    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    public func decode(_ data: Data, file: String) -> Decoded {
        decode([UInt8](data), file: file)
    }

    public func decode(_ bytes: [UInt8], file: String) -> Decoded {
        var notes: [Diagnostic] = []
        func refuse(_ line: Int?, _ message: String) -> Decoded {
            Decoded(utf8: nil, diagnostics: [Diagnostic(.error, file: file, line: line, message)])
        }
        if bytes.count > limits.fileBytes {
            return refuse(nil, "the file is \(bytes.count) bytes, over the limit of \(limits.fileBytes) for one report; skipped")
        }
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            return refuse(nil, "the file is empty\(bytes.isEmpty ? "" : " (white space only)"); skipped")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                return refuse(1, "the file starts with a UTF-16 byte order mark but is not UTF-16 text; skipped")
            }
            notes.append(Diagnostic(.note, file: file, line: 1, "the file is UTF-16; read as UTF-16"))
            return finish(Array(text.utf8), file: file, notes: notes)
        }
        return finish(bytes, file: file, notes: notes)
    }

    /// Checks and decodes bytes that are meant to be 8-bit text (UTF-8 or a single-byte encoding).
    private func finish(_ input: [UInt8], file: String, notes: [Diagnostic]) -> Decoded {
        var notes = notes
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            notes.append(Diagnostic(.note, file: file, line: 1, "the file starts with a UTF-8 byte order mark; removed"))
        }
        let census = ByteCensus(bytes)
        // Line numbers are needed only for messages; most files need none.
        lazy var lines = LineIndex(bytes)
        if let nul = census.firstNUL {
            return Decoded(utf8: nil, diagnostics: notes + [Diagnostic(
                .error, file: file, line: lines.line(at: nul),
                "the file contains NUL bytes, so it is binary, not text; skipped")])
        }
        if census.controls * 100 > bytes.count, let first = census.firstControl {
            return Decoded(utf8: nil, diagnostics: notes + [Diagnostic(
                .error, file: file, line: lines.line(at: first),
                "\(census.controls) of the file's \(bytes.count) bytes are control characters, so it is binary, not text; skipped")])
        }
        if census.longestLine > limits.lineBytes {
            let long = lines.longest
            return Decoded(utf8: nil, diagnostics: notes + [Diagnostic(
                .error, file: file, line: long.line,
                "the line is \(long.length) bytes long, over the limit of \(limits.lineBytes) for one line; skipped")])
        }
        var utf8: [UInt8]
        if bytes.withUnsafeBufferPointer({ TextScanning.firstInvalidUTF8(in: $0) }) == nil {
            utf8 = bytes.startIndex == input.startIndex ? input : Array(bytes)
        } else {
            let (text, firstInvalid, usedC1) = Self.decodeUTF8OrWindows1252(bytes)
            utf8 = Array(text.utf8)
            if let firstInvalid {
                let encoding = usedC1 ? "Windows-1252" : "Latin-1 (ISO-8859-1)"
                notes.append(Diagnostic(
                    .warning, file: file, line: lines.line(at: firstInvalid),
                    "the file is not UTF-8 (byte 0x\(String(bytes[firstInvalid], radix: 16, uppercase: true)) here); bytes that are not UTF-8 were read as \(encoding)"))
            }
        }
        // Carriage returns and control characters are ASCII, which is never part of a longer UTF-8
        // sequence, so they are replaced and removed byte by byte.
        if census.hasCarriageReturn {
            let crlf = utf8.indices.contains { utf8[$0] == 0x0D && $0 + 1 < utf8.count && utf8[$0 + 1] == 0x0A }
            utf8 = Self.lineFeeds(utf8)
            notes.append(Diagnostic(.note, file: file, line: nil, crlf ? "Windows (CRLF) line endings read as line breaks" : "carriage returns read as line breaks"))
        }
        if let first = census.firstControl {
            utf8.removeAll(where: Self.isStrayControl)
            notes.append(Diagnostic(
                .warning, file: file, line: lines.line(at: first),
                "the file contains \(census.controls) stray control character\(census.controls == 1 ? "" : "s"); removed"))
        }
        return Decoded(utf8: utf8, diagnostics: notes)
    }

    /// `bytes` with each CR LF, and each CR on its own, made one LF.
    static func lineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                result.append(0x0A)
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// An ASCII control character that plain text never holds: not tab, line feed, vertical tab, form
    /// feed or carriage return.
    static func isStrayControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && !(0x09...0x0D).contains(byte)) || byte == 0x7F
    }

    /// Decodes valid UTF-8 as UTF-8 and every other byte as Windows-1252, so that a file in Windows-1252
    /// or Latin-1, or one that mixes them with UTF-8 (text pasted from several sources), reads with its
    /// curly quotes and dashes right. Returns the index of the first byte that was not UTF-8, and whether
    /// any such byte was in 0x80–0x9F, where Windows-1252 and Latin-1 differ. `finish` calls it only for
    /// bytes `TextScanning.firstInvalidUTF8` found not all UTF-8, so it does not check them first.
    static func decodeUTF8OrWindows1252(_ bytes: ArraySlice<UInt8>) -> (String, firstInvalid: Int?, usedC1: Bool) {
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        var firstInvalid: Int?
        var usedC1 = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for index in offset..<offset + length {
                    let byte = bytes[index]
                    firstInvalid = firstInvalid ?? index
                    if (0x80...0x9F).contains(byte) { usedC1 = true }
                    scalars.append(windows1252(byte))
                }
                offset += length
            case .emptyInput:
                return (String(scalars), firstInvalid, usedC1)
            }
        }
    }

    /// The character of a byte in Windows-1252; the five bytes it leaves undefined become U+FFFD.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(high[Int(byte) - 0x80])!
    }
}

/// What `ReportDecoder` checks in a file's bytes, found in one pass: the first NUL, the stray control
/// characters, a carriage return, and the length of the longest line (without its line break, which is
/// LF, CR or CR LF, as `LineIndex` counts them).
struct ByteCensus {
    var firstNUL: Int?
    var firstControl: Int?
    var controls = 0
    var hasCarriageReturn = false
    var longestLine = 0

    init(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var longest = 0
            var index = 0
            let count = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress)
            while index < count {
                // Eight printable bytes at a time: no byte below 0x20 (the high bit of a byte of
                // `word - 0x20…` that was clear in `word`) and none equal to DEL (a zero byte of `word ^ 0x7F…`).
                if index + 8 <= count, let base {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let low = (word &- ones &* 0x20) & ~word & high
                    let deleteZeroed = word ^ (ones &* 0x7F)
                    let delete = (deleteZeroed &- ones) & ~deleteZeroed & high
                    if low | delete == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                // A printable byte (0x20 and up, but DEL) needs no further look: the common case.
                if byte >= 0x20, byte != 0x7F {
                    index += 1
                    continue
                }
                if byte == 0x0A || byte == 0x0D {
                    longest = max(longest, index - lineStart)
                    if byte == 0x0D {
                        hasCarriageReturn = true
                        if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    }
                    lineStart = index + 1
                } else if ReportDecoder.isStrayControl(byte) {
                    if byte == 0, firstNUL == nil { firstNUL = bytes.startIndex + index }
                    if firstControl == nil { firstControl = bytes.startIndex + index }
                    controls += 1
                }
                index += 1
            }
            longestLine = max(longest, count - lineStart)
        }
    }
}

/// Where the lines of a byte buffer start, to turn a byte offset into a 1-based line number. A line
/// ends at `\n`, at `\r\n`, or at a `\r` on its own.
struct LineIndex {
    private var starts: [Int]
    /// The longest line, without its line break, and its number.
    private(set) var longest: (line: Int, length: Int)

    init(_ bytes: ArraySlice<UInt8>) {
        var starts = [bytes.startIndex]
        var longest = (line: 1, length: 0)
        var index = bytes.startIndex
        func endLine(at end: Int) {
            let length = end - starts[starts.count - 1]
            if length > longest.length { longest = (starts.count, length) }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                endLine(at: index)
                if byte == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        endLine(at: bytes.endIndex)
        self.starts = starts
        self.longest = longest
    }

    func line(at offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}
