/// A word's letter written as another, where a spelling rule reads it so (`TurkicC`: "c" read
/// "j"; `JForZ`: "j" read "z").
enum Respelling {
    /// The text with each `letter` that opens no "h" digraph ("ch", "jh"), and that `applies`
    /// at its offset, written `replacement`; nil when none is.
    static func replacing(_ letter: UInt8, in text: ArraySlice<UInt8>, with replacement: UInt8, where applies: (Int) -> Bool = { _ in true }) -> [UInt8]? {
        var result = Array(text)
        var changed = false
        for offset in result.indices where result[offset] == letter {
            if offset + 1 < result.count, result[offset + 1] == UInt8(ascii: "h") { continue }
            guard applies(offset) else { continue }
            result[offset] = replacement
            changed = true
        }
        return changed ? result : nil
    }
}
