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

/// A read-only hash table keyed by byte strings (open addressing, FNV-1a), so that a scalar's
/// bytes are looked up without making a String of them. The first of equal keys wins. The keys'
/// places and the values are kept apart, so a probe copies no value.
struct ByteTable<Value> {
    private var keyBytes: [UInt8] = []
    /// Where each entry's key is in `keyBytes`.
    private var spans: [(start: Int, count: Int)] = []
    private var values: [Value] = []
    private var slots: [Int32]
    private let mask: Int

    init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for (key, value) in pairs {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { entry(of: $0) }
            guard found == nil else { continue }
            var index = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(spans.count)
            spans.append((keyBytes.count, bytes.count))
            values.append(value)
            keyBytes += bytes
        }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The value stored under exactly these bytes.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        entry(of: bytes).map { values[$0] }
    }

    /// The index of the entry whose key is exactly these bytes.
    private func entry(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = Self.hash(bytes) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            slots.withUnsafeBufferPointer { slots in
                spans.withUnsafeBufferPointer { spans -> Int? in
                    while true {
                        let entry = Int(slots[index])
                        if entry < 0 { return nil }
                        let span = spans[entry]
                        if span.count == count {
                            var offset = 0
                            while offset < count, stored[span.start + offset] == bytes[offset] { offset += 1 }
                            if offset == count { return entry }
                        }
                        index = (index + 1) & mask
                    }
                }
            }
        }
    }
}

extension ByteTable: Sendable where Value: Sendable {}

/// The unique keys (`id`) of a list's items met so far, with where each was first written: a
/// hash table on the keys' bytes (FNV-1a, open addressing, at most half full), because a
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
        slots = Array(repeating: -1, count: size)
        for (position, key) in keys.enumerated() {
            var index = key.hash & (size - 1)
            while slots[index] >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Int32(position)
        }
    }
}
