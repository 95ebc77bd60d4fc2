import Foundation
import Testing
@testable import Markdown

/// The region cmark-gfm's conversions allocate in (`ConversionArena`).
@Suite struct ConversionArenaTests {
    /// Allocations keep their bytes when reallocated (in place for the latest, by copying for another),
    /// never overlap, and start on 16-byte boundaries, in blocks and, past the region's limit, from the
    /// system allocator.
    @Test func allocationsKeepTheirBytes() throws {
        var region = ConversionArena.Region()
        defer { region.reset(); region.blocks.forEach { free($0) } }
        var live: [(pointer: UnsafeMutableRawPointer, size: Int, byte: UInt8)] = []
        var random = SystemRandomNumberGenerator()
        for step in 0..<2_000 {
            let byte = UInt8(truncatingIfNeeded: step)
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1:
                let size = Int.random(in: 0...(step % 40 == 0 ? 4_000_000 : 300), using: &random)
                let allocated = region.allocate(size)
                let pointer = try #require(allocated)
                #expect(Int(bitPattern: pointer) % 16 == 0)
                memset(pointer, Int32(byte), size)
                live.append((pointer, size, byte))
            case 2 where !live.isEmpty:
                let index = Bool.random(using: &random) ? live.count - 1 : Int.random(in: 0..<live.count, using: &random)
                let old = live[index]
                let size = old.size + Int.random(in: 0...2_000, using: &random)
                let reallocated = region.reallocate(old.pointer, to: size)
                let moved = try #require(reallocated)
                #expect(UnsafeRawBufferPointer(start: moved, count: old.size).allSatisfy { $0 == old.byte })
                memset(moved + old.size, Int32(old.byte), size - old.size)
                live[index] = (moved, size, old.byte)
            case 3 where !live.isEmpty:
                let index = live.count - 1
                region.free(live[index].pointer)
                live.remove(at: index)
            default:
                break
            }
        }
        // Every live allocation still holds its own byte: none was overwritten by another.
        for allocation in live {
            #expect(UnsafeRawBufferPointer(start: allocation.pointer, count: allocation.size).allSatisfy { $0 == allocation.byte })
        }
        #expect(region.reservedBytes <= region.limit)
        #expect(live.contains { $0.size > 1_000_000 }, "some allocations went past the limit")
        live.reversed().forEach { region.free($0.pointer) }
    }

    /// A conversion leaves the thread's region with one block at most, however large the document was;
    /// one too large for the region (whose allocations past its limit are the system allocator's) gives
    /// every one of those back too, the HTML it returned included.
    @Test func conversionsReleaseTheirMemory() throws {
        let paragraph = "The council's *contribution* to improving outcomes is **adequate**; [more](https://example.org).\n\n"
        let document = String(repeating: paragraph, count: 3_000)
        let converter = MarkdownConverter()
        let html = try converter.html(from: document)
        #expect(html.contains("<em>contribution</em>"))
        #expect(ConversionArena.reservedBytes <= ConversionArena.Region.blockSize)
        // Past a limit of one block, most of each conversion is the system allocator's, and all of it
        // is given back.
        try ConversionArena.withLimit(ConversionArena.Region.blockSize) { () throws in
            let before = ConversionArena.systemAllocations
            for _ in 0..<3 { #expect(try converter.html(from: document) == html) }
            let after = ConversionArena.systemAllocations
            #expect(after.made - before.made > 100)
            #expect(after.live == before.live)
        }
    }
}
