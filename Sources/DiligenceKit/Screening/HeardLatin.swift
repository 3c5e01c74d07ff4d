/// A listed Latin word as another script hears it: the scripts that write a foreign name by its
/// sound write the sound of its letters, not the letters. Latin "c" before "a", "o", "u" or a
/// consonant is a "k" ("Carrie" is "Кэрри", "Κάρι", "கேரி"; "Bosco" "Μπόσκο"), and before "e",
/// "i", "y" an "s"; "qu" before a vowel is a "k"; "g" before "e", "i", "y" is the "j" of English
/// and of the Arabic jim ("Gibran" is "Джебран", "Τζεμπράν", "ג'ובראן"); a doubled consonant is
/// one sound. French: the "ç" the lists write "c" before a final "ois" is an "s", and a final "s",
/// "t" or "x" after "oi" is not said ("Francois" is "Франсуа", "Φρανσουά", "فرانسوا"; "Benoit"
/// "Бенуа"); the query's "w" between a consonant and a vowel is the vowel "u" ("franswa").
/// The vowels of a Latin spelling are heard otherwise from language to language (the stressed
/// "a" of "Carrie" is "e", "ai", "ya"), so two words with the same consonants, in the
/// same order, in as many syllables of near vowels, from the same first letter are one name
/// (`comparison`): "Кира" (Kira) is no Carrie.
///
/// Only a word of a query written outside Latin against a listed Latin word with such a letter,
/// once every other comparison failed: Latin "Kerri" is compared as written.
enum HeardLatin {
    /// The listed word as heard: "carrie" → "karie", "gibran" → "jibran", "bosco" → "bosko";
    /// nil when no letter of it is heard otherwise than written (no "c", "q" or soft "g").
    static func reading(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var cursor = HeardCursor(text: text)
        var result: [UInt8] = []
        while let byte = cursor.next() { result.append(byte) }
        return cursor.changed ? result : nil
    }

    /// The query word's text as its sounds: Cyrillic "дж" (BGN/PCGN "dzh") and "dj" are the one
    /// "j", a doubled consonant one sound ("kerri" → "keri").
    static func sounds(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var cursor = SoundCursor(text: text)
        var result: [UInt8] = []
        while let byte = cursor.next() { result.append(byte) }
        return result
    }

    /// The letters of a listed Latin word as heard, one at a time (`reading`).
    struct HeardCursor {
        let text: ArraySlice<UInt8>
        var index: Int
        var last: UInt8 = 0
        /// A letter so far was heard otherwise than written.
        var changed = false

        init(text: ArraySlice<UInt8>) {
            self.text = text
            index = text.startIndex
        }

        /// Whether "oi" starts at `position`.
        func isFrenchOi(after position: Int) -> Bool {
            position + 1 < text.endIndex && text[position] == UInt8(ascii: "o") && text[position + 1] == UInt8(ascii: "i")
        }

        /// Whether the "oi" at `position` ends the word with an "s" or "se" ("-ois", "-oise").
        func endsFrenchOi(from position: Int) -> Bool {
            let rest = text[(position + 2)...]
            return rest.elementsEqual("s".utf8) || rest.elementsEqual("se".utf8)
        }

        mutating func next() -> UInt8? {
            while index < text.endIndex {
                let byte = text[index]
                let next: UInt8 = index + 1 < text.endIndex ? text[index + 1] : 0
                var heard = byte
                switch byte {
                case UInt8(ascii: "c") where next == UInt8(ascii: "h"):
                    // "ch": a sound of its own in every language that writes it.
                    break
                case UInt8(ascii: "c") where next == UInt8(ascii: "k"):
                    // "ck" is one "k".
                    changed = true
                    index += 1
                    continue
                case UInt8(ascii: "c") where isFrenchOi(after: index + 1) && endsFrenchOi(from: index + 1):
                    // The French "ç" the list writes "c": "Francois", "Francoise" are "Fransua".
                    heard = UInt8(ascii: "s")
                case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "x"):
                    // Silent after a final French "oi": "Francois", "Benoit", "Dubois", "Delacroix".
                    if index + 1 == text.endIndex, index - 2 >= text.startIndex, isFrenchOi(after: index - 2) {
                        changed = true
                        index += 1
                        continue
                    }
                case UInt8(ascii: "c"):
                    heard = isFront(next) ? UInt8(ascii: "s") : UInt8(ascii: "k")
                case UInt8(ascii: "q"):
                    heard = UInt8(ascii: "k")
                    if next == UInt8(ascii: "u"), index + 2 < text.endIndex, isVowel(text[index + 2]) { index += 1 }
                case UInt8(ascii: "g") where isFront(next) && (index == text.startIndex || text[index - 1] != UInt8(ascii: "g")):
                    heard = UInt8(ascii: "j")
                default:
                    break
                }
                if heard != byte { changed = true }
                index += 1
                // A doubled consonant is one sound ("rr", "ss", "cc").
                if !isVowel(heard), heard == last { continue }
                last = heard
                return heard
            }
            return nil
        }
    }

    /// The letters of a query word's text as its sounds, one at a time (`sounds`).
    struct SoundCursor {
        let text: ArraySlice<UInt8>
        var index: Int
        var last: UInt8 = 0

        init(text: ArraySlice<UInt8>) {
            self.text = text
            index = text.startIndex
        }

        mutating func next() -> UInt8? {
            while index < text.endIndex {
                var byte = text[index]
                index += 1
                if byte == UInt8(ascii: "d"), index < text.endIndex {
                    if text[index] == UInt8(ascii: "j") {
                        byte = UInt8(ascii: "j")
                        index += 1
                    } else if text[index] == UInt8(ascii: "z"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "h") {
                        byte = UInt8(ascii: "j")
                        index += 2
                    }
                }
                // A "w" between a consonant and a vowel is the vowel "u" another script writes
                // there ("فرانسوا" franswa, "Франсуа" fransua: Francois).
                if byte == UInt8(ascii: "w"), last != 0, !isVowel(last), index < text.endIndex, isVowel(text[index]) { byte = UInt8(ascii: "u") }
                if !isVowel(byte), byte == last { continue }
                last = byte
                return byte
            }
            return nil
        }
    }

    /// Whether a listed word as heard (`reading`) and a query word's text as its sounds
    /// (`sounds`) have the same first letter, the same consonants in the same order and as many
    /// groups of vowels (syllables), each group near the other's as the languages hear one vowel
    /// (`nearVowels`), and the listed word has a letter heard otherwise than written: four letters
    /// or more and three. Read letter by letter, no copy of either word (most pairs stop at their
    /// second or third letter).
    static func sameSounds(listed: ArraySlice<UInt8>, query: ArraySlice<UInt8>) -> Bool {
        guard listed.count >= 4, query.count >= 3 else { return false }
        var heard = HeardCursor(text: listed), sounds = SoundCursor(text: query)
        var x = heard.next(), y = sounds.next()
        guard x != nil, x == y else { return false }
        while true {
            guard let p = x, let q = y else { return x == nil && y == nil && heard.changed }
            guard isVowel(p), isVowel(q) else {
                guard p == q else { return false }
                x = heard.next()
                y = sounds.next()
                continue
            }
            var pVowels = vowelClass(p), qVowels = vowelClass(q)
            x = heard.next()
            while let byte = x, isVowel(byte) {
                pVowels |= vowelClass(byte)
                x = heard.next()
            }
            y = sounds.next()
            while let byte = y, isVowel(byte) {
                qVowels |= vowelClass(byte)
                y = sounds.next()
            }
            guard nearVowels(pVowels) & qVowels != 0 else { return false }
        }
    }

    /// A vowel letter as a bit: "a" 1, "e" 2, "i" and "y" 4, "o" and "u" 8.
    static func vowelClass(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "a"): 1
        case UInt8(ascii: "e"): 2
        case UInt8(ascii: "i"), UInt8(ascii: "y"): 4
        default: 8
        }
    }

    /// The vowels one language's vowels (`vowelClass` bits) can be written as in another's:
    /// "a" and "e" (English "Carrie", "Кэрри"), "e" and "i" ("Gibran", "Джебран"), "o" and "u";
    /// not "a" and "i" ("Kira" is no Carrie) nor "i" and "u".
    static func nearVowels(_ vowels: UInt8) -> UInt8 {
        var near = vowels
        if vowels & 1 != 0 { near |= 2 }
        if vowels & 2 != 0 { near |= 1 | 4 }
        if vowels & 4 != 0 { near |= 2 }
        return near
    }

    /// The comparison of a word of a query written outside Latin with a listed Latin word, the
    /// listed word as heard: a sound-alike when they have the same sounds (`sameSounds`); nil
    /// otherwise.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard a.nonLatin != b.nonLatin else { return nil }
        // The forms are read where they are (borrowed), not copied: most pairs leave at their
        // first letters.
        guard a.nonLatin ? sameSounds(latin: b, query: a) : sameSounds(latin: a, query: b) else { return nil }
        return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0)
    }

    /// `sameSounds` of the listed word's text (its key when it has none) and the query word's.
    @inline(__always)
    static func sameSounds(latin: borrowing TokenForms, query: borrowing TokenForms) -> Bool {
        let latinCount = latin.text.isEmpty ? latin.key.count : latin.text.count
        let queryCount = query.text.isEmpty ? query.key.count : query.text.count
        guard abs(latinCount - queryCount) <= 3, let listedFirst = latin.text.isEmpty ? latin.key.first : latin.text.first,
            let queryFirst = query.text.isEmpty ? query.key.first : query.text.first, mayOpenAlike(listedFirst, queryFirst)
        else { return false }
        return sameSoundsOutOfLine(listed: latin.text.isEmpty ? latin.key : latin.text, query: query.text.isEmpty ? query.key : query.text)
    }

    /// Whether a listed word opening with `listed` may open, as heard, as a query word opening
    /// with `query` sounds: "c" as "k", "s" or "c" ("ch"), "q" as "k", "g" as "g" or "j" (the
    /// query's "dzh", "dj"), any other letter as itself ("j" as the query's "dzh").
    @inline(__always)
    static func mayOpenAlike(_ listed: UInt8, _ query: UInt8) -> Bool {
        switch listed {
        case UInt8(ascii: "c"): query == UInt8(ascii: "k") || query == UInt8(ascii: "s") || query == UInt8(ascii: "c")
        case UInt8(ascii: "q"): query == UInt8(ascii: "k")
        case UInt8(ascii: "g"): query == UInt8(ascii: "g") || query == UInt8(ascii: "j") || query == UInt8(ascii: "d")
        case UInt8(ascii: "j"): query == UInt8(ascii: "j") || query == UInt8(ascii: "d")
        default: query == listed
        }
    }

    /// `sameSounds`, kept out of `TokenComparison.compare`, which every pair runs through.
    @inline(never)
    static func sameSoundsOutOfLine(listed: ArraySlice<UInt8>, query: ArraySlice<UInt8>) -> Bool {
        sameSounds(listed: listed, query: query)
    }

    /// "e", "i" or "y": a "c" or "g" before them is soft.
    static func isFront(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "y")
    }

    /// A vowel letter, "y" among them ("kyari": the "y" of a palatal consonant), as the sound
    /// keys read it (`PhoneticKey.isVowel`).
    static func isVowel(_ byte: UInt8) -> Bool { PhoneticKey.isVowel(byte) }
}
