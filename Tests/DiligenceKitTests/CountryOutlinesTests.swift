import Testing

@testable import DiligenceKit

/// The outlines file's rings read from its bytes: the points `Double` reads from each pair.
@Suite struct CountryOutlinesTests {
    /// The points of a column as the definition reads them: split on spaces, then commas, each
    /// number by `Double`.
    static func reference(_ column: Substring) -> [Coordinate] {
        column.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
            return Coordinate(lat: lat, lon: lon)
        }
    }

    @Test func everyBuiltInRingHasThePointsDoubleReads() throws {
        let (bytes, _) = try BuiltinResources.data("outlines/countries.tsv")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let outlines = CountryOutlines.builtIn
        #expect(outlines.rings.count == lines.count)
        for (ring, line) in zip(outlines.rings, lines) {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(ring.country == String(columns[1]))
            #expect(ring.points == Self.reference(columns[3]), "\(ring.region) \(ring.country)")
        }
        #expect(outlines.attribution?.hasPrefix("Natural Earth") == true)
    }

    @Test func pairsThatAreNotTwoNumbersAreSkipped() {
        let text = "# source\nBY\tBY\tBelarus\t1,2  3.5,-4 x,5 6,7,8 1e1,2 ,9, -0.25,+60 0,0\n"
        let outlines = CountryOutlines(parsing: text)
        #expect(outlines.rings.count == 1)
        let expected = [
            Coordinate(lat: 2, lon: 1), Coordinate(lat: -4, lon: 3.5), Coordinate(lat: 2, lon: 10), Coordinate(lat: 60, lon: -0.25),
            Coordinate(lat: 0, lon: 0),
        ]
        #expect(outlines.rings.first?.points == expected)
        #expect(Self.reference("1,2  3.5,-4 x,5 6,7,8 1e1,2 ,9, -0.25,+60 0,0") == expected)
    }
}
