import Foundation
import Reports
import Site

/// libFuzzer entry: any bytes go through the report reader as a file from `Content/` would, the
/// decoding (`ReportDecoder`) then extraction (`ReportExtractor`), and what comes out must hold the
/// reader's promises: it returns, the id is a slug, every line it cites exists. The same bytes are also
/// read as a sidecar, which must either parse or throw.
///
/// Built by `Tests/Fuzz/run.sh` with `-sanitize=fuzzer,address`; not part of the Swift package.
let extractor = ReportExtractor()

/// Compiles the readers' patterns before the first input, so that libFuzzer's leak check (which compares
/// allocations before and after each input) does not take a pattern's first use for a leak.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    ReportExtractor.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func readReport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    _ = try? Sidecar.parse(data)
    let decoded = ReportDecoder().decode(data, file: "fuzz.txt")
    guard let text = decoded.text else {
        precondition(decoded.diagnostics.contains { $0.severity == .error }, "refused without an error")
        return 0
    }
    let lines = ReportText(path: "fuzz.txt", text: text).lines.count
    let extraction = extractor.extract(ReportSource(path: "fuzz.txt", text: text))
    for diagnostic in extraction.diagnostics {
        precondition((diagnostic.line ?? 1) >= 1 && (diagnostic.line ?? 1) <= lines, "diagnostic cites line \(diagnostic.line!) of \(lines)")
    }
    guard let inspection = extraction.inspection else { return 0 }
    precondition(inspection.id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "id \(inspection.id) is not a slug")
    precondition(inspection.authority.slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "authority slug \(inspection.authority.slug)")
    for judgement in inspection.judgements {
        precondition((1...lines).contains(judgement.source.line), "judgement cites line \(judgement.source.line) of \(lines)")
    }
    for section in inspection.sections {
        precondition((1...max(lines, 1)).contains(section.startLine), "section starts at line \(section.startLine) of \(lines)")
    }
    return 0
}
