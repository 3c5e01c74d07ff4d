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

    /// The remembered answer, or `make`'s (made outside the lock, then remembered).
    func value(for key: Key, orMake make: () -> Value) -> Value {
        if let known = value(for: key) { return known }
        let made = make()
        store(made, for: key)
        return made
    }

    /// Keys whose answer a thread is making (`valueMadeOnce(for:make:)`), under `making`'s lock.
    private let making = NSCondition()
    private var inProgress: Set<Key> = []

    /// The remembered answer, or `make`'s, made by one thread only: a thread that asks for a key
    /// another is making waits for that answer instead of making it again (for answers that cost
    /// much, such as a country's gazetteer index, which both workers ask for at the start).
    func valueMadeOnce(for key: Key, make: () -> Value) -> Value {
        making.lock()
        while true {
            if let known = value(for: key) {
                making.unlock()
                return known
            }
            guard inProgress.contains(key) else { break }
            making.wait()
        }
        inProgress.insert(key)
        making.unlock()
        let made = make()
        store(made, for: key)
        making.lock()
        inProgress.remove(key)
        making.broadcast()
        making.unlock()
        return made
    }

    /// The number of answers held.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return answers.count
    }

    func store(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = value
    }
}

/// A text compared and hashed by its UTF-8 bytes rather than by Unicode canonical equivalence:
/// a memo key for texts that come back byte for byte (hashing and comparing a String of
/// Cyrillic or accented letters normalises it first, which cost screening a sixth of its
/// time). Two spellings of a text that differ in bytes are two keys: the same answer, made twice.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        // Copies of one text: the same representation (storage and length, or the same small
        // text held inline) is the same bytes, known without reading them (a memo compares the
        // database's texts with their copies in findings many times a finding).
        if sameRepresentation(lhs.text, rhs.text) { return true }
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == b.count }
                // Copies of one text share their bytes.
                return x == y || memcmp(x, y, a.count) == 0
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether two texts have the same 16 bytes of representation: then they are copies of one
    /// value and hold the same bytes (a text's storage is never changed while two values share
    /// it). Texts with other representations may still be equal: compare their bytes.
    @inline(__always)
    static func sameRepresentation(_ lhs: String, _ rhs: String) -> Bool {
        let left = unsafeBitCast(lhs, to: (UInt64, UInt64).self), right = unsafeBitCast(rhs, to: (UInt64, UInt64).self)
        return left.0 == right.0 && left.1 == right.1
    }
}
