/// Korean names written in Cyrillic, and in the Armenian and Georgian spellings that follow
/// Russian ("Ким Чен Ын", "Կիմ Չեն Ըն", "კიმ ჩენ ინი"), read in the spelling the lists use
/// ("Kim Jong Un"). Russian writes Korean names by the Kontsevich system (L. R. Kontsevich,
/// "Корейско-русская практическая транскрипция", in *Восточное языкознание*, 1973; the system of
/// the Russian Academy's Institute of Oriental Studies) and, for the names of North Korea's
/// leaders, by the older Kholodovich spellings (Ким Ир Сен, Ким Чен Ир, Ким Чен Ын). BGN/PCGN
/// then gives "Kim Chen Yn", which is not a spelling of "Jong" or "Un" by any fold. The
/// correspondences of those systems, per syllable:
///
/// | Cyrillic (BGN Latin) | Hangul | lists |
/// |---|---|---|
/// | Ч (ch), Чж (chzh), initial | ㅈ | j |
/// | Чх (chkh; Armenian Չխ, chx), Тх (tkh), Пх (pkh), Кх (kkh) | ㅊ ㅌ ㅍ ㅋ | ch, th, ph, kh |
/// | -ль (l') ending a syllable | ㄹ | l |
/// | Х (kh), initial | ㅎ | h |
/// | ы (y) as a vowel | ㅡ | u (MR "ŭ") |
/// | -р (r) ending a syllable | ㄹ | l |
/// | Чен, Сен (Kholodovich ㅓ+ㅇ) | 정, 성 | jong, song |
/// | Ён/Ен, Ё (a word) | 영, 여/요 | yong, yo |
/// | -он (Kontsevich ㅓ/ㅗ+ㅇ: Чжон, Сон) | 정, 송 | jong, song |
/// | Georgian, Armenian и- before a vowel (იო) | 여/요 | yo |
///
/// Kontsevich writes a syllable's final ㅇ and ㄴ both "н"; after "о" the lists' spelling is
/// mostly "ong" (정, 성, 영, 용, 동, 송, 종, 홍 are among the commonest syllables of given names),
/// so "-он" of a given name is read "ong" ("Ким Ё Чжон", Kim Yo Jong). The surname keeps its
/// spelling (Чон is the surname 전, Jon).
///
/// Only a name that is recognisably Korean is read so: its first word is a Korean surname as
/// Russian writes it (`surnames`), it has two to four words, and every other word is then one
/// syllable of a romanisation (`RomanisedSyllable`). "Ким Филби" and "Ли Александр" stay as
/// they are.
enum KoreanCyrillic {
    /// Korean surnames in Russian (BGN/PCGN Latin, lower case): Kontsevich and the usual Soviet
    /// and Koryo-saram spellings (Цой for Choe, Тхэ for Thae).
    static let surnames: Set<String> = [
        "kim", "pak", "li", "ri", "chkhve", "chxve", "tsoy", "choy", "chon", "chkhon", "kan", "khan", "yun", "yu", "nam", "khon", "kvon",
        "so", "an", "mun", "sin", "khvan", "im", "rim", "lim", "pek", "chan", "son", "tkhe", "kho", "ro", "no", "kon", "chu",
        "pan", "sok", "khvon", "khen", "khyon", "chkha", "ten", "tyan", "ogay", "tskhay",
    ]

    /// Whether the source holds letters of the scripts that write Korean names the Russian way.
    /// Lithuanian and Latvian write them after Russian too, with háčeks ("Kim Čen Ynas").
    static func applies(to source: String) -> Bool {
        source.unicodeScalars.contains {
            (0x0400...0x04FF).contains($0.value) || (0x0530...0x058F).contains($0.value) || (0x10A0...0x10FF).contains($0.value) || $0 == "č" || $0 == "Č"
        }
    }

    /// The romanised name in the lists' spelling when it is a Korean name written the Russian
    /// way; the name unchanged otherwise. `source` is the name as written (its script decides
    /// the Georgian ending).
    static func listSpelling(_ latin: String, source: String) -> String {
        guard applies(to: source) else { return latin }
        let georgian = source.unicodeScalars.contains { (0x10A0...0x10FF).contains($0.value) }
        let words = latin.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count), surnames.contains(words[0].lowercased()) else { return latin }
        // BGN/PCGN (and Latin-ASCII) write a lone "Ё" as "E"; as a syllable of a Korean name it is 여/요, "yo".
        let sourceWords = source.split(separator: " ")
        let belarusian = source.unicodeScalars.contains { $0 == "і" || $0 == "І" || $0 == "ў" || $0 == "Ў" }
        // Чхве (Armenian Չխվե) is Kontsevich's 최, which the lists write "Choe".
        var result = [["chkhve", "chxve"].contains(words[0].lowercased()) ? "Choe" : words[0]]
        for (position, word) in words.enumerated().dropFirst() {
            if sourceWords.count == words.count, sourceWords[position] == "Ё" || sourceWords[position] == "ё" {
                result.append(word.first?.isUppercase == true ? "Yo" : "yo")
                continue
            }
            var syllables: [String] = []
            for part in word.split(separator: "-", omittingEmptySubsequences: true) {
                // Kontsevich writes a final ㄹ "ль" ("Чхоль", 철): the soft sign is no letter of the syllable.
                var syllable = part.lowercased().filter { $0 != "'" && $0 != "\u{02B9}" && $0 != "\u{2019}" }
                // Georgian adds the nominative "-i" to a name ending in a consonant ("ინი" for Ын).
                if georgian, syllable.count >= 3, syllable.hasSuffix("i"), let before = syllable.dropLast().last, !"aeiouy".contains(before) {
                    syllable = String(syllable.dropLast())
                }
                guard syllable.count <= 6, syllable.allSatisfy({ $0.isASCII && $0.isLetter }) else { return latin }
                // Kontsevich's "ё" after a consonant (Ukrainian "ьо") is ㅕ or ㅛ, "yo" ("Рён", 룡):
                // BGN/PCGN and Latin-ASCII leave an "e" or an "o".
                // A word opening with "Ё" ("Ён", BGN "Yen") is read whole below ("yong").
                if sourceWords.count == words.count, words.count > 1, syllable.count >= 2, let vowel = syllable.firstIndex(where: { "eo".contains($0) }),
                    vowel != syllable.startIndex, syllable[syllable.index(before: vowel)] != "y",
                    sourceWords[position].lowercased().contains(where: { $0 == "ё" }) || sourceWords[position].lowercased().contains("ьо")
                {
                    syllable.replaceSubrange(vowel...vowel, with: "yo")
                }
                // Kontsevich's "э" after a consonant is ㅐ, which the lists write "ae" ("Хэ", 해, Hae);
                // Belarusian (і, ў) writes every hard "e" so ("Кім Чэн Ын"): not there.
                if !belarusian, sourceWords.count == words.count, words.count > 1, syllable.count >= 2,
                    let vowel = syllable.firstIndex(of: "e"), vowel != syllable.startIndex, sourceWords[position].lowercased().contains("э")
                {
                    syllable.replaceSubrange(vowel...vowel, with: "ae")
                }
                var read = self.syllable(syllable)
                // Lithuanian and Latvian add a nominative ending ("Ynas").
                if RomanisedSyllable.key(Array(read.utf8)[...]) == nil,
                    let ending = ["as", "is", "us", "ys"].first(where: { syllable.count >= 4 && syllable.hasSuffix($0) })
                {
                    read = self.syllable(String(syllable.dropLast(ending.count)))
                }
                guard RomanisedSyllable.key(Array(read.utf8)[...]) != nil else { return latin }
                syllables.append(part.first?.isUppercase == true ? read.prefix(1).uppercased() + read.dropFirst() : read)
            }
            guard !syllables.isEmpty else { return latin }
            result.append(syllables.joined(separator: "-"))
        }
        return result.joined(separator: " ")
    }

    /// One syllable of the Russian spelling (BGN Latin, lower case) in the lists' spelling.
    static func syllable(_ text: String) -> String {
        switch text {
        case "chen": return "jong"
        case "sen": return "song"
        case "yen", "en": return "yong"
        case "ye": return "yo"
        default: break
        }
        var rest = Substring(text)
        var initial = ""
        for (russian, list) in [("chkh", "ch"), ("chx", "ch"), ("chzh", "j"), ("tkh", "th"), ("pkh", "ph"), ("kkh", "kh"), ("ch", "j"), ("kh", "h")]
        where rest.hasPrefix(russian) {
            initial = list
            rest = rest.dropFirst(russian.count)
            break
        }
        var body = String(rest)
        // Georgian and Armenian write the glide of 여, 요, 야, 유 with "i" ("იო" for Ё): "y".
        if initial.isEmpty, body.count >= 2, body.hasPrefix("i"), let next = body.dropFirst().first, "aou".contains(next) {
            body = "y" + body.dropFirst()
        }
        // Kontsevich's "-он" is mostly "-ong" in the lists' spelling (ㅇ and ㄴ are both "н").
        if body.hasSuffix("on") { body += "g" }
        // Ы, the vowel ㅡ, is "u" in the lists' spelling ("Ын" → "un"); a "y" after a vowel is й.
        if body.hasPrefix("y"), body.count >= 2, let next = body.dropFirst().first, !"aeiou".contains(next) {
            body = "u" + body.dropFirst()
        } else if body == "y" {
            body = "u"
        }
        // A syllable ending in р ends in ㄹ, written l ("Ир" → "il").
        if body.count >= 2, body.hasSuffix("r") { body = String(body.dropLast()) + "l" }
        return initial + body
    }
}
