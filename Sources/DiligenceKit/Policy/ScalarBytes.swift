/// Checks on the bytes of a scalar that answer as the String functions of `SchemaValidator` and
/// `YAMLNode` do, so that a valid value is converted without making a String of it.
enum ScalarBytes {
    /// `YAMLNode.isNull` for an untagged plain scalar (asked of every plain scalar: inlined).
    @inline(__always)
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            let ull = bytes[1] == UInt8(ascii: "u") && bytes[2] == UInt8(ascii: "l") && bytes[3] == UInt8(ascii: "l")
            let capitalULL = bytes[1] == UInt8(ascii: "U") && bytes[2] == UInt8(ascii: "L") && bytes[3] == UInt8(ascii: "L")
            // null, Null, NULL
            return (bytes[0] == UInt8(ascii: "n") && ull) || (bytes[0] == UInt8(ascii: "N") && (ull || capitalULL))
        default: return false
        }
    }

    /// `SchemaValidator.decimalInteger` on bytes: an optional `-`, then 1 to 15 ASCII digits
    /// without a leading zero (but `0` itself), read in decimal (15 digits cannot overflow).
    static func decimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = bytes.first == UInt8(ascii: "-")
        let body = UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...])
        guard !body.isEmpty, body.count <= 15, body.count == 1 || body[0] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in body {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// The shape `SchemaValidator.decimalNumber` accepts, on bytes: an optional `-` or `+`, 1 to
    /// 15 ASCII digits, and optionally `.` and at least one more digit. (Its checks are on
    /// Characters; a non-ASCII byte fails both, so on ASCII bytes and Characters agree.)
    static func isDecimalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        let integerDigits = index - integerStart
        guard (1...15).contains(integerDigits) else { return false }
        if index == bytes.count { return true }
        guard bytes[index] == UInt8(ascii: ".") else { return false }
        index += 1
        let fractionStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index > fractionStart && index == bytes.count
    }

    /// `Double(text)` of a scalar `isDecimalNumber` accepts. With at most 15 digits in all
    /// (the sign and point aside) the digits as an integer and the power of ten of the places
    /// are both exact doubles, and their quotient, rounded once, is the double nearest the
    /// decimal, the one `Double(text)` reads; longer texts are read by `Double(text)`.
    static func decimalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits = 0
        var places = 0
        var mantissa: Int64 = 0
        var afterPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 15 else {
                return Double(String(decoding: bytes, as: UTF8.self))
            }
            mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
            if afterPoint { places += 1 }
        }
        guard digits > 0 else { return Double(String(decoding: bytes, as: UTF8.self)) }
        let magnitude = Double(mantissa) / powersOfTen[places]
        return negative ? -magnitude : magnitude
    }

    /// 10^0 to 10^15, each exact.
    private static let powersOfTen: [Double] = (0...15).map { places in (0..<places).reduce(1.0) { power, _ in power * 10 } }

    /// `FieldType.isIdentifier` on bytes: 1 to 200 ASCII letters, digits or `.-_:/`.
    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 200 else { return false }
        for byte in bytes {
            // A bit per byte of 0 to 127 (`identifierBits`): a shift and a test, not five ranges.
            let word = byte < 64 ? identifierBits.low : identifierBits.high
            guard byte < 128, word >> UInt64(byte & 63) & 1 != 0 else { return false }
        }
        return true
    }

    /// The bytes `isIdentifier` accepts, one bit each: 0 to 63 (`-./0-9:`, bits 45 to 58),
    /// then 64 to 127 (`A-Z` bits 1 to 26, `_` bit 31, `a-z` bits 33 to 58).
    static let identifierBits: (low: UInt64, high: UInt64) = (0x07FF_E000_0000_0000, 0x07FF_FFFE_87FF_FFFE)
}
