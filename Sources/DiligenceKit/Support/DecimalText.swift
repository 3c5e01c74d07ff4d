/// Decimal numbers read from their bytes ("-12.345"), for the built-in data files' thousands of
/// coordinates: the same `Double` as `Double(String)`, without making a text of each.
enum DecimalText {
    /// Exact powers of ten: every one up to 10^22 is a `Double` without rounding.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of an optional `-` or `+`, digits, and optionally `.` and more digits, with at
    /// most 15 digits in all; nil for any other shape (the caller then asks `Double(String)`).
    ///
    /// At most 15 digits make an integer below 2^53, so both it and the power of ten are exact
    /// and the one division rounds once, correctly: the value `Double(String)` gives.
    static func value(_ bytes: some Collection<UInt8>) -> Double? {
        var iterator = bytes.makeIterator()
        var byte = iterator.next()
        var negative = false
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = iterator.next()
        }
        var mantissa = 0, digits = 0, fraction = 0, seenPoint = false, integerDigits = 0
        while let current = byte {
            if current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(current - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fraction += 1 } else { integerDigits += 1 }
                guard digits <= 15 else { return nil }
            } else if current == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            byte = iterator.next()
        }
        guard integerDigits > 0, !seenPoint || fraction > 0 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fraction]
        return negative ? -magnitude : magnitude
    }

    /// Writes `value`'s decimal digits at `target` with a point before the last `places` of
    /// them (at least one digit before it: `0.05` for 5 and 2 places; no point for 0 places), a
    /// minus sign first when negative; returns how many bytes it wrote (at most 22: 19 digits,
    /// a sign, a point and a zero). `places` at most 18.
    static func write(_ value: Int, places: Int, to target: UnsafeMutableRawPointer) -> Int {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            var start = raw.count
            var rest = value.magnitude
            var written = 0
            repeat {
                if written == places, places > 0 {
                    start -= 1
                    raw[start] = UInt8(ascii: ".")
                }
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= places
            if value < 0 {
                start -= 1
                raw[start] = UInt8(ascii: "-")
            }
            let length = raw.count - start
            if let base = raw.baseAddress { target.copyMemory(from: base + start, byteCount: length) }
            return length
        }
    }

    /// Appends an integer's decimal digits (what `String(value)` spells) without making the
    /// text: made from the last digit in a buffer on the stack (20 digits and a sign at most),
    /// then appended at once. The JSON writer's numbers and the report tables' places use it.
    @inline(__always)
    static func appendDigits(of value: Int, to bytes: inout [UInt8]) {
        if (0..<10).contains(value) {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var start = raw.count
            var rest = value.magnitude
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                start -= 1
                raw[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }
}
