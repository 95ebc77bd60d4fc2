import Foundation
import Site

/// One report as read from the content folder: its decoded text and, if present, its sidecar.
public struct ReportSource: Sendable, Equatable {
    /// The report's path relative to the content folder, as diagnostics and the data export name it.
    public var path: String
    /// The text as UTF-8 (bytes that are not are read as U+FFFD).
    public var utf8: [UInt8]
    public var sidecar: Sidecar?

    public init(path: String, text: String, sidecar: Sidecar? = nil) {
        self.init(path: path, utf8: Array(text.utf8), sidecar: sidecar)
    }

    /// A report whose text is at hand as UTF-8, as `ReportDecoder` hands it on.
    public init(path: String, utf8: [UInt8], sidecar: Sidecar? = nil) {
        self.path = path
        self.utf8 = utf8
        self.sidecar = sidecar
    }

    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
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
