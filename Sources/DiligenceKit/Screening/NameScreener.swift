import Foundation

/// Screens names against listed persons and entities: across scripts and transliterations, in
/// any word order, with misspellings, initials and missing middle names, weighted by how rare
/// each word is in the list, with the entity's country and kind as signals.
///
/// Candidates come from `CandidateIndex` (the query's tokens, their one-edit neighbours, trigrams
/// and sound keys), and a candidate is scored only when an upper bound of its score reaches the
/// threshold: the cost grows with the names that share a look-alike token, not with the list.
/// A class: rules reach it for every counterparty, and a copy retained every array of the index.
public final class NameScreener: Sendable {
    public let entities: [ListedEntity]
    public let normalizer: NameNormalizer
    public let parameters: ScoringParameters
    let index: CandidateIndex
    let listSize: Double
    /// Organisation words in other languages and the list's words of the same meaning.
    let organisationWords: OrganisationWords
    /// Abbreviations of organisation-name words and their full forms (`OrganisationAbbreviations`).
    let abbreviations: OrganisationAbbreviations
    /// The list's adjectives made from places, by stem (`PlaceAdjectives`).
    let placeAdjectives: PlaceAdjectives
    /// Which texts can fold to a list word at all, by the letters no fold removes (`KeptLetters`).
    let keptLetters: KeptLetters
    /// Whether a name that reaches no list word and no listed acronym skips weighing and
    /// scoring (false for tests: the general path).
    let setsAsideUnreached: Bool
    /// Whether a name in Latin letters alone is read only as Sino-Vietnamese and Turkish
    /// (`latinReadings`; false for tests: every reading asked for).
    let readsLatinDirectly: Bool
    /// Whether a name the run's memos show to reach nothing is set aside without a
    /// `PreparedQuery` (`knownToReachNothing`; false for tests: the general path).
    let setsAsideKnown: Bool
    /// Whether a Latin name that its words as written show to reach nothing is set aside before
    /// it is normalised (`setAsideAsWritten`; false for tests: the general path).
    let setsAsideAsWritten: Bool
    /// Whether `TurkicLatin.listSpelling` is asked only of a name `TurkicLatin.mayRespell`
    /// passes (false for tests: asked of every name).
    let preTestsTurkicSpelling: Bool
    /// Whether the scorer's full comparisons of query words with list words are remembered
    /// across queries (`ComparisonMemo`; false for tests: each compared again).
    let memoisesComparisons: Bool
    /// The listed names a query's acronym could be, by their letters (`AcronymTargets`).
    let acronymTargets: AcronymTargets
    /// The words of the titles' phrases, folded (`setAsideAsWritten`: a word a title may leave out).
    let titleWords: Set<String>
    let memo = ScreeningMemo()

    public convenience init(entities: [ListedEntity], normalizer: NameNormalizer = .standard, parameters: ScoringParameters = ScoringParameters()) {
        self.init(entities: entities, normalizer: normalizer, parameters: parameters, keptLetterTest: true)
    }

    /// `keptLetterTest` false folds every joined text (`KeptLetters` rules out none),
    /// `setsAsideUnreached` false weighs and scores every name, and `readsLatinDirectly` false
    /// asks every reading of every name, `setsAsideKnown` false prepares and looks up every
    /// name, `setsAsideAsWritten` false normalises every name, `preTestsTurkicSpelling` false
    /// respells every name, `memoisesComparisons` false compares every pair again (all for tests).
    init(
        entities: [ListedEntity], normalizer: NameNormalizer, parameters: ScoringParameters, keptLetterTest: Bool, setsAsideUnreached: Bool = true,
        readsLatinDirectly: Bool = true, setsAsideKnown: Bool = true, setsAsideAsWritten: Bool = true, preTestsTurkicSpelling: Bool = true,
        memoisesComparisons: Bool = true
    ) {
        self.entities = entities
        self.memoisesComparisons = memoisesComparisons
        self.preTestsTurkicSpelling = preTestsTurkicSpelling
        self.setsAsideKnown = setsAsideKnown
        self.setsAsideAsWritten = setsAsideAsWritten
        self.setsAsideUnreached = setsAsideUnreached
        self.readsLatinDirectly = readsLatinDirectly
        self.normalizer = normalizer
        self.parameters = parameters
        index = CandidateIndex(entities: entities, normalizer: normalizer, parameters: parameters)
        listSize = max(Double(entities.count), parameters.minimumListSize)
        organisationWords = OrganisationWords(data: normalizer.data, normalizer: normalizer, vocabulary: index.vocabulary)
        abbreviations = OrganisationAbbreviations(data: normalizer.data, normalizer: normalizer, vocabulary: index.vocabulary)
        placeAdjectives = PlaceAdjectives(index: index)
        keptLetters = keptLetterTest ? KeptLetters(folds: normalizer.data.spellingFolds, keys: index.vocabulary.keys) : KeptLetters()
        acronymTargets = AcronymTargets(index: index, entities: entities)
        titleWords = Set(normalizer.titles.flatMap { $0.split(separator: " ").map(String.init) })
    }

    /// The number of names and aliases indexed.
    public var nameCount: Int { index.nameCount }

    /// Matches of a bare name at or above `threshold`, best first, one per entity.
    public func screen(_ name: String, threshold: Double) -> [ScreeningMatch] {
        screen(ScreeningQuery(name), threshold: threshold)
    }

    /// Matches at or above `threshold`, best first (ties by entity id), one per entity.
    /// A query met before returns the answer given then; so does a name met before with
    /// another country that no listed name came near.
    public func screen(_ query: ScreeningQuery, threshold: Double) -> [ScreeningMatch] {
        let keys = memo.keys(query, threshold)
        if let known = memo.answer(keys) { return known }
        var scratch = memo.takeScratch { Scratch(names: index.nameCount, vocabulary: index.vocabularyCount) }
        var hadCandidates = false
        let matches = screen(query, threshold: threshold, scratch: &scratch, hadCandidates: &hadCandidates)
        memo.giveBack(scratch)
        memo.remember(matches, for: keys, hadCandidates: hadCandidates)
        return matches
    }

    /// Screens many queries, in order, reusing working memory between them.
    public func screen(_ queries: [ScreeningQuery], threshold: Double) -> [[ScreeningMatch]] {
        var scratch = Scratch(names: index.nameCount, vocabulary: index.vocabularyCount)
        return queries.map { screen($0, threshold: threshold, scratch: &scratch) }
    }

    // MARK: The query

    /// A normalised query with its scoring tokens.
    struct PreparedQuery {
        var name: NormalizedName
        var tokens: [ScoringToken]
        var keys: [[UInt8]]
        var texts: [[UInt8]]
        var phonetics: [[UInt8]]
        var kind: ListedEntity.Kind?
        /// Positions of name tokens between the first and the last (middle names, for a person).
        var middle: Set<Int>
        /// `Transliterator.latin` of the name, made by the normaliser (nil for a name it cut).
        var latin: String? = nil
    }

    func prepare(_ query: ScreeningQuery) -> PreparedQuery {
        var prepared = prepareForLookUp(query)
        weigh(&prepared)
        return prepared
    }

    /// The query normalised with what `lookUp` and `acronymCandidates` read: the tokens' forms
    /// and kinds, the name's kind. Their weights and costs are `weigh`'s, which a name that
    /// reaches no list word does without (`NameScreener.screen`).
    func prepareForLookUp(_ query: ScreeningQuery) -> PreparedQuery {
        let (name, latin) = normalizer.normalizeKeepingLatin(query.name)
        return prepareForLookUp(query, name: name, latin: latin)
    }

    /// The kind of a query's name: the query's, or as its normalised name says: a legal form an
    /// organisation's, a title or the "LAST, First" form a person's.
    static func kind(of query: ScreeningQuery, name: NormalizedName) -> ListedEntity.Kind? {
        query.kind ?? (!name.legalForms.isEmpty ? .organisation : (!name.titles.isEmpty || name.writtenLastFirst ? .person : nil))
    }

    /// `prepareForLookUp` of a query normalised already (`name`, `latin`: `normalizeKeepingLatin`'s).
    func prepareForLookUp(_ query: ScreeningQuery, name: NormalizedName, latin: String?) -> PreparedQuery {
        let keys = name.tokens.map { Array($0.key.utf8) }
        let texts = name.tokens.map { Array($0.text.utf8) }
        let phonetics = keys.map { PhoneticKey.key($0[...]) }
        let kind = Self.kind(of: query, name: name)
        var tokens: [ScoringToken] = []
        tokens.reserveCapacity(name.tokens.count)
        let nonLatin = !NameNormalizer.isLatinOnly(query.name)
        // Cyrillic and Greek letters, looked for in one pass of a name that is not Latin only.
        var cyrillic = false, greek = false
        if nonLatin {
            for scalar in query.name.unicodeScalars where scalar.value >= 0x0370 {
                if (0x0400..<0x0530).contains(scalar.value) { cyrillic = true }
                if scalar.value < 0x0400 || (0x1F00..<0x2000).contains(scalar.value) { greek = true }
            }
        }
        for (position, token) in name.tokens.enumerated() {
            var forms = TokenForms(key: keys[position][...], text: texts[position][...], phonetic: phonetics[position][...])
            forms.abjad = token.isAbjad
            forms.abjadLetters = token.abjadLetters
            forms.cyrillic = cyrillic
            forms.nonLatin = nonLatin
            forms.greek = greek
            if let script = token.transcription {
                forms.transcription = Transcription.Skeleton(
                    script: script, classes: Transcription.skeleton(texts[position][...], script: script),
                    givenName: script == .chinese ? HanGivenNames.standard?.index(of: texts[position][...]) ?? -1 : -1)
            }
            tokens.append(ScoringToken(forms: forms, kind: token.kind, weight: 0, cost: 1, isPatronymic: token.isPatronymic))
        }
        return PreparedQuery(name: name, tokens: tokens, keys: keys, texts: texts, phonetics: phonetics, kind: kind, middle: [], latin: latin)
    }

    /// The rest of `prepare`: the tokens' weights and costs, and the middle names.
    func weigh(_ prepared: inout PreparedQuery) {
        let name = prepared.name, kind = prepared.kind
        let nameTokens = name.tokens.indices.filter { name.tokens[$0].kind == .name }
        var middle: Set<Int> = []
        if name.legalForms.isEmpty, nameTokens.count >= 3, let first = nameTokens.first, let last = nameTokens.last {
            middle = Set(nameTokens.filter { $0 != first && $0 != last })
        }
        prepared.middle = middle
        for (position, token) in name.tokens.enumerated() {
            let base = index.vocabulary[token.key].map { index.weights[Int($0)] } ?? unseenWeight(token.key, kind: kind)
            var cost = 1.0
            if token.isPatronymic { cost = min(cost, parameters.patronymicCost) }
            if kind == .person, middle.contains(position) { cost = min(cost, parameters.middleNameCost) }
            prepared.tokens[position].weight = capped(base, token.kind)
            prepared.tokens[position].cost = min(cost, self.cost(of: token.kind))
        }
    }

    /// The weight of a query word the list does not know; an organisation's word in another
    /// language (`OrganisationWords`) weighs what its English word does.
    func unseenWeight(_ key: String, kind: ListedEntity.Kind?) -> Double {
        guard kind != .person else { return unseenWeight(key) }
        guard let meaning = organisationWords.english[key] else {
            // A Russian word of the same stem as a list word weighs what the commonest of those
            // does ("polimernykh" what "polymer" does); a word without a Russian ending keeps
            // its own weight ("wiliam" is no form of "williams").
            guard Cognates.hasRussianEnding(key) else { return unseenWeight(key) }
            let weights = organisationWords.cognateTokens(ofKey: key).map { index.weights[Int($0)] }
            return weights.min() ?? unseenWeight(key)
        }
        return index.vocabulary[meaning].map { index.weights[Int($0)] } ?? unseenWeight(meaning)
    }

    func unseenWeight(_ key: String) -> Double {
        let background = normalizer.data.commonTokens[key].map { Double($0) / Double(max(normalizer.data.commonTokensTotal, 1)) } ?? 0
        return -log(min(max(0.5 / listSize, background), 1))
    }

    /// The weight of a token of this kind whose rarity (`-ln p`) is `rarity`: particles and
    /// initials capped, then raised to `weightExponent`.
    func capped(_ rarity: Double, _ kind: NameToken.Kind) -> Double {
        let value: Double
        switch kind {
        case .name: value = rarity
        case .particle: value = min(rarity, parameters.particleWeight)
        case .initial: value = min(rarity, parameters.initialWeight)
        }
        return parameters.weightExponent == 1 ? value : pow(value, parameters.weightExponent)
    }

    func cost(of kind: NameToken.Kind) -> Double {
        switch kind {
        case .name: 1
        case .particle: parameters.particleCost
        case .initial: parameters.initialCost
        }
    }

    // MARK: Screening

    /// The names the index proposes for a query (for tests and measurements).
    func candidateNames(_ query: ScreeningQuery, threshold: Double) -> [Int] {
        var scratch = Scratch(names: index.nameCount, vocabulary: index.vocabularyCount)
        let prepared = prepare(query)
        return candidates(prepared, found: lookUp(prepared, scratch: &scratch), threshold: threshold, scratch: &scratch)
    }

    /// `exhaustive` scores every indexed name instead of the index's candidates (for tests).
    /// `hadCandidates` is set to whether any listed name could reach the threshold: when none,
    /// the answer is the same for the name with any country.
    func screen(_ query: ScreeningQuery, threshold: Double, scratch: inout Scratch, exhaustive: Bool = false) -> [ScreeningMatch] {
        var hadCandidates = false
        return screen(query, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
    }

    func screen(
        _ query: ScreeningQuery, threshold: Double, scratch: inout Scratch, exhaustive: Bool = false,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        hadCandidates = false
        // A Latin name whose words as written reach nothing: set aside as below, before it is
        // normalised (most names, their words met before; `setAsideAsWritten`).
        if !exhaustive, setsAsideUnreached, setsAsideAsWritten, readsLatinDirectly, scratch.asWrittenChecks.pays {
            let aside = setAsideAsWritten(query, threshold: threshold, scratch: &scratch)
            scratch.asWrittenChecks.count(settingAside: aside)
            if aside {
                return withAllReadings(
                    [], of: query, latin: nil, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
            }
        }
        let (name, latin) = normalizer.normalizeKeepingLatin(query.name)
        guard name.tokens.contains(where: { $0.kind == .name }) else { return [] }
        // A name whose words and joins the run has found to reach nothing, and no acronym: set
        // aside as below, without its `PreparedQuery` (most names, their words met before).
        if !exhaustive, setsAsideUnreached, setsAsideKnown, scratch.knownChecks.pays {
            let known = knownToReachNothing(name, kind: Self.kind(of: query, name: name), threshold: threshold)
            scratch.knownChecks.count(settingAside: known)
            if known {
                return withAllReadings(
                    [], of: query, latin: latin, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
            }
        }
        var prepared = prepareForLookUp(query, name: name, latin: latin)
        let found = lookUp(prepared, scratch: &scratch)
        var best: [Int: (match: ScreeningMatch, nameIndex: Int)] = [:]
        // A name that reaches no list word has no candidate (`candidates`), and with no listed
        // acronym none by acronym either: only its readings are left to screen, and it is not
        // weighed (most counterparty names against a short list; `setsAsideUnreached`).
        let acronymsFound = !exhaustive && setsAsideUnreached && found.allSatisfy { $0.isEmpty } ? acronymCandidates(prepared, threshold: threshold) : nil
        if acronymsFound?.isEmpty != true {
            weigh(&prepared)
            screenCandidates(
                prepared, query: query, found: found, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, acronymsFound: acronymsFound,
                best: &best, hadCandidates: &hadCandidates)
        }
        return withAllReadings(
            best.values.map { $0.match }, of: query, latin: prepared.latin, threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
            hadCandidates: &hadCandidates)
    }

    /// The candidates of a weighed query scored into `best`, and its acronym matches.
    func screenCandidates(
        _ prepared: PreparedQuery, query: ScreeningQuery, found: [[Int32: TokenComparison]], threshold: Double, scratch: inout Scratch,
        exhaustive: Bool, acronymsFound: [(name: Int, queryTokens: [Int], listedTokens: [Int])]?,
        best: inout [Int: (match: ScreeningMatch, nameIndex: Int)], hadCandidates: inout Bool
    ) {
        let candidates = exhaustive ? Array(0..<index.nameCount) : self.candidates(prepared, found: found, threshold: threshold, scratch: &scratch)
        hadCandidates = !candidates.isEmpty
        let acronymQuery = parameters.acronymRuns > 0 && prepared.kind != .person && AcronymRuns.isAlphabetic(prepared.name.original)
        let shortAcronyms = AcronymRuns.allowsShortAcronyms(prepared.name)
        // The query words' numbers in the comparison memo, when it is used and there is a candidate.
        var words: [UInt32] = []
        if memoisesComparisons, !candidates.isEmpty {
            scratch.comparisons.begin(for: ObjectIdentifier(self))
            words = prepared.tokens.map { scratch.comparisons.number(of: $0.forms) }
        }
        for name in candidates {
            let entityIndex = Int(index.nameEntity[name])
            let entity = entities[entityIndex]
            let range = index.tokenRange(ofName: name)
            let listed = range.map { listedToken(at: $0) }
            var queryTokens = prepared.tokens
            if entity.kind == .person {
                // A listed person: a middle name only the query gives costs what a missing one does.
                for position in prepared.middle { queryTokens[position].cost = min(queryTokens[position].cost, parameters.middleNameCost) }
            }
            let allowStem = entity.kind != .person
            let acronyms = acronymQuery && entity.kind != .person
            let translations = OrganisationWords.counts(listed: entity.kind, query: prepared.kind)
            let alignment = NameScorer.align(
                query: queryTokens, listed: listed, parameters: parameters, acronyms: acronyms, shortAcronyms: shortAcronyms,
                abbreviations: shortAcronyms ? abbreviations : nil
            ) { i, j in
                if let comparison = found[i][index.tokens[range.lowerBound + j]], comparison.similarity > 0, comparison.how != .typo,
                    translations || comparison.how != .translation
                {
                    return comparison
                }
                // Compared in full: with the texts as written, and stems for organisations.
                guard !words.isEmpty else {
                    return TokenComparison.compare(queryTokens[i].forms, listed[j].forms, parameters: parameters, allowStem: allowStem)
                }
                return scratch.comparisons.comparison(word: words[i], position: range.lowerBound + j, allowStem: allowStem) {
                    TokenComparison.compare(queryTokens[i].forms, listed[j].forms, parameters: parameters, allowStem: allowStem)
                }
            } joined: { querySingle, single, first, span, ask in
                guard !words.isEmpty else { return nil }
                let key = ComparisonMemo.joinedKey(
                    querySingle: querySingle, single: single, first: first, span: span, words: words, listedStart: range.lowerBound)
                return scratch.comparisons.joinedComparison(key, ask)
            }
            guard var alignment else { continue }
            let listedFlags = range.map { index.tokenFlags[$0] }
            let nameIndex = Int(index.nameIndex[name])
            let listedSide = ListedSide(
                tokens: listed, flags: listedFlags, kind: entity.kind,
                name: { self.normalizer.normalize(entity.allNames[nameIndex]) })
            let coverage =
                applyPartialCoverage(&alignment, query: prepared, queryTokens: queryTokens, listed: listedSide)
                ?? applyDistinctiveWords(&alignment, query: prepared, queryTokens: queryTokens, listed: listedSide)
                ?? applyAddedNames(&alignment, query: prepared, queryTokens: queryTokens, listed: listedSide)
            let acronymCap = acronyms ? applyAcronymCap(&alignment) : nil
            let secondSurname = applySecondSurname(&alignment, queryTokens: queryTokens, listed: listedSide)
            let distinguishing =
                (coverage.map { [$0] } ?? []) + (acronymCap.map { [$0] } ?? []) + (secondSurname.map { [$0] } ?? [])
                + applyDistinguishingParts(&alignment, query: prepared, queryTokens: queryTokens, listed: listedSide)
            let (score, signals) = applySignals(
                alignment, query: query, kind: prepared.kind, entity: entity,
                matchedWords: alignment.pairs.reduce(0) { count, pair in
                    guard pair.query.contains(where: { queryTokens[$0].kind != .particle }) else { return count }
                    // One query word that is listed names written as one matches each
                    // ("OLAFSCHOLZ" / SCHOLZ, Olaf: not one word alone).
                    guard pair.comparison.how == .joined, pair.query.count == 1 else { return count + 1 }
                    return count + max(pair.listed.filter { listed[$0].kind == .name }.count, 1)
                },
                listedNameTokens: listed.filter { $0.kind == .name }.count)
            guard score >= threshold else { continue }
            if let existing = best[entityIndex], (existing.match.score, -existing.nameIndex) >= (score, -nameIndex) { continue }
            let matched = entity.allNames[nameIndex]
            let explanation = ScreeningExplanation(
                query: prepared.name, listed: normalizer.normalize(matched), alignment: alignment,
                queryTokens: queryTokens, listedTokens: listed, listedFlags: listedFlags,
                data: normalizer.data, signals: distinguishing + signals)
            best[entityIndex] = (
                ScreeningMatch(
                    entity: entity, matched: matched, score: score, why: explanation.why,
                    isExact: alignment.isExact, details: explanation.details), nameIndex
            )
        }
        if acronymMatches(prepared, query: query, threshold: threshold, best: &best, found: acronymsFound) { hadCandidates = true }
    }

    /// `matches` with those of the query's readings.
    func withAllReadings(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, latin: String?, threshold: Double, scratch: inout Scratch, exhaustive: Bool,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        // A name in Latin letters alone (`NameNormalizer.isLatinOnly`: every character below
        // U+0240, most names) has no letter of the scripts the other readings read (Han, Hangul,
        // Georgian, Armenian, Thai, Lao, Khmer, Arabic, Hebrew, Greek, Devanagari, Bengali):
        // only its Sino-Vietnamese and Turkish readings can apply (`latinReadings`).
        if readsLatinDirectly, NameNormalizer.isLatinOnly(query.name) {
            return latinReadings(matches, of: query, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
        }
        // A Korean name in Han characters, a Chinese name in Hangul, Georgian or Armenian, a
        // Turkish or Azerbaijani spelling, a Chinese name by its sound in another script, an Arab
        // name's article joined to a word in Chinese, Japanese, Korean or Thai: screened as read, too.
        let readings =
            koreanReadings(of: query) + chineseReadings(of: query) + georgianNominativeReadings(of: query)
            + silencedLetterReadings(of: query)
        let read = withReadings(
            withReadings(
                matches, of: query, readings, threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
                hadCandidates: &hadCandidates),
            of: query, sinoVietnameseReadings(of: query), threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
            hadCandidates: &hadCandidates, accepting: SinoVietnamese.accepts)
        let readMatches = withArabicReading(
            withTurkicReading(
                withKoreanSoundReadings(
                    withMandarinReadings(
                        read, of: query, latin: latin, threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
                        hadCandidates: &hadCandidates),
                    of: query, latin: latin, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates),
                of: query, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates),
            of: query, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
        return readMatches.sorted { ($1.score, $0.entity.id) < ($0.score, $1.entity.id) }
    }

    /// `withAllReadings` of a name in Latin letters alone: the same matches in the same order.
    /// Its Korean, Chinese, Georgian and silenced-letter readings are none (they need Han,
    /// Hangul, Georgian, Armenian, Thai, Lao or Khmer letters), and so are its Mandarin and
    /// Korean sound readings (`MandarinSound.script`, `KoreanSound.script`: a Latin letter is
    /// another script's) and its Arabic reading (`ArabicNameParts.reading`: a lead byte 0xE0 or
    /// more); those readings' steps leave the matches as they are, one per entity.
    func latinReadings(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, threshold: Double, scratch: inout Scratch, exhaustive: Bool,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        let read = withReadings(
            matches, of: query, sinoVietnameseReadings(of: query), threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
            hadCandidates: &hadCandidates, accepting: SinoVietnamese.accepts)
        return withTurkicReading(read, of: query, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates)
            .sorted { ($1.score, $0.entity.id) < ($0.score, $1.entity.id) }
    }

    /// The listed token at a position of the flat token store, as the scorer sees it.
    func listedToken(at position: Int) -> ScoringToken {
        let token = index.tokens[position]
        let flags = index.tokenFlags[position]
        let kind: NameToken.Kind =
            flags & CandidateIndex.Flag.initial != 0
            ? .initial
            : (flags & CandidateIndex.Flag.particle != 0 ? .particle : .name)
        var cost = self.cost(of: kind)
        if flags & CandidateIndex.Flag.patronymic != 0 { cost = min(cost, parameters.patronymicCost) }
        if flags & CandidateIndex.Flag.middle != 0 { cost = min(cost, parameters.middleNameCost) }
        return ScoringToken(
            forms: TokenForms(key: index.key(token), text: index.text(at: position), phonetic: index.phonetic(token)),
            kind: kind, weight: capped(index.weights[Int(token)], kind), cost: cost,
            isPatronymic: flags & CandidateIndex.Flag.patronymic != 0)
    }

    /// The country and kind signals; exact names keep 1.
    func applySignals(
        _ alignment: TokenAlignment, query: ScreeningQuery, kind: ListedEntity.Kind?, entity: ListedEntity,
        matchedWords: Int, listedNameTokens: Int
    ) -> (Double, [String]) {
        var score = alignment.score
        var signals: [String] = []
        if entity.kind == .person, matchedWords == 1, listedNameTokens >= 2, score > parameters.singleWordPersonCap {
            score = parameters.singleWordPersonCap
            signals.append("one word alone does not identify a person (score capped at \(Self.format(parameters.singleWordPersonCap)))")
        }
        if let country = query.country, let listed = entity.country {
            if country == listed {
                signals.append("same country (\(listed.code))")
                if !alignment.isExact { score = min(0.99, score + parameters.sameCountryBonus) }
            } else {
                signals.append(
                    "country \(country.code), listed \(listed.code)" + (alignment.isExact ? "" : " (-\(Self.format(parameters.otherCountryPenalty)))"))
                if !alignment.isExact { score -= parameters.otherCountryPenalty }
            }
        }
        if let kind, kind != entity.kind, kind == .person || entity.kind == .person {
            signals.append(
                "a\(kind == .person ? " person's" : "n organisation's") name against a listed \(entity.kind.rawValue)"
                    + (alignment.isExact ? "" : " (×\(Self.format(parameters.kindMismatchFactor)))"))
            if !alignment.isExact { score *= parameters.kindMismatchFactor }
        }
        return (max(0, score), signals)
    }

    static func format(_ value: Double) -> String {
        FixedPoint.text(value, places: 2)
    }
}

/// Per-thread working memory: a bit mask per indexed name and a counter per vocabulary token.
struct Scratch {
    var mask: [UInt32]
    var touched: [Int32] = []
    var trigramCount: [UInt16]
    var touchedTokens: [Int32] = []
    /// Per list word, the query words compared with it in full for the candidate bound, and
    /// those that matched it (bit masks by query position); `comparedTokens` to clear them.
    var compared: [UInt32]
    var comparedMatch: [UInt32]
    var comparedTokens: [Int32] = []
    /// How often `knownToReachNothing` was asked with this working memory, and how often it set
    /// the name aside (`KnownCheckRate`).
    var knownChecks = KnownCheckRate()
    /// The same for `setAsideAsWritten`, and its working arrays: a name's words as written, their
    /// plain words, and the pairs of those that may be neighbours.
    var asWrittenChecks = KnownCheckRate()
    var writtenWords: [WrittenWord] = []
    var writtenSlots: [WrittenSlot] = []
    var writtenPairs: [(Int, Int)] = []
    /// The scorer's full comparisons of query words with list words (`ComparisonMemo`).
    var comparisons = ComparisonMemo()

    init(names: Int, vocabulary: Int) {
        mask = [UInt32](repeating: 0, count: names)
        trigramCount = [UInt16](repeating: 0, count: vocabulary)
        compared = [UInt32](repeating: 0, count: vocabulary)
        comparedMatch = [UInt32](repeating: 0, count: vocabulary)
    }
}

/// Whether `NameScreener.knownToReachNothing` pays for itself: against a short list it sets most
/// names aside (77% of a portfolio's counterparty names against the seeds), against a long one
/// most names reach a list word and the check's first look-up is made again by `lookUp` (about
/// 0.4% more instructions screening random names against the full OFAC list). After 256 checks
/// it is asked only while at least one check in four set a name aside. The answer is the same
/// either way: this decides only how it is found.
struct KnownCheckRate {
    private(set) var asked = 0
    private(set) var setAside = 0

    var pays: Bool { asked < 256 || setAside * 4 >= asked }

    mutating func count(settingAside known: Bool) {
        asked += 1
        if known { setAside += 1 }
    }
}
