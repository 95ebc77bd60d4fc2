import ArgumentParser
import Foundation
import Pipeline
import Serve

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine and rebuild it when the content or templates change.",
        discussion: """
            The content and templates folders are watched; rebuilds use the build cache, so only what \
            changed is rendered again. Open pages reload after each successful rebuild; the reload \
            script is added only to the pages as they are served, never to the files in the output \
            folder. Press Ctrl-C to stop.

            Exit status: 1 when the first build fails, 69 when the port is already in use or the server \
            cannot listen, 64 for bad options.
            """)

    @OptionGroup var inputs: BuildInputs

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: "Address to listen on. The default serves this machine only.")
    var host = "127.0.0.1"

    @OptionGroup var terminal: TerminalOptions

    /// sysexits' EX_UNAVAILABLE: the service cannot start.
    static let cannotListen: Int32 = 69

    func run() async throws {
        let terminal = Terminal(options: terminal)
        let options = inputs.options()
        do {
            _ = try await terminal.build(options)
        } catch {
            throw ExitCode(1)
        }
        let host = host
        let requests: (@Sendable (String) -> Void)? = terminal.detail == .verbose ? { @Sendable line in terminal.say(line) } : nil
        let preview = Preview(
            server: PreviewServer(folder: options.output, host: host, port: port, log: requests),
            sources: [options.content, options.templates],
            rebuild: {
                terminal.say("Rebuilding after a change…")
                return (try? await terminal.build(options)) != nil
            })
        do {
            try await preview.run { port in
                let address = host.contains(":") ? "[\(host)]" : host
                terminal.say("Serving \(options.output.relativePath) at http://\(address):\(port)/ and watching \(options.content.relativePath) and \(options.templates.relativePath). Press Ctrl-C to stop.", at: .quiet)
            }
        } catch {
            terminal.failure(error.description)
            throw ExitCode(Self.cannotListen)
        }
    }
}
