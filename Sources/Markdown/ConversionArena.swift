import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory cmark-gfm works in during one conversion: a region per thread that allocations are cut
/// from in turn and that is emptied at once when the conversion is done.
///
/// A conversion makes and frees some hundreds of nodes and buffers, and grows its buffers (the HTML
/// above all) by reallocating them again and again; with the system allocator that took about a seventh
/// of cmark-gfm's instructions on the pages of the 60-report corpus. Here an allocation is a few
/// additions; growing the latest allocation (as the HTML buffer is, while the renderer writes into it)
/// extends it in place; freeing one gives its bytes back only when it is the latest; and everything is
/// released by `reset()`.
///
/// Freed bytes are not reused, so a conversion takes some tens of times its Markdown's size (cmark-gfm's
/// inline parser makes and frees much on the way). A region therefore holds at most `Region.limit` bytes
/// (`Region.defaultLimit`); beyond them an allocation is the system allocator's, marked so in its header,
/// and goes back to it when cmark-gfm frees it, so that a very large page costs what it did before.
///
/// cmark-gfm allocates through the `cmark_mem` a parser or renderer is given, and frees through the same
/// one (every node keeps its own), so all of a conversion's memory is in the region when `reset()`
/// runs. Its allocator functions are C functions with no context, so they find the region of the thread
/// they run on through a thread-specific key; a conversion runs on one thread from start to end.
enum ConversionArena {
    /// The allocator to give cmark-gfm: calloc, realloc and free on the calling thread's region.
    static var memory: UnsafeMutablePointer<cmark_mem> { allocator.memory }

    /// Releases everything allocated on this thread since the last reset, keeping the first block of
    /// the region for the next conversion.
    static func reset() {
        region()?.pointee.reset()
    }

    /// The bytes the calling thread's region holds in blocks, for tests.
    static var reservedBytes: Int { region()?.pointee.reservedBytes ?? 0 }

    /// The calling thread's allocations past its region's limit: made in all, and not yet freed; for tests.
    static var systemAllocations: (made: Int, live: Int) { region()?.pointee.systemAllocations ?? (0, 0) }

    /// Runs `body` with the calling thread's region limited to `limit` bytes, for tests.
    static func withLimit<Result>(_ limit: Int, _ body: () throws -> Result) rethrows -> Result {
        let region = region(creating: true)!
        let previous = region.pointee.limit
        region.pointee.limit = limit
        defer { region.pointee.limit = previous }
        return try body()
    }

    // MARK: - The region

    /// One thread's region: blocks of memory taken from the system allocator, the last of which is cut.
    struct Region {
        /// Every block, oldest first; the last is being cut.
        var blocks: [UnsafeMutableRawPointer] = []
        var sizes: [Int] = []
        /// Where the next allocation starts in the last block.
        var used = 0
        /// The latest allocation (its data, after its header), while it is still the last thing in the last
        /// block: the one `reallocate` can extend in place and `free` can give back.
        var latest: UnsafeMutableRawPointer?

        /// Each allocation is preceded by a header holding its size and who owns it, and starts on a
        /// 16-byte boundary as the system allocator's do.
        static let header = 16
        static let blockSize = 256 * 1024
        /// The most bytes a region holds in blocks; past them allocations are the system allocator's.
        static let defaultLimit = 8 * 1024 * 1024
        var limit = Self.defaultLimit
        /// The header's second word: the allocation is in a block, or is the system allocator's.
        private static let inBlock = 0, ofSystem = 1

        /// Allocations past the limit: made in all, and not yet freed.
        var systemAllocations = (made: 0, live: 0)

        var reservedBytes: Int { sizes.reduce(0, +) }

        static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

        private static func isSystemAllocation(_ pointer: UnsafeMutableRawPointer) -> Bool {
            (pointer - header + MemoryLayout<Int>.size).load(as: Int.self) == ofSystem
        }

        /// `size` bytes, not cleared; nil only when the system allocator has none.
        mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
            let needed = Self.header + Self.rounded(max(size, 1))
            if blocks.isEmpty || used + needed > sizes[sizes.count - 1] {
                let size = max(Self.blockSize, needed)
                guard reservedBytes + size <= limit, let block = malloc(size) else {
                    let allocated = Self.systemAllocation(size: needed)
                    if allocated != nil { systemAllocations.made += 1; systemAllocations.live += 1 }
                    return allocated
                }
                blocks.append(block)
                sizes.append(size)
                used = 0
            }
            let start = blocks[blocks.count - 1] + used
            start.storeBytes(of: size, as: Int.self)
            (start + MemoryLayout<Int>.size).storeBytes(of: Self.inBlock, as: Int.self)
            used += needed
            latest = start + Self.header
            return start + Self.header
        }

        private static func systemAllocation(size needed: Int) -> UnsafeMutableRawPointer? {
            guard let start = malloc(needed) else { return nil }
            start.storeBytes(of: needed - header, as: Int.self)
            (start + MemoryLayout<Int>.size).storeBytes(of: ofSystem, as: Int.self)
            return start + header
        }

        mutating func reallocate(_ pointer: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer? {
            let header = pointer - Self.header
            let old = header.load(as: Int.self)
            if Self.isSystemAllocation(pointer) {
                guard let start = realloc(header, Self.header + Self.rounded(max(size, 1))) else { return nil }
                start.storeBytes(of: Self.rounded(max(size, 1)), as: Int.self)
                return start + Self.header
            }
            if pointer == latest, let block = blocks.last {
                let end = block.distance(to: pointer) + Self.rounded(max(size, 1))
                if end <= sizes[sizes.count - 1] {
                    header.storeBytes(of: size, as: Int.self)
                    used = end
                    return pointer
                }
            }
            if size <= old { return pointer }
            guard let moved = allocate(size) else { return nil }
            memcpy(moved, pointer, old)
            return moved
        }

        mutating func free(_ pointer: UnsafeMutableRawPointer) {
            if Self.isSystemAllocation(pointer) {
                releaseBlock(pointer - Self.header)
                systemAllocations.live -= 1
                return
            }
            guard pointer == latest, let block = blocks.last else { return }
            used = block.distance(to: pointer) - Self.header
            latest = nil
        }

        mutating func reset() {
            while blocks.count > 1 || sizes.first.map({ $0 > Self.blockSize }) == true {
                releaseBlock(blocks.removeLast())
                sizes.removeLast()
            }
            used = 0
            latest = nil
        }
    }

    /// The calling thread's region; made on first use, and freed with its blocks when the thread ends.
    private static func region(creating: Bool = false) -> UnsafeMutablePointer<Region>? {
        if let found = pthread_getspecific(allocator.key) { return found.assumingMemoryBound(to: Region.self) }
        guard creating else { return nil }
        let made = UnsafeMutablePointer<Region>.allocate(capacity: 1)
        made.initialize(to: Region())
        pthread_setspecific(allocator.key, made)
        return made
    }

    private struct Allocator: @unchecked Sendable {
        let key: pthread_key_t
        let memory: UnsafeMutablePointer<cmark_mem>
    }

    private static let allocator: Allocator = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { pointer in
            guard let region = pointer?.assumingMemoryBound(to: Region.self) else { return }
            region.pointee.reset()
            region.pointee.blocks.forEach(releaseBlock)
            region.deinitialize(count: 1)
            region.deallocate()
        }
        precondition(made == 0, "cannot make the thread key of cmark-gfm's memory")
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let (total, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow else { return nil }
                guard let pointer = ConversionArena.region(creating: true)!.pointee.allocate(total) else { return nil }
                _ = memset(pointer, 0, total)
                return pointer
            },
            realloc: { pointer, size in
                let region = ConversionArena.region(creating: true)!
                guard let pointer else { return region.pointee.allocate(size) }
                return region.pointee.reallocate(pointer, to: size)
            },
            free: { pointer in
                guard let pointer, let region = ConversionArena.region() else { return }
                region.pointee.free(pointer)
            }))
        return Allocator(key: key, memory: memory)
    }()
}

/// Gives a block of a region back to the system allocator (a function of its own: inside `Region`,
/// `free` is the region's).
private func releaseBlock(_ block: UnsafeMutableRawPointer) {
    free(block)
}
