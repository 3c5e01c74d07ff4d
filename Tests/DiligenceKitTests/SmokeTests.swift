import Testing

@testable import DiligenceKit

@Suite struct SeedDatabaseTests {
    @Test func seedsLoadWithEveryCountryOfTheArticles() {
        let database = TestData.workspace.database
        #expect(Set(database.factors.map(\.country.code)) == ["BY", "ML", "MZ"])
        #expect(database.factors.allSatisfy { !$0.references.isEmpty })
        #expect(database.entities.contains { $0.name.contains("Lukashenko") })
    }
}
