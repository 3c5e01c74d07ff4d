/// Reads a Korean name written in Han characters (Hanja) as Korean, from the table
/// `Resources/screening/hanja-readings.tsv` (its header cites the readings): "崔龍海" →
/// "최 룡 해" ("choe ryong hae", CHOE Ryong Hae), where ICU reads the characters in Chinese
/// ("cui long hai"). Chinese and Japanese texts write Korean persons' names so ("金与正",
/// "崔竜海"), in their own forms of the characters.
///
/// The same characters are a Chinese name too, so a name that can be Korean is screened both
/// ways (`NameScreener.koreanReadings(of:)`). It can be Korean when it is two to four Han
/// characters, the first a common Korean surname and every other a character of Korean given
/// names in the table; "习近平" (习 is no Korean surname) and "李娜" (娜 is no character of the
/// table) are read in Chinese only.
struct HanjaReading: Sendable {
    private var surnames: [Unicode.Scalar: Unicode.Scalar] = [:]
    private var given: [Unicode.Scalar: Unicode.Scalar] = [:]
    private var givenReadings: Set<Unicode.Scalar> = []

    /// Parses the table, reporting every malformed line.
    init(text: String, path: String) throws(InputError) {
        try DataTableLines.read(text, path: path) { columns in
            guard columns.count == 3, columns[0] == "S" || columns[0] == "G",
                columns[1].unicodeScalars.count == 1, let han = columns[1].unicodeScalars.first, Transliterator.isHan(han.value),
                columns[2].unicodeScalars.count == 1, let hangul = columns[2].unicodeScalars.first,
                Transliterator.isHangulSyllable(hangul.value)
            else { return "expected S or G<TAB>one Han character<TAB>one Hangul syllable" }
            if columns[0] == "S" {
                surnames[han] = hangul
            } else {
                given[han] = hangul
                givenReadings.insert(hangul)
            }
            return nil
        }
    }

    /// The built-in table, or nil when it is missing or malformed (`builtin()` says why).
    static let standard: HanjaReading? = try? builtin()

    static func builtin() throws(InputError) -> HanjaReading {
        let (bytes, path) = try BuiltinResources.data("screening/hanja-readings.tsv")
        return try HanjaReading(text: String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// The reading of a character as a Korean surname, when it is one of the table's surnames.
    func surnameReading(_ character: Unicode.Scalar) -> Unicode.Scalar? { surnames[character] }

    /// The reading of a character of Korean given names in the table.
    func givenReading(_ character: Unicode.Scalar) -> Unicode.Scalar? { given[character] }

    /// Whether a Hangul syllable is the reading of a character of Korean given names in the table.
    func isGivenReading(_ syllable: Unicode.Scalar) -> Bool { givenReadings.contains(syllable) }

    /// The name read in Korean, one Hangul syllable a word ("최 룡 해"), when it can be a Korean
    /// name; nil otherwise.
    func hangul(_ name: String) -> String? {
        let characters = name.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard (2...4).contains(characters.count), let first = characters.first, let surname = surnames[first] else { return nil }
        var syllables = [String(surname)]
        for character in characters.dropFirst() {
            guard let reading = given[character] else { return nil }
            syllables.append(String(reading))
        }
        return syllables.joined(separator: " ")
    }
}

extension NameScreener {
    /// When the query can be a Korean name written in Han characters (`HanjaReading`), its
    /// Korean reading, with the words its matches' reason starts with ("read in Korean,
    /// 崔龍海 → 최룡해: ..."); the query is also screened as ICU reads it.
    func koreanReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        guard query.name.unicodeScalars.contains(where: { Transliterator.isHan($0.value) }),
            let hangul = HanjaReading.standard?.hangul(query.name)
        else { return [] }
        let written = query.name.filter { !$0.isWhitespace }
        return [(hangul, "read in Korean, \(written) → \(hangul.filter { !$0.isWhitespace }): ")]
    }

    /// `matches`, and the matches of the query read as each of `readings` (a name and the
    /// words its reason starts with) that `accepting` takes: per entity the best, a reading's
    /// match saying so in `why`.
    func withReadings(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, _ readings: [(name: String, why: String)], threshold: Double,
        scratch: inout Scratch, exhaustive: Bool, hadCandidates: inout Bool, accepting: (ScreeningMatch) -> Bool = { _ in true }
    ) -> [ScreeningMatch] {
        var best: [String: ScreeningMatch] = [:]
        for match in matches { best[match.entity.id] = match }
        for (name, why) in readings {
            var reading = query
            reading.name = name
            var hadReading = false
            let read = screen(reading, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadReading)
            hadCandidates = hadCandidates || hadReading
            for var match in read where match.score > (best[match.entity.id]?.score ?? -1) && accepting(match) {
                match.why = why + match.why
                best[match.entity.id] = match
            }
        }
        return Array(best.values)
    }
}
