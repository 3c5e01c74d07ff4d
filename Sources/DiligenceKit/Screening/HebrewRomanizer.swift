/// Hebrew without vowel points (niqqud), as names are written, romanised with its vowel letters
/// read as vowels: ICU's Hebrew-Latin writes every vav "w" and every yod "y", so "ניקולס מדורו"
/// came out as "nyqwls mdwr", too far from "Nicolas Maduro" to match.
///
/// The letters follow the simplified romanisation of the Academy of the Hebrew Language (2006,
/// without diacritics: ח "h" ("kh" after a letter "h" would make a digraph of), כ/ק "k", צ "ts",
/// ש "sh"), with the geresh of loan sounds (ג׳ "j",
/// ז׳ "zh", צ׳ "ch", ח׳ "kh", ת׳ "th") and the matres lectionis read by position, as in names
/// written without points: vav is "v" at the start of a word or doubled and "u" elsewhere (it
/// writes "o" as often; "u" found more of the cross-script set's development split, 0.633
/// against 0.622 recall, and vowels count little in comparison); yod is "y" at the start or doubled, "i" elsewhere; alef is silent before a vowel
/// letter at the start and "a" elsewhere; he at the end of a word is "a" ("נרנדרה", "Narendra");
/// ayin is "a". Final forms are their letters.
enum HebrewRomanizer {
    static func isHebrewLetter(_ value: UInt32) -> Bool { (0x05D0...0x05EA).contains(value) }
    static func isGeresh(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{05F3}" || scalar == "\u{2019}" || scalar == "`" }

    /// Whether a word holds Hebrew letters.
    static func applies(to word: String) -> Bool { word.unicodeScalars.contains { isHebrewLetter($0.value) } }

    /// The word in Latin letters (other characters kept; points and cantillation dropped).
    static func latin(_ word: String) -> String {
        let scalars = word.unicodeScalars.filter { !(0x0591...0x05C7).contains($0.value) }
        let letters = Array(scalars)
        var output = ""
        var index = 0
        func letter(at position: Int) -> Unicode.Scalar? {
            position >= 0 && position < letters.count && isHebrewLetter(letters[position].value) ? letters[position] : nil
        }
        while index < letters.count {
            let scalar = letters[index]
            guard isHebrewLetter(scalar.value) else {
                output.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            // A geresh belongs to the letter before it: "ג'ונג" is j, o, n, g.
            let previous = index >= 1 && isGeresh(letters[index - 1]) ? index - 2 : index - 1
            let atStart = letter(at: previous) == nil
            let atEnd = letter(at: index + 1) == nil && !(index + 1 < letters.count && isGeresh(letters[index + 1]))
            let geresh = index + 1 < letters.count && isGeresh(letters[index + 1])
            let next = letter(at: index + 1)
            var advance = geresh ? 2 : 1
            switch scalar {
            case "א": output += atStart && (next == "ו" || next == "י") ? "" : "a"
            case "ב": output += "b"
            case "ג": output += geresh ? "j" : "g"
            case "ד": output += geresh ? "th" : "d"
            case "ה": output += atEnd && !atStart ? "a" : "h"
            case "ו":
                if next == "ו" {
                    output += "v"
                    advance = 2
                } else {
                    output += atStart ? "v" : "u"
                }
            case "ז": output += geresh ? "zh" : "z"
            case "ח":
                // After a letter that an "h" would make a digraph of ("יצחק": "ts" + "h" reads
                // "t" + "sh", and the spelling folds then shrink "ytshk" to "ik", the key of the
                // aircraft "YK-..."), ח is written "kh", as many romanisations write it.
                output += geresh || output.unicodeScalars.last.map({ "sctzkgpd".unicodeScalars.contains($0) }) == true ? "kh" : "h"
            case "ט": output += "t"
            case "י":
                if next == "י" {
                    output += atStart || letter(at: index + 2) != nil ? "y" : "ei"
                    advance = 2
                } else {
                    output += atStart ? "y" : "i"
                }
            case "כ", "ך", "ק": output += "k"
            case "ל": output += "l"
            case "מ", "ם": output += "m"
            case "נ", "ן": output += "n"
            case "ס": output += "s"
            case "ע": output += "a"
            case "פ": output += geresh ? "f" : "p"
            case "ף": output += "f"
            case "צ", "ץ": output += geresh ? "ch" : "ts"
            case "ר": output += "r"
            case "ש": output += "sh"
            case "ת": output += geresh ? "th" : "t"
            default: output.unicodeScalars.append(scalar)
            }
            index += advance
        }
        return output
    }
}
