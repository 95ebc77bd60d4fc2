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
