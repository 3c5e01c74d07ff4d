/// Tests on a text's UTF-8 bytes read from its contiguous storage: `utf8.allSatisfy` walks the
/// view by its iterator, several times the instructions a byte (a name's tests run for every
/// name screened).
enum UTF8Scan {
    /// Whether every byte of the text is below `bound` (`text.utf8.allSatisfy { $0 < bound }`).
    static func allBelow(_ text: String, _ bound: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte >= bound { return false }
            return true
        }
    }

    /// Whether the text's UTF-8 holds the byte `first` followed by `second` (a two-byte
    /// character looked for without decoding the text: ض is D8 B6).
    static func contains(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 1..<bytes.count where bytes[index] == second && bytes[index - 1] == first { return true }
            return false
        }
    }
}
