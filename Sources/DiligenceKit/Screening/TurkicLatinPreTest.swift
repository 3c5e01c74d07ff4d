/// A test before `TurkicLatin.listSpelling`, which every name screened passes: one pass over
/// the name's bytes, without its scalars.
extension TurkicLatin {
    /// False when `listSpelling` surely returns nil: the name has no letter of `markers`, none
    /// that it replaces ("c", "C", "ə", "Ə", "ç", "Ç"), or a Latin letter neither alphabet has
    /// (`isForeign`). By UTF-8 bytes: each marker is two bytes, a lead byte and a continuation
    /// byte, and a lead byte followed by a continuation byte is always the start of the one
    /// character they write; a letter outside ASCII is decoded only when its lead byte may start
    /// a letter of the Latin blocks `isForeign` covers.
    static func mayRespell(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var marker = false, replaced = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == UInt8(ascii: "c") || byte == UInt8(ascii: "C") { replaced = true }
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count else { break }
                let next = bytes[index + 1]
                switch (byte, next) {
                case (0xC9, 0x99), (0xC6, 0x8F), (0xC3, 0xA7), (0xC3, 0x87):  // ə Ə ç Ç
                    marker = true
                    replaced = true
                case (0xC4, 0xB1), (0xC4, 0x9F), (0xC4, 0x9E), (0xC5, 0x9F), (0xC5, 0x9E), (0xC4, 0xB0):  // ı ğ Ğ ş Ş İ
                    marker = true
                case (0xC3...0xC9, _):  // U+00C0 to U+027F
                    let value = UInt32(byte & 0x1F) << 6 | UInt32(next & 0x3F)
                    if isForeign(value) { return false }
                case (0xE1, 0xB8...0xBB):  // U+1E00 to U+1EFF
                    return false
                default: break
                }
                index += 1
            }
            return marker && replaced
        }
    }
}
