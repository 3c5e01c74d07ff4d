/// A counterparty's names (its name, then its aliases) as a run memo's key, hashed and compared
/// by their bytes: a portfolio names the same counterparties, byte for byte, in many policies.
/// Two spellings that differ in bytes are two keys (the same answer, made twice).
struct CounterpartyNames: Hashable, Sendable {
    let names: [String]

    init(_ names: [String]) {
        self.names = names
    }

    static func == (lhs: CounterpartyNames, rhs: CounterpartyNames) -> Bool {
        guard lhs.names.count == rhs.names.count else { return false }
        for index in lhs.names.indices where ExactText(lhs.names[index]) != ExactText(rhs.names[index]) { return false }
        return true
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(names.count)
        for name in names {
            var name = name
            name.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            }
        }
    }
}

/// A counterparty's searched words (`HumanRightsObligationsRule.searchedWords`), made once per
/// run for each list of names as written (`RuleContext.searchedNames(of:)`). A class: the events
/// the names are found in are remembered by it (`NamedEventsKey`), compared by identity.
final class SearchedNames: Sendable {
    let words: [[String]]

    init(_ words: [[String]]) {
        self.words = words
    }
}

/// The events a counterparty's names are found in, for one country's factors on one date: the
/// names by identity (the memo holds them, so no other takes their place), the country and date
/// deciding the factors (`RuleContext.factors(.humanRights, .civilUnrest, in:)`).
struct NamedEventsKey: Hashable {
    let names: SearchedNames
    let country: Country
    let asOf: Day

    static func == (lhs: NamedEventsKey, rhs: NamedEventsKey) -> Bool {
        lhs.names === rhs.names && lhs.country == rhs.country && lhs.asOf == rhs.asOf
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(names))
        hasher.combine(country)
        hasher.combine(asOf)
    }
}

extension RuleContext {
    /// `HumanRightsObligationsRule.searchedWords(names)`, made once per run for each list of
    /// names as written and shared by the workers (ASCII names were split again at every
    /// counterparty, the others folded once per run and found by a key of their texts).
    func searchedNames(of names: [String]) -> SearchedNames {
        runMemo.nameWords.value(for: CounterpartyNames(names)) { SearchedNames(HumanRightsObligationsRule.searchedWords(names)) }
    }

    /// `HumanRightsObligationsRule.namedEvents(of:_:_:)` of `names` in `factors` (the country's
    /// human-rights and civil-unrest factors in force), found once per run for each list of
    /// names and country: most counterparties of a portfolio come back in many policies.
    ///
    /// A list none of whose names starts with a word of any such factor's events
    /// (`namingEventWords()`) is named in none, whatever its country: answered at once, and
    /// not remembered (most counterparties; the memo grew with every distinct name).
    func namedEvents(of names: SearchedNames, in country: Country, _ factors: [RiskFactor]) -> [HumanRightsObligationsRule.NamedEvent] {
        let eventWords = namingEventWords()
        guard names.words.contains(where: { eventWords.contains($0[0]) }) else { return [] }
        return runMemo.namedEvents.value(for: NamedEventsKey(names: names, country: country, asOf: asOf)) {
            HumanRightsObligationsRule.namedEvents(of: names.words, factors, self)
        }
    }

    /// Every word of the events, as known on the as-of date, of every human-rights and
    /// civil-unrest factor of the database, in force or not (each factor's
    /// `FactorParts.eventWords`), made once per run: `HumanRightsObligationsRule.namedEvents`
    /// finds a name only in an event holding its first word, and a country's factors are
    /// among these.
    func namingEventWords() -> Set<String> {
        runMemo.namingEventWords.valueMadeOnce(for: asOf) {
            var words = Set<String>()
            for factor in database.factors where factor.kind == .humanRights || factor.kind == .civilUnrest {
                for event in factor.events(asOf: asOf) { words.formUnion(HumanRightsObligationsRule.words(event.what)) }
            }
            return words
        }
    }
}
