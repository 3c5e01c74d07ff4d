import Foundation
import Testing

@testable import DiligenceKit

/// Every fact in seeds/ carries a source; quotes from the MS Risk Blog articles are verbatim.
@Suite struct SeedProvenanceTests {
    static let article = TestData.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_3c4f3d760049849b.txt")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SeedProvenanceTests.article.path), "needs ../shared/seeds beside the checkout"))
    func everyArticleQuoteIsVerbatim() throws {
        let text = try String(contentsOf: Self.article, encoding: .utf8)
        let database = TestData.workspace.database
        let references = database.factors.flatMap(\.references) + database.entities.flatMap(\.references)
        let quoted = references.filter { $0.source == "MS Risk Blog" }
        #expect(quoted.count >= 30)
        for reference in quoted {
            let quote = try #require(reference.quote, "an MS Risk Blog reference without a quote: \(reference.title ?? "")")
            #expect(text.contains(quote), "not in the article: \(quote)")
        }
    }

    @Test func everyFactorHasADatedSourceAndEveryPlaceItsGazetteer() {
        for factor in TestData.workspace.database.factors {
            #expect(!factor.references.isEmpty, "\(factor.id) has no reference")
            #expect(factor.references.allSatisfy { $0.date != nil }, "\(factor.id) has an undated reference")
            for area in factor.areas { #expect(area.locatedBy != nil, "\(factor.id) area \(area.name) has no coordinate source") }
            for event in factor.events where event.location != nil {
                #expect(event.locatedBy != nil, "\(factor.id) event \(event.what) has no coordinate source")
            }
        }
    }

    /// Public gazetteer coordinates (GeoNames ids in seeds/README.md): the seeds must put the
    /// places where they are, whatever the article says (Afungi is north of Mocímboa da Praia).
    @Test(arguments: [
        ("Mocímboa da Praia", -11.35172, 40.35158),
        ("Quissanga", -12.43, 40.48),
        ("Bamako", 12.65, -8.0),
        ("Minsk", 53.9, 27.5667),
    ])
    func namedPlacesAreWhereTheGazetteerPutsThem(name: String, lat: Double, lon: Double) throws {
        let places = TestData.workspace.database.factors.flatMap { factor in
            factor.areas.compactMap { area in area.location.map { (area.name, $0) } }
                + factor.events.compactMap { event in event.location.map { (event.place ?? "", $0) } }
        }
        let matches = places.filter { $0.0.hasPrefix(name) }
        #expect(!matches.isEmpty, "\(name) is not in the seeds")
        for (_, point) in matches {
            #expect(point.distanceKm(to: Coordinate(lat: lat, lon: lon)) < 15, "\(name) is misplaced: \(point)")
        }
    }

    @Test func afungiTargetLiesNorthOfMocimboa() throws {
        let factor = try #require(TestData.workspace.database.factor(id: "DRF-2020-MZ-0001"))
        let afungi = try #require(factor.targets.first { $0.name.contains("Afungi") }?.location)
        #expect(afungi.lat > -11.35172)
    }
}
