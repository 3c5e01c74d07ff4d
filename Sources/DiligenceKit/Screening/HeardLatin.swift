/// A listed Latin word as another script hears it: the scripts that write a foreign name by its
/// sound write the sound of its letters, not the letters. Latin "c" before "a", "o", "u" or a
/// consonant is a "k" ("Carrie" is "Кэрри", "Κάρι", "கேரி"; "Bosco" "Μπόσκο"), and before "e",
/// "i", "y" an "s"; "qu" before a vowel is a "k"; "g" before "e", "i", "y" is the "j" of English
/// and of the Arabic jim ("Gibran" is "Джебран", "Τζεμπράν", "ג'ובראן"); a doubled consonant is
/// one sound. The vowels of a Latin spelling are heard otherwise from language to language (the
/// stressed "a" of "Carrie" is "e", "ai", "ya"), so two words with the same consonants, in the
/// same order, in as many syllables of near vowels, from the same first letter are one name
/// (`comparison`): "Кира" (Kira) is no Carrie.
///
/// Only a word of a query written outside Latin against a listed Latin word with such a letter,
/// once every other comparison failed: Latin "Kerri" is compared as written.
enum HeardLatin {
    /// The listed word as heard: "carrie" → "kari", "gibran" → "jibran", "bosco" → "bosko";
    /// nil when no letter of it is heard otherwise than written (no "c", "q" or soft "g").
    static func reading(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 4, text.contains(where: { $0 == UInt8(ascii: "c") || $0 == UInt8(ascii: "q") || $0 == UInt8(ascii: "g") }) else {
            return nil
        }
        let bytes = Array(text)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            var heard = byte
            switch byte {
            case UInt8(ascii: "c") where next == UInt8(ascii: "h"):
                // "ch": a sound of its own in every language that writes it.
                result.append(byte)
                result.append(next)
                index += 2
                continue
            case UInt8(ascii: "c") where next == UInt8(ascii: "k"):
                // "ck" is one "k".
                heard = UInt8(ascii: "k")
                index += 1
            case UInt8(ascii: "c"):
                heard = isFront(next) ? UInt8(ascii: "s") : UInt8(ascii: "k")
            case UInt8(ascii: "q"):
                heard = UInt8(ascii: "k")
                if next == UInt8(ascii: "u"), index + 2 < bytes.count, isVowel(bytes[index + 2]) { index += 1 }
            case UInt8(ascii: "g") where isFront(next) && (index == 0 || bytes[index - 1] != UInt8(ascii: "g")):
                heard = UInt8(ascii: "j")
            default:
                break
            }
            if heard != byte { changed = true }
            index += 1
            // A doubled consonant is one sound ("rr", "ss", "cc").
            if !isVowel(heard), result.last == heard { continue }
            result.append(heard)
        }
        return changed ? result : nil
    }

    /// The query word's text as its sounds: Cyrillic "дж" (BGN/PCGN "dzh") and "dj" are the one
    /// "j", a doubled consonant one sound ("kerri" → "keri").
    static func sounds(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        let bytes = Array(text)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "d"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "j") {
                    result.append(UInt8(ascii: "j"))
                    index += 2
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "z"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "h") {
                    result.append(UInt8(ascii: "j"))
                    index += 3
                    continue
                }
            }
            index += 1
            if !isVowel(byte), result.last == byte { continue }
            result.append(byte)
        }
        return result
    }

    /// Whether the two spellings have the same first letter, the same consonants in the same
    /// order and as many groups of vowels (syllables), each group as near the other's as the
    /// languages hear one vowel (`isNear`), four letters or more and three.
    static func sameSounds(_ heard: [UInt8], _ query: [UInt8]) -> Bool {
        guard heard.count >= 4, query.count >= 3, let first = heard.first, first == query.first else { return false }
        var i = 0, j = 0
        while i < heard.count, j < query.count {
            let x = heard[i], y = query[j]
            if !isVowel(x) || !isVowel(y) {
                guard x == y else { return false }
                i += 1
                j += 1
                continue
            }
            let xEnd = heard[i...].firstIndex { !isVowel($0) } ?? heard.count
            let yEnd = query[j...].firstIndex { !isVowel($0) } ?? query.count
            guard heard[i..<xEnd].contains(where: { a in query[j..<yEnd].contains { b in isNear(a, b) } }) else { return false }
            i = xEnd
            j = yEnd
        }
        return i == heard.count && j == query.count
    }

    /// Two vowel letters one language's vowel can be written as in another's: "a" and "e"
    /// (English "Carrie", "Кэрри"), "e", "i" and "y" ("Gibran", "Джебран"), "o" and "u".
    static func isNear(_ a: UInt8, _ b: UInt8) -> Bool {
        if a == b { return true }
        func group(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a"): 0
            case UInt8(ascii: "e"): 1
            case UInt8(ascii: "i"), UInt8(ascii: "y"): 2
            default: 3
            }
        }
        let x = group(a), y = group(b)
        return (x <= 2 && y <= 2 && abs(x - y) == 1) || (x == 3 && y == 3)
    }

    /// The comparison of a word of a query written outside Latin with a listed Latin word, the
    /// listed word as heard (`reading`): a sound-alike when they have the same sounds
    /// (`sameSounds`); nil otherwise.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard a.nonLatin != b.nonLatin else { return nil }
        let (latin, query) = a.nonLatin ? (b, a) : (a, b)
        let latinText = latin.text.isEmpty ? latin.key : latin.text
        let queryText = query.text.isEmpty ? query.key : query.text
        // The first sounds agree or nothing does (a byte look first: most pairs stop here).
        guard abs(latinText.count - queryText.count) <= 3, let first = queryText.first, let opening = latinText.first,
            first == opening || (first == UInt8(ascii: "k") && opening == UInt8(ascii: "c"))
                || ((first == UInt8(ascii: "j") || first == UInt8(ascii: "d")) && opening == UInt8(ascii: "g"))
                || (first == UInt8(ascii: "s") && opening == UInt8(ascii: "c")) || (first == UInt8(ascii: "k") && opening == UInt8(ascii: "q")),
            let heard = reading(latinText), sameSounds(heard, sounds(queryText))
        else { return nil }
        return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0)
    }

    /// "e", "i" or "y": a "c" or "g" before them is soft.
    static func isFront(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "y")
    }

    /// A vowel letter, "y" among them ("kyari": the "y" of a palatal consonant).
    static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
            || byte == UInt8(ascii: "y")
    }
}
