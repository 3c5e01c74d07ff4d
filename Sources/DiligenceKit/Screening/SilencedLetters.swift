/// Thai, Lao and Khmer write the letters of a foreign name that their own sounds lack and mark
/// them silent (Thai thanthakhat "์", Lao "໌", Khmer "៍"): Thai Wikipedia writes Volodymyr
/// "วอลอดีมีร์", its final r written and not said, Mohammed Deif "มุฮัมมัด ดัยฟ์" (the f), Yahya
/// Jammeh "ยะห์ยา จัมเมห์" (both h). Read as said, the name loses the letters a list writes
/// ("wolodimi", "day", "chamme"); a name with such a mark is also read with them ("wolodimir",
/// "dayf", "chammeh"). Both readings are screened and an entity's best match is kept, so a
/// name of the script's own ("สมศักดิ์", Somsak, read "somsak") keeps its reading.
enum SilencedLetters {
    /// The name with its Thai, Lao and Khmer words romanised keeping their silenced letters, or
    /// nil when no word has a cancellation mark (other words as written).
    static func reading(of name: String, romanizer: ScriptRomanizer) -> String? {
        guard hasCancellationMark(name) else { return nil }
        var words: [String] = []
        for word in name.split(separator: " ", omittingEmptySubsequences: true) {
            let text = String(word)
            words.append(ScriptRomanizer.applies(to: text) ? romanizer.latin(text, syllables: false, keepingSilenced: true) : text)
        }
        return words.joined(separator: " ")
    }

    /// Whether a word of the name has a cancellation mark: all three are three bytes in UTF-8,
    /// led by 0xE0 or 0xE1, so a name without those bytes (ASCII, Latin, Cyrillic) has none.
    static func hasCancellationMark(_ name: String) -> Bool {
        name.utf8.contains(where: { $0 == 0xE0 || $0 == 0xE1 }) && name.unicodeScalars.contains(where: isCancellationMark)
    }

    /// Thai thanthakhat, Lao cancellation mark, Khmer toandakhiat.
    static func isCancellationMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x0E4C || scalar.value == 0x0ECC || scalar.value == 0x17CD
    }
}

extension NameScreener {
    /// When the query has a word with letters Thai, Lao or Khmer marks silent, its reading with
    /// them, with the words its matches' reason starts with ("read with the letters Thai marks
    /// silent, มุฮัมมัด ดัยฟ์ → muhammad dayf: ...").
    func silencedLetterReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        // The romanisation table is loaded only for a name with a mark (most runs have none).
        guard SilencedLetters.hasCancellationMark(query.name), let romanizer = ScriptRomanizer.standard,
            let reading = SilencedLetters.reading(of: query.name, romanizer: romanizer)
        else {
            return []
        }
        return [(reading, "read with the letters its script marks silent, \(query.name) → \(reading): ")]
    }
}
