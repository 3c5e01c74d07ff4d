/// Measures announced by the as-of date but not yet in force on it: reported, never applied.
public struct AnnouncedMeasureRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    /// The kinds of factor that are measures someone announces before they take effect.
    static let measureKinds: Set<FactorKind> = [.sanction, .tradeRestriction, .financialRestriction, .travelBan, .listedEntity]

    public let description = RuleDescription(
        id: .announcedMeasure,
        name: "Announced measure not yet in force",
        summary:
            "A sanction, trade or financial restriction or travel ban that was announced (published) on or before the as-of date but is not in force on it, in a country the policy's sites, trade flows, counterparties or travel touch: an info note, once per policy and measure, so the signer knows what is coming. The measure is not applied: its rules judge it only from the day it is in force.",
        facts:
            "Risk factors of kinds `sanction`, `trade-restriction`, `financial-restriction`, `travel-ban` and `listed-entity` with `published` on or before the as-of date and `in_force.from` after it. Only what was known on the as-of date is shown: the announcement, the events and the references dated by then; not the later in-force date.",
        severityModel: [
            "Always info: an announcement obliges nothing yet; the finding documents it for the file."
        ],
        recommendations: [
            "Prepare for the announced measure: identify the payments, deliveries and dealings it would stop, and be ready to stop them on the day it takes effect.",
            "Watch for its entry into force (the official journal or the authority's notice) and check again on that day.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        let asOf = context.asOf
        // The measures announced but not in force, their countries and their evidence: the same
        // for every policy of the run, found once.
        let measures = context.runMemo.announced.value(for: asOf) { Announced(context.database, asOf: asOf) }
        let announced = measures.factors
        guard !announced.isEmpty else { return [] }
        let policy = context.policy
        // What the policy has in each country of an announced measure: (mark, "site
        // minsk-office"), in policy order (the other countries' operations are not named).
        // Each country is asked by its code's slot (`CountrySlots`), not hashed, and an
        // operation's text is written only for the first five a finding names.
        let countries = measures.countries
        var touching: [Country: [(mark: Mark, subject: Subject)]] = [:]
        for (index, site) in policy.sites.enumerated() where countries.contains(site.country) {
            touching[site.country, default: []].append((site.mark, .site(index)))
        }
        for (index, (flow, route)) in zip(policy.trade, context.routes).enumerated() {
            for leg in route.legs where !leg.fromSites && countries.contains(leg.country) {
                touching[leg.country, default: []].append((flow.mark, .flow(index)))
            }
        }
        for (index, party) in policy.counterparties.enumerated() where countries.contains(party.country) {
            touching[party.country, default: []].append((party.mark, .counterparty(index)))
        }
        for (index, trip) in policy.travel.enumerated() where countries.contains(trip.country) {
            touching[trip.country, default: []].append((trip.mark, .travel(index)))
        }
        var findings: [Finding] = []
        for (position, factor) in announced.enumerated() {
            guard let subjects = touching[factor.country], let first = subjects.first, let published = factor.published else { continue }
            let named =
                subjects.prefix(5).map { $0.subject.text(in: policy) }.joined(separator: ", ")
                + (subjects.count > 5 ? " and \(subjects.count - 5) more" : "")
            let evidence = measures.evidence[position]
            findings.append(
                Finding(
                    rule: description.id, severity: .info, policy: policy, mark: first.mark, subject: "policy",
                    subjectKind: .policy, subjectName: policy.company, factor: factor,
                    message:
                        "\(factor.title): announced on \(published), not in force on the as-of date (\(asOf)); \(policy.company) has \(named) in \(factor.country.name)",
                    path: [policy.company, named, "\(factor.id) announced \(published), not in force on \(asOf)", description.verdictLine(.info)],
                    evidence: evidence,
                    recommendations: description.recommendations))
        }
        return findings
    }
}

extension AnnouncedMeasureRule {
    /// An operation of the policy in a country of an announced measure, by its place in the
    /// policy's list.
    enum Subject {
        case site(Int)
        case flow(Int)
        case counterparty(Int)
        case travel(Int)

        /// "site Minsk office", "trade flow potash-export", as the finding names it.
        func text(in policy: Policy) -> String {
            switch self {
            case .site(let index): return "site \(policy.sites[index].displayName)"
            case .flow(let index): return "trade flow \(policy.trade[index].name ?? policy.trade[index].id)"
            case .counterparty(let index): return "counterparty \(policy.counterparties[index].name)"
            case .travel(let index): return "travel \(policy.travel[index].name ?? policy.travel[index].id)"
            }
        }
    }

    /// The database's measures announced by the as-of date but not in force on it, in database
    /// order, with their countries and each one's evidence lines: made once per run and date.
    struct Announced: Sendable {
        let factors: [RiskFactor]
        let countries: CountrySlots
        /// By position in `factors`: the announcement line, then each event known by the date.
        let evidence: [[Evidence]]

        init(_ database: RiskDatabase, asOf: Day) {
            factors = database.factors.filter { factor in
                AnnouncedMeasureRule.measureKinds.contains(factor.kind) && factor.inForceFrom > asOf && (factor.published.map { $0 <= asOf } ?? false)
            }
            countries = CountrySlots(Set(factors.map(\.country)))
            evidence = factors.map { factor in
                let published = factor.published ?? asOf
                var lines = [
                    Evidence(
                        record: factor.id, fact: factor.title, date: "announced \(published); not in force on \(asOf)",
                        reference: factor.references.first { ($0.date?.earliest ?? published) <= asOf })
                ]
                for event in factor.events(asOf: asOf) {
                    lines.append(Evidence(record: factor.id, fact: event.what, date: event.when))
                }
                return lines
            }
        }
    }
}
