import Testing

@testable import DiligenceKit

/// The ninth round's scripts, found on a third development set of six persons who are in
/// neither cross-script set (`benchmarks/screening/cross-script-dev3.tsv`). Each case is a
/// public person's name as a Wikipedia edition titles it, against the list's spelling.
struct ScreeningNinthRoundScriptTests {
    static let choe = listed("CHOE", "CHOE, Ryong Hae")
    static let kimYoJong = listed("KYJ", "KIM, Yo Jong")

    // MARK: Korean names in Han characters

    /// A Korean name in Han characters is read in Korean from the table of Sino-Korean readings,
    /// in its traditional, simplified and Japanese forms; North Korea's initial ㄹ is kept.
    @Test(arguments: [
        ("崔龍海", "최 룡 해"), ("崔龙海", "최 룡 해"), ("崔竜海", "최 룡 해"), ("金与正", "김 여 정"), ("金與正", "김 여 정"),
        ("金正恩", "김 정 은"), ("金 正恩", "김 정 은"),
    ])
    func koreanNamesInHanAreReadInKorean(han: String, hangul: String) throws {
        let table = try #require(HanjaReading.standard)
        #expect(table.hangul(han) == hangul)
    }

    /// A name whose first character is no Korean surname, or with a character that is no
    /// character of Korean given names in the table, is read in Chinese only.
    @Test(arguments: ["习近平", "李娜", "陈全国", "金", "金正恩金正恩", "Kim"])
    func otherNamesAreNotReadInKorean(han: String) throws {
        let table = try #require(HanjaReading.standard)
        #expect(table.hangul(han) == nil)
    }

    /// Chinese and Japanese write the names of Korean persons in their forms of the characters:
    /// read in Korean, they are the list's spelling, and `why` says how it was read.
    @Test(arguments: ["崔龙海", "崔龍海", "崔竜海"])
    func choeRyongHaeInHanMatchesTheList(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [Self.choe, listed("CUI", "CUI, Long")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix("read in Korean, \(query) → 최룡해: "), "\(why)")
    }

    @Test func kimYoJongInSimplifiedHanMatchesTheList() {
        let (score, why) = ScreeningHardCaseTests.best("金与正", [Self.kimYoJong])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix("read in Korean, 金与正 → 김여정: "), "\(why)")
    }

    /// The Chinese reading is kept beside the Korean one: a Chinese person whose name's
    /// characters are all in the table still matches in pinyin, without the Korean note.
    @Test func aChineseNameKeepsItsChineseReading() throws {
        #expect(try #require(HanjaReading.standard).hangul("王永明") == "왕 영 명")
        let (score, why) = ScreeningHardCaseTests.best("王永明", [listed("WANG", "WANG, Yongming")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(!why.hasPrefix("read in Korean"), "\(why)")
    }

    @Test func aMalformedReadingIsReported() {
        #expect(throws: InputError.self) { try HanjaReading(text: "S\t金\tkim\n", path: "t.tsv") }
        #expect(throws: InputError.self) { try HanjaReading(text: "X\t金\t김\n", path: "t.tsv") }
    }

    // MARK: Korean names the Russian way

    /// Kontsevich's Чхве is 최, "Choe"; its "ё" after a consonant (Ukrainian "ьо") is "yo", and
    /// with the final "н" the lists' "yong" ("Рён", 룡, Ryong); its "э" is ㅐ, "ae" ("Хэ", 해).
    @Test(arguments: [
        ("Chkhve Ren Khe", "Чхве Рён Хэ", "Choe Ryong Hae"), ("Chkhve Ron Khe", "Чхве Рьон Хе", "Choe Ryong He"),
        ("Kim Ir Sen", "Ким Ир Сен", "Kim Il Song"), ("Kim Filbi", "Ким Филби", "Kim Filbi"),
    ])
    func choeAndTheKontsevichYo(latin: String, source: String, read: String) {
        #expect(KoreanCyrillic.listSpelling(latin, source: source) == read)
    }

    @Test(arguments: ["Чхве Рён Хэ", "Чхве Рьон Хе", "ჩხვე რიონ ხე", "Չխվե Ռյոն Հե"])
    func choeRyongHaeTheRussianWayMatchesTheList(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [Self.choe])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("choe = choe"), "\(why)")
    }

    // MARK: Spelling systems of Latin transcriptions

    /// Persian romanisation writes a final silent he "-eh" where Arabic romanisation writes the
    /// ta marbuta "-a" ("Haniyeh", "Haniya"); the Cyrillic, Greek, Indic and German spellings
    /// follow the Arabic one.
    @Test(arguments: ["Ismail Haniya", "Ismail Haniyya", "Хания, Исмаил", "Ισμαήλ Χανίγια", "इस्माइल हनिया"])
    func persianFinalEhIsArabicA(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("HANIYEH", "HANIYEH, Ismail"), listed("HANIF", "HANIF, Ismail")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("haniyeh"), "\(why)")
        #expect(!why.contains("hanif"), "\(why)")
    }

    /// German writes the j of foreign names "dsch" ("Dschawad", Javad).
    @Test func germanDschIsJ() {
        let (score, why) = ScreeningHardCaseTests.best("Mohammad Dschawad Sarif", [listed("ZARIF", "ZARIF, Mohammad Javad")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("dschawad = javad") || why.contains("dschawad ≈ javad"), "\(why)")
    }

    // MARK: Arabic script

    /// The final ta marbuta is the heh it is written with ("-a", "-ah", "-eh"), not ICU's "t".
    @Test func arabicTaMarbutaEndsInAVowel() {
        #expect(Transliterator.arabicTaMarbuta("هنية") == "هنيه")
        #expect(Transliterator.arabicTaMarbuta("ثابت") == "ثابت")
        let (score, why) = ScreeningHardCaseTests.best("إسماعيل هنية", [listed("HANIYEH", "HANIYEH, Ismail")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("haniyeh"), "\(why)")
    }
}
