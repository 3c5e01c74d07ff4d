import Foundation

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

extension String {
    /// Foundation's `components(separatedBy:)`, the same pieces, found on the bytes when both
    /// texts are made only of plain scalars (`isPlainScalar`: each its own Character and its own
    /// normal form, so a match on Characters under canonical equivalence is a match of bytes);
    /// any other text goes to Foundation. The Markdown report splits every finding's message and
    /// path at the operation's name, and Foundation's search on Characters cost a fifth of it.
    func components(separatedByBytesOf separator: String) -> [String] {
        guard !separator.isEmpty, Self.isPlain(self), Self.isPlain(separator) else { return components(separatedBy: separator) }
        return pieces(betweenBytesOf: separator)
    }

    /// The text's pieces between the occurrences of `separator`, found on the UTF-8 bytes (so
    /// that joining them with the separator gives back the bytes); the whole text when the
    /// separator is empty or not in it. Each place of the separator's first byte is found by
    /// `memchr`, then compared whole (a byte-by-byte test of the first byte cost the Markdown
    /// report 25 M instructions on 200 heavy files, and the JSON report's new messages 4,500 each).
    func pieces(betweenBytesOf separator: String) -> [String] {
        var haystack = self, needle = separator
        return haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard let base = text.baseAddress, let partBase = part.baseAddress else { return [self] }
                var pieces: [String] = []
                var pieceStart = 0
                var index = 0
                while index + part.count <= text.count {
                    // The next place at or after `index` where the separator may start.
                    guard let hit = memchr(base + index, Int32(part[0]), text.count - part.count - index + 1) else { break }
                    index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + index, partBase, part.count) == 0 {
                        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[pieceStart..<index]), as: UTF8.self))
                        index += part.count
                        pieceStart = index
                    } else {
                        index += 1
                    }
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[pieceStart...]), as: UTF8.self))
                return pieces
            }
        }
    }

    /// Whether every scalar of the text is plain (`isPlainScalar`), read on the UTF-8 bytes.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            // Printable ASCII eight bytes at a time (most of a report's texts), then a scalar at a time.
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index &+ 8 <= bytes.count, isPrintableASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index &+= 8 }
            }
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    guard lead >= 0x20, lead != 0x7F else { return false }
                    index += 1
                    continue
                }
                // Two- and three-byte sequences only (the plain scalars are below U+10000).
                let length = lead >= 0xE0 ? 3 : 2
                guard lead >= 0xC2, lead < 0xF0, index + length <= bytes.count else { return false }
                var scalar = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
                for offset in 1..<length {
                    let byte = bytes[index + offset]
                    guard byte & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                guard isPlainScalar(scalar) else { return false }
                index += length
            }
            return true
        }
    }

    /// Whether every byte of `word` is printable ASCII (0x20 to 0x7E), exactly: each test keeps
    /// to a byte's low seven bits first, so no carry crosses into the next byte.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        guard word & high == 0 else { return false }
        // The top bit of each byte set when the byte is 0x20 or above.
        let printable = (word &+ 0x6060_6060_6060_6060) & high
        // The top bit of each byte set when the byte is not 0x7F (DEL).
        let x = word ^ low
        let notDelete = ((x & low) &+ low | x) & high
        return printable & notDelete == high
    }

    /// Scalars that are a Character of their own whatever surrounds them (grapheme break
    /// property Other: no control, combining mark, joiner or Hangul jamo) and their own NFC
    /// (quick check Yes, combining class 0): printable ASCII; Latin-1, Latin Extended-A and -B,
    /// IPA and spacing modifier letters (U+00A0 to U+02FF, without the soft hyphen); Cyrillic
    /// without its combining marks; dashes, quotes and other general punctuation (U+2010 to
    /// U+2027, U+2030 to U+205E); the arrows U+2190 to U+2199; minus, ≤ and ≥.
    static func isPlainScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20...0x7E: return true
        case 0xAD: return false
        case 0xA0...0x2FF: return true
        case 0x400...0x482, 0x48A...0x4FF: return true
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x2190...0x2199, 0x2212, 0x2264, 0x2265: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// `lowercased()`, on the bytes when the text is ASCII (the same result: an ASCII letter's
    /// lower case is its ASCII lower case), through `lowercased()` otherwise. The Markdown
    /// report lowers each finding's message and path steps to compare them, and the Unicode
    /// way cost it a third of its time on an exposure-heavy portfolio.
    func asciiFastLowercased() -> String {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        return (ascii ?? nil) ?? lowercased()
    }
}
