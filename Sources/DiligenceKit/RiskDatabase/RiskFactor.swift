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
///
/// Its fields are held by reference (`Shared`), read in place and replaced whole when one is
/// set: every rule copies the factors of a country at each operation, and a copy of twenty-five
/// strings, arrays and dates was twenty retains and as many releases; now it is one.
public struct RiskFactor: Sendable, Hashable, Codable {
    /// The factor's fields, as they are encoded, compared and hashed.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var kind: FactorKind
        var title: String
        var summary: String?
        var country: Country
        var inForceFrom: Day
        var inForceUntil: Day?
        var published: Day?
        var modified: Day?
        var reviewed: Day
        var severity: Severity
        var affects: Affects
        var exemptGoods: [String]
        var areas: [Area]
        var targets: [Target]
        var events: [RiskEvent]
        var references: [Reference]
        var recommendations: [String]
        var notes: String?
        var file: String
        var mark: Mark
        /// Who imposed the measure (`imposed_by`): regimes of the regimes vocabulary (EU, US, UK,
        /// UN, ECOWAS), listing bodies such as US-OFAC, or country codes for national measures.
        /// Empty for factors that are not measures (conflict, unrest) or that do not say.
        var imposedBy: [String] = []
        /// `draft` for a factor `db draft` wrote that no analyst has reviewed yet (`check` refuses it).
        var status: String?
        /// Where `status` is written, for the messages about a draft.
        var statusMark: Mark?
        /// Whether the factor holds across its country (`scope: national`), not only in its areas
        /// and near its events: a rule that judges places reports a place outside them, one level lower.
        var nationwide: Bool = false
    }

    /// The only stored property: equality and hashing (synthesized) are the holder's, that is the
    /// fields'.
    private var shared: Shared<Fields>

    /// The fields as one value (what is encoded, compared and hashed).
    var fields: Fields { shared.value }

    init(
        id: String, kind: FactorKind, title: String, summary: String? = nil, country: Country, inForceFrom: Day, inForceUntil: Day? = nil,
        published: Day? = nil, modified: Day? = nil, reviewed: Day, severity: Severity, affects: Affects, exemptGoods: [String], areas: [Area],
        targets: [Target], events: [RiskEvent], references: [Reference], recommendations: [String], notes: String? = nil, file: String, mark: Mark,
        imposedBy: [String] = [], status: String? = nil, statusMark: Mark? = nil, nationwide: Bool = false
    ) {
        shared = Shared(
            Fields(
                id: id, kind: kind, title: title, summary: summary, country: country, inForceFrom: inForceFrom, inForceUntil: inForceUntil,
                published: published, modified: modified, reviewed: reviewed, severity: severity, affects: affects, exemptGoods: exemptGoods, areas: areas,
                targets: targets, events: events, references: references, recommendations: recommendations, notes: notes, file: file, mark: mark,
                imposedBy: imposedBy, status: status, statusMark: statusMark, nationwide: nationwide))
    }

    public init(from decoder: any Decoder) throws {
        shared = try Shared(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.encode(to: encoder)
    }

    /// Sets a field: the fields are copied into a new holder (other copies keep theirs).
    private mutating func update(_ change: (inout Fields) -> Void) {
        shared = shared.updating(change)
    }

    public var id: String {
        get { shared.value.id }
        set { update { $0.id = newValue } }
    }
    public var kind: FactorKind {
        get { shared.value.kind }
        set { update { $0.kind = newValue } }
    }
    public var title: String {
        get { shared.value.title }
        set { update { $0.title = newValue } }
    }
    public var summary: String? {
        get { shared.value.summary }
        set { update { $0.summary = newValue } }
    }
    public var country: Country {
        get { shared.value.country }
        set { update { $0.country = newValue } }
    }
    public var inForceFrom: Day {
        get { shared.value.inForceFrom }
        set { update { $0.inForceFrom = newValue } }
    }
    public var inForceUntil: Day? {
        get { shared.value.inForceUntil }
        set { update { $0.inForceUntil = newValue } }
    }
    public var published: Day? {
        get { shared.value.published }
        set { update { $0.published = newValue } }
    }
    public var modified: Day? {
        get { shared.value.modified }
        set { update { $0.modified = newValue } }
    }
    public var reviewed: Day {
        get { shared.value.reviewed }
        set { update { $0.reviewed = newValue } }
    }
    public var severity: Severity {
        get { shared.value.severity }
        set { update { $0.severity = newValue } }
    }
    public var affects: Affects {
        get { shared.value.affects }
        set { update { $0.affects = newValue } }
    }
    public var exemptGoods: [String] {
        get { shared.value.exemptGoods }
        set { update { $0.exemptGoods = newValue } }
    }
    public var areas: [Area] {
        get { shared.value.areas }
        set { update { $0.areas = newValue } }
    }
    public var targets: [Target] {
        get { shared.value.targets }
        set { update { $0.targets = newValue } }
    }
    public var events: [RiskEvent] {
        get { shared.value.events }
        set { update { $0.events = newValue } }
    }
    public var references: [Reference] {
        get { shared.value.references }
        set { update { $0.references = newValue } }
    }
    public var recommendations: [String] {
        get { shared.value.recommendations }
        set { update { $0.recommendations = newValue } }
    }
    public var notes: String? {
        get { shared.value.notes }
        set { update { $0.notes = newValue } }
    }
    public var file: String {
        get { shared.value.file }
        set { update { $0.file = newValue } }
    }
    public var mark: Mark {
        get { shared.value.mark }
        set { update { $0.mark = newValue } }
    }
    /// Who imposed the measure (`imposed_by`): regimes of the regimes vocabulary (EU, US, UK,
    /// UN, ECOWAS), listing bodies such as US-OFAC, or country codes for national measures.
    /// Empty for factors that are not measures (conflict, unrest) or that do not say.
    public var imposedBy: [String] {
        get { shared.value.imposedBy }
        set { update { $0.imposedBy = newValue } }
    }
    /// `draft` for a factor `db draft` wrote that no analyst has reviewed yet (`check` refuses it).
    public var status: String? {
        get { shared.value.status }
        set { update { $0.status = newValue } }
    }
    /// Where `status` is written, for the messages about a draft.
    public var statusMark: Mark? {
        get { shared.value.statusMark }
        set { update { $0.statusMark = newValue } }
    }
    /// Whether the factor holds across its country (`scope: national`), not only in its areas
    /// and near its events: a rule that judges places reports a place outside them, one level lower.
    public var nationwide: Bool {
        get { shared.value.nationwide }
        set { update { $0.nationwide = newValue } }
    }
}

extension RiskFactor {
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
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: the conflict and
/// human-rights rules copy a factor's areas as they test each site against them (a retain and a
/// release of each text and of the geometry); now a copy is one.
public struct Area: Sendable, Hashable, Codable {
    /// The area's fields, as they are encoded, compared and hashed (the struct's old stored
    /// properties, in their order).
    struct Fields: Sendable, Hashable, Codable {
        var name: String
        var region: String?
        var location: Coordinate?
        var radiusKm: Double?
        var locatedBy: String?
        var geojson: String? = nil
        var geometry: AreaGeometry? = nil
    }

    /// The only stored property; fields are read in place (`_read`).
    private var storage: SharedFields<Fields>

    public var name: String {
        _read { yield storage.fields.name }
        _modify { yield &storage.fields.name }
    }
    public var region: String? {
        _read { yield storage.fields.region }
        _modify { yield &storage.fields.region }
    }
    public var location: Coordinate? {
        _read { yield storage.fields.location }
        _modify { yield &storage.fields.location }
    }
    /// The radius of a point area; the margin around a polygon (nil: none).
    public var radiusKm: Double? {
        _read { yield storage.fields.radiusKm }
        _modify { yield &storage.fields.radiusKm }
    }
    public var locatedBy: String? {
        _read { yield storage.fields.locatedBy }
        _modify { yield &storage.fields.locatedBy }
    }
    /// The GeoJSON file, relative to the database folder.
    public var geojson: String? {
        _read { yield storage.fields.geojson }
        _modify { yield &storage.fields.geojson }
    }
    /// The polygons read from `geojson`.
    public var geometry: AreaGeometry? {
        _read { yield storage.fields.geometry }
        _modify { yield &storage.fields.geometry }
    }

    /// The struct's memberwise initialiser, as it was.
    init(
        name: String, region: String?, location: Coordinate?, radiusKm: Double?, locatedBy: String?, geojson: String? = nil,
        geometry: AreaGeometry? = nil
    ) {
        storage = SharedFields(
            Fields(name: name, region: region, location: location, radiusKm: radiusKm, locatedBy: locatedBy, geojson: geojson, geometry: geometry))
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
