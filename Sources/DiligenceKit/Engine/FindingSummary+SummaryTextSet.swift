/// A set of texts that answers what a `Set<String>` answers (whether a text is new, how many
/// there are) while its texts are ASCII, by their bytes: hashed eight bytes at a time
/// (`ByteTable.hash`) and compared by representation, then bytes, in an open-addressing table at
/// most half full. String's own hashing (SipHash over the text, behind its normalisation checks)
/// was most of the summary part's inserts of subjects and factor ids.
///
/// Two ASCII texts are equal as Strings exactly when their bytes are; a text with another byte
/// may be canonically equivalent to one with other bytes (even to an ASCII one: U+212A KELVIN
/// SIGN is "K"), so the first such text moves the set to a `Set<String>` of what it holds, and
/// from then on every answer is that set's.
struct SummaryTextSet: Sendable {
    private var texts: [(text: String, hash: Int)] = []
    private var slots: [Int32] = []
    /// Set once a text with a byte of 0x80 or above was inserted: then the answers are its.
    private var general: Set<String>?

    /// How many distinct texts were inserted.
    var count: Int { general?.count ?? texts.count }

    /// Inserts `text`; whether it was not there yet (`Set.insert(_:).inserted`).
    mutating func insert(_ text: String) -> Bool {
        if general != nil { return general?.insert(text).inserted ?? false }
        var text = text
        let (hash, isASCII) = text.withUTF8 { bytes in
            (ByteTable<Int>.hash(bytes), Self.isASCII(bytes))
        }
        guard isASCII else {
            var set = Set(texts.lazy.map(\.text))
            let inserted = set.insert(text).inserted
            general = set
            texts = []
            slots = []
            return inserted
        }
        if (texts.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = hash & mask
        while true {
            let slot = Int(slots[index])
            if slot < 0 { break }
            if texts[slot].hash == hash, ExactText(texts[slot].text) == ExactText(text) { return false }
            index = (index + 1) & mask
        }
        slots[index] = Int32(texts.count)
        texts.append((text, hash))
        return true
    }

    /// Whether every byte is below 0x80: eight at a time, then one at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var high: UInt64 = 0
        while offset &+ 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        while offset < bytes.count {
            high |= UInt64(base[offset])
            offset &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    private mutating func grow() {
        let size = max(16, slots.count * 2)
        texts.reserveCapacity(size / 2)
        slots = Array(repeating: -1, count: size)
        for (position, entry) in texts.enumerated() {
            var index = entry.hash & (size - 1)
            while slots[index] >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Int32(position)
        }
    }
}
