import Foundation

/// The polygons of an area read from GeoJSON: each polygon an outer ring and its holes, each ring
/// closed (first position repeated last), positions in WGS 84 degrees.
///
/// Following RFC 7946, edges are straight lines in longitude/latitude for point-in-polygon (even-odd
/// rule over the rings of a polygon; a point on an edge counts as inside). A ring that crosses the
/// antimeridian (consecutive longitudes more than 180° apart) is unwrapped before the test. The
/// distance from an outside point to the edge is the great-circle distance to the nearest edge,
/// each edge taken as a great-circle arc: for the short edges of administrative boundaries the
/// two readings differ by metres.
public struct AreaGeometry: Sendable, Hashable, Codable {
    /// A polygon: `rings[0]` the outer boundary, the rest holes.
    public struct Polygon: Sendable, Hashable, Codable {
        public var rings: [[Coordinate]]

        public init(rings: [[Coordinate]]) {
            self.rings = rings
        }
    }

    public var polygons: [Polygon]
    /// Bounding box in degrees (longitudes unwrapped per ring, so they may pass ±180).
    public let minLat: Double, maxLat: Double

    public init(polygons: [Polygon]) {
        self.polygons = polygons
        let lats = polygons.flatMap { $0.rings.flatMap { $0.map(\.lat) } }
        minLat = lats.min() ?? 0
        maxLat = lats.max() ?? 0
    }

    /// Number of positions over every ring.
    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } } }

    /// Whether `point` lies inside (or on the edge of) any polygon.
    public func contains(_ point: Coordinate) -> Bool {
        guard point.lat >= minLat - 1e-9, point.lat <= maxLat + 1e-9 else { return false }
        return polygons.contains { polygon in
            guard let outer = polygon.rings.first, Self.ring(outer, contains: point) else { return false }
            return !polygon.rings.dropFirst().contains { Self.ring($0, contains: point) && !Self.onEdge($0, point) }
        }
    }

    /// Great-circle distance in kilometres from `point` to the nearest edge of any ring.
    public func distanceToEdgeKm(from point: Coordinate) -> Double {
        let p = Vector(point)
        var best = Double.infinity
        for polygon in polygons {
            for ring in polygon.rings where ring.count >= 2 {
                var a = Vector(ring[0])
                for index in 1..<ring.count {
                    let b = Vector(ring[index])
                    best = min(best, Self.angle(from: p, toArc: a, b))
                    a = b
                }
            }
        }
        return best.isFinite ? best * Coordinate.earthRadiusKm : 0
    }

    /// Distance from `point` to the area: 0 inside, the distance to the nearest edge outside.
    public func distanceKm(from point: Coordinate) -> Double {
        contains(point) ? 0 : distanceToEdgeKm(from: point)
    }

    // MARK: Point in ring (planar, in degrees)

    /// Longitudes of the ring made continuous (a jump of more than 180° is taken the short way).
    static func unwrapped(_ ring: [Coordinate]) -> [(x: Double, y: Double)] {
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(ring.count)
        var previous: Double?
        var offset = 0.0
        for position in ring {
            if let previous {
                let step = position.lon - previous
                if step > 180 { offset -= 360 } else if step < -180 { offset += 360 }
            }
            previous = position.lon
            out.append((position.lon + offset, position.lat))
        }
        return out
    }

    static func ring(_ ring: [Coordinate], contains point: Coordinate) -> Bool {
        let points = unwrapped(ring)
        // The point's longitude, and its copies one turn either side for unwrapped rings.
        for shift in [0.0, 360, -360] {
            let x = point.lon + shift, y = point.lat
            if evenOdd(points, x, y) || onEdge(points, x, y) { return true }
        }
        return false
    }

    static func onEdge(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        let points = unwrapped(ring)
        return [0.0, 360, -360].contains { onEdge(points, point.lon + $0, point.lat) }
    }

    static func evenOdd(_ points: [(x: Double, y: Double)], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        var j = points.count - 1
        for i in points.indices {
            let (xi, yi) = points[i], (xj, yj) = points[j]
            if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }

    static func onEdge(_ points: [(x: Double, y: Double)], _ x: Double, _ y: Double) -> Bool {
        guard points.count >= 2 else { return false }
        for i in 1..<points.count where onEdge(points[i - 1], points[i], x, y) { return true }
        return false
    }

    /// Whether (x, y) lies on the edge from `a` to `b`: on its line (within 1e-9 of its length)
    /// and within its box (1e-12 of slack either way).
    @inline(__always)
    static func onEdge(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ x: Double, _ y: Double) -> Bool {
        let (x1, y1) = a, (x2, y2) = b
        let cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        let length = max(abs(x2 - x1), abs(y2 - y1))
        guard abs(cross) <= 1e-9 * max(1, length) else { return false }
        return x >= min(x1, x2) - 1e-12 && x <= max(x1, x2) + 1e-12 && y >= min(y1, y2) - 1e-12 && y <= max(y1, y2) + 1e-12
    }

    // MARK: Distance to an arc (on the unit sphere)

    struct Vector {
        var x: Double, y: Double, z: Double

        init(x: Double, y: Double, z: Double) {
            self.x = x
            self.y = y
            self.z = z
        }

        init(_ c: Coordinate) {
            let φ = c.lat * .pi / 180, λ = c.lon * .pi / 180
            self.init(x: cos(φ) * cos(λ), y: cos(φ) * sin(λ), z: sin(φ))
        }

        func dot(_ o: Vector) -> Double { x * o.x + y * o.y + z * o.z }
        func cross(_ o: Vector) -> Vector { Vector(x: y * o.z - z * o.y, y: z * o.x - x * o.z, z: x * o.y - y * o.x) }
        var length: Double { sqrt(dot(self)) }

        /// The straight-line distance to another unit vector (the chord of their angle).
        func chord(to o: Vector) -> Double {
            let dx = x - o.x, dy = y - o.y, dz = z - o.z
            return sqrt(dx * dx + dy * dy + dz * dz)
        }
    }

    /// The central angle between unit vectors (atan2 form, accurate at all sizes).
    static func angle(_ a: Vector, _ b: Vector) -> Double {
        atan2(a.cross(b).length, a.dot(b))
    }

    /// The central angle from `p` to the great-circle arc from `a` to `b` (the shorter one).
    static func angle(from p: Vector, toArc a: Vector, _ b: Vector) -> Double {
        let normal = a.cross(b)
        let length = normal.length
        let endpoints = min(angle(p, a), angle(p, b))
        guard length > 1e-15 else { return endpoints }
        let n = Vector(x: normal.x / length, y: normal.y / length, z: normal.z / length)
        // The foot of the perpendicular lies on the arc when it is on the inner side of both ends.
        let side = p.dot(n)
        let foot = Vector(x: p.x - side * n.x, y: p.y - side * n.y, z: p.z - side * n.z)
        if a.cross(foot).dot(normal) >= 0, foot.cross(b).dot(normal) >= 0, foot.length > 1e-15 {
            return min(endpoints, asin(min(1, abs(side))))
        }
        return endpoints
    }
}
