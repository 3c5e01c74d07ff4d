/// A policy file: what one company or business unit does where.
public struct Policy: Sendable, Hashable, Codable {
    /// The path as given on the command line (used in findings and reports).
    public var file: String
    public var company: String
    public var owner: String?
    public var sector: String?
    public var reviewed: Day?
    public var companyMark: Mark
    public var sites: [Site]
    public var trade: [TradeFlow]
    public var counterparties: [Counterparty]
    public var travel: [Travel]
    public var acceptedRisks: [AcceptedRisk]
    /// Where the company is incorporated (`incorporated`), when the policy says.
    public var incorporated: Country? = nil
    /// The sanctions regimes the policy states bind the company (`subject_to`), ids of the
    /// regimes vocabulary; those its incorporation derives are added by `Jurisdiction`.
    public var subjectTo: [String] = []
    /// Where `reviewed` is written, for findings about it (nil without one).
    public var reviewedMark: Mark? = nil
}

/// A physical place.
public struct Site: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var kind: String?
    public var country: Country
    public var region: String?
    public var city: String?
    public var location: Coordinate?
    public var staffLocal: Int?
    public var staffExpatriate: Int?
    public var dependsOn: [String]
    public var continuity: [String]
    public var securityProvider: String?
    public var securityProviderMark: Mark?
    public var mark: Mark
    /// Where the entity that runs the site is incorporated, when it is not the company itself
    /// (a local subsidiary); nil: the company runs it.
    public var incorporated: Country? = nil

    public var displayName: String { name ?? id }
}

/// Goods (or money alone) moving to or from a country.
public struct TradeFlow: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable {
        case export
        case `import`
    }

    /// What moves: goods (paid for), or money alone.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Goods, and their payment.
        case goods
        /// A payment with no goods: fees, dividends, loans, settlements.
        case payment
        /// Money sent to people: wages, family support.
        case remittance

        /// Whether goods move.
        public var movesGoods: Bool { self == .goods }
    }

    public var id: String
    public var name: String?
    public var direction: Direction
    public var country: Country
    /// Declared goods categories plus those derived from HS codes.
    public var goods: [String]
    public var hsCodes: [String]
    public var payment: [String]
    public var mark: Mark
    public var kind: Kind = .goods
    /// Where the goods come from, go through and go to, when the flow says so; the partner
    /// `country` and the company's own site countries fill in the ends it does not name.
    public var origin: Country? = nil
    public var transit: [Country] = []
    public var destination: Country? = nil
    /// The id of the site that trades the flow (`site`): its country is the company's end of
    /// the flow unless `origin`/`destination` says otherwise, and its subsidiary is the entity.
    public var site: String? = nil
    /// Where `site` is written, for an unknown id.
    public var siteMark: Mark? = nil
}

/// A supplier, customer, provider or other party.
public struct Counterparty: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var country: Country
    public var role: String?
    public var aliases: [String]
    public var mark: Mark
    /// Where the counterparty is incorporated (`incorporated`), when the policy says; it may
    /// differ from `country`, where it operates.
    public var incorporated: Country? = nil
    /// The sanctions regimes the policy states bind the counterparty (`subject_to`); those its
    /// incorporation derives are added by `Jurisdiction`.
    public var subjectTo: [String] = []
}

/// Staff travel.
public struct Travel: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var country: Country
    public var city: String?
    public var travellers: Int?
    public var frequency: String?
    public var mark: Mark
    /// Countries the travellers pass through on the way (`transit`), in order.
    public var transit: [Country] = []
}

/// A waiver: a finding accepted by an accountable person until `expires`.
public struct AcceptedRisk: Sendable, Hashable, Codable {
    public var finding: String
    public var reason: String
    public var approvedBy: String
    public var expires: Day
    public var mark: Mark
    /// Where `expires` is written, for horizon errors.
    public var expiresMark: Mark = .start

    /// Whether this acceptance names a finding identity (`rule/subject` covers every factor).
    public func covers(_ identity: FindingIdentity) -> Bool {
        finding == identity.description || finding == "\(identity.rule)/\(identity.subject)"
    }
}
