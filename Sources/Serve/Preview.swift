import Foundation

/// `sitegen serve`: a preview server plus a watch on the source folders that rebuilds the site after
/// every change and advances the build number, so that open pages reload.
public struct Preview: Sendable {
    public var server: PreviewServer
    public var sources: [URL]
    public var pollInterval: Duration
    /// Builds the site into the server's folder; returns whether the build succeeded. A failed build
    /// keeps the previous site, so pages are not reloaded. The build suspends at every stage, so the
    /// server goes on answering requests while it runs.
    public var rebuild: @Sendable () async -> Bool

    public init(server: PreviewServer, sources: [URL], pollInterval: Duration = .milliseconds(500), rebuild: @escaping @Sendable () async -> Bool) {
        self.server = server
        self.sources = sources
        self.pollInterval = pollInterval
        self.rebuild = rebuild
    }

    /// Serves and watches until the task is cancelled, or fails when the server cannot listen.
    public func run(onListening: @escaping @Sendable (UInt16) async -> Void) async throws(PreviewServer.Failure) {
        let watch = Task { await watchSources() }
        defer { watch.cancel() }
        try await server.run(onListening: onListening)
    }

    private func watchSources() async {
        var seen = SourceSnapshot(folders: sources)
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            let now = SourceSnapshot(folders: sources)
            guard now != seen else { continue }
            seen = now
            if await rebuild() { await server.builds.advance() }
        }
    }
}
