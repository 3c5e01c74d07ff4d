import Testing

@testable import DiligenceKit

/// The eighth round's scripts, found on a second development set of five persons who are not in
/// the cross-script set (`benchmarks/screening/cross-script-dev2.tsv`): how each script or
/// language writes the sounds of a *foreign* name. Arabic ج for "zh", two vowel letters for one
/// vowel, a doubled consonant; Bengali ভ for v and ইয়/ওয় for the glides; Greek τζ, νγκ, γι, ου;
/// Korean names in Cyrillic, Georgian and Armenian by Kontsevich ("Ё", "-он"); Lithuanian and
/// Latvian endings on a stem spelt their way; Chinese r for "zh". Each case is a public person's
/// name as a Wikipedia edition titles it, against the list's spelling.
struct ScreeningEighthRoundScriptTests {
    static func keys(_ name: String) -> [String] {
        NameNormalizer.standard.normalize(name).tokens.map(\.key)
    }

    static func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    static func forms(_ text: String, abjad: Bool) -> TokenForms {
        let key = NameNormalizer.standard.fold(text)
        var forms = TokenForms(key: bytes(key), text: bytes(text), phonetic: PhoneticKey.key(bytes(key))[...])
        forms.abjad = abjad
        return forms
    }

    // MARK: Abjads

    /// ج writes "zh" as well as "j" and "g"; alef and yeh open a word with one vowel; a final
    /// Latin "y" after a vowel is that vowel's; a consonant written twice is two consonants.
    @Test(arguments: [
        ("brighujin", "prigozhin", true), ("yfghini", "yevgeniy", true), ("aymrsun", "emmerson", true), ("mnnggva", "mnangagwa", true),
        ("mnanghaghwa", "mnangagwa", true), ("ybgni", "yevgeniy", true), ("sin", "sina", false), ("hsn", "hasim", false),
        ("brighujin", "brighton", false), ("aymrsun", "emerson", true), ("mnnggva", "mongol", false),
    ])
    func abjadWordsCompareAsTheAbjadWritesForeignNames(abjad: String, latin: String, matches: Bool) {
        #expect(AbjadComparison.matches(abjad: Self.bytes(abjad), latin: Self.bytes(latin)) == matches, "\(abjad) / \(latin)")
    }

    /// A Latin word without vowels ("HD", "NG") is initials or an acronym, not a skeleton that an
    /// abjad's word can sound like ("הודיה", Hodaya, was "hudia ≈ hd" against HD PARTS OY).
    @Test func aLatinSkeletonIsNotComparedAsAnAbjadsWord() {
        let parameters = ScoringParameters()
        #expect(TokenComparison.compare(Self.forms("hudia", abjad: true), Self.forms("hd", abjad: false), parameters: parameters) == nil)
        #expect(TokenComparison.compare(Self.forms("mhmd", abjad: true), Self.forms("muhammad", abjad: false), parameters: parameters)?.how == .phonetic)
        let (score, why) = ScreeningHardCaseTests.best("הודיה פרץ", [listed("HD", "HD PARTS OY", kind: .organisation)])
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    /// Hebrew ח after a letter an "h" would make a digraph of is "kh": "יצחק" (Yitzhak) is not
    /// folded to "ik", the key of the aircraft "YK-AND".
    @Test func hebrewHetDoesNotMakeADigraph() {
        #expect(HebrewRomanizer.latin("יצחק") == "ytskhk")
        #expect(HebrewRomanizer.latin("חיים") == "hym")
        let (score, why) = ScreeningHardCaseTests.best("אדם יצחק", [listed("YK", "YK-AND", kind: .aircraft)])
        #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)")
    }

    // MARK: Bengali

    @Test(arguments: [
        ("bhiktar", "viktar"), ("iyanukobhic", "yanukovich"), ("iyebhgeni", "yevgeni"), ("nangagaoya", "nangagwa"), ("nangaga'oya", "nangagwa"),
        ("oyashingtan", "washingtan"), ("erdoyan", "erdoyan"), ("rahman", "rahman"),
    ])
    func bengaliWritesTheSoundsOfForeignNamesItsWay(latin: String, read: String) {
        #expect(BengaliSpelling.foreign(latin) == read)
    }

    // MARK: Greek

    /// Greek τζ is "j", νγκ "ng", γι before a vowel "y", ου "u" in foreign names.
    @Test func greekDigraphsOfForeignNames() {
        #expect(Transliterator.latin("Κιμ Γιο-τζονγκ").lowercased() == "kim yo-jong")
        #expect(Transliterator.latin("Τζον") == "Jon")
        #expect(Transliterator.latin("Πούτιν") == "Putin")
    }

    // MARK: Korean names the Russian way

    /// Kontsevich writes the final ㅇ "н" ("Чжон" is 정, Jong); a lone "Ё" is 여/요, "yo";
    /// Georgian and Armenian write the glide with "i" ("იო").
    @Test(arguments: [
        ("Ким Ё Чжон", "KIM, Yo Jong"), ("Кім Йо Чжон", "KIM, Yo Jong"), ("კიმ იო ჯონი", "KIM, Yo Jong"), ("Քիմ Յո Ջոն", "KIM, Yo Jong"),
        ("Κιμ Γιο-τζονγκ", "KIM, Yo Jong"),
    ])
    func koreanNamesInRussianSpellingMatch(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }

    /// "-он" of a surname stays: Чон is the surname 전, Jon.
    @Test func kontsevichOnIsOngOnlyInGivenNames() {
        #expect(KoreanCyrillic.listSpelling("Chon Il Chon", source: "Чон Ир Чон") == "Chon Il Jong")
    }

    // MARK: Baltic endings

    /// A Lithuanian or Latvian ending on a stem spelt the language's way: the stem compared
    /// after folding. A short word keeps its letters ("Tomas" is not "Tom").
    @Test(arguments: [
        ("Jevgenijus Prigožinas", "PRIGOZHIN, Yevgeniy Viktorovich"), ("Viktoras Janukovyčius", "YANUKOVYCH, Viktor Fedorovych"),
        ("Jevgeņijs Prigožins", "PRIGOZHIN, Yevgeniy Viktorovich"),
    ])
    func balticSpellingsMatch(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }

    @Test func balticStems() {
        #expect(BalticEndings.stems(Self.bytes("jevgenijus")).map { String(decoding: $0, as: UTF8.self) } == ["jevgeni", "jevgenij"])
        #expect(BalticEndings.stems(Self.bytes("tomas")).isEmpty)
        // "-js" only after "i" or "e": an Arabic name written as two words ("يسير جس", "ysirjs") has none.
        #expect(BalticEndings.stems(Self.bytes("ysirjs")).isEmpty)
        #expect(BalticEndings.stems(Self.bytes("zelenskas")).map { String(decoding: $0, as: UTF8.self) } == ["zelensk"])
        let parameters = ScoringParameters()
        let tomas = Self.forms("tomas", abjad: false), tom = Self.forms("tom", abjad: false)
        #expect(BalticEndings.comparison(tomas, tom, folds: NameNormalizer.standard.folds, parameters: parameters) == nil)
    }

    // MARK: Abjads and transcriptions, whole names

    /// Foreign names in Arabic, Persian, Urdu, Hebrew, Bengali and Chinese that this round
    /// finds, each with the reason.
    @Test(arguments: [
        ("يفغيني بريغوجين", "PRIGOZHIN, Yevgeniy Viktorovich", "brighujin ≈ prigozhin (sounds alike)"),
        ("יבגני פריגוז'ין", "PRIGOZHIN, Yevgeniy Viktorovich", "ybgni ≈ yevgeniy (sounds alike)"),
        ("אמרסון מננגגווה", "MNANGAGWA, Emmerson Dambudzo", "mnnggva ≈ mnangagwa (sounds alike)"),
        ("إيمرسون منانغاغوا", "MNANGAGWA, Emmerson Dambudzo", "aymrsun ≈ emmerson (sounds alike)"),
        ("ইয়েভগেনি প্রিগোজিন", "PRIGOZHIN, Yevgeniy Viktorovich", "yevgeni"),
        ("ভিক্টর ইয়ানুকোভিচ", "YANUKOVYCH, Viktor Fedorovych", "viktar ≈ viktor"),
        ("叶夫根尼·普里戈任", "PRIGOZHIN, Yevgeniy Viktorovich", "puligeren ≈ prigozhin (sounds alike as written in Chinese"),
    ])
    func foreignNamesInOtherScriptsMatch(query: String, name: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
        #expect(why.contains(reason), "\(why)")
    }
}
