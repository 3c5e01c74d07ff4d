/// Whether the measure behind a finding binds the entity it is about, as data: the structured
/// form of the exposure path's `binding:` / `secondary risk:` / `bindingness not assessed:`
/// line, on trade-restriction, financial-restriction and listed-counterparty findings.
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: the rules, the
/// citations and the JSON writer copy a finding's binding (four lists and two texts, a retain and
/// a release of each); now a copy is one.
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

    /// The binding's fields, as they are encoded, compared and hashed (the struct's old stored
    /// properties, in their order).
    struct Fields: Sendable, Hashable, Codable {
        var status: Status
        var imposedBy: [String]
        var regimes: [String]
        var entity: String
        var entityRegimes: [String]
        var reason: String
    }

    /// The only stored property; fields are read in place (`_read`).
    private var storage: SharedFields<Fields>

    public var status: Status {
        _read { yield storage.fields.status }
        _modify { yield &storage.fields.status }
    }
    /// Who imposed the measure or listed the entry, as the record writes it (`ECOWAS`, `US-OFAC`, `LT`).
    public var imposedBy: [String] {
        _read { yield storage.fields.imposedBy }
        _modify { yield &storage.fields.imposedBy }
    }
    /// The regimes of those imposers (`US-OFAC` is `US`); a national measure has none.
    public var regimes: [String] {
        _read { yield storage.fields.regimes }
        _modify { yield &storage.fields.regimes }
    }
    /// The entity judged: the company, or the subsidiary running a site.
    public var entity: String {
        _read { yield storage.fields.entity }
        _modify { yield &storage.fields.entity }
    }
    /// The regimes that entity is subject to, stated or derived from its incorporation.
    public var entityRegimes: [String] {
        _read { yield storage.fields.entityRegimes }
        _modify { yield &storage.fields.entityRegimes }
    }
    /// Why, as the exposure path says it.
    public var reason: String {
        _read { yield storage.fields.reason }
        _modify { yield &storage.fields.reason }
    }

    public init(_ bindingness: Bindingness, jurisdiction: Jurisdiction, imposedBy codes: [String]) {
        let status: Status, reason: String
        switch bindingness {
        case .binding(let why): (status, reason) = (.binds, why)
        case .secondary(let why): (status, reason) = (.secondary, why)
        case .notAssessed(let why): (status, reason) = (.notAssessed, why)
        }
        var regimes: [String] = []
        for imposer in jurisdiction.imposers(codes) {
            if let regime = imposer.regime, !regimes.contains(regime) { regimes.append(regime) }
        }
        storage = SharedFields(
            Fields(
                status: status, imposedBy: codes, regimes: regimes, entity: jurisdiction.name, entityRegimes: jurisdiction.regimeIDs,
                reason: reason))
    }

    /// Decoded as its fields (the keys the struct it was had).
    public init(from decoder: any Decoder) throws {
        storage = try SharedFields(from: decoder)
    }

    /// Encoded as its fields.
    public func encode(to encoder: any Encoder) throws {
        try storage.encode(to: encoder)
    }

}
