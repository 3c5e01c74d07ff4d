/// Everything a rule may look at for one policy. A class: every rule of every policy is handed
/// it, and copying the database's arrays and indexes each time cost 2% of a portfolio check.
public final class RuleContext: Sendable {
    public let policy: Policy
    public let database: RiskDatabase
    public let asOf: Day
    public let vocabularies: Vocabularies
    public let settings: RuleSettings
    public let screener: NameScreener
    /// For review rules: the findings of the operation rules on this policy.
    public let findings: [Finding]
    /// Travel destinations to coordinates: the database's places, then the gazetteer.
    public let destinations: DestinationResolver
    /// The route of each trade flow, in `policy.trade` order: made once per policy for the five
    /// rules that judge flows (each made every route again, and finding a flow's own end walks
    /// the policy's sites).
    public let routes: [FlowRoute]
    /// What the rules work out per factor or per country rather than per operation
    /// (`FactorParts`, the factors in force by kind and country), made once per run and shared.
    let runMemo: RuleRunMemo
    /// Each flow route's judgement under a measure (`judgement(of:route:imposedBy:target:)`),
    /// for this policy.
    let routeJudgements = Memo<RouteJudgement.Key, RouteJudgement>(capacity: 10_000)
    /// The factors in force on the as-of date by country and kind (`factors(_:_:in:)`), made
    /// once per run and date.
    let inForce: FactorsInForce

    public convenience init(
        policy: Policy, database: RiskDatabase, asOf: Day, vocabularies: Vocabularies,
        settings: RuleSettings, screener: NameScreener, findings: [Finding] = []
    ) {
        self.init(
            policy: policy, database: database, asOf: asOf, vocabularies: vocabularies, settings: settings,
            screener: screener, findings: findings, runMemo: RuleRunMemo(),
            destinations: DestinationResolver(database: database))
    }

    init(
        policy: Policy, database: RiskDatabase, asOf: Day, vocabularies: Vocabularies, settings: RuleSettings,
        screener: NameScreener, findings: [Finding], runMemo: RuleRunMemo, destinations: DestinationResolver,
        routes: [FlowRoute]? = nil
    ) {
        self.policy = policy
        self.database = database
        self.asOf = asOf
        self.vocabularies = vocabularies
        self.settings = settings
        self.screener = screener
        self.findings = findings
        self.runMemo = runMemo
        if let table = runMemo.inForce.value(for: asOf) {
            inForce = table
        } else {
            inForce = FactorsInForce(database: database, asOf: asOf)
            runMemo.inForce.store(inForce, for: asOf)
        }
        self.destinations = destinations
        self.routes = routes ?? policy.trade.map { FlowRoute($0, policy: policy) }
    }

    /// The factors of `kind` (or of `other`) in force in `country` on the as-of date, in id order:
    /// `database.factors`, found once per run for each country and kind and shared (every
    /// operation of a portfolio asks, for each rule).
    public func factors(_ kind: FactorKind, _ other: FactorKind? = nil, in country: Country) -> [RiskFactor] {
        inForce.factors(kind, other, in: country)
    }

    /// The date recency is measured from: the as-of date, but no later than the factor's last
    /// review plus the staleness window. Silence after an old review is missing data, not
    /// peace: `stale-intelligence` reports it and events do not age out meanwhile.
    public func recencyReference(for factor: RiskFactor) -> Day {
        min(asOf, factor.reviewed.adding(days: settings.staleAfterDays))
    }

    /// Evidence lines for a factor: its title with the first reference, then each event (the
    /// factor's own events as of the as-of date unless `events` are given).
    public func evidence(for factor: RiskFactor, events: [RiskEvent]? = nil) -> [Evidence] {
        let parts = parts(for: factor)
        guard let events else { return parts.evidence }
        // No event: the title line and the further references, the factor's one array.
        if events.isEmpty { return parts.evidenceAround }
        // Every event of the factor, in its order (a shutdown finding usually cites them all):
        // the factor's own lines, shared rather than written again.
        if events.count == parts.events.count, events == parts.events { return parts.evidence }
        // The title line and the further references are the factor's, made once; only the
        // event lines are the finding's own. Findings that cite the same events (sites near
        // the same place) share one array, made at the first of them.
        let key = RuleRunMemo.EventLinesKey(factor: factor.id, asOf: asOf, events: events)
        return runMemo.eventLines.value(for: key) { Self.lines(of: events, factor: factor, around: parts.evidenceAround) }
    }

    /// The factor's title line, a line for each event, then the factor's further references.
    private static func lines<Events: Collection<RiskEvent>>(of events: Events, factor: RiskFactor, around: [Evidence]) -> [Evidence] {
        var lines: [Evidence] = []
        lines.reserveCapacity(events.count + around.count)
        lines.append(around[0])
        for event in events {
            lines.append(Evidence(record: factor.id, fact: event.evidenceFact, date: event.evidenceDate, reference: nil))
        }
        lines += around.dropFirst()
        return lines
    }

    /// `evidence(for:events:)` of the events at `positions` in `factor.events`, each as known on
    /// the as-of date: the same lines, found by the positions (a few integers) instead of the
    /// events' texts, and shared by the findings that cite the same events.
    /// With `namedTarget`, a last line names that target ("Named likely target: ..."): made with
    /// the rest, once per run, not appended to a copy of the shared lines at every finding.
    func evidence(for factor: RiskFactor, eventPositions positions: [Int], namedTarget: String? = nil) -> [Evidence] {
        let parts = parts(for: factor)
        if positions.isEmpty, namedTarget == nil { return parts.evidenceAround }
        let key = RuleRunMemo.PositionsKey(factor: factor.id, asOf: asOf, positions: positions, namedTarget: namedTarget)
        return runMemo.eventLinesByPosition.value(for: key) {
            let asOf = asOf
            let events = positions.lazy.map { factor.events[$0].asKnown(on: asOf) ?? factor.events[$0] }
            var lines = positions.isEmpty ? parts.evidenceAround : Self.lines(of: events, factor: factor, around: parts.evidenceAround)
            if let namedTarget { lines.append(Evidence(record: factor.id, fact: "Named likely target: \(namedTarget)")) }
            return lines
        }
    }

    /// The factor's texts and events as of the as-of date, made at its first finding of the run
    /// and shared by the rest: a finding costs what is its own, not the factor's again.
    public func parts(for factor: RiskFactor) -> FactorParts {
        let key = RuleRunMemo.PartsKey(factor: factor.id, asOf: asOf)
        if let parts = runMemo.parts.value(for: key) { return parts }
        let parts = FactorParts(factor, asOf: asOf)
        runMemo.parts.store(parts, for: key)
        return parts
    }
}

/// What the findings of one factor repeat, rendered once per run (`RuleContext.parts(for:)`).
/// A class: every rule asks for a factor's parts at each finding (7,000 times on 200 heavy
/// files), and a struct of eleven arrays, sets and texts was copied, and released, each time.
public final class FactorParts: Sendable {
    /// The factor's events as known on the as-of date (`RiskFactor.events(asOf:)`).
    public let events: [RiskEvent]
    /// `[factor.id]`: the `factors` of the factor's findings, one array for all of them (each
    /// finding made its own, an allocation).
    let ids: [String]
    /// The title as a message writes it after a comma ("state-ordered internet shutdowns ...").
    public let titleInSentence: String
    /// "DRF-2020-ML-0003 in force since 2020-08-20": the path step of a measure in force.
    public let inForceLine: String
    /// "latest: ... (2020-09-21)" from the latest event, or "in force since ..." without one.
    public let latestEvent: String
    /// "DRF-2020-ML-0003: latest: ..." (the factor's id, then `latestEvent`): political
    /// instability's path step.
    public let idAndLatestEvent: String
    /// The factor's own evidence lines (title and first reference, events, further references).
    public let evidence: [Evidence]
    /// The sectors the factor names, folded (`TextFolding.key`).
    public let sectorKeys: Set<String>
    /// The evidence lines without events: the title line first, then the further references.
    let evidenceAround: [Evidence]
    /// `evidence` with the exempt goods line (`RiskFactor.exemptGoodsEvidence`) second, as a
    /// trade-restriction finding cites it; `evidence` itself for a factor that exempts none.
    let evidenceWithExemptGoods: [Evidence]
    /// Each event's text as folded words (`HumanRightsObligationsRule.words`), in `events`' order:
    /// what a counterparty's name is looked for in, split once per run instead of once per
    /// counterparty.
    let eventWords: [[String]]
    /// Every word of `eventWords`: a name whose first word is not here is named in no event.
    let eventWordSet: Set<String>
    /// What a security provider's finding recommends under the factor: the Voluntary
    /// Principles' advice, then the factor's own recommendations about security (a
    /// case-insensitive search of each, once per run instead of once per finding).
    let securityRecommendations: [String]

    public init(_ factor: RiskFactor, asOf: Day) {
        events = factor.events(asOf: asOf)
        ids = [factor.id]
        titleInSentence = factor.title.lowercasedFirst
        inForceLine = "\(factor.id) in force since \(factor.inForceFrom)"
        latestEvent = events.last.map { "latest: \($0.what.lowercasedFirst) (\($0.when))" } ?? "in force since \(factor.inForceFrom)"
        idAndLatestEvent = "\(factor.id): \(latestEvent)"
        evidence = factor.evidence(events: events, asOf: asOf)
        evidenceAround = factor.evidence(events: [], asOf: asOf)
        var withExempt = evidence
        if let exempt = factor.exemptGoodsEvidence { withExempt.insert(exempt, at: 1) }
        evidenceWithExemptGoods = withExempt
        sectorKeys = Set(factor.affects.sectors.map(TextFolding.key))
        eventWords = events.map { HumanRightsObligationsRule.words($0.what) }
        eventWordSet = Set(eventWords.joined())
        securityRecommendations =
            HumanRightsObligationsRule.securityAdvice + factor.recommendations.filter { $0.localizedCaseInsensitiveContains("security") }
    }
}

extension RiskFactor {
    /// Evidence lines for the factor as it was known on `asOf`: its title with the first
    /// reference dated by then, then each of `events`, then each further such reference
    /// (titled by the reference's title or source). Sources dated after the as-of date were
    /// not known on it: not cited, and the title says how many were left out.
    public func evidence(events: [RiskEvent], asOf: Day) -> [Evidence] {
        let known = references.filter { ($0.date?.earliest).map { $0 <= asOf } ?? true }
        let later = references.count - known.count
        let shownTitle = title + (later > 0 ? " (\(later) of its sources dated after the as-of date, not cited)" : "")
        var lines = [Evidence(record: id, fact: shownTitle, date: "in force since \(inForceFrom)", reference: known.first)]
        for event in events {
            lines.append(Evidence(record: id, fact: event.evidenceFact, date: event.evidenceDate, reference: nil))
        }
        for reference in known.dropFirst() {
            lines.append(Evidence(record: id, fact: reference.title ?? reference.source, date: reference.date?.text, reference: reference))
        }
        return lines
    }
}

extension RiskFactor {
    /// "Exempt goods: medicines, fuel", for factors that exempt goods.
    public var exemptGoodsEvidence: Evidence? {
        exemptGoods.isEmpty ? nil : Evidence(record: id, fact: "Exempt goods: " + exemptGoods.joined(separator: ", "))
    }
}

extension RiskEvent {
    /// The date with its precision, as `when` writes it: "2020-08-09 to 2020-08-11", "March
    /// 2020 (month)", "2020-11-08, ongoing at the as-of date (2020-11-30)".
    public var evidenceDate: String { when }

    /// What happened, with the place when the text does not name it.
    public var evidenceFact: String {
        if let place, !what.containsBytes(of: place) { return what + " (\(place))" }
        return what
    }
}

/// What the rules keep for a run: each factor's parts, and the factors in force by country and
/// kind, both by as-of date (a checker may check at several).
final class RuleRunMemo: Sendable {
    struct PartsKey: Hashable {
        var factor: String
        var asOf: Day
    }

    /// A factor's evidence lines for the events a finding cites: the lines depend on the
    /// factor, the as-of date (its references) and each event's text, place and dates only.
    struct EventLinesKey: Hashable {
        var factor: String
        var asOf: Day
        /// What of each event its line shows, byte for byte (not the whole event: the memo
        /// keeps its keys for the run).
        var events: [EventText]

        init(factor: String, asOf: Day, events: [RiskEvent]) {
            self.factor = factor
            self.asOf = asOf
            self.events = events.map(EventText.init)
        }
    }

    /// An event's text, place and dates: what its evidence line is made of.
    struct EventText: Hashable {
        var date: Day
        var precision: DatePrecision
        var until: Day?
        var ongoingAt: Day?
        var what: ExactText
        var place: ExactText?

        init(_ event: RiskEvent) {
            date = event.date
            precision = event.datePrecision
            until = event.until
            ongoingAt = event.ongoingAt
            what = ExactText(event.what)
            place = event.place.map(ExactText.init)
        }
    }

    /// Evidence lines by the positions of the cited events in the factor's events
    /// (`RuleContext.evidence(for:eventPositions:)`).
    struct PositionsKey: Hashable {
        var factor: String
        var asOf: Day
        var positions: [Int]
        /// The target named by the evidence's last line, if any.
        var namedTarget: String? = nil
    }

    /// A rule's advice under a factor: `variant` tells apart a rule's lists (a site's, a trip's).
    struct AdviceKey: Hashable {
        var rule: RuleID
        var factor: String
        var variant: Int
    }

    struct CityKey: Hashable {
        var city: ExactText
        var country: Country
        var inGazetteer: Bool

        /// The country by its code only (equal keys have equal codes; `==` compares every field).
        func hash(into hasher: inout Hasher) {
            hasher.combine(city)
            hasher.combine(country.code)
            hasher.combine(inGazetteer)
        }
    }

    let parts = Memo<PartsKey, FactorParts>(capacity: 100_000)
    /// `RuleContext.evidence(for:events:)`'s lines for the events a finding cites.
    let eventLines = Memo<EventLinesKey, [Evidence]>(capacity: 20_000)
    /// `RuleContext.evidence(for:eventPositions:)`'s lines.
    let eventLinesByPosition = Memo<PositionsKey, [Evidence]>(capacity: 20_000)
    /// The factors in force by country and kind, per as-of date (`RuleContext.factors`).
    let inForce = Memo<Day, FactorsInForce>(capacity: 16)
    /// input-plausibility's candidate places for a site's city (a portfolio names the same
    /// cities again and again; each lookup folds the name and searches the gazetteer).
    let cityCandidates = Memo<CityKey, [InputPlausibilityRule.CityCandidate]>(capacity: 100_000)
    /// human-rights-obligations' searched words of a counterparty's names
    /// (`HumanRightsObligationsRule.searchedWords`), by the names as written (byte for byte): a portfolio names
    /// the same counterparties in many policies, and folding and splitting a name is most of
    /// what looking for it in events costs.
    let nameWords = Memo<CounterpartyNames, SearchedNames>(capacity: 100_000)
    /// human-rights-obligations' events naming a counterparty, per list of names, country and
    /// date (`RuleContext.namedEvents(of:in:_:)`).
    let namedEvents = Memo<NamedEventsKey, [HumanRightsObligationsRule.NamedEvent]>(capacity: 100_000)
    /// human-rights-obligations' words of every human-rights and civil-unrest factor's events,
    /// per as-of date (`RuleContext.namingEventWords()`).
    let namingEventWords = Memo<Day, Set<String>>(capacity: 16)
    /// human-rights-obligations' folded security provider names (`RuleContext.foldedName(_:)`).
    let foldedNames = Memo<ExactText, String>(capacity: 100_000)
    /// announced-measure's measures announced but not in force, per as-of date.
    let announced = Memo<Day, AnnouncedMeasureRule.Announced>(capacity: 16)
    /// shutdown-exposure's account of a factor's events when all of them reach the site
    /// (`ShutdownExposureRule.Reach`): the same for every site of the run.
    let shutdownReach = Memo<PartsKey, ShutdownExposureRule.Reach>(capacity: 1_000)
    /// shutdown-exposure's folded regions of each of a factor's events (`RuleContext.shutdownRegions(for:)`).
    let shutdownRegions = Memo<PartsKey, [[String]?]>(capacity: 1_000)
    /// civil-unrest-travel's folded place of each of a factor's events (`RuleContext.unrestPlaces(for:)`).
    let unrestPlaces = Memo<PartsKey, [String?]>(capacity: 1_000)
    /// conflict-proximity's account of a factor's events as known on the as-of date
    /// (`RuleContext.conflictEvents(for:)`).
    let conflictEvents = Memo<PartsKey, ConflictProximityRule.ConflictEvents>(capacity: 10_000)
    /// conflict-proximity's texts of the bands and windows, per settings (`RuleContext.conflictTexts`).
    let conflictTexts = Memo<RuleSettings, ConflictTexts>(capacity: 16)
    /// A rule's advice under a factor (`RuleContext.advice(_:_:_:make:)`), made once per run.
    let advice = Memo<AdviceKey, [String]>(capacity: 10_000)
    /// The goods categories' HS prefixes (`RuleContext.unclassifiedGoods(of:)`), made once per run.
    let hsPrefixes = Memo<Int, HSPrefixes>(capacity: 1)
}

/// Every HS prefix of the goods vocabulary and their lengths: a code is classified when one of
/// its leading runs of those lengths is a prefix (`Vocabulary.classifies(hsCode:)` tests every
/// prefix of every category against the code).
struct HSPrefixes: Sendable {
    let prefixes: Set<Substring>
    /// The prefixes' lengths in characters, each once, shortest first.
    let lengths: [Int]

    init(_ goods: Vocabulary) {
        let all = goods.terms.values.flatMap(\.hsPrefixes)
        prefixes = Set(all.map { $0[...] })
        lengths = Set(all.map(\.count)).sorted()
    }

    /// `goods.classifies(hsCode:)`: whether a prefix starts the code (`hasPrefix`: the code's
    /// first characters, as many as the prefix has, are the prefix).
    func classifies(_ code: String) -> Bool {
        let count = code.count
        for length in lengths {
            if length > count { return false }
            if prefixes.contains(code.prefix(length)) { return true }
        }
        return false
    }
}

extension RuleContext {
    /// `TradeFlow.unclassifiedGoods(_:)` of the run's vocabularies, each code looked up among
    /// the goods categories' prefixes gathered once per run (each code was tested against every
    /// prefix of every category).
    func unclassifiedGoods(of flow: TradeFlow) -> [String] {
        guard !flow.hsCodes.isEmpty else { return [] }
        let table = runMemo.hsPrefixes.value(for: 0) { HSPrefixes(vocabularies[.goods]) }
        return flow.hsCodes.filter { !table.classifies($0) }.map { "HS \($0) (no goods category)" }
    }
}

extension RuleContext {
    /// `make()`'s advice for `rule`'s findings under `factor` (the factor's recommendations and the
    /// rule's, which are the same for every finding), made at the first such finding of the run
    /// and shared: the findings hold one list, which the report side's caches find by its storage.
    func advice(_ rule: RuleID, _ factor: RiskFactor, _ variant: Int = 0, make: () -> [String]) -> [String] {
        runMemo.advice.value(for: RuleRunMemo.AdviceKey(rule: rule, factor: factor.id, variant: variant), orMake: make)
    }
}

extension FactorKind {
    /// The kind's place in the declaration, for hashing without the raw value's text.
    var position: Int {
        switch self {
        case .sanction: return 0
        case .tradeRestriction: return 1
        case .financialRestriction: return 2
        case .internetShutdown: return 3
        case .armedConflict: return 4
        case .unconstitutionalChange: return 5
        case .civilUnrest: return 6
        case .humanRights: return 7
        case .travelBan: return 8
        case .listedEntity: return 9
        }
    }
}
