import Foundation
import Site

/// One report as read from the content folder: its decoded text and, if present, its sidecar.
public struct ReportSource: Sendable, Equatable {
    /// The report's path relative to the content folder, as diagnostics and the data export name it.
    public var path: String
    public var text: String
    public var sidecar: Sidecar?

    public init(path: String, text: String, sidecar: Sidecar? = nil) {
        self.path = path
        self.text = text
        self.sidecar = sidecar
    }
}

/// What one report yields: an inspection when the report could be read, and every message about it.
public struct Extraction: Sendable, Equatable {
    public var inspection: Inspection?
    public var diagnostics: [Diagnostic]

    public init(inspection: Inspection?, diagnostics: [Diagnostic]) {
        self.inspection = inspection
        self.diagnostics = diagnostics
    }
}

extension ReportSource {
    /// A report file's bytes as text: UTF-8 when they are valid UTF-8, else Windows-1252, in which older
    /// exports of Word and PDF files were saved (a curly apostrophe is the byte 0x92).
    public static func text(decoding data: Data) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in data {
            let value = (0x80...0x9F).contains(byte) ? windows1252[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Windows-1252 characters for the bytes 0x80–0x9F (undefined bytes as U+FFFD).
    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
