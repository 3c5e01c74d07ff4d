/// Partial coverage: one organisation's name whose every word is found, in order, in the
/// other's, which has more words ("KISH INTERNATIONAL BANK OFFSHORE COMPANY PJS" against the
/// listed "KISH INTERNATIONAL BANK", "SAHAB PARDAZ CO." against "SAMANE GOSTAR SAHAB PARDAZ
/// PRIVATE LIMITED COMPANY"). Lists and counterparties add and drop an organisation's
/// descriptive words; when one name is wholly inside the other, the words only the longer
/// one has count `partialCoverageCost` of their weight instead of their full (query) or half
/// (listed) weight.
///
/// Guards, so that a shared common word does not make a match:
/// - the covered name has two name words or more ("Wagner GmbH" covers nothing), each the
///   same word as one of the other's, one for one (no typo, sound-alike or joined words:
///   "Sama ... Sti." is not inside "SABA STEEL");
/// - its words carry most of the weight: its matched weight is at least the weight of the
///   other side's extra words (`partialCoverageShare` of it), so "KOREA TRADING" is not
///   inside every "KOREA ... TRADING CORPORATION";
/// - places, numbers and series markers of the longer name keep their full cost
///   (`DistinguishingParts`: "Deutsche Bank"/"Deutsche Bank Polska", "Fund III");
/// - organisations only: a person's name that adds or drops a name is another person as
///   often as the same one; a query written "LAST, First" is a person's (`writtenLastFirst`:
///   "JAN, Lahore" is not inside "LAHORE JAN SHANWARI EXCHANGE").
extension NameScreener {
    /// Lowers the cost of the longer name's extra words when the shorter is wholly inside it,
    /// and returns the reason; nil (and the alignment untouched) otherwise.
    func applyPartialCoverage(
        _ alignment: inout TokenAlignment, query: PreparedQuery, queryTokens: [ScoringToken], listed: ListedSide
    ) -> String? {
        guard parameters.partialCoverageCost < 1, listed.kind == .organisation, query.kind != .person, !alignment.pairs.isEmpty else { return nil }
        let (extraQuery, extraListed) = alignment.unmatchedNameWords(queryTokens, listed)
        // One side covered: no name word of it left over; the other with words to spare.
        let queryCovered = extraQuery.isEmpty
        guard queryCovered != extraListed.isEmpty else { return nil }
        let coveredTokens = queryCovered ? queryTokens : listed.tokens
        let coveredWords = coveredTokens.filter { $0.kind == .name }.count
        guard coveredWords >= 2 else { return nil }
        // Every pair one word for one word, the same word (exactly or as a spelling variant, not
        // a typo or a sound-alike), in the same order on both sides.
        var lastListed = -1
        var pairs = 0
        for pair in alignment.pairs.sorted(by: { ($0.query.first ?? 0) < ($1.query.first ?? 0) }) {
            guard pair.comparison.how == .exact || pair.comparison.how == .spelling, pair.query.count == 1, pair.listed.count == 1,
                let position = pair.listed.first, position > lastListed
            else { return nil }
            lastListed = position
            if queryTokens[pair.query[0]].kind == .name { pairs += 1 }
        }
        guard pairs >= 2 else { return nil }
        // The extra words that may count less: names, not places or numbers.
        let (extraTokens, extra) = queryCovered ? (listed.tokens, extraListed) : (queryTokens, extraQuery)
        let discounted = extra.filter { position in
            let token = extraTokens[position]
            return !token.forms.key.contains(where: ASCII.isDigit) && !normalizer.places.contains(String(decoding: token.forms.key, as: UTF8.self))
        }
        guard !discounted.isEmpty else { return nil }
        let extraWeight = discounted.reduce(0.0) { $0 + extraTokens[$1].weight }
        guard alignment.matchedWeight >= parameters.partialCoverageShare * extraWeight else { return nil }
        let sideCost = queryCovered ? parameters.missingListedTokenCost : 1
        var saved = 0.0
        for position in discounted {
            let token = extraTokens[position]
            saved += max(0, sideCost * token.cost - parameters.partialCoverageCost) * token.weight
        }
        guard saved > 0, alignment.weightAtStake - saved > 0 else { return nil }
        let before = alignment.score
        alignment.weightAtStake -= saved
        let lifted = alignment.matchedWeight / alignment.weightAtStake
        let capped = lifted > parameters.partialCoverageCap && before < parameters.partialCoverageCap
        alignment.score = min(0.99, max(before, min(lifted, parameters.partialCoverageCap)))
        let words = discounted.map { String(decoding: extraTokens[$0].forms.text, as: UTF8.self) }.joined(separator: ", ")
        let cost = Self.format(parameters.partialCoverageCost)
        let cap = capped ? " (at most \(Self.format(parameters.partialCoverageCap)): the same organisation or a related one)" : ""
        return queryCovered
            ? "every word of the name is in the listed name, in order; its other words (\(words)) count \(cost)\(cap)"
            : "every word of the listed name is in the name, in order; the name's other words (\(words)) count \(cost)\(cap)"
    }
}

extension TokenAlignment {
    /// The name words (not legal forms, titles or initials) each side left unmatched, by
    /// position: the extra words `PartialCoverage` and `DistinctiveWords` price.
    func unmatchedNameWords(_ queryTokens: [ScoringToken], _ listed: NameScreener.ListedSide) -> (query: [Int], listed: [Int]) {
        (unmatchedQuery.filter { queryTokens[$0].kind == .name }, unmatchedListed.filter { listed.tokens[$0].kind == .name })
    }
}
