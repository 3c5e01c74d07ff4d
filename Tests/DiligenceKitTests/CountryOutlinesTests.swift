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

    /// The one-pass reader gives the definition's points on pairs with empty parts (commas
    /// doubled, leading or trailing), three parts, signs, spaces doubled and numbers `Double`
    /// alone reads.
    @Test(arguments: [
        "1,,2 ,3,4 5,6, 7,8,9 ,, , 1e1,2 -0.25,+60", "  0,0  1.5,2.5 ", "x,y 1,2", "1,2,", ",,1,,2,,", "1,inf 1,2",
    ])
    func pairsAreReadAsTheDefinitionReadsThem(column: String) {
        #expect(CountryOutlines.points(Array(column.utf8)) == Self.reference(Substring(column)))
    }

    /// Lines are read on their bytes: comments give the attribution, a line without four
    /// tab-separated fields or with fewer than three points is skipped, the last line needs no
    /// line feed.
    @Test func linesAreReadOnTheirBytes() {
        let text =
            "# Natural Earth\n# second comment\n\nBY\tBY\tBelarus\n"
            + "BY\tBY\tBelarus\t1,2 3,4\nBY\tBY\tBelarus\t1,2 3,4 5,6\textra\nML\tSN\tSénégal\t1,2 3,4 5,6"
        let outlines = CountryOutlines(parsing: text)
        #expect(outlines.attribution == "Natural Earth")
        #expect(outlines.rings.map(\.name) == ["Sénégal"])
        #expect(outlines.rings.first?.region == "ML")
        #expect(outlines.rings.first?.country == "SN")
        #expect(outlines.rings.first.map { [$0.south, $0.west, $0.north, $0.east] } == [2, 1, 6, 5])
    }
}
