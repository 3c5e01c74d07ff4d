import Foundation

/// A finding's structured exposure as the JSON report (`exposure`) and the SARIF result's
/// property bag write it: distances rounded to 0.1 km, dates as `YYYY-MM-DD`.
struct ExposureEntry: Encodable {
    struct Point: Encodable {
        var lat: Double
        var lon: Double
    }

    struct Band: Encodable {
        var from_km: Double
        var to_km: Double
        var recent_events: Int
        var recent_fatalities: Int
        var older_events: Int
        var older_fatalities: Int
    }

    struct Event: Encodable {
        var id: String?
        var date: String
        var until: String?
        var ongoing_at: String?
        var what: String
        var place: String?
        var location: Point?
        var distance_km: Double?
        var fatalities: Int?
        var type: String?
        var actors: [String]
        var geo_precision: Int?
    }

    var subject: String
    var location: Point?
    var distance_km: Double?
    var to: String?
    var area: String?
    var area_edge_km: Double?
    var band: String?
    var window: String?
    var reference: String?
    var bands: [Band]
    var events: [Event]
    var events_not_cited: Int
    var target: String?
    var rule: String
    var severity: String

    init(_ exposure: Exposure) {
        subject = exposure.subject
        location = exposure.location.map { Point(lat: $0.lat, lon: $0.lon) }
        distance_km = exposure.distanceKm.map(Self.round)
        to = exposure.to
        area = exposure.area
        area_edge_km = exposure.areaEdgeKm.map(Self.round)
        band = exposure.band
        window = exposure.window
        reference = exposure.reference?.description
        bands = exposure.bands.map {
            Band(from_km: $0.fromKm, to_km: $0.toKm, recent_events: $0.recentEvents, recent_fatalities: $0.recentFatalities,
                 older_events: $0.olderEvents, older_fatalities: $0.olderFatalities)
        }
        events = exposure.events.map {
            Event(id: $0.id, date: $0.datePrecision.text($0.date), until: $0.until?.description, ongoing_at: $0.ongoingAt?.description, what: $0.what, place: $0.place,
                  location: $0.location.map { Point(lat: $0.lat, lon: $0.lon) }, distance_km: $0.distanceKm.map(Self.round),
                  fatalities: $0.fatalities, type: $0.type, actors: $0.actors, geo_precision: $0.geoPrecision)
        }
        events_not_cited = exposure.eventsNotCited
        target = exposure.target
        rule = exposure.rule
        severity = exposure.severity.name
    }

    static func round(_ km: Double) -> Double { (km * 10).rounded() / 10 }
}
