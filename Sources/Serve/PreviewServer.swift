import FlyingFox
import FlyingSocks
import Foundation

/// An HTTP server for a built site, for previewing it on this machine: it serves the files of one
/// folder, the site's `404.html` for anything missing, and the live-reload script in every HTML page.
public struct PreviewServer: Sendable {
    public var folder: URL
    public var host: String
    public var port: UInt16
    /// Called with `GET /path 200` for each request answered, when set.
    public var log: (@Sendable (String) -> Void)?
    /// Advanced after each successful rebuild; open pages reload when it changes.
    public let builds = BuildNumber()

    /// `port` 0 lets the system choose a free port; `run` reports the one it got.
    public init(folder: URL, host: String = "127.0.0.1", port: UInt16 = 8000, log: (@Sendable (String) -> Void)? = nil) {
        self.folder = folder
        self.host = host
        self.port = port
        self.log = log
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case portInUse(host: String, port: UInt16)
        case unknownHost(String)
        case cannotListen(host: String, port: UInt16, reason: String)

        public var description: String {
            switch self {
            case let .portInUse(host, port):
                "port \(port) on \(host) is already in use; stop the other server or choose another port with --port"
            case let .unknownHost(host):
                "cannot listen on \"\(host)\": give an IP address such as 127.0.0.1 or ::1, or localhost"
            case let .cannotListen(host, port, reason):
                "cannot listen on \(host) port \(port): \(reason)"
            }
        }
    }

    /// Serves until the task is cancelled. `onListening` is called once with the port the server is
    /// listening on, after which requests are answered.
    public func run(onListening: @escaping @Sendable (UInt16) async -> Void) async throws(Failure) {
        let server = HTTPServer(
            address: try address(), pool: HTTPServer.defaultPool(), logger: .disabled,
            handler: SiteHandler(folder: folder, builds: builds, log: log))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    // Binding takes milliseconds; the wait is long so that a machine busy with a build (or
                    // a test run) is not taken for a server that cannot listen. FlyingFox's default is 5 s.
                    try await server.waitUntilListening(timeout: 60)
                    switch await server.listeningAddress {
                    case let .ip4(_, port)?, let .ip6(_, port)?: await onListening(port)
                    default: break
                    }
                }
                // Ends when `run` fails to bind or stops; the listener task ends as soon as it has reported.
                while try await group.next() != nil {}
            }
        } catch where Task.isCancelled {
            return
        } catch let error as SocketError {
            if case let .failed(type, code, message) = error {
                throw code == EADDRINUSE ? .portInUse(host: host, port: port) : .cannotListen(host: host, port: port, reason: "\(type): \(message)")
            }
            throw .cannotListen(host: host, port: port, reason: error.localizedDescription)
        } catch {
            throw .cannotListen(host: host, port: port, reason: String(describing: error))
        }
    }

    private func address() throws(Failure) -> any SocketAddress {
        do {
            switch host {
            case "localhost": return try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
            case let ip6 where ip6.contains(":"): return try sockaddr_in6.inet6(ip6: ip6, port: port)
            default: return try sockaddr_in.inet(ip4: host, port: port)
            }
        } catch {
            throw .unknownHost(host)
        }
    }
}

/// The number of the build being served, starting at 1.
public actor BuildNumber {
    public private(set) var current = 1

    public func advance() { current += 1 }
}
