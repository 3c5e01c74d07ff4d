import Testing

@testable import DiligenceKit

/// Issue 16, twenty-ninth round (sound): a listed Latin name written the way its own language
/// spells it, and a query that writes it the way it sounds in another script (`HeardLatin`).
/// English "Carrie" is "Кэрри", "Κάρι", "கேரி"; "Gibran" (the Arabic jim) "Джебран", "Τζεμπράν",
/// "Ջեբրան". The cases are OFAC persons as those scripts write them, and names that must not match.
@Suite struct ScreeningTwentyNinthRoundSoundTests {
    static func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The listed word as heard: "c" is "k" before "a", "o", "u" and "s" before "e", "i"; a soft
    /// "g" is "j"; a doubled consonant one sound. A word without such a letter has no reading.
    @Test func listedWordsAreReadAsHeard() {
        #expect(Self.text(HeardLatin.reading(Array("carrie".utf8)[...])) == "karie")
        #expect(Self.text(HeardLatin.reading(Array("gibran".utf8)[...])) == "jibran")
        #expect(Self.text(HeardLatin.reading(Array("bosco".utf8)[...])) == "bosko")
        #expect(Self.text(HeardLatin.reading(Array("cecilia".utf8)[...])) == "sesilia")
        #expect(Self.text(HeardLatin.reading(Array("richard".utf8)[...])) == nil)
        #expect(HeardLatin.reading(Array("lamar".utf8)[...]) == nil)
        #expect(Self.text(HeardLatin.sounds(Array("dzhebran".utf8)[...])) == "jebran")
        #expect(Self.text(HeardLatin.sounds(Array("kerri".utf8)[...])) == "keri")
    }

    /// The same consonants in order, as many syllables, the same first letter, a letter of the
    /// listed word heard otherwise than written: one name, the vowels as each language hears them.
    @Test func sameSoundsKeepConsonantsAndSyllables() {
        func same(_ listed: String, _ query: String) -> Bool {
            HeardLatin.sameSounds(listed: Array(listed.utf8)[...], query: Array(query.utf8)[...])
        }
        for query in ["keri", "kerri", "kari", "kairi", "kyari", "kaeri"] { #expect(same("carrie", query), "\(query)") }
        for query in ["jebran", "dzhebran", "jibran"] { #expect(same("gibran", query), "\(query)") }
        #expect(same("recep", "rasip"))
        // Another consonant, one more or fewer, another syllable count, another first letter,
        // a vowel no language hears for the other ("Kira", "Jubran").
        for query in ["keli", "kerim", "kr", "keriko", "geri", "akeri", "kira", "kori"] { #expect(!same("carrie", query), "\(query)") }
        #expect(!same("gibran", "jubran"))
        // A word without a letter heard otherwise is compared as written.
        #expect(!same("lamar", "lamer"))
    }

    /// The listed persons, their given name written by its sound: found, and the reason says the
    /// words sound alike.
    @Test(arguments: [
        ("Кэрри Лам", "LAM"), ("Керрі Лам", "LAM"), ("Κάρι Λαμ", "LAM"), ("კერი ლამი", "LAM"), ("Քերի Լամ", "LAM"), ("கேரி லாம்", "LAM"),
        ("Джебран Басил", "BASSIL"), ("Τζεμπράν Μπασίλ", "BASSIL"), ("Ջեբրան Բասիլ", "BASSIL"),
    ])
    func listedNamesWrittenAsHeardAreFound(query: String, id: String) {
        let entities = [listed("LAM", "LAM, Carrie"), listed("BASSIL", "BASSIL, Gibran")]
        let match = NameScreener(entities: entities).screen(query, threshold: ScreeningHardCaseTests.threshold).first
        #expect(match?.entity.id == id, "\(String(describing: match))")
        #expect(match?.why.contains("carrie") == true || match?.why.contains("gibran") == true, "\(String(describing: match?.why))")
    }

    /// The reason names the pair and says how: "kari ≈ carrie (sounds alike)".
    @Test func whySaysTheWordsSoundAlike() {
        let (score, why) = ScreeningHardCaseTests.best("Κάρι Λαμ", [listed("LAM", "LAM, Carrie")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("kari ≈ carrie (sounds alike)"), "\(why)")
    }

    /// A Latin query is compared as written; other names stay other names: "Кира Лам" (Kira) and
    /// "Карл Лам" are not Carrie, "Джибриль Басил" (Jibril) not Gibran.
    @Test(arguments: ["Kerri Lam", "Кира Лам", "Карл Лам", "Джибриль Басил"])
    func otherNamesDoNotMatch(query: String) {
        let entities = [listed("LAM", "LAM, Carrie"), listed("BASSIL", "BASSIL, Gibran")]
        let (score, why) = ScreeningHardCaseTests.best(query, entities)
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }
}
