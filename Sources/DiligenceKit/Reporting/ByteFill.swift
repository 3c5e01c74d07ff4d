/// Writes a section's bytes and its holes' numbers into memory made for them beforehand
/// (`ReportSection.fill(_:afterText:into:)`): each piece copied once, where it ends up, with no
/// array grown a piece at a time. The caller makes room for `ReportSection.filledByteBound`.
enum ByteFill {
    /// Room for one hole's text at most: "[", a sign, 19 digits of an `Int` and "]".
    static let holeBound = 22

    /// Copies `source` to `target` at `at`, and moves `at` past it.
    @inline(__always)
    static func put(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        precondition(at >= 0 && source.count <= target.count - at, "ByteFill: no room")
        guard let base = target.baseAddress else { return }
        (base + at).initialize(from: from, count: source.count)
        at += source.count
    }

    /// Writes one byte at `at`, and moves `at` past it.
    @inline(__always)
    static func putByte(_ byte: UInt8, into target: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        precondition(at >= 0 && at < target.count, "ByteFill: no room")
        target[at] = byte
        at += 1
    }

    /// Writes a number's decimal digits (a `-` first when negative: a table place not listed is
    /// -1) at `at`, as `DecimalText.appendDigits` gives them, and moves `at` past them.
    @inline(__always)
    static func putDigits(of value: Int, into target: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        if (0..<10).contains(value) {
            putByte(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value), into: target, at: &at)
            return
        }
        if value < 0 { putByte(UInt8(ascii: "-"), into: target, at: &at) }
        var digits = 0
        var rest = value.magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        precondition(at >= 0 && digits <= target.count - at, "ByteFill: no room")
        rest = value.magnitude
        var end = at + digits
        repeat {
            end -= 1
            target[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        at += digits
    }
}
