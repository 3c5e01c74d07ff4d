/// A Belarusian word against the Russian form of the same name. Belarusian writes its sounds
/// where Russian keeps the etymology, so one name has two spellings: the unstressed "o" is "a"
/// (akanye: "Валодзін" / "Володин"), "д" and "т" before a soft vowel are "дз" and "ц"
/// (dzekanye: "Мядзведчук" / "Медведчук"), "г" is "h", "ы" stands where Russian writes "и"
/// after a hard consonant ("Прыгожын" / "Пригожин"), "ў" closes a syllable where Russian has
/// "в" ("Вячаслаў" / "Вячеслав"), and "я" stands for an unstressed "е" ("Мядзведчук"). BGN/PCGN
/// romanises both by their letters, so the Belarusian reading of a listed Russian name is
/// two or three letters away from the list's spelling, beyond what a typo may be.
///
/// Two readings are tried for a word of a Cyrillic query that matched nothing:
/// - **as the lists write Belarusian**: "ў" as "u" and "е" after a consonant as "e" (OFAC writes
///   "Yauhen", "Uladzislau", "Stanislau"), so that the word's equivalent is found
///   (`word-equivalents.tsv`: "Яўген", romanised "yawhyen", is "yauhen", which is "Yevgeniy");
/// - **where the two spellings agree** (`neutral`), for a word that shows a Belarusian letter
///   ("dz", "w", a lone "h": `showsBelarusian`): both words with "dz" read "d", "ts" before
///   "i" or "e" read "t", a lone "h" read "g", "ya" and "ye" after a consonant read "e", "y"
///   between consonants read "i", "w" read "v" and every "o" read "a"; equal, or one letter
///   apart in words of seven letters or more, they sound alike.
enum BelarusianSpelling {
    /// The word as the lists write Belarusian, from its BGN/PCGN reading: "w" (ў) is "u", and
    /// "ye" after a consonant is "e". Nil when neither occurs.
    static func listSpelling(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        // Most words have neither: a byte scan, no copy.
        guard mayRespell(text) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var changed = false
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "w") {
                result.append(UInt8(ascii: "u"))
                changed = true
            } else if byte == UInt8(ascii: "y"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "e"), let last = result.last,
                isConsonant(last)
            {
                changed = true
            } else {
                result.append(byte)
            }
            index += 1
        }
        return changed ? result : nil
    }

    /// The letters where the Belarusian and the Russian spelling of one name agree (see the
    /// type's comment), in lower-case ASCII.
    static func neutral(_ text: ArraySlice<UInt8>) -> [UInt8] {
        let word = Array(text.lazy.map { ASCII.isUpper($0) ? $0 | 0x20 : $0 })
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            let byte = word[index]
            let next = index + 1 < word.count ? word[index + 1] : 0
            let previous = result.last ?? 0
            switch byte {
            case UInt8(ascii: "d") where next == UInt8(ascii: "z") && (index + 2 >= word.count || word[index + 2] != UInt8(ascii: "h")):
                result.append(UInt8(ascii: "d"))
                index += 2
                continue
            case UInt8(ascii: "t")
            where next == UInt8(ascii: "s") && index + 2 < word.count && (word[index + 2] == UInt8(ascii: "i") || word[index + 2] == UInt8(ascii: "e")):
                result.append(UInt8(ascii: "t"))
                index += 2
                continue
            case UInt8(ascii: "h") where !SlavicH.isDigraphOpener(previous):
                result.append(UInt8(ascii: "g"))
            case UInt8(ascii: "y") where (next == UInt8(ascii: "a") || next == UInt8(ascii: "e")) && isConsonant(previous):
                result.append(UInt8(ascii: "e"))
                index += 2
                continue
            case UInt8(ascii: "y") where isConsonant(previous) && isConsonant(next):
                result.append(UInt8(ascii: "i"))
            case UInt8(ascii: "w"):
                result.append(UInt8(ascii: "v"))
            case UInt8(ascii: "o"):
                result.append(UInt8(ascii: "a"))
            default:
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// Whether `listSpelling` changes the word: it has a "w", or a "ye" after a consonant.
    static func mayRespell(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            if byte == UInt8(ascii: "w") { return true }
            if byte == UInt8(ascii: "e"), previous == UInt8(ascii: "y") { return true }
            previous = byte
        }
        return false
    }

    /// Whether a BGN/PCGN reading shows a letter Belarusian writes where Russian does not: "dz"
    /// (not the affricate "dzh"), "w" (ў) or a lone "h" (г; "kh", "zh", "sh", "ch" are other letters).
    static func showsBelarusian(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index] | 0x20
            let next = index + 1 < text.endIndex ? text[index + 1] | 0x20 : 0
            if byte == UInt8(ascii: "w") { return true }
            if byte == UInt8(ascii: "h"), !SlavicH.isDigraphOpener(previous) { return true }
            if byte == UInt8(ascii: "d"), next == UInt8(ascii: "z"), index + 2 >= text.endIndex || text[index + 2] | 0x20 != UInt8(ascii: "h") {
                return true
            }
            previous = byte
            index += 1
        }
        return false
    }

    static func isConsonant(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) && !PhoneticKey.isVowel(byte | 0x20)
    }

    /// The comparison of a Cyrillic query's word with a listed word in another script by the
    /// Belarusian readings above; nil when neither reaches the listed word.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard a.cyrillic != b.cyrillic else { return nil }
        // The words' slices, not copies of the forms (a pair that matched nothing else comes here).
        if a.cyrillic {
            return comparison(side: a.text.isEmpty ? a.key : a.text, other: b.text.isEmpty ? b.key : b.text, otherKey: b.key, parameters: parameters)
        }
        return comparison(side: b.text.isEmpty ? b.key : b.text, other: a.text.isEmpty ? a.key : a.text, otherKey: a.key, parameters: parameters)
    }

    /// `side`, the Cyrillic query's word as read, against `other`, the listed word as written
    /// (`otherKey` its key).
    private static func comparison(
        side: ArraySlice<UInt8>, other: ArraySlice<UInt8>, otherKey: ArraySlice<UInt8>, parameters: ScoringParameters
    ) -> TokenComparison? {
        guard side.count >= 4, other.count >= 4, abs(side.count - other.count) <= 3 else { return nil }
        // As the lists write Belarusian: the word's own key (its equivalent) against the other's.
        if let spelled = listSpelling(side) {
            let key = NameNormalizer.standard.key(ofWord: String(decoding: spelled, as: UTF8.self))
            if key.utf8.elementsEqual(otherKey) { return TokenComparison(how: .spelling, similarity: 1, edits: 0) }
        }
        // Where the two spellings agree, for a word that shows a Belarusian letter: without one
        // ("Марʼяна", "maryana"), reading "ya" as "e" and "o" as "a" makes other names alike
        // ("Moreno").
        guard showsBelarusian(side) else { return nil }
        let x = neutral(side), y = neutral(other)
        guard x.count >= 5, y.count >= 5 else { return nil }
        if x == y { return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0) }
        guard min(x.count, y.count) >= 7, StringDistance.editDistance(x[...], y[...], limit: 1) <= 1 else { return nil }
        return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 1)
    }
}
