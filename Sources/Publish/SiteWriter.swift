import Foundation
import Site

/// Writes a built site into the output folder atomically.
///
/// Every file goes into a staging folder beside the output; only when all are written is the old output
/// moved aside and the staging folder renamed into its place. A build that fails or is killed at any
/// point leaves the previous output whole (at worst with a stale staging folder beside it, which the
/// next build removes).
public struct SiteWriter: Sendable {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): error: \(message)" }
    }

    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var staging: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging") }
    var retired: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous") }

    public func write(_ files: [OutputFile]) throws(Failure) {
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: retired)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: staging.path, message: "cannot create the staging folder (\(error.localizedDescription))")
        }
        do {
            for file in files {
                try Self.checkRelative(file.path)
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: target)
            }
        } catch let failure as Failure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure(path: output.path, message: "cannot write the site (\(error.localizedDescription))")
        }
        try moveStagingIntoPlace()
    }

    /// Swaps the staging folder in for the output: the old output is moved aside, the staging folder
    /// renamed into its place, and the old output removed (or kept as `retired`, for an incremental
    /// build to reuse); on failure the old output is put back.
    func moveStagingIntoPlace(keepingRetired: Bool = false) throws(Failure) {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            if !keepingRetired { try? manager.removeItem(at: retired) }
        } catch {
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            try? manager.removeItem(at: staging)
            throw Failure(path: output.path, message: "cannot move the new site into place (\(error.localizedDescription))")
        }
    }

    /// A path written into the output must be relative and must not climb out of it.
    static func checkRelative(_ path: String) throws(Failure) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !segments.isEmpty,
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else {
            throw Failure(path: path, message: "refusing to write a path outside the output folder")
        }
    }
}
