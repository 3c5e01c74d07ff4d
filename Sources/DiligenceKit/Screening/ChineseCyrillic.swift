/// Chinese names written in Cyrillic by the Palladius system ("Си Цзиньпин", "Мао Цзэдун",
/// "Ли Кэцян"), read in pinyin ("Xi Jinping"), as lists write Chinese names. BGN/PCGN gives
/// "Si Tszinpin", which no fold turns into "Jinping": Palladius writes pinyin j and z both
/// "цз", x and s both "с", and "-in"/"-ing" as "инь"/"ин" (the soft sign, which BGN drops).
///
/// The Palladius system (Archimandrite Palladius Kafarov and P. S. Popov, *Китайско-русский
/// словарь*, Beijing 1888; the standard Russian transcription of Chinese, as tabulated in the
/// Russian Wikipedia's "Система Палладия" against pinyin) is one spelling per pinyin syllable,
/// so it is read back per syllable: an initial (`initials`), then a final (`finals`), the
/// longest that fits; j, q, x are told from z, c, s by the final (i and ü finals follow j, q, x).
///
/// Only a name that is recognisably Chinese is read so: two or three words, one of them (first
/// or last) a common Chinese surname in Palladius spelling (`surnames`), and every word made of
/// one to three syllables of the system. "Иван Ли" and "Ли Александр" stay as they are.
enum ChineseCyrillic {
    /// Palladius initials (lower case), longest first, with pinyin: the pair is (before a
    /// non-i final, before an i or ü final).
    static let initials: [(String, String, String)] = [
        ("цз", "z", "j"), ("чж", "zh", "zh"), ("ц", "c", "q"), ("с", "s", "x"), ("ч", "ch", "ch"), ("ш", "sh", "sh"), ("ж", "r", "r"),
        ("б", "b", "b"), ("п", "p", "p"), ("м", "m", "m"), ("ф", "f", "f"), ("д", "d", "d"), ("т", "t", "t"), ("н", "n", "n"),
        ("л", "l", "l"), ("г", "g", "g"), ("к", "k", "k"), ("х", "h", "h"),
    ]

    /// Palladius finals after an initial (lower case), longest first, with pinyin, and whether
    /// the final is an i or ü one (j, q, x before it). Ukrainian, which has no "э", writes
    /// "-ень" and "-ен" for Russian "-энь" and "-эн" ("Ван Цзюньчжен", Wang Junzheng).
    static let finals: [(String, String, Bool)] = [
        ("юань", "uan", true), ("уань", "uan", false), ("уай", "uai", false), ("уан", "uang", false), ("уэй", "ui", false),
        ("янь", "ian", true), ("инь", "in", true), ("энь", "en", false), ("ень", "en", false), ("ань", "an", false), ("унь", "un", false),
        ("юнь", "un", true), ("юэ", "ue", true), ("юй", "u", true), ("юн", "iong", true), ("яо", "iao", true), ("ян", "iang", true),
        ("ин", "ing", true), ("ай", "ai", false), ("эй", "ei", false), ("ао", "ao", false), ("оу", "ou", false), ("ан", "ang", false),
        ("эн", "eng", false), ("ен", "eng", false), ("ун", "ong", false), ("уа", "ua", false), ("уй", "ui", false), ("уо", "uo", false), ("эр", "er", false),
        ("я", "ia", true), ("е", "ie", true), ("ю", "iu", true), ("и", "i", true), ("ы", "i", false), ("а", "a", false),
        ("о", "o", false), ("э", "e", false), ("у", "u", false),
    ]

    /// Syllables without an initial (lower case), longest first, with pinyin.
    static let bare: [(String, String)] = [
        ("юань", "yuan"), ("вэнь", "wen"), ("вань", "wan"), ("янь", "yan"), ("инь", "yin"), ("юнь", "yun"), ("вай", "wai"),
        ("вэй", "wei"), ("ван", "wang"), ("вэн", "weng"), ("юэ", "yue"), ("юй", "yu"), ("юн", "yong"), ("яо", "yao"), ("ян", "yang"),
        ("ин", "ying"), ("ва", "wa"), ("во", "wo"), ("ай", "ai"), ("ань", "an"), ("ан", "ang"), ("ао", "ao"), ("эй", "ei"),
        ("энь", "en"), ("эн", "eng"), ("эр", "er"), ("оу", "ou"), ("я", "ya"), ("е", "ye"), ("ю", "you"), ("и", "yi"), ("у", "wu"),
        ("а", "a"), ("э", "e"), ("о", "o"),
    ]

    /// Common Chinese surnames in Palladius spelling (the hundred most common of the 2020
    /// census of the Ministry of Public Security of China, as Russian writes them).
    static let surnames: Set<String> = [
        "ван", "ли", "чжан", "лю", "чэнь", "ян", "хуан", "чжао", "у", "чжоу", "сюй", "сунь", "ма", "чжу", "ху", "го", "хэ", "линь",
        "гао", "ло", "чжэн", "лян", "се", "сун", "тан", "сюй", "хань", "дэн", "фэн", "цао", "пэн", "цзэн", "сяо", "тянь", "дун",
        "пань", "юань", "цай", "цзян", "юй", "ду", "е", "чэн", "вэй", "су", "люй", "дин", "жэнь", "лу", "яо", "шэнь", "чжун",
        "цзян", "цуй", "тань", "фань", "ляо", "ши", "цзинь", "цзя", "ся", "фу", "фан", "бай", "цзоу", "мэн", "сюн", "цинь", "цю",
        "хоу", "сюэ", "янь", "дуань", "лэй", "лун", "тао", "хэ", "гу", "мао", "хао", "гун", "шао", "вань", "цянь", "инь", "ко",
        "си", "вэнь", "кун", "бо", "цзи", "чан", "кан", "лэ", "лао", "мо", "нин", "ню", "ань", "бао", "дай", "ци", "чжай",
    ]

    /// The letters of the longest surname (all are Cyrillic letters).
    static let longestSurname = surnames.map(\.unicodeScalars.count).max() ?? 0

    static let markers = ["цз", "чж", "цы", "сы", "нь", "уэй", "оу", "юй", "юэ", "ао"]

    /// The name in pinyin when it is a Chinese name in Palladius spelling; nil otherwise.
    static func pinyin(_ source: String) -> String? {
        guard source.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return nil }
        // Split on the space bytes when each space is a character of its own (the same words).
        let words =
            Transliterator.spacesStandAlone(source) ? source.utf8.split(separator: 0x20).map { Substring($0) } : source.split(separator: " ")
        guard (2...3).contains(words.count) else { return nil }
        // A surname is at most `longestSurname` Cyrillic letters, and lower-casing keeps a
        // Cyrillic letter one Cyrillic letter: a name whose first and last words are not such is
        // not read (without lower-casing and searching every word). Combining marks are not
        // counted: "й" written as "и" and a breve is still the letter of "цуй".
        func maySpellSurname(_ word: Substring) -> Bool {
            var letters = 0
            for scalar in word.unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
                letters += 1
                guard letters <= longestSurname, (0x0400...0x04FF).contains(scalar.value) else { return false }
            }
            return letters > 0
        }
        // Ukrainian and Belarusian write Palladius's и as і ("Сі Цзіньпін"). A word without an
        // "і", an "ї" (an "і" with a diaeresis) or a combining mark holds nothing to replace.
        func lowered(_ word: Substring) -> String {
            let lower = word.lowercased()
            guard lower.unicodeScalars.contains(where: { $0 == "і" || $0 == "ї" || (0x0300...0x036F).contains($0.value) }) else { return lower }
            return lower.replacingOccurrences(of: "і", with: "и")
        }
        guard let firstWord = words.first, let lastWord = words.last,
            maySpellSurname(firstWord) && surnames.contains(lowered(firstWord)) || maySpellSurname(lastWord) && surnames.contains(lowered(lastWord))
        else { return nil }
        let lower = words.map(lowered)
        // A Palladius spelling that Russian words do not have: "цз", "чж", "цы"/"сы", "э" after a
        // consonant, "нь" ending a syllable, "уэй", "оу", "юй", "юэ", "ао".
        let joined = lower.joined(separator: " ")
        guard markers.contains(where: { joined.contains($0) }) || joined.contains(where: { $0 == "э" }) && !joined.hasPrefix("э") else { return nil }
        var result: [String] = []
        for (word, written) in zip(lower, words) {
            var syllables: [String] = []
            for part in word.split(separator: "-") {
                guard let read = Self.syllables(of: String(part)), !read.isEmpty, read.count <= 3 else { return nil }
                syllables += read
            }
            let joined = syllables.joined()
            result.append(written.first?.isUppercase == true ? joined.prefix(1).uppercased() + joined.dropFirst() : joined)
        }
        return result.joined(separator: " ")
    }

    /// A word cut into Palladius syllables, in pinyin; nil when it does not cut.
    static func syllables(of word: String) -> [String]? {
        var rest = Substring(word)
        var result: [String] = []
        while !rest.isEmpty {
            guard let (pinyin, length) = syllable(at: rest) else { return nil }
            // A word opening with a bare vowel letter and going on ("Иван" as "и-ван") is Russian.
            if rest.startIndex == word.startIndex, length == 1, length < word.count, let first = rest.first, "иуаэо".contains(first) { return nil }
            // A doubled consonant across syllables ("Анна" as "ан-на") is a Russian word.
            if let end = rest.dropFirst(length - 1).first, let next = rest.dropFirst(length).first, end == next { return nil }
            result.append(pinyin)
            rest = rest.dropFirst(length)
        }
        return result
    }

    /// The longest syllable at the start of `text`: its pinyin and its length in characters.
    /// A syllable that leaves a lone "ь" or a vowel starting the rest is not taken when a
    /// shorter one fits (`syllables` backs off through the lengths).
    static func syllable(at text: Substring) -> (String, Int)? {
        var options: [(String, Int)] = []
        for (initial, plain, palatal) in initials where text.hasPrefix(initial) {
            let after = text.dropFirst(initial.count)
            for (final, pinyin, iFinal) in finals where after.hasPrefix(final) {
                var syllable = (iFinal ? palatal : plain) + pinyin
                // After j, q, x the ü of the final is written u; after n and l it stays ü, written "v" by input methods, "u" by lists.
                if iFinal, pinyin.hasPrefix("u"), !["j", "q", "x"].contains(palatal) { syllable = plain + pinyin }
                // Palladius "о" is pinyin "uo" but after b, p, m, f ("ло" luo, "го" guo; "бо" bo).
                if pinyin == "o", !["b", "p", "m", "f"].contains(plain) { syllable = plain + "uo" }
                options.append((syllable, initial.count + final.count))
            }
            break
        }
        for (written, pinyin) in bare where text.hasPrefix(written) { options.append((pinyin, written.count)) }
        // Longest first; the next syllable must not start with a soft sign or a bare vowel that
        // belongs to the final taken ("цзинь" is "jin", not "ji" and "нь").
        for option in options.sorted(by: { $0.1 > $1.1 }) {
            let rest = text.dropFirst(option.1)
            if rest.isEmpty || syllable(startsAt: rest) { return option }
        }
        return nil
    }

    /// Whether a syllable can start at the beginning of `text` (an initial or a bare syllable).
    static func syllable(startsAt text: Substring) -> Bool {
        initials.contains { text.hasPrefix($0.0) } || bare.contains { text.hasPrefix($0.0) }
    }
}
