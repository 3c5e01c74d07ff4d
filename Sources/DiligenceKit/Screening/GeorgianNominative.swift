/// Georgian writes a foreign name that ends in a consonant with its nominative ending "-ი" (i):
/// Georgian Wikipedia titles Delcy Rodríguez "დელსი როდრიგესი" ("rodrigesi"), Mohammed Deif
/// "მუჰამად დეიფი" ("deipi"), To Lam "ტო ლამი". Read with the ending, a short word is an edit
/// or a sound away from the listed one ("deipi" / "Deif": no sound key joins them), so a
/// Georgian name is also read without it, each word that ends in a consonant and "ი" and keeps
/// three letters ("დეიფ", Deif). Georgian's own names keep their reading: both are screened, the
/// best match of an entity is kept. Chinese names in Georgian are read in pinyin by
/// `ChineseGeorgianArmenian`, which drops the ending after "ნ".
enum GeorgianNominative {
    /// The name with the nominative ending taken off each word that has it, or nil when no word
    /// has it (or the name has no Georgian letter).
    static func reading(of name: String) -> String? {
        guard name.utf8.contains(0xE1), name.unicodeScalars.contains(where: isGeorgianLetter) else { return nil }
        var changed = false
        var result = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            if word.count >= 4, word.last == "\u{10D8}", !isVowel(word[word.count - 2]), word.allSatisfy(isGeorgianLetter) {
                word.removeLast()
                changed = true
            }
            result.append(contentsOf: word)
            word.removeAll(keepingCapacity: true)
        }
        for scalar in name.unicodeScalars {
            if isGeorgianLetter(scalar) {
                word.append(scalar)
            } else {
                flush()
                result.append(scalar)
            }
        }
        flush()
        return changed ? String(result) : nil
    }

    /// A letter of the modern Georgian alphabet (Mkhedruli).
    static func isGeorgianLetter(_ scalar: Unicode.Scalar) -> Bool { (0x10D0...0x10FA).contains(scalar.value) }

    /// ა, ე, ი, ო, უ.
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{10D0}" || scalar == "\u{10D4}" || scalar == "\u{10D8}" || scalar == "\u{10DD}" || scalar == "\u{10E3}"
    }
}

extension NameScreener {
    /// When the query is a Georgian name with the nominative ending, its reading without it, with
    /// the words its matches' reason starts with ("read without Georgian's nominative ending,
    /// მუჰამად დეიფი → მუჰამად დეიფ: ...").
    func georgianNominativeReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        guard let reading = GeorgianNominative.reading(of: query.name) else { return [] }
        return [(reading, "read without Georgian's nominative ending, \(query.name) → \(reading): ")]
    }
}
