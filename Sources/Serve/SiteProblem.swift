import Foundation

/// A problem found in a built site, on one page (a path relative to the site folder) and, when known,
/// one line of it.
public struct SiteProblem: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var page: String
    public var line: Int?
    public var message: String

    public init(page: String, line: Int? = nil, message: String) {
        self.page = page
        self.line = line
        self.message = message
    }

    public var description: String { "\(page)\(line.map { ":\($0)" } ?? ""): error: \(message)" }

    public static func < (a: Self, b: Self) -> Bool { (a.page, a.line ?? 0, a.message) < (b.page, b.line ?? 0, b.message) }
}
