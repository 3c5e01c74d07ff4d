/// Byte classes of ASCII text.
enum ASCII {
    static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }

    /// What `words(of:_:)` does with one byte.
    enum WordByte {
        /// Part of a word, written as this byte.
        case keep(UInt8)
        /// Between words: a run of these is one space, none at either end.
        case separator
        /// Left out, without separating.
        case drop
    }

    /// The words of an ASCII text, each byte classified by `classify`, joined by single spaces;
    /// nil when the text is not all ASCII (the caller's general path handles it).
    @inline(__always)
    static func words(of text: String, _ classify: (UInt8) -> WordByte) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Written straight into the String's storage (no array between): the words are never
            // longer than the text.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    switch classify(byte) {
                    case .drop: continue
                    case .separator: pendingSpace = true
                    case .keep(let kept):
                        if pendingSpace, count > 0 {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = kept
                        count += 1
                    }
                }
                return count
            }
        }
    }
}
