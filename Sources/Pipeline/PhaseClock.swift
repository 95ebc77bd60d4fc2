import Foundation

/// Wall time of a build's phases, printed to standard error when the environment sets
/// `SITEGEN_TIMINGS=1`: where a rebuild's fixed costs go, without a profiler.
struct PhaseClock {
    private let enabled: Bool
    private var last: UInt64

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = environment["SITEGEN_TIMINGS"] == "1"
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Ends the phase that started at the previous tick (or at `init`) and names it.
    mutating func tick(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", Double(now - last) / 1e6, phase()).utf8))
        last = now
    }
}
