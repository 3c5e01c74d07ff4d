/// The Russian transform chain of `Transliterator` ("NFKC; Russian-Latin/BGN; marks removed;
/// Any-Latin; Latin-ASCII", then `listLetters`) done without ICU for a word of the Russian
/// alphabet (А-я, Ё, ё), ASCII and guillemets: ICU's rule-based transform costs about 4,000
/// instructions a letter, and the portfolio's Cyrillic words were a tenth of screening a name.
///
/// The rules are ICU's `Russian-Latin/BGN` as its `utrans_toRules` prints them, applied as ICU
/// applies them: two passes, each left to right, a rule's context before the letter read in
/// the text already transliterated and after it in the text not yet, the ends of the text
/// matching no letter. Tests compare the result with ICU's for every word of the lists, the
/// development sets and random texts of these letters; a word with any other character (a
/// Belarusian or Ukrainian letter, a combining mark, another script) is left to ICU.
enum RussianLatin {
    /// The word in ASCII as `Transliterator.transform` with the Russian chain writes it, or nil
    /// when it has a character this does not handle.
    static func ascii(_ word: String) -> String? {
        var source: [Unicode.Scalar] = []
        source.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            guard scalar.value < 0x80 || isRussian(scalar) || scalar.value == 0xAB || scalar.value == 0xBB else { return nil }
            source.append(scalar)
        }
        let first = firstPass(source)
        var result = String.UnicodeScalarView()
        secondPass(first) { scalar in
            switch scalar.value {
            // BGN/PCGN's marks, removed by the chain.
            case 0x02B9, 0x02BA, 0x00B7: break
            // Latin-ASCII.
            case 0xCB: result.append("E")
            case 0xEB: result.append("e")
            case 0xAB: result.append(contentsOf: "<<".unicodeScalars)
            case 0xBB: result.append(contentsOf: ">>".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The transform's filter, `[ЁА-яё]`.
    static func isRussian(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x0410...0x044F).contains(value) || value == 0x0401 || value == 0x0451
    }

    /// `[ЁАЕИОУЫЭ-Я]`.
    static func isUpperVowel(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        switch scalar {
        case "Ё", "А", "Е", "И", "О", "У", "Ы", "Э", "Ю", "Я": return true
        default: return false
        }
    }

    /// `[аеиоуыэ-яё]`.
    static func isLowerVowel(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        switch scalar {
        case "ё", "а", "е", "и", "о", "у", "ы", "э", "ю", "я": return true
        default: return false
        }
    }

    static func isUppercase(_ scalar: Unicode.Scalar?) -> Bool { scalar?.properties.isUppercase ?? false }
    static func isLowercase(_ scalar: Unicode.Scalar?) -> Bool { scalar?.properties.isLowercase ?? false }

    /// `[^[:L:][:M:][:N:]]`, the end of the text included.
    static func isBoundary(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
            .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return false
        default: return true
        }
    }

    /// The rules before `::Null`: "ы" after a vowel, "э" after a consonant, "е" and "ё" after
    /// a vowel or a sign.
    static func firstPass(_ source: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.count + 8)
        for index in source.indices {
            let scalar = source[index]
            let before = out.last
            let after = index + 1 < source.count ? source[index + 1] : nil
            switch scalar {
            case "ы" where isLowerVowel(before):
                out += ["·", "y"]
            case "Ы" where isUpperVowel(before), "ы" where isUpperVowel(before):
                out += isLowercase(after) ? ["·", "y"] : ["·", "Y"]
            case "Э", "э":
                // After a letter of either case that is not a vowel, "й" or "Й".
                if let before, isUppercase(before) || isLowercase(before), !isUpperVowel(before), !isLowerVowel(before),
                    before != "Й", before != "й"
                {
                    out += scalar == "Э" ? ["·", "E"] : ["·", "e"]
                } else {
                    out.append(scalar)
                }
            case "Е", "Ё":
                if isUpperVowel(before) || before == "Й" || before == "Ъ" || before == "Ь" {
                    let vowel: Unicode.Scalar = scalar == "Е" ? "E" : "Ë"
                    out += isUppercase(after) ? ["Y", vowel] : ["Y", scalar == "Е" ? "e" : "ë"]
                } else {
                    out.append(scalar)
                }
            case "е", "ё":
                if isUpperVowel(before) || isLowerVowel(before) || ["Й", "Ъ", "Ь", "й", "ъ", "ь"].contains(before) {
                    out += ["y", scalar == "е" ? "e" : "ë"]
                } else {
                    out.append(scalar)
                }
            default:
                out.append(scalar)
            }
        }
        return out
    }

    /// The rules after `::Null`, letter by letter, each output scalar given to `emit`.
    static func secondPass(_ text: [Unicode.Scalar], _ emit: (Unicode.Scalar) -> Void) {
        var last: Unicode.Scalar?
        func put(_ output: String) {
            for scalar in output.unicodeScalars {
                emit(scalar)
                last = scalar
            }
        }
        var index = 0
        while index < text.count {
            let scalar = text[index]
            let after = index + 1 < text.count ? text[index + 1] : nil
            index += 1
            guard isRussian(scalar) else {
                emit(scalar)
                last = scalar
                continue
            }
            let lowerAfter = isLowercase(after)
            let vowelAfter = after.map { "АУЫЭауыэ".unicodeScalars.contains($0) } ?? false
            switch scalar {
            case "Е": put(isBoundary(last) ? (isUppercase(after) ? "YE" : "Ye") : "E")
            case "е": put(isBoundary(last) ? "ye" : "e")
            case "Ё":
                let next = after == "·" ? (index + 1 < text.count ? text[index + 1] : nil) : after
                if isBoundary(last), isUppercase(next) {
                    put("YË")
                } else if isBoundary(last), isLowercase(next) {
                    put("Yë")
                } else {
                    put("Ë")
                }
            case "ё": put(isBoundary(last) ? "yë" : "ë")
            case "Ж": put(lowerAfter ? "Zh" : "ZH")
            case "Й": put(vowelAfter ? "Y·" : "Y")
            case "й": put(vowelAfter ? "y·" : "y")
            case "Т" where after == "С":
                put("T·S")
                index += 1
            case "Т" where after == "с":
                put("T·s")
                index += 1
            case "т" where after == "с":
                put("t·s")
                index += 1
            case "Х": put(lowerAfter ? "Kh" : "KH")
            case "Ц": put(lowerAfter ? "Ts" : "TS")
            case "Ч": put(lowerAfter ? "Ch" : "CH")
            case "Ш" where after == "Ч":
                put("SH·CH")
                index += 1
            case "Ш" where after == "ч":
                put("Sh·ch")
                index += 1
            case "ш" where after == "ч":
                put("sh·ch")
                index += 1
            case "Ш": put(lowerAfter ? "Sh" : "SH")
            case "Щ": put(lowerAfter ? "Shch" : "SHCH")
            case "Ы": put(vowelAfter ? "Y·" : "Y")
            case "ы": put(after.map { "ауыэ".unicodeScalars.contains($0) } ?? false ? "y·" : "y")
            case "Ю": put(lowerAfter ? "Yu" : "YU")
            case "Я": put(lowerAfter ? "Ya" : "YA")
            default: put(plain(scalar))
            }
        }
    }

    /// The letters one rule writes whatever surrounds them.
    static func plain(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "А": "A"
        case "а": "a"
        case "Б": "B"
        case "б": "b"
        case "В": "V"
        case "в": "v"
        case "Г": "G"
        case "г": "g"
        case "Д": "D"
        case "д": "d"
        case "ж": "zh"
        case "З": "Z"
        case "з": "z"
        case "И": "I"
        case "и": "i"
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
        case "Ф": "F"
        case "ф": "f"
        case "х": "kh"
        case "ц": "ts"
        case "ч": "ch"
        case "ш": "sh"
        case "щ": "shch"
        case "Ъ", "ъ": "ʺ"
        case "Ь", "ь": "ʹ"
        case "Э": "E"
        case "э": "e"
        case "ю": "yu"
        case "я": "ya"
        default: String(scalar)
        }
    }
}

extension Transliterator {
    /// `transform(text, id)` for a word of `latinWord`: by `RussianLatin` when the chain is the
    /// Russian one and the word its letters, by `BelarusianLatin` for the Belarusian chain and its
    /// letters, by `LatinASCII` for a word of Latin letters under the Latin or Russian chain, by
    /// ICU otherwise.
    static func romanised(_ text: String, _ cyrillic: CyrillicTable, id: String) -> String {
        if cyrillic == .russian, let ascii = RussianLatin.ascii(text) { return ascii }
        if cyrillic == .belarusian, let ascii = BelarusianLatin.ascii(text) { return ascii }
        if cyrillic == .none || cyrillic == .russian, let ascii = LatinASCII.ascii(text) { return ascii }
        return transform(text, id)
    }
}
