/// Turns an article into a `Draft`: sentences, their dates (resolved against the publication
/// date), the places they name (geocoded, ambiguous or unknown), the factor kinds the rules
/// propose, and the persons and organisations named.
public struct Drafter: Sendable {
    public var rules: DraftingRules
    public var gazetteer: Gazetteer
    public var countries: CountryTable
    /// Goods (exemptions) and dependencies (services a shutdown took down) are named by these.
    public var vocabularies: Vocabularies

    /// The library's rules, gazetteer, countries and vocabularies.
    public static func builtin() throws(InputError) -> Drafter {
        let countries = try CountryTable.builtin()
        return Drafter(
            rules: try DraftingRules.builtin(countries: countries), gazetteer: try Gazetteer.builtin(), countries: countries,
            vocabularies: try VocabularyLoader.load(extraFolder: nil, countries: countries))
    }

    /// Most events, places and names a draft lists: a briefing has tens; past these the input is
    /// not an article an analyst reviews item by item, and the summary says what was left out.
    public static let maxEvents = 1_000
    public static let maxPlaces = 300
    public static let maxNames = 300

    /// The draft of `article`. `country` nil: the country the text names most often.
    public func draft(_ article: Article, country given: Country?, published givenDate: Day?, source: String, today: Day) throws(InputError) -> Draft {
        let sentences = SentenceSplitter.sentences(article.paragraphs)
        // A dateline ("Published 12 November 2020.") dates the article, not an event: it
        // gives no event and, without --published or a date in the page's head, gives the
        // publication date.
        let datelines = sentences.compactMap { sentence in Self.datelineDate(sentence.text).map { (sentence.index, $0) } }
        let datelineIndices = Set(datelines.map(\.0))
        let published = givenDate ?? article.published ?? datelines.first?.1
        var country = given
        if country == nil { country = inferredCountry(sentences) }
        guard let country else {
            throw InputError(
                SourceLocation(file: article.file, line: 1, column: 1),
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
                if places.count < Self.maxPlaces, seenPlaces.insert(TextFolding.key(mention.name)).inserted { places.append(mention) }
            }
            mentionsBySentence.append(mentions)
            let found = datelineIndices.contains(sentence.index) ? DateFinder.Result() : dates.find(in: sentence.text)
            if unresolved.count < Self.maxEvents { unresolved += found.unresolved.prefix(Self.maxEvents - unresolved.count).map { ($0, sentence.index) } }
            let located = mentions.filter { $0.place != nil }
            for date in found.mentions where events.count < Self.maxEvents {
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
            for entity in nameFinder.find(in: sentence, places: placeKeys)
            where entities.count < Self.maxNames && seenNames.insert(TextFolding.key(entity.name)).inserted {
                entities.append(entity)
            }
        }
        var proposals = propose(sentences, events: events, mentions: mentionsBySentence)
        fillDetails(&proposals, sentences, places: placeKeys, entities: entities)
        return Draft(
            article: article, sentences: sentences, country: country, countryInferred: given == nil,
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

    /// What the supporting sentences say a kind needs: the goods a halt spares (the words after
    /// "with the exception", "except"...), the services a shutdown took down, and the names in
    /// sentences with detail words (a shutdown's providers, the persons a ban names).
    func fillDetails(_ proposals: inout [Draft.Proposal], _ sentences: [Sentence], places: Set<String>, entities: [NamedEntity]) {
        let goods = TermMatcher(vocabularies[.goods])
        let dependencies = TermMatcher(vocabularies[.dependencies])
        let cues = ["with the exception", "except", "exempt", "exempted", "exemption", "exemptions", "excluding", "apart from", "other than"]
        for index in proposals.indices {
            let kind = proposals[index].rule.kind
            if kind == .tradeRestriction || kind == .financialRestriction {
                for sentence in proposals[index].sentences {
                    let folded = DraftingRules.folded(sentences[sentence].text)
                    guard let cue = cues.compactMap({ folded.range(of: " \($0) ") }).min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
                    for id in goods.terms(in: String(folded[cue.upperBound...])) where !proposals[index].exemptGoods.contains(id) {
                        proposals[index].exemptGoods.append(id)
                    }
                }
            }
            if kind == .internetShutdown {
                // The paragraphs about the shutdown list what went down ("YouTube and Messenger
                // were the first to stop working"), not only the sentences that name it.
                let paragraphs = Set(proposals[index].sentences.map { sentences[$0].paragraph })
                for sentence in sentences.indices where paragraphs.contains(sentences[sentence].paragraph) {
                    for id in dependencies.terms(in: sentences[sentence].text) where !proposals[index].dependencies.contains(id) {
                        proposals[index].dependencies.append(id)
                    }
                }
            }
            for (sentence, _) in proposals[index].details {
                for name in names(in: sentences[sentence], places: places, entities: entities) where !proposals[index].named.contains(name) {
                    proposals[index].named.append(name)
                }
            }
        }
    }

    /// Names in a sentence: the persons and organisations found in it, and other capitalised
    /// words and codes that are not the sentence's first word, a country, a place or a date ("A1", "MTS").
    func names(in sentence: Sentence, places: Set<String>, entities: [NamedEntity]) -> [String] {
        var names = entities.filter { $0.sentence == sentence.index }.map(\.name)
        let covered = Set(names.flatMap { $0.split(separator: " ").map { TextFolding.key(String($0)) } })
        let tokens = Token.split(sentence.text)
        var index = 1
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word, token.text.first?.isUppercase == true else { index += 1; continue }
            var text = token.text
            // A code glued to its digits ("A1").
            if index + 1 < tokens.count, tokens[index + 1].kind == .number, tokens[index + 1].glued { text += tokens[index + 1].text; index += 1 }
            index += 1
            let key = TextFolding.key(text)
            if covered.contains(key) || places.contains(key) || countries.resolve(text) != nil || DateFinder.months[key] != nil
                || DateFinder.weekdays[key] != nil || rules.words.personTitles.contains(key) || names.contains(text)
            {
                continue
            }
            names.append(text)
        }
        return names
    }

    /// The country the sentences name most often (ties: the first named).
    /// Words a dateline is made of besides its date ("Published", "Last updated on").
    static let datelineWords: Set<String> = ["published", "updated", "posted", "last", "modified", "on", "date", "first", "dated"]

    /// The day of a sentence that is only a dateline: dateline words and one date to the day.
    static func datelineDate(_ text: String) -> Day? {
        let found = DateFinder(published: nil).find(in: text)
        guard found.mentions.count == 1, let mention = found.mentions.first, mention.precision == .day, mention.until == nil,
            let range = text.range(of: mention.expression)
        else { return nil }
        let rest = text.replacingCharacters(in: range, with: " ")
        let words = Token.split(rest).filter { $0.kind == .word }.map { $0.text.lowercased() }
        guard let first = words.first, ["published", "updated", "posted", "dated"].contains(first) || words.starts(with: ["last", "updated"])
        else { return nil }
        return words.allSatisfy(Self.datelineWords.contains) ? mention.first : nil
    }

    func inferredCountry(_ sentences: [Sentence]) -> Country? {
        var counts: [Country: Int] = [:]
        var order: [Country] = []
        for sentence in sentences {
            // Names of up to three capitalised words ("Burkina Faso", "Central African Republic"),
            // the longest first, each word counted once.
            let words = Token.split(sentence.text).filter { $0.kind == .word }.map(\.text)
            var index = 0
            while index < words.count {
                var matched = 1
                for length in stride(from: min(3, words.count - index), through: 1, by: -1) {
                    let name = words[index..<(index + length)]
                    guard name.first?.first?.isUppercase == true, name.joined().count > 2,
                        let country = countries.resolve(name.joined(separator: " "))
                    else { continue }
                    if counts[country] == nil { order.append(country) }
                    counts[country, default: 0] += 1
                    matched = length
                    break
                }
                index += matched
            }
        }
        return order.max {
            counts[$0, default: 0] < counts[$1, default: 0]
                || (counts[$0, default: 0] == counts[$1, default: 0] && (order.firstIndex(of: $0) ?? 0) > (order.firstIndex(of: $1) ?? 0))
        }
    }
}
