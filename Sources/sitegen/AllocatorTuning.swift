#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator settings for a one-off build, which allocates and frees hundreds of megabytes on two
/// threads and then exits.
///
/// By default each thread's heap grows 128 KiB at a time, each step an `mprotect` call, and memory freed at
/// its top goes back to the system only to be faulted in (and zeroed) again: a one-report rebuild of
/// 10,000 reports made 20,000 `mprotect` calls, and page faults were a fifth of its samples. Growing 64 MiB
/// at a time (address space only: pages are touched as before), keeping freed memory, and serving blocks
/// of up to 32 MiB from the heaps rather than from fresh mappings made that rebuild 3–7 % faster (sys time
/// −0.04 s) in six runs of each in turn; cold builds were the same within their noise. Peak RSS grows by
/// about 3 MiB. The preview server, which lives on between builds, keeps the defaults.
enum AllocatorTuning {
    static func forOneBuild() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>, so `mallopt` is looked up by name; the parameters are
        // those of <malloc.h>: M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-2, 64 << 20)
        _ = mallopt(-1, 1 << 30)
        _ = mallopt(-3, 32 << 20)
        #endif
    }
}
