/// Whether a file's bytes are text a policy can be read from: valid UTF-8 with no NUL byte.
/// One pass, eight bytes at a time while the text is ASCII (most policy files are), and no
/// copy: `String(validating:)` built a string of the whole file only to throw it away.
enum TextBytes {
    /// The same answer as `String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)`.
    static func isUTF8WithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        // ASCII without NUL, a word at a time: no byte has its top bit set, and none is zero.
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & high != 0 || (word &- ones) & ~word & high != 0 { break }
            index += 8
        }
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0 { return false }
                index += 1
                continue
            }
            // The second byte's range depends on the lead (no overlong form, no surrogate,
            // nothing above U+10FFFF); every later byte is 0x80...0xBF.
            let length: Int
            var low: UInt8 = 0x80, top: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; top = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; top = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= low, second <= top else { return false }
            for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
