/// Checks on the bytes of a scalar that answer as the String functions of `SchemaValidator` and
/// `YAMLNode` do, so that a valid value is converted without making a String of it.
enum ScalarBytes {
    /// `YAMLNode.isNull` for an untagged plain scalar.
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

    /// `FieldType.isIdentifier` on bytes: 1 to 200 ASCII letters, digits or `.-_:/`.
    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 200 else { return false }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
