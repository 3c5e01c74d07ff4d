/// What `db draft` proposes from one article: every item quotes its sentence and waits for the
/// analyst's review (the factors carry `status: draft`, which `check` refuses).
public struct Draft: Sendable {
    /// A dated event: the date expression, its sentence, and the place it names (if geocoded).
    public struct Event: Sendable, Hashable {
        public var date: DateMention
        public var sentence: Int
        public var place: PlaceMention?
    }

    /// A proposed factor kind, the sentences that support it and the words that triggered it.
    public struct Proposal: Sendable {
        public var rule: KindRule
        public var sentences: [Int]
        /// Each trigger once, in the order first met.
        public var triggers: [String]
        /// Sentences where a detail word asks the analyst to fill something in, with the words.
        public var details: [(sentence: Int, words: [String])]
        public var events: [Event] = []
        /// Geocoded places of its sentences that stand for areas (place-bound kinds).
        public var areas: [PlaceMention] = []
        /// Areas from sentences that support no place-bound kind (the analyst keeps or drops them).
        public var unclaimed: [PlaceMention] = []
        /// Goods a trade or financial halt spares, from the words after an exemption cue.
        public var exemptGoods: [String] = []
        /// Services an internet shutdown took down, from the dependencies vocabulary.
        public var dependencies: [String] = []
        /// Names in the sentences that hold detail words (providers of a shutdown, persons a ban names).
        public var named: [String] = []
        /// Places that only the target sentences name.
        public var targets: [PlaceMention] = []
    }

    public var article: Article
    public var sentences: [Sentence]
    public var country: Country
    /// Whether the country was inferred from the text (no --country).
    public var countryInferred: Bool
    public var published: Day?
    public var source: String
    public var proposals: [Proposal]
    public var events: [Event]
    /// Every place mention, each name once (first mention).
    public var places: [PlaceMention]
    public var entities: [NamedEntity]
    /// Date expressions left unresolved (no year and no publication date), with their sentence.
    public var unresolvedDates: [(expression: String, sentence: Int)]
    /// The day the draft was made (`reviewed` is never later).
    public var today: Day

    public var geocoded: [PlaceMention] { places.filter { $0.place != nil } }
    public var ambiguous: [PlaceMention] {
        places.filter { if case .ambiguous = $0.resolution { return true } else { return false } }
    }
    public var unknown: [PlaceMention] { places.filter { $0.resolution == .unknown } }
}
