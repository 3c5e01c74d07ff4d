/// Country outlines as shapes to place points in: the Natural Earth outlines the maps draw
/// (`CountryOutlines.builtIn`, simplified to 0.01 degrees and clipped to 6 degrees around each
/// covered country: Mali, Mozambique, Belarus). A point is judged only where the file covers
/// it (inside the box of one region's rings) and the claimed country has rings there.
public struct CountryShapes: Sendable {
    /// A point this close to the claimed country's outline counts as inside it: the outline is
    /// simplified (0.01 degrees, about 1 km), drawn at 1:10 million, and leaves out islands under
    /// 0.0004 square degrees; harbours, piers, river islands and coastal sites lie on or just
    /// beyond it. 15 km is well above those errors and below the 25 km of conflict-proximity's
    /// first band, so a point farther out is a real error (30 km offshore is caught).
    public static let toleranceKm = 15.0

    /// Where a point lies, compared with the country a policy claims for it.
    public enum Placement: Sendable, Hashable {
        /// Inside the claimed country's outline, or within the tolerance of it.
        case inside
        /// Inside another country's outline, `outsideKm` from the claimed country's.
        case otherCountry(code: String, name: String, outsideKm: Double)
        /// Inside no country's outline (at sea, or in a lake the outlines leave out), `outsideKm`
        /// from the claimed country's outline.
        case sea(outsideKm: Double)
    }

    struct Region {
        var south: Double, west: Double, north: Double, east: Double
        /// Rings by country code.
        var rings: [String: [[Coordinate]]]
        var names: [String: String]

        func covers(_ point: Coordinate) -> Bool {
            point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east
        }
    }

    let regions: [Region]
    /// The outlines' source line (for messages).
    public let attribution: String?

    public static let builtIn = CountryShapes(CountryOutlines.builtIn)

    public init(_ outlines: CountryOutlines) {
        var byRegion: [String: Region] = [:]
        var order: [String] = []
        for ring in outlines.rings {
            var region =
                byRegion[ring.region] ?? Region(south: ring.south, west: ring.west, north: ring.north, east: ring.east, rings: [:], names: [:])
            if byRegion[ring.region] == nil { order.append(ring.region) }
            region.south = min(region.south, ring.south)
            region.west = min(region.west, ring.west)
            region.north = max(region.north, ring.north)
            region.east = max(region.east, ring.east)
            region.rings[ring.country, default: []].append(ring.points)
            region.names[ring.country] = ring.name
            byRegion[ring.region] = region
        }
        regions = order.compactMap { byRegion[$0] }
        attribution = outlines.attribution
    }

    /// Where `point` lies compared with `claimed`; nil when the outlines do not cover the point
    /// or have no outline of the claimed country there.
    public func place(_ point: Coordinate, claimed: Country) -> Placement? {
        let covering = regions.filter { $0.covers(point) && $0.rings[claimed.code] != nil }
        guard !covering.isEmpty else { return nil }
        if covering.contains(where: { Self.contains($0.rings[claimed.code] ?? [], point) }) { return .inside }
        let outsideKm = covering.map { Self.distanceKm(point, to: $0.rings[claimed.code] ?? []) }.min() ?? 0
        if outsideKm <= Self.toleranceKm { return .inside }
        for region in covering {
            for code in region.rings.keys.sorted() where code != claimed.code {
                if Self.contains(region.rings[code] ?? [], point) {
                    return .otherCountry(code: code, name: region.names[code] ?? code, outsideKm: outsideKm)
                }
            }
        }
        return .sea(outsideKm: outsideKm)
    }

    /// Even-odd over a country's rings (outer rings and holes alike), each tested only when
    /// its box holds the point.
    static func contains(_ rings: [[Coordinate]], _ point: Coordinate) -> Bool {
        var inside = false
        for ring in rings where boxHolds(ring, point) && AreaGeometry.ring(ring, contains: point) { inside.toggle() }
        return inside
    }

    static func boxHolds(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity
        for c in ring {
            south = min(south, c.lat)
            north = max(north, c.lat)
            west = min(west, c.lon)
            east = max(east, c.lon)
        }
        return point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east
    }

    /// The great-circle distance from `point` to the nearest edge of the rings.
    static func distanceKm(_ point: Coordinate, to rings: [[Coordinate]]) -> Double {
        AreaGeometry(polygons: rings.map { AreaGeometry.Polygon(rings: [$0]) }).distanceToEdgeKm(from: point)
    }
}
