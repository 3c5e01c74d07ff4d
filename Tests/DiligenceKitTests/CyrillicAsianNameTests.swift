import Testing

@testable import DiligenceKit

/// The sixth round's scripts: Korean names written the Russian way (`KoreanCyrillic`), Chinese
/// names in Palladius Cyrillic (`ChineseCyrillic`), the letters ICU's romanisations flatten to
/// another sound (`Transliterator.listLetters`), and the syllables and endings other scripts
/// write for the lists' spellings. Each case is a public person's name as Wikipedia's edition
/// in that language titles it, against the list's spelling.
struct CyrillicAsianNameTests {
    static func keys(_ name: String) -> [String] {
        NameNormalizer.standard.normalize(name).tokens.map(\.key)
    }

    // MARK: Korean names written the Russian way

    /// Kholodovich and Kontsevich spellings read as the lists write them: Чен is 정 "jong",
    /// Ын is 은 "un", Ир is 일 "il", Сен is 성 "song"; Armenian and Georgian and Lithuanian
    /// follow the Russian spelling.
    @Test(arguments: [
        ("Ким Чен Ын", "KIM, Jong Un", ["kim", "jong", "un"]),
        ("Кім Чэн Ын", "KIM, Jong Un", ["kim", "jong", "un"]),
        ("Ким Ир Сен", "KIM, Il Sung", ["kim", "il", "song"]),
        ("Ким Чен Ир", "KIM, Jong Il", ["kim", "jong", "il"]),
        ("Կիմ Չեն Ըն", "KIM, Jong Un", ["kim", "jong", "un"]),
        ("Kim Čen Ynas", "KIM, Jong Un", ["kim", "jong", "un"]),
        ("Kim Čong-un", "KIM, Jong Un", ["kim", "jong", "un"]),
    ])
    func koreanNamesInCyrillicAreReadAsListsWriteThem(query: String, name: String, keys: [String]) {
        #expect(Self.keys(query) == keys)
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
        #expect(why.contains("jong") || why.contains("song"), "\(why)")
    }

    /// A Russian name that opens with Ким, or a name whose other words are not Korean
    /// syllables, is left as BGN/PCGN writes it.
    @Test(arguments: [
        ("Ким Филби", ["kim", "filbi"]),
        ("Ли Александрович Ченцов", ["li", "alexandrovic", "cencov"]),
        ("Чен Ын", ["cen", "in"]),
    ])
    func otherNamesAreNotReadAsKorean(query: String, keys: [String]) {
        #expect(Self.keys(query) == keys)
    }

    // MARK: Chinese names in Palladius Cyrillic

    @Test(arguments: [
        ("Си Цзиньпин", "XI, Jinping", ["xi", "jinping"]),
        ("Сі Цзіньпін", "XI, Jinping", ["xi", "jinping"]),
        ("Мао Цзэдун", "MAO, Zedong", ["mao", "zedong"]),
        ("Ху Цзиньтао", "HU, Jintao", ["hu", "jintao"]),
        ("Ли Кэцян", "LI, Keqiang", ["li", "kekiang"]),
    ])
    func chineseNamesInPalladiusAreReadInPinyin(query: String, name: String, keys: [String]) {
        #expect(Self.keys(query) == keys)
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score == 1, "\(query): \(score) \(why)")
        #expect(why.contains("every token matches"), "\(why)")
    }

    /// Russian names, even beside a Chinese surname, are not cut into Palladius syllables: a
    /// word opening with a bare vowel ("Иван"), a doubled consonant ("Анна"), and a name with
    /// none of Palladius's own spellings ("цз", "чж", "э" after a consonant, "нь").
    @Test(arguments: [
        ("Иван Ли", ["ivan", "li"]),
        ("Анна Ма", ["ana", "ma"]),
        ("Лена Ван", ["lena", "van"]),
        ("Дина Ли", ["dina", "li"]),
    ])
    func russianNamesAreNotReadAsChinese(query: String, keys: [String]) {
        #expect(Self.keys(query) == keys)
    }

    // MARK: Letters ICU flattens

    /// The velar nasal "ṅ" is "ng" (Tamil, Malayalam), Bengali's anusvara is "ng" with the
    /// inherent vowel "o" before it, the háček letters are digraphs, Ethiopic "ጀ" is "j".
    @Test(arguments: [
        ("கிம் ஜொங்-உன்", "KIM, Jong Un", "kim jong-un"),
        ("കിം ജോങ്-ഉൻ", "KIM, Jong Un", "kim jong-un"),
        ("কিম জং উন", "KIM, Jong Un", "kim jong un"),
        ("ኪም ጆንግ ኡን", "KIM, Jong Un", "kim jong un"),
        ("Sergejus Šoigu", "SHOIGU, Sergei Kuzhugetovich", "sergejus shoigu"),
    ])
    func lettersAreWrittenAsListsWriteThem(query: String, name: String, latin: String) {
        #expect(Transliterator.latin(query).lowercased() == latin)
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }

    // MARK: Syllables and endings

    /// Burmese "Aung" as other scripts write it ("ong" in Bengali, "oong" in Thai and Lao,
    /// "ung" in Hebrew, "Аун" in Russian, "ang" in Persian) and Polish "Dzong" for "Jong" are one syllable; pinyin's "ao" and "ou"
    /// stay apart from "au".
    @Test func syllablesOfOtherScriptsKeyAsTheListsSpelling() {
        func key(_ text: String) -> UInt64? { RomanisedSyllable.key(Array(text.utf8)[...]) }
        #expect(key("aung") != nil && key("aung") == key("ong") && key("oong") == key("ong") && key("ung") == key("ong"))
        // Without an initial, the Burmese nasal written n (Russian "Аун") and the vowel written
        // a (Persian, Devanagari, Chinese "ang").
        #expect(key("aun") == key("aung") && key("ang") == key("aung") && key("aong") == key("aung"))
        #expect(key("an") != key("aung") && key("kang") != key("kong") && key("sang") != key("song"))
        // With an initial, Burmese and Chinese syllables stay apart.
        #expect(key("thaung") != key("dong"))
        #expect(key("dzong") == key("jong"))
        #expect(key("hao") != key("hau") && key("hou") != key("hau"))
    }

    /// Lithuanian writes a stem's final "i" as "j" before the ending ("Sergejus"/"Sergei"), and
    /// the why says so.
    @Test func aLithuanianEndingAfterJ() {
        #expect(TokenComparison.inflectedEnding(Array("sergejus".utf8)[...], Array("sergei".utf8)[...]) == 2)
        #expect(TokenComparison.inflectedEnding(Array("sergejus".utf8)[...], Array("sergio".utf8)[...]) == nil)
        let (score, why) = ScreeningHardCaseTests.best("Sergejus Šoigu", [listed("P", "SHOIGU, Sergei Kuzhugetovich")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("sergejus ≈ sergei"), "\(why)")
    }
}
