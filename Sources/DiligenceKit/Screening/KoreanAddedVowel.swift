/// The vowel ㅡ ("eu") Korean adds to a foreign consonant that no vowel follows, in a name
/// transcribed into Hangul: "구스만" is Guzmán ("gu-seu-man"), "다우드" Dawood ("da-u-deu"),
/// "이브라힘" Ibrahim ("i-beu-la-him"), "모흐세니" Mohseni. Latin spellings of the name do not
/// write it, and one added vowel a word is already two letters the comparison cannot allow.
///
/// Only a syllable of a consonant and ㅡ without a final consonant ("스", "드", "브", "흐") is read
/// so: no Han character is read with one (`Transcription.isSinoKoreanSyllable`), so no
/// Korean name has it. The vowel alone ("으") is a vowel and stays. Only words of two syllables
/// or more that are read as a transcription are read so (`Transliterator.latinWord`).
enum KoreanAddedVowel {
    /// Whether a Hangul syllable is a consonant and the added ㅡ: medial 18, no final, not the
    /// silent initial ㅇ (11).
    static func isAdded(_ syllable: Unicode.Scalar) -> Bool {
        guard Transliterator.isHangulSyllable(syllable.value) else { return false }
        let index = Int(syllable.value) - 0xAC00
        return (index % 588) / 28 == 18 && index % 28 == 0 && index / 588 != 11
    }

    /// Whether a word is two Hangul syllables or more, all Hangul, one with the added vowel.
    static func applies(to word: String) -> Bool {
        var count = 0
        var added = false
        for scalar in word.unicodeScalars {
            guard Transliterator.isHangulSyllable(scalar.value) else { return false }
            count += 1
            if isAdded(scalar) { added = true }
        }
        return count >= 2 && added
    }

    /// The word romanised by `romanise`, each added vowel's syllable by its consonant alone
    /// (the runs between them are romanised whole, as the word was).
    static func latin(_ word: String, romanise: (String) -> String) -> String {
        var result = ""
        var run = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            guard isAdded(scalar) else {
                run.append(scalar)
                continue
            }
            if !run.isEmpty {
                result += romanise(String(run))
                run = String.UnicodeScalarView()
            }
            var syllable = romanise(String(scalar))
            if syllable.lowercased().hasSuffix("eu") { syllable.removeLast(2) }
            result += syllable
        }
        if !run.isEmpty { result += romanise(String(run)) }
        return result
    }
}
