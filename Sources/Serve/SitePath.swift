/// Where a request path points inside the served folder, decided from the raw, still percent-encoded
/// request target alone, before the file system is asked anything.
///
/// Every segment is percent-decoded on its own, so `%2e%2e` and `%2F` are caught as well as a literal
/// `..`. A path that would leave the folder is refused, not normalised: a browser never sends one, so
/// whoever did is probing.
public enum SitePath: Equatable, Sendable {
    /// A path relative to the served folder, made of decoded segments; empty for the root.
    /// `isFolder` is true when the request ended in `/`.
    case inside(segments: [String], isFolder: Bool)
    case refused

    public init(requestPath raw: String) {
        guard raw.hasPrefix("/") else { self = .refused; return }
        var segments: [String] = []
        for encoded in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(encoded).removingPercentEncoding,
                  segment != ".", segment != "..",
                  !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { self = .refused; return }
            segments.append(segment)
        }
        self = .inside(segments: segments, isFolder: raw.hasSuffix("/") || segments.isEmpty)
    }
}
