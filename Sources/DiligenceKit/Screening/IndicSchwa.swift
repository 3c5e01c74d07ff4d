/// Schwa deletion for the North Indian scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya):
/// a consonant without a vowel sign is written with its inherent "a" by ICU ("पुतिन" →
/// "putina", "अहमद" → "ahamada"), though Hindi, Bengali, Punjabi and Gujarati do not say it at the
/// end of a word nor between a vowel and a consonant followed by a vowel (Ohala's rule,
/// a → ∅ / VC_CV, applied right to left). A virama is written after such a consonant before ICU
/// romanises the word: "putin", "ahmad", "jong". A final consonant after another (a conjunct:
/// "नरेन्द्र", "Narendra") keeps its vowel, and so does a word of one consonant.
enum IndicSchwa {
    /// The first code point of the script's block, for a scalar of one of these scripts.
    static func block(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x0900...0x097F, 0x0980...0x09FF, 0x0A00...0x0A7F, 0x0A80...0x0AFF, 0x0B00...0x0B7F: value & ~0x7F
        default: nil
        }
    }

    static func isConsonant(_ offset: UInt32) -> Bool { (0x15...0x39).contains(offset) || (0x58...0x5F).contains(offset) }
    static func isVowelSign(_ offset: UInt32) -> Bool { (0x3E...0x4C).contains(offset) || (0x55...0x57).contains(offset) || (0x62...0x63).contains(offset) }
    static func isIndependentVowel(_ offset: UInt32) -> Bool { (0x05...0x14).contains(offset) || (0x60...0x61).contains(offset) }
    static let virama: UInt32 = 0x4D
    static let nukta: UInt32 = 0x3C

    /// A unit of the word: a consonant (with its nukta, sign or virama and marks after it), an
    /// independent vowel, or anything else.
    private struct Unit {
        var scalars: [Unicode.Scalar]
        var block: UInt32?
        var isConsonant = false
        /// A consonant with no vowel sign and no virama.
        var hasInherentVowel = false
        var hasVirama = false
        var isVowel = false
    }

    /// The word with a virama after each consonant whose inherent vowel is not said.
    static func deleted(in word: String) -> String {
        guard word.unicodeScalars.contains(where: { block($0.value) != nil }) else { return word }
        var units: [Unit] = []
        for scalar in word.unicodeScalars {
            let value = scalar.value
            guard let base = block(value) else {
                units.append(Unit(scalars: [scalar], block: nil))
                continue
            }
            let offset = value - base
            if isConsonant(offset) {
                units.append(Unit(scalars: [scalar], block: base, isConsonant: true, hasInherentVowel: true))
            } else if isIndependentVowel(offset) {
                units.append(Unit(scalars: [scalar], block: base, isVowel: true))
            } else if var last = units.popLast(), last.block == base {
                last.scalars.append(scalar)
                if last.isConsonant, isVowelSign(offset) {
                    last.hasInherentVowel = false
                    last.isVowel = true
                } else if last.isConsonant, offset == virama {
                    last.hasInherentVowel = false
                    last.hasVirama = true
                }
                units.append(last)
            } else {
                units.append(Unit(scalars: [scalar], block: base))
            }
        }
        // Right to left: a final consonant, then VC_CV.
        var silent = [Bool](repeating: false, count: units.count)
        func voiced(_ index: Int) -> Bool {
            index >= 0 && index < units.count && (units[index].isVowel || (units[index].hasInherentVowel && !silent[index]))
        }
        for index in units.indices.reversed() where units[index].hasInherentVowel {
            let isLast = index == units.count - 1 || units[index + 1].block == nil
            if isLast {
                let afterConjunct = index > 0 && units[index - 1].hasVirama
                if index > 0, units[index - 1].block != nil, !afterConjunct { silent[index] = true }
            } else if index > 0, voiced(index - 1), units[index + 1].isConsonant, voiced(index + 1) {
                silent[index] = true
            }
        }
        guard silent.contains(true) else { return word }
        var result = String.UnicodeScalarView()
        for (index, unit) in units.enumerated() {
            result.append(contentsOf: unit.scalars)
            if silent[index], let base = unit.block, let mark = Unicode.Scalar(base + virama) {
                // The virama goes right after the consonant (and its nukta), before any mark.
                let letters = unit.scalars.prefix { ($0.value - base) == nukta || isConsonant($0.value - base) }
                result.removeLast(unit.scalars.count)
                result.append(contentsOf: letters)
                result.append(mark)
                result.append(contentsOf: unit.scalars.dropFirst(letters.count))
            }
        }
        return String(result)
    }
}
