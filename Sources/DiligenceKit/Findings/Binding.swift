/// Whether the measure behind a finding binds the entity it is about, as data: the structured
/// form of the exposure path's `binding:` / `secondary risk:` / `bindingness not assessed:`
/// line, on trade-restriction, financial-restriction and listed-counterparty findings.
public struct Binding: Sendable, Hashable, Codable {
    /// The answer.
    public enum Status: String, Sendable, Hashable, Codable {
        /// A regime the entity is subject to imposed the measure, or it operates in the imposing territory.
        case binds
        /// Outside the imposer's reach: a secondary-sanctions, banking and reputational risk.
        case secondary
        /// The policy (no `incorporated` or `subject_to`) or the record (no `imposed_by`) does not say enough; judged as binding.
        case notAssessed = "not-assessed"
    }

    public var status: Status
    /// Who imposed the measure or listed the entry, as the record writes it (`ECOWAS`, `US-OFAC`, `LT`).
    public var imposedBy: [String]
    /// The regimes of those imposers (`US-OFAC` is `US`); a national measure has none.
    public var regimes: [String]
    /// The entity judged: the company, or the subsidiary running a site.
    public var entity: String
    /// The regimes that entity is subject to, stated or derived from its incorporation.
    public var entityRegimes: [String]
    /// Why, as the exposure path says it.
    public var reason: String

    public init(_ bindingness: Bindingness, jurisdiction: Jurisdiction, imposedBy codes: [String]) {
        switch bindingness {
        case .binding(let reason): (status, self.reason) = (.binds, reason)
        case .secondary(let reason): (status, self.reason) = (.secondary, reason)
        case .notAssessed(let reason): (status, self.reason) = (.notAssessed, reason)
        }
        imposedBy = codes
        var regimes: [String] = []
        for imposer in jurisdiction.imposers(codes) {
            if let regime = imposer.regime, !regimes.contains(regime) { regimes.append(regime) }
        }
        self.regimes = regimes
        entity = jurisdiction.name
        entityRegimes = jurisdiction.regimeIDs
    }
}
