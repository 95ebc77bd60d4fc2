import Foundation

/// Structured parallelism over values: a bounded task group whose results come back in input order, so
/// that whatever the scheduling, the build sees the same sequence.
enum Parallel {
    /// Tasks in flight at once: enough to keep every core busy, few enough to bound memory (each task
    /// may hold one report's text and one rendered page).
    static var width: Int { 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            while next < min(width, items.count) {
                let index = next
                group.addTask { (index, transform(items[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count {
                    let index = next
                    group.addTask { (index, transform(items[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
