import Foundation

/// Turns a name in any script into comparable tokens: transliterated to Latin (Cyrillic by
/// BGN/PCGN, the romanisation OFAC and the EU use), without diacritics, lower-case, split on
/// punctuation, with legal forms and honorifics dropped and common spelling variants of
/// transliteration folded ("sh"/"š", "y"/"i", "kh"/"h").
public enum NameNormalizer {
    /// Legal-form and title tokens that do not identify anyone.
    static let ignoredTokens: Set<String> = [
        "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "gmbh", "ag",
        "sa", "sarl", "sas", "lda", "as", "ab", "oy", "bv", "nv", "srl", "spa", "jsc", "ojsc", "cjsc", "pjsc", "ooo",
        "zao", "oao", "pao", "tov", "uab", "sia", "pty", "the", "of", "and",
        "mr", "mrs", "ms", "dr", "col", "colonel", "gen", "general", "president", "mister", "sir",
    ]

    /// The normalised tokens of a name, in written order. Legal forms are dropped before
    /// folding, which would turn "llc" into "lc" and "company" into "compani".
    public static func tokens(_ name: String) -> [String] {
        latinLower(name)
            .split(whereSeparator: \.isWhitespace)
            .map(joiningDottedLetters)
            .joined(separator: " ")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
            .filter { !ignoredTokens.contains($0) }
            .map(fold)
            .filter { !$0.isEmpty }
    }

    /// "s.a.r.l." → "sarl", "l.l.c." → "llc": a dotted abbreviation is one word, so legal forms
    /// written with dots are recognised and dropped like their undotted forms.
    static func joiningDottedLetters(_ word: Substring) -> String {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.dropLast().allSatisfy({ $0.count == 1 }), let last = parts.last, last.count <= 1 else {
            return String(word)
        }
        return parts.joined()
    }

    /// Latin script, no diacritics, lower-case.
    public static func latinLower(_ name: String) -> String {
        var text = name
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            if text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                text = text.applyingTransform(StringTransform("Russian-Latin/BGN"), reverse: false) ?? text
            }
            text = text.applyingTransform(.toLatin, reverse: false) ?? text
            text = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
            // BGN/PCGN marks (soft and hard signs, the middle dot in "Lukash·enka") are not letters
            // of the name; left in, the dot would split a word in two.
            text = text.replacingOccurrences(of: "ʹ", with: "").replacingOccurrences(of: "ʺ", with: "")
                .replacingOccurrences(of: "·", with: "")
        }
        return text.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
    }

    /// Folds spellings that differ only by transliteration convention.
    static func fold(_ token: String) -> String {
        var text = token
        for (from, to) in [("shch", "sc"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"), ("ts", "c"),
                           ("yu", "iu"), ("ya", "ia"), ("ye", "e"), ("ie", "e"), ("y", "i"), ("w", "v"),
                           ("ks", "x"), ("ph", "f"), ("ou", "u")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        // Collapse doubled letters ("Grigorievich"/"Grigoriyevich" → same, "Allah"/"Alah").
        var result = ""
        for character in text where result.last != character { result.append(character) }
        return result
    }
}
