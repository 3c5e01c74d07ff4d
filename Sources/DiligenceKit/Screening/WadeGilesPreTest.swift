/// A test before `WadeGiles.pinyin`, which every name of a list and every query passes: most
/// names leave it at their first word, after it has made a `String` of the word and looked it
/// up in two tables.
extension WadeGiles {
    /// The table's syllables without an apostrophe, their lower-case bytes packed into a
    /// `UInt64` (each is at most 8 bytes; a longer one is left out and `mayConvert` passes every
    /// word as long).
    static let packedSyllables: Set<UInt64> = Set(table.keys.compactMap { packed(Array($0.utf8)[...]) })

    /// Up to 8 bytes, lower-cased, in one number (nil for more, or an apostrophe).
    static func packed(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte != UInt8(ascii: "'") else { return nil }
            value = value << 8 | UInt64(ASCII.lowercased(byte))
        }
        return value
    }

    /// False when `pinyin` surely returns the text as it is: the text has no hyphen and no
    /// apostrophe (no "mark"), and its first word between spaces, without the trailing ",", "."
    /// and ";" `pinyin` drops, is empty, or has a byte that is no ASCII letter, or is longer than
    /// every syllable, or lower-cased is no syllable of the table. `pinyin` rejects such a text
    /// at that word (a word of an unmarked name must be a syllable), or finds no word at all.
    static func mayConvert(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") { return true }
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            guard start < bytes.count else { return false }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            var stop = end
            while stop > start, bytes[stop - 1] == UInt8(ascii: ",") || bytes[stop - 1] == UInt8(ascii: ".") || bytes[stop - 1] == UInt8(ascii: ";") {
                stop -= 1
            }
            guard stop > start, stop - start <= longestSyllable else { return false }
            // A syllable longer than 8 bytes is not in `packedSyllables`: the general path.
            guard stop - start <= 8 else { return true }
            var value: UInt64 = 0
            for index in start..<stop {
                let byte = bytes[index]
                guard ASCII.isLetter(byte) else { return false }
                value = value << 8 | UInt64(ASCII.lowercased(byte))
            }
            return packedSyllables.contains(value)
        }
        // Storage not contiguous (never for a native string): the general path.
        return answer ?? true
    }
}
