/// Names added to a listed person's whole name. OFAC lists a person by a short name and gives
/// the longer one as an alias, or the reverse: "AYASH, Mustafa" is also "AYASH, Mostafa Moin
/// Mahmoud", "KARIM, Shakeel" also "FAZAL, Shakeel Karim", "ABDOLLAHI, Ali" also "ABDOLLAHI
/// ALIABADI, Ali" (middle names, a father's name, a second surname or a tribal name). When the
/// listed name is wholly inside the query's, the query's other words then cost
/// `addedNameCost` of their weight instead of their full (or middle-name) weight, and the score
/// is at most `addedNamesCap`, with the reason in the why.
///
/// Guards, so that a relative or a namesake stays apart:
/// - a query known to be a person's name (written "LAST, First", with a title, or screened as
///   a person): the rule needs to know which word is the first given name, and a name of
///   unknown order ("金凤 黄", "Jinfeng Huang") does not say;
/// - a listed person of two name words or more, every one of them matched (no word of its
///   own: a different middle name, patronymic or "bin ..." of the listed name stays a
///   conflict, `DistinguishingParts`), by a word, not an initial;
/// - the query's first name word is the listed first given name, of the same first sound
///   (`SecondSurname.sameFirstSound`, on the keys and as written; a typo also of the same last
///   sound): "Ali Muhammad HAMSHO" (Ali, son of Muhammad) is not "HAMSHO, Muhammad";
/// - every pair the same word, a typo or one word written as two; not an initial, a
///   sound-alike or a transcription ("Muhammad Husayn" is not "KHAZEIN, Mahmoud");
/// - the query adds one or two name words (not initials), and its matched words weigh at least
///   `addedNamesShare` of them (as much, as `PartialCoverage` asks): two shared common given
///   names do not carry a longer name ("FADLALLAH, Muhammad Husayn" is not "HUSAYN, Muhammad").
extension NameScreener {
    /// How the pairs of a name the rule lifts may match.
    static let addedNamesPairs: Set<TokenComparison.How> = [.exact, .spelling, .typo, .joined]

    /// Lowers the cost of the query's words around a listed person's whole name, and returns
    /// the reason; nil (and the alignment untouched) otherwise.
    func applyAddedNames(_ alignment: inout TokenAlignment, query: PreparedQuery, queryTokens: [ScoringToken], listed: ListedSide) -> String? {
        guard parameters.addedNameCost < 1, listed.kind == .person, query.kind == .person, !alignment.isExact else { return nil }
        let (extraQuery, extraListed) = alignment.unmatchedNameWords(queryTokens, listed)
        guard extraListed.isEmpty, !extraQuery.isEmpty, extraQuery.count <= 2,
            listed.tokens.lazy.filter({ $0.kind == .name }).count >= 2,
            alignment.pairs.allSatisfy({ Self.addedNamesPairs.contains($0.comparison.how) }),
            let firstQuery = queryTokens.firstIndex(where: { $0.kind == .name }),
            let firstListed = listed.tokens.firstIndex(where: { $0.kind == .name }),
            let pair = alignment.pairs.first(where: { $0.listed.contains(firstListed) }),
            pair.query.first == firstQuery, pair.listed.count == 1
        else { return nil }
        // The first given name on both sides, of the same first (and for a typo, last) sound.
        let a = queryTokens[firstQuery].forms, b = listed.tokens[firstListed].forms
        guard SecondSurname.sameFirstSound(a.key, b.key), a.text.isEmpty || b.text.isEmpty || SecondSurname.sameFirstSound(a.text, b.text),
            pair.comparison.how != .typo || SecondSurname.sameLastSound(a.key, b.key)
        else { return nil }
        let extraWeight = extraQuery.reduce(0.0) { $0 + queryTokens[$1].weight }
        guard alignment.matchedWeight >= parameters.addedNamesShare * extraWeight else { return nil }
        var saved = 0.0
        for position in extraQuery {
            let token = queryTokens[position]
            saved += max(0, token.cost - parameters.addedNameCost) * token.weight
        }
        let before = alignment.score
        guard saved > 0, alignment.weightAtStake - saved > 0, before < parameters.addedNamesCap else { return nil }
        alignment.weightAtStake -= saved
        let lifted = alignment.matchedWeight / alignment.weightAtStake
        alignment.score = max(before, min(lifted, parameters.addedNamesCap))
        guard alignment.score > before else { return nil }
        let words = extraQuery.map { String(decoding: queryTokens[$0].forms.text, as: UTF8.self) }.joined(separator: ", ")
        let cap = lifted > parameters.addedNamesCap ? " (at most \(Self.format(parameters.addedNamesCap)): the same person or a relative)" : ""
        return "every word of the listed name is in the name, the first given name first; the name's other words (\(words)) count "
            + "\(Self.format(parameters.addedNameCost))\(cap)"
    }
}
