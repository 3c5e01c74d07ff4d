/// Greek has no letters for b, d and g in foreign names and writes them "μπ", "ντ" and "γκ",
/// which also write mb and mp, nd and nt, ng and nk: "Κιντέρο" is Quintero, "Νταγκάντα"
/// Ntaganda, "Λουμούμπα" Lumumba. The transliteration reads them b, d and g
/// (`Transliterator.greekForeignStops`), as most foreign names need ("Βολοντίμιρ" Volodymyr,
/// "Αμπού" Abu); a listed word with the nasal written is then two letters apart.
///
/// A word of a query written in Greek against a listed Latin word with "mb", "mp", "nd", "nt",
/// "ng" or "nk": the listed word is compared again with each such pair written as its stop
/// ("quintero" → "kidero" on the keys), once every other comparison failed, and counts when the
/// two are then the same word or a typo apart (`comparison`).
enum GreekNasalStop {
    /// The listed key with each nasal and stop written as the stop Greek writes for both
    /// ("kintero" → "kidero", "ntaganda" → "dagada"), or nil when it has none.
    static func stops(_ key: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(key.count)
        var changed = false
        var index = key.startIndex
        while index < key.endIndex {
            let byte = key[index]
            let next: UInt8 = index + 1 < key.endIndex ? key[index + 1] : 0
            if let stop = stop(nasal: byte, next) {
                result.append(stop)
                changed = true
                index += 2
                continue
            }
            result.append(byte)
            index += 1
        }
        return changed ? result : nil
    }

    /// The stop Greek writes for a nasal and a stop (mb, mp: b; nd, nt: d; ng, nk: g), or nil.
    static func stop(nasal: UInt8, _ next: UInt8) -> UInt8? {
        switch (nasal, next) {
        case (UInt8(ascii: "m"), UInt8(ascii: "b")), (UInt8(ascii: "m"), UInt8(ascii: "p")): UInt8(ascii: "b")
        case (UInt8(ascii: "n"), UInt8(ascii: "d")), (UInt8(ascii: "n"), UInt8(ascii: "t")): UInt8(ascii: "d")
        case (UInt8(ascii: "n"), UInt8(ascii: "g")), (UInt8(ascii: "n"), UInt8(ascii: "k")): UInt8(ascii: "g")
        default: nil
        }
    }

    /// The comparison of a Greek query word and a listed Latin word with the listed word's nasals
    /// and stops written as Greek writes them: the same word (a spelling) or a typo; nil otherwise.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard a.greek != b.greek else { return nil }
        return a.greek ? stopsComparison(query: a, listed: b, parameters: parameters) : stopsComparison(query: b, listed: a, parameters: parameters)
    }

    /// `comparison`, the query word and the listed word told apart.
    static func stopsComparison(query: TokenForms, listed: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard !listed.nonLatin, listed.key.count >= 4, query.key.count >= 3, query.key.count < listed.key.count,
            let written = stops(listed.key), abs(written.count - query.key.count) <= 1
        else { return nil }
        return Respelling.comparison(key: written[...], text: written[...], against: query, parameters: parameters, kinds: [.exact, .spelling, .typo])
    }
}
