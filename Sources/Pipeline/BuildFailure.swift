import Site

extension SiteBuild.Failure {
    /// Why the build stopped, which the command line turns into its exit code.
    public enum Kind: Sendable, Equatable {
        /// Templates, rendering or writing failed.
        case failed
        /// `--strict` found warnings or errors in the input.
        case strict
        /// An input folder is missing, or the output folder is one the build must not replace.
        case refusedFolder
    }
}

extension SiteBuild {
    /// Under `--strict`, any warning or error fails the build before anything is published; notes do not.
    static func strictFailure(_ diagnostics: [Diagnostic]) -> Failure? {
        let serious = diagnostics.filter { $0.severity >= .warning }
        guard !serious.isEmpty else { return nil }
        return Failure(
            message: "--strict: \(serious.count) warning\(serious.count == 1 ? "" : "s") or error\(serious.count == 1 ? "" : "s") in the input; nothing was published",
            diagnostics: diagnostics.sorted(), kind: .strict)
    }
}
