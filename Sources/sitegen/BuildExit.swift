import ArgumentParser
import Pipeline

/// The exit codes of `sitegen build`, as the README documents them.
enum BuildExit {
    /// 1: the build failed (templates, rendering, writing); 2: `--strict` found warnings or errors;
    /// 64 (EX_USAGE, as for a bad option): an input folder is missing or the output folder may not be used. 0 is success.
    static func code(for kind: SiteBuild.Failure.Kind) -> ExitCode {
        switch kind {
        case .failed: ExitCode(1)
        case .strict: ExitCode(2)
        case .refusedFolder: ExitCode.validationFailure
        }
    }
}
