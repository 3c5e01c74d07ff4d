import Testing

@testable import DiligenceKit

/// A point area covers a place exactly when the great-circle distance is within its radius: the
/// latitude test that skips the trigonometry never changes the answer.
@Suite struct AreaCoverTests {
    @Test(arguments: [(-11.5, 40.2, 50.0), (12.6, -8.0, 1.0), (53.9, 27.56, 250.0), (89.9, 0.0, 30.0), (0.0, 179.9, 5.0)])
    func answersAsTheDistanceDoes(lat: Double, lon: Double, radius: Double) {
        let center = Coordinate(lat: lat, lon: lon)
        let area = Area(name: "A", region: nil, location: center, radiusKm: radius, locatedBy: nil)
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var disagreements = 0, inside = 0
        // Points within a few radii, and points due north and south at the radius itself.
        let degrees = radius / 111.0
        for _ in 0..<20_000 {
            let point = Coordinate(
                lat: max(-90, min(90, lat + (unit() - 0.5) * 6 * degrees)), lon: lon + (unit() - 0.5) * 6 * degrees)
            let expected = point.distanceKm(to: center) <= radius
            if expected { inside += 1 }
            if ConflictProximityRule.covers(area, point) != expected { disagreements += 1 }
        }
        for sign in [-1.0, 1.0] {
            let edge = lat + sign * radius / Coordinate.earthRadiusKm * 180 / .pi
            for nudge in [-1e-9, 0, 1e-9] where abs(edge + nudge) <= 90 {
                let point = Coordinate(lat: edge + nudge, lon: lon)
                if ConflictProximityRule.covers(area, point) != (point.distanceKm(to: center) <= radius) { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
        #expect(inside > 100)
    }
}
