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
        }

        /// Whether the text is "latest: <event> (<date>)" of one of the factor's events.
        func isLatestEvent(_ text: Substring) -> Bool {
            guard text.hasPrefix("latest: ") else { return false }
            return latestEvents.contains { text == $0 }
        }

        /// Whether a step is what the factor's profile states: its dates or one of its events as the latest.
        func profileStates(_ step: String) -> Bool {
            if step.hasPrefix(idColon), isLatestEvent(step.dropFirst(factor.id.count + 2)) { return true }
            guard step.hasPrefix(idSpace) else { return false }
            let rest = step.dropFirst(factor.id.count + 1)
            if rest == inForce { return true }
            if let announcedNotInForce, rest.hasPrefix(announcedNotInForce) { return true }
            return false
        }
    }

    /// A finding's message in lower case, and whether a step's text in lower case occurs in it:
    /// an ASCII step is lowered into a buffer kept for the finding, not into a String each.
    struct LoweredText {
        /// The message, `lowercased()`.
        let text: String
        private var buffer: [UInt8] = []

        init(_ text: String) {
            self.text = text.lowercasedKeepingASCII()
        }

        /// Whether `part.lowercased()`'s bytes occur in the text's (`containsBytes`: the empty text does not).
        mutating func containsLowered(_ part: Substring) -> Bool {
            buffer.removeAll(keepingCapacity: true)
            for byte in part.utf8 {
                // Not ASCII: lowered the Unicode way.
                guard byte < 0x80 else { return text.containsBytes(of: String(part).lowercasedKeepingASCII()) }
                buffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            guard !buffer.isEmpty else { return false }
            var text = text
            return text.withUTF8 { haystack in buffer.withUnsafeBufferPointer { Self.occurs($0, in: haystack) } }
        }

        private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = needle.first, needle.count <= haystack.count else { return false }
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                if haystack[start] == first {
                    var at = 1
                    while at < needle.count, haystack[start + at] == needle[at] { at += 1 }
                    if at == needle.count { return true }
                }
                start += 1
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
        if utf8.allSatisfy({ $0 < 0x80 }) { return asciiFastLowercased() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if scalar.value < Self.loweredTableEnd {
                bytes.append(contentsOf: Self.lowered[Int(scalar.value) - 0x80].utf8)
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
        guard let last = prefix.utf8.last, last != 0x0D, prefix.utf8.allSatisfy({ $0 < 0x80 }) else { return hasPrefix(prefix) }
        var bytes = utf8.makeIterator()
        var matched = true
        var allASCII = true
        for expected in prefix.utf8 {
            guard let byte = bytes.next() else { return false }
            if byte >= 0x80 { allASCII = false }
            if byte != expected { matched = false }
        }
        if matched {
            guard let next = bytes.next(), next >= 0x80 else { return true }
        } else if allASCII {
            return false
        }
        return hasPrefix(prefix)
    }
}
