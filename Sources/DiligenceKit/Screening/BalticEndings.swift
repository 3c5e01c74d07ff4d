/// Lithuanian and Latvian write a foreign name with their own nominative endings and their own
/// letters for its sounds at once: "Jevgenijus Prigožinas" (Lithuanian Wikipedia) for
/// Yevgeniy Prigozhin, "Viktoras Janukovyčius" for Viktor Yanukovych, "Jevgeņijs" in Latvian.
/// `TokenComparison.inflectedEnding` matches an ending added to the very same key ("Putinas" /
/// "Putin"); when the stem is spelt otherwise too ("Jevgenij" is "Yevgeniy" by the folds and one
/// edit), the ending is taken off the word as written, the stem folded, and the two compared as
/// a typo within the edit budget of the longer.
///
/// The endings are the masculine nominatives of Lithuanian (-as, -is, -ys, -us, and -ius, -jus
/// after a stem in a consonant or "i") and Latvian (-is, -us, -js, and a bare "-s" after a stem of
/// five letters or more ending in a consonant: "Sergejs", "Nariškins", "Patruševs", where the stem
/// is spelt otherwise too, which one edit for the "s" and another for the stem exceed): Ambrazas, Vytautas, and
/// Lithuanian grammars' rules for adapting foreign names (Valstybinė lietuvių kalbos komisija,
/// "Nelietuviškų asmenvardžių rašymo taisyklės"; Latvian: Valsts valodas centrs,
/// "Citvalodu personvārdu atveide latviešu valodā").
enum BalticEndings {
    /// Endings, longest first.
    static let endings: [[UInt8]] = ["ius", "jus", "js", "as", "is", "ys", "us", "s"].map { Array($0.utf8) }

    /// The stems of a word as written (lower-case ASCII) without each ending it has, the stem at
    /// least four letters long, the stem ending in a consonant or "i" as the endings follow.
    static func stems(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        endings.compactMap { stem(of: text, without: $0) }
    }

    static let js = Array("js".utf8)

    /// The word without `ending` when it has that ending after a stem `stems` allows; nil
    /// otherwise. (No array is made: most words compared end in no ending.)
    static func stem(of text: ArraySlice<UInt8>, without ending: [UInt8]) -> ArraySlice<UInt8>? {
        guard text.count >= ending.count + 4, text.suffix(ending.count).elementsEqual(ending) else { return nil }
        let stem = text.dropLast(ending.count)
        guard let last = stem.last else { return nil }
        // "-js" follows "i" or "e" (Latvian "Jevgeņijs", "Sergejs"); the others a consonant,
        // or "i" ("Jevgenijus": "-jus" after "i").
        if ending == js {
            guard last == UInt8(ascii: "i") || last == UInt8(ascii: "e") else { return nil }
        } else if ending.count == 1 {
            // Latvian's bare "-s": after a consonant that is no "s" ("Nariškin-s", "Patrušev-s"),
            // a "j" only after a vowel ("Nikolaj-s"; "Sergejs" is "-js" after "e").
            guard stem.count >= 5, !"aeiouys".utf8.contains(last) else { return nil }
            if last == UInt8(ascii: "j") {
                guard let before = stem.dropLast().last, "aeiou".utf8.contains(before) else { return nil }
            }
        } else {
            guard !"aeouy".utf8.contains(last) else { return nil }
        }
        return stem
    }

    /// A typo match between a word with a Baltic ending and another word: the stem folded
    /// (`folds`) against the other's key within the edit budget, with the Jaro-Winkler
    /// similarity a typo needs; nil when neither word has an ending that makes them match.
    static func comparison(_ a: TokenForms, _ b: TokenForms, folds: SpellingFolds, parameters: ScoringParameters) -> TokenComparison? {
        // Most pairs compared end in no "s" on either side: they leave here, with no array of
        // the two orders made (that, once per pair, was most of this rule's cost).
        if a.text.last == UInt8(ascii: "s"), let found = oneWay(a, b, folds: folds, parameters: parameters) { return found }
        if b.text.last == UInt8(ascii: "s") { return oneWay(b, a, folds: folds, parameters: parameters) }
        return nil
    }

    /// Whether the other word ends in a glide or "i" ("j", "y", "i", which the lists' spellings
    /// swap) and the stem in one too, or in the "e" or "i" a "-js" ending followed ("Serge-js").
    static func glides(_ stem: UInt8?, _ other: UInt8?) -> Bool {
        guard let stem, let other else { return false }
        return "jyie".utf8.contains(stem) && "jyi".utf8.contains(other)
    }

    /// `comparison` with the ending on `x`'s side only.
    private static func oneWay(_ x: TokenForms, _ y: TokenForms, folds: SpellingFolds, parameters: ScoringParameters) -> TokenComparison? {
        guard x.transcription == nil, !x.abjad, !x.text.contains(where: ASCII.isDigit) else { return nil }
        for ending in endings {
            guard let stem = stem(of: x.text, without: ending),
                abs(stem.count - y.key.count) <= 3 && (stem.last == y.text.last || stem.last == y.key.last || glides(stem.last, y.text.last))
                    // A bare "-s" (one letter) ends many words of other languages ("Williams"): its stem
                    // is compared only with a word that starts as it does.
                    && (x.text.count - stem.count > 1 || stem.first == y.text.first || stem.first == y.key.first)
            else { continue }
            // (The stem ends as the other word does, as written or folded, or both in a glide
            // ("Serge-js"/"Sergey", "Nikolaj-s"/"Nikolai"): a cheap test before folding, which
            // most pairs compared fail.)
            let key = folds.apply(Array(stem))
            guard key.count >= 4, abs(key.count - y.key.count) <= 2 else { continue }
            let budget = parameters.editBudget(length: max(key.count, y.key.count))
            guard budget > 0 else { continue }
            let edits = StringDistance.editDistance(key[...], y.key, limit: budget)
            guard edits <= budget else { continue }
            let similarity = StringDistance.jaroWinkler(key[...], y.key)
            guard similarity >= parameters.minimumTypoSimilarity else { continue }
            return TokenComparison(how: .typo, similarity: similarity, edits: edits + x.text.count - stem.count)
        }
        return nil
    }
}
