import Dispatch
import Site
import Foundation

/// Parallelism over values whose results come back in input order, so that whatever the scheduling, the
/// build sees the same sequence.
///
/// The work (extracting a report, rendering a page) is CPU-bound and long, so it runs on Dispatch's
/// worker threads, one per core, and not on Swift's cooperative thread pool: a build that filled that
/// pool would starve every other task of the process, such as the preview server answering requests
/// while it rebuilds.
enum Parallel {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        guard !items.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let slots = ParallelSlots<Result>(count: items.count)
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    slots.set(index, transform(items[index]))
                }
                continuation.resume(returning: slots.values())
            }
        }
    }
}
