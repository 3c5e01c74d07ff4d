/// A token's forms as comparisons need them: the folded key, the lower-case Latin text as
/// written, and the sound key. All ASCII bytes.
struct TokenForms {
    var key: ArraySlice<UInt8>
    var text: ArraySlice<UInt8>
    var phonetic: ArraySlice<UInt8>
    /// A query word read as a transcription: its skeleton (`Transcription`); nil otherwise.
    var transcription: Transcription.Skeleton? = nil
    /// The word came from an abjad, Arabic script or Hebrew (`AbjadComparison`).
    var abjad = false
    /// What the abjad word's letters were (`AbjadLetters`), when `abjad`.
    var abjadLetters = AbjadLetters()
    /// The query was written in Cyrillic, where Belarusian writes an unstressed final "o" as
    /// "a" ("Мадура" / "MADURO"): endings are not compared (`isOtherGenderEnding`).
    var cyrillic = false
    /// The query was written in a script other than Latin: only there can a "kh" or "x" be
    /// another script's reading of a Spanish "j" (`SpanishJota`); Latin "Khair" is no "Jaber".
    var nonLatin = false
    /// The query was written in Greek, which writes a foreign b, d and g as it writes mb, nd
    /// and ng (`GreekNasalStop`).
    var greek = false
}

/// How two tokens match, and how closely.
public struct TokenComparison: Sendable, Hashable {
    /// The kind of agreement, from strongest to weakest.
    public enum How: String, Sendable, Hashable, Codable {
        /// The same letters.
        case exact
        /// The same after folding transliteration variants ("Lukashenko"/"Lukašenko",
        /// "Grigoryevich"/"Grigorievich").
        case spelling
        /// Within the edit budget for the length ("Lukashenkа"/"Lukashenko").
        case typo
        /// The same sound key beyond the edit budget ("Mohamed"/"Muhammad", "mhmd").
        case phonetic
        /// The same stem in an organisation's name ("Industries"/"Industrial").
        case stem
        /// One word of a name written as two ("Abdulrahman"/"Abdul Rahman").
        case joined
        /// A single letter standing for the name ("G."/"Grigoryevich").
        case initial
        /// A given name and its nickname ("Bill"/"William", `nicknames.tsv`).
        case nickname
        /// A common word of organisation names and its translation ("kompaniya"/"company",
        /// `organisation-words.tsv`), counted only when both names are organisations.
        case translation
        /// An organisation's acronym and the words it stands for ("IRGC"/"Islamic Revolutionary
        /// Guard Corps"): a weaker match (`Acronyms`).
        case acronym
        /// An abbreviation of organisation-name words and the words it stands for ("NII" /
        /// "research institute", `organisation-abbreviations.tsv`): a weaker match
        /// (`OrganisationAbbreviations`).
        case abbreviation
        /// A word transcribed into another script whose consonant skeleton is the listed
        /// word's ("fulajimier" from "弗拉基米尔"/"Vladimir"): a weaker match (`Transcription`).
        case transcription
        /// A name with the Arabic article written on against the name without it
        /// ("Alhoussein"/"Hussein", "Elhadji"/"Hadji"): as close as the names.
        case article
    }

    public var how: How
    /// 1 for exact and spelling matches, less for the others.
    public var similarity: Double
    /// Edits between the tokens, for typos.
    public var edits: Int

    /// Compares two tokens. Numbers must be equal. Typos are counted on the folded keys and on
    /// the texts as written, whichever is closer (a fold can turn one typo into two). Nil when
    /// the tokens do not match.
    static func compare(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters, allowStem: Bool = false) -> TokenComparison? {
        // A word that opened with ain is no Latin word opening with a consonant: Latin writes the
        // ain's vowel ("علی" is Ali, not Li; "عكاوي" is Akkawi, not Qari).
        if a.abjad != b.abjad, AbjadComparison.lacksAinVowel(a.abjad ? a : b, latin: a.abjad ? b : a) { return nil }
        if a.key.elementsEqual(b.key) { return TokenComparison(how: .spelling, similarity: 1, edits: 0) }
        if a.key.contains(where: ASCII.isDigit) || b.key.contains(where: ASCII.isDigit) { return nil }
        // One syllable of a Chinese or Korean name in two romanisations: Wade-Giles and pinyin
        // ("Chiang"/"Jiang", "Kuo"/"Guo", "Chao"/"Zhao"), McCune-Reischauer and the lists'
        // or Revised spellings ("Cho'ng"/"Jong", "P'yo'ng"/"Phyong", "Kuk"/"Guk", "Gen"/"Ken").
        // Two different syllables are two names, however alike ("Yan"/"Jian", "Wang"/"Fang",
        // "Huan"/"Hua"): no typo or sound-alike between them.
        // A word read from an abjad (Arabic script, Hebrew: short vowels unwritten) against a
        // Latin one (`AbjadComparison`: "sin" / "Sen", "rjb" / "Recep"); a Latin word without
        // vowel letters ("Lynn") is not read so.
        if a.abjad != b.abjad,
            AbjadComparison.matches(
                abjad: a.abjad ? (a.text.isEmpty ? a.key : a.text) : (b.text.isEmpty ? b.key : b.text),
                latin: a.abjad ? (b.text.isEmpty ? b.key : b.text) : (a.text.isEmpty ? a.key : a.text),
                letters: a.abjad ? a.abjadLetters : b.abjadLetters)
        {
            return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0)
        }
        // (A word read as a transcription is compared as one below: Japanese "fun" writes "Hun".)
        // One syllable against a word of more syllables: no sound-alike (below).
        var oneSyllable = false
        if a.transcription == nil, b.transcription == nil {
            let x = RomanisedSyllable.key(a.text.isEmpty ? a.key : a.text), y = RomanisedSyllable.key(b.text.isEmpty ? b.key : b.text)
            if let x, let y { return x == y ? TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0) : nil }
            oneSyllable = x != nil || y != nil
        }
        // A Slavic surname in its feminine form against the masculine ("Ivanova"/"Ivanov",
        // "Zaytseva"/"Zaytsev", "Kalinina"/"Kalinin", "Dubrovskaya"/"Dubrovskiy"): another person.
        if parameters.genderFormsDiffer > 0, isGenderPair(a.key, b.key) { return nil }
        // A man's given name and a woman's ("Mario"/"Marie", "Alejandro"/"Alexandra"), a
        // patronymic and another word ("Nikolaevich"/"Nikolayeva"): other endings, another name.
        if parameters.otherEndingsDiffer > 0,
            (!a.cyrillic && !b.cyrillic && isOtherGenderEnding(a.key, b.key)) || isPatronymicAgainstOther(a.key, b.key)
        {
            return nil
        }
        var best: TokenComparison?
        // A letter added before a short name makes another name ("Erkan"/"Serkan", "Amin"/"Yamin").
        let addedFirstLetter = isFirstLetterAdded(a.key, b.key) && (a.text.isEmpty || b.text.isEmpty || isFirstLetterAdded(a.text, b.text))
        for (x, y) in [(a.key, b.key), (a.text, b.text)] where !x.isEmpty && !y.isEmpty && !addedFirstLetter {
            let budget = parameters.editBudget(length: max(x.count, y.count))
            guard budget > 0 else { continue }
            let edits = StringDistance.editDistance(x, y, limit: budget)
            guard edits <= budget else { continue }
            let similarity = StringDistance.jaroWinkler(x, y)
            // A short word one letter away is often another name ("long"/"song", "wang"/"zhang"):
            // it must keep its first letters (a higher Jaro-Winkler) to count as a typo.
            let isShort = max(x.count, y.count) <= parameters.shortWordLength
            let minimum = isShort ? parameters.shortTypoSimilarity : parameters.minimumTypoSimilarity
            // A consonant changed, added or dropped in a short word makes another name ("Mary"/
            // "Mark", "Ruba"/"Ruban"): a short typo keeps the sound key.
            if isShort, parameters.shortTypoKeepsSound > 0, !a.phonetic.isEmpty, !b.phonetic.isEmpty, !a.phonetic.elementsEqual(b.phonetic) { continue }
            if similarity >= minimum, similarity > best?.similarity ?? 0 {
                best = TokenComparison(how: .typo, similarity: similarity, edits: edits)
            }
        }
        if let best { return best }
        // A Baltic nominative ending on a name of four letters or more: Lithuanian "Putinas",
        // "Aliaksandras", Latvian and Lithuanian "-is", "-ys", "-us" ("Putin" + "as").
        if let ending = inflectedEnding(a.key, b.key) {
            return TokenComparison(how: .typo, similarity: StringDistance.jaroWinkler(a.key, b.key), edits: ending)
        }
        // The same with the stem spelt otherwise too ("Jevgenijus"/"Yevgeniy", `BalticEndings`).
        if let comparison = BalticEndings.comparison(a, b, folds: NameNormalizer.standard.folds, parameters: parameters) { return comparison }
        // A Russian adjective made from a place, in an organisation's name ("Novosibirskii"/
        // "Novosibirsk", "Kazanskii"/"Kazan", "Balashikhinskiy"/"Balashikha").
        if allowStem, let ending = adjectiveEnding(a.key, b.key) {
            return TokenComparison(how: .typo, similarity: max(StringDistance.jaroWinkler(a.key, b.key), parameters.minimumTypoSimilarity), edits: ending)
        }
        // One syllable of a Chinese or Korean name in two romanisations: Wade-Giles and pinyin
        // ("Chiang"/"Jiang", "Kuo"/"Guo", "Chao"/"Zhao"), McCune-Reischauer and the lists'
        // or Revised spellings ("Cho'ng"/"Jong", "P'yo'ng"/"Phyong", "Kuk"/"Guk", "Gen"/"Ken").
        // Sound-alike. A consonant skeleton (no written vowel, as Arabic and Hebrew script give)
        // is compared by the sound keys of the texts as written, which spelling folds cannot
        // disturb ("wrdh" and "Wardah"); other tokens need the same sound key of three classes
        // or more and a fair Jaro-Winkler similarity ("Mohamed"/"Muhammad").
        let aText = a.text.isEmpty ? a.key : a.text, bText = b.text.isEmpty ? b.key : b.text
        // Only the abjad's word is read as a skeleton: a Latin word without vowels ("HD", "NG",
        // "H.M.") is an acronym or initials, not a name written without its short vowels.
        // An abjad's word and a Latin one must end alike, as `AbjadComparison` reads them: the
        // sound keys drop the final vowel the abjad writes (`AbjadComparison.endsAlike`).
        let endsAlike = a.abjad == b.abjad || AbjadComparison.endsAlike(abjad: a.abjad ? aText : bText, latin: a.abjad ? bText : aText)
        if !endsAlike {
            // No sound-alike.
        } else if (a.abjad && isSkeleton(aText)) || (b.abjad && isSkeleton(bText)) {
            let aSound = PhoneticKey.key(aText), bSound = PhoneticKey.key(bText)
            if aSound.count >= 2, aSound == bSound || (a.phonetic.count >= 2 && a.phonetic.elementsEqual(b.phonetic)) {
                return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0)
            }
        } else if !isSkeleton(aText), !isSkeleton(bText), a.phonetic.count >= 3, a.phonetic.elementsEqual(b.phonetic), max(a.key.count, b.key.count) >= 4,
            min(a.key.count, b.key.count) >= 3, Self.keysSoundAlike(a.key, b.key),
            parameters.soundAlikeKeepsSyllables == 0 || syllables(a.key) == syllables(b.key),
            // A Chinese or Korean syllable is not a word of more syllables ("Zhang"/"Zhiyong").
            parameters.otherEndingsDiffer == 0 || !oneSyllable || syllables(aText) == syllables(bText)
        {
            return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 0)
        }
        // A word transcribed into Chinese, Korean, Japanese, Thai, Tamil, Arabic or Hebrew script:
        // the consonant skeletons as that script writes sounds (`Transcription`).
        if let match = Transcription.compare(a, b) {
            return TokenComparison(how: .transcription, similarity: parameters.transcriptionSimilarity, edits: match)
        }
        // The Arabic article written on one name and not the other ("Alhoussein"/"Hussein").
        // (An abjad's word is read without its article as an abjad's: `AbjadComparison.matches`.)
        if parameters.articleWrittenOn > 0, !a.abjad, !b.abjad, let rest = articleRest(a.key, b.key) {
            let other = rest.first ? b : a
            let bare = TokenForms(key: rest.name, text: [], phonetic: PhoneticKey.key(rest.name)[...])
            if let match = compare(bare, TokenForms(key: other.key, text: [], phonetic: other.phonetic), parameters: parameters),
                match.similarity > 0, match.how != .article
            {
                return TokenComparison(how: .article, similarity: match.similarity, edits: match.edits)
            }
        }
        // Stem: organisation words that share a long beginning ("manufactur-ing/-er").
        if allowStem, min(a.key.count, b.key.count) >= 6 {
            let common = zip(a.key, b.key).prefix { $0 == $1 }.count
            if common >= 6, Double(common) >= 0.75 * Double(min(a.key.count, b.key.count)) {
                return TokenComparison(how: .stem, similarity: parameters.stemSimilarity, edits: 0)
            }
        }
        // An English inflection on a shorter word ("wheeled" / "wheel", "boxes" / "box" not:
        // four letters or more before the ending).
        if allowStem, parameters.inflectedStem > 0, inflected(a.key, b.key) {
            return TokenComparison(how: .stem, similarity: parameters.stemSimilarity, edits: 0)
        }
        // Spanish "ll" said "y" ("Cabello" / "Kabeyo", "كابيو": `SpanishPalatal`).
        // The diphthong "ay" written "ei", "aj", "ej" ("Deif" / "Dajf": `Diphthong`).
        // Spanish "j" read "kh" ("Joaquín" / "Хоакин": `SpanishJota`); a foreign "g" written with
        // the Ukrainian and Belarusian "г", read "h" ("Guzmán" / "Гусман": `SlavicH`). A
        // Belarusian word against the Russian form of the name ("Валодзін" / "Volodin",
        // "Яўген" / "Yevgeniy": `BelarusianSpelling`). A listed Latin word as another script
        // hears it ("Carrie" / "Кэрри", "Gibran" / "Джебран": `HeardLatin`). A Latin "c" read
        // "j" (`TurkicC`); a listed "nt" or "mb" as Greek writes it ("Κιντέρο" / "Quintero":
        // `GreekNasalStop`); a Bengali "j" for a listed "z" ("বোজিজে" / "Bozize": `JForZ`).
        return SpanishPalatal.comparison(a, b, parameters: parameters) ?? Diphthong.comparison(a, b, parameters: parameters)
            ?? (a.nonLatin || b.nonLatin ? SpanishJota.comparison(a, b, parameters: parameters) : nil)
            ?? (a.cyrillic != b.cyrillic ? SlavicH.comparison(a, b, parameters: parameters) : nil)
            ?? (a.cyrillic != b.cyrillic ? BelarusianSpelling.comparison(a, b, parameters: parameters) : nil)
            ?? (a.nonLatin != b.nonLatin ? HeardLatin.comparison(a, b, parameters: parameters) : nil)
            ?? (!a.nonLatin && !b.nonLatin ? TurkicC.comparison(a, b, parameters: parameters) : nil)
            ?? (a.greek != b.greek ? GreekNasalStop.comparison(a, b, parameters: parameters) : nil)
            ?? (a.nonLatin != b.nonLatin ? JForZ.comparison(a, b, parameters: parameters) : nil)
    }

    /// Whether one key is the other, four letters or more, with "ed", "es" or "ing" added, or
    /// the English plural of a word in "y" ("lotteries" / "lottery": `isPluralOfY`).
    static func inflected(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if long.count == short.count + 1 { return isPluralOfY(short: short, long: long) }
        // An ending is two or three letters: no other difference of lengths can be one.
        guard long.count - short.count == 2 || long.count - short.count == 3, let stem = uninflected(long) else { return false }
        return stem.elementsEqual(short)
    }

    /// The key without its "ed", "es" or "ing", when four letters or more are left; nil otherwise.
    static func uninflected(_ key: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        // Every ending ends in "d", "s" or "g" (most keys end otherwise: nothing else is read).
        guard let last = key.last, last == UInt8(ascii: "d") || last == UInt8(ascii: "s") || last == UInt8(ascii: "g") else { return nil }
        for ending in inflections where key.count >= ending.count + 4 && key.reversed().starts(with: ending.reversed()) {
            return key.dropLast(ending.count)
        }
        return nil
    }

    static let inflections: [[UInt8]] = [Array("ed".utf8), Array("es".utf8), Array("ing".utf8)]

    /// Whether `long` is the English plural of `short`, a word in "y" with four letters or more
    /// before it: "-ies" for "-y" ("lotteries" / "lottery", "agencies" / "agency"). Keys fold
    /// "y" to "i" and "ie" to "e", so the keys differ as "loteres" and "loteri"; a stem of six
    /// letters in common already matches the longer words ("technologies" / "technology").
    static func isPluralOfY(short: ArraySlice<UInt8>, long: ArraySlice<UInt8>) -> Bool {
        guard short.count >= 5, long.count == short.count + 1, short.last == UInt8(ascii: "i"), long.last == UInt8(ascii: "s"),
            long[long.index(long.endIndex, offsetBy: -2)] == UInt8(ascii: "e")
        else { return false }
        return long.dropLast(2).elementsEqual(short.dropLast())
    }

    /// The key of a word's English plural or singular as `isPluralOfY` reads it ("loteres" for
    /// "loteri" and back), for looking the other form up; nil for a key that is neither.
    static func pluralOfYPartner(_ key: ArraySlice<UInt8>) -> [UInt8]? {
        guard let last = key.last else { return nil }
        if last == UInt8(ascii: "i"), key.count >= 5 { return Array(key.dropLast()) + Array("es".utf8) }
        if last == UInt8(ascii: "s"), key.count >= 6, key[key.index(key.endIndex, offsetBy: -2)] == UInt8(ascii: "e") {
            return Array(key.dropLast(2)) + [UInt8(ascii: "i")]
        }
        return nil
    }

    /// The length of the ending when one key is the other with a Baltic nominative ending
    /// ("as", "is", "ys", "us", "es") and the other has four letters or more; nil otherwise.
    static func inflectedEnding(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int? {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 4, long.count == short.count + 2, let last = long.last, last == UInt8(ascii: "s") else { return nil }
        // Lithuanian writes a final "i" of the stem "j" before the ending ("Sergejus"/"Sergei").
        guard
            long.starts(with: short)
                || (short.last == UInt8(ascii: "i") && long.starts(with: short.dropLast())
                    && long[long.index(long.startIndex, offsetBy: short.count - 1)] == UInt8(ascii: "j"))
        else { return nil }
        let vowel = long[long.index(long.endIndex, offsetBy: -2)]
        // Keys fold "y" to "i".
        guard vowel == UInt8(ascii: "a") || vowel == UInt8(ascii: "i") || vowel == UInt8(ascii: "u") || vowel == UInt8(ascii: "e") else { return nil }
        return 2
    }

    /// When exactly one key opens with the Arabic article written on (`withoutArticle`) and the
    /// other is about as long as the rest: the rest, and whether it is `a`'s.
    static func articleRest(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> (name: ArraySlice<UInt8>, first: Bool)? {
        switch (withoutArticle(a), withoutArticle(b)) {
        case (let name?, nil) where abs(name.count - b.count) <= 2: (name, true)
        case (nil, let name?) where abs(name.count - a.count) <= 2: (name, false)
        default: nil
        }
    }

    /// The key without the article "al" or "el" written on, when five letters or more follow
    /// ("alhoussein" → "houssein"); nil otherwise. A name of six letters or fewer ("Alina",
    /// "Elmira") is never cut.
    static func withoutArticle(_ key: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard key.count >= 7, let first = key.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "e"),
            key[key.index(after: key.startIndex)] == UInt8(ascii: "l")
        else { return nil }
        return key.dropFirst(2)
    }

    /// Whether one word is the other, of three to five letters, with a letter added before it.
    /// The letter is a consonant a transliteration does not drop or add (not a vowel, not "h",
    /// "w", "y", nor "c" and "q", which write the Arabic ayn: "Hamada"/"Amada", "Cali"/"Ali").
    static func isFirstLetterAdded(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 4, short.count <= 5, long.count == short.count + 1, let first = long.first, long.dropFirst().elementsEqual(short) else {
            return false
        }
        return !isVowel(first) && !"hwycq".utf8.contains(first)
    }

    /// Russian adjective endings after a place's name, as keys fold them ("y" is "i").
    static let adjectiveEndings: [[UInt8]] = ["inskii", "inski", "skii", "ski", "skaia", "skoe", "skogo", "skoi", "skie", "ii", "aia", "oe", "ogo", "oi"]
        .map { Array($0.utf8) }

    /// The length of the ending when one key is the other (five letters or more, or the other
    /// without its last vowel) with a Russian adjective ending; nil otherwise.
    static func adjectiveEnding(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int? {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 5, long.count > short.count else { return nil }
        for ending in adjectiveEndings where long.count > ending.count && long.reversed().starts(with: ending.reversed()) {
            let stem = long.dropLast(ending.count)
            if stem.elementsEqual(short) { return ending.count }
            if let last = short.last, isVowel(last), stem.elementsEqual(short.dropLast()) { return ending.count + 1 }
        }
        return nil
    }

    /// Masculine and feminine endings of Slavic surnames, as keys fold them ("y" is "i").
    static let genderEndings: [(masculine: [UInt8], feminine: [UInt8])] = [
        ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("skii", "skaia"), ("ski", "skaia"), ("ski", "ska"), ("tskii", "tskaia"), ("ii", "aia"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Whether one key is a Slavic surname's masculine form and the other its feminine form
    /// (the same stem of three letters or more).
    static func isGenderPair(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        // Most pairs leave here: the feminine form is one or two letters longer and ends in "a".
        let difference = a.count - b.count
        guard difference != 0, abs(difference) <= 2, a.count >= 5, b.count >= 5, (difference > 0 ? a.last : b.last) == UInt8(ascii: "a") else {
            return false
        }
        for (masculine, feminine) in genderEndings {
            for (x, y) in [(a, b), (b, a)] where x.count > masculine.count + 2 && x.reversed().starts(with: masculine.reversed()) {
                let stem = x.dropLast(masculine.count)
                if y.count == stem.count + feminine.count, y.starts(with: stem), y.reversed().starts(with: feminine.reversed()) { return true }
            }
        }
        return false
    }

    /// Whether two keys of four letters or more end as a man's and a woman's given name do in
    /// the Romance and Slavic languages: one in "o", the other in "a" or "e" ("mario"/"marie",
    /// "alejandro"/"aleksandra"). Not "-ko" against "-ka", the Belarusian form of a Ukrainian
    /// or Russian surname ("Lukashenka"/"Lukashenko").
    static func isOtherGenderEnding(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count >= 4, b.count >= 4, let x = a.last, let y = b.last, x != y else { return false }
        let o = UInt8(ascii: "o")
        func feminine(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") }
        guard (x == o && feminine(y)) || (y == o && feminine(x)) else { return false }
        let k = UInt8(ascii: "k")
        return !(a[a.index(a.endIndex, offsetBy: -2)] == k && b[b.index(b.endIndex, offsetBy: -2)] == k)
    }

    /// Whether one key is a Slavic patronymic ("-vich", "-vic", "-vitch"; "-vych" folds to
    /// "-vich") and the other
    /// does not end as one ("nikolaevich"/"nikolaieva"): a father's name against a surname.
    static func isPatronymicAgainstOther(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        func patronymic(_ key: ArraySlice<UInt8>) -> Bool {
            key.count >= 6 && ["hciv", "civ", "hctiv"].contains { key.reversed().starts(with: $0.utf8) }
        }
        let feminine = UInt8(ascii: "a")
        return (patronymic(a) && b.last == feminine) || (patronymic(b) && a.last == feminine)
    }

    /// The groups of vowels of a folded key ("leone" 2, "lin" 1, "muhammad" 3): its syllables.
    static func syllables(_ key: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inVowel = false
        for byte in key {
            let vowel = isVowel(byte)
            if vowel, !inVowel { count += 1 }
            inVowel = vowel
        }
        return count
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }

    /// Letters without a written vowel (a, e, i, o, u), two or more.
    static func isSkeleton(_ text: ArraySlice<UInt8>) -> Bool {
        text.count >= 2
            && !text.contains { byte in
                byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
            }
    }
}

extension TokenComparison {
    /// Whether two keys with one sound key are close enough to sound alike: a Jaro-Winkler
    /// similarity of 0.75 or more, or the same letters but for "o" against "u" or "e" against
    /// "a" and at most one consonant against another of its sound class, letter by letter
    /// (thirty-second round: "e" and "a", "ekber"/"akbar"). Transliterations of
    /// Persian, Arabic, Turkic and Slavic names write that vowel either way ("Qolam"/"Gulam",
    /// "Osama"/"Usama"), so "gulam" and "kolam" (the folded "qolam", 0.73) sound alike; "kalam"
    /// and "galim" (0.73, another vowel), "sobolev" and "shuvalov" (more letters), "sukup" and
    /// "zukov" (Soukup/Zhukov: two consonants apart) do not.
    static func keysSoundAlike(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        if StringDistance.jaroWinkler(a, b) >= 0.75 { return true }
        guard a.count == b.count else { return false }
        let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), e = UInt8(ascii: "e"), aa = UInt8(ascii: "a")
        var rounded = false, consonants = 0
        // "e" for "a" is no sound-alike of two syllables of a Chinese or Korean name ("Zheng"/
        // "Zhang", "Peng"/"Wang"): asked once, at the first such pair.
        var syllable: Bool?
        for (x, y) in zip(a, b) where x != y {
            // "o" for "u", and "e" for "a" (the fatha of an Arabic or Persian name, which Turkish
            // and Persian spellings write "e": "Ekber"/"Akbar", "Enver"/"Anvar").
            if (x == o && y == u) || (x == u && y == o) {
                rounded = true
                continue
            }
            if (x == e && y == aa) || (x == aa && y == e) {
                if syllable == nil { syllable = RomanisedSyllable.key(a) != nil || RomanisedSyllable.key(b) != nil }
                guard syllable == false else { return false }
                rounded = true
                continue
            }
            consonants += 1
            guard consonants <= 1, let xClass = PhoneticKey.consonantClass(x), xClass == PhoneticKey.consonantClass(y) else { return false }
        }
        return rounded
    }
}
