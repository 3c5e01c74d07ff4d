import Testing

@testable import DiligenceKit

/// The run's table of factors in force answers as the database does, for every country and
/// kind pair, including codes the table cannot place (three letters; one code, two names).
@Suite struct FactorsInForceTests {
    static func factor(_ id: String, _ kind: FactorKind, _ country: Country, from: String, until: String? = nil) -> RiskFactor {
        RiskFactor(
            id: id, kind: kind, title: "t", summary: nil, country: country,
            inForceFrom: Day(iso: from)!, inForceUntil: until.flatMap { Day(iso: $0) }, published: nil, modified: nil,
            reviewed: Day(iso: "2020-09-01")!, severity: .high, affects: Affects(), exemptGoods: [], areas: [],
            targets: [], events: [], references: [], recommendations: [], notes: nil, file: "f.yaml", mark: .start)
    }

    @Test(arguments: ["2020-06-30", "2020-09-30", "2021-03-01"])
    func answersAsTheDatabaseDoes(day: String) throws {
        let asOf = try #require(Day(iso: day))
        let seeds = TestData.workspace.database
        let custom = Country(code: "XKX", name: "Custom territory")
        let zz = Country(code: "ZZ", name: "One name"), zzOther = Country(code: "ZZ", name: "Another name")
        let extra = [
            Self.factor("X-1", .sanction, custom, from: "2020-01-01"),
            Self.factor("X-2", .armedConflict, zz, from: "2020-01-01", until: "2020-12-31"),
            Self.factor("X-3", .travelBan, zzOther, from: "2020-08-01"),
            Self.factor("X-4", .humanRights, zz, from: "2020-08-01"),
        ]
        let database = RiskDatabase(
            path: "db", metadata: seeds.metadata, factors: seeds.factors + extra, entities: [], digest: "", files: [])
        let table = FactorsInForce(database: database, asOf: asOf)
        let nowhere = Country(code: "IS", name: "Iceland")
        let countries = Array(Set(database.factors.map(\.country))) + [nowhere]
        var compared = 0
        for country in countries {
            for kind in FactorKind.allCases {
                for other in [nil] + FactorKind.allCases {
                    let expected = database.factors(in: country, asOf: asOf) { $0 == kind || $0 == other }
                    #expect(table.factors(kind, other, in: country).map(\.id) == expected.map(\.id), "\(country) \(kind) \(String(describing: other))")
                    compared += expected.count
                }
            }
        }
        #expect(compared > 0)
        #expect(table.factors(.sanction, nil, in: custom).map(\.id) == ["X-1"])
        #expect(table.factors(.armedConflict, nil, in: zz).map(\.id) == (day == "2021-03-01" ? [] : ["X-2"]))
        #expect(table.factors(.travelBan, nil, in: zz).isEmpty)
        #expect(table.factors(.travelBan, nil, in: zzOther).map(\.id) == (day == "2020-06-30" ? [] : ["X-3"]))
    }

    /// The positions of each kind's factors in force, any country, are those a filter of the
    /// database's factors gives (conflict proximity reads them).
    @Test(arguments: ["2020-06-30", "2020-09-30", "2021-03-01"])
    func positionsOfAKindAreTheFiltersPositions(day: String) throws {
        let asOf = try #require(Day(iso: day))
        let seeds = TestData.workspace.database
        let extra = [
            Self.factor("X-2", .armedConflict, Country(code: "ZZ", name: "One name"), from: "2020-01-01", until: "2020-12-31"),
            Self.factor("X-5", .armedConflict, Country(code: "XKX", name: "Custom territory"), from: "2020-08-01"),
        ]
        let database = RiskDatabase(
            path: "db", metadata: seeds.metadata, factors: seeds.factors + extra, entities: [], digest: "", files: [])
        let table = FactorsInForce(database: database, asOf: asOf)
        for kind in FactorKind.allCases {
            let expected = database.factors.indices.filter { database.factors[$0].kind == kind && database.factors[$0].isInForce(on: asOf) }
            #expect(table.positions(of: kind) == expected, "\(kind)")
        }
        let conflicts = table.positions(of: .armedConflict).map { database.factors[$0].id }
        #expect(conflicts.contains("X-2") == (day != "2021-03-01"))
        #expect(conflicts.contains("X-5") == (day != "2020-06-30"))
        #expect(conflicts.count >= 2)
    }
}
