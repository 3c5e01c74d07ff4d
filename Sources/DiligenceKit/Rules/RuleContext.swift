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
    /// A factor's evidence with its own events, made once per run and shared by its findings.
    let evidenceMemo: EvidenceMemo

    public convenience init(policy: Policy, database: RiskDatabase, asOf: Day, vocabularies: Vocabularies,
                            settings: RuleSettings, screener: NameScreener, findings: [Finding] = []) {
        self.init(policy: policy, database: database, asOf: asOf, vocabularies: vocabularies, settings: settings,
                  screener: screener, findings: findings, evidenceMemo: EvidenceMemo(),
                  destinations: DestinationResolver(database: database))
    }

    init(policy: Policy, database: RiskDatabase, asOf: Day, vocabularies: Vocabularies, settings: RuleSettings,
         screener: NameScreener, findings: [Finding], evidenceMemo: EvidenceMemo, destinations: DestinationResolver) {
        self.policy = policy
        self.database = database
        self.asOf = asOf
        self.vocabularies = vocabularies
        self.settings = settings
        self.screener = screener
        self.findings = findings
        self.evidenceMemo = evidenceMemo
        self.destinations = destinations
    }

    /// The factors of `kind` (or of `other`) in force in `country` on the as-of date, in id order:
    /// `database.factors`, without a set of kinds made for each of a portfolio's operations.
    public func factors(_ kind: FactorKind, _ other: FactorKind? = nil, in country: Country) -> [RiskFactor] {
        database.factors(in: country, asOf: asOf) { $0 == kind || $0 == other }
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
        guard events == nil else { return makeEvidence(for: factor, events: events) }
        // The same lines for every finding of the factor: one array, shared.
        let key = EvidenceMemo.Key(factor: factor.id, asOf: asOf)
        if let lines = evidenceMemo.value(for: key) { return lines }
        let lines = makeEvidence(for: factor, events: nil)
        evidenceMemo.store(lines, for: key)
        return lines
    }

    private func makeEvidence(for factor: RiskFactor, events: [RiskEvent]?) -> [Evidence] {
        // Sources dated after the as-of date were not known on it: not cited.
        let known = factor.references.filter { ($0.date?.earliest).map { $0 <= asOf } ?? true }
        let later = factor.references.count - known.count
        let title = factor.title + (later > 0 ? " (\(later) of its sources dated after the as-of date, not cited)" : "")
        var lines = [Evidence(record: factor.id, fact: title, date: "in force since \(factor.inForceFrom)",
                              reference: known.first)]
        for event in events ?? factor.events(asOf: asOf) {
            let when = event.when
            var fact = event.what
            if let place = event.place, !fact.contains(place) { fact += " (\(place))" }
            lines.append(Evidence(record: factor.id, fact: fact, date: when, reference: nil))
        }
        for reference in known.dropFirst() {
            lines.append(Evidence(record: factor.id, fact: reference.title ?? reference.source, date: reference.date?.text, reference: reference))
        }
        return lines
    }
}

/// Evidence lines of factors, by factor and as-of date, for a run.
final class EvidenceMemo: Sendable {
    struct Key: Hashable {
        var factor: String
        var asOf: Day
    }

    private let memo = Memo<Key, [Evidence]>(capacity: 100_000)

    func value(for key: Key) -> [Evidence]? { memo.value(for: key) }

    func store(_ lines: [Evidence], for key: Key) { memo.store(lines, for: key) }
}
