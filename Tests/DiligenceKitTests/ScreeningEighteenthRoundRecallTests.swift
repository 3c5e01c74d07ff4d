import Testing

@testable import DiligenceKit

/// The eighteenth round's recall (recall13), found on the cross-script development sets
/// (`benchmarks/screening/cross-script-dev*.tsv`): the letters Thai, Lao and Khmer write of a
/// foreign name and mark silent (`SilencedLetters`), and short abjad words
/// (`AbjadComparison.shortWordMatches`). Each case is a public person's name as a Wikipedia
/// edition titles it, against the list's spelling.
struct ScreeningEighteenthRoundRecallTests {
    static var romanizer: ScriptRomanizer { get throws { try ScriptRomanizer.builtin() } }

    /// A word with a cancellation mark is read with the letter it silences; words without one,
    /// and other scripts, are read as the romaniser reads them or left.
    @Test(arguments: [
        ("วอลอดีมีร์ เซเลนสกี", "wolodimir selenski"), ("มุฮัมมัด ดัยฟ์", "muhammad dayf"),
        ("ยะห์ยา จัมเมห์", "yahya chammeh"), ("Ali ดัยฟ์", "Ali dayf"),
        ("มิน อ่อง หล่าย", nil), ("Deif", nil), ("Дейф", nil),
    ])
    func silencedLettersAreRead(written: String, read: String?) throws {
        #expect(SilencedLetters.reading(of: written, romanizer: try Self.romanizer) == read)
    }

    /// As said, the silenced letter is not read: the romaniser's reading is unchanged.
    @Test func silencedLettersAreNotReadOtherwise() throws {
        let romanizer = try Self.romanizer
        #expect(romanizer.latin("ดัยฟ์", syllables: false) == "day")
        #expect(romanizer.latin("ดัยฟ์", syllables: false, keepingSilenced: true) == "dayf")
    }

    /// Read with their silenced letters, Thai writings of foreign names match the list, the
    /// reason saying how the name was read; as said, each was below the threshold.
    @Test(arguments: [
        ("มุฮัมมัด ดัยฟ์", "DEIF, Muhammed"), ("ยะห์ยา จัมเมห์", "JAMMEH, Yahya"),
        ("วอลอดีมีร์ เซเลนสกี", "ZELENSKYY, Volodymyr"), ("ฮัสซัน นัสรุลลอฮ์", "NASRALLAH, Hasan"),
        ("อามีร์ อาลี ฮาจิซาเดห์", "HAJIZADEH, Amir Ali"),
    ])
    func thaiNamesMatchWithTheirSilencedLetters(written: String, listedName: String) {
        let (score, why) = ScreeningHardCaseTests.best(written, [listed("P", listedName)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix("read with the letters its script marks silent, \(written) → "), "\(why)")
    }

    /// A short abjad word of one consonant ("تو", "טו", To Lam's To, read "tu") matches a Latin
    /// word written alike element by element, its vowel of the kind the abjad's letter writes; no
    /// unwritten vowel, no vowel of another kind, no consonant of another class.
    @Test(arguments: [
        ("tu", "to", true), ("tu", "tu", true), ("tu", "du", true), ("li", "lee", true), ("tu", "tao", false),
        ("tu", "tuan", false), ("tu", "ta", false), ("li", "ali", false), ("tu", "su", false), ("li", "ly", false),
    ])
    func shortAbjadWords(abjad: String, latin: String, matches: Bool) {
        #expect(AbjadComparison.matches(abjad: Array(abjad.utf8)[...], latin: Array(latin.utf8)[...]) == matches)
    }

    /// To Lam in Arabic script and Hebrew matches the list: "tu" for To; before, "tu" was only
    /// "lam = lam" (0.55).
    @Test(arguments: ["تو لام", "טו לאם"])
    func toLamInAbjads(written: String) {
        let (score, why) = ScreeningHardCaseTests.best(written, [listed("P", "TO, Lam")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("tu ≈ to"), "\(why)")
    }

    /// "tu" (a Chinese and Vietnamese name word) is the folded key of Kazakh "too" (ТОО, a legal
    /// form) but written as no legal form: it stays a name word at a name's edge; "too" and "ТОО"
    /// are still the legal form.
    @Test func aWordThatIsOnlyAFoldedFormKeyIsAName() {
        let normalizer = NameNormalizer.standard
        #expect(normalizer.normalize("Tu Lam").keys == ["tu", "lam"])
        #expect(normalizer.normalize("Lam Tu").keys == ["lam", "tu"])
        #expect(normalizer.normalize("TU, Youyou").keys.contains("tu"))
        #expect(normalizer.normalize("Kazakh Trading TOO").legalForms.map(\.formClass) == ["llc"])
        #expect(normalizer.normalize("ТОО Казах").legalForms.map(\.formClass) == ["llc"])
    }
}
