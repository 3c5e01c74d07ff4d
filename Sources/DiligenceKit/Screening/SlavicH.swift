/// Ukrainian and Belarusian "г", their own sound "h" (BGN/PCGN "h"), which they also write for
/// the "g" of a foreign name: "Гусман" is Guzmán in Ukrainian (Russian "Гусман" is "gusman"),
/// "Родрігес" Rodríguez, "Гулбеддін" Gulbuddin, "Пригожин" in Belarusian "Прыгожын". BGN/PCGN
/// writes their "х" "kh", "ж" "zh", "ш" "sh", "ч" "ch", so a lone "h" in a Cyrillic query's
/// reading is always a "г".
///
/// A word of a Cyrillic query that matched nothing is compared again with each such "h" written
/// "g", when the other word has a "g": equal or a typo apart, they are one name (`comparison`).
enum SlavicH {
    /// The text with each "h" that is no part of "kh", "zh", "sh" or "ch" written "g", nil when it
    /// has none.
    static func respelled(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 4 else { return nil }
        var result = Array(text)
        var changed = false
        for index in result.indices where result[index] == UInt8(ascii: "h") {
            if index > 0, isDigraphOpener(result[index - 1]) { continue }
            result[index] = UInt8(ascii: "g")
            changed = true
        }
        return changed ? result : nil
    }

    /// "k", "z", "s" or "c": before "h", BGN/PCGN's "kh", "zh", "sh", "ch" (х, ж, ш, ч), not a "г".
    static func isDigraphOpener(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "k") || byte == UInt8(ascii: "z") || byte == UInt8(ascii: "s") || byte == UInt8(ascii: "c")
    }

    /// The comparison of a Cyrillic query's word, its "г" read "g", with a word that has a "g" (a
    /// byte scan of each first: most pairs stop there); nil otherwise or when they are still not
    /// the same word or a typo apart (no sound-alike on top of a respelling).
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard a.cyrillic != b.cyrillic, abs(a.key.count - b.key.count) <= 2 else { return nil }
        return a.cyrillic ? respelledComparison(a, against: b, parameters: parameters) : respelledComparison(b, against: a, parameters: parameters)
    }

    /// The Cyrillic `side` with its "г" read "g", compared with `other`.
    static func respelledComparison(_ side: TokenForms, against other: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard other.key.contains(UInt8(ascii: "g")), side.text.contains(UInt8(ascii: "h")), let written = respelled(side.text) else {
            return nil
        }
        let forms = TokenForms(key: written[...], text: [], phonetic: PhoneticKey.key(written[...])[...])
        let bare = TokenForms(key: other.key, text: [], phonetic: other.phonetic)
        guard let found = TokenComparison.compare(forms, bare, parameters: parameters), found.similarity > 0,
            found.how == .spelling || found.how == .exact || found.how == .typo
        else { return nil }
        return found
    }
}
