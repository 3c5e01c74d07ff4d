/// Distinctive words shared: two organisations' names that agree on a rare word and differ
/// only by common words of organisation names ("LUMINOR LOGISTICS" / "LUMINOR OY", "KRAVERTON
/// CONSTRUCTION AND DEVELOPMENT LP" / "KRAVERTON LP", "PROMETHEUS ENERGY" / "PROMETHEUS
/// LIMITED TRADE DEVELOPMENT"). Lists and counterparties add and drop a sector word or a
/// descriptive word around the word that names the company; a missing distinctive word is what
/// tells two companies apart, not a missing "logistics". Each extra word then costs
/// `genericWordCost` of its weight instead of its full (query) or half (listed) weight, and the
/// score is at most `distinctiveWordsCap`, with the reason in the why.
///
/// The case `PartialCoverage` leaves: a name of one word, or extra words on both sides. Guards:
/// - organisations only, and a query that is not a person's name;
/// - every pair the same word one for one (exactly or as a spelling variant), and one of them
///   distinctive on both sides: `distinctiveWordWeight` or more, five letters or more, no
///   digit, not a place, a common surname or a given name ("Wagner", "Müller": a company named
///   after a person is not identified by that name); since the twentieth round a pair may also
///   be a generic listed word's stem, translation or (for a query word not distinctive) typo
///   (`genericVariant`: "WHEELED" / "WHEEL", "INZHINIRINGOVYI" / "ENGINEERING");
/// - every extra word generic: `genericWordWeight` or less (common in the list), and not a
///   place or a number (`DistinguishingParts`: "Deutsche Bank Polska", "Fund III");
/// - the matched words weigh at least `distinctiveWordsShare` of the extra words (half since
///   the twentieth round, all of them before: "PROMETHEUS ENERGY" / "PROMETHEUS LIMITED TRADE
///   DEVELOPMENT" adds one sector word and drops two).
extension NameScreener {
    /// Lowers the cost of generic extra words when a distinctive word is shared, and returns
    /// the reason; nil (and the alignment untouched) otherwise.
    func applyDistinctiveWords(
        _ alignment: inout TokenAlignment, query: PreparedQuery, queryTokens: [ScoringToken], listed: ListedSide
    ) -> String? {
        guard parameters.genericWordCost < 1, listed.kind == .organisation, query.kind != .person, !alignment.pairs.isEmpty else { return nil }
        let (extraQuery, extraListed) = alignment.unmatchedNameWords(queryTokens, listed)
        guard !extraQuery.isEmpty || !extraListed.isEmpty else { return nil }
        var distinctive: [String] = []
        var variants: [String] = []
        for pair in alignment.pairs {
            guard pair.query.count == 1, pair.listed.count == 1 else { return nil }
            let a = queryTokens[pair.query[0]], b = listed.tokens[pair.listed[0]]
            guard pair.comparison.how == .exact || pair.comparison.how == .spelling else {
                // A common word of the list written otherwise ("wheeled" / "wheel", "inzhiniringovyi"
                // / "engineering"): the words that name the company must still be the same.
                guard let variant = genericVariant(pair, a, b) else { return nil }
                variants.append(variant)
                continue
            }
            if a.kind == .name, b.kind == .name, isDistinctive(a), isDistinctive(b) {
                distinctive.append(String(decoding: a.forms.text.isEmpty ? a.forms.key : a.forms.text, as: UTF8.self))
            }
        }
        guard !distinctive.isEmpty else { return nil }
        let extra =
            extraQuery.map { (token: queryTokens[$0], sideCost: 1.0) }
            + extraListed.map { (token: listed.tokens[$0], sideCost: parameters.missingListedTokenCost) }
        guard extra.allSatisfy({ isGeneric($0.token) }) else { return nil }
        let extraWeight = extra.reduce(0.0) { $0 + $1.token.weight }
        guard alignment.matchedWeight >= parameters.distinctiveWordsShare * extraWeight else { return nil }
        var saved = 0.0
        for (token, sideCost) in extra { saved += max(0, sideCost * token.cost - parameters.genericWordCost) * token.weight }
        guard saved > 0, alignment.weightAtStake - saved > 0 else { return nil }
        let before = alignment.score
        guard before < parameters.distinctiveWordsCap else { return nil }
        alignment.weightAtStake -= saved
        alignment.score = max(before, min(alignment.matchedWeight / alignment.weightAtStake, parameters.distinctiveWordsCap))
        guard alignment.score > before else { return nil }
        let words = extra.map { String(decoding: $0.token.forms.text.isEmpty ? $0.token.forms.key : $0.token.forms.text, as: UTF8.self) }
        let written = variants.isEmpty ? "" : " (\(variants.joined(separator: ", ")) written otherwise)"
        return "the names share the distinctive \(distinctive.count == 1 ? "word" : "words") \(distinctive.joined(separator: ", ")); "
            + "their other words (\(words.joined(separator: ", "))) are common in organisation names\(written) and count "
            + "\(Self.format(parameters.genericWordCost)) (at most \(Self.format(parameters.distinctiveWordsCap)))"
    }

    /// A pair of words that is not the same word, allowed beside a distinctive word when the
    /// listed word is a generic name word: its stem or translation ("wheeled" / "wheel",
    /// "inzhiniringovyi" / "engineering"), or a typo or sound-alike of it when the query's word is not
    /// distinctive either. Its text for the why; nil otherwise (an initial, an acronym, words
    /// joined, a word that names a company written otherwise).
    func genericVariant(_ pair: TokenAlignment.Pair, _ a: ScoringToken, _ b: ScoringToken) -> String? {
        guard parameters.distinctiveWordsVariants > 0, a.kind == .name, b.kind == .name, isGeneric(b) else { return nil }
        switch pair.comparison.how {
        case .stem, .translation, .transcription: break
        case .typo, .phonetic: guard !isDistinctive(a) else { return nil }
        default: return nil
        }
        func text(_ token: ScoringToken) -> String {
            String(decoding: token.forms.text.isEmpty ? token.forms.key : token.forms.text, as: UTF8.self)
        }
        return "\(text(a)) / \(text(b))"
    }

    /// A rare word that names an organisation: not a place, a number, a surname or a given name.
    func isDistinctive(_ token: ScoringToken) -> Bool {
        guard token.weight >= parameters.distinctiveWordWeight, token.forms.key.count >= 5, !token.forms.key.contains(where: ASCII.isDigit) else {
            return false
        }
        let key = String(decoding: token.forms.key, as: UTF8.self)
        return !normalizer.places.contains(key) && !normalizer.commonSurnames.contains(key) && normalizer.nicknames[key] == nil
    }

    /// A word common in organisation names ("logistics", "trading"): not a place or a number.
    func isGeneric(_ token: ScoringToken) -> Bool {
        guard token.weight <= parameters.genericWordWeight, !token.forms.key.contains(where: ASCII.isDigit) else { return false }
        return !normalizer.places.contains(String(decoding: token.forms.key, as: UTF8.self))
    }
}

extension NameScreener {
    /// For the candidate bound (`DistinctiveWords`): the query's distinctive name words and its
    /// name words that are not generic (bit masks by position), and what
    /// each query word costs unmatched when the rule applies (its `genericWordCost` share when
    /// generic, its full cost otherwise). The rule applies only when every word the name did
    /// not reach is generic. No mask for a person's name or a query without a distinctive word.
    func distinctiveBound(_ query: PreparedQuery) -> (mask: UInt32, specific: UInt32, missing: [Double]) {
        guard parameters.genericWordCost < 1, query.kind != .person else { return (0, 0, []) }
        var mask: UInt32 = 0
        for (i, token) in query.tokens.enumerated() where i < 32 && token.kind == .name && isDistinctive(token) {
            mask |= UInt32(1) << UInt32(i)
        }
        guard mask != 0 else { return (0, 0, []) }
        var specific: UInt32 = 0
        var missing: [Double] = []
        missing.reserveCapacity(query.tokens.count)
        for (i, token) in query.tokens.enumerated() {
            let generic = token.kind == .name && isGeneric(token)
            if token.kind == .name, !generic, i < 32 { specific |= UInt32(1) << UInt32(i) }
            missing.append(token.weight * (generic ? min(token.cost, parameters.genericWordCost) : token.cost))
        }
        return (mask, specific, missing)
    }
}
