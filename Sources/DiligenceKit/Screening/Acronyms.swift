/// The acronyms an organisation's name makes ("IRGC" for Islamic Revolutionary Guard Corps,
/// "PDVSA" for Petróleos de Venezuela S.A., "SUEK" for Sibirskaya Ugolnaya Energeticheskaya
/// Kompaniya): the first letters of its words in order, with stop words left out or kept and
/// legal forms left out, abbreviated by their initials, or kept whole when they are one short
/// word ("sa"). Lists give many entities by their acronym as an alias, and counterparties name
/// them either way.
///
/// An acronym against the words it stands for is a **weaker match** than the words themselves
/// (`ScoringParameters.acronymSimilarity`, with the reason in the why): many names share an
/// acronym, so it suggests rather than identifies.
enum Acronyms {
    /// A word of a name as acronyms see it.
    enum Part: Sendable, Hashable {
        /// A word of the name (lower-case Latin).
        case word(String)
        /// A stop word ("of", "and", "de").
        case stopword(String)
        /// The words of a legal form ("joint stock company", "sa").
        case legalForm([String])
    }

    /// Acronyms shorter than this are not made: three letters are shared by too many names.
    static let minimumLength = 4
    static let maximumLength = 10

    /// The distinct acronyms of a name's words, between `minimumLength` and `maximumLength`
    /// letters, in a fixed order, with legal forms treated as `policies` say.
    static func of(_ parts: [Part], legalForms policies: [LegalFormPolicy] = LegalFormPolicy.allCases) -> [String] {
        // Most names (a person's two or three words) cannot make one: no work for them.
        var most = 0, longWords = 0, shortWords = 0
        for part in parts {
            switch part {
            case .word(let word):
                most += 1
                if word.utf8.count > 3 { longWords += 1 } else { shortWords += 1 }
            case .stopword: most += 1
            case .legalForm(let words): most += max(words.count, words.first?.utf8.count ?? 0)
            }
        }
        guard most >= minimumLength else { return [] }
        // `trailingCompany` reads a name as `left` does unless a company word ends it: not made twice.
        let endsWithCompany: Bool
        if case .legalForm(let words)? = parts.last, words.count == 1, companyAbbreviations[words[0]] != nil {
            endsWithCompany = true
        } else {
            endsWithCompany = false
        }
        var result: [String] = []
        // Short words dropped too: the particles and joining words of other languages ("de",
        // "y", "sus": "TRAPSA" for TALLER DE REPARACIONES DE AERODINOS SUS PARTES Y SERVICIOS
        // AEREOS S.A.), when the name has three longer words or more.
        for (keepStopwords, keepShort) in longWords >= 3 && shortWords > 0 ? Self.shortWordsDropped : Self.shortWordsKept {
            for legalForms in policies where legalForms != .trailingCompany || endsWithCompany {
                var letters = ""
                for (position, part) in parts.enumerated() {
                    switch part {
                    case .word(let word): if keepShort || word.utf8.count > 3 { append(initialOf: word, to: &letters) }
                    case .stopword(let word): if keepStopwords { append(initialOf: word, to: &letters) }
                    case .legalForm(let words):
                        switch legalForms {
                        case .left: break
                        case .trailingCompany:
                            // "SUEK" for SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA KOMPANIYA: the
                            // company word that ends the name is one of its words.
                            if position == parts.count - 1, words.count == 1, companyAbbreviations[words[0]] != nil {
                                append(initialOf: words[0], to: &letters)
                            }
                        case .initials: for word in words { append(initialOf: word, to: &letters) }
                        case .whole:
                            if words.count == 1, let short = words[0].utf8.count <= 3 ? words[0] : companyAbbreviations[words[0]] {
                                // "sa", and "co" for "company" ("SCSCO" for SHIPPING COMPUTER SERVICES COMPANY).
                                letters += short
                            } else {
                                for word in words { append(initialOf: word, to: &letters) }
                            }
                        }
                    }
                }
                if (minimumLength...maximumLength).contains(letters.utf8.count), !result.contains(letters) { result.append(letters) }
            }
        }
        return result
    }

    /// The words an acronym keeps: (stop words, words of three letters or fewer).
    static let shortWordsKept = [(false, true), (true, true)]
    static let shortWordsDropped = [(false, true), (true, true), (false, false)]

    /// A legal form of one long word as acronyms abbreviate it.
    static let companyAbbreviations = ["company": "co", "compania": "co", "compagnie": "co", "companhia": "co", "kompaniya": "co"]

    /// How an acronym reads a legal form: left out, by its words' initials, kept whole when one
    /// short word, or left out but for a company word that ends the name, read by its initial
    /// (the Russian "kompaniya" is a word of the name an acronym keeps: "SUEK", "UK").
    enum LegalFormPolicy: CaseIterable {
        case left, initials, whole, trailingCompany
    }

    static func append(initialOf word: String, to letters: inout String) {
        if let first = word.utf8.first, ASCII.isAlphanumeric(first) { letters.unicodeScalars.append(Unicode.Scalar(first)) }
    }

    /// Whether a word as written could be an acronym: letters only, of an acronym's length.
    static func couldBeAcronym(_ text: String) -> Bool {
        (minimumLength...maximumLength).contains(text.utf8.count) && text.utf8.allSatisfy(ASCII.isLetter)
    }
}

extension NameScreener {
    /// Matches of a query against listed organisations by acronym, into `best` where they score
    /// higher than what the words gave: a query that is one word against a listed name whose
    /// acronym it is ("PDVSA" / "PETROLEOS DE VENEZUELA, S.A."), and a query whose acronym is a
    /// listed name of one word ("Sibirskaya Ugolnaya Energeticheskaya Kompaniya" / "JSC SUEK").
    /// Returns whether any listed name was found. `known`: `acronymCandidates` made already.
    func acronymMatches(
        _ prepared: PreparedQuery, query: ScreeningQuery, threshold: Double,
        best: inout [Int: (match: ScreeningMatch, nameIndex: Int)], found known: [(name: Int, queryTokens: [Int], listedTokens: [Int])]? = nil
    ) -> Bool {
        let found = known ?? acronymCandidates(prepared, threshold: threshold)
        for (name, queryPositions, listedPositions) in found {
            let entityIndex = Int(index.nameEntity[name])
            let entity = entities[entityIndex]
            let nameIndex = Int(index.nameIndex[name])
            let range = index.tokenRange(ofName: name)
            let listed = range.map { listedToken(at: $0) }
            let weight =
                (queryPositions.map { prepared.tokens[$0].weight }.reduce(0, +) / Double(max(queryPositions.count, 1))
                    + listedPositions.map { listed[$0].weight }.reduce(0, +) / Double(max(listedPositions.count, 1))) / 2
            var alignment = TokenAlignment()
            alignment.pairs = [
                .init(
                    query: queryPositions, listed: listedPositions,
                    comparison: TokenComparison(how: .acronym, similarity: parameters.acronymSimilarity, edits: 0), weight: weight)
            ]
            alignment.unmatchedQuery = prepared.tokens.indices.filter { !queryPositions.contains($0) && prepared.tokens[$0].kind == .name }
            alignment.unmatchedListed = listed.indices.filter { !listedPositions.contains($0) && listed[$0].kind == .name }
            alignment.score = parameters.acronymSimilarity
            alignment.matchedWeight = parameters.acronymSimilarity * weight
            alignment.weightAtStake = weight
            let (score, signals) = applySignals(alignment, query: query, kind: prepared.kind, entity: entity, matchedWords: 1, listedNameTokens: 1)
            guard score >= threshold else { continue }
            if let existing = best[entityIndex], (existing.match.score, -existing.nameIndex) >= (score, -nameIndex) { continue }
            let matched = entity.allNames[nameIndex]
            let listedFlags = range.map { index.tokenFlags[$0] }
            let explanation = ScreeningExplanation(
                query: prepared.name, listed: normalizer.normalize(matched), alignment: alignment,
                queryTokens: prepared.tokens, listedTokens: listed, listedFlags: listedFlags,
                data: normalizer.data, signals: signals)
            best[entityIndex] = (
                ScreeningMatch(
                    entity: entity, matched: matched, score: score, why: explanation.why,
                    isExact: false, details: explanation.details), nameIndex
            )
        }
        return !found.isEmpty
    }

    /// The listed names `acronymMatches` scores for a query (its positions and the listed
    /// name's): none for a person's name or a threshold an acronym cannot reach. Needs the
    /// tokens' kinds and texts only (`prepareForLookUp`).
    func acronymCandidates(_ prepared: PreparedQuery, threshold: Double) -> [(name: Int, queryTokens: [Int], listedTokens: [Int])] {
        acronymCandidates(prepared.name, kind: prepared.kind, threshold: threshold)
    }

    /// `acronymCandidates` of a normalised name and the query's kind (a `PreparedQuery`'s
    /// tokens have the name's kinds).
    func acronymCandidates(_ queryName: NormalizedName, kind: ListedEntity.Kind?, threshold: Double) -> [(name: Int, queryTokens: [Int], listedTokens: [Int])] {
        guard kind != .person, parameters.acronymSimilarity >= threshold - parameters.sameCountryBonus else { return [] }
        let nameTokens = queryName.tokens.indices.filter { queryName.tokens[$0].kind == .name }
        var found: [(name: Int, queryTokens: [Int], listedTokens: [Int])] = []
        // The query is an acronym: its only name word.
        if nameTokens.count == 1, let position = nameTokens.first {
            let text = queryName.tokens[position].text
            if Acronyms.couldBeAcronym(text) {
                for slot in CandidateIndex.range(of: CandidateIndex.hash(text.utf8), in: index.acronymHashes) {
                    let name = Int(index.acronymNames[slot])
                    let entity = entities[Int(index.nameEntity[name])]
                    let listedName = normalizer.normalize(entity.allNames[Int(index.nameIndex[name])])
                    guard Acronyms.of(listedName.acronymParts).contains(text) else { continue }
                    let range = index.tokenRange(ofName: name)
                    let listed = range.filter { index.tokenFlags[$0] & (CandidateIndex.Flag.initial | CandidateIndex.Flag.particle) == 0 }
                    found.append((name, [position], listed.map { $0 - range.lowerBound }))
                }
            }
        }
        // The listed name is an acronym of the query's words: a listed name of that one word.
        // Only acronyms of the words themselves: with the legal form's letters added, a
        // company's two words make the four-letter acronym of too many others ("Industrias
        // Rocha S.A." and "IRSA"). A company word that ends the name is one of them when three
        // name words come before it ("SUEK": `LegalFormPolicy.trailingCompany`).
        let policies: [Acronyms.LegalFormPolicy] = nameTokens.count >= 3 ? [.left, .trailingCompany] : [.left]
        for acronym in Acronyms.of(queryName.acronymParts, legalForms: policies) {
            guard let token = index.vocabulary[normalizer.fold(acronym)] else { continue }
            for name in index.postings(of: token) {
                let range = index.tokenRange(ofName: Int(name))
                let names = range.filter { index.tokenFlags[$0] & (CandidateIndex.Flag.initial | CandidateIndex.Flag.particle) == 0 }
                guard names.count == 1, let only = names.first, index.tokens[only] == token, index.text(at: only).elementsEqual(acronym.utf8),
                    entities[Int(index.nameEntity[Int(name)])].kind != .person
                else { continue }
                found.append((Int(name), nameTokens, [only - range.lowerBound]))
            }
        }
        return found
    }
}
