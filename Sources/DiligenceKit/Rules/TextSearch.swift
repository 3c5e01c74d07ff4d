#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `other`'s bytes occur in this text's UTF-8 bytes (`memchr` for the first byte,
    /// `memcmp` for the rest). The rules compare texts that come from the same database and
    /// policy byte for byte; Foundation's `contains` (canonical equivalence through `NSString`)
    /// cost conflict-proximity a fifth of its instructions on an exposure-heavy portfolio.
    func containsBytes(of other: String) -> Bool {
        // As Foundation's `contains`: the empty text is not found.
        if other.isEmpty { return false }
        var haystack = self, needle = other
        return haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard let base = text.baseAddress, let partBase = part.baseAddress, part.count <= text.count else { return false }
                let last = text.count - part.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(part[0]), last - start + 1) else { return false }
                    let offset = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + offset, partBase, part.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
