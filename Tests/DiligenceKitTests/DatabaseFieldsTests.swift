import Foundation
import Testing

@testable import DiligenceKit

/// Every declared field of a factor's `affects` and of its events reaches the model: a field
/// added to `DatabaseSchema` and not to the loader's tables fails here, not silently.
@Suite struct DatabaseFieldsTests {
    static let factorFile = """
        id: DRF-TEST-0001
        kind: internet-shutdown
        title: Test factor with every affects and event field
        country: BY
        in_force: { from: 2020-08-09 }
        reviewed: 2020-09-08
        severity: high
        affects:
          dependencies: [slack]
          goods: [vehicles]
          directions: [export]
          payments: [hawala]
          roles: [government]
          sectors: [telecommunications]
        events:
          - id: BLR-1
            date: 2020-08-09
            until: 2020-08-12
            what: Nationwide mobile internet shutdown
            place: Minsk
            lat: 53.9
            lon: 27.5667
            located_by: GeoNames
            fatalities: 0
            type: full-network
            sub_type: mobile
            actors: [Government of Belarus]
            geo_precision: 1
            region: Minsk City
            scope: national
            dependencies: [slack]
            source: Access Now
            notes: Test notes.
            quotes: [1]
        references:
          - source: MS Risk Blog
            quote: "A test quote."
        """

    static func factor() throws -> RiskFactor {
        let database = try GeoImporterTests.database(adding: [("factors/test-every-field.yaml", factorFile)])
        return try #require(database.factors.first { $0.id == "DRF-TEST-0001" })
    }

    @Test func everyAffectsFieldIsDeclaredAndRead() throws {
        #expect(RiskDatabaseLoader.affectsFields.map(\.key) == DatabaseSchema.affects.fields.map(\.name))
        let affects = try Self.factor().affects
        #expect(affects.dependencies == ["slack"])
        #expect(affects.goods == ["vehicles"])
        #expect(affects.directions == ["export"])
        #expect(affects.payments == ["hawala"])
        #expect(affects.roles == ["government"])
        #expect(affects.sectors == ["telecommunications"])
    }

    @Test func everyEventFieldIsRead() throws {
        let event = try #require(try Self.factor().events.first)
        #expect(event.id == "BLR-1")
        #expect(event.date.description == "2020-08-09")
        #expect(event.until?.description == "2020-08-12")
        #expect(event.what == "Nationwide mobile internet shutdown")
        #expect(event.place == "Minsk")
        #expect(event.location == Coordinate(lat: 53.9, lon: 27.5667))
        #expect(event.locatedBy == "GeoNames")
        #expect(event.fatalities == 0)
        #expect(event.type == "full-network")
        #expect(event.subType == "mobile")
        #expect(event.actors == ["Government of Belarus"])
        #expect(event.geoPrecision == 1)
        #expect(event.region == "Minsk City")
        #expect(event.scope == "national")
        #expect(event.dependencies == ["slack"])
        #expect(event.source == "Access Now")
        #expect(event.notes == "Test notes.")
        #expect(event.quotes == [1])
        // Each event field is one of these, so none is declared and left unread.
        let read: Set<String> = [
            "date", "until", "what", "place", "lat", "lon", "located_by", "fatalities", "actors", "geo_precision", "dependencies", "quotes",
        ]
        #expect(Set(DatabaseSchema.event.fields.map(\.name)) == read.union(RiskDatabaseLoader.eventTexts.map(\.key)))
    }

    /// An event's `quotes` entry past the factor's references is an error at that number,
    /// saying how many there are; the database is refused, not shown with a missing quote.
    @Test func anEventQuoteBeyondTheReferencesIsALocatedError() throws {
        let file = Self.factorFile.replacingOccurrences(of: "    quotes: [1]", with: "    quotes: [1, 3]")
        do {
            _ = try GeoImporterTests.database(adding: [("factors/test-every-field.yaml", file)])
            Issue.record("a database with an event quoting reference 3 of 1 was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(
                messages.contains {
                    $0.hasSuffix("test-every-field.yaml:34:17: error: the event's quote 3 names no reference: the factor has 1 (number it 1)")
                }, "\(messages)")
        }
    }
}
