import Foundation

/// What the headline checks (`MarkdownReporter+Headline.swift`) compare, made once for a
/// factor's group of findings or once for a finding instead of once per finding and path step:
/// the Markdown render of an exposure-heavy portfolio spent most of its time making these texts.
extension MarkdownReporter {
    /// A factor's texts that a finding's message and path steps are compared with.
    final class FactorTexts {
        let factor: RiskFactor
        /// " (<title>)", "<title>: announced ", ", under <title>" (its first letter lowered).
        let titleInParentheses: String
        let announced: String
        let under: String
        /// "<id>: ", "<id> ", "in force since <date>", "announced <date>, not in force on ".
        private let idColon: String
        private let idSpace: String
        private let inForce: String
        private let announcedNotInForce: String?
        /// The id's Characters, counted once.
        private let idCount: Int
        /// "latest: <event> (<date>)" for each of its events, made when first asked (an imported
        /// factor may hold thousands of events).
        private lazy var latestEvents: [String] = factor.events.map { "latest: \($0.what.lowercasedFirst) (\($0.when))" }

        init(_ factor: RiskFactor) {
            self.factor = factor
            titleInParentheses = " (" + factor.title + ")"
            announced = factor.title + ": announced "
            under = ", under " + factor.title.lowercasedFirst
            idColon = factor.id + ": "
            idSpace = factor.id + " "
            inForce = "in force since \(factor.inForceFrom)"
            announcedNotInForce = factor.published.map { "announced \($0), not in force on " }
            idCount = factor.id.count
        }

        /// Makes the events' texts now (a texts' only state made after `init`): a texts shared
        /// between threads is made so before it is shared, and then only read.
        func readEvents() {
            _ = latestEvents
        }

        /// Whether the text is "latest: <event> (<date>)" of one of the factor's events.
        func isLatestEvent(_ text: Substring) -> Bool {
            // `hasPrefix`, decided on the bytes (the generic `starts(with:)` on Characters cost
            // thousands of instructions a step).
            guard text.hasASCIIPrefix("latest: ") else { return false }
            return latestEvents.contains { text == $0 }
        }

        /// Whether a step is what the factor's profile states: its dates or one of its events as the latest.
        func profileStates(_ step: String) -> Bool {
            let whole = Substring(step)
            if whole.hasASCIIPrefix(idColon), isLatestEvent(step.dropFirst(idCount + 2)) { return true }
            guard whole.hasASCIIPrefix(idSpace) else { return false }
            let rest = step.dropFirst(idCount + 1)
            if rest == inForce { return true }
            if let announcedNotInForce, rest.hasPrefix(announcedNotInForce) { return true }
            return false
        }
    }

    /// A finding's message in lower case, and whether a step's text in lower case occurs in it:
    /// an ASCII step is lowered into a buffer on the stack, not into a String each.
    struct LoweredText {
        /// The message, `lowercased()`.
        let text: String

        init(_ text: String) {
            self.text = text.lowercasedKeepingASCII()
        }

        /// Whether `part.lowercased()`'s bytes occur in the text's (`containsBytes`: the empty text does not).
        mutating func containsLowered(_ part: Substring) -> Bool {
            var part = part
            var text = text
            let found: Bool? = part.withUTF8 { needle in
                // Not ASCII: lowered the Unicode way (below).
                guard String.isASCII(needle) else { return nil }
                guard !needle.isEmpty else { return false }
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: needle.count) { lowered in
                    for index in needle.indices { lowered[index] = String.lowerASCII(needle[index]) }
                    return text.withUTF8 { haystack in Self.occurs(UnsafeBufferPointer(lowered), in: haystack) }
                }
            }
            if let found { return found }
            return text.containsBytes(of: String(part).lowercasedKeepingASCII())
        }

        /// Whether the needle's bytes occur in the haystack's: each place of its first byte
        /// (found by `memchr`) compared with the rest (`memcmp`).
        private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress, let part = needle.baseAddress else {
                return false
            }
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return false }
                let offset = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + offset, part, needle.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }
}

extension String {
    /// `lowercased()` (each scalar's lowercase mapping), with the ASCII scalars lowered on
    /// their bytes: `lowercased()` makes a String for every scalar of a text that is not all
    /// ASCII (a message naming Mocímboa da Praia), this only for the others.
    func lowercasedKeepingASCII() -> String {
        var text = self
        return text.withUTF8 { bytes in
            if Self.isASCII(bytes) {
                return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    var index = 0
                    // Eight bytes at a time (`lowerASCII(word:)`), then a byte at a time.
                    if let source = bytes.baseAddress, let target = buffer.baseAddress {
                        while index &+ 8 <= bytes.count {
                            let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                            UnsafeMutableRawPointer(target + index).storeBytes(of: Self.lowerASCII(word: word), as: UInt64.self)
                            index &+= 8
                        }
                    }
                    while index < bytes.count {
                        buffer[index] = Self.lowerASCII(bytes[index])
                        index += 1
                    }
                    return bytes.count
                }
            }
            // Each scalar read from its UTF-8 bytes (a String's bytes are valid UTF-8).
            var lowered: [UInt8] = []
            lowered.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    lowered.append(Self.lowerASCII(lead))
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if value < Self.loweredTableEnd {
                    lowered.append(contentsOf: Self.lowered[Int(value) - 0x80].utf8)
                } else if let scalar = Unicode.Scalar(value) {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    lowered.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, bytes.count)]))
                }
                index += length
            }
            return String(decoding: lowered, as: UTF8.self)
        }
    }

    /// An ASCII byte in lower case (other bytes as they are).
    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Eight ASCII bytes (each below 0x80) in lower case: a byte from 0x41 ("A") to 0x5A ("Z")
    /// gains 0x20, exactly as `lowerASCII` (no sum below carries out of its byte: 0x7F + 0x3F
    /// is below 0x100).
    @inline(__always)
    static func lowerASCII(word: UInt64) -> UInt64 {
        // The top bit of each byte set when the byte is 0x41 or above, and 0x5B or above.
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        let upper = (fromA ^ pastZ) & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }

    /// Whether every byte is ASCII (below 0x80), read eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Where `lowered` ends: Latin-1, Latin Extended, Greek and Cyrillic (the names a
    /// portfolio's messages hold), below U+0530.
    private static let loweredTableEnd: UInt32 = 0x530

    /// Each scalar's `lowercaseMapping` from U+0080 to `loweredTableEnd`, read once: looking
    /// a mapping up cost about 100 ns a scalar, for every letter of every Cyrillic name.
    private static let lowered: [String] = (0x80..<loweredTableEnd).map { Unicode.Scalar($0)?.properties.lowercaseMapping ?? "" }

    /// Foundation's `range(of:)`, found on the bytes when both texts are made only of plain
    /// scalars (`isPlain`: the same match), through Foundation otherwise.
    func firstRange(ofText other: String) -> Range<String.Index>? {
        guard !other.isEmpty, Self.isPlain(self), Self.isPlain(other) else { return range(of: other) }
        var haystack = self, needle = other
        let offset: Int? = haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard let base = text.baseAddress, let partBase = part.baseAddress, part.count <= text.count else { return nil }
                var start = 0
                while start + part.count <= text.count {
                    if text[start] == part[0], memcmp(base + start, partBase, part.count) == 0 { return start }
                    start += 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }
}

extension Substring {
    /// `hasPrefix(prefix)`, decided on the bytes for an ASCII prefix that does not end in CR
    /// when the bytes decide it: they match and the next byte is ASCII or there is none (it
    /// starts a Character of its own), or they differ and are all ASCII; `hasPrefix` otherwise.
    func hasASCIIPrefix(_ prefix: String) -> Bool {
        var prefix = prefix
        var text = self
        let decided: Bool? = prefix.withUTF8 { expected in
            guard let last = expected.last, last != 0x0D, String.isASCII(expected) else { return nil }
            return text.withUTF8 { bytes -> Bool? in
                guard bytes.count >= expected.count else { return false }
                // A different ASCII first byte starts a different first Character.
                if bytes[0] < 0x80, bytes[0] != expected[0] { return false }
                var matched = true
                var allASCII = true
                for index in expected.indices {
                    let byte = bytes[index]
                    if byte >= 0x80 { allASCII = false }
                    if byte != expected[index] { matched = false }
                }
                if matched {
                    if bytes.count == expected.count || bytes[expected.count] < 0x80 { return true }
                } else if allASCII {
                    return false
                }
                return nil
            }
        }
        return decided ?? hasPrefix(prefix)
    }
}
