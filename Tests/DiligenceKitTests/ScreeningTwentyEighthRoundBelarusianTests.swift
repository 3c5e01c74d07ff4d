import Testing

@testable import DiligenceKit

/// Issue 16, twenty-eighth round (lead): a Belarusian name against the Russian form a list
/// gives. Belarusian writes its sounds (akanye "a" for an unstressed "o", "дз" for "д" before a
/// soft vowel, "h" for "г", "ў" closing a syllable), so BGN/PCGN's reading of "Валодзін" is two
/// letters from VOLODIN and "Яўген" is no spelling of Yevgeniy (`BelarusianSpelling`). The cases
/// are listed persons as Belarusian writes them.
@Suite struct ScreeningTwentyEighthRoundBelarusianTests {
    /// The list's Belarusian spelling of a BGN/PCGN reading: "ў" is "u", "ye" after a consonant "e".
    @Test(arguments: [("yawhyen", "yauhen"), ("uladzislaw", "uladzislau"), ("myadzvyedchuk", "myadzvedchuk")])
    func theListsWriteBelarusianWithU(reading: String, spelled: String) {
        #expect(BelarusianSpelling.listSpelling(Array(reading.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } == spelled)
    }

    /// A word with neither is left alone.
    @Test func aWordWithoutWOrYeIsNotRespelled() {
        #expect(BelarusianSpelling.listSpelling(Array("lukashenka".utf8)[...]) == nil)
        #expect(BelarusianSpelling.listSpelling(Array("yevgeniy".utf8)[...]) == nil)
    }

    /// Where the Belarusian and the Russian spelling of one name agree: both sides read alike.
    @Test(arguments: [("valodzin", "volodin"), ("myadzvyedchuk", "medvedchuk"), ("pryhozhyn", "prigozhin"), ("mishustsin", "mishustin")])
    func belarusianAndRussianSpellingsReadAlike(belarusian: String, russian: String) {
        let a = BelarusianSpelling.neutral(Array(belarusian.utf8)[...]), b = BelarusianSpelling.neutral(Array(russian.utf8)[...])
        #expect(a == b, "\(String(decoding: a, as: UTF8.self)) \(String(decoding: b, as: UTF8.self))")
    }

    /// "dzh" is an affricate, not a dzekanye "dz": "Dzhokhar" keeps it.
    @Test func dzhIsNotDz() {
        #expect(String(decoding: BelarusianSpelling.neutral(Array("dzhokhar".utf8)[...]), as: UTF8.self) == "dzhakhar")
    }

    /// Volodin, Medvedchuk and Prigozhin as Belarusian writes them are found, each with its reason.
    @Test func listedRussiansWrittenInBelarusianAreFound() {
        let list = [
            listed("volodin", "VOLODIN, Vyacheslav Victorovich"), listed("medvedchuk", "MEDVEDCHUK, Viktor"),
            listed("prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich"),
        ]
        let (volodin, volodinWhy) = ScreeningHardCaseTests.best("Вячаслаў Валодзін", list)
        #expect(volodin >= ScreeningHardCaseTests.threshold, "\(volodin) \(volodinWhy)")
        #expect(volodinWhy.contains("valodzin ≈ volodin (sounds alike)"), "\(volodinWhy)")
        let (medvedchuk, medvedchukWhy) = ScreeningHardCaseTests.best("Віктар Мядзведчук", list)
        #expect(medvedchuk >= ScreeningHardCaseTests.threshold, "\(medvedchuk) \(medvedchukWhy)")
        #expect(medvedchukWhy.contains("myadzvyedchuk ≈ medvedchuk (sounds alike)"), "\(medvedchukWhy)")
        let (prigozhin, prigozhinWhy) = ScreeningHardCaseTests.best("Яўген Віктаравіч Прыгожын", list)
        #expect(prigozhin >= 0.9, "\(prigozhin) \(prigozhinWhy)")
        #expect(prigozhinWhy.contains("yawhyen ≈ yevgeniy"), "\(prigozhinWhy)")
    }

    /// A word without a Belarusian letter is not read so: the Ukrainian "Марʼяна" ("maryana",
    /// "ya" read "e" and "o" "a") is no "Moreno", a false alarm on the random names otherwise.
    @Test func aWordWithoutABelarusianLetterIsNotReadAlike() {
        #expect(BelarusianSpelling.showsBelarusian(Array("valodzin".utf8)[...]))
        #expect(BelarusianSpelling.showsBelarusian(Array("kazlow".utf8)[...]))
        #expect(!BelarusianSpelling.showsBelarusian(Array("maryana".utf8)[...]))
        #expect(!BelarusianSpelling.showsBelarusian(Array("dzhokhar".utf8)[...]))
        let list = [listed("esparragoza", "ESPARRAGOZA MORENO, Juan Jose")]
        let (score, why) = ScreeningHardCaseTests.best("Марʼяна Джунь", list)
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    /// Only a Cyrillic query's word is read so: the Latin "Valodzin" is no Volodin by this rule,
    /// and a Belarusian name unlike the listed one stays apart.
    @Test func onlyCyrillicWordsAreReadAsBelarusian() {
        let list = [listed("volodin", "VOLODIN, Vyacheslav Victorovich")]
        let (latin, latinWhy) = ScreeningHardCaseTests.best("Vyachaslaw Valodzin", list)
        #expect(!latinWhy.contains("sounds alike"), "\(latin) \(latinWhy)")
        let (other, otherWhy) = ScreeningHardCaseTests.best("Вячаслаў Казлоў", list)
        #expect(other < ScreeningHardCaseTests.threshold, "\(other) \(otherWhy)")
    }
}
