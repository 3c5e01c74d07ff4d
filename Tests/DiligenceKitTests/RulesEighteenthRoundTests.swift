import Foundation
import Testing

@testable import DiligenceKit

/// What the eighteenth round (`speed22`) does more cheaply must give what the general way gave:
/// the gazetteer's rows checked in one pass over their bytes, the outlines prepared per country
/// on first use, and a point placed against the outlines with a distance that stops at the
/// tolerance.
@Suite struct RulesEighteenthRoundTests {
    /// The rows of a file's bytes, as `Gazetteer.addRows` cuts them (comment lines included:
    /// both checks must reject them alike).
    static func rows(_ bytes: [UInt8]) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if end > start { rows.append(start..<end) }
            start = end + 1
        }
        return rows
    }

    /// Every row of the built-in gazetteer's files (the GeoNames rows, and the supplement's,
    /// which have another shape) gives the same country, or none, by the one pass as by the
    /// columns split into an array.
    @Test func rowCheckInOnePassIsTheColumnsCheck() throws {
        var compared = 0, accepted = 0
        for file in ["gazetteer/cities.tsv", "gazetteer/supplement.tsv"] {
            let (bytes, _) = try BuiltinResources.data(file)
            for row in Self.rows(bytes) {
                let fast = Gazetteer.checkedCountry(bytes, row.lowerBound, row.upperBound)
                #expect(fast == Gazetteer.checkedCountryByColumns(bytes, row.lowerBound, row.upperBound), "\(file) \(row)")
                compared += 1
                if fast != nil { accepted += 1 }
            }
        }
        #expect(compared > 3_000)
        #expect(accepted > 3_000)
    }

    /// Rows written to catch the one pass out: too few or too many columns, empty ones, numbers
    /// of shapes `DecimalText` leaves to `Double` (".5", "5.", "-", "1-2", "--1"), numbers too
    /// long or beyond the limits, codes of the wrong length or case, digits with other bytes.
    @Test func rowCheckOnWrittenRows() {
        let rows = [
            "1\tML\tBamako\t12.65\t-8.0\t1000\tBamako|Бамако",
            "1\tML\tBamako\t12.65\t-8.0\t1000\t",
            "1\tML\tBamako\t12.65\t-8.0\t1000",
            "1\tML\tBamako\t12.65\t-8.0\t1000\ta\tb",
            "1\tML\t\t12.65\t-8.0\t1000\ta",
            "\tML\tBamako\t12.65\t-8.0\t1000\ta",
            "1\tML\tBamako\t12.65\t-8.0\t\ta",
            "1\tMl\tBamako\t12.65\t-8.0\t1000\ta",
            "1\tMLI\tBamako\t12.65\t-8.0\t1000\ta",
            "1\tM\tBamako\t12.65\t-8.0\t1000\ta",
            "1\tML\tBamako\t.5\t-8.0\t1000\ta",
            "1\tML\tBamako\t5.\t-8.0\t1000\ta",
            "1\tML\tBamako\t-\t-8.0\t1000\ta",
            "1\tML\tBamako\t1-2\t-8.0\t1000\ta",
            "1\tML\tBamako\t--1\t-8.0\t1000\ta",
            "1\tML\tBamako\t-.5\t-8.0\t1000\ta",
            "1\tML\tBamako\t90\t180\t1000\ta",
            "1\tML\tBamako\t90.0000001\t180\t1000\ta",
            "1\tML\tBamako\t-90\t-180.00001\t1000\ta",
            "1\tML\tBamako\t12.345678901\t-8.0\t1000\ta",
            "1\tML\tBamako\t12.3456789012\t-8.0\t1000\ta",
            "1\tML\tBamako\t12.6\t-8.0\t1234567890123\ta",
            "123456789012\tML\tBamako\t12.6\t-8.0\t123456789012\ta",
            "1a\tML\tBamako\t12.6\t-8.0\t1\ta",
            "1\tML\tBamako\t12.6\t-8.0\t1 \ta",
            "1\tML\tBamako\t1e1\t-8.0\t1\ta",
            "1\tML\tBamako\t12..6\t-8.0\t1\ta",
            "1\t\tBamako\t12.6\t-8.0\t1\ta",
            "\t\t\t\t\t\t",
            "",
        ]
        for text in rows {
            let bytes = Array(text.utf8)
            #expect(
                Gazetteer.checkedCountry(bytes, 0, bytes.count) == Gazetteer.checkedCountryByColumns(bytes, 0, bytes.count),
                "\(text.debugDescription)")
        }
        let good = Array("1\tML\tBamako\t12.65\t-8.0\t1000\ta".utf8)
        #expect(Gazetteer.checkedCountry(good, 0, good.count) == "ML")
    }

    /// `CountryShapes.place` the general way: the raw rings' containment and their full
    /// distance (`CountryShapes.contains`/`distanceKm` over `[[Coordinate]]`), no stop at the
    /// tolerance, nothing prepared.
    static func generalPlace(_ shapes: CountryShapes, _ point: Coordinate, claimed: Country) -> CountryShapes.Placement? {
        let covering = shapes.regions.filter { $0.covers(point) && $0.rings[claimed.code] != nil }
        guard !covering.isEmpty else { return nil }
        if covering.contains(where: { CountryShapes.contains($0.rings[claimed.code] ?? [], point) }) { return .inside }
        let outsideKm = covering.map { CountryShapes.distanceKm(point, to: $0.rings[claimed.code] ?? []) }.min() ?? 0
        if outsideKm <= CountryShapes.toleranceKm { return .inside }
        for region in covering {
            for code in region.rings.keys.sorted() where code != claimed.code {
                if CountryShapes.contains(region.rings[code] ?? [], point) {
                    return .otherCountry(code: code, name: region.names[code] ?? code, outsideKm: outsideKm)
                }
            }
        }
        return .sea(outsideKm: outsideKm)
    }

    /// Every place of the built-in gazetteer in a country the outlines cover, claimed for its
    /// own country and (every seventh) for a neighbour it is not in, and points offshore and
    /// across borders: the same placement, to the last bit of the distance, as the general way.
    @Test func placementIsTheGeneralPlacement() throws {
        let gazetteer = try #require(Gazetteer.shared)
        let shapes = CountryShapes.builtIn
        let covered = Set(shapes.regions.flatMap { $0.rings.keys })
        var compared = 0, outside = 0
        func compare(_ point: Coordinate, _ claimed: Country) {
            let placed = shapes.place(point, claimed: claimed)
            #expect(placed == Self.generalPlace(shapes, point, claimed: claimed), "\(point) \(claimed.code)")
            compared += 1
            if let placed, placed != .inside { outside += 1 }
        }
        for code in gazetteer.countryCodes where covered.contains(code) {
            for (offset, place) in gazetteer.places(inCountry: code).enumerated() {
                compare(place.location, place.country)
                if offset % 7 == 0, let other = covered.sorted().first(where: { $0 != code }) {
                    compare(place.location, Country(code: other, name: other))
                }
                // Moved ten and thirty kilometres west: near the tolerance either side.
                if offset % 5 == 0 {
                    compare(Coordinate(lat: place.location.lat, lon: place.location.lon - 0.09), place.country)
                    compare(Coordinate(lat: place.location.lat, lon: place.location.lon - 0.27), place.country)
                }
            }
        }
        #expect(compared > 2_000)
        #expect(outside > 50)
    }

    /// The distance that stops at a limit: above the limit, the distance itself; at or below
    /// it, a number no greater than the limit and no less than the distance.
    @Test func distanceStoppingAtALimit() {
        var compared = 0, stopped = 0
        for region in CountryShapes.builtIn.regions {
            for code in region.rings.keys.sorted() {
                let prepared = region.prepared(code)
                for point in CountryShapesTests.grid(over: region, steps: 6) {
                    let full = CountryShapes.distanceKm(point, to: prepared)
                    for limit in [CountryShapes.toleranceKm, 100, 400] {
                        let measured = CountryShapes.distanceKm(point, to: prepared, stoppingAt: limit)
                        if full > limit {
                            #expect(measured == full, "\(code) \(point) \(limit)")
                        } else {
                            #expect(measured <= limit && measured >= full, "\(code) \(point) \(limit)")
                            stopped += 1
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1_000)
        #expect(stopped > 100)
    }

    /// Sites read from a file named by `DILIGENCE_PLACEMENT_SITES` (lines `lat lon country`, the
    /// country as a policy writes it: the sites of a portfolio), each placed both ways; without
    /// the file, sites written here (a town, a coast, the sea off it, a border).
    @Test func placementOfPortfolioSites() throws {
        let table = try #require(CountryTable.shared)
        var sites: [(Coordinate, String)] = [
            (Coordinate(lat: 53.9, lon: 27.5667), "BY"), (Coordinate(lat: -10.8, lon: 40.5), "MZ"),
            (Coordinate(lat: 12.65, lon: -8.0), "ML"), (Coordinate(lat: -11.1, lon: 40.9), "MZ"),
            (Coordinate(lat: -12.0, lon: 41.5), "MZ"), (Coordinate(lat: 14.5, lon: -12.2), "Mali"),
            (Coordinate(lat: 51.5, lon: 23.6), "Belarus"),
        ]
        if let path = ProcessInfo.processInfo.environment["DILIGENCE_PLACEMENT_SITES"] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 2)
                guard parts.count == 3, let lat = Double(parts[0]), let lon = Double(parts[1]) else { continue }
                sites.append((Coordinate(lat: lat, lon: lon), String(parts[2])))
            }
        }
        let shapes = CountryShapes.builtIn
        var placed = 0
        for (point, text) in sites {
            guard let claimed = table.resolve(text) else { continue }
            #expect(shapes.place(point, claimed: claimed) == Self.generalPlace(shapes, point, claimed: claimed), "\(point) \(text)")
            placed += 1
        }
        #expect(placed >= 7)
        print("placementOfPortfolioSites: \(placed) of \(sites.count) sites compared")
    }

    /// A name's words with its quotation marks and dashes written as spaces (then folded by the
    /// tables) are the words of the name folded as it is (by Foundation when it holds them):
    /// every place name of the gazetteer, quoted and dashed in the ways names are written, and
    /// names written to catch it out (marks next to accents and combining marks, letters
    /// beyond the tables, ordinal indicators).
    @Test func wordsWithQuotesAsSpacesAreTheFoldedWords() throws {
        let gazetteer = try #require(Gazetteer.shared)
        var names = [
            "УП «Уралпромтелеком»", "ЧУП «Северснаб»", "ОАО „Беларуськалий“", "O’Brien – Söhne GmbH", "«\u{301}Acme»",
            "Ёлка—Трейд", "‘Quoted’ ‚low‘", "Nº 1 «Ltd»", "ªAcme«º»", "Ŀlobregat «Ǆ»", "«»", "«", "–", "Straße «Ω» 5",
            "東京 «商事»", "Comércio «Pereira» Lda", "ﬁrm «ﬂow»", "Ｆｕｌｌ «ｗｉｄｔｈ»", "Й\u{306}ц", "д\u{483}ом",
            "Ѐ\u{301} Ґ", "ѝ ӂ Ԯ ԯ", "Ҋ\u{488}",
        ]
        for code in gazetteer.countryCodes {
            for place in gazetteer.places(inCountry: code).prefix(200) {
                let name = place.name
                names += [name, "«\(name)»", "УП «\(name)»", "\(name) – \(name)", "O’\(name)", "„\(name)“", "\(name)—«x»"]
            }
        }
        var quoted = 0
        for name in names {
            #expect(
                HumanRightsObligationsRule.words(name) == HumanRightsObligationsRule.wordsOfKey(TextFolding.key(name)),
                "\(name.debugDescription)")
            if HumanRightsObligationsRule.quotesAsSpaces(name) != name { quoted += 1 }
            let words = HumanRightsObligationsRule.words(name)
            #expect(HumanRightsObligationsRule.letterCount(words) == words.joined().count, "\(name.debugDescription)")
        }
        #expect(quoted > 1_000)
    }
}
