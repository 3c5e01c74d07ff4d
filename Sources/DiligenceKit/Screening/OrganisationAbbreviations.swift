/// Abbreviations of organisation-name words and the words they stand for
/// (`organisation-abbreviations.tsv`: Russian "NII" for "nauchno-issledovatelskii institut",
/// "research institute"; "TsKB" for "tsentralnoe konstruktorskoe byuro", "central design
/// bureau"), whose letters are not the initials of the English words, so that `AcronymRuns`
/// cannot read them: "CJSC TSENTRALNY NII SUDOVOGO MASHINOSTROYENIYA" / "CENTRAL RESEARCH
/// INSTITUTE OF MARINE ENGINEERING", "NTTS ORION OOO" / "SCIENTIFIC AND TECHNICAL CENTER ORION".
///
/// One word of a name, as written, against a run of adjacent words of the other that are one of
/// its full forms (their keys, read as names are: stop words and legal forms left out, spelling
/// folded). Between organisations only (as `AcronymRuns`), as a weaker match
/// (`ScoringParameters.abbreviationSimilarity`), with the reason in the why, and only with
/// another word of the names matched: "NII" alone is any research institute. Only for a query
/// that may hold a short acronym (`AcronymRuns.allowsShortAcronyms`: a legal form, or three name
/// words or more): "Nii" is also a Ghanaian given name ("Nii Armah").
struct OrganisationAbbreviations: Sendable {
    /// An abbreviation as written (lower-case letters) → its full forms, each the keys of its
    /// words in order, distinct, in the file's order.
    let forms: [[UInt8]: [[[UInt8]]]]
    /// The same full forms as the list's vocabulary tokens, those whose every word the list
    /// knows (the candidate bound's test, `NameScreener.acronymBound`).
    let tokens: [[UInt8]: [[Int32]]]
    /// The longest abbreviation, in letters: a longer word is none.
    let longest: Int
    /// Each abbreviation's letters packed in a UInt64 (`packed(_:)`), when all are eight letters
    /// or fewer: a word is tested against these before an array is made of its letters (the
    /// table is then asked, so the answer is the table's).
    let packedAbbreviations: [UInt64]?

    init(data: ScreeningData, normalizer: NameNormalizer, vocabulary: [String: Int32]) {
        var forms: [[UInt8]: [[[UInt8]]]] = [:]
        var tokens: [[UInt8]: [[Int32]]] = [:]
        var longest = 0
        for (abbreviation, words) in data.organisationAbbreviations {
            let keys = normalizer.normalize(words.joined(separator: " ")).tokens.map { $0.key }
            guard keys.count >= 2 else { continue }
            let letters = Array(abbreviation.utf8)
            let full = keys.map { Array($0.utf8) }
            if forms[letters]?.contains(full) == true { continue }
            forms[letters, default: []].append(full)
            longest = max(longest, letters.count)
            let known = keys.compactMap { vocabulary[$0] }
            if known.count == keys.count { tokens[letters, default: []].append(known) }
        }
        self.forms = forms
        self.tokens = tokens
        self.longest = longest
        let packed = forms.keys.compactMap { Self.packed($0[...]) }
        packedAbbreviations = packed.count == forms.count ? packed.sorted() : nil
    }

    /// The bytes of a word of at most eight bytes packed in a UInt64, first byte highest.
    static func packed<Bytes: Collection<UInt8>>(_ text: Bytes) -> UInt64? {
        guard text.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in text { value = value << 8 | UInt64(byte) }
        return value
    }

    /// The letters of a word as written, when they are an abbreviation of the table.
    func letters(of forms: TokenForms) -> [UInt8]? {
        let text = forms.text.isEmpty ? forms.key : forms.text
        guard text.count >= 2, text.count <= longest else { return nil }
        if let packedAbbreviations {
            guard let value = Self.packed(text), packedAbbreviations.contains(value) else { return nil }
        }
        let letters = Array(text)
        return self.forms[letters] != nil ? letters : nil
    }

    /// The options of a word of `single` that is an abbreviation against a run of adjacent
    /// words of `run` that is one of its full forms (the single word in `query`, the run in
    /// `listed`), each at `abbreviationSimilarity` and the mean of the word's weight and the
    /// run's heaviest word's, as `AcronymRuns` weighs an acronym.
    func options(single: [ScoringToken], run: [ScoringToken], parameters: ScoringParameters) -> [NameScorer.Option] {
        guard parameters.abbreviationSimilarity > 0, run.count >= 2, !forms.isEmpty else { return [] }
        var found: [NameScorer.Option] = []
        for i in single.indices where single[i].kind == .name {
            guard let letters = letters(of: single[i].forms), let full = forms[letters] else { continue }
            for words in full where words.count <= run.count {
                for start in 0...(run.count - words.count) {
                    var heaviest = 0.0
                    var equal = true
                    for (offset, word) in words.enumerated() {
                        let token = run[start + offset]
                        guard token.kind != .initial, token.forms.key.elementsEqual(word) else {
                            equal = false
                            break
                        }
                        heaviest = max(heaviest, token.weight)
                    }
                    guard equal else { continue }
                    found.append(
                        NameScorer.Option(
                            query: i..<(i + 1), listed: start..<(start + words.count),
                            comparison: TokenComparison(how: .abbreviation, similarity: parameters.abbreviationSimilarity, edits: 0),
                            weight: (single[i].weight + heaviest) / 2))
                }
            }
        }
        return found
    }

    /// For the candidate bound: the weight a query word that is an abbreviation could add
    /// against a listed name holding one of its full forms (the mean of the word's weight and
    /// the form's heaviest word's), 0 when the name holds none. `name` is the name's tokens.
    func boundWeight(letters: [UInt8], queryWeight: Double, name: ArraySlice<Int32>, weight: (Int) -> Double) -> Double {
        guard let full = tokens[letters] else { return 0 }
        var best = 0.0
        for words in full where words.count <= name.count {
            for start in name.startIndex...(name.endIndex - words.count) {
                var heaviest = 0.0
                var equal = true
                for (offset, word) in words.enumerated() {
                    guard name[start + offset] == word else {
                        equal = false
                        break
                    }
                    heaviest = max(heaviest, weight(start + offset))
                }
                if equal { best = max(best, (queryWeight + heaviest) / 2) }
            }
        }
        return best
    }
}
