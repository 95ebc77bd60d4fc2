import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: how long it ran, its peak resident memory, what it printed.
struct ChildRun {
    var seconds: Double
    /// User and system CPU time: less disturbed than wall time by other work on the machine.
    var cpuSeconds: Double
    /// Peak resident set size (`ru_maxrss` from `wait4`), the child's own, in KiB.
    var peakKiB: Int
    var status: Int32
    var output: String
}

enum ChildProcess {
    /// Runs `executable` with `arguments`, stdout and stderr to a file, and waits with `wait4` so that
    /// the peak memory is that child's alone (`getrusage(RUSAGE_CHILDREN)` keeps the maximum of all).
    ///
    /// The clock starts after `sync`: the file system writes a build's files back to disk in the
    /// seconds after it ends (a cold build of 10,000 reports leaves 0.7–1.3 GB of them), on the same two
    /// cores, and without it that writing fell into whichever build ran next, the other tool's or a rebuild.
    static func run(_ executable: String, _ arguments: [String], log: URL) throws -> ChildRun {
        sync()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed for \(executable)") }
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildRun(seconds: seconds, cpuSeconds: cpu, peakKiB: Int(usage.ru_maxrss), status: exit, output: output)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
