/// Whether a file's bytes are text a policy can be read from: valid UTF-8 with no NUL byte.
/// Eight bytes at a time while the text is ASCII (most of a policy file is, even one with
/// accented or Cyrillic names), one UTF-8 sequence at a time otherwise, and no copy:
/// `String(validating:)` built a string of the whole file only to throw it away.
enum TextBytes {
    /// The same answer as `String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)`.
    static func isUTF8WithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        // ASCII without NUL, a word at a time: no byte has its top bit set, and none is zero.
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & high == 0 && (word &- ones) & ~word & high == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead == 0 { return false }
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(base, at: index, count: count) else { return false }
            index += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes at `index` (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF, as `UTF8Check`), nil if none.
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch base[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= count else { return nil }
        let second = base[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
