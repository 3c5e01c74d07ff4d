/// The structured exposure path of a place-bound finding: the site (or a trip's destination), how
/// far it is from what, the events counted in each distance band and recency window, the events
/// cited (with their ids, dates and fatalities), the steps that moved the severity (a target,
/// travel's frequency and size), and the rule, band and severity that follow. Reports render it; the
/// plain `Finding.path` says the same in words.
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: a finding's
/// exposure is read by the table keys, the citations and the JSON sections, and a copy of its
/// texts and arrays was a retain and a release of each; now it is one.
public struct Exposure: Sendable, Hashable, Codable {
    /// Events and fatalities in one distance band, split by recency window.
    public struct Band: Sendable, Hashable, Codable {
        /// The band holds distances greater than `fromKm` and at most `toKm`.
        public var fromKm: Double
        public var toKm: Double
        /// Events within the full-weight window (up to `RuleSettings.conflictFullWeightDays`).
        public var recentEvents: Int
        public var recentFatalities: Int
        /// Events older than that, up to `RuleSettings.conflictLookbackDays`.
        public var olderEvents: Int
        public var olderFatalities: Int

        public init(fromKm: Double, toKm: Double, recentEvents: Int = 0, recentFatalities: Int = 0, olderEvents: Int = 0, olderFatalities: Int = 0) {
            self.fromKm = fromKm
            self.toKm = toKm
            self.recentEvents = recentEvents
            self.recentFatalities = recentFatalities
            self.olderEvents = olderEvents
            self.olderFatalities = olderFatalities
        }
    }

    /// An event the finding cites.
    ///
    /// Its fields are held in one storage object (`SharedFields`), copied on write: the report
    /// side copies each cited event for its tables, keys and sections (four texts and a list of
    /// actors, a retain and a release of each); now a copy is one.
    public struct CitedEvent: Sendable, Hashable, Codable {
        /// The event's fields, as they are encoded, compared and hashed (the struct's old
        /// stored properties, in their order).
        struct Fields: Sendable, Hashable, Codable {
            var id: String?
            var date: Day
            var datePrecision: DatePrecision
            var until: Day?
            var ongoingAt: Day?
            var what: String
            var place: String?
            var location: Coordinate?
            var distanceKm: Double?
            var fatalities: Int?
            var type: String?
            var actors: [String]
            var geoPrecision: Int?
        }

        /// The only stored property; fields are read in place (`_read`).
        private var storage: SharedFields<Fields>

        public var id: String? {
            _read { yield storage.fields.id }
            _modify { yield &storage.fields.id }
        }
        public var date: Day {
            _read { yield storage.fields.date }
            _modify { yield &storage.fields.date }
        }
        /// How precisely the source dates the event.
        public var datePrecision: DatePrecision {
            _read { yield storage.fields.datePrecision }
            _modify { yield &storage.fields.datePrecision }
        }
        public var until: Day? {
            _read { yield storage.fields.until }
            _modify { yield &storage.fields.until }
        }
        /// Set when the event was ongoing at the as-of date (its end not known yet).
        public var ongoingAt: Day? {
            _read { yield storage.fields.ongoingAt }
            _modify { yield &storage.fields.ongoingAt }
        }
        public var what: String {
            _read { yield storage.fields.what }
            _modify { yield &storage.fields.what }
        }
        public var place: String? {
            _read { yield storage.fields.place }
            _modify { yield &storage.fields.place }
        }
        public var location: Coordinate? {
            _read { yield storage.fields.location }
            _modify { yield &storage.fields.location }
        }
        /// Distance from the site, when both are located.
        public var distanceKm: Double? {
            _read { yield storage.fields.distanceKm }
            _modify { yield &storage.fields.distanceKm }
        }
        public var fatalities: Int? {
            _read { yield storage.fields.fatalities }
            _modify { yield &storage.fields.fatalities }
        }
        public var type: String? {
            _read { yield storage.fields.type }
            _modify { yield &storage.fields.type }
        }
        public var actors: [String] {
            _read { yield storage.fields.actors }
            _modify { yield &storage.fields.actors }
        }
        public var geoPrecision: Int? {
            _read { yield storage.fields.geoPrecision }
            _modify { yield &storage.fields.geoPrecision }
        }

        public init(_ event: RiskEvent, distanceKm: Double?) {
            storage = SharedFields(
                Fields(
                    id: event.id, date: event.date, datePrecision: event.datePrecision, until: event.until, ongoingAt: event.ongoingAt,
                    what: event.what, place: event.place, location: event.location, distanceKm: distanceKm, fatalities: event.fatalities,
                    type: event.type, actors: event.actors, geoPrecision: event.geoPrecision))
        }

        /// Decoded as its fields (the keys the struct it was had).
        public init(from decoder: any Decoder) throws {
            storage = try SharedFields(from: decoder)
        }

        /// Encoded as its fields.
        public func encode(to encoder: any Encoder) throws {
            try storage.encode(to: encoder)
        }

        /// The date as text with its precision ("March 2020 (month)", "… ongoing at the as-of date").
        public var when: String {
            var event = RiskEvent(date: date, until: until, what: what)
            event.datePrecision = datePrecision
            event.ongoingAt = ongoingAt
            return event.when
        }
    }

    /// A step that moved the severity after the band (a named target, travel's frequency and
    /// size, a cap), as the path words it.
    public struct Step: Sendable, Hashable, Codable {
        /// Levels it moved the severity (0 for a fact stated without moving it).
        public var levels: Int
        public var reason: String

        public init(levels: Int, reason: String) {
            self.levels = levels
            self.reason = reason
        }
    }

    /// A travel destination: the city as the policy writes it, where it resolved, and the trip.
    public struct Destination: Sendable, Hashable, Codable {
        /// As written (`Мінск`).
        public var city: String
        /// As resolved (`Minsk`), with the source of its coordinates.
        public var name: String
        public var source: String
        public var country: Country
        /// Countries passed through on the way (`transit`).
        public var transit: [Country]
        public var travellers: Int?
        public var frequency: String?

        public init(city: String, name: String, source: String, trip: Travel) {
            self.city = city
            self.name = name
            self.source = source
            country = trip.country
            transit = trip.transit
            travellers = trip.travellers
            frequency = trip.frequency
        }
    }

    /// The exposure's fields, as they are encoded, compared and hashed (the struct's old stored
    /// properties, in their order).
    struct Fields: Sendable, Hashable, Codable {
        var subject: String
        var location: Coordinate?
        var distanceKm: Double?
        var to: String?
        var area: String?
        var areaEdgeKm: Double?
        var band: String?
        var window: String?
        var reference: Day?
        var bands: [Band]
        var events: [CitedEvent]
        var eventsNotCited: Int
        var target: String?
        var rule: RuleID
        var severity: Severity
        var steps: [Step] = []
        var destination: Destination? = nil
    }

    /// The only stored property; fields are read in place (`_read`).
    private var storage: SharedFields<Fields>

    /// The subject (site id) and where it is.
    public var subject: String {
        _read { yield storage.fields.subject }
        _modify { yield &storage.fields.subject }
    }
    public var location: Coordinate? {
        _read { yield storage.fields.location }
        _modify { yield &storage.fields.location }
    }
    /// The distance that decided the finding: to the nearest cited event, or to an area's centre.
    public var distanceKm: Double? {
        _read { yield storage.fields.distanceKm }
        _modify { yield &storage.fields.distanceKm }
    }
    /// What the distance is measured to (a place, an area).
    public var to: String? {
        _read { yield storage.fields.to }
        _modify { yield &storage.fields.to }
    }
    /// The area the site lies in (or within the margin of), when an area decided the finding.
    public var area: String? {
        _read { yield storage.fields.area }
        _modify { yield &storage.fields.area }
    }
    /// The area's distance from its edge: positive outside, 0 or absent inside.
    public var areaEdgeKm: Double? {
        _read { yield storage.fields.areaEdgeKm }
        _modify { yield &storage.fields.areaEdgeKm }
    }
    /// The deciding band ("≤ 25 km") and recency window ("last 365 days").
    public var band: String? {
        _read { yield storage.fields.band }
        _modify { yield &storage.fields.band }
    }
    public var window: String? {
        _read { yield storage.fields.window }
        _modify { yield &storage.fields.window }
    }
    /// The date recency is measured from.
    public var reference: Day? {
        _read { yield storage.fields.reference }
        _modify { yield &storage.fields.reference }
    }
    /// Counts by distance band (conflict-proximity), nearest first.
    public var bands: [Band] {
        _read { yield storage.fields.bands }
        _modify { yield &storage.fields.bands }
    }
    /// The events cited, and how many more the same band and window hold.
    public var events: [CitedEvent] {
        _read { yield storage.fields.events }
        _modify { yield &storage.fields.events }
    }
    public var eventsNotCited: Int {
        _read { yield storage.fields.eventsNotCited }
        _modify { yield &storage.fields.eventsNotCited }
    }
    /// A named target that raised the severity.
    public var target: String? {
        _read { yield storage.fields.target }
        _modify { yield &storage.fields.target }
    }
    public var rule: RuleID {
        _read { yield storage.fields.rule }
        _modify { yield &storage.fields.rule }
    }
    public var severity: Severity {
        _read { yield storage.fields.severity }
        _modify { yield &storage.fields.severity }
    }
    /// The steps after the band, in order (empty when the band alone decided).
    public var steps: [Step] {
        _read { yield storage.fields.steps }
        _modify { yield &storage.fields.steps }
    }
    /// For travel: the destination and the trip.
    public var destination: Destination? {
        _read { yield storage.fields.destination }
        _modify { yield &storage.fields.destination }
    }

    public init(subject: String, location: Coordinate?, rule: RuleID, severity: Severity) {
        storage = SharedFields(
            Fields(
                subject: subject, location: location, distanceKm: nil, to: nil, area: nil, areaEdgeKm: nil, band: nil, window: nil,
                reference: nil, bands: [], events: [], eventsNotCited: 0, target: nil, rule: rule, severity: severity))
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
