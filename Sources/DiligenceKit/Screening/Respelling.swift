/// A word respelled as a spelling rule reads it (`TurkicC`: "c" read "j"; `JForZ`: "j" read "z";
/// `GreekNasalStop`: "nt" read "d"), and the respelled word compared again.
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

    /// A respelled word (its key and text) against `other`: the comparison when it is one of
    /// `kinds`, an exact match counted as a spelling (the word was respelled to make it); nil
    /// otherwise.
    static func comparison(
        key: ArraySlice<UInt8>, text: ArraySlice<UInt8>, against other: TokenForms, parameters: ScoringParameters, kinds: [TokenComparison.How]
    ) -> TokenComparison? {
        let forms = TokenForms(key: key, text: text, phonetic: PhoneticKey.key(key)[...])
        let bare = TokenForms(key: other.key, text: other.text, phonetic: other.phonetic)
        guard let found = TokenComparison.compare(forms, bare, parameters: parameters), found.similarity > 0, kinds.contains(found.how) else { return nil }
        return TokenComparison(how: found.how == .exact ? .spelling : found.how, similarity: found.similarity, edits: found.edits)
    }
}
