import Foundation

/// Texts remembered by their UTF-8 bytes, all held in one buffer, each with a tag (what the
/// caller remembers it as), for a run's memo of names: a name costs its bytes and a 16-byte
/// slot, where a `Set` of keys holding a `String` costs a heap object per name longer than 15
/// bytes (its header and the allocator's rounding) and a wider table. Two members are the same
/// when their tags and bytes are (bytes as `ExactText` compares them). Shared by every thread,
/// under a lock, and emptied all at once when `capacity` texts or `byteCapacity` bytes are held,
/// so that memory stays bounded.
final class TextSet: @unchecked Sendable {
    /// A member's place in `bytes`, its tag and its hash's low 32 bits; `length` is `Slot.free`
    /// for an empty slot.
    private struct Slot {
        var hash: UInt32
        var tag: UInt32
        var offset: UInt32
        var length: UInt32

        static let free = UInt32.max
        static let empty = Slot(hash: 0, tag: 0, offset: 0, length: free)
    }

    private let lock = NSLock()
    private var bytes: [UInt8] = []
    /// Open addressing with linear probing; the count is 0 or a power of two, at most 3/4 full.
    private var slots: [Slot] = []
    private var count = 0
    private let capacity: Int
    private let byteCapacity: Int
    /// A text longer than this is not remembered (a memo may forget; it never answers wrong).
    static let longestText = 1 << 16

    init(capacity: Int, byteCapacity: Int = 1 << 26) {
        self.capacity = capacity
        self.byteCapacity = min(byteCapacity, Int(UInt32.max))
    }

    /// Whether `text` is a member with `tag`; `hash` is the hash every call for the text and
    /// tag gives (made from `ExactText.hashValue` and the tag, say).
    func contains(_ text: String, tag: UInt32 = 0, hash: Int) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            lock.lock()
            defer { lock.unlock() }
            return find(utf8, tag: tag, hash: UInt32(truncatingIfNeeded: hash)).found
        }
    }

    /// Adds `text` with `tag` (and its hash, as `contains` takes it).
    func insert(_ text: String, tag: UInt32 = 0, hash: Int) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.count <= Self.longestText else { return }
            let hash = UInt32(truncatingIfNeeded: hash)
            lock.lock()
            defer { lock.unlock() }
            if count >= capacity || bytes.count + utf8.count > byteCapacity { removeAll() }
            if (count + 1) * 4 > slots.count * 3 { grow() }
            let (found, position) = find(utf8, tag: tag, hash: hash)
            guard !found else { return }
            slots[position] = Slot(hash: hash, tag: tag, offset: UInt32(bytes.count), length: UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            count += 1
        }
    }

    /// The number of members.
    var memberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// The slot that holds `utf8`, or the free slot where it would go (found false). Under the lock.
    private func find(_ utf8: UnsafeBufferPointer<UInt8>, tag: UInt32, hash: UInt32) -> (found: Bool, position: Int) {
        guard !slots.isEmpty else { return (false, 0) }
        let mask = slots.count - 1
        var position = Int(hash) & mask
        while true {
            let slot = slots[position]
            if slot.length == Slot.free { return (false, position) }
            if slot.hash == hash, slot.tag == tag, Int(slot.length) == utf8.count, equal(slot, utf8) { return (true, position) }
            position = (position + 1) & mask
        }
    }

    private func equal(_ slot: Slot, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let text = utf8.baseAddress, slot.length > 0 else { return true }
        return bytes.withUnsafeBufferPointer { held in
            guard let start = held.baseAddress else { return false }
            return memcmp(start + Int(slot.offset), text, Int(slot.length)) == 0
        }
    }

    /// Doubles the slots (64 at first) and places every member again.
    private func grow() {
        let old = slots
        slots = Array(repeating: .empty, count: max(64, old.count * 2))
        let mask = slots.count - 1
        for slot in old where slot.length != Slot.free {
            var position = Int(slot.hash) & mask
            while slots[position].length != Slot.free { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// Forgets every member, keeping the buffers' sizes (the memo fills them again).
    private func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        for position in slots.indices { slots[position] = .empty }
        count = 0
    }
}
