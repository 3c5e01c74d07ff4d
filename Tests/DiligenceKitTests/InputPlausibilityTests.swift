import Foundation
import Testing

@testable import DiligenceKit

/// The thresholds of input-plausibility, each just below and just above.
@Suite struct InputPlausibilityTests {
    typealias Rule = InputPlausibilityRule

    /// A point `km` north of `origin` (on a meridian, 1° of latitude is R·π/180 km).
    static func north(of origin: Coordinate, km: Double) -> Coordinate {
        Coordinate(lat: origin.lat + km / (Coordinate.earthRadiusKm * .pi / 180), lon: origin.lon)
    }

    static let town = Rule.CityCandidate(name: "Town", location: Coordinate(lat: 14.0, lon: -4.0), source: "test", population: 20_000)
    static let metropolis = Rule.CityCandidate(
        name: "Metropolis", location: Coordinate(lat: 14.0, lon: -4.0), source: "test",
        population: 1_000_000)

    @Test func fiftyKilometresFromATownSeventyFiveFromACityOfAMillion() throws {
        #expect(Rule.judge(Self.north(of: Self.town.location, km: 49.5), cities: [Self.town], extent: nil) == nil)
        let far = try #require(Rule.judge(Self.north(of: Self.town.location, km: 50.5), cities: [Self.town], extent: nil))
        guard case .farFromCity(let city, let distance) = far else { Issue.record("\(far)"); return }
        #expect(city == Self.town)
        #expect(abs(distance - 50.5) < 0.01)
        #expect(Rule.judge(Self.north(of: Self.metropolis.location, km: 74.5), cities: [Self.metropolis], extent: nil) == nil)
        #expect(Rule.judge(Self.north(of: Self.metropolis.location, km: 75.5), cities: [Self.metropolis], extent: nil) != nil)
        #expect(RuleSettings.defaults.largeCityPopulation == 1_000_000)
        let justBelow = Rule.CityCandidate(name: "Big", location: Self.town.location, source: "test", population: 999_999)
        #expect(Rule.judge(Self.north(of: justBelow.location, km: 60), cities: [justBelow], extent: nil) != nil)
    }

    @Test func theNearestHomonymCounts() {
        let other = Rule.CityCandidate(name: "Town", location: Coordinate(lat: 10.0, lon: -4.0), source: "test", population: 90_000)
        let site = Self.north(of: Self.town.location, km: 10)
        #expect(Rule.judge(site, cities: [other, Self.town], extent: nil) == nil)
        #expect(Rule.judge(site, cities: [other], extent: nil) != nil)
    }

    @Test func everyHomonymInTheGazetteerIsACandidate() throws {
        let gazetteer = try #require(Gazetteer.shared)
        let belarus = Country(code: "BY", name: "Belarus")
        let resolver = DestinationResolver(database: TestData.workspace.database)
        let candidates = Rule.cityCandidates("Svislach", in: belarus, resolver, gazetteer)
        #expect(candidates.count == 2)
        // Travel resolves the more populous; a site at the other is 260 km from it, and fine.
        #expect(resolver.resolve("Svislach", in: belarus)?.location == candidates.first?.location)
        let smaller = Coordinate(lat: 53.6404, lon: 27.9199)
        #expect(try #require(candidates.first).location.distanceKm(to: smaller) > 250)
        #expect(Rule.judge(smaller, cities: candidates, extent: nil) == nil)
        #expect(Rule.judge(smaller, cities: [try #require(candidates.first)], extent: nil) != nil)
    }

    @Test func anUnknownCityIsNotJudgedByDistance() {
        #expect(Rule.judge(Coordinate(lat: 14.0, lon: -4.0), cities: [], extent: nil) == nil)
    }

    static let box = CountryExtent(
        country: Country(code: "ML", name: "Mali"),
        points: (0..<10).map { Coordinate(lat: 10.0 + Double($0), lon: -10.0 + Double($0)) })

    @Test func oneHundredKilometresOutsideTheBoxOfTheCountrysPlaces() throws {
        let box = try #require(Self.box)
        #expect(box.distanceOutsideKm(Coordinate(lat: 15, lon: -5)) == 0)
        let edge = Coordinate(lat: 19.0, lon: -3.0)
        #expect(Rule.judge(Self.north(of: edge, km: 99.5), cities: [], extent: box) == nil)
        let outside = try #require(Rule.judge(Self.north(of: edge, km: 100.5), cities: [], extent: box))
        guard case .outsideCountry(let km, nil, nil) = outside else { Issue.record("\(outside)"); return }
        #expect(abs(km - 100.5) < 0.01)
    }

    @Test func aCountryWithFewerThanTenPlacesHasNoExtent() {
        let nine = (0..<9).map { Coordinate(lat: Double($0), lon: Double($0)) }
        #expect(CountryExtent(country: Country(code: "SZ", name: "Eswatini"), points: nine) == nil)
        #expect(CountryExtent(country: Country(code: "SZ", name: "Eswatini"), points: nine + [Coordinate(lat: 9, lon: 9)]) != nil)
    }

    @Test func aBoxAcrossTheAntimeridianBoundsLatitudeOnly() throws {
        var points: [Coordinate] = []
        for index in 0..<10 {
            let step = Double(index)
            let lon: Double = index < 5 ? 30 + step : -175 + step
            points.append(Coordinate(lat: 50 + step, lon: lon))
        }
        let box = try #require(CountryExtent(country: Country(code: "RU", name: "Russia"), points: points))
        #expect(box.spansAntimeridian)
        #expect(box.distanceOutsideKm(Coordinate(lat: 55, lon: 100)) == 0)
        #expect(box.distanceOutsideKm(Coordinate(lat: 40, lon: 100)) > 1000)
    }

    @Test func swappedAndWrongSignsAreNamedWhenTheCorrectionFits() throws {
        let minsk = Rule.CityCandidate(name: "Minsk", location: Coordinate(lat: 53.9, lon: 27.5667), source: "test", population: 2_000_000)
        let swapped = try #require(Rule.judge(Coordinate(lat: 27.5667, lon: 53.9), cities: [minsk], extent: nil))
        #expect(swapped == .corrected(.swapped, minsk.location, city: minsk, distanceKm: 0))
        let bamako = Rule.CityCandidate(name: "Bamako", location: Coordinate(lat: 12.6, lon: -7.98), source: "test", population: 1_000_000)
        #expect(
            Rule.judge(Coordinate(lat: -12.6, lon: -7.98), cities: [bamako], extent: nil)
                == .corrected(.latitudeSign, bamako.location, city: bamako, distanceKm: 0))
        #expect(
            Rule.judge(Coordinate(lat: 12.6, lon: 7.98), cities: [bamako], extent: nil)
                == .corrected(.longitudeSign, bamako.location, city: bamako, distanceKm: 0))
        // Far from the city, but no correction lands near it: far, not swapped.
        let far = try #require(Rule.judge(Coordinate(lat: 40, lon: 60), cities: [minsk], extent: nil))
        guard case .farFromCity = far else { Issue.record("\(far)"); return }
        // Without a city, swapped must land inside the box itself.
        let box = try #require(Self.box)
        #expect(
            Rule.judge(Coordinate(lat: -5, lon: 15), cities: [], extent: box)
                == .corrected(.swapped, Coordinate(lat: 15, lon: -5), city: nil, distanceKm: nil))
        // A longitude beyond ±90 cannot be a latitude.
        #expect(Rule.Correction.swapped.apply(to: Coordinate(lat: 10, lon: 120)) == nil)
    }

    @Test func zeroZeroIsAlwaysReported() {
        #expect(Rule.judge(Coordinate(lat: 0, lon: 0), cities: [], extent: nil) == .nullIsland)
    }

    @Test func zeroZeroIsReportedInACountryTheGazetteerDoesNotCover() throws {
        let yaml = """
            version: 1
            company: Example Aquaculture
            sites:
              - id: bergen-office
                kind: office
                country: NO
                city: Bergen
                location: { lat: 0, lon: 0 }
            """
        let findings = try TestData.findings("input-plausibility", yaml)
        #expect(findings.map(\.severity) == [.low])
        #expect(findings.first?.line == 4)
        #expect(findings.first?.message.contains("at 0, 0") == true)
        // Elsewhere in Norway nothing is judged: the gazetteer has no Norwegian places.
        #expect(try TestData.findings("input-plausibility", yaml.replacingOccurrences(of: "lat: 0, lon: 0", with: "lat: 10, lon: 10")).isEmpty)
    }

    @Test func reviewedAfterTheAsOfDateIsAnInfoNoteAtItsLine() throws {
        let yaml = """
            version: 1
            company: Example
            reviewed: 2020-10-01
            counterparties:
              - id: agent
                name: Example Agent
                country: SN
            """
        let later = try TestData.findings("input-plausibility", yaml)
        #expect(later.map(\.severity) == [.info])
        #expect(later.first?.line == 3)
        #expect(try TestData.findings("input-plausibility", yaml, asOf: Day(iso: "2020-10-01")!).isEmpty)
    }

    @Test func theBuiltInGazetteerGivesTheCoveredCountriesAnExtent() throws {
        let gazetteer = try #require(Gazetteer.shared)
        for code in ["ML", "MZ", "BY"] {
            let country = try #require(CountryTable.shared?.country(code: code))
            let extent = try #require(CountryExtents.shared.extent(of: country, in: gazetteer))
            #expect(extent.placeCount == gazetteer.places(inCountry: code).count)
            for place in gazetteer.places(inCountry: code) { #expect(extent.distanceOutsideKm(place.location) == 0) }
        }
        #expect(CountryExtents.shared.extent(of: try #require(CountryTable.shared?.country(code: "NO")), in: gazetteer) == nil)
    }
}
