/// Names in the Latin alphabets of Turkish and Azerbaijani, read as the lists write them.
///
/// Azerbaijani "ə" is the vowel that other spellings of a name of Arabic or Persian origin write
/// "a" ("Əhməd" Ahmad, "Əsəd" Assad, "Əliyev" Aliyev), and of Turkish origin "e" ("Rəcəb"
/// Recep): the normaliser reads "e", so the name is also screened with "a" for it. Both
/// alphabets write the sound of English "j" with "c" and of "ch" with "ç" ("Cevad" Javad,
/// "Məhəmmədcavad" Mohammad Javad, "Yanukoviç" Yanukovych); a name with a letter only they have
/// (ə, ı, ğ, ş, ç, İ) is also screened with "j" for "c" and "ch" for "ç". (Turkish and
/// Azerbaijani alphabets: Türk Dil Kurumu, *Yazım Kılavuzu*; Azerbaijani Latin alphabet of 1992.)
enum TurkicLatin {
    /// Letters of the Turkish and Azerbaijani alphabets that other Latin alphabets lack.
    static let markers: Set<Unicode.Scalar> = ["ə", "Ə", "ı", "ğ", "Ğ", "ş", "Ş", "ç", "Ç", "İ"]

    /// The name as the lists would spell it, when it has a letter of `markers` and that changes
    /// it; nil otherwise.
    static func listSpelling(_ name: String) -> String? {
        guard name.unicodeScalars.contains(where: { markers.contains($0) }) else { return nil }
        var result = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "ə": result.append("a")
            case "Ə": result.append("A")
            case "c": result.append("j")
            case "C": result.append("J")
            case "ç": result.append(contentsOf: "ch".unicodeScalars)
            case "Ç": result.append(contentsOf: "Ch".unicodeScalars)
            default: result.append(scalar)
            }
        }
        let spelled = String(result)
        return spelled == name ? nil : spelled
    }
}

extension NameScreener {
    /// When the query is written in the Turkish or Azerbaijani alphabet (`TurkicLatin`), its
    /// spelling as the lists write it, with the words its matches' reason starts with ("read as
    /// Turkish or Azerbaijani, Mahir Əsəd → Mahir Asad: ...").
    func turkicReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        guard let spelled = TurkicLatin.listSpelling(query.name) else { return [] }
        return [(spelled, "read as Turkish or Azerbaijani, \(query.name) → \(spelled): ")]
    }
}
