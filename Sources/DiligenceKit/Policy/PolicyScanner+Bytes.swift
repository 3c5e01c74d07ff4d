extension PolicyScanner {
    /// What the loader asks of a file's bytes before reading them, in one pass:
    /// `TextBytes.isUTF8WithoutNUL` (libyaml's and the scanner's readers need it) and, when they
    /// are, `hasOnlyPlainCharacters` (the scanner reads only those). The two passes cost about
    /// 9 M instructions on 200 files; most of a policy is printable ASCII, taken here eight
    /// bytes at a time for both answers.
    struct ByteCheck: Equatable {
        /// Well-formed UTF-8 without a NUL byte.
        var isUTF8WithoutNUL: Bool
        /// `hasOnlyPlainCharacters` (false whenever `isUTF8WithoutNUL` is).
        var isPlain: Bool
    }

    static func check(_ input: UnsafeBufferPointer<UInt8>) -> ByteCheck {
        guard let base = input.baseAddress else { return ByteCheck(isUTF8WithoutNUL: true, isPlain: true) }
        let raw = UnsafeRawPointer(base)
        let count = input.count
        var plain = true
        var index = 0
        while index < count {
            // Printable ASCII and line feeds, eight bytes at a time: UTF-8 without NUL, and plain.
            while index &+ 8 <= count, isPlainASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index &+= 8 }
            guard index < count else { break }
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0 { return ByteCheck(isUTF8WithoutNUL: false, isPlain: false) }
                if !(byte >= 0x20 && byte < 0x7F || byte == 0x0A) { plain = false }
                index &+= 1
                continue
            }
            guard let length = UTF8Check.sequenceLength(input, at: index) else { return ByteCheck(isUTF8WithoutNUL: false, isPlain: false) }
            // The sequences `hasOnlyPlainCharacters` refuses: C1 controls and NEL, line and
            // paragraph separators, a byte order mark, U+FFFE and U+FFFF.
            if plain {
                switch byte {
                case 0xC2: if base[index + 1] <= 0x9F { plain = false }
                case 0xE2: if base[index + 1] == 0x80, base[index + 2] == 0xA8 || base[index + 2] == 0xA9 { plain = false }
                case 0xEF:
                    if base[index + 1] == 0xBB, base[index + 2] == 0xBF { plain = false }
                    if base[index + 1] == 0xBF, base[index + 2] == 0xBE || base[index + 2] == 0xBF { plain = false }
                default: break
                }
            }
            index &+= length
        }
        return ByteCheck(isUTF8WithoutNUL: true, isPlain: plain)
    }
}
