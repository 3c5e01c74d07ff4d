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
}
