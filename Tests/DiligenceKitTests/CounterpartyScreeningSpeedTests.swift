import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, eleventh round (`speed4`): the shortcuts taken in preparing a counterparty's name
/// give what the longer way gave.
@Suite struct CounterpartyScreeningSpeedTests {
    /// `latinByWord` as it was: the text split by characters, each word romanised once.
    static func latinByCharacters(_ text: String, _ cyrillic: Transliterator.CyrillicTable) -> (String, [String]) {
        let id = Transliterator.transformID(cyrillic, greek: false)
        let syllables = !text.contains(" ")
        var romanised: [String] = []
        let latin = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let word = String(word)
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
            let latin = Transliterator.latinWord(word, cyrillic, id: id, syllables: syllables)
            romanised.append(word)
            return latin
        }.joined(separator: " ")
        return (latin, romanised)
    }

    @Test(arguments: [
        "Гомельпромснаб", "ЧУП \"Гомельпромснаб\"", "Аляксандр  Лукашэнка", " Ольга Бондаренко ", "Estrela Comércio SA",
        "Companhia Mineração do Moçambique SA", "Baltic Transport OÜ", "Олександр Коваленко", "Ким Чен Ын",
        // A combining acute after a space joins it into one character: the slower way.
        "Ana \u{301}Lopes", "Jose\u{301} García", "",
    ])
    func wordsAreRomanisedAsWhenSplitByCharacters(_ text: String) {
        for table in [Transliterator.CyrillicTable.none, .russian, .belarusian, .ukrainian] {
            var romanised: [String] = []
            let latin = Transliterator.latinByWord(text, table) { word, _ in romanised.append(word) }
            let expected = Self.latinByCharacters(text, table)
            #expect(latin == expected.0, "\(text), \(table)")
            #expect(romanised == expected.1, "\(text), \(table)")
        }
    }

    @Test func spacesStandAloneOnlyWithoutMarksBesideThem() {
        #expect(Transliterator.spacesStandAlone("Estrela Comércio SA"))
        #expect(Transliterator.spacesStandAlone("ЧУП Гомельпромснаб"))
        #expect(!Transliterator.spacesStandAlone("Ana \u{301}Lopes"))
        #expect(!Transliterator.spacesStandAlone("Ким \u{483}Чен"))
        #expect(!Transliterator.spacesStandAlone("金 正恩"))
    }

    @Test func theTransformChainsAreThoseMadeForEachText() {
        for table in [Transliterator.CyrillicTable.none, .russian, .belarusian, .ukrainian] {
            for greek in [false, true] {
                #expect(Transliterator.transformID(table, greek: greek) == Transliterator.makeTransformID(table, greek: greek))
            }
        }
        #expect(Transliterator.transformID(for: "Аўтазавод")?.contains("Belarusian-Latin/BGN") == true)
    }

    /// The surname test reads only words of at most `longestSurname` Cyrillic letters.
    @Test func everySurnameIsAShortCyrillicWord() {
        #expect(ChineseCyrillic.longestSurname == 5)
        for surname in ChineseCyrillic.surnames {
            #expect(surname.unicodeScalars.allSatisfy { (0x0400...0x04FF).contains($0.value) }, "\(surname)")
            #expect(surname.unicodeScalars.count <= ChineseCyrillic.longestSurname)
        }
    }

    @Test(
        arguments: [
            ("Си Цзиньпин", "Xi Jinping"), ("Сі Цзіньпін", "Xi Jinping"), ("Мао Цзэдун", "Mao Zedong"),
            ("Иван Ли", nil), ("Ли Александр", nil), ("ЧУП Гомельпромснаб", nil), ("ООО Ли", nil), ("Гомельпромснаб", nil),
        ] as [(String, String?)])
    func chineseNamesInCyrillicAreReadAsBefore(_ name: String, _ expected: String?) {
        #expect(ChineseCyrillic.pinyin(name) == expected, "\(name)")
    }

    /// "й" written as "и" and a combining breve is still the letter of the surname Цуй.
    @Test func aSurnameWithACombiningBreveIsStillASurname() throws {
        let composed = try #require(ChineseCyrillic.pinyin("Цуй Цзэдун"))
        #expect(ChineseCyrillic.pinyin("Цу\u{438}\u{306} Цзэдун") == composed)
        #expect(ChineseCyrillic.pinyin("ЦУ\u{418}\u{306} Цзэдун") == ChineseCyrillic.pinyin("ЦУЙ Цзэдун"))
    }

    @Test func wordsWrittenTogetherAreSplitOnlyWhereACapitalFollowsASmallLetter() {
        func split(_ word: String) -> String { String(decoding: NameNormalizer.splittingJoinedWords(Array(word.utf8)[...]), as: UTF8.self) }
        #expect(split("OlafScholz") == "Olaf Scholz")
        #expect(split("DeutscheTelekomAG") == "Deutsche Telekom AG")
        #expect(split("McDonald") == "McDonald")
        #expect(split("MacArthur") == "MacArthur")
        #expect(split("GOMELPROMSNAB") == "GOMELPROMSNAB")
        #expect(split("gomelpromsnab") == "gomelpromsnab")
    }

    @Test func romanNumeralsAreReadAsBefore() {
        #expect(NameNormalizer.romanNumeral("iii") == 3)
        #expect(NameNormalizer.romanNumeral("xiv") == 14)
        #expect(NameNormalizer.romanNumeral("xxxix") == 39)
        #expect(NameNormalizer.romanNumeral("xi") == nil)
        #expect(NameNormalizer.romanNumeral("i") == nil)
        #expect(NameNormalizer.romanNumeral("mix") == nil)
        #expect(NameNormalizer.romanNumeral("vii5") == nil)
        #expect(NameNormalizer.tokens("Fund III") == ["fund", "3"])
    }

    @Test func aNameInArabicScriptIsStillReadAsAnAbjad() {
        let name = NameNormalizer.standard.normalize("محمد علي")
        #expect(name.tokens.map(\.isAbjad) == [true, true])
        #expect(NameNormalizer.standard.normalize("Mohammed Ali").tokens.map(\.isAbjad) == [false, false])
    }

    /// Counterparties that match nothing are passed over; the findings keep the order of the
    /// policy: counterparties, then security providers.
    @Test func matchedSubjectsKeepThePolicyOrder() throws {
        let findings = try TestData.findings(
            "listed-counterparty",
            TestData.minimal(
                """
                counterparties:
                  - id: bakery
                    name: Minsk Bakery Supplies
                    country: BY
                  - id: contact
                    name: A. G. L.
                    country: BY
                    aliases: [Some Other Name, Аляксандр Лукашэнка]
                  - id: logistics
                    name: Baltic Logistics AB
                    country: LT
                    incorporated: SE
                sites:
                  - id: camp
                    country: MZ
                    security_provider: Wagner Group
                """))
        #expect(findings.map(\.subject) == ["contact", "camp"])
        #expect(findings.first?.message.hasPrefix("Аляксандр Лукашэнка matches") == true)
        #expect(findings.last?.severity == .critical)
    }
}
