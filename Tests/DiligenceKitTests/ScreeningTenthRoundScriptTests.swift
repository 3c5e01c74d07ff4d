import Testing

@testable import DiligenceKit

/// The tenth round's scripts, found on a fourth development set of six persons in none of the
/// earlier sets (`benchmarks/screening/cross-script-dev4.tsv`) and on the earlier development
/// sets. Each case is a public person's name as a Wikipedia edition titles it, against the
/// list's spelling.
struct ScreeningTenthRoundScriptTests {
    static let chenQuanguo = listed("CHEN", "CHEN, Quanguo")
    static let wangJunzheng = listed("WANG", "WANG, Junzheng")

    // MARK: Chinese names written in Hangul

    /// Korean writes a Mandarin syllable by the table of its loanword orthography; read back,
    /// a Chinese name in Hangul is its pinyin, every reading where Hangul writes two syllables
    /// alike (천: chen and cen), the commoner sound in names first.
    @Test(arguments: [
        ("천취안궈", ["chen quanguo", "cen quanguo"]), ("왕쥔정", ["wang junzheng"]), ("시진핑", ["xi jinping"]),
        ("후진타오", ["hu jintao"]), ("시 진핑", ["xi jinping"]),
    ])
    func chineseNamesInHangulAreReadInPinyin(hangul: String, pinyin: [String]) throws {
        let table = try #require(ChineseHangul.standard)
        #expect(table.pinyin(hangul) == pinyin)
    }

    /// Korean names stay Korean: a syllable that is no Mandarin one (김, 박), or every syllable
    /// a Sino-Korean one, which Korean names are made of ("예준 이", Yejun Lee, would read "yezhun
    /// yi"); a lone syllable and a name in another script are not read so.
    @Test(arguments: ["김정은", "박근혜", "이정수", "예준 이", "정", "Kim Jong Un", "천"])
    func koreanNamesAreNotReadAsChinese(hangul: String) throws {
        let table = try #require(ChineseHangul.standard)
        #expect(table.pinyin(hangul).isEmpty)
    }

    /// Read in pinyin, the Hangul names are the list's spelling, and `why` says how they were read.
    @Test func chenQuanguoAndWangJunzhengInHangulMatchTheList() {
        let list = [Self.chenQuanguo, Self.wangJunzheng, listed("CHON", "CHON, Chwi An")]
        let (chen, chenWhy) = ScreeningHardCaseTests.best("천취안궈", list)
        #expect(chen >= ScreeningHardCaseTests.threshold, "\(chen) \(chenWhy)")
        #expect(chenWhy.hasPrefix("read as Chinese written in Hangul, 천취안궈 → chen quanguo: "), "\(chenWhy)")
        let (wang, wangWhy) = ScreeningHardCaseTests.best("왕쥔정", list)
        #expect(wang >= ScreeningHardCaseTests.threshold, "\(wang) \(wangWhy)")
        #expect(wangWhy.hasPrefix("read as Chinese written in Hangul, 왕쥔정 → wang junzheng: "), "\(wangWhy)")
    }

    /// A Korean person's name in Hangul keeps its Korean reading and no Chinese note.
    @Test func aKoreanNameInHangulIsNotReadAsChinese() {
        let (score, why) = ScreeningHardCaseTests.best("최룡해", [listed("CHOE", "CHOE, Ryong Hae")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(!why.hasPrefix("read as Chinese"), "\(why)")
    }

    @Test func aMalformedLineIsReported() throws {
        #expect(throws: InputError.self) { try ChineseHangul(text: "천\tChen\tK\n", path: "t.tsv") }
        #expect(throws: InputError.self) { try ChineseHangul(text: "chen\tchen\tK\n", path: "t.tsv") }
        #expect(throws: InputError.self) { try ChineseHangul(text: "천\tchen\n", path: "t.tsv") }
        #expect(throws: InputError.self) { try ChineseHangul(text: "천\tchen\tX\n", path: "t.tsv") }
        _ = try ChineseHangul(text: "천\tchen cen\tK\n", path: "t.tsv")
    }

    // MARK: Abjads

    /// Persian ژ ("zh"; Hebrew ז׳) is romanised "j" as often as "zh": the abjad's j, which pairs
    /// with both ("احمدی‌نژاد", Ahmadinejad; OFAC also lists AHMADINEZHAD).
    @Test(arguments: ["محمود احمدی‌نژاد", "محمود احمدی نژاد", "מחמוד אחמדינז'אד"])
    func persianZhIsTheListsJ(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("AHM", "AHMADINEJAD, Mahmoud")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    /// Persian writes two names as one word ("محمدجواد") and splits one with a zero-width
    /// non-joiner ("احمدی‌نژاد"): a word read from an abjad is compared with the adjacent pair,
    /// and the adjacent pair of abjad words with one listed word, though the vowels they leave
    /// out make the Latin side longer.
    @Test func persianNamesWrittenJoinedOrSplit() {
        let (zarif, zarifWhy) = ScreeningHardCaseTests.best("محمدجواد ظریف", [listed("ZARIF", "ZARIF, Mohammad Javad")])
        #expect(zarif >= ScreeningHardCaseTests.threshold, "\(zarif) \(zarifWhy)")
        #expect(zarifWhy.contains("written as one word"), "\(zarifWhy)")
        let (ahmadinejad, why) = ScreeningHardCaseTests.best("محمود احمدی نژاد", [listed("AHM", "AHMADINEJAD, Mahmoud")])
        #expect(ahmadinejad >= ScreeningHardCaseTests.threshold, "\(ahmadinejad) \(why)")
        #expect(why.contains("written as"), "\(why)")
    }

    // MARK: Korean and Chinese names the Russian way

    /// Kontsevich writes a final ㄹ "ль" and ㅊ "чх" (Armenian "չխ"): "Чхоль" is 철, Chol.
    @Test(arguments: ["Ким Ён Чхоль", "Кім Йон Чхоль", "Կիմ Յոն Չխոլ"])
    func kimYongCholTheRussianWay(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("KYC", "KIM, Yong Chol"), listed("KJU", "KIM, Jong Un")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("chol"), "\(why)")
    }

    /// Ukrainian writes Palladius's "-энь", "-эн" as "-ень", "-ен" ("Ван Цзюньчжен").
    @Test func wangJunzhengInUkrainian() {
        #expect(ChineseCyrillic.pinyin("Ван Цзюньчжен") == "Wang Junzheng")
        let (score, why) = ScreeningHardCaseTests.best("Ван Цзюньчжен", [Self.wangJunzheng])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }
}
