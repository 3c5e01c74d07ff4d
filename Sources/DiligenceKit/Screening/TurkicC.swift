/// The "c" of a name of Arabic or Persian origin spelt the Turkish or Azerbaijani way, which is
/// the "j" of the English spelling the lists write: "Cevad" is Javad, "Müctebâ" Mojtaba,
/// "Cemal" Jamal, "Recep" Rajab. `TurkicLatin` reads every "c" so in a name that has a letter
/// only those alphabets have; a name without one ("Muhammed Cevad Zarif") is compared word by
/// word here: a Latin word with a "c" (not "ch") against a word with a "j", four letters or
/// more, is compared again with its "c" written "j", and counts when the two are then the same
/// word, a typo apart or alike in sound (`comparison`). A word that stands for itself with a
/// "c" and a "j" ("Cuan"/"Juan") is still another word: only what the respelling makes equal
/// or near counts, and only once every other comparison failed.
enum TurkicC {
    /// The comparison of `a` and `b` with the "c" of one read "j", when the other has a "j";
    /// nil otherwise or when they are still not one word.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard !a.nonLatin, !b.nonLatin, !a.abjad, !b.abjad, min(a.key.count, b.key.count) >= 4 else { return nil }
        let aText = a.text.isEmpty ? a.key : a.text, bText = b.text.isEmpty ? b.key : b.text
        if bText.contains(UInt8(ascii: "j")), let respelled = respelled(aText) {
            return compare(respelled, against: b, parameters: parameters)
        }
        if aText.contains(UInt8(ascii: "j")), let respelled = respelled(bText) {
            return compare(respelled, against: a, parameters: parameters)
        }
        return nil
    }

    /// The word with each "c" that opens no "ch" written "j"; nil when it has none.
    static func respelled(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        Respelling.replacing(UInt8(ascii: "c"), in: text, with: UInt8(ascii: "j"))
    }

    /// `written` (a respelled word) against `other`: the same, a typo or a sound-alike.
    static func compare(_ written: [UInt8], against other: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        let key = NameNormalizer.standard.folds.apply(written)
        return Respelling.comparison(key: key[...], text: written[...], against: other, parameters: parameters, kinds: [.exact, .spelling, .typo, .phonetic])
    }
}
