/// Spanish "ll" as most of the Spanish-speaking world says it, "y" (yeísmo): scripts that write
/// a Spanish name by its sound write a "y" for it ("Cabello" is "Καμπέγιο" in Greek, "קאבייו" in
/// Hebrew, "كابيو" in Arabic, "카베요" in Hangul, "กาเบโย" in Thai; "Murillo" is "موريو", "무리요").
/// A word whose Latin text has "ll" between vowels that matched nothing is compared again with
/// the "ll" written "y" (`comparison`), as the other side's script wrote it; and a word with the
/// glide "j" of Polish, Czech, the Baltic and Germanic languages with it written "y" (`glideJ`).
enum SpanishPalatal {
    /// The text with each "ll" between vowels written "y", nil when it has none.
    static func respelled(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 4 else { return nil }
        // Most words have no "ll": a quick pass first.
        var previous: UInt8 = 0
        var found = false
        for byte in text {
            if byte == UInt8(ascii: "l"), previous == byte {
                found = true
                break
            }
            previous = byte
        }
        return found ? respelledScanning(text) : nil
    }

    private static func respelledScanning(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let bytes = Array(text)
        let l = UInt8(ascii: "l")
        func isVowel(_ byte: UInt8) -> Bool { "aeiou".utf8.contains(byte) }
        var result: [UInt8] = []
        var changed = false
        var index = 0
        while index < bytes.count {
            if index > 0, index + 2 < bytes.count, bytes[index] == l, bytes[index + 1] == l, isVowel(bytes[index - 1]), isVowel(bytes[index + 2]) {
                result.append(UInt8(ascii: "y"))
                changed = true
                index += 2
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return changed ? result : nil
    }

    /// The comparison of two words with the "ll" or the glide "j" of one side's text written
    /// "y", when only the other side's text has a "y" (a byte scan of each first: most pairs stop
    /// there); nil otherwise or when they still do not match.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        let y = UInt8(ascii: "y")
        let aHasY = a.text.contains(y), bHasY = b.text.contains(y)
        guard aHasY != bHasY else { return nil }
        let (side, other) = aHasY ? (b, a) : (a, b)
        guard let written = respelled(side.text) ?? glideJ(side.text) else { return nil }
        let key = written.map { $0 == y ? UInt8(ascii: "i") : $0 }
        var forms = TokenForms(key: key[...], text: written[...], phonetic: PhoneticKey.key(key[...])[...])
        forms.cyrillic = other.cyrillic
        guard let found = TokenComparison.compare(forms, other, parameters: parameters), found.similarity > 0 else { return nil }
        return found
    }

    /// The text with "j" written "y" where Polish, Czech, Slovak, the Baltic, German and
    /// Scandinavian languages write the glide "j" ("Jahja" / "Yahya", "Jakub" / "Yakub"): a word of
    /// five letters or more, every "j" before or after a vowel; nil otherwise.
    static func glideJ(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 5, text.contains(UInt8(ascii: "j")) else { return nil }
        let bytes = Array(text)
        func isVowel(_ index: Int) -> Bool { index >= 0 && index < bytes.count && "aeiou".utf8.contains(bytes[index]) }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "j") {
            guard isVowel(index - 1) || isVowel(index + 1) else { return nil }
        }
        return bytes.map { $0 == UInt8(ascii: "j") ? UInt8(ascii: "y") : $0 }
    }
}
