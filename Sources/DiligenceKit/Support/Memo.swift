import Foundation

/// Answers of a pure function kept for a run, shared by every thread that asks (under a lock),
/// and forgotten all at once when `capacity` is reached, so that memory stays bounded.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Key: Value] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return answers[key]
    }

    func store(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = value
    }
}
