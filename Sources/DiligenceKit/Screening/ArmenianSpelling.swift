/// Armenian's vowel "u", written with two letters, "ու" (vo and yiwn), read as "u" when the word
/// opens with it in capitals ("Ու"; all capitals "ՈՒ"). ICU's Armenian-Latin reads the small
/// "ու" as "u" ("Մուհամմադ" → "muhammad") but the capital vo and a small yiwn as "ow", so a name
/// opening with the sound is misread: "Ուսամա" (Usama) was "owsama", "Ուսմանով" (Usmanov)
/// "owsmanov", "Ուիլյամ" (William) "owilyam". Armenian writes every foreign "u" and "w" so.
enum ArmenianSpelling {
    /// The word with a capital "Ու" or "ՈՒ" written as the Latin "U" it is read as; any other
    /// word unchanged.
    static func openingU(_ word: String) -> String {
        guard word.unicodeScalars.contains(capitalVo) else { return word }
        var result = String.UnicodeScalarView()
        var scalars = word.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == capitalVo, let next = scalars.first, next == smallYiwn || next == capitalYiwn {
                result.append("U")
                scalars = scalars.dropFirst()
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static let capitalVo: Unicode.Scalar = "\u{0548}"
    static let smallYiwn: Unicode.Scalar = "\u{0582}"
    static let capitalYiwn: Unicode.Scalar = "\u{0552}"
}
