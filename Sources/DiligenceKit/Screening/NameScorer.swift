/// A token as the scorer sees it: its folded key, sound key, kind, weight, and what it costs
/// when nothing matches it.
struct ScoringToken {
    var forms: TokenForms
    var kind: NameToken.Kind
    var weight: Double
    /// The share of `weight` an unmatched token costs.
    var cost: Double
    /// A patronymic by its ending: an initial opening the name does not stand for it.
    var isPatronymic = false
}

/// Which tokens of the query matched which of the listed name, and how.
public struct TokenAlignment: Sendable, Hashable {
    /// One matched pair: a query token and a listed token, or one token and two written as one word.
    public struct Pair: Sendable, Hashable {
        public var query: [Int]
        public var listed: [Int]
        public var comparison: TokenComparison
        public var weight: Double
    }

    public var pairs: [Pair] = []
    /// Query tokens that matched nothing.
    public var unmatchedQuery: [Int] = []
    /// Listed tokens that matched nothing.
    public var unmatchedListed: [Int] = []
    /// The name score in 0...1, before the country and kind signals.
    public var score = 0.0
    /// Every token matched, exactly or by spelling variant, one to one.
    public var isExact = false
    /// The numerator and denominator of `score`: Σ similarity·w(pair), and the weight at stake.
    public var matchedWeight = 0.0
    public var weightAtStake = 0.0
}

/// Order-free token alignment and the weighted score of a query against one listed name.
///
/// Every pair of tokens is compared (`TokenComparison`, with a length-aware edit budget); pairs
/// are taken greedily by similarity × weight, each token at most once, so word order never
/// matters. A token may also match two adjacent tokens of the other side written as one word;
/// such a pair competes with the others in the same greedy choice. The score is the
/// matched weight over the weight at stake:
///
///     score = Σ similarity·w(pair) / (Σ w(pair) + Σ cost·w(unmatched query token)
///                                      + missingListedTokenCost · Σ cost·w(unmatched listed token))
///
/// where `w(pair)` is the mean weight of its tokens and `cost` is 1 for a name token and less
/// for particles, initials, patronymics and a listed person's middle names.
enum NameScorer {
    /// A possible pair: query tokens, listed tokens (one of each, or one and a run of adjacent
    /// ones), as ranges: every option's tokens are adjacent, and an array each cost two
    /// allocations for every pair of words compared.
    struct Option {
        var query: Range<Int>
        var listed: Range<Int>
        var comparison: TokenComparison
        var weight: Double
        var value: Double { comparison.similarity * weight }

        /// The greedy order: larger value first, then the query's tokens and the listed tokens
        /// in lexicographic order. Of two runs of adjacent tokens, the one starting earlier
        /// precedes, and of two starting together the shorter (a prefix of the other).
        static func precedes(_ a: Option, _ b: Option) -> Bool {
            if a.value != b.value { return a.value > b.value }
            if a.query != b.query { return (a.query.lowerBound, a.query.upperBound) < (b.query.lowerBound, b.query.upperBound) }
            return (a.listed.lowerBound, a.listed.upperBound) < (b.listed.lowerBound, b.listed.upperBound)
        }
    }

    /// What `joinedOptions` asks of a memo of its comparisons: one made before (nil for none),
    /// or to keep one made.
    enum JoinedAsk {
        case lookUp
        case store(TokenComparison?)
    }

    /// A memo of joined comparisons for `align`: whether the query's word is the single one, the
    /// single word's position, the first of the joined words' position and their count (2 or 3),
    /// and the ask; a look-up's answer is the comparison made before, or nil when there is none.
    typealias JoinedComparison = (Bool, Int, Int, Int, JoinedAsk) -> TokenComparison??

    static func align(
        query: [ScoringToken], listed: [ScoringToken], parameters: ScoringParameters, acronyms: Bool = false, shortAcronyms: Bool = false,
        abbreviations: OrganisationAbbreviations? = nil, compare: (Int, Int) -> TokenComparison?,
        joined: JoinedComparison = { _, _, _, _, _ in nil }
    ) -> TokenAlignment? {
        var options: [Option] = []
        for i in query.indices {
            for j in listed.indices {
                guard let comparison = compareTokens(query[i], listed[j], i, j, parameters: parameters, compare: compare) else { continue }
                options.append(Option(query: i..<(i + 1), listed: j..<(j + 1), comparison: comparison, weight: (query[i].weight + listed[j].weight) / 2))
            }
        }
        options += joinedOptions(single: query, double: listed, parameters: parameters) { joined(true, $0, $1, $2, $3) }
        options += joinedOptions(single: listed, double: query, parameters: parameters) { joined(false, $0, $1, $2, $3) }.map { option in
            Option(query: option.listed, listed: option.query, comparison: option.comparison, weight: option.weight)
        }
        if acronyms {
            // A word that spells the initials of a run of the other side's words (`AcronymRuns`).
            options += AcronymRuns.options(single: query, run: listed, short: shortAcronyms, parameters: parameters)
            options += AcronymRuns.options(
                single: listed, run: query, short: shortAcronyms, shortest: AcronymRuns.shortestListedAcronym, parameters: parameters
            ).map { option in
                Option(query: option.listed, listed: option.query, comparison: option.comparison, weight: option.weight)
            }
            if let abbreviations {
                // An abbreviation of a run of the other side's words (`OrganisationAbbreviations`).
                options += abbreviations.options(single: query, run: listed, parameters: parameters)
                options += abbreviations.options(single: listed, run: query, parameters: parameters).map { option in
                    Option(query: option.listed, listed: option.query, comparison: option.comparison, weight: option.weight)
                }
            }
        }
        // Greedy by similarity × weight; ties in token order, so the result never depends on hashing.
        options.sort(by: Option.precedes)
        var usedQuery = [Bool](repeating: false, count: query.count)
        var usedListed = [Bool](repeating: false, count: listed.count)
        var alignment = TokenAlignment()
        for option in options where option.query.allSatisfy({ !usedQuery[$0] }) && option.listed.allSatisfy({ !usedListed[$0] }) {
            for i in option.query { usedQuery[i] = true }
            for j in option.listed { usedListed[j] = true }
            alignment.pairs.append(.init(query: Array(option.query), listed: Array(option.listed), comparison: option.comparison, weight: option.weight))
        }
        // A match needs a whole name token on each side, not only particles or initials.
        guard
            alignment.pairs.contains(where: { pair in
                pair.comparison.how != .initial && pair.query.contains { query[$0].kind == .name } && pair.listed.contains { listed[$0].kind == .name }
            })
        else { return nil }
        if acronyms, !AcronymRuns.isSupported(alignment, query: query, listed: listed) {
            // An acronym alone does not identify a longer name: the words as they match without it.
            return align(query: query, listed: listed, parameters: parameters, compare: compare, joined: joined)
        }
        alignment.unmatchedQuery = query.indices.filter { !usedQuery[$0] }
        alignment.unmatchedListed = listed.indices.filter { !usedListed[$0] }
        var matched = 0.0, atStake = 0.0
        for pair in alignment.pairs {
            matched += pair.comparison.similarity * pair.weight
            atStake += pair.weight
        }
        for index in alignment.unmatchedQuery { atStake += query[index].weight * query[index].cost }
        for index in alignment.unmatchedListed { atStake += parameters.missingListedTokenCost * listed[index].weight * listed[index].cost }
        alignment.isExact =
            alignment.unmatchedQuery.isEmpty && alignment.unmatchedListed.isEmpty
            && alignment.pairs.allSatisfy { $0.comparison.how == .spelling || $0.comparison.how == .exact }
        alignment.matchedWeight = matched
        alignment.weightAtStake = atStake
        alignment.score = alignment.isExact ? 1 : (atStake > 0 ? min(matched / atStake, 0.99) : 0)
        alignment.pairs.sort { ($0.query.first ?? 0) < ($1.query.first ?? 0) }
        return alignment
    }

    /// Initials against names by their first letter; everything else through `compare`.
    static func compareTokens(
        _ a: ScoringToken, _ b: ScoringToken, _ i: Int, _ j: Int, parameters: ScoringParameters,
        compare: (Int, Int) -> TokenComparison?
    ) -> TokenComparison? {
        if a.kind == .initial || b.kind == .initial {
            guard a.forms.key.first == b.forms.key.first else { return nil }
            if a.kind == b.kind { return TokenComparison(how: .spelling, similarity: 1, edits: 0) }
            let other = a.kind == .initial ? b : a
            guard other.kind == .name else { return nil }
            // An initial does not stand for a number, nor for "XI", a Roman numeral the
            // normaliser leaves a word ("BICENTENARIO X" is not "BICENTENARIO XI").
            if other.forms.key.contains(where: ASCII.isDigit) || other.forms.text.elementsEqual("xi".utf8) { return nil }
            // "A. G. Lukashenko": the first initial is the given name, not the patronymic.
            if other.isPatronymic, (a.kind == .initial ? i : j) == 0 { return nil }
            return TokenComparison(how: .initial, similarity: parameters.initialSimilarity, edits: 0)
        }
        guard let comparison = compare(i, j) else { return nil }
        // A nickname pairs two given names, never a particle ("Al" of "Aldo" is not "al-").
        if comparison.how == .nickname, parameters.nicknameNeedsNames > 0, a.kind != .name || b.kind != .name { return nil }
        return comparison
    }

    /// One token against two adjacent tokens of the other side written as one word
    /// ("abdulrahman" / "abdul rahman", "alqaida" / "al qaida"), as options with the single
    /// token in `query` and the two in `listed`.
    ///
    /// `remembered` gives each comparison made before for the same words (single position,
    /// double's first position, span 2 or 3), and keeps those made here.
    static func joinedOptions(
        single: [ScoringToken], double: [ScoringToken], parameters: ScoringParameters,
        remembered: (Int, Int, Int, JoinedAsk) -> TokenComparison?? = { _, _, _, _ in nil }
    ) -> [Option] {
        guard double.count >= 2 else { return [] }
        func comparison(_ i: Int, _ j: Int, _ span: Int, _ make: () -> TokenComparison?) -> TokenComparison? {
            if let known = remembered(i, j, span, .lookUp) { return known }
            let made = make()
            _ = remembered(i, j, span, .store(made))
            return made
        }
        var found: [Option] = []
        for i in single.indices where single[i].kind == .name && single[i].forms.key.count >= 4 {
            for j in 0..<(double.count - 1) where double[j].kind != .initial && double[j + 1].kind != .initial {
                guard joinedLengthsFit(single[i].forms, double[j].forms, double[j + 1].forms) else { continue }
                let made = comparison(i, j, 2) { joinedComparison(single[i].forms, double[j].forms, double[j + 1].forms, parameters: parameters) }
                guard let comparison = made else { continue }
                let weight = (single[i].weight + max(double[j].weight, double[j + 1].weight)) / 2
                found.append(
                    Option(
                        query: i..<(i + 1), listed: j..<(j + 2),
                        comparison: TokenComparison(how: .joined, similarity: comparison.similarity, edits: comparison.edits), weight: weight))
            }
            // Two names joined by a particle ("abd al aziz" / "Abdulaziz", "nur al din" / "Noureddine"):
            // with the particle as written, or without it (the article's vowel varies, or it
            // assimilates: "ad-din").
            guard double.count >= 3 else { continue }
            // Three names written as one ("sovcomflot" / "sov com flot").
            // (Only a word opening with the first's letter: three words written as one keep it.)
            for j in 0..<(double.count - 2)
            where double[j].kind == .name && double[j + 1].kind == .name && double[j + 2].kind == .name
                && double[j].forms.key.first == single[i].forms.key.first
            {
                let joined = double[j].forms.key.count + double[j + 1].forms.key.count + double[j + 2].forms.key.count
                guard abs(joined - single[i].forms.key.count) <= 2 else { continue }
                let made = comparison(i, j, 3) {
                    threeJoinedComparison(single[i].forms, double[j].forms, double[j + 1].forms, double[j + 2].forms, parameters: parameters)
                }
                guard let best = made else { continue }
                let weight = (single[i].weight + max(double[j].weight, double[j + 1].weight, double[j + 2].weight)) / 2
                found.append(
                    Option(
                        query: i..<(i + 1), listed: j..<(j + 3),
                        comparison: TokenComparison(how: .joined, similarity: best.similarity, edits: best.edits), weight: weight))
            }
            for j in 0..<(double.count - 2) where double[j].kind == .name && double[j + 1].kind == .particle && double[j + 2].kind == .name {
                let joined = double[j].forms.key.count + double[j + 2].forms.key.count, length = single[i].forms.key.count
                // (Neither joined key within three letters of the word's: no comparison, none made.)
                guard abs(joined - length) <= 3 || abs(joined + double[j + 1].forms.key.count - length) <= 3 else { continue }
                let made = comparison(i, j, 3) {
                    particleJoinedComparison(single[i].forms, double[j].forms, double[j + 1].forms, double[j + 2].forms, parameters: parameters)
                }
                guard let best = made else { continue }
                let weight = (single[i].weight + max(double[j].weight, double[j + 2].weight)) / 2
                found.append(
                    Option(
                        query: i..<(i + 1), listed: j..<(j + 3),
                        comparison: TokenComparison(how: .joined, similarity: best.similarity, edits: best.edits), weight: weight))
            }
        }
        return found
    }

    /// A word against two words written as one, as `joinedOptions` compares them: nil when the
    /// lengths are too far apart, the words do not match, or the single word does not hold both.
    static func joinedComparison(_ single: TokenForms, _ first: TokenForms, _ second: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard joinedLengthsFit(single, first, second) else { return nil }
        let joinedKey = Array(first.key) + Array(second.key)
        let abjad = first.abjad && second.abjad
        let joinedText = Array(first.text) + Array(second.text)
        var forms = TokenForms(key: joinedKey[...], text: joinedText[...], phonetic: PhoneticKey.key(joinedKey[...])[...])
        forms.abjad = abjad
        // A Hebrew part makes the word Hebrew; the first part's ain opens it.
        // The second part's opening article is inside the joined word ("sraj" "aldin", Sirajuddin).
        var secondLetters = second.abjadLetters.subtracting([.openingAin, .openingArticle, .abdArticle])
        if second.abjadLetters.contains(.openingArticle) || second.abjadLetters.contains(.abdArticle) { secondLetters.insert(.innerArticle) }
        forms.abjadLetters = abjad ? first.abjadLetters.subtracting(.finalHeh).union(secondLetters) : []
        guard let comparison = TokenComparison.compare(single, forms, parameters: parameters) else { return nil }
        // The single word must hold both: edits as many as a part's letters make that
        // part a typo's slack ("bicentenario" is not "bicentenario xi", a number).
        guard comparison.edits < min(first.key.count, second.key.count) else { return nil }
        // And its opening is the first part, fewer than half of whose letters differ there
        // ("balasubramaniyam" is not "sharda subramaniam"; "gollamhosein" is "kolam hosein").
        // An abjad's word leaves its vowels unwritten: not asked.
        guard single.abjad || first.abjad || opensWith(single.key, first.key) else { return nil }
        return comparison
    }

    /// Whether `word` opens with `part`: its first letters (as many as the part's, one more or
    /// one fewer) differ from the part's in fewer than half of them.
    static func opensWith(_ word: ArraySlice<UInt8>, _ part: ArraySlice<UInt8>) -> Bool {
        let limit = (part.count - 1) / 2
        for length in [part.count, part.count + 1, part.count - 1] where length >= 1 && length <= word.count {
            if StringDistance.editDistance(word.prefix(length), part, limit: limit) <= limit { return true }
        }
        return false
    }

    /// Whether two words' keys written as one are about as long as a word's, as a match needs.
    /// Words read from an abjad leave their short vowels unwritten ("mhmdjwad" for "Mohammad
    /// Javad", Persian writing two names as one; "ahmdi nzhad" for "Ahmadinejad"): the Latin
    /// side may be up to twice as long.
    static func joinedLengthsFit(_ single: TokenForms, _ first: TokenForms, _ second: TokenForms) -> Bool {
        let joined = first.key.count + second.key.count
        let longer = single.abjad ? single.key.count : 2
        let shorter = first.abjad && second.abjad ? single.key.count / 2 : 2
        return joined >= single.key.count - shorter && joined <= single.key.count + longer
    }

    /// A word against three names written as one (their keys one after the other): nil when
    /// they do not match, or the word does not hold each (fewer edits than the shortest's letters).
    static func threeJoinedComparison(
        _ single: TokenForms, _ first: TokenForms, _ second: TokenForms, _ third: TokenForms, parameters: ScoringParameters
    ) -> TokenComparison? {
        let joinedKey = Array(first.key) + Array(second.key) + Array(third.key)
        let forms = TokenForms(key: joinedKey[...], text: [], phonetic: PhoneticKey.key(joinedKey[...])[...])
        guard let comparison = TokenComparison.compare(single, forms, parameters: parameters),
            comparison.edits < min(first.key.count, second.key.count, third.key.count)
        else { return nil }
        return comparison
    }

    /// A word against two names joined by a particle, with the particle as written or without
    /// it: the better comparison, nil when neither matches.
    static func particleJoinedComparison(
        _ single: TokenForms, _ first: TokenForms, _ particle: TokenForms, _ last: TokenForms, parameters: ScoringParameters
    ) -> TokenComparison? {
        var best: TokenComparison?
        for middle in [particle.key, []] {
            let joinedKey = Array(first.key) + Array(middle) + Array(last.key)
            guard abs(joinedKey.count - single.key.count) <= 3 else { continue }
            let forms = TokenForms(key: joinedKey[...], text: [], phonetic: PhoneticKey.key(joinedKey[...])[...])
            if let comparison = TokenComparison.compare(single, forms, parameters: parameters), comparison.similarity > best?.similarity ?? 0 {
                best = comparison
            }
        }
        return best
    }
}
