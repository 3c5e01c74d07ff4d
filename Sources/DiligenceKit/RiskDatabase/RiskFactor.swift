/// What a risk factor is about. Rules select factors by kind.
public enum FactorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case sanction
    case tradeRestriction = "trade-restriction"
    case financialRestriction = "financial-restriction"
    case internetShutdown = "internet-shutdown"
    case armedConflict = "armed-conflict"
    case unconstitutionalChange = "unconstitutional-change"
    case civilUnrest = "civil-unrest"
    case humanRights = "human-rights"
    case travelBan = "travel-ban"
    case listedEntity = "listed-entity"
}

/// A country risk factor, modelled on an OSV record: a stable id, dates, what it affects,
/// its severity and the sources that support it.
public struct RiskFactor: Sendable, Hashable, Codable {
    public var id: String
    public var kind: FactorKind
    public var title: String
    public var summary: String?
    public var country: Country
    public var inForceFrom: Day
    public var inForceUntil: Day?
    public var published: Day?
    public var modified: Day?
    public var reviewed: Day
    public var severity: Severity
    public var affects: Affects
    public var exemptGoods: [String]
    public var areas: [Area]
    public var targets: [Target]
    public var events: [RiskEvent]
    public var references: [Reference]
    public var recommendations: [String]
    public var notes: String?
    public var file: String
    public var mark: Mark

    /// Whether the factor is in force on `day`.
    public func isInForce(on day: Day) -> Bool {
        inForceFrom <= day && (inForceUntil.map { day <= $0 } ?? true)
    }

    /// Events that have happened by `day`; later events do not exist yet.
    public func events(asOf day: Day) -> [RiskEvent] {
        events.filter { $0.date <= day }
    }

    /// Whether the factor is bound to places (areas or located events).
    public var isPlaceBound: Bool {
        !areas.isEmpty || events.contains { $0.location != nil }
    }
}

/// What a factor affects; each list is empty when the factor says nothing about it.
public struct Affects: Sendable, Hashable, Codable {
    public var dependencies: [String] = []
    /// Restricted goods; empty means every good not exempted.
    public var goods: [String] = []
    public var directions: [String] = []
    public var payments: [String] = []
    public var roles: [String] = []
    public var sectors: [String] = []

    public init() {}
}

/// A named place with a radius.
public struct Area: Sendable, Hashable, Codable {
    public var name: String
    public var region: String?
    public var location: Coordinate?
    public var radiusKm: Double?
    public var locatedBy: String?
}

/// A named likely target that raises severity: a place with a radius, or kinds of site.
public struct Target: Sendable, Hashable, Codable {
    public var name: String
    public var location: Coordinate?
    public var radiusKm: Double?
    public var siteKinds: [String]
    public var locatedBy: String?
}

/// A dated event, optionally located.
public struct RiskEvent: Sendable, Hashable, Codable {
    public var date: Day
    public var until: Day?
    public var what: String
    public var place: String?
    public var location: Coordinate?
    public var locatedBy: String?
    public var fatalities: Int?
}

/// A cited source with a short supporting quote.
public struct Reference: Sendable, Hashable, Codable {
    public var source: String
    public var title: String?
    public var date: PartialDate?
    public var quote: String?
    public var url: String?
}
