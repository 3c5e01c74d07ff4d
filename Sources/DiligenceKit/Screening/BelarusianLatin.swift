/// The Belarusian transform chain of `Transliterator` ("NFKC; Belarusian-Latin/BGN;
/// Russian-Latin/BGN; [\u02B9\u02BA\u00B7] Remove; Any-Latin; Latin-ASCII", with `listLetters`)
/// done without ICU for a word of the Belarusian alphabet, ASCII, guillemets and the apostrophe
/// "’": the first ICU transform of a process loads ICU's transliterator registry, rule data and
/// property tables (7.5 to 8.6 MiB resident), and the seed lists' Belarusian names
/// ("Аляксандр Рыгоравіч Лукашэнка") were enough to load it in every check.
///
/// The rules are ICU's `Belarusian-Latin/BGN` as its `utrans_toRules` prints them: one pass,
/// each letter by a rule of its own, except that a capital "Е", "Ё", "Ж", "Ш", "Х", "Ц", "Ч",
/// "Ю" or "Я" is written "Ye", "Yo", "Zh"... before a small letter of the alphabet (or "’")
/// and "YE", "YO", "ZH"... otherwise; its digraph rules ("ЗГ" "Z·H", "ТС" "T·S") write what the
/// two letters write one by one once the mark is removed. "И" and "и", which the table leaves,
/// are "I" and "i" by `Russian-Latin/BGN` after it; "Ь", "ь" and "’" are marks the chain
/// removes. "Щ", "Ъ" and the letters of other alphabets are left to ICU with the whole word.
/// Tests compare the result with ICU's for every Belarusian word of the repository, every one,
/// two and three characters of the alphabet, and random texts.
enum BelarusianLatin {
    /// The word in ASCII as `Transliterator.transform` with the Belarusian chain writes it, or
    /// nil when it has a character this does not handle.
    static func ascii(_ word: String) -> String? {
        var result = ""
        result.reserveCapacity(word.utf8.count + 8)
        var scalars = word.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar.value {
            case 0..<0x80: result.unicodeScalars.append(scalar)
            // Latin-ASCII.
            case 0xAB: result += "<<"
            case 0xBB: result += ">>"
            default:
                guard let latin = latin(scalar, beforeSmall: takesSmallForm(next)) else { return nil }
                result += latin
            }
        }
        return result
    }

    /// Whether a capital before this character is written with its second letter small: the
    /// rules' `[[б-джзй-нп-тф-шьўґ’][аеоуыэ-яёі]]` (no "и", "щ", "ъ": they are not Belarusian).
    static func takesSmallForm(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        switch scalar {
        case "б", "в", "г", "д", "ж", "з", "й", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "ь", "ў", "ґ", "’",
            "а", "е", "о", "у", "ы", "э", "ю", "я", "ё", "і":
            return true
        default: return false
        }
    }

    /// What the chain writes for a letter, marks removed; nil for a character left to ICU.
    static func latin(_ scalar: Unicode.Scalar, beforeSmall: Bool) -> String? {
        switch scalar {
        case "А": "A"
        case "а": "a"
        case "Б": "B"
        case "б": "b"
        case "В": "V"
        case "в": "v"
        case "Г": "H"
        case "г": "h"
        case "Д": "D"
        case "д": "d"
        case "Е": beforeSmall ? "Ye" : "YE"
        case "е": "ye"
        case "Ё": beforeSmall ? "Yo" : "YO"
        case "ё": "yo"
        case "Ж": beforeSmall ? "Zh" : "ZH"
        case "ж": "zh"
        case "З": "Z"
        case "з": "z"
        case "І": "I"
        case "і": "i"
        case "Й": "Y"
        case "й": "y"
        case "К": "K"
        case "к": "k"
        case "Л": "L"
        case "л": "l"
        case "М": "M"
        case "м": "m"
        case "Н": "N"
        case "н": "n"
        case "О": "O"
        case "о": "o"
        case "П": "P"
        case "п": "p"
        case "Р": "R"
        case "р": "r"
        case "С": "S"
        case "с": "s"
        case "Т": "T"
        case "т": "t"
        case "У": "U"
        case "у": "u"
        case "Ў": "W"
        case "ў": "w"
        case "Ф": "F"
        case "ф": "f"
        case "Х": beforeSmall ? "Kh" : "KH"
        case "х": "kh"
        case "Ц": beforeSmall ? "Ts" : "TS"
        case "ц": "ts"
        case "Ч": beforeSmall ? "Ch" : "CH"
        case "ч": "ch"
        case "Ш": beforeSmall ? "Sh" : "SH"
        case "ш": "sh"
        case "Ы": "Y"
        case "ы": "y"
        case "Ь", "ь", "’": ""
        case "Э": "E"
        case "э": "e"
        case "Ю": beforeSmall ? "Yu" : "YU"
        case "ю": "yu"
        case "Я": beforeSmall ? "Ya" : "YA"
        case "я": "ya"
        case "Ґ": "G"
        case "ґ": "g"
        // Not Belarusian letters: Russian-Latin/BGN's, after the Belarusian table.
        case "И": "I"
        case "и": "i"
        default: nil
        }
    }
}
