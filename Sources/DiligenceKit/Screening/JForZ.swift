/// Bengali has no letter for z and writes it জ, the letter of j ("জারিফ" Zarif, "বোজিজে"
/// Bozize, "রদ্রিগেজ" Rodríguez, "চেমেজভ" Chemezov); Hindi writes ज़ but often drops the dot
/// that makes ज a z. The romanised word then has a "j" where the list spelling has a "z", and
/// at two such letters or in a short word, no typo the comparison allows.
///
/// A word of a query written in another script than Latin, Cyrillic, Greek, Arabic or Hebrew
/// letters and not read as a transcription (the skeletons of `Transcription` already take j
/// for z), with a "j" facing a "z" of a listed Latin word (within two places), is compared again
/// with each such "j" written "z", once every other comparison failed, and counts when the two
/// are then the same word, or a typo apart in a word of six letters or more (`comparison`): a
/// native "j" facing no "z" stays a j.
enum JForZ {
    /// The query word's text with each "j" (not "jh") that faces a "z" of `listed` written "z";
    /// nil when none does.
    static func respelled(_ text: ArraySlice<UInt8>, facing listed: ArraySlice<UInt8>) -> [UInt8]? {
        Respelling.replacing(UInt8(ascii: "j"), in: text, with: UInt8(ascii: "z")) { offset in
            let low = max(0, offset - 2), high = min(listed.count - 1, offset + 2)
            return low <= high && listed[(listed.startIndex + low)...(listed.startIndex + high)].contains(UInt8(ascii: "z"))
        }
    }

    /// The word's text with every "j" (not "jh") written "z", for the lookup of candidates; nil
    /// when it has none, or is shorter than four letters.
    static func everyJ(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 4 else { return nil }
        return Respelling.replacing(UInt8(ascii: "j"), in: text, with: UInt8(ascii: "z"))
    }

    /// The comparison of a query word of such a script and a listed Latin word with the query's
    /// "j" read "z" where the listed word has one: the same word (a spelling) or a typo; nil
    /// otherwise.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        // The forms are read where they are (borrowed), not copied: most pairs leave at the guards.
        a.nonLatin ? respelledComparison(query: a, listed: b, parameters: parameters) : respelledComparison(query: b, listed: a, parameters: parameters)
    }

    /// `comparison`, the query word and the listed word told apart.
    static func respelledComparison(query: TokenForms, listed: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard query.nonLatin, !listed.nonLatin, !query.cyrillic, !query.greek, !query.abjad, query.transcription == nil,
            min(query.key.count, listed.key.count) >= 4, abs(query.key.count - listed.key.count) <= 2,
            listed.key.contains(UInt8(ascii: "z")), query.text.contains(UInt8(ascii: "j")),
            let written = respelled(query.text, facing: listed.text.isEmpty ? listed.key : listed.text)
        else { return nil }
        let key = NameNormalizer.standard.folds.apply(written)
        // A typo on top of the respelling only in a word of six letters or more: "অজয়" (Ajay)
        // read "azay" is a letter from "Azam", another name.
        let typo = min(key.count, listed.key.count) >= 6
        return Respelling.comparison(
            key: key[...], text: written[...], against: listed, parameters: parameters, kinds: typo ? [.exact, .spelling, .typo] : [.exact, .spelling])
    }
}
