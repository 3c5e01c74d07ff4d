import Testing

@testable import DiligenceKit

/// Issue 16, twenty-eighth round (ain): what an abjad word's letters say that its romanisation
/// does not (`AbjadLetters`). A Hebrew word's "dh" is ד and ה, not the Arabic ذ; an Arabic-script
/// word that opened with ain (ع), which ICU does not write, may pair that opening with a Latin
/// opening vowel ("علی" is "li": Ali; "عمر" "mr": Omar). The cases are OFAC persons as Arabic,
/// Persian and Urdu write them, and a random Hebrew name that must not match.
@Suite struct ScreeningTwentyEighthRoundAinTests {
    // MARK: Hebrew "dh"

    /// "כרים דהן" (Karim Dahan) is read "krim dhn": its ד and ה are two letters, not ذ, so "dhn"
    /// is not "son" (the listed KIM, Son-kwang), as it was as an Arabic "dh"; it is Dahan.
    @Test func hebrewDhIsTwoLetters() {
        #expect(Transliterator.latin("כרים דהן") == "krim dhn")
        let name = NameNormalizer.standard.normalize("כרים דהן")
        #expect(name.tokens.map(\.abjadLetters) == [.hebrew, .hebrew])
        #expect(!AbjadComparison.matches(abjad: Array("dhn".utf8)[...], latin: Array("son".utf8)[...], letters: .hebrew))
        #expect(AbjadComparison.matches(abjad: Array("dhn".utf8)[...], latin: Array("dahan".utf8)[...], letters: .hebrew))
        // The Arabic ذ is still a dental or a sibilant.
        #expect(AbjadComparison.matches(abjad: Array("dhn".utf8)[...], latin: Array("son".utf8)[...]))
        let (score, why) = ScreeningHardCaseTests.best("כרים דהן", [listed("kim", "KIM, Son-kwang")])
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    /// An Arabic-script word's "dh" and "th" are ذ and ث only when it has them: "عودة" (Odeh) is
    /// "wdh", د and ta marbuta, and "زاده" (Zadeh) "zadh", which pair with a Latin "d" and "h";
    /// "ذهب" keeps its dental, "dhhb".
    @Test func dhWithoutDhalIsTwoLetters() {
        let odeh = NameNormalizer.standard.normalize("هاجر بن عودة").tokens.last
        #expect(odeh?.text == "wdh")
        // (Its ta marbuta writes the final vowel: `AbjadLetters.finalHeh`, thirty-first round.)
        #expect(odeh?.abjadLetters == [.openingAin, .twoLetterDH, .finalHeh])
        #expect(!AbjadComparison.matches(abjad: Array("wdh".utf8)[...], latin: Array("abd".utf8)[...], letters: [.openingAin, .twoLetterDH]))
        #expect(AbjadComparison.matches(abjad: Array("zadh".utf8)[...], latin: Array("zadeh".utf8)[...], letters: .twoLetterDH))
        #expect(NameNormalizer.standard.normalize("ذهب").tokens.first?.abjadLetters == [])
    }

    // MARK: The opening ain

    /// ICU drops the ain that opens "علی", "عمر", "عثمانوف": the tokens say it was there, and
    /// only the first word of a hyphenated one.
    @Test func openingAinIsMarked() {
        #expect(Transliterator.latin("علی شمخانی") == "li shmkhani")
        let name = NameNormalizer.standard.normalize("علی شمخانی")
        #expect(name.tokens.map { $0.abjadLetters.contains(.openingAin) } == [true, false])
        #expect(NameNormalizer.standard.normalize("Ali Shamkhani").tokens.allSatisfy { $0.abjadLetters.isEmpty })
    }

    /// A word that opened with ain pairs that opening with a Latin opening vowel: "li" is Ali and
    /// Eli, "mr" Omar, "thmanuf" Usmanov; a word without it ("لي", Li or Lee) is not Ali, and the
    /// ain stands for a vowel, not a consonant ("li" is not "Bali").
    @Test func openingAinPairsWithAnOpeningVowel() {
        func matches(_ abjad: String, _ latin: String, _ letters: AbjadLetters = .openingAin) -> Bool {
            AbjadComparison.matches(abjad: Array(abjad.utf8)[...], latin: Array(latin.utf8)[...], letters: letters)
        }
        for (abjad, latin) in [("li", "ali"), ("li", "eli"), ("mr", "omar"), ("thmanuf", "usmanov"), ("lishir", "alisher"), ("bdallh", "abdallah")] {
            #expect(matches(abjad, latin), "\(abjad) \(latin)")
        }
        #expect(!matches("li", "ali", []))
        #expect(!matches("li", "bali"))
        #expect(!matches("li", "alim"))
    }

    /// "علی شمخانی" is the listed Ali Shamkhani (0.481 with "li" unmatched), "li" found as "ali"
    /// and said so; "محمد عمر" the listed Mohammed Omar.
    @Test func aliAndOmarAreFound() {
        let (score, why) = ScreeningHardCaseTests.best("علی شمخانی", [listed("shamkhani", "SHAMKHANI, Ali")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("li ≈ ali (sounds alike)"), "\(why)")
        let (omar, omarWhy) = ScreeningHardCaseTests.best("محمد عمر", [listed("omar", "OMAR, Mohammed")])
        #expect(omar >= ScreeningHardCaseTests.threshold, "\(omar) \(omarWhy)")
        #expect(omarWhy.contains("mr ≈ omar (sounds alike)"), "\(omarWhy)")
    }

    /// The ain's vowel is written in Latin, so a word that opened with ain is no Latin word that
    /// opens with a consonant: "علی" ("li") is not the Burmese or Chinese Li, "عكاوي" ("kawy")
    /// not Qari (random names that matched listed persons so).
    @Test func ainIsNoConsonantOpening() {
        let (score, why) = ScreeningHardCaseTests.best("امیر علی معین", [listed("myint", "MYINT, Li")])
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(!why.contains("li = li"), "\(why)")
        let (qari, qariWhy) = ScreeningHardCaseTests.best("راشد عكاوي", [listed("baluch", "RASHID BALUCH, Abdul Qari")])
        #expect(!qariWhy.contains("kawy ≈ qari"), "\(qari) \(qariWhy)")
    }

    // MARK: Ends alike

    /// An abjad writes a final vowel: "hsni" (حسنی) does not sound like Husayn, nor "ahmdi" like
    /// Ahmad, though their sound keys agree; "hsni" is Hosni, "mhmdi" Mohammadi, and a skeleton
    /// may leave a Latin final vowel out ("sn" for Sani).
    @Test func abjadAndLatinWordsEndAlike() {
        let parameters = ScoringParameters()
        func compare(_ abjad: String, _ latin: String) -> TokenComparison? {
            TokenComparison.compare(
                ScreeningEighthRoundScriptTests.forms(abjad, abjad: true), ScreeningEighthRoundScriptTests.forms(latin, abjad: false),
                parameters: parameters)
        }
        #expect(compare("hsni", "husayn") == nil)
        #expect(compare("ahmdi", "ahmad") == nil)
        for (abjad, latin) in [("hsni", "hosni"), ("mhmdi", "mohammadi"), ("sn", "sani"), ("hrb", "harb")] {
            #expect(compare(abjad, latin) != nil, "\(abjad) \(latin)")
        }
        let (score, why) = ScreeningHardCaseTests.best("علی حسنی", [listed("husayn", "HUSAYN, 'Ali")])
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }
}
