import Foundation

/// The words of names read as written (`WrittenWord`), by their bytes: hashed with FNV-1a and
/// compared byte for byte, without a `String` or a `Hasher` for each look-up (a name's two to
/// four words are looked up for every name screened). Shared by every thread, under a lock,
/// and emptied all at once when `capacity` words are held, so that memory stays bounded.
final class WrittenWordMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// Open addressing with linear probing; the count is a power of two, at most half full.
    private var slots: [WrittenWord?] = Array(repeating: nil, count: 1_024)
    private var count = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The word read from these bytes (`hash`: their `FNV1a.hash`), nil when not read yet.
    func value(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WrittenWord? {
        lock.lock()
        defer { lock.unlock() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let word = slots[slot] {
            if word.hash == hash, word.raw.count == bytes.count, word.raw.withUnsafeBufferPointer({ Self.equal($0, bytes) }) { return word }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Remembers a word read (kept as it is when its bytes are held already).
    func store(_ word: WrittenWord) {
        lock.lock()
        defer { lock.unlock() }
        if count >= capacity {
            slots = Array(repeating: nil, count: 1_024)
            count = 0
        }
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: nil, count: old.count * 2)
            for case let kept? in old { place(kept) }
        }
        if place(word) { count += 1 }
    }

    /// Puts a word in its slot (under `lock`); false when its bytes are held already.
    @discardableResult private func place(_ word: WrittenWord) -> Bool {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: word.hash) & mask
        while let held = slots[slot] {
            if held.hash == word.hash, held.raw == word.raw { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = word
        return true
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}
