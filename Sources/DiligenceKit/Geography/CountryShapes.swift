import Foundation

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
        /// The same rings made ready for many points (`PreparedRing`), by country code, each
        /// country's made at its first point (`prepared(_:)`).
        let preparedRings = Memo<String, [PreparedRing]>(capacity: 1_000)

        /// The country's rings made ready for many points: made once, by one thread, when a point
        /// is first placed against them (a run places its sites against the few countries they
        /// claim; preparing the 13,000 points of every outline at start-up was 14 M instructions).
        func prepared(_ code: String) -> [PreparedRing] {
            if let known = preparedRings.value(for: code) { return known }
            return preparedRings.valueMadeOnce(for: code) { (rings[code] ?? []).map(PreparedRing.init) }
        }

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
        // Most points lie inside their country: found region by region, with no array of the
        // covering regions and one look-up of the country's rings in each (a region outlines
        // the country exactly when its prepared rings are not empty).
        // Each region read in place by its position (a copy of each, its tables retained and
        // released, was made for every point).
        var covered = false
        for index in regions.indices where regions[index].covers(point) {
            let rings = regions[index].prepared(claimed.code)
            guard !rings.isEmpty else { continue }
            covered = true
            if Self.contains(rings, point) { return .inside }
        }
        guard covered else { return nil }
        let covering = regions.filter { $0.covers(point) && $0.rings[claimed.code] != nil }
        // Within the tolerance of one region's outline, the point is inside whatever the exact
        // distance: each region's measure stops at the first vertex or arc that close.
        let outsideKm = covering.map { Self.distanceKm(point, to: $0.prepared(claimed.code), stoppingAt: Self.toleranceKm) }.min() ?? 0
        if outsideKm <= Self.toleranceKm { return .inside }
        for region in covering {
            for code in region.rings.keys.sorted() where code != claimed.code {
                if Self.contains(region.prepared(code), point) {
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

    /// `contains` over prepared rings: the same answer, without working out each ring's box,
    /// its unwrapped longitudes and its points' vectors again for every point.
    static func contains(_ rings: [PreparedRing], _ point: Coordinate) -> Bool {
        var inside = false
        for ring in rings where ring.boxHolds(point) && ring.contains(point) { inside.toggle() }
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

    /// `distanceKm` over prepared rings, the same number (tests compare the two): the least of
    /// the same arc angles, `AreaGeometry.angle(from:toArc:_:)`, except that an arc is skipped
    /// when a bound on chords shows it cannot come nearer than the nearest found so far
    /// (a point at sea near a long coast measured every edge with four trigonometric calls).
    ///
    /// Both passes first test a run of `PreparedRing.chunkSize` points (`PreparedRing.Chunk`) as
    /// a whole: when its nearest possible point is farther than the best so far, every point (or
    /// arc) of it would fail its own test, so the run is passed over (a site outside its
    /// country measured every point of the country's outline twice).
    ///
    /// With `limit`, the measure stops at the first vertex or arc found within `limit` km and
    /// returns that vertex's or arc's distance: then a number at most `limit` and at least the
    /// distance (it is one of the distances the least is taken over); above `limit`, the
    /// distance itself. Placing a point needs the distance only when it exceeds the tolerance.
    static func distanceKm(_ point: Coordinate, to rings: [PreparedRing], stoppingAt limit: Double = -.infinity) -> Double {
        let p = AreaGeometry.Vector(point)
        // The chord of an angle of `limit` km, with a margin far above rounding: a vertex or arc
        // nearer than that is measured exactly and, when within `limit`, ends the measure.
        let limitChord = limit > 0 ? 2 * sin(limit / Coordinate.earthRadiusKm / 2) + 1e-9 : -1.0
        // Seeded with the nearest vertex's angle, one of the angles the least is taken over
        // (every vertex of a ring of two or more ends one of its arcs).
        var nearest: (chord: Double, vector: AreaGeometry.Vector)?
        for ring in rings where ring.vectors.count >= 2 {
            for chunk in ring.chunks {
                // No point of the run is nearer than the best (a margin far above rounding):
                // none would replace it.
                if let best = nearest, p.chord(to: ring.vectors[chunk.start]) - chunk.radius > best.chord + 1e-9 { continue }
                for index in chunk.start..<chunk.end {
                    let chord = p.chord(to: ring.vectors[index])
                    if nearest.map({ chord < $0.chord }) ?? true { nearest = (chord, ring.vectors[index]) }
                    if chord <= limitChord {
                        let km = AreaGeometry.angle(p, ring.vectors[index]) * Coordinate.earthRadiusKm
                        if km <= limit { return km }
                    }
                }
            }
        }
        guard let nearest else { return 0 }
        var best = AreaGeometry.angle(p, nearest.vector)
        if best * Coordinate.earthRadiusKm <= limit { return best * Coordinate.earthRadiusKm }
        for ring in rings where ring.vectors.count >= 2 {
            // The chord of the best angle so far; an arc whose every point lies farther (its
            // start's chord less the arc's own chord, by the triangle inequality) is skipped,
            // with a margin far above rounding, so the least is the one all arcs give.
            var bestChord = 2 * sin(best / 2) + 1e-9
            for chunk in ring.chunks {
                // The arcs starting at the run's points: each start lies within `radius` of the
                // run's first point and each arc is at most `longestArc` long, so when this
                // bound fails every arc's own test below fails too.
                let lastArc = min(ring.vectors.count - 1, chunk.end)
                guard chunk.start < lastArc else { continue }
                if p.chord(to: ring.vectors[chunk.start]) - chunk.radius - chunk.longestArc > bestChord + 1e-9 { continue }
                for index in (chunk.start + 1)...lastArc {
                    let a = ring.vectors[index - 1], b = ring.vectors[index]
                    if p.chord(to: a) - ring.chords[index - 1] <= bestChord {
                        let angle = AreaGeometry.angle(from: p, toArc: a, b)
                        if angle < best {
                            best = angle
                            if best * Coordinate.earthRadiusKm <= limit { return best * Coordinate.earthRadiusKm }
                            bestChord = 2 * sin(best / 2) + 1e-9
                        }
                    }
                }
            }
        }
        return best * Coordinate.earthRadiusKm
    }
}

/// A country ring made ready for many points: its box, its longitudes made continuous and
/// their box (`AreaGeometry.unwrapped`), and each point's unit vector with each edge's chord.
struct PreparedRing: Sendable {
    let south: Double, north: Double, west: Double, east: Double
    let unwrapped: [(x: Double, y: Double)]
    let minX: Double, maxX: Double, minY: Double, maxY: Double
    let vectors: [AreaGeometry.Vector]
    /// `chords[i]`: the straight-line distance between `vectors[i]` and `vectors[i + 1]`.
    let chords: [Double]
    /// The edges by latitude: `bands[b]` lists each edge (`i`: from point `i - 1`, the last
    /// point for `i == 0`, to point `i`) whose latitudes meet band `b` of equal bands over
    /// `minY...maxY`. A ray at a latitude can only cross its own band's edges: the even-odd
    /// count looks at those, not at every edge of a coast of thousands of points.
    let bands: [[Int32]]
    let bandHeight: Double

    /// A run of consecutive points: `start..<end`, and the arcs that start at them (the last
    /// run's last point starts none). `radius` is the largest chord from the run's first point
    /// to any of its points or to the point after it (the end of its last arc); `longestArc`
    /// the longest chord of those arcs.
    struct Chunk: Sendable {
        var start: Int
        var end: Int
        var radius: Double
        var longestArc: Double
    }

    /// Points in a run (`chunks`).
    static let chunkSize = 16
    /// The points in runs of `chunkSize`, in order.
    let chunks: [Chunk]

    init(_ ring: [Coordinate]) {
        south = ring.map(\.lat).min() ?? .infinity
        north = ring.map(\.lat).max() ?? -.infinity
        west = ring.map(\.lon).min() ?? .infinity
        east = ring.map(\.lon).max() ?? -.infinity
        unwrapped = AreaGeometry.unwrapped(ring)
        minX = unwrapped.map(\.x).min() ?? .infinity
        maxX = unwrapped.map(\.x).max() ?? -.infinity
        minY = unwrapped.map(\.y).min() ?? .infinity
        maxY = unwrapped.map(\.y).max() ?? -.infinity
        let vectors = ring.map(AreaGeometry.Vector.init)
        let chords = zip(vectors, vectors.dropFirst()).map { $0.chord(to: $1) }
        self.vectors = vectors
        self.chords = chords
        var chunks: [Chunk] = []
        for start in stride(from: 0, to: vectors.count, by: Self.chunkSize) {
            let end = min(vectors.count, start + Self.chunkSize)
            let last = min(vectors.count - 1, end)
            var radius = 0.0, longestArc = 0.0
            for index in start...last { radius = Swift.max(radius, vectors[start].chord(to: vectors[index])) }
            for index in start..<last { longestArc = Swift.max(longestArc, chords[index]) }
            chunks.append(Chunk(start: start, end: end, radius: radius, longestArc: longestArc))
        }
        self.chunks = chunks
        let count = max(1, min(256, unwrapped.count / 8))
        let height = (maxY - minY) / Double(count)
        bandHeight = height.isFinite && height > 0 ? height : 0
        var bands = Array(repeating: [Int32](), count: bandHeight > 0 ? count : 1)
        for i in unwrapped.indices {
            let a = unwrapped[i].y, b = unwrapped[i == 0 ? unwrapped.count - 1 : i - 1].y
            for band in Self.band(min(a, b), minY, bandHeight, bands.count)...Self.band(max(a, b), minY, bandHeight, bands.count) {
                bands[band].append(Int32(i))
            }
        }
        self.bands = bands
    }

    /// The band of latitude `y` (clamped to the ring's): monotonic in `y`, so an edge's bands
    /// run from its lower end's band to its upper end's and include every latitude between.
    static func band(_ y: Double, _ minY: Double, _ height: Double, _ count: Int) -> Int {
        guard height > 0, y > minY else { return 0 }
        let band = (y - minY) / height
        return band >= Double(count - 1) ? count - 1 : Int(band)
    }

    /// `AreaGeometry.evenOdd` of the ring at (x, y): the same test on each edge of y's band
    /// (an edge of another band has both ends above y or both at or below it, and is never
    /// counted), so the same answer.
    func evenOdd(_ x: Double, _ y: Double) -> Bool {
        let points = unwrapped
        guard !points.isEmpty else { return false }
        var inside = false
        for edge in bands[Self.band(y, minY, bandHeight, bands.count)] {
            let i = Int(edge), j = i == 0 ? points.count - 1 : i - 1
            let (xi, yi) = points[i], (xj, yj) = points[j]
            if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
        }
        return inside
    }

    /// `AreaGeometry.onEdge(unwrapped, x, y)`: the same test on the edges of the bands that
    /// latitudes within the test's slack of y (1e-12) fall in, not on every edge of the ring. An
    /// edge the test can hold for has a latitude within that slack of y, and is listed in that
    /// latitude's band; the closing edge (`i == 0`), which the test leaves out, is left out.
    func onEdge(_ x: Double, _ y: Double) -> Bool {
        let points = unwrapped
        guard points.count >= 2 else { return false }
        let first = Self.band(y - 1e-12, minY, bandHeight, bands.count), last = Self.band(y + 1e-12, minY, bandHeight, bands.count)
        for band in first...last {
            for edge in bands[band] where edge != 0 {
                let i = Int(edge)
                if AreaGeometry.onEdge(points[i - 1], points[i], x, y) { return true }
            }
        }
        return false
    }

    /// `CountryShapes.boxHolds` of the ring.
    func boxHolds(_ point: Coordinate) -> Bool {
        point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east
    }

    /// `AreaGeometry.ring(_:contains:)` of the ring: a copy of the point a turn either side is
    /// tested only when it falls within the ring's box (with a margin far above the tests'
    /// tolerances; outside it neither the even-odd count nor the edge test can hold).
    func contains(_ point: Coordinate) -> Bool {
        for shift in [0.0, 360, -360] {
            let x = point.lon + shift, y = point.lat
            guard x >= minX - 1e-6, x <= maxX + 1e-6, y >= minY - 1e-6, y <= maxY + 1e-6 else { continue }
            if evenOdd(x, y) || onEdge(x, y) { return true }
        }
        return false
    }
}
