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
}
