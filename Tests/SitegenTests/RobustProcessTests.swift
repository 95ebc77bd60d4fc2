import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `sitegen` executable, which SwiftPM puts beside the test bundle.
enum SitegenExecutable {
    static var url: URL {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("sitegen")
    }

    static func start(_ arguments: [String], stderr: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func run(_ arguments: [String], stderr: URL? = nil) async throws -> Int32 {
        let process = try start(arguments, stderr: stderr)
        await waitForExit(process)
        return process.terminationStatus
    }

    /// Waits on a Dispatch thread, so that a long build never holds one of the few threads of Swift's
    /// cooperative pool, which the other suites (the preview server's among them) need meanwhile.
    static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}

@Suite(.serialized) struct RobustProcessTests {
    /// Cold builds (`--no-cache`), so that no test shares a cache folder with another.
    func arguments(_ scratch: RobustScratch, output: URL? = nil, _ extra: String...) -> [String] {
        ["build", "--no-cache", "--content", scratch.content.path, "--templates", scratch.templates.path, "--output", (output ?? scratch.output).path] + extra
    }

    @Test func exitCodesTellSuccessFailureStrictnessAndMisuseApart() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        #expect(FileManager.default.isExecutableFile(atPath: SitegenExecutable.url.path), "build the sitegen product first")
        #expect(try await SitegenExecutable.run(arguments(scratch)) == 0)
        try scratch.write("", to: "Content/empty.txt")
        #expect(try await SitegenExecutable.run(arguments(scratch)) == 0)
        let messages = scratch.folder.appendingPathComponent("stderr.txt")
        #expect(try await SitegenExecutable.run(arguments(scratch, "--strict"), stderr: messages) == 2)
        #expect(try String(contentsOf: messages, encoding: .utf8).contains("empty.txt: error: the file is empty; skipped"))
        #expect(try await SitegenExecutable.run(arguments(scratch, output: scratch.content)) == 64)
        #expect(try await SitegenExecutable.run(arguments(scratch, "--no-such-option")) == 64)
        try scratch.write("{{#broken}}", to: "Templates/home.md.mustache")
        #expect(try await SitegenExecutable.run(arguments(scratch), stderr: messages) == 1)
        #expect(try String(contentsOf: messages, encoding: .utf8).contains("Templates/home.md.mustache"))
    }

    /// Builds a small site, then starts a build of a large content folder and kills it with SIGKILL while
    /// it writes its staging folder: the previous site must be whole, and the next build must succeed and
    /// leave no staging folder behind.
    @Test func aBuildKilledMidwayLeavesThePreviousSiteWhole() async throws {
        let scratch = try RobustScratch()
        defer { scratch.remove() }
        #expect(try await SitegenExecutable.run(arguments(scratch)) == 0)
        let before = RobustScratch.tree(scratch.output)
        #expect(before.count > 10)

        let large = scratch.folder.appendingPathComponent("Large")
        try FileManager.default.createDirectory(at: large, withIntermediateDirectories: true)
        for number in 0..<1_500 {
            let text = "Report \(number)\n\nA paragraph of text for report \(number), which no layout knows.\n"
            try Data(text.utf8).write(to: large.appendingPathComponent("report-\(number).txt"))
            try Data("{\"authority\": \"Authority \(number)\", \"letter_date\": \"2007\"}".utf8).write(to: large.appendingPathComponent("report-\(number).json"))
        }
        let staging = scratch.folder.appendingPathComponent(".Public.staging")
        let build = try SitegenExecutable.start(["build", "--no-cache", "--content", large.path, "--templates", scratch.templates.path, "--output", scratch.output.path])
        // Watched from a thread of its own: a task on the shared pool can wait longer than the whole build
        // for its turn while other tests keep that pool busy, and then sees no staging folder at all.
        struct Watched: @unchecked Sendable { let process: Process }
        let watched = Watched(process: build)
        let killedWhileStaging = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread {
                while watched.process.isRunning {
                    if FileManager.default.fileExists(atPath: staging.path) {
                        kill(watched.process.processIdentifier, SIGKILL)
                        return done.resume(returning: true)
                    }
                    usleep(200)
                }
                done.resume(returning: false)
            }
        }
        await SitegenExecutable.waitForExit(build)
        #expect(killedWhileStaging, "the build finished before it wrote anything; make the content folder larger")
        #expect(build.terminationReason == .uncaughtSignal)
        #expect(RobustScratch.tree(scratch.output) == before)

        #expect(try await SitegenExecutable.run(arguments(scratch)) == 0)
        #expect(RobustScratch.tree(scratch.output) == before)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted() == ["Content", "Large", "Public", "Templates"])
    }
}
