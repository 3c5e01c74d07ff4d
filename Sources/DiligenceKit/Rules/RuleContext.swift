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
        factor.evidence(events: events ?? factor.events(asOf: asOf), asOf: asOf)
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
        if let place, !what.contains(place) { return what + " (\(place))" }
        return what
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
