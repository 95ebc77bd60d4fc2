import FlyingFox
import Foundation

/// Answers requests from the files of one folder. It never reads outside the folder: the request path
/// is checked by `SitePath` before the file system is touched, and a file reached through a symbolic
/// link that leads outside is treated as missing.
struct SiteHandler: HTTPHandler {
    let folder: URL
    let builds: BuildNumber
    let log: (@Sendable (String) -> Void)?

    init(folder: URL, builds: BuildNumber, log: (@Sendable (String) -> Void)? = nil) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.builds = builds
        self.log = log
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = await reply(to: request.method, rawPath: request.target.path())
        if request.target.path() != LiveReload.versionPath {
            log?("\(request.method.rawValue) \(request.target.rawValue) \(reply.status.code)")
        }
        // FlyingFox writes a response's head and body separately; on a kept-alive connection Nagle's
        // algorithm and the client's delayed ACK then hold the body back by about 40 ms (measured: 45 ms
        // a request kept alive, 6 ms closed). On loopback a fresh connection costs far less.
        var headers: HTTPHeaders = [.contentType: reply.contentType, .cacheControl: "no-store", .connection: "close"]
        for (name, value) in reply.headers { headers[HTTPHeader(name)] = value }
        guard request.method != .HEAD else {
            headers[.contentLength] = String(reply.body.count)
            return HTTPResponse(statusCode: reply.status, headers: headers)
        }
        return HTTPResponse(statusCode: reply.status, headers: headers, body: reply.body)
    }

    struct Reply {
        var status: HTTPStatusCode
        var contentType: String
        var body: Data
        var headers: [String: String] = [:]

        static func text(_ text: String, status: HTTPStatusCode, headers: [String: String] = [:]) -> Reply {
            Reply(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8), headers: headers)
        }
    }

    func reply(to method: HTTPMethod, rawPath: String) async -> Reply {
        guard method == .GET || method == .HEAD else {
            return .text("Only GET and HEAD are served.\n", status: .methodNotAllowed, headers: ["Allow": "GET, HEAD"])
        }
        if rawPath == LiveReload.versionPath {
            return .text(String(await builds.current), status: .ok)
        }
        switch SitePath(requestPath: rawPath) {
        case .refused:
            return .text("This path is outside the site.\n", status: .badRequest)
        case let .inside(segments, isFolder):
            switch locate(segments: segments, isFolder: isFolder) {
            case let .file(url):
                guard let contents = FileManager.default.contents(atPath: url.path) else { return notFound() }
                return Self.page(contents, path: url.path, status: .ok)
            case .folderWithoutSlash:
                return .text("Moved to \(rawPath)/\n", status: .movedPermanently, headers: ["Location": rawPath + "/"])
            case .missing:
                return notFound()
            }
        }
    }

    enum Location {
        case file(URL)
        case folderWithoutSlash
        case missing
    }

    func locate(segments: [String], isFolder: Bool) -> Location {
        var url = segments.reduce(folder) { $0.appendingPathComponent($1) }
        if isFolder { url.appendPathComponent("index.html") }
        let resolved = url.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(folder.path + "/") else { return .missing }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            return isFolder ? .missing : .folderWithoutSlash
        }
        return .file(resolved)
    }

    /// The site's own `404.html` when it has one, with status 404.
    private func notFound() -> Reply {
        guard case let .file(url) = locate(segments: ["404.html"], isFolder: false),
              let contents = FileManager.default.contents(atPath: url.path)
        else { return .text("Not found.\n", status: .notFound) }
        return Self.page(contents, path: url.path, status: .notFound)
    }

    private static func page(_ contents: Data, path: String, status: HTTPStatusCode) -> Reply {
        let type = MediaType.of(path: path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: contents) : contents
        return Reply(status: status, contentType: type, body: body)
    }
}
