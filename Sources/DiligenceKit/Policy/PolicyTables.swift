import Foundation

/// Exact-spelling tables of the values a policy names: each entry is what the converting function
/// (`CountryTable.resolve`, `Vocabulary.resolve`) returns for that text,
/// so a hit is the same answer without making a String; a miss asks the function itself.
final class PolicyTables: Sendable {
    let countries: ByteTable<Country>
    /// Indexed by `VocabularyKind.allCases`.
    let terms: [ByteTable<String>]
    /// The goods terms' ids, sorted, and by HS prefix the indices of the terms that list it;
    /// nil unless every prefix is ASCII digits (then `hasPrefix` is a byte comparison).
    let goodsIDs: [String]
    let goodsByPrefix: ByteTable<[Int]>?
    /// `goods(forHSCode:)`'s answers by code: a portfolio's files name the same few codes, and
    /// an answer cost a look-up per prefix length, a sort and two arrays (about 1,900
    /// instructions a code).
    private let goodsByCode = Memo<String, [String]>(capacity: 4_096)

    init(countries: CountryTable, vocabularies: Vocabularies) {
        var spellings: [(String, Country)] = []
        for country in countries.countries {
            let code = country.code
            for form in [code, code.lowercased(), code.prefix(1) + code.suffix(1).lowercased(), code.prefix(1).lowercased() + code.suffix(1)] {
                if let resolved = countries.resolve(form) { spellings.append((form, resolved)) }
            }
        }
        for name in countries.names {
            if let resolved = countries.resolve(name) { spellings.append((name, resolved)) }
        }
        self.countries = ByteTable(spellings)
        terms = VocabularyKind.allCases.map { kind in
            let vocabulary = vocabularies[kind]
            var spellings: [(String, String)] = []
            for term in vocabulary.terms.values {
                for text in [term.id] + term.synonyms {
                    if let id = vocabulary.resolve(text) { spellings.append((text, id)) }
                }
            }
            return ByteTable(spellings)
        }
        let goods = vocabularies[.goods].terms.values.sorted { $0.id < $1.id }
        goodsIDs = goods.map(\.id)
        var byPrefix: [String: [Int]] = [:]
        var digitsOnly = true
        for (index, term) in goods.enumerated() {
            for prefix in term.hsPrefixes {
                if prefix.isEmpty || !prefix.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { digitsOnly = false }
                if byPrefix[prefix]?.last != index { byPrefix[prefix, default: []].append(index) }
            }
        }
        goodsByPrefix = digitsOnly ? ByteTable(byPrefix.map { ($0.key, $0.value) }) : nil
    }

    /// `Vocabulary.goods(forHSCode:)` of the goods vocabulary: the categories one of whose
    /// prefixes starts the code, longest matching prefix first, then by id.
    func goods(forHSCode code: String, vocabularies: Vocabularies) -> [String] {
        guard let goodsByPrefix else { return vocabularies[.goods].goods(forHSCode: code) }
        // Kept by code alone: `vocabularies` is the one the table was made of (the decoder's
        // context holds both), so an answer depends on the code only.
        if let known = goodsByCode.value(for: code) { return known }
        let answer = goods(forHSCode: code, goodsByPrefix: goodsByPrefix, vocabularies: vocabularies)
        goodsByCode.store(answer, for: code)
        return answer
    }

    /// `goods(forHSCode:vocabularies:)` made by the prefix table (`vocabularies` when the code is not digits).
    private func goods(forHSCode code: String, goodsByPrefix: ByteTable<[Int]>, vocabularies: Vocabularies) -> [String] {
        var code = code
        let matches = code.withUTF8 { bytes -> [(index: Int, length: Int)]? in
            guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            var matches: [(index: Int, length: Int)] = []
            for length in stride(from: 1, through: bytes.count, by: 1) {
                guard let terms = goodsByPrefix.find(UnsafeBufferPointer(rebasing: bytes[..<length])) else { continue }
                for term in terms {
                    // Lengths grow, so the last match of a term is its longest.
                    if let known = matches.firstIndex(where: { $0.index == term }) {
                        matches[known].length = length
                    } else {
                        matches.append((term, length))
                    }
                }
            }
            return matches
        }
        guard var matches else { return vocabularies[.goods].goods(forHSCode: code) }
        matches.sort { lhs, rhs in (lhs.length, goodsIDs[rhs.index]) > (rhs.length, goodsIDs[lhs.index]) }
        return matches.map { goodsIDs[$0.index] }
    }
}

/// The tables, built once per loader on first use (a loader is made for a run, and tests make
/// many loaders that never take the fast path on a large file).
final class PolicyTableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: PolicyTables?

    func tables(countries: CountryTable, vocabularies: Vocabularies) -> PolicyTables {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let tables = PolicyTables(countries: countries, vocabularies: vocabularies)
        built = tables
        return tables
    }
}

/// A read-only hash table keyed by byte strings (open addressing, at most half full), so that a
/// scalar's bytes are looked up without making a String of them. The first of equal keys wins.
///
/// A look-up hashes the key eight bytes at a time, then reads one slot per probe, which holds
/// the entry's hash, the place and length of its key and the index of its value: a slot whose
/// hash and length match has its key compared eight bytes at a time. (Byte-at-a-time FNV-1a,
/// then a slot, a span and the key's bytes in three arrays, cost about 160 instructions and a
/// few cache misses a look-up: the largest single cost of loading a policy.)
struct ByteTable<Value> {
    private var keyBytes: [UInt8] = []
    private var values: [Value] = []
    private var slots: [Slot]
    private let mask: Int

    private struct Slot {
        /// The high 32 bits of the key's hash (the low ones place it).
        var hash: UInt32 = 0
        var count: UInt32 = 0
        var start: UInt32 = 0
        /// The index of the value; -1 for an empty slot.
        var entry: Int32 = -1
    }

    init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        for (key, value) in pairs {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { entry(of: $0) }
            guard found == nil else { continue }
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var index = hash & mask
            while slots[index].entry >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(
                hash: Self.tag(hash), count: UInt32(bytes.count), start: UInt32(keyBytes.count), entry: Int32(values.count))
            values.append(value)
            keyBytes += bytes
        }
    }

    /// A hash of the bytes, read eight at a time, the last up to seven as one word of
    /// overlapping loads (the count is in the seed, so the overlap tells no two keys apart
    /// wrongly): a multiply and shift per word, then a final mix, so every bit of the key
    /// reaches the low bits a mask keeps and the high bits a slot's tag keeps.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: count)
        guard let base = bytes.baseAddress, count > 0 else { return Int(truncatingIfNeeded: finish(hash)) }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            var offset = 0
            while offset &+ 8 <= count {
                hash = step(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset &+= 8
            }
            // The last eight bytes, overlapping the words before when the count is not a multiple of eight.
            if offset < count { hash = step(hash, raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) }
        } else if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            hash = step(hash, low | high &<< 32)
        } else {
            hash = step(hash, UInt64(base[0]) | UInt64(base[count &>> 1]) &<< 8 | UInt64(base[count &- 1]) &<< 16)
        }
        return Int(truncatingIfNeeded: finish(hash))
    }

    @inline(__always)
    private static func tag(_ hash: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> 32)
    }

    @inline(__always)
    private static func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// Whether `count` bytes at `a` and `b` are equal: eight at a time, the last up to seven
    /// by overlapping loads.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        if count >= 8 {
            var offset = 0
            while offset &+ 8 <= count {
                if rawA.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset &+= 8
            }
            let last = count &- 8
            return offset == count
                || rawA.loadUnaligned(fromByteOffset: last, as: UInt64.self) == rawB.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        if count >= 4 {
            let last = count &- 4
            return rawA.loadUnaligned(as: UInt32.self) == rawB.loadUnaligned(as: UInt32.self)
                && rawA.loadUnaligned(fromByteOffset: last, as: UInt32.self) == rawB.loadUnaligned(fromByteOffset: last, as: UInt32.self)
        }
        var offset = 0
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset &+= 1
        }
        return true
    }

    /// The value stored under exactly these bytes.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        entry(of: bytes).map { values[$0] }
    }

    /// The index of the value whose key is exactly these bytes.
    private func entry(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= Int(UInt32.max) else { return nil }
        let count = UInt32(bytes.count)
        let hash = Self.hash(bytes)
        let tag = Self.tag(hash)
        var index = hash & mask
        return slots.withUnsafeBufferPointer { slots -> Int? in
            while true {
                let slot = slots[index]
                if slot.entry < 0 { return nil }
                if slot.hash == tag, slot.count == count {
                    // A key of no bytes has no address to compare.
                    guard count > 0, let key = bytes.baseAddress else { return Int(slot.entry) }
                    let same = keyBytes.withUnsafeBufferPointer { stored in
                        stored.baseAddress.map { Self.equal($0 + Int(slot.start), key, bytes.count) } ?? false
                    }
                    if same { return Int(slot.entry) }
                }
                index = (index + 1) & mask
            }
        }
    }
}

extension ByteTable: Sendable where Value: Sendable {}

/// The unique keys (`id`) of a list's items met so far, with where each was first written: a
/// hash table on the keys' bytes (`ByteTable.hash`, open addressing, at most half full), because a
/// `[String: Mark]` spent most of the cost of finding repeats in String's hashing and growth.
struct SeenKeys {
    private var keys: [(text: String, hash: Int, mark: Mark)] = []
    private var slots: [Int32] = []

    /// Where `text` was first met; nil when it is new, and it is recorded as met at `mark`.
    mutating func first(_ text: String, else mark: Mark) -> Mark? {
        var text = text
        let hash = text.withUTF8 { ByteTable<Int>.hash($0) }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = hash & mask
        while true {
            let slot = Int(slots[index])
            if slot < 0 { break }
            if keys[slot].hash == hash, keys[slot].text == text { return keys[slot].mark }
            index = (index + 1) & mask
        }
        slots[index] = Int32(keys.count)
        keys.append((text, hash, mark))
        return nil
    }

    private mutating func grow() {
        let size = max(16, slots.count * 2)
        // Room for the keys the slots allow (half of them), not grown one append at a time.
        keys.reserveCapacity(size / 2)
        slots = Array(repeating: -1, count: size)
        for (position, key) in keys.enumerated() {
            var index = key.hash & (size - 1)
            while slots[index] >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Int32(position)
        }
    }
}
