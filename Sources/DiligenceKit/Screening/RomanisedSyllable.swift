/// One syllable of a Chinese or Korean name, keyed so that its romanisations agree.
///
/// Lists write the same syllable by several systems: Wade-Giles and pinyin for Chinese
/// ("Chiang Ching-kuo"/"Jiang Jingguo"), McCune-Reischauer (its apostrophes lost),
/// Revised Romanisation and the lists' own habits for Korean ("Cho'ng"/"Jong",
/// "P'yo'ng-kuk"/"Phyong Guk", "Chang-su"/"Jang Su"). They differ mostly in how the first
/// consonant is written: voiced or not, aspirated or not (ch/j/zh/q, ts/tz/z/c, hs/x, k/g, p/b,
/// t/d, r/l; Polish writes the Korean "j" "dz", "Kim Dzong Un"). The key writes each such group as one letter and the vowels and final as the
/// systems mostly agree ("eo"/"o", "eu"/"u", "ae"/"e", "ung"/"ong").
///
/// Only a word that is one syllable of these systems has a key (an initial of at most three
/// letters, one to three vowels with "y" only first, an optional final n, ng, m, k, l, p or t,
/// six letters at most), so ordinary words are left to the other comparisons. Bytes only, no
/// allocation: comparisons call it for every pair of short words.
enum RomanisedSyllable {
    /// Initials, longest first, and the class each is keyed as.
    static let initials: [([UInt8], UInt8)] = [
        ("tch", "J"), ("tsh", "Z"), ("ch", "J"), ("zh", "J"), ("ts", "Z"), ("tz", "Z"), ("dz", "J"), ("hs", "X"), ("sh", "S"),
        ("kh", "G"), ("ph", "B"), ("th", "D"), ("j", "J"), ("q", "J"), ("z", "Z"), ("c", "Z"), ("x", "X"), ("s", "S"),
        ("k", "G"), ("g", "G"), ("p", "B"), ("b", "B"), ("t", "D"), ("d", "D"), ("r", "L"), ("l", "L"), ("h", "H"),
        ("m", "M"), ("n", "N"), ("f", "F"), ("w", "W"), ("y", "Y"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1.unicodeScalars.first ?? "?")) }
    static let finals: [[UInt8]] = ["ng", "n", "m", "k", "l", "p", "t"].map { Array($0.utf8) }

    static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }

    /// The key of a lower-case Latin word that is one romanised syllable; nil otherwise.
    static func key(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count >= 2, word.count <= 6 else { return nil }
        let (initial, initialLength) = initial(of: word)
        var final = -1
        if let last = word.last, !isVowel(last), last != UInt8(ascii: "y") {
            guard let index = finalIndex(of: word, rest: word.count - initialLength) else { return nil }
            final = index
        }
        return key(word, initial: initial, initialLength: initialLength, final: final)
    }

    /// The key of a word (two to six letters) once its initial (its key class and length; 0
    /// and 0 for none) and its final (a position in `finals`; -1 for none) are found: the
    /// vowels between them keyed.
    static func key(_ word: ArraySlice<UInt8>, initial: UInt8, initialLength: Int, final: Int) -> UInt64? {
        let start = word.startIndex + initialLength
        let end = word.endIndex - (final >= 0 ? finals[final].count : 0)
        // One to three vowels; "y" only first ("yong", "pyo"): "ayn" is an Arabic consonant skeleton.
        let vowels = word[start..<end]
        guard !vowels.isEmpty, vowels.count <= 3 else { return nil }
        for (offset, byte) in vowels.enumerated() where !(isVowel(byte) || (byte == UInt8(ascii: "y") && offset == 0)) { return nil }
        var key = UInt64(initial)
        if vowels.count == 1, vowels.first == UInt8(ascii: "u"), final == 0 {
            // Wade-Giles "ung" is pinyin "ong".
            key = key << 8 | UInt64(UInt8(ascii: "o"))
        } else {
            var previous: UInt8 = 0
            // Burmese "au" ("Aung") is the "o" other scripts write ("ong", "oong", "ung"); no
            // Chinese or Korean romanisation writes "au" or "oo". Without an initial, the
            // Burmese syllable's nasal is written n or ng, and its vowel a, o, ao, au or oo
            // ("Аун", "آنگ", "ong", "aong", "昂" ang): one key.
            // With an initial it stays apart ("Thaung" is not "Dong").
            let burmese = vowels.elementsEqual("au".utf8) || vowels.elementsEqual("oo".utf8)
            if initial == 0, burmese || (final == 0 && (vowels.elementsEqual("a".utf8) || vowels.elementsEqual("ao".utf8))) {
                key = key << 8 | UInt64(UInt8(ascii: "o"))
                key = key << 8 | UInt64(UInt8(ascii: "-"))
                if final == 1 || final == 0 { return key << 16 | UInt64(UInt8(ascii: "n")) << 8 | UInt64(UInt8(ascii: "g")) }
                if final >= 0 { for byte in finals[final] { key = key << 8 | UInt64(byte) } }
                return key
            }
            for byte in vowels {
                // "eo" is "o", "eu" is "u", "ae" and "oe" are "e".
                if (previous == UInt8(ascii: "e") && (byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")))
                    || ((previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o")) && byte == UInt8(ascii: "e"))
                {
                    key = (key & ~0xFF) | UInt64(byte)
                } else {
                    key = key << 8 | UInt64(byte)
                }
                previous = byte
            }
        }
        key = key << 8 | UInt64(UInt8(ascii: "-"))
        if final >= 0 { for byte in finals[final] { key = key << 8 | UInt64(byte) } }
        return key
    }

    /// The key class and length of a word's initial: the first of `initials` (longest first)
    /// that the word starts with and is longer than; (0, 0) for none. `initials` written out
    /// as byte tests (`key` runs for every pair of short words compared, and a generic prefix
    /// test per initial was most of its cost); a test checks them against `initials`.
    static func initial(of word: ArraySlice<UInt8>) -> (key: UInt8, length: Int) {
        guard word.count >= 2 else { return (0, 0) }
        let start = word.startIndex
        let first = word[start], second = word[start + 1]
        if word.count > 3, first == UInt8(ascii: "t"), word[start + 2] == UInt8(ascii: "h") {
            if second == UInt8(ascii: "c") { return (UInt8(ascii: "J"), 3) }
            if second == UInt8(ascii: "s") { return (UInt8(ascii: "Z"), 3) }
        }
        if word.count > 2 {
            switch (first, second) {
            case (UInt8(ascii: "c"), UInt8(ascii: "h")), (UInt8(ascii: "z"), UInt8(ascii: "h")), (UInt8(ascii: "d"), UInt8(ascii: "z")):
                return (UInt8(ascii: "J"), 2)
            case (UInt8(ascii: "t"), UInt8(ascii: "s")), (UInt8(ascii: "t"), UInt8(ascii: "z")): return (UInt8(ascii: "Z"), 2)
            case (UInt8(ascii: "h"), UInt8(ascii: "s")): return (UInt8(ascii: "X"), 2)
            case (UInt8(ascii: "s"), UInt8(ascii: "h")): return (UInt8(ascii: "S"), 2)
            case (UInt8(ascii: "k"), UInt8(ascii: "h")): return (UInt8(ascii: "G"), 2)
            case (UInt8(ascii: "p"), UInt8(ascii: "h")): return (UInt8(ascii: "B"), 2)
            case (UInt8(ascii: "t"), UInt8(ascii: "h")): return (UInt8(ascii: "D"), 2)
            default: break
            }
        }
        let key: UInt8
        switch first {
        case UInt8(ascii: "j"), UInt8(ascii: "q"): key = UInt8(ascii: "J")
        case UInt8(ascii: "z"), UInt8(ascii: "c"): key = UInt8(ascii: "Z")
        case UInt8(ascii: "x"): key = UInt8(ascii: "X")
        case UInt8(ascii: "s"): key = UInt8(ascii: "S")
        case UInt8(ascii: "k"), UInt8(ascii: "g"): key = UInt8(ascii: "G")
        case UInt8(ascii: "p"), UInt8(ascii: "b"): key = UInt8(ascii: "B")
        case UInt8(ascii: "t"), UInt8(ascii: "d"): key = UInt8(ascii: "D")
        case UInt8(ascii: "r"), UInt8(ascii: "l"): key = UInt8(ascii: "L")
        case UInt8(ascii: "h"): key = UInt8(ascii: "H")
        case UInt8(ascii: "m"): key = UInt8(ascii: "M")
        case UInt8(ascii: "n"): key = UInt8(ascii: "N")
        case UInt8(ascii: "f"): key = UInt8(ascii: "F")
        case UInt8(ascii: "w"): key = UInt8(ascii: "W")
        case UInt8(ascii: "y"): key = UInt8(ascii: "Y")
        default: return (0, 0)
        }
        return (key, 1)
    }

    /// The index in `finals` of the first final the word ends with that leaves more than its
    /// own length of the `rest` after the initial; nil for none (`finals` as byte tests).
    static func finalIndex(of word: ArraySlice<UInt8>, rest: Int) -> Int? {
        guard let last = word.last else { return nil }
        switch last {
        case UInt8(ascii: "g"): return rest > 2 && word.count >= 2 && word[word.endIndex - 2] == UInt8(ascii: "n") ? 0 : nil
        case UInt8(ascii: "n"): return rest > 1 ? 1 : nil
        case UInt8(ascii: "m"): return rest > 1 ? 2 : nil
        case UInt8(ascii: "k"): return rest > 1 ? 3 : nil
        case UInt8(ascii: "l"): return rest > 1 ? 4 : nil
        case UInt8(ascii: "p"): return rest > 1 ? 5 : nil
        case UInt8(ascii: "t"): return rest > 1 ? 6 : nil
        default: return nil
        }
    }
}
