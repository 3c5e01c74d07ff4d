import Foundation

/// The projection of the report's maps: equirectangular, with longitudes scaled by the cosine of
/// the map centre's latitude, so that near the centre a kilometre is the same length east-west
/// and north-south and distance bands are drawn as circles. At the scale of a province (a few
/// hundred kilometres) the distortion is under 1%; it is not meant for a continent.
///
/// x = width / 2 + (lon − centre.lon) · cos(centre.lat) · pixelsPerDegree
/// y = height / 2 − (lat − centre.lat) · pixelsPerDegree
public struct MapProjection: Sendable, Equatable {
    public var centre: Coordinate
    /// Pixels per degree of latitude.
    public var pixelsPerDegree: Double
    public var width: Double
    public var height: Double

    /// Kilometres per degree of latitude on the sphere of mean radius 6,371 km (as `distanceKm`).
    public static let kmPerDegree = 6371.0 * Double.pi / 180

    public init(centre: Coordinate, pixelsPerDegree: Double, width: Double, height: Double) {
        self.centre = centre
        self.pixelsPerDegree = pixelsPerDegree
        self.width = width
        self.height = height
    }

    /// The projection that shows the box (south, west, north, east) whole in `width` pixels, at
    /// most `maxHeight` high (the height follows the box's shape, at least `minHeight`).
    public init(fitting box: (south: Double, west: Double, north: Double, east: Double), width: Double, minHeight: Double, maxHeight: Double) {
        let centre = Coordinate(lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2)
        let cosine = cos(centre.lat * Double.pi / 180)
        let spanX = max((box.east - box.west) * cosine, 0.01)
        let spanY = max(box.north - box.south, 0.01)
        var scale = width / spanX
        var height = spanY * scale
        if height > maxHeight {
            scale = maxHeight / spanY
            height = maxHeight
        }
        self.init(centre: centre, pixelsPerDegree: scale, width: width, height: max(height, minHeight))
    }

    public var pixelsPerKm: Double { pixelsPerDegree / Self.kmPerDegree }

    public func x(_ point: Coordinate) -> Double {
        width / 2 + (point.lon - centre.lon) * cos(centre.lat * Double.pi / 180) * pixelsPerDegree
    }

    public func y(_ point: Coordinate) -> Double {
        height / 2 - (point.lat - centre.lat) * pixelsPerDegree
    }

    /// The box the map shows (south, west, north, east).
    public var box: (south: Double, west: Double, north: Double, east: Double) {
        let halfLon = width / 2 / (cos(centre.lat * Double.pi / 180) * pixelsPerDegree)
        let halfLat = height / 2 / pixelsPerDegree
        return (centre.lat - halfLat, centre.lon - halfLon, centre.lat + halfLat, centre.lon + halfLon)
    }
}

/// Numbers in SVG: fixed decimals, no "-0".
enum SVGNumber {
    static func text(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let text = FixedPoint.text(value, places: places)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : text
    }
}
