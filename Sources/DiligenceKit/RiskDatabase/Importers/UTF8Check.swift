/// Where UTF-8 goes wrong in a run of bytes.
public enum UTF8Check {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or nil when all are well formed.
    public static func firstInvalidOffset<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return index - bytes.startIndex }
            index += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes at `index` (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), nil if none starts there.
    @inline(__always)
    static func sequenceLength<C: Collection>(_ bytes: C, at index: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
