import Foundation

/// A place named in a sentence: geocoded from the gazetteer, ambiguous (several places of that
/// name far apart: listed, not guessed) or unknown to the gazetteer.
public struct PlaceMention: Sendable, Hashable {
    public enum Resolution: Sendable, Hashable {
        case geocoded(Gazetteer.Place)
        /// The candidates, most populous first.
        case ambiguous([Gazetteer.Place])
        case unknown
    }

    /// The name as the sentence writes it.
    public var name: String
    public var resolution: Resolution
    public var sentence: Int

    public var place: Gazetteer.Place? {
        if case .geocoded(let place) = resolution { return place }
        return nil
    }
}

/// Finds place names in sentences and geocodes them with the built-in gazetteer (GeoNames
/// cities, CC BY 4.0, and the supplement). A name is a run of capitalised words (with the
/// connectors of place names: "da", "de", "du"...); the longest run the gazetteer knows wins.
/// Country names are not places here. Homonyms more than `sameplaceKm` apart are ambiguous.
public struct PlaceFinder: Sendable {
    public var gazetteer: Gazetteer
    public var countries: CountryTable
    /// The article's country: its places are looked up first.
    public var country: Country?
    public var words: DraftingWords
    /// Homonyms closer than this are one place (a city and its district).
    public var samePlaceKm = 25.0
    /// A place outside the article's country is taken only from this population on (or when a
    /// place word introduces it), so that a capitalised word is not read as a village abroad.
    public var foreignPopulation = 15_000

    public init(gazetteer: Gazetteer, countries: CountryTable, country: Country?, words: DraftingWords) {
        self.gazetteer = gazetteer
        self.countries = countries
        self.country = country
        self.words = words
    }

    static let connectors: Set<String> = ["da", "de", "do", "dos", "das", "du", "des", "la", "le", "el", "al", "del", "della", "di", "van", "von", "na"]

    /// The place names of one sentence, in order.
    public func find(in sentence: Sentence) -> [PlaceMention] {
        let tokens = Token.split(sentence.text)
        let characters = Array(sentence.text)
        var mentions: [PlaceMention] = []
        var index = 0
        while index < tokens.count {
            guard isCapitalised(tokens[index]), !Self.connectors.contains(tokens[index].text) else { index += 1; continue }
            // The run of capitalised words (and connectors inside it) from here.
            var end = index + 1
            while end < tokens.count, end - index < 6 {
                let token = tokens[end]
                if isCapitalised(token) { end += 1; continue }
                if token.kind == .word, Self.connectors.contains(token.text.lowercased()), end + 1 < tokens.count, isCapitalised(tokens[end + 1]) {
                    end += 2; continue
                }
                if token.text == "-", token.glued, end + 1 < tokens.count, tokens[end + 1].glued, isCapitalised(tokens[end + 1]) { end += 2; continue }
                break
            }
            if let (mention, used) = longestPlace(tokens, characters, sentence, from: index, to: end) {
                mentions.append(mention)
                index += used
                continue
            }
            // A capitalised function word ("In Bamako"): the name may start after it.
            let first = TextFolding.key(tokens[index].text)
            if words.notPlaces.contains(first) || words.personTitles.contains(first) || end - index == 1 && countries.resolve(tokens[index].text) != nil {
                index += 1
                continue
            }
            // An unknown name: a place word introduces or follows it.
            if let unknown = unknownPlace(tokens, characters, sentence, from: index, to: end) { mentions.append(unknown) }
            index = end
        }
        return mentions
    }

    private func isCapitalised(_ token: Token) -> Bool {
        token.kind == .word && token.text.first?.isUppercase == true
    }

    private func longestPlace(_ tokens: [Token], _ characters: [Character], _ sentence: Sentence, from start: Int, to end: Int) -> (PlaceMention, Int)? {
        var stop = end
        while stop > start {
            defer { stop -= 1 }
            guard tokens[stop - 1].kind == .word, !Self.connectors.contains(tokens[stop - 1].text) else { continue }
            let name = Token.text(characters, tokens, start..<stop)
            let key = TextFolding.key(name)
            if words.notPlaces.contains(key) || DateFinder.months[key] != nil || DateFinder.weekdays[key] != nil { continue }
            if countries.resolve(name) != nil { return nil }
            let introduced = start > 0 && words.placeLeads.contains(tokens[start - 1].text.lowercased())
            if let resolution = resolve(name, introduced: introduced) {
                return (PlaceMention(name: name, resolution: resolution, sentence: sentence.index), stop - start)
            }
        }
        return nil
    }

    /// Answers already found, by folded name and whether a place word introduced it: an article
    /// names the same places again and again.
    private let cache = ResolutionCache()

    /// The gazetteer's answer for a name: in the article's country first, then abroad.
    func resolve(_ name: String, introduced: Bool) -> PlaceMention.Resolution? {
        let key = TextFolding.key(name)
        if let known = cache.value(key, introduced) { return known }
        let found = lookUp(name, key: key, introduced: introduced)
        cache.store(found, key, introduced)
        return found
    }

    private func lookUp(_ name: String, key: String, introduced: Bool) -> PlaceMention.Resolution? {
        if let country {
            let home = gazetteer.places(named: name, in: country)
            if !home.isEmpty { return judged(home, key: key) }
        }
        // Abroad, a name must be the place's own (not one of its alternate names: "Human" is an
        // old name of Uman) unless a place word introduces it.
        var abroad: [Gazetteer.Place] = []
        for code in gazetteer.countryCodes where code != country?.code {
            guard let other = countries.country(code: code) else { continue }
            abroad += gazetteer.places(named: name, in: other).filter {
                introduced || ($0.population >= foreignPopulation && TextFolding.key($0.name) == key)
            }
        }
        if abroad.isEmpty { return nil }
        return judged(abroad.sorted { $0.population > $1.population }, key: key)
    }

    /// One place, or several far apart (ambiguous) — the most populous one is never picked silently.
    private func judged(_ candidates: [Gazetteer.Place], key: String) -> PlaceMention.Resolution {
        // A place whose own name it is beats places that only had it as a former or other name
        // (Kaliningrad, not Korolev, once called Kaliningrad).
        let own = candidates.filter { TextFolding.key($0.name) == key }
        let candidates = own.isEmpty ? candidates : own
        guard let first = candidates.first else { return .unknown }
        let far = candidates.dropFirst().filter { $0.location.distanceKm(to: first.location) > samePlaceKm }
        return far.isEmpty ? .geocoded(first) : .ambiguous(Array(candidates.prefix(5)))
    }

    private func unknownPlace(_ tokens: [Token], _ characters: [Character], _ sentence: Sentence, from start: Int, to end: Int) -> PlaceMention? {
        let name = Token.text(characters, tokens, start..<end)
        let key = TextFolding.key(name)
        guard start > 0, !words.notPlaces.contains(key), countries.resolve(name) == nil,
            DateFinder.months[key] == nil, DateFinder.weekdays[key] == nil
        else { return nil }
        let nameWords = Set(tokens[start..<end].map { $0.text.lowercased() })
        if !nameWords.isDisjoint(with: words.organisationWords) || !nameWords.isDisjoint(with: words.personTitles) { return nil }
        // An acronym ("PMCs", "ECOWAS") is an organisation's, not a place's.
        if end - start == 1, tokens[start].text.filter(\.isUppercase).count >= 2 { return nil }
        let before = tokens[start - 1].text.lowercased()
        let after = end < tokens.count ? tokens[end].text.lowercased() : ""
        let introduced = words.placeLeads.contains(before) && !(start > 1 && tokens[start - 2].text.lowercased() == "in" && before == "the")
        guard introduced || words.placeNouns.contains(after) || nameWords.contains(where: words.placeNouns.contains) else { return nil }
        return PlaceMention(name: name, resolution: .unknown, sentence: sentence.index)
    }
}

/// The answers of one finder (one draft), shared by its copies; guarded by a lock.
final class ResolutionCache: @unchecked Sendable {
    private var answers: [String: PlaceMention.Resolution?] = [:]
    private let lock = NSLock()

    func value(_ key: String, _ introduced: Bool) -> PlaceMention.Resolution?? {
        lock.lock()
        defer { lock.unlock() }
        return answers[(introduced ? "1" : "0") + key]
    }

    func store(_ answer: PlaceMention.Resolution?, _ key: String, _ introduced: Bool) {
        lock.lock()
        defer { lock.unlock() }
        answers[(introduced ? "1" : "0") + key] = .some(answer)
    }
}
