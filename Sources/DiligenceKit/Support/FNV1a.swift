/// The 64-bit FNV-1a hash: stable across runs and machines (unlike `Hasher`), for ids, shards
/// and byte-keyed tables.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` with one more byte.
    @inline(__always) static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// `hash` with every byte of `bytes`, in order: eight bytes read at once and added from
    /// the lowest (a byte at a time, the loop's own count, load and test cost half again as
    /// much as the hash's xor and multiply: a report hashes every message and path step).
    @inline(__always)
    static func adding(bytes: UnsafeBufferPointer<UInt8>, to hash: UInt64) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash }
        var hash = hash
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            hash = (hash ^ (word & 0xFF)) &* prime
            hash = (hash ^ (word >> 8 & 0xFF)) &* prime
            hash = (hash ^ (word >> 16 & 0xFF)) &* prime
            hash = (hash ^ (word >> 24 & 0xFF)) &* prime
            hash = (hash ^ (word >> 32 & 0xFF)) &* prime
            hash = (hash ^ (word >> 40 & 0xFF)) &* prime
            hash = (hash ^ (word >> 48 & 0xFF)) &* prime
            hash = (hash ^ (word >> 56)) &* prime
            index += 8
        }
        while index < count {
            hash = adding(base[index], to: hash)
            index += 1
        }
        return hash
    }

    /// The hash of `bytes`.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }
}
