import Dispatch

/// Work spread over the machine's cores, with results in input order so that output stays
/// deterministic whatever the scheduling.
public enum Parallel {
    /// `items.map(transform)`, computed on every core. `transform` must not depend on order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        items.withUnsafeBufferPointer { buffer in
            let input = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.store(transform(input.value[index]), at: index)
            }
        }
        return results.collect()
    }
}

/// One slot per result; each index is written by exactly one iteration.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: R, at index: Int) {
        slots[index] = value
    }

    func collect() -> [R] {
        (0..<count).map { index in
            guard let value = slots[index] else { preconditionFailure("Parallel.map: slot \(index) was never written") }
            return value
        }
    }
}

/// A buffer read (never written) by every iteration.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
