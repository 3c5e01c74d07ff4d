import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers with a fixed number of decimals, as `String(format: "%.Nf")` writes them: worked out
/// here when the value is not near a tie (the C library's formatter took 7,000 instructions a
/// number, 4% of a Markdown report of 50,000 sites), through the C library's formatter
/// otherwise. A test compares with `String(format:)` on 200,000 values and on exact ties.
enum FixedPoint {
    /// `String(format: "%.<places>f", value)`, for 0 to 9 places.
    static func text(_ value: Double, places: Int) -> String {
        if let text = roundedText(value, places: places) { return text }
        guard (0...9).contains(places) else { return String(format: "%.\(places)f", value) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer -> String in
            guard let base = buffer.baseAddress else { return String(format: "%.\(places)f", value) }
            let written = withVaList([value]) { arguments in
                formats[places].withCString { vsnprintf(base, buffer.count, $0, arguments) }
            }
            guard written >= 0, written < buffer.count else { return String(format: "%.\(places)f", value) }
            return String(cString: base)
        }
    }

    private static let formats = (0...9).map { "%.\($0)f" }
    private static let scales: [Double] = (0...9).map { pow(10, Double($0)) }
    private static let divisors: [UInt64] = (0...9).map { (0..<$0).reduce(1) { value, _ in value * 10 } }

    /// The text when rounding the value's scaled magnitude cannot depend on the error of the
    /// multiplication: its fraction is further than two units in the last place from one half
    /// (the C library rounds the exact binary value, half to even); nil otherwise.
    private static func roundedText(_ value: Double, places: Int) -> String? {
        guard (0...9).contains(places), value.isFinite else { return nil }
        let scaled = value.magnitude * scales[places]
        guard scaled < 0x1p52 else { return nil }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard (fraction - 0.5).magnitude > 2 * scaled.ulp else { return nil }
        let units = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
        let divisor = divisors[places]
        let negative = value.sign == .minus
        let integer = units / divisor
        var digits = 1
        var rest = integer / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let sign = negative ? 1 : 0
        let length = sign + digits + (places > 0 ? places + 1 : 0)
        // Written into the string's own storage, of its exact length (a text of up to 15 bytes
        // needs no allocation), where the parts made a String each.
        return String(unsafeUninitializedCapacity: length) { buffer in
            if negative { buffer[0] = UInt8(ascii: "-") }
            var integer = integer
            var position = sign + digits
            let count = position
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(integer % 10)
                integer /= 10
            } while position > sign
            if places > 0 {
                buffer[count] = UInt8(ascii: ".")
                var decimals = units % divisor
                var index = count + places
                while index > count {
                    buffer[index] = UInt8(ascii: "0") + UInt8(decimals % 10)
                    decimals /= 10
                    index -= 1
                }
            }
            return length
        }
    }
}
