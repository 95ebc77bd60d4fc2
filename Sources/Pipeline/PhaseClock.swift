import Foundation

/// Wall time of a build's phases, printed to standard error when the environment sets
/// `SITEGEN_TIMINGS=1`: where a rebuild's fixed costs go, without a profiler.
struct PhaseClock {
    private let enabled: Bool
    private var last: UInt64
    private var lastCPU: Double

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = environment["SITEGEN_TIMINGS"] == "1"
        last = DispatchTime.now().uptimeNanoseconds
        lastCPU = Self.processCPUSeconds()
    }

    /// Ends the phase that started at the previous tick (or at `init`) and names it, with its wall time
    /// and the CPU time of every thread of the process (more than the wall time when cores share it).
    mutating func tick(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        FileHandle.standardError.write(Data(String(
            format: "%8.1f ms  %8.1f ms CPU  %@\n", Double(now - last) / 1e6, (cpu - lastCPU) * 1000, phase()).utf8))
        last = now
        lastCPU = cpu
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
