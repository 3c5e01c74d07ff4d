/// The located events of a database's factors in one `SpatialIndex`, built once when the
/// database is loaded and shared by every policy of the run: a site costs one lookup, whatever
/// the number of factors and events. A class (immutable): the conflict rule reads it once per
/// policy, and a copy of the struct was a retain and a release of each of its seven arrays.
public final class EventIndex: Sendable {
    /// A located event: the position of its factor in `RiskDatabase.factors` and of the event
    /// in the factor's `events`.
    public struct Hit: Sendable, Hashable {
        public var factor: Int
        public var event: Int
        public var distanceKm: Double
    }

    private let index: SpatialIndex
    private let factorPositions: [Int32]
    private let eventPositions: [Int32]
    private let points: [Coordinate]

    /// Indexes the located events of `factors` (in the order given).
    public init(factors: [RiskFactor], cellDegrees: Double = 1) {
        var points: [Coordinate] = [], factorPositions: [Int32] = [], eventPositions: [Int32] = []
        for (factorPosition, factor) in factors.enumerated() {
            for (eventPosition, event) in factor.events.enumerated() {
                guard let location = event.location, points.count < SpatialIndex.maxPoints else { continue }
                points.append(location)
                factorPositions.append(Int32(factorPosition))
                eventPositions.append(Int32(eventPosition))
            }
        }
        self.points = points
        self.factorPositions = factorPositions
        self.eventPositions = eventPositions
        self.index = SpatialIndex(points: points, cellDegrees: cellDegrees)
    }

    /// Number of located events.
    public var count: Int { points.count }

    /// Every located event within `radiusKm` of `center`, with its distance, ordered by factor,
    /// then event.
    public func hits(within radiusKm: Double, of center: Coordinate) -> [Hit] {
        var hits: [Hit] = []
        index.forEach(within: radiusKm, of: center) { position in
            hits.append(
                Hit(
                    factor: Int(factorPositions[position]), event: Int(eventPositions[position]),
                    distanceKm: center.distanceKm(to: points[position])))
        }
        // Sorted in place (`sorted` made a second array for every site).
        hits.sort { ($0.factor, $0.event) < ($1.factor, $1.event) }
        return hits
    }
}
