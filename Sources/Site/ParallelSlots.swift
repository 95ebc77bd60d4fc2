/// One slot per iteration of `DispatchQueue.concurrentPerform`, each written by exactly one iteration
/// and read only after all of them have returned: results in input order, whatever the scheduling.
///
/// `@unchecked Sendable`: no two threads ever touch the same slot, and `concurrentPerform` returns only
/// after every iteration has finished, which orders every write before the read in `values()`.
public final class ParallelSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    public func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// Every slot's value; each must have been set.
    public func values() -> [Value] { storage.map { $0! } }
}
