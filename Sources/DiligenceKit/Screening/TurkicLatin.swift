/// Names in the Latin alphabets of Turkish and Azerbaijani, read as the lists write them.
///
/// Azerbaijani "ə" is the vowel that other spellings of a name of Arabic or Persian origin write
/// "a" ("Əhməd" Ahmad, "Əsəd" Assad, "Əliyev" Aliyev), and of Turkish origin "e" ("Rəcəb"
/// Recep): the normaliser reads "e", so the name is also screened with "a" for it. Both
/// alphabets write the sound of English "j" with "c" and of "ch" with "ç" ("Cevad" Javad,
/// "Məhəmmədcavad" Mohammad Javad, "Yanukoviç" Yanukovych); a name with a letter only they have
/// (ə, ı, ğ, ş, ç, İ) is also screened with "j" for "c" and "ch" for "ç". A name that also has
/// a Latin letter neither alphabet has ("ã" and "é" of "Construções" and "Comércio", Portuguese
/// names that write "ç" as well) is not read so. (Turkish and Azerbaijani alphabets: Türk Dil
/// Kurumu, *Yazım Kılavuzu*, with the circumflexed â, î, û of loanwords; Azerbaijani Latin
/// alphabet of 1992.)
enum TurkicLatin {
    /// Letters of the Turkish and Azerbaijani alphabets that other Latin alphabets lack.
    static let markers: Set<Unicode.Scalar> = ["ə", "Ə", "ı", "ğ", "Ğ", "ş", "Ş", "ç", "Ç", "İ"]

    /// The name as the lists would spell it, when it has a letter of `markers` and that changes
    /// it; nil otherwise.
    static func listSpelling(_ name: String) -> String? {
        guard hasMarker(name) else { return nil }
        // By UTF-8 bytes: "c" and "C" are never a byte of another character, and ə, Ə, ç, Ç
        // are their two bytes. A letter replaced changes the name (each is another letter).
        var changed = false
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count + 4)
        var bytes = name.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "c"):
                result.append(UInt8(ascii: "j"))
                changed = true
            case UInt8(ascii: "C"):
                result.append(UInt8(ascii: "J"))
                changed = true
            case 0xC9, 0xC6, 0xC3:
                guard let next = bytes.next() else {
                    result.append(byte)
                    continue
                }
                switch (byte, next) {
                case (0xC9, 0x99): result.append(UInt8(ascii: "a"))  // ə
                case (0xC6, 0x8F): result.append(UInt8(ascii: "A"))  // Ə
                case (0xC3, 0xA7): result += [UInt8(ascii: "c"), UInt8(ascii: "h")]  // ç
                case (0xC3, 0x87): result += [UInt8(ascii: "C"), UInt8(ascii: "h")]  // Ç
                default:
                    result += [byte, next]
                    continue
                }
                changed = true
            default:
                result.append(byte)
            }
        }
        return changed ? String(decoding: result, as: UTF8.self) : nil
    }

    /// `listSpelling` by Unicode scalars, as it was written first (tests hold the two equal).
    static func listSpellingByScalars(_ name: String) -> String? {
        guard hasMarker(name) else { return nil }
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

    /// Whether the name has a letter of `markers` and no Latin letter that neither alphabet has
    /// (`isForeign`): every one is outside ASCII, so an ASCII name is answered from its bytes,
    /// and the others by the scalars' values, without hashing.
    static func hasMarker(_ name: String) -> Bool {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        var marker = false
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x0259, 0x018F, 0x0131, 0x011F, 0x011E, 0x015F, 0x015E, 0x00E7, 0x00C7, 0x0130: marker = true
            case let value where isForeign(value): return false
            default: break
            }
        }
        return marker
    }

    /// Whether the code point is a Latin letter with a mark that neither the Turkish nor the
    /// Azerbaijani alphabet has: Latin-1 Supplement letters, Latin Extended-A and -B, and Latin
    /// Extended Additional, but for the alphabets' own (ç, ğ, ı, İ, ö, ş, ü, ə, and Turkish â, î,
    /// û) and the signs × and ÷.
    static func isForeign(_ value: UInt32) -> Bool {
        switch value {
        case 0x00E7, 0x00C7, 0x011F, 0x011E, 0x0131, 0x0130, 0x00F6, 0x00D6, 0x015F, 0x015E, 0x00FC, 0x00DC, 0x0259, 0x018F,
            0x00E2, 0x00C2, 0x00EE, 0x00CE, 0x00FB, 0x00DB, 0x00D7, 0x00F7:
            false
        case 0x00C0...0x024F, 0x1E00...0x1EFF: true
        default: false
        }
    }
}

extension NameScreener {
    /// `matches`, and the matches of the query spelt as the lists write Turkish and Azerbaijani
    /// names (`TurkicLatin`), per entity the best, the reading's saying so in `why` ("read as
    /// Turkish or Azerbaijani, Mahir Əsəd → Mahir Asad: ..."). A match of the respelling counts
    /// only when it leaves no word of the listed name unmatched but particles ("al"): the "a" of
    /// ə makes a name more like the Arabic names of the lists, and a part of one is no reason
    /// (on 1,000 random Azerbaijani names, "Məhəmməd Əlibəyov" read so matched ALVI, Mohammad
    /// Masood Azhar at 0.71).
    func withTurkicReading(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, threshold: Double, scratch: inout Scratch, exhaustive: Bool,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        guard !preTestsTurkicSpelling || TurkicLatin.mayRespell(query.name), let spelled = TurkicLatin.listSpelling(query.name) else { return matches }
        var reading = query
        reading.name = spelled
        var hadReading = false
        let read = screen(reading, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadReading)
        hadCandidates = hadCandidates || hadReading
        var best: [String: ScreeningMatch] = [:]
        for match in matches { best[match.entity.id] = match }
        for var match in read where match.score > (best[match.entity.id]?.score ?? -1) && coversListedName(match) {
            match.why = "read as Turkish or Azerbaijani, \(query.name) → \(spelled): " + match.why
            best[match.entity.id] = match
        }
        return Array(best.values)
    }

    /// Whether every word of the listed name the match leaves unmatched is a particle.
    func coversListedName(_ match: ScreeningMatch) -> Bool {
        let leftovers = match.details.filter { $0.query.isEmpty }.map(\.listed)
        guard !leftovers.isEmpty else { return true }
        let particles = Set(normalizer.normalize(match.matched).tokens.filter { $0.kind == .particle }.flatMap { [$0.text, $0.key] })
        return leftovers.allSatisfy { particles.contains($0) }
    }
}
