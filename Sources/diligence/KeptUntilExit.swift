import Foundation

/// Large values a command keeps until the process exits. Freeing a loaded database or a checked
/// portfolio entry by entry at the end of a command costs time (a tenth of a cached list load)
/// for memory the system takes back at exit anyway; compilers skip the same teardown.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Returns `value`, after adding a reference to it that is never released.
    static func keep<Value>(_ value: Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        values.append(value)
        return value
    }
}
