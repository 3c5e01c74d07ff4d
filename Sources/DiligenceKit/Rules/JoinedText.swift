/// Texts written one after the other into one new text, with one allocation: the rules' messages
/// and path lines are a few texts each (a name, a country, a factor's title), and an
/// interpolation or `+=` grew its string two or three times on the way (an interpolation starts
/// with room for its literal bytes only), about 500 instructions an append.
enum JoinedText {
    /// `parts` one after the other: the bytes `parts.joined()`, `a + b` and `"\(a)\(b)"` write.
    static func of(_ parts: String...) -> String {
        of(parts)
    }

    /// `parts` one after the other (`parts.joined()`).
    static func of(_ parts: [String]) -> String {
        var total = 0
        for part in parts { total += part.utf8.count }
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for part in parts {
                let copied = part.utf8.withContiguousStorageIfAvailable { source -> Int in
                    guard let from = source.baseAddress, let to = buffer.baseAddress, !source.isEmpty else { return 0 }
                    (to + at).initialize(from: from, count: source.count)
                    return source.count
                }
                if let copied {
                    at += copied
                } else {
                    for byte in part.utf8 {
                        buffer[at] = byte
                        at += 1
                    }
                }
            }
            return at
        }
    }
}
