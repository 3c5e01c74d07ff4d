import Testing

@testable import DiligenceKit

/// The table-driven romanisers (`romanisation.tsv`) and the schwa deletion of the North Indian
/// scripts: public persons' names as Wikipedia's edition in that language writes them, their
/// Latin form, and a match against the spelling a list gives.
struct ScriptRomanizerTests {
    @Test func builtinTableLoads() throws {
        let romanizer = try ScriptRomanizer.builtin()
        #expect(romanizer.latin("ปูติน", syllables: false) == "putin")
    }

    /// Each script's letters, vowel signs written before their consonant (Thai, Lao), killers
    /// (virama, asat, coeng), silent letters (Thai thanthakhat) and syllable finals.
    @Test(arguments: [
        ("Thai", "วลาดีมีร์ ปูติน", "wladimi putin"),
        ("Thai", "ทักษิณ ชินวัตร", "taksin chinwatr"),
        ("Thai", "เซเลนสกี", "selenski"),
        ("Lao", "ວລາດີມີ ປູຕິນ", "vladimi putin"),
        ("Lao", "ຮຸນ ເຊນ", "hun sen"),
        ("Khmer", "ហ៊ុន សែន", "hun sen"),
        ("Khmer", "ពូទីន", "putin"),
        ("Myanmar", "မင်းအောင်လှိုင်", "min aung hlaing"),
        ("Myanmar", "အောင်ဆန်းစုကြည်", "aung san su kyi"),
        ("Sinhala", "ව්ලැඩිමීර් පුටින්", "vlaedimir putin"),
        ("Sinhala", "නරේන්ද්‍ර මෝදි", "narendra modi"),
        ("Tibetan", "ཞི་ཅིན་ཕིང་", "zhi cin phing"),
    ])
    func scriptsAreRomanisedByTheTable(script: String, name: String, latin: String) {
        #expect(Transliterator.latin(name) == latin, "\(script)")
    }

    /// ICU writes the inherent vowel of every consonant ("putina", "kima jonga una"); Hindi,
    /// Bengali, Punjabi and Gujarati do not say it at the end of a word nor in VC_CV.
    @Test(arguments: [
        ("किम जोंग-उन", "kim jong-un"), ("अबी अहमद", "abi ahmad"), ("नरेन्द्र मोदी", "narendra modi"),
        ("વ્લાદિમીર પુતિન", "vladimir putin"), ("রেজেপ", "rejep"), ("न", "na"),
    ])
    func indicSchwaIsDeleted(name: String, latin: String) {
        #expect(Transliterator.latin(name) == latin)
    }

    /// A listed person's name in these scripts reaches the default threshold against the list's spelling.
    @Test(arguments: [
        ("Thai", "วลาดีมีร์ ปูติน", "PUTIN, Vladimir Vladimirovich"),
        ("Lao", "ວລາດີມີ ປູຕິນ", "PUTIN, Vladimir Vladimirovich"),
        ("Lao", "ຮຸນ ເຊນ", "HUN SEN"),
        ("Khmer", "ហ៊ុន សែន", "HUN SEN"),
        ("Myanmar", "မင်းအောင်လှိုင်", "MIN AUNG HLAING"),
        ("Myanmar", "အောင်ဆန်းစုကြည်", "AUNG SAN SUU KYI"),
        ("Sinhala", "ව්ලැඩිමීර් පුටින්", "PUTIN, Vladimir Vladimirovich"),
        ("Sinhala", "නරේන්ද්‍ර මෝදි", "MODI, Narendra"),
        ("Devanagari", "किम जोंग-उन", "KIM, Jong Un"),
        ("Gujarati", "અબી અહમદ", "AHMED, Abiy"),
    ])
    func namesInTheseScriptsMatchTheList(script: String, query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(script) \(query): \(score) \(why)")
    }

    /// Hebrew without points: vowel letters read as vowels by position, geresh for loan sounds,
    /// final forms as their letters, a final he as "a".
    @Test(arguments: [
        ("ולדימיר פוטין", "vldimir putin"), ("קים ג'ונג און", "kim jung un"), ("נרנדרה מודי", "nrndra mudi"),
        ("ח'אמנאי", "khamnai"), ("בנימין נתניהו", "bnimin ntnihu"), ("סרגיי", "srgei"),
    ])
    func hebrewVowelLettersAreRead(name: String, latin: String) {
        #expect(Transliterator.latin(name) == latin)
    }

    @Test(arguments: [
        ("ולדימיר פוטין", "PUTIN, Vladimir Vladimirovich"), ("ניקולס מדורו", "MADURO MOROS, Nicolas"),
        ("אברהים ראיסי", "RAISI, Ebrahim"), ("קים ג'ונג און", "KIM, Jong Un"), ("חסן נסראללה", "NASRALLAH, Hasan"),
    ])
    func hebrewNamesMatchTheList(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }

    /// Wade-Giles against pinyin, either side listed, and a name that only looks like
    /// Wade-Giles left alone.
    @Test(arguments: [
        ("Chiang Ching-kuo", "JIANG, Jingguo"), ("Mao Tse-tung", "MAO Zedong"), ("Teng Hsiao-p'ing", "DENG Xiaoping"),
        ("Jiang Jingguo", "CHIANG, Ching-kuo"), ("Mao Zedong", "MAO, Tse-tung"),
    ])
    func wadeGilesMatchesPinyin(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= 0.95, "\(query): \(score) \(why)")
    }

    @Test(arguments: [
        ("Chiang Ching-kuo", "Jiang Jingguo"), ("Teng Hsiao-p'ing", "Deng Xiaoping"), ("Jean-Pierre Chang", "Jean-Pierre Chang"),
        ("Chang Tsai", "Zhang Zai"), ("Lo Wai Chung", "Lo Wai Zhong"), ("O'Brien", "O'Brien"), ("Kim Jong-un", "Kim Jong-un"),
        ("PAK, To-Chun", "PAK, To-Chun"), ("Sun Trading", "Sun Trading"), ("CHIANG, Ching-kuo", "JIANG, Jingguo"),
    ])
    func onlyWadeGilesNamesAreRewritten(text: String, pinyin: String) {
        #expect(WadeGiles.pinyin(text) == pinyin)
    }

    /// Hungarian: family name first (matching ignores order) and Hungarian spellings of
    /// foreign names ("Vlagyimir Putyin", "Kim Dzsongun").
    @Test(arguments: [
        ("Orbán Viktor", "ORBAN, Viktor"), ("Viktor Orban", "Orbán Viktor"), ("Szijjártó Péter", "SZIJJARTO, Peter"),
        ("Vlagyimir Putyin", "PUTIN, Vladimir Vladimirovich"), ("Kim Dzsongun", "KIM, Jong Un"), ("Szergej Lavrov", "LAVROV, Sergey Viktorovich"),
    ])
    func hungarianNamesMatch(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= 0.85, "\(query): \(score) \(why)")
    }

    /// Arabic script: waw and yeh between letters read as "u" and "i".
    @Test(arguments: [("نيكولاس مادورو", "nikulas maduru"), ("محمد", "mhmd"), ("محمود", "mhmud"), ("سيرغي شويغو", "sirghi shwyghu")])
    func arabicVowelLettersAreRead(name: String, latin: String) {
        #expect(Transliterator.latin(name) == latin)
    }

    @Test(arguments: [("نيكولاس مادورو", "MADURO MOROS, Nicolas"), ("كيم جونغ أون", "KIM, Jong Un"), ("بشار الأسد", "AL-ASSAD, Bashar")])
    func arabicNamesMatchTheList(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }

    /// A malformed table is a located error for each bad line, all at once.
    @Test func aMalformedTableIsReportedWithLocations() {
        let text = "# comment\nthai\tก\tk\tC\nthai\tก\tg\tC\nlao\tก\tk\tC\nthai\tข\tKH\tC\nthai\tค\tk\tZ\n"
        do {
            _ = try ScriptRomanizer(text: text, path: "romanisation.tsv")
            Issue.record("expected errors")
        } catch {
            let lines = error.diagnostics.map(\.location.line)
            #expect(lines == [3, 4, 5, 6])
        }
    }
}
