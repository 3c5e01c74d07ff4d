import Foundation
import Testing

@testable import DiligenceKit

/// Points placed against the shipped Natural Earth outlines, with real coordinates.
@Suite struct CountryShapesTests {
    enum Expected: Equatable {
        case inside, sea, other(String), notCovered
    }

    @Test(arguments: [
        // Port of Maputo, on the estuary shore: on land within the tolerance.
        ("MZ", -25.9692, 32.5732, Expected.inside),
        ("MZ", -10.79, 40.51, .inside),  // Afungi, on the coast
        ("ML", 12.6392, -8.0029, .inside),  // Bamako
        ("BY", 53.9, 27.5667, .inside),  // Minsk
        ("MZ", -26.0, 33.30, .sea),  // 32 km east of Inhaca island, in the Indian Ocean
        ("ML", 12.5556, -12.1747, .other("SN")),  // Kédougou, Senegal
        ("BY", 54.6872, 25.2797, .other("LT")),  // Vilnius
        ("NO", 60.393, 5.3242, .notCovered),  // Bergen: no outline of Norway in the file
    ])
    func placesRealPoints(country: String, lat: Double, lon: Double, expected: Expected) throws {
        let claimed = try #require(CountryTable.shared?.country(code: country))
        let placed = CountryShapes.builtIn.place(Coordinate(lat: lat, lon: lon), claimed: claimed)
        switch placed {
        case .inside: #expect(expected == .inside)
        case .sea(let km):
            #expect(expected == .sea)
            #expect(km > CountryShapes.toleranceKm)
        case .otherCountry(let code, _, let km):
            #expect(expected == .other(code))
            #expect(km > CountryShapes.toleranceKm)
        case nil: #expect(expected == .notCovered)
        }
    }

    /// Points moved out to sea from the Maputo shore: within the tolerance still inside, beyond it at sea.
    @Test func theToleranceIsFifteenKilometresFromTheOutline() throws {
        let mozambique = try #require(CountryTable.shared?.country(code: "MZ"))
        // East of Xai-Xai's beach (-25.05, 33.65), straight out into the Indian Ocean.
        let shore = CountryShapes.builtIn
        var lastInside = 0.0
        var firstOutside = 0.0
        for step in 1...60 {
            let lon = 33.65 + Double(step) * 0.01
            let point = Coordinate(lat: -25.20, lon: lon)
            if shore.place(point, claimed: mozambique) == .inside { lastInside = lon } else if firstOutside == 0 { firstOutside = lon }
        }
        #expect(firstOutside > lastInside)
        // The first point judged at sea is just beyond 15 km of the outline (steps of about 1 km).
        let rings = CountryShapes.builtIn.regions.compactMap { $0.rings["MZ"] }.flatMap { $0 }
        let beyond = CountryShapes.distanceKm(Coordinate(lat: -25.20, lon: firstOutside), to: rings)
        #expect(beyond > CountryShapes.toleranceKm && beyond < CountryShapes.toleranceKm + 1.5, "\(beyond)")
    }

    /// The points of a `steps` by `steps` grid over a region's box, edges included, row by row.
    static func grid(over region: CountryShapes.Region, steps: Int) -> [Coordinate] {
        (0...steps).flatMap { i in
            (0...steps).map { j in
                Coordinate(
                    lat: region.south + (region.north - region.south) * Double(i) / Double(steps),
                    lon: region.west + (region.east - region.west) * Double(j) / Double(steps))
            }
        }
    }

    /// The prepared rings (`PreparedRing`: boxes, unwrapped longitudes and vectors made once,
    /// arcs skipped by a chord bound) give the same containment and the same distance, to the
    /// last bit, as the rings measured from scratch, on a grid over every region, at sea and
    /// inland, near edges and far from them.
    @Test func preparedRingsGiveTheSameAnswers() {
        var compared = 0
        for region in CountryShapes.builtIn.regions {
            for (code, rings) in region.rings {
                let prepared = region.prepared(code)
                #expect(prepared.count == rings.count)
                for point in Self.grid(over: region, steps: 5) {
                    #expect(CountryShapes.contains(prepared, point) == CountryShapes.contains(rings, point), "\(code) \(point)")
                    #expect(CountryShapes.distanceKm(point, to: prepared) == CountryShapes.distanceKm(point, to: rings), "\(code) \(point)")
                    compared += 1
                }
                // Each ring's own vertices: on the edge, distance zero.
                for ring in rings.prefix(3) {
                    for vertex in ring.prefix(5) {
                        #expect(CountryShapes.contains(prepared, vertex) == CountryShapes.contains(rings, vertex))
                        #expect(CountryShapes.distanceKm(vertex, to: prepared) == CountryShapes.distanceKm(vertex, to: rings))
                    }
                }
            }
        }
        #expect(compared > 500)
    }

    /// The even-odd count over a ring's latitude band gives the count over every edge: at the
    /// latitudes of the ring's own vertices (band edges and horizontal edges meet there),
    /// between them, and just outside the ring's latitudes.
    @Test func bandedEvenOddCountsLikeEveryEdge() {
        var compared = 0, inside = 0
        for region in CountryShapes.builtIn.regions {
            for rings in region.rings.keys.map(region.prepared) {
                for ring in rings {
                    let points = ring.unwrapped
                    for k in stride(from: 0, to: points.count, by: 7) {
                        let (x, y) = points[k]
                        let next = points[(k + 1) % points.count]
                        for (px, py) in [
                            (x, y), (x + 0.01, y), (x - 0.01, y), ((x + next.x) / 2, (y + next.y) / 2),
                            ((ring.minX + ring.maxX) / 2, y), (x, ring.minY - 1e-7), (x, ring.maxY + 1e-7),
                        ] {
                            let banded = ring.evenOdd(px, py)
                            #expect(banded == AreaGeometry.evenOdd(points, px, py), "\(px) \(py)")
                            compared += 1
                            if banded { inside += 1 }
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
        #expect(inside > 100)
    }
}
