/// The structured exposure path of a place-bound finding: the site (or a trip's destination), how
/// far it is from what, the events counted in each distance band and recency window, the events
/// cited (with their ids, dates and fatalities), the steps that moved the severity (a target,
/// travel's frequency and size), and the rule, band and severity that follow. Reports render it; the
/// plain `Finding.path` says the same in words.
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
    public struct CitedEvent: Sendable, Hashable, Codable {
        public var id: String?
        public var date: Day
        /// How precisely the source dates the event.
        public var datePrecision: DatePrecision
        public var until: Day?
        /// Set when the event was ongoing at the as-of date (its end not known yet).
        public var ongoingAt: Day?
        public var what: String
        public var place: String?
        public var location: Coordinate?
        /// Distance from the site, when both are located.
        public var distanceKm: Double?
        public var fatalities: Int?
        public var type: String?
        public var actors: [String]
        public var geoPrecision: Int?

        public init(_ event: RiskEvent, distanceKm: Double?) {
            id = event.id
            date = event.date
            datePrecision = event.datePrecision
            until = event.until
            ongoingAt = event.ongoingAt
            what = event.what
            place = event.place
            location = event.location
            self.distanceKm = distanceKm
            fatalities = event.fatalities
            type = event.type
            actors = event.actors
            geoPrecision = event.geoPrecision
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

    /// The subject (site id) and where it is.
    public var subject: String
    public var location: Coordinate?
    /// The distance that decided the finding: to the nearest cited event, or to an area's centre.
    public var distanceKm: Double?
    /// What the distance is measured to (a place, an area).
    public var to: String?
    /// The area the site lies in (or within the margin of), when an area decided the finding.
    public var area: String?
    /// The area's distance from its edge: positive outside, 0 or absent inside.
    public var areaEdgeKm: Double?
    /// The deciding band ("≤ 25 km") and recency window ("last 365 days").
    public var band: String?
    public var window: String?
    /// The date recency is measured from.
    public var reference: Day?
    /// Counts by distance band (conflict-proximity), nearest first.
    public var bands: [Band]
    /// The events cited, and how many more the same band and window hold.
    public var events: [CitedEvent]
    public var eventsNotCited: Int
    /// A named target that raised the severity.
    public var target: String?
    public var rule: RuleID
    public var severity: Severity
    /// The steps after the band, in order (empty when the band alone decided).
    public var steps: [Step] = []
    /// For travel: the destination and the trip.
    public var destination: Destination? = nil

    public init(subject: String, location: Coordinate?, rule: RuleID, severity: Severity) {
        self.subject = subject
        self.location = location
        self.rule = rule
        self.severity = severity
        self.bands = []
        self.events = []
        self.eventsNotCited = 0
    }
}
