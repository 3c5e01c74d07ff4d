/// Spanish "j" (the jota) as the scripts that write a Spanish name by its sound write it: the
/// sound of German "ch", Cyrillic "х", Greek "χ", Arabic "خ", Georgian "ხ", Armenian "խ"
/// ("Joaquín" is "Хоакин", "Χοακίν", "خواكين", "ხოაკინ", "Խոակին"; "José" "Хосе", "Jorge"
/// "Хорхе"). Those read "kh" (keys "h") or "x", where the list spelling has "j", and at seven
/// letters the first letter apart is no typo the comparison allows.
///
/// A word whose key has a "j" before a vowel that matched nothing is compared again with each
/// such "j" written as the other word writes the sound ("h" or "x"), when only the other word
/// has that letter and no "j": equal or a typo apart, they are one name (`comparison`).
enum SpanishJota {
    /// The key with each "j" before a vowel written `letter`, nil when it has none.
    static func respelled(_ key: ArraySlice<UInt8>, as letter: UInt8) -> [UInt8]? {
        guard key.count >= 4 else { return nil }
        var result = Array(key)
        var changed = false
        for index in result.indices.dropLast() where result[index] == UInt8(ascii: "j") && isVowel(result[index + 1]) {
            result[index] = letter
            changed = true
        }
        return changed ? result : nil
    }

    static func isVowel(_ byte: UInt8) -> Bool { "aeiouy".utf8.contains(byte) }

    /// Whether a word's text has a "kh" or an "x" before a vowel, as other scripts write the
    /// jota ("khoakin", "xose"): a byte scan.
    static func writesJota(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            let next: UInt8 = index + 1 < text.endIndex ? text[index + 1] : 0
            if isVowel(next), byte == UInt8(ascii: "x") || (byte == UInt8(ascii: "h") && previous == UInt8(ascii: "k")) { return true }
            previous = byte
            index += 1
        }
        return false
    }

    /// A key with each "h" or "x" before a vowel written "j", as a list spells the jota that
    /// another script wrote "kh" (keys "h") or "x" ("hoakin" → "joakin", for the lookup of
    /// candidates); nil when it has none, or is shorter than four letters.
    static func reading(_ key: ArraySlice<UInt8>) -> [UInt8]? {
        guard key.count >= 4 else { return nil }
        var result = Array(key)
        var changed = false
        for index in result.indices.dropLast() where (result[index] == UInt8(ascii: "h") || result[index] == UInt8(ascii: "x")) && isVowel(result[index + 1]) {
            result[index] = UInt8(ascii: "j")
            changed = true
        }
        return changed ? result : nil
    }

    /// Whether the other word has `letter` within two places of a "j" before a vowel of the key
    /// (where the other script wrote the jota): a byte scan, no allocation.
    static func faces(_ key: ArraySlice<UInt8>, _ letter: UInt8, in other: ArraySlice<UInt8>) -> Bool {
        var offset = 0
        for byte in key {
            defer { offset += 1 }
            guard byte == UInt8(ascii: "j"), offset + 1 < key.count, isVowel(key[key.startIndex + offset + 1]) else { continue }
            let low = max(0, offset - 2), high = min(other.count - 1, offset + 2)
            guard low <= high else { continue }
            if other[(other.startIndex + low)...(other.startIndex + high)].contains(letter) { return true }
        }
        return false
    }

    /// The comparison of two words with the jota of one side's key written "h" or "x", as the
    /// other side's is (a byte scan of each first: most pairs stop there, without a copy of
    /// either word); nil otherwise or when they are still not the same word or a typo apart (no
    /// sound-alike on top of a respelling).
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        // Equal or a typo apart after the respelling: at most two letters' difference in length.
        guard abs(a.key.count - b.key.count) <= 2 else { return nil }
        let j = UInt8(ascii: "j")
        if a.key.contains(j) {
            return b.key.contains(j) ? nil : respelledComparison(a, against: b, parameters: parameters)
        }
        return b.key.contains(j) ? respelledComparison(b, against: a, parameters: parameters) : nil
    }

    /// `side`'s jota written as `other` writes the sound, compared with `other`.
    static func respelledComparison(_ side: TokenForms, against other: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        // The letter as the other word's text writes it: a key's "x" can be a folded "ks"
        // ("aksay", Akshay, is no "Ajay").
        let written = other.text.isEmpty ? other.key : other.text
        for letter in [UInt8(ascii: "h"), UInt8(ascii: "x")] where faces(side.key, letter, in: written) {
            guard let spelled = respelled(side.key, as: letter) else { return nil }
            let forms = TokenForms(key: spelled[...], text: [], phonetic: PhoneticKey.key(spelled[...])[...])
            let bare = TokenForms(key: other.key, text: [], phonetic: other.phonetic)
            if let found = TokenComparison.compare(forms, bare, parameters: parameters), found.similarity > 0,
                found.how == .spelling || found.how == .exact || found.how == .typo
            {
                return found
            }
        }
        return nil
    }
}
