import Foundation
import Testing

@testable import DiligenceKit

/// The spatial index against brute force (poles and antimeridian included), polygons, and the
/// GeoJSON reader's located errors and limits.
@Suite struct GeographyTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(state: state) }
        mutating func next() -> Double { random.unit() }
        mutating func point(lat: ClosedRange<Double> = -90...90, lon: ClosedRange<Double> = -180...180) -> Coordinate {
            Coordinate(lat: lat.lowerBound + next() * (lat.upperBound - lat.lowerBound), lon: lon.lowerBound + next() * (lon.upperBound - lon.lowerBound))
        }
    }

    static func bruteForce(_ points: [Coordinate], _ center: Coordinate, _ km: Double) -> [Int] {
        points.indices.filter { points[$0].distanceKm(to: center) <= km }
    }

    @Test(arguments: [
        ("anywhere", -90.0...90.0, -180.0...180.0),
        ("antimeridian", -30.0...30.0, 175.0...180.0),
        ("antimeridian west", -30.0...30.0, -180.0 ... -175.0),
        ("north pole", 84.0...90.0, -180.0...180.0),
        ("south pole", -90.0 ... -84.0, -180.0...180.0),
        ("Cabo Delgado", -14.0 ... -10.0, 38.0...41.0),
    ])
    func theIndexFindsExactlyWhatBruteForceFinds(region: String, lat: ClosedRange<Double>, lon: ClosedRange<Double>) {
        var generator = Generator(state: UInt64(region.utf8.count) &* 7919)
        // Points in the region and on the other side of the antimeridian, queries in the region.
        var points = (0..<3000).map { _ in generator.point(lat: lat, lon: lon) }
        points += (0..<500).map { _ in generator.point(lat: lat, lon: -lon.upperBound ... -lon.lowerBound) }
        points += [Coordinate(lat: 90, lon: 0), Coordinate(lat: -90, lon: 45), Coordinate(lat: 0, lon: 180), Coordinate(lat: 0, lon: -180)]
        for cell in [0.25, 1.0, 5.0] {
            let index = SpatialIndex(points: points, cellDegrees: cell)
            #expect(index.count == points.count)
            for _ in 0..<60 {
                let center = generator.point(lat: lat, lon: lon)
                for km in [0.0, 10, 50, 300, 1500] {
                    #expect(index.indices(within: km, of: center) == Self.bruteForce(points, center, km), "\(region) cell \(cell) \(center) \(km) km")
                }
            }
        }
    }

    @Test func aPointAcrossTheAntimeridianIsFoundByDistanceNotByLongitude() {
        let index = SpatialIndex(points: [Coordinate(lat: -17.0, lon: 179.95), Coordinate(lat: -17.0, lon: 170)])
        // 0.1° of longitude at 17° S is about 10.6 km.
        #expect(index.indices(within: 12, of: Coordinate(lat: -17.0, lon: -179.95)) == [0])
        #expect(index.indices(within: 5, of: Coordinate(lat: -17.0, lon: -179.95)) == [])
    }

    @Test func aCapOverThePoleReachesEveryLongitude() {
        let index = SpatialIndex(points: [Coordinate(lat: 89.5, lon: 0), Coordinate(lat: 89.5, lon: 180), Coordinate(lat: 88, lon: 90)])
        // Both points at 89.5° are 55.6 km from the pole, 111 km from each other.
        #expect(index.indices(within: 120, of: Coordinate(lat: 89.5, lon: 0)) == [0, 1])
        #expect(index.count(within: 60, of: Coordinate(lat: 90, lon: 0)) == 2)
    }

    // MARK: Polygons

    static let square = AreaGeometry(polygons: [
        AreaGeometry.Polygon(rings: [
            [Coordinate(lat: 0, lon: 0), Coordinate(lat: 0, lon: 1), Coordinate(lat: 1, lon: 1), Coordinate(lat: 1, lon: 0), Coordinate(lat: 0, lon: 0)],
            [
                Coordinate(lat: 0.4, lon: 0.4), Coordinate(lat: 0.4, lon: 0.6), Coordinate(lat: 0.6, lon: 0.6), Coordinate(lat: 0.6, lon: 0.4),
                Coordinate(lat: 0.4, lon: 0.4),
            ],
        ])
    ])

    @Test(arguments: [
        (0.2, 0.2, true), (0.5, 0.5, false), (1.5, 0.5, false), (0.0, 0.5, true), (0.4, 0.5, true), (-0.1, 0.5, false),
    ])
    func pointInPolygonWithAHole(lat: Double, lon: Double, inside: Bool) {
        #expect(Self.square.contains(Coordinate(lat: lat, lon: lon)) == inside)
    }

    @Test func distanceToTheEdgeIsTheGreatCircleDistanceToTheNearestSide() {
        // One degree of latitude is 111.2 km on the mean sphere.
        let outside = Self.square.distanceToEdgeKm(from: Coordinate(lat: 2, lon: 0.5))
        #expect(abs(outside - 111.2) < 0.2)
        let corner = Self.square.distanceToEdgeKm(from: Coordinate(lat: -1, lon: -1))
        #expect(abs(corner - Coordinate(lat: -1, lon: -1).distanceKm(to: Coordinate(lat: 0, lon: 0))) < 0.01)
        #expect(Self.square.distanceKm(from: Coordinate(lat: 0.2, lon: 0.2)) == 0)
        // Inside the hole: the hole's edge is nearest (0.1° of latitude, 11 km).
        #expect(abs(Self.square.distanceToEdgeKm(from: Coordinate(lat: 0.5, lon: 0.5)) - 11.1) < 0.2)
    }

    @Test func aRingAcrossTheAntimeridianContainsPointsOnBothSides() throws {
        let json = #"{"type":"Polygon","coordinates":[[[179,-18],[-179,-18],[-179,-16],[179,-16],[179,-18]]]}"#
        let geometry = try GeoJSONReader.read(Array(json.utf8), file: "fiji.geojson")
        #expect(geometry.contains(Coordinate(lat: -17, lon: 179.5)))
        #expect(geometry.contains(Coordinate(lat: -17, lon: -179.5)))
        #expect(!geometry.contains(Coordinate(lat: -17, lon: 178)))
        #expect(geometry.distanceToEdgeKm(from: Coordinate(lat: -17, lon: 178.9)) < 11)
    }

    @Test func theCaboDelgadoOutlineHoldsMetugeAndNotMaputo() throws {
        let url = TestData.fixtures.appendingPathComponent("geo/cabo-delgado-outline.geojson")
        let geometry = try GeoJSONReader.read([UInt8](try Data(contentsOf: url)), file: url.path)
        #expect(geometry.vertexCount == 17)
        #expect(geometry.contains(Coordinate(lat: -12.96, lon: 40.38)))
        #expect(!geometry.contains(Coordinate(lat: -25.9653, lon: 32.5892)))
        // Montepuez lies inside, Nampula (-15.1165, 39.2666) about 130 km south of the outline.
        #expect(geometry.contains(Coordinate(lat: -13.1256, lon: 38.999)))
        let nampula = geometry.distanceToEdgeKm(from: Coordinate(lat: -15.1165, lon: 39.2666))
        #expect(nampula > 100 && nampula < 160)
    }

    // MARK: GeoJSON errors and limits

    @Test(arguments: [
        ("", "a.geojson:1:1: error: empty GeoJSON file"),
        ("{\"type\": \"Polygon\"", "a.geojson:1:19: error: unexpected end of file inside an object"),
        ("{\"type\":\"Point\",\"coordinates\":[1,2]}", "a.geojson:1:1: error: a Point encloses no area; an area needs a Polygon or MultiPolygon"),
        (
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}",
            "a.geojson:1:34: error: a ring must be closed: its last position must repeat its first"
        ),
        (
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}",
            "a.geojson:1:34: error: a ring needs at least 4 positions (a triangle and its first position repeated), found 3"
        ),
        (
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,95],[1,1],[0,0]]]}",
            "a.geojson:1:41: error: latitude 95.0 is outside -90 to 90 (positions are [longitude, latitude])"
        ),
        (
            "{\"type\":\"Polygon\",\n \"coordinates\":[[[0,0],[\"x\",1],[1,1],[0,0]]]}",
            "a.geojson:2:24: error: a position is [longitude, latitude] in numbers, found an array"
        ),
        ("{\"type\":\"Feature\",\"geometry\":null}", "a.geojson:1:30: error: a Feature without geometry (null) cannot be an area"),
        (
            "{\"type\":\"Circle\",\"coordinates\":[]}",
            "a.geojson:1:1: error: unknown geometry type `Circle`; expected Polygon, MultiPolygon, Feature or FeatureCollection"
        ),
        ("{\"type\":\"Polygon\",\"type\":\"Polygon\"}", "a.geojson:1:26: error: duplicate member `type`"),
        ("[1, 2] x", "a.geojson:1:8: error: unexpected text after the end of the JSON value"),
    ])
    func geoJSONErrorsAreLocated(text: String, message: String) {
        do {
            _ = try GeoJSONReader.read(Array(text.utf8), file: "a.geojson")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.diagnostics.first?.description == message)
        }
    }

    @Test func hostileGeoJSONIsBounded() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: InputError.self) { _ = try GeoJSONReader.read(Array(deep.utf8), file: "deep.geojson") }
        var limits = GeoJSONReader.Limits.standard
        limits.maxVertices = 10
        let ring = (0..<20).map { "[\($0 % 2),\($0)]" }.joined(separator: ",")
        let json = "{\"type\":\"Polygon\",\"coordinates\":[[\(ring)]]}"
        do {
            _ = try GeoJSONReader.read(Array(json.utf8), file: "big.geojson", limits: limits)
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("more than 10 positions") == true)
        }
        #expect(throws: InputError.self) { _ = try GeoJSONReader.read([0xFF, 0xFE, 0x7B, 0x00], file: "utf16.geojson") }
    }

    /// Coordinates, distances and scores: the same text as `String(format:)`, rounding included,
    /// on 200,000 values of every magnitude and on exact ties.
    @Test func fixedPointWritesWhatStringFormatWrites() {
        var generator = SystemRandomNumberGenerator()
        // Exact ties (1.03125 at four places, 0.375 at two, 2.5 at none) round half to even.
        var values: [Double] = [
            0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 9.95, 9.999_999, -12.345_65, 180, -90, 1e15, -1e-9,
            123_456.789_012_5, 1.031_25, -1.031_25, 0.375, 0.125, 2.5, 3.5, -0.000_04, -0.000_06, 0.999_95, 4.5e15, .infinity, -.nan,
        ]
        for exponent in 1...12 { values += [0.5, 1.5, 2.5, 0.75].map { $0 / pow(2, Double(exponent)) } }
        for _ in 0..<200_000 {
            let magnitude = Double.random(in: -6...6, using: &generator)
            values.append(Double.random(in: -1...1, using: &generator) * pow(10, magnitude))
        }
        for places in [0, 1, 2, 4, 6, 9] {
            let mismatches = values.filter { FixedPoint.text($0, places: places) != String(format: "%.\(places)f", $0) }
            #expect(mismatches.isEmpty, "places \(places): \(mismatches.prefix(5))")
        }
        #expect(FixedPoint.text(1e300, places: 2) == String(format: "%.2f", 1e300))
    }
}
