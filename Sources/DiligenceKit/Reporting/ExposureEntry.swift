import Foundation

/// A finding's structured exposure as the JSON report (`exposure`) and the SARIF result's
/// property bag write it: distances rounded to 0.1 km, dates as `YYYY-MM-DD`. `Event` is what
/// it holds of each cited event: a reference into the report's `events` table (schema 2) or
/// the whole event (schema 1). `Bands` is what it holds of the events and fatalities per
/// distance band: the bands themselves (`[ExposureBand]`) or, in schema 3, an id into the
/// report's `exposure_bands` table. Members in byte order of their keys.
struct ExposureEntry<Event: Encodable & Sendable & Equatable, Bands: Encodable & Sendable & Equatable>: Encodable, Sendable, Equatable {
    var area: String?
    var area_edge_km: Double?
    var band: String?
    var bands: Bands
    /// Travel: the destination city as written and as resolved, and the trip.
    var destination: DestinationEntry?
    var distance_km: Double?
    var events: [Event]
    /// Schema 4: absent when 0.
    var events_not_cited: Int?
    var location: PointEntry?
    var reference: String?
    /// The finding's rule, severity and subject (schema 3: absent, as they are the finding's own).
    var rule: RuleID?
    var severity: String?
    /// The steps that moved the severity after the band; absent when none.
    var steps: [StepEntry]?
    var subject: String?
    var target: String?
    var to: String?
    var window: String?

    /// The same entry with other bands (`transform` of these).
    func mapBands<Other, Failure: Error>(_ transform: (Bands) throws(Failure) -> Other) throws(Failure) -> ExposureEntry<Event, Other> {
        ExposureEntry<Event, Other>(
            area: area, area_edge_km: area_edge_km, band: band, bands: try transform(bands), destination: destination,
            distance_km: distance_km, events: events, events_not_cited: events_not_cited, location: location, reference: reference, rule: rule,
            severity: severity, steps: steps, subject: subject, target: target, to: to, window: window)
    }

    /// The same entry with other events (`transform` of these).
    func mapEvents<Other>(_ transform: ([Event]) -> [Other]) -> ExposureEntry<Other, Bands> {
        ExposureEntry<Other, Bands>(
            area: area, area_edge_km: area_edge_km, band: band, bands: bands, destination: destination,
            distance_km: distance_km, events: transform(events), events_not_cited: events_not_cited, location: location, reference: reference,
            rule: rule, severity: severity, steps: steps, subject: subject, target: target, to: to, window: window)
    }
}

extension ExposureEntry: Decodable where Event: Decodable, Bands: Decodable {}

/// Events and fatalities within one distance band, recently and before.
struct ExposureBand: Codable, Sendable, Equatable {
    var from_km: Double
    var older_events: Int
    var older_fatalities: Int
    var recent_events: Int
    var recent_fatalities: Int
    var to_km: Double
}

extension ExposureEntry where Bands == [ExposureBand] {
    init(_ exposure: Exposure, events: [Event]) {
        self.init(exposure, events: events, bands: exposure.bands.map(ExposureBand.init))
    }
}

extension ExposureBand {
    init(_ band: Exposure.Band) {
        self.init(
            from_km: band.fromKm, older_events: band.olderEvents, older_fatalities: band.olderFatalities,
            recent_events: band.recentEvents, recent_fatalities: band.recentFatalities, to_km: band.toKm)
    }
}

extension ExposureEntry {
    /// The exposure's entry with its events and bands as a schema refers to them.
    init(_ exposure: Exposure, events: [Event], bands: Bands) {
        area = exposure.area
        area_edge_km = exposure.areaEdgeKm.map(ExposureRounding.km)
        band = exposure.band
        self.bands = bands
        destination = exposure.destination.map(DestinationEntry.init)
        distance_km = exposure.distanceKm.map(ExposureRounding.km)
        self.events = events
        events_not_cited = exposure.eventsNotCited
        location = exposure.location.map(PointEntry.init)
        reference = exposure.reference?.description
        rule = exposure.rule
        severity = exposure.severity.name
        steps = exposure.steps.isEmpty ? nil : exposure.steps.map { StepEntry(levels: $0.levels, reason: $0.reason) }
        subject = exposure.subject
        target = exposure.target
        to = exposure.to
        window = exposure.window
    }
}

/// A step of `ExposureEntry.steps`.
struct StepEntry: Codable, Sendable, Equatable {
    var levels: Int
    var reason: String
}

/// `ExposureEntry.destination`: members in byte order of their keys.
struct DestinationEntry: Codable, Sendable, Equatable {
    var city: String
    var country: String
    var frequency: String?
    var name: String
    var source: String
    var transit: [String]?
    var travellers: Int?

    init(_ destination: Exposure.Destination) {
        city = destination.city
        country = destination.country.code
        frequency = destination.frequency
        name = destination.name
        source = destination.source
        transit = destination.transit.isEmpty ? nil : destination.transit.map(\.code)
        travellers = destination.travellers
    }
}

/// Distances in reports: to 0.1 km.
enum ExposureRounding {
    static func km(_ km: Double) -> Double { (km * 10).rounded() / 10 }
}

/// A finding's `binding` as the JSON report and the SARIF result's property bag write it.
/// Members in byte order of their keys.
struct BindingEntry: Codable, Sendable, Equatable {
    var entity: String
    var entity_regimes: [String]
    var imposed_by: [String]
    var reason: String
    var regimes: [String]
    /// `binds`, `secondary` or `not-assessed`.
    var status: String
}

extension BindingEntry {
    // Outside the struct's body, so that the memberwise initializer stays (schema 3 expands to it).
    init(_ binding: Binding) {
        entity = binding.entity
        entity_regimes = binding.entityRegimes
        imposed_by = binding.imposedBy
        reason = binding.reason
        regimes = binding.regimes
        status = binding.status.rawValue
    }
}
