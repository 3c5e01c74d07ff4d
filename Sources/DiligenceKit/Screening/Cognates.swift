/// Russian words of organisation names that are the English word with Russian endings, as the
/// lists romanise them: "POLIMERNYKH" is "polymer", "TEKHNOLOGII" "technology", "KOMPLEKS"
/// "complex", "AVIATSIONNYKH" "aviation", "SOTSIALNOGO" "social", "AVTOMOBILNYE" "automobile".
/// OFAC lists a Russian company under its romanised Russian name and its English one ("ZAVOD
/// POLIMERNYKH TRUB" / "POLYMER PIPE PLANT"); `organisation-words.tsv` holds the words that are
/// not the English word, these need no table.
///
/// Both words are reduced to a stem (`stem(ofKey:)`), from their keys (which already fold "kh" to
/// "h", "ts" and "ch" to "c", "y" to "i", "ks" to "x" and doubled letters):
/// - the endings of Russian adjectives and nouns are taken off: "-nyi", "-naya", "-noe", "-nogo",
///   "-nykh" after a consonant ("polimernykh" → "polimer"), "-ov" of the genitive plural
///   ("materialov"), "-iya" of nouns ("kriptografiya"), and
///   "-icheskiy" and its forms become "-ic" ("tekhnicheskiy" → "tekhnic"), "-tsiya" and
///   "-tsionnyi" "-tion" ("korporatsiya" → "korporation");
/// - the English "-ical" and "-ics" become "-ic", a final "s" of the plural goes, and the final
///   vowels of either word ("tekhnologi-i" and "technolog-y");
/// - letters are read as said: "c" before e and i and "ti" before a vowel as "s" ("social",
///   "nation"), other "c" and the "h" of "kh" as "k", "x" as "ks", "z" as "s", "av" before a
///   consonant as "au" ("avtomobil" / "automobile").
///
/// Two different words of six letters of stem or more that reduce to the same stem are the same
/// word, as a translation (`TokenComparison.How.translation`): counted only when both names are
/// organisations, as the table's words are ("KALSIMIN" / "CALCIMIN", "TECHNIC" / "TECHNIQUE" too).
/// A query word with a Russian ending that the list does not know weighs what the list's word of
/// its stem does (`NameScreener.unseenWeight`); other words keep their own weight ("wiliam" is
/// not weighed as "williams", in a person's name as much as in a company's).
enum Cognates {
    /// The shortest stem compared: shorter ones are too many words ("marin" is marine and marina).
    static let shortestStem = 6

    /// A word's stem as described above, from its key (lower-case ASCII letters); nil for a key
    /// with other characters or a stem shorter than `shortestStem`.
    static func stem(ofKey key: String) -> [UInt8]? {
        var word = Array(key.utf8)
        guard word.count >= shortestStem, word.allSatisfy(ASCII.isLower) else { return nil }
        strip(&word)
        var spoken: [UInt8] = []
        spoken.reserveCapacity(word.count + 2)
        for index in word.indices {
            let byte = word[index]
            let next = index + 1 < word.count ? word[index + 1] : nil
            let afterNext = index + 2 < word.count ? word[index + 2] : nil
            switch byte {
            case UInt8(ascii: "c"):
                spoken.append(next == UInt8(ascii: "e") || next == UInt8(ascii: "i") ? UInt8(ascii: "s") : UInt8(ascii: "k"))
            case UInt8(ascii: "t") where next == UInt8(ascii: "i") && afterNext.map(isVowel) == true:
                spoken.append(UInt8(ascii: "s"))
            case UInt8(ascii: "h"): spoken.append(UInt8(ascii: "k"))
            case UInt8(ascii: "x"): spoken.append(contentsOf: [UInt8(ascii: "k"), UInt8(ascii: "s")])
            case UInt8(ascii: "z"): spoken.append(UInt8(ascii: "s"))
            case UInt8(ascii: "v") where index > 0 && word[index - 1] == UInt8(ascii: "a") && next.map { !isVowel($0) } == true:
                spoken.append(UInt8(ascii: "u"))
            default: spoken.append(byte)
            }
        }
        // Doubled letters the reading made ("kk" of "kh" after "c") are one.
        var stem: [UInt8] = []
        stem.reserveCapacity(spoken.count)
        for byte in spoken where stem.last != byte { stem.append(byte) }
        while let last = stem.last, isVowel(last) { stem.removeLast() }
        return stem.count >= shortestStem ? stem : nil
    }

    /// Whether the key ends in one of the Russian endings of `endings` (not the English ones),
    /// with four letters or more before it: a word read as Russian.
    static func hasRussianEnding(_ key: String) -> Bool {
        var word = Array(key.utf8)
        let count = word.count
        strip(&word, russianOnly: true)
        return word.count != count || word.last != key.utf8.last
    }

    /// Whether two keys are different words of one stem.
    static func same(_ a: String, _ b: String) -> Bool {
        guard a != b, let stemA = stem(ofKey: a) else { return false }
        return stemA == stem(ofKey: b)
    }

    /// Endings as keys write them, longest first within each group, with what replaces them.
    static let endings: [(ending: [UInt8], replacement: [UInt8])] = {
        var rows: [(String, String)] = []
        // "-icheskiy" (key "iceski"), "-icheskaya", ...: the English "-ic".
        for form in ["iceskaia", "iceskoe", "iceskogo", "iceskomu", "iceskih", "iceskimi", "iceskim", "iceskie", "iceskoi", "iceskuiu", "iceski"] {
            rows.append((form, "ic"))
        }
        // "-tsionnyi" (key "cioni"), "-tsiya" (key "cia"), "-tsii": the English "-tion".
        for form in [
            "cionaia", "cionoe", "cionogo", "cionih", "cionimi", "cionim", "cionie", "cione", "cionoi", "cionuiu", "cioni", "ciei", "ciia", "ciiu", "cia",
            "ciu", "ci",
        ] {
            rows.append((form, "tion"))
        }
        // Adjectives in "-nyi" and their forms; "-ov" of the genitive plural; nouns in "-iya"
        // (key "ia": "kriptografiya").
        for form in ["nogo", "nomu", "naia", "nimi", "nuiu", "noe", "nih", "nim", "noi", "nie", "ne", "ni", "ov", "ia"] {
            rows.append((form, ""))
        }
        // The English "-ical", "-ics", and the plural's "s".
        for form in ["ical", "ics", "s"] {
            rows.append((form, form == "s" ? "" : "ic"))
        }
        return rows.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }()

    /// The English endings, last in `endings`.
    static let englishEndings = 3

    /// Takes off the first ending of `endings` the word has, when four letters or more are left
    /// (of the Russian endings only, when `russianOnly`).
    static func strip(_ word: inout [UInt8], russianOnly: Bool = false) {
        for (ending, replacement) in endings.dropLast(russianOnly ? englishEndings : 0)
        where word.count >= ending.count + 4 && word.reversed().starts(with: ending.reversed()) {
            // "-ss" is no plural ("press"); "-us", "-is" are not either ("campus", "analysis").
            if ending == [UInt8(ascii: "s")] {
                let before = word[word.count - 2]
                if before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { return }
            }
            // The adjective's "n" endings, "-ov" and "-iya" follow a consonant ("polimer-nykh",
            // "material-ov", "kriptograf-iya"); after a vowel the "n" is the word's ("kompanii").
            if ending.first == UInt8(ascii: "n") || ending.first == UInt8(ascii: "o") || ending == [UInt8(ascii: "i"), UInt8(ascii: "a")],
                isVowel(word[word.count - ending.count - 1])
            {
                return
            }
            word.removeLast(ending.count)
            word.append(contentsOf: replacement)
            return
        }
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }
}
