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
    /// Who imposed the measure (`imposed_by`): regimes of the regimes vocabulary (EU, US, UK,
    /// UN, ECOWAS), listing bodies such as US-OFAC, or country codes for national measures.
    /// Empty for factors that are not measures (conflict, unrest) or that do not say.
    public var imposedBy: [String] = []
    /// `draft` for a factor `db draft` wrote that no analyst has reviewed yet (`check` refuses it).
    public var status: String?
    /// Where `status` is written, for the messages about a draft.
    public var statusMark: Mark?
    /// Whether the factor holds across its country (`scope: national`), not only in its areas
    /// and near its events: a rule that judges places reports a place outside them, one level lower.
    public var nationwide = false

    /// Whether the factor is in force on `day`.
    public func isInForce(on day: Day) -> Bool {
        inForceFrom <= day && (inForceUntil.map { day <= $0 } ?? true)
    }

    /// Events as they were known on `day`: later events do not exist yet, and an event that
    /// ends after `day` is ongoing on it (its end is not known yet).
    public func events(asOf day: Day) -> [RiskEvent] {
        events.compactMap { $0.asKnown(on: day) }
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

/// A named place with a radius, or a polygon read from a GeoJSON file.
public struct Area: Sendable, Hashable, Codable {
    public var name: String
    public var region: String?
    public var location: Coordinate?
    /// The radius of a point area; the margin around a polygon (nil: none).
    public var radiusKm: Double?
    public var locatedBy: String?
    /// The GeoJSON file, relative to the database folder.
    public var geojson: String? = nil
    /// The polygons read from `geojson`.
    public var geometry: AreaGeometry? = nil
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
    /// The first day the event's date can mean (a month-precise date's first day).
    public var date: Day
    /// How precisely the source dates the event: `date: 2020-03` is month-precise.
    public var datePrecision: DatePrecision = .day
    public var until: Day?
    /// Set when the event ends after the as-of date it is seen at: ongoing on that day.
    public var ongoingAt: Day? = nil
    public var what: String
    public var place: String?
    public var location: Coordinate?
    public var locatedBy: String?
    public var fatalities: Int?
    /// The source's own id (ACLED `event_id_cnty`).
    public var id: String? = nil
    public var type: String? = nil
    public var subType: String? = nil
    public var actors: [String] = []
    /// 1 the place itself, 2 near it, 3 only the region (ACLED).
    public var geoPrecision: Int? = nil
    public var region: String? = nil
    /// Shutdowns: `national` or `regional`.
    public var scope: String? = nil
    /// Shutdowns: the services taken down.
    public var dependencies: [String] = []
    public var source: String? = nil
    public var notes: String? = nil
    /// The factor's references that state the event, by their place in `references` (from 1).
    public var quotes: [Int] = []

    /// "MOZ1234 of 2020-08-12", "event of March 2020 (month)".
    public var label: String {
        "\(id ?? "event") of \(when)"
    }

    /// The last day the event's date can mean: the date itself, or the end of its month or year.
    public var lastDay: Day { datePrecision.lastDay(from: date) }

    /// The event as known on `day`: nil when it starts after it; an end after it is not known
    /// yet, so the event is ongoing on `day`.
    public func asKnown(on day: Day) -> RiskEvent? {
        guard date <= day else { return nil }
        guard let until, until > day else { return self }
        var known = self
        known.until = nil
        known.ongoingAt = day
        return known
    }

    /// The most recent day the event is known to have lasted to by `asOf`, for recency:
    /// counted conservatively, from the last day a month- or year-precise date can mean.
    public func latest(asOf: Day) -> Day {
        if ongoingAt != nil { return asOf }
        return min(asOf, max(until ?? lastDay, lastDay))
    }

    /// The date as text with its precision: "2020-08-12", "March 2020 (month)",
    /// "2020-08-09 to 2020-08-11", or "2020-11-08, ongoing at the as-of date (2020-11-30)".
    public var when: String {
        let start = datePrecision.describe(date)
        if let ongoingAt { return "\(start), ongoing at the as-of date (\(ongoingAt))" }
        if let until, until != date { return "\(start) to \(until)" }
        return start
    }
}

/// A cited source with a short supporting quote.
public struct Reference: Sendable, Hashable, Codable {
    public var source: String
    public var title: String?
    public var date: PartialDate?
    public var quote: String?
    public var url: String?

    /// Hashes the short fields only (equality still compares all): reports look references up
    /// for every piece of evidence, and hashing each quote cost as much as writing it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(title)
        hasher.combine(date)
    }
}
