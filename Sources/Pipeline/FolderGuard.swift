import Foundation
import Publish

/// Refuses folders a build cannot use, before anything is read or written: an input folder that does
/// not exist (an empty site would replace the real one), and an output folder a build must never replace.
///
/// The build replaces the output folder whole, so the folder must be one sitegen owns: not `/`, not the
/// home folder, not the content or templates folder, not a folder that holds either of them (the build
/// would delete them) nor one inside them (the build would read its own output), and, if it exists and
/// holds anything, a folder an earlier build wrote (see `SiteWriter.isReplaceable`).
public struct FolderGuard: Sendable {
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var output: URL
    /// Folders the build reads, by the name the user knows them: `("content", url)`.
    public var inputs: [(role: String, folder: URL)]
    public var home: URL

    public init(output: URL, inputs: [(role: String, folder: URL)], home: URL = FileManager.default.homeDirectoryForCurrentUser) {
        self.output = output
        self.inputs = inputs
        self.home = home
    }

    public func check() throws(Refusal) {
        for (role, folder) in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Refusal(message: "the \(role) folder \(folder.path) does not exist or is not a folder")
            }
        }
        let target = Self.canonical(output)
        let shown = output.path
        if target == "/" { throw Refusal(message: "refusing to use the root folder / as the output folder") }
        if target == Self.canonical(home) { throw Refusal(message: "refusing to use the home folder \(shown) as the output folder") }
        for (role, folder) in inputs {
            let input = Self.canonical(folder)
            if target == input {
                throw Refusal(message: "refusing to use the \(role) folder \(shown) as the output folder")
            }
            if input.hasPrefix(target + "/") {
                throw Refusal(message: "refusing the output folder \(shown): it holds the \(role) folder \(folder.path), which a build would delete")
            }
            if target.hasPrefix(input + "/") {
                throw Refusal(message: "refusing the output folder \(shown): it lies inside the \(role) folder \(folder.path)")
            }
        }
        switch SiteWriter.isReplaceable(output) {
        case .success: return
        case .failure(let failure): throw Refusal(message: "refusing the output folder \(shown): \(failure.message)")
        }
    }

    /// The absolute path with symbolic links resolved, also for a folder that does not exist yet (its
    /// nearest existing ancestor is resolved and the rest appended).
    static func canonical(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path = (path as NSString).appendingPathComponent(component) }
        return path
    }
}
