import Foundation

/// A WGS 84 point in decimal degrees.
public struct Coordinate: Sendable, Hashable, Codable, CustomStringConvertible {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKm = 6371.0088

    /// Great-circle distance in kilometres (haversine).
    public func distanceKm(to other: Coordinate) -> Double {
        let φ1 = lat * .pi / 180, φ2 = other.lat * .pi / 180
        let Δφ = (other.lat - lat) * .pi / 180
        let Δλ = (other.lon - lon) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * Coordinate.earthRadiusKm * asin(min(1, sqrt(a)))
    }

    /// "-10.7900, 40.5100"
    public var description: String {
        FixedPoint.text(lat, places: 4) + ", " + FixedPoint.text(lon, places: 4)
    }
}
