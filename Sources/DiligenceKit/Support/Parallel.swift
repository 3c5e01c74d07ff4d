import Dispatch
import Foundation

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

extension Parallel {
    /// Runs `produce` for every index on every core and hands each value to `consume` in index
    /// order, one call at a time, as soon as the values before it are consumed. A worker that
    /// gets `window` indices ahead of the next one to consume waits, so few values are held at
    /// once whatever their cost. `consume` runs on the workers' threads, never two at once.
    public static func forEachInOrder<R>(count: Int, window: Int = 32, produce: @Sendable (Int) -> R, consume: (Int, R) -> Void) {
        guard count > 0 else { return }
        let handOff = OrderedHandOff<R>(count: count, window: max(window, 2))
        withoutActuallyEscaping(consume) { consume in
            let consumer = UnsafeSendable(consume)
            let workers = min(count, max(ProcessInfo.processInfo.activeProcessorCount, 1))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                handOff.work(produce: produce, consume: consumer.value)
            }
        }
    }
}

/// The state `forEachInOrder` shares between its workers: the next index to produce, the
/// values produced ahead of their turn, and the next index to consume.
private final class OrderedHandOff<R>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToProduce = 0
    private var nextToConsume = 0
    private var ready: [Int: R] = [:]
    private var draining = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    func work(produce: (Int) -> R, consume: (Int, R) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        while nextToProduce < count {
            if nextToProduce - nextToConsume >= window {
                condition.wait()
                continue
            }
            let index = nextToProduce
            nextToProduce += 1
            condition.unlock()
            let value = produce(index)
            condition.lock()
            ready[index] = value
            // One worker at a time hands values over, in order; the others go on producing.
            guard !draining else { continue }
            draining = true
            while let next = ready.removeValue(forKey: nextToConsume) {
                let position = nextToConsume
                condition.unlock()
                consume(position, next)
                condition.lock()
                nextToConsume += 1
                condition.broadcast()
            }
            draining = false
        }
    }
}
