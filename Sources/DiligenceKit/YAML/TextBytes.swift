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
            guard let length = UTF8Check.sequenceLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }
}
