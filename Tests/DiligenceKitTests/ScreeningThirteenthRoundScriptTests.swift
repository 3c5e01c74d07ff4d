import Testing

@testable import DiligenceKit

/// The thirteenth round's scripts, found on a seventh development set of six persons in none of
/// the earlier sets (`benchmarks/screening/cross-script-dev7.tsv`) and on the third to sixth. Each
/// case is a public person's name as a Wikipedia edition titles it, against the list's spelling.
struct ScreeningThirteenthRoundScriptTests {
    static let korean = [
        listed("CHOE", "CHOE, Ryong Hae"), listed("HWANG", "HWANG, Pyong So"), listed("RI", "RI, Su Yong"),
        listed("KIM", "KIM, Yong Chol"),
    ]

    // MARK: Korean names by their sound

    /// A list word that is one Korean syllable has a sound skeleton (glides as vowels, "ng" one
    /// n, h free); a longer word has none.
    @Test func koreanSyllablesHaveSoundSkeletons() throws {
        let ryong = try #require(KoreanSound.listedSkeleton(Array("riong".utf8)))
        #expect(Transcription.describe(ryong) == "r[i/u]n")
        let hwang = try #require(KoreanSound.listedSkeleton(Array("hvang".utf8)))
        #expect(Transcription.describe(hwang) == "h[a/u]n")
        #expect(KoreanSound.listedSkeleton(Array("coe".utf8)) != nil)
        #expect(KoreanSound.listedSkeleton(Array("putin".utf8)) == nil)
        #expect(KoreanSound.listedSkeleton(Array("mohammad".utf8)) == nil)
    }

    /// ICU's Latin of each script, read by its sounds, is the list's syllable; other words are not.
    @Test(arguments: [
        ("tsoe", "coe", true), ("tshwy", "coe", true), ("riung", "riong", true), ("bywngh", "piong", true),
        ("hvan", "hvang", true), ("khe", "hae", true), ("piyng", "piong", true),
        ("mhmd", "min", false), ("hh", "hae", false), ("sami", "sam", false), ("papa", "pak", false),
    ])
    func queryWordsSoundLikeTheSyllable(written: String, key: String, same: Bool) throws {
        let listed = try #require(KoreanSound.listedSkeleton(Array(key.utf8)))
        let query = MandarinSound.querySkeleton(Array(written.utf8)[...])
        #expect(KoreanSound.matches(query: query, listed: listed) == same, "\(Transcription.describe(query))")
    }

    /// Read as the list's syllables, the names match, and `why` says how they were read.
    @Test(arguments: [
        ("Τσόε Ριόνγκ-χε", "read as Korean written in Greek, Τσόε Ριόνγκ-χε → choe ryong hae: "),
        ("תשוי ריונג האי", "read as Korean written in Hebrew, תשוי ריונג האי → choe ryong hae: "),
        ("تشوي ريونغ هاي", "read as Korean written in Arabic script, تشوي ريونغ هاي → choe ryong hae: "),
        ("চো রিয়ং-হে", "read as Korean written in Bengali, চো রিয়ং-হে → choe ryong hae: "),
        ("هوانگ پیونگ سو", "read as Korean written in Arabic script, هوانگ پیونگ سو → hwang pyong so: "),
        ("הוואנג פיונג-סו", "read as Korean written in Hebrew, הוואנג פיונג-סו → hwang pyong so: "),
        ("ჰვან ბიონ სო", "read as Korean written in Georgian, ჰვან ბიონ სო → hwang pyong so: "),
        ("Հվան Բյոն Սո", "read as Korean written in Armenian, Հվան Բյոն Սո → hwang pyong so: "),
    ])
    func koreanNamesBySoundMatchTheList(query: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, Self.korean)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix(reason), "\(why)")
    }

    /// Names of those scripts that are not Korean are not read so: two words, a first word that
    /// is no Korean surname, a word that is no syllable of the list.
    @Test(arguments: ["Γιώργος Παπαδόπουλος", "Κιμ Παπαδόπουλος Σο", "Γιάννης Σο Κιμ", "محمد علي حسن", "דוד כהן", "Մարիամ Պողոսյան"])
    func otherNamesAreNotReadAsKorean(query: String) {
        let screener = NameScreener(entities: Self.korean)
        #expect(screener.koreanSoundReadings(of: ScreeningQuery(query)).isEmpty)
        #expect(screener.screen(query, threshold: ScreeningHardCaseTests.threshold).isEmpty)
    }

    /// A reading matches only a listed person every word of whose name is a Korean syllable: a
    /// name read "kim yong chol" does not match "KIM, Yong Chol Trading" (a company) nor a
    /// person with a longer name.
    @Test func readingsMatchOnlyKoreanPersons() {
        let others = [listed("CO", "KIM YONG CHOL TRADING", kind: .organisation), listed("LONG", "KIM, Yong Chol Alexander")]
        let screener = NameScreener(entities: others)
        #expect(!screener.koreanSoundReadings(of: ScreeningQuery("Κιμ Γιονγκ Τσολ")).isEmpty)
        #expect(screener.screen("Κιμ Γιονγκ Τσολ", threshold: ScreeningHardCaseTests.threshold).allSatisfy { !$0.why.hasPrefix("read as Korean") })
    }

    // MARK: The diphthong "ay"

    /// "ei", "aj", "ej", "ay" are one diphthong: Deif is Dajf (Polish, Czech) and Dayf (Turkish).
    @Test(arguments: ["Muhammad Dajf", "Muhammed Dayf", "Mohammed Deif"])
    func diphthongSpellingsMatch(query: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("DEIF", "DEIF, Muhammed")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    /// Only the diphthong differs; a vowel elsewhere, or a diphthong before a vowel, is another word.
    @Test func diphthongRespellingIsNarrow() {
        #expect(Diphthong.sameButDiphthong(Array("deif".utf8)[...], Array("dajf".utf8)[...]))
        #expect(Diphthong.sameButDiphthong(Array("haidar".utf8)[...], Array("hejdar".utf8)[...]))
        #expect(!Diphthong.sameButDiphthong(Array("deif".utf8)[...], Array("deif".utf8)[...]))
        #expect(!Diphthong.sameButDiphthong(Array("deia".utf8)[...], Array("daja".utf8)[...]))
        #expect(!Diphthong.sameButDiphthong(Array("maria".utf8)[...], Array("mario".utf8)[...]))
        let deif = TokenForms(key: Array("deif".utf8)[...], text: Array("deif".utf8)[...], phonetic: [])
        let dajf = TokenForms(key: Array("dajf".utf8)[...], text: Array("dajf".utf8)[...], phonetic: [])
        let dejm = TokenForms(key: Array("dejm".utf8)[...], text: Array("dejm".utf8)[...], phonetic: [])
        #expect(Diphthong.comparison(deif, dajf, parameters: ScoringParameters())?.how == .phonetic)
        #expect(Diphthong.comparison(deif, dejm, parameters: ScoringParameters()) == nil)
    }

    // MARK: Latin "c" said "s" against an abjad

    /// "Delcy" is "دلسی" and "דלסי": the abjad's s for the Latin c before e, i or y; before a, o,
    /// u the c is still k.
    @Test func softCIsAnAbjadS() {
        #expect(AbjadComparison.matches(abjad: Array("dlsi".utf8)[...], latin: Array("delci".utf8)[...]))
        #expect(AbjadComparison.matches(abjad: Array("mrslu".utf8)[...], latin: Array("marcelo".utf8)[...]))
        #expect(!AbjadComparison.matches(abjad: Array("mrsu".utf8)[...], latin: Array("marco".utf8)[...]))
    }

    // MARK: Chen in an abjad

    /// "تشن" and "چن" (Chen: two consonants, the vowel unwritten) open a Chinese name read by sound.
    @Test(arguments: [
        ("تشن تشيوانغو", "read as Chinese written in Arabic script, تشن تشيوانغو → chen quanguo: "),
        ("چن چوانگوئو", "read as Chinese written in Arabic script, چن چوانگوئو → chen quanguo: "),
    ])
    func chenInAnAbjad(query: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("CHEN", "CHEN, Quanguo")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix(reason), "\(why)")
    }
}
