/// An Arabic-script word opening with ain (ع), read as a word opening with alef (ا): a vowel
/// the Latin spelling writes, of any quality.
///
/// ICU writes ain "ʿ", a mark that the romanisation drops, so "علي" (Ali) was read "li" and
/// "عبدالملک" (Abdul Malik) "bdalmlk": the opening vowel lost, the word no longer met the listed
/// "Ali" (Persian, Urdu and Arabic write the most common of given names so). Latin spellings
/// of a name write the ain at the start of a word as its vowel ("Ali", "Omar", "Umar",
/// "Abdullah", "Issa"), which an alef stands for as well: the abjad comparison lets an opening
/// alef carry any vowel (`AbjadComparison.pairs`), so "عمر" read "amr" is "Omar" and "Umar".
/// Within a word the ain stays unwritten ("اسماعیل", "Ismail"; "سعد", "Saad").
enum ArabicOpeningAin {
    /// The word with an opening ain written as alef; other words unchanged.
    static func read(_ word: String) -> String {
        guard word.unicodeScalars.first == ain else { return word }
        var scalars = word.unicodeScalars
        scalars.replaceSubrange(scalars.startIndex..<scalars.index(after: scalars.startIndex), with: CollectionOfOne(alef))
        return String(scalars)
    }

    static let ain: Unicode.Scalar = "\u{0639}"
    static let alef: Unicode.Scalar = "\u{0627}"
}
