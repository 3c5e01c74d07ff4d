/// Acronyms inside longer names: one word of a name that spells the initials of a run of
/// adjacent words of the other, whose other words match ("SIE ISON BALLISTICS SERVICE" /
/// "SMALL INNOVATION ENTERPRISE ISON BALLISTICS SERVICE", "PROKHOROV GENERAL PHYSICS INSTITUTE
/// OF RAS" / "... RUSSIAN ACADEMY OF SCIENCES", "TD ASBEST" / "TORGOVY DOM ASBEST").
///
/// Organisations and vessels only, never a person's name. The acronym is a weaker match
/// (`ScoringParameters.acronymSimilarity`), and a name that needs one scores at most
/// `acronymInNameCap`, with the reason in the why. Guards, since two or three letters are
/// the initials of many runs of words (below `Acronyms.minimumLength`):
/// - another word of the name matches a word of the other, not by an initial or an acronym;
/// - a query written in Latin, Greek or Cyrillic letters (`isAlphabetic`), and a listed word of
///   three letters or more for the initials of the query's words;
/// - an acronym of two or three letters only in a query that is known to be an organisation's
///   (a legal form) or has three name words or more: "LI WANG" is a person's name, not
///   "LONG INDUSTRIES WANG ..." (`allowsShortAcronyms`).
enum AcronymRuns {
    /// The letters of a word that may be an acronym: 2 to `Acronyms.maximumLength` ASCII letters.
    static func letters(of forms: TokenForms) -> ArraySlice<UInt8>? {
        let text = forms.text.isEmpty ? forms.key : forms.text
        guard text.count >= 2, text.count <= Acronyms.maximumLength, text.allSatisfy(ASCII.isLetter) else { return nil }
        return text
    }

    /// The first letter of a word as written.
    static func initial(of forms: TokenForms) -> UInt8? {
        (forms.text.isEmpty ? forms.key : forms.text).first
    }

    /// A letter's bit in a set of letters (a to z as bits 0 to 25).
    static func bit(of letter: UInt8) -> UInt32 {
        UInt32(1) << UInt32(((letter | 0x20) &- UInt8(ascii: "a")) & 31)
    }

    /// Whether `initials` (one per word; 0 for a word that cannot be in a run) has, from
    /// `start`, the letters of `letters`.
    static func spells(_ letters: ArraySlice<UInt8>, _ initials: [UInt8], from start: Int) -> Bool {
        guard start + letters.count <= initials.count else { return false }
        var position = start
        for letter in letters {
            guard initials[position] == letter else { return false }
            position += 1
        }
        return true
    }

    /// The options of a word of `single` against a run of adjacent name words of `run` whose
    /// initials it spells (the single word in `query`, the run in `listed`).
    static func options(
        single: [ScoringToken], run: [ScoringToken], short: Bool, shortest: Int = 2, parameters: ScoringParameters
    ) -> [NameScorer.Option] {
        guard run.count >= 2 else { return [] }
        let initials = run.map { $0.kind == .name ? (initial(of: $0.forms) ?? 0) : 0 }
        var found: [NameScorer.Option] = []
        for i in single.indices where single[i].kind == .name {
            guard let letters = letters(of: single[i].forms), letters.count <= run.count, letters.count >= shortest,
                short || letters.count >= Acronyms.minimumLength
            else { continue }
            for start in 0...(run.count - letters.count) where spells(letters, initials, from: start) {
                let positions = start..<(start + letters.count)
                let heaviest = positions.map { run[$0].weight }.max() ?? 0
                found.append(
                    NameScorer.Option(
                        query: i..<(i + 1), listed: positions,
                        comparison: TokenComparison(how: .acronym, similarity: parameters.acronymSimilarity, edits: 0),
                        weight: (single[i].weight + heaviest) / 2))
            }
        }
        return found
    }

    /// Whether a query may hold an acronym of two or three letters: it has a legal form, or
    /// three name words or more.
    static func allowsShortAcronyms(_ name: NormalizedName) -> Bool {
        !name.legalForms.isEmpty || name.tokens.lazy.filter { $0.kind == .name }.count >= 3
    }

    /// A listed word spells the initials of the query's words only with three letters or more:
    /// two letters are too many runs ("IS BANK" / "Banco Ibérica S.L.U.").
    static let shortestListedAcronym = 3

    /// Whether a query is written in Latin, Greek or Cyrillic letters, where an acronym is a
    /// word of capitals; a word romanised from Hangul, Han or another script is a syllable
    /// ("(유) 신라" gives "ra", not an acronym of "RS ADVISORY").
    static func isAlphabetic(_ original: String) -> Bool {
        original.unicodeScalars.allSatisfy { $0.value < 0x0530 }
    }

    /// Whether an alignment that pairs an acronym with a run of words has another word matched
    /// (not by an initial or an acronym): an acronym alone in a longer name does not identify it.
    /// An abbreviation (`OrganisationAbbreviations`) likewise.
    static func isSupported(_ alignment: TokenAlignment, query: [ScoringToken], listed: [ScoringToken]) -> Bool {
        guard alignment.pairs.contains(where: { $0.comparison.how == .acronym || $0.comparison.how == .abbreviation }) else { return true }
        return alignment.pairs.contains { pair in
            pair.comparison.how != .acronym && pair.comparison.how != .abbreviation && pair.comparison.how != .initial
                && pair.query.contains { query[$0].kind == .name }
                && pair.listed.contains { listed[$0].kind == .name }
        }
    }
}

extension NameScreener {
    /// Caps the score of a name matched with an acronym of a run of words at
    /// `acronymInNameCap`, and returns the reason; nil when no acronym was needed.
    func applyAcronymCap(_ alignment: inout TokenAlignment) -> String? {
        guard alignment.pairs.contains(where: { $0.comparison.how == .acronym }), alignment.score > parameters.acronymInNameCap else { return nil }
        alignment.score = parameters.acronymInNameCap
        return "an acronym stands for words of the other name (score capped at \(Self.format(parameters.acronymInNameCap)))"
    }

    /// For the candidate bound of a listed organisation's or vessel's name: the weight an
    /// acronym could add, a query word the index did not reach that spells the initials of a
    /// run of the name's words, or a word of the name that spells those of a run of the query's
    /// words (`AcronymRuns`). Returns the weight to add to the matched side and to take from
    /// the unmatched side. `queryInitials` holds the first letter of each query name word (0
    /// for others), `acronymWords` the query's name words that may be acronyms,
    /// `abbreviationWords` those that are abbreviations of `OrganisationAbbreviations`.
    func acronymBound(
        _ query: PreparedQuery, queryInitials: [UInt8], acronymWords: [Int], abbreviationWords: [(position: Int, letters: [UInt8])] = [],
        initialsMask: UInt32, short: Bool, name: Int, mask: UInt32, missing: [Double]
    ) -> (matched: Double, unmatched: Double) {
        let range = index.tokenRange(ofName: name)
        func initial(_ position: Int) -> UInt8 {
            index.tokenFlags[position] & (CandidateIndex.Flag.initial | CandidateIndex.Flag.particle) == 0 ? (index.text(at: position).first ?? 0) : 0
        }
        func weight(_ position: Int) -> Double { capped(index.weights[Int(index.tokens[position])], .name) }
        var matched = 0.0, unmatched = 0.0
        var used: UInt32 = 0
        // A query word that is an acronym of the name's words.
        for i in acronymWords where mask & (UInt32(1) << UInt32(i)) == 0 && range.count >= 2 {
            let text = query.tokens[i].forms.text.isEmpty ? query.tokens[i].forms.key : query.tokens[i].forms.text
            guard text.count <= range.count else { continue }
            var best = 0.0
            for start in range.lowerBound...(range.upperBound - text.count) {
                var heaviest = 0.0
                var position = start
                for letter in text {
                    guard initial(position) == letter else { heaviest = -1; break }
                    heaviest = max(heaviest, weight(position))
                    position += 1
                }
                if heaviest >= 0 { best = max(best, (query.tokens[i].weight + heaviest) / 2) }
            }
            guard best > 0 else { continue }
            matched += best
            unmatched += missing[i]
            used |= UInt32(1) << UInt32(i)
        }
        // A query word that is an abbreviation of words of the name.
        for (i, letters) in abbreviationWords where mask & (UInt32(1) << UInt32(i)) == 0 && used & (UInt32(1) << UInt32(i)) == 0 {
            let best = abbreviations.boundWeight(
                letters: letters, queryWeight: query.tokens[i].weight, name: index.tokens[range], weight: { weight($0) })
            guard best > 0 else { continue }
            matched += best
            unmatched += missing[i]
            used |= UInt32(1) << UInt32(i)
        }
        // A word of the name that is an acronym of the query's words.
        guard queryInitials.count >= AcronymRuns.shortestListedAcronym, index.acronymLetters[name] & initialsMask != 0 else {
            return (matched, unmatched)
        }
        for position in range {
            let text = index.text(at: position)
            guard text.count >= AcronymRuns.shortestListedAcronym, let first = text.first, ASCII.isLetter(first),
                initialsMask & AcronymRuns.bit(of: first) != 0, initial(position) != 0,
                text.count >= AcronymRuns.shortestListedAcronym, text.count <= min(Acronyms.maximumLength, queryInitials.count),
                text.allSatisfy(ASCII.isLetter),
                short || text.count >= Acronyms.minimumLength
            else { continue }
            for start in 0...(queryInitials.count - text.count) where AcronymRuns.spells(text, queryInitials, from: start) {
                var gain = 0.0, heaviest = 0.0
                for i in start..<(start + text.count) {
                    heaviest = max(heaviest, query.tokens[i].weight)
                    if mask & (UInt32(1) << UInt32(i)) == 0, used & (UInt32(1) << UInt32(i)) == 0 {
                        gain += missing[i]
                        used |= UInt32(1) << UInt32(i)
                    }
                }
                guard gain > 0 else { continue }
                matched += (heaviest + weight(position)) / 2
                unmatched += gain
            }
        }
        return (matched, unmatched)
    }
}
