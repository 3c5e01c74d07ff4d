/// Turns an article into a `Draft`: sentences, their dates (resolved against the publication
/// date), the places they name (geocoded, ambiguous or unknown), the factor kinds the rules
/// propose, and the persons and organisations named.
public struct Drafter: Sendable {
    public var rules: DraftingRules
    public var gazetteer: Gazetteer
    public var countries: CountryTable

    public init(rules: DraftingRules, gazetteer: Gazetteer, countries: CountryTable) {
        self.rules = rules
        self.gazetteer = gazetteer
        self.countries = countries
    }

    /// The library's rules, gazetteer and countries.
    public static func builtin() throws(InputError) -> Drafter {
        let countries = try CountryTable.builtin()
        return Drafter(rules: try DraftingRules.builtin(countries: countries), gazetteer: try Gazetteer.builtin(), countries: countries)
    }

    /// Why no draft can be made: the article names no country and none was given.
    public struct NoCountry: Error, Sendable {}

    /// The draft of `article`. `country` nil: the country the text names most often.
    public func draft(_ article: Article, country given: Country?, published givenDate: Day?, source: String, today: Day) throws(InputError) -> Draft {
        let sentences = SentenceSplitter.sentences(article.paragraphs)
        let published = givenDate ?? article.published
        var country = given
        if country == nil { country = inferredCountry(sentences) }
        guard let country else {
            throw InputError(SourceLocation(file: article.file, line: 1, column: 1),
                             "the article names no country the draft could be about; pass --country CC")
        }
        let dates = DateFinder(published: published)
        let placeFinder = PlaceFinder(gazetteer: gazetteer, countries: countries, country: country, words: rules.words)
        let nameFinder = NameFinder(words: rules.words, countries: countries)
        var events: [Draft.Event] = []
        var unresolved: [(expression: String, sentence: Int)] = []
        var mentionsBySentence: [[PlaceMention]] = []
        var places: [PlaceMention] = []
        var seenPlaces: Set<String> = []
        for sentence in sentences {
            // Each place once per sentence.
            var mentions: [PlaceMention] = []
            for mention in placeFinder.find(in: sentence) where !mentions.contains(where: { TextFolding.key($0.name) == TextFolding.key(mention.name) }) {
                mentions.append(mention)
                if seenPlaces.insert(TextFolding.key(mention.name)).inserted { places.append(mention) }
            }
            mentionsBySentence.append(mentions)
            let found = dates.find(in: sentence.text)
            unresolved += found.unresolved.map { ($0, sentence.index) }
            let located = mentions.filter { $0.place != nil }
            for date in found.mentions {
                // One event per geocoded place the sentence names (an attack on two towns is two
                // located events), else one event without a place.
                if located.isEmpty {
                    events.append(Draft.Event(date: date, sentence: sentence.index, place: nil))
                } else {
                    for place in located { events.append(Draft.Event(date: date, sentence: sentence.index, place: place)) }
                }
            }
        }
        let placeKeys = Set(places.map { TextFolding.key($0.name) })
        var entities: [NamedEntity] = []
        var seenNames: Set<String> = []
        for sentence in sentences {
            for entity in nameFinder.find(in: sentence, places: placeKeys) where seenNames.insert(TextFolding.key(entity.name)).inserted {
                entities.append(entity)
            }
        }
        let proposals = propose(sentences, events: events, mentions: mentionsBySentence)
        return Draft(article: article, sentences: sentences, country: country, countryInferred: given == nil,
                     published: published, source: source, proposals: proposals, events: events, places: places,
                     entities: entities, unresolvedDates: unresolved, today: today)
    }

    /// The kinds the rules propose, strongest first, each with its events, areas and targets.
    func propose(_ sentences: [Sentence], events: [Draft.Event], mentions: [[PlaceMention]]) -> [Draft.Proposal] {
        let folded = sentences.map { DraftingRules.folded($0.text) }
        var proposals: [Draft.Proposal] = []
        for rule in rules.kinds {
            var supporting: [Int] = []
            var triggers: [String] = []
            var details: [(sentence: Int, words: [String])] = []
            for (index, text) in folded.enumerated() {
                let hits = DraftingRules.hits(rule.triggers, in: text)
                guard !hits.isEmpty else { continue }
                supporting.append(index)
                for hit in hits where !triggers.contains(hit) { triggers.append(hit) }
                let detail = DraftingRules.hits(rule.details, in: text)
                if !detail.isEmpty { details.append((index, detail)) }
            }
            guard supporting.count >= rule.minSentences else { continue }
            proposals.append(Draft.Proposal(rule: rule, sentences: supporting, triggers: triggers, details: details))
        }
        // Strongest first; ties keep the rules' order.
        proposals = proposals.enumerated().sorted { a, b in
            a.element.sentences.count != b.element.sentences.count ? a.element.sentences.count > b.element.sentences.count : a.offset < b.offset
        }.map(\.element)
        if proposals.isEmpty, let first = rules.kinds.first {
            proposals = [Draft.Proposal(rule: first, sentences: [], triggers: [], details: [])]
        }
        // Events go to every kind their sentence supports; the others to the strongest kind.
        for event in events {
            let owners = proposals.indices.filter { proposals[$0].sentences.contains(event.sentence) }
            for owner in owners.isEmpty ? [0] : owners { proposals[owner].events.append(event) }
        }
        for index in proposals.indices where proposals[index].rule.radiusKm != nil {
            let rule = proposals[index].rule
            var areaKeys: [String: PlaceMention] = [:]
            var targetKeys: [String: PlaceMention] = [:]
            var areaOrder: [String] = []
            var targetOrder: [String] = []
            for sentence in proposals[index].sentences {
                let targeted = !DraftingRules.hits(rule.targetWords, in: folded[sentence]).isEmpty
                for mention in mentions[sentence] where mention.place != nil {
                    let key = TextFolding.key(mention.place?.name ?? mention.name)
                    if targeted {
                        if targetKeys[key] == nil { targetOrder.append(key) }
                        targetKeys[key] = targetKeys[key] ?? mention
                    } else {
                        if areaKeys[key] == nil { areaOrder.append(key) }
                        areaKeys[key] = areaKeys[key] ?? mention
                    }
                }
            }
            proposals[index].areas = areaOrder.compactMap { areaKeys[$0] }
            // A place an attack sentence names is an area; one only the target sentences name is a target.
            proposals[index].targets = targetOrder.filter { areaKeys[$0] == nil }.compactMap { targetKeys[$0] }
        }
        // The strongest place-bound kind (else the strongest kind) also takes the places no
        // place-bound kind placed ("on the ground in Bamako, opinions ... appear to be divided"):
        // every geocoded place is in the draft, for the analyst to keep or drop.
        var placed = Set(proposals.flatMap { $0.areas + $0.targets }.map { TextFolding.key($0.place?.name ?? $0.name) })
        let owner = proposals.indices.first { proposals[$0].rule.radiusKm != nil } ?? 0
        for sentence in mentions.indices {
            for mention in mentions[sentence] where mention.place != nil {
                guard placed.insert(TextFolding.key(mention.place?.name ?? mention.name)).inserted else { continue }
                proposals[owner].areas.append(mention)
                proposals[owner].unclaimed.append(mention)
            }
        }
        return proposals
    }

    /// The country the sentences name most often (ties: the first named).
    func inferredCountry(_ sentences: [Sentence]) -> Country? {
        var counts: [Country: Int] = [:]
        var order: [Country] = []
        for sentence in sentences {
            let tokens = Token.split(sentence.text)
            for token in tokens where token.kind == .word && token.text.first?.isUppercase == true && token.text.count > 2 {
                guard let country = countries.resolve(token.text) else { continue }
                if counts[country] == nil { order.append(country) }
                counts[country, default: 0] += 1
            }
        }
        return order.max { counts[$0, default: 0] < counts[$1, default: 0] || (counts[$0, default: 0] == counts[$1, default: 0] && (order.firstIndex(of: $0) ?? 0) > (order.firstIndex(of: $1) ?? 0)) }
    }
}
