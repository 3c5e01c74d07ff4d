/// What is screened: a name, and when known the country and kind of the party it names.
public struct ScreeningQuery: Sendable, Hashable {
    public var name: String
    /// The party's country: the same as the entity's raises a score a little, another lowers it.
    public var country: Country?
    /// The party's kind; without it, a name with a legal form is an organisation's.
    public var kind: ListedEntity.Kind?

    public init(_ name: String, country: Country? = nil, kind: ListedEntity.Kind? = nil) {
        self.name = name
        self.country = country
        self.kind = kind
    }
}

/// A listed entity that a name matched, with the score and why.
public struct ScreeningMatch: Sendable, Hashable, Codable {
    /// One token pair of the match, or a token that matched nothing.
    public struct Detail: Sendable, Hashable, Codable {
        /// The query's word(s), empty when only the listed name has it.
        public var query: String
        /// The listed name's word(s), empty when only the query has it.
        public var listed: String
        /// exact, spelling, typo, phonetic, joined, initial, or unmatched.
        public var how: String
        public var similarity: Double
        /// The token weight (rarity in the list) the pair or the leftover counts with.
        public var weight: Double
    }

    public var entity: ListedEntity
    /// The entity name or alias that matched.
    public var matched: String
    /// 0...1; 1 only when every token matches after normalisation.
    public var score: Double
    /// Which tokens matched which and how, what was left over, and the signals applied.
    public var why: String
    /// Every token matched exactly or by transliteration spelling variant, one to one.
    public var isExact: Bool
    /// The token pairs and leftovers behind `why`.
    public var details: [Detail]

    public init(entity: ListedEntity, matched: String, score: Double, why: String, isExact: Bool = false, details: [Detail] = []) {
        self.entity = entity
        self.matched = matched
        self.score = score
        self.why = why
        self.isExact = isExact
        self.details = details
    }
}
