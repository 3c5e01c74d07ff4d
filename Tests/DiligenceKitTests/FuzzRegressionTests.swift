import Foundation
import Testing

@testable import DiligenceKit

/// Inputs the fuzzers (scripts/fuzz.sh) found, kept as regression tests. The importer harnesses
/// check a round trip: whatever an importer accepts, the file it writes must load into a
/// database. These three exports were accepted, and their output did not load.
@Suite struct FuzzRegressionTests {
    static let folder = TestData.root.appendingPathComponent("Tests/DiligenceKitTests/Fixtures/fuzz")
    static let countries = TestData.workspace.countries

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The written file, loaded beside the seeds' database.yaml.
    static func load(_ relative: String, _ text: String) throws(InputError) -> RiskDatabase {
        let metadata = (try? [UInt8](Data(contentsOf: TestData.root.appendingPathComponent("seeds/database.yaml")))) ?? []
        return try RiskDatabaseLoader(countries: countries, vocabularies: TestData.workspace.vocabularies)
            .load(files: [("database.yaml", "db/database.yaml", metadata), (relative, "db/" + relative, Array(text.utf8))], path: "db")
    }

    /// An event id ending in `:` (`MOZ900:`, a valid identifier) was written unquoted, which
    /// YAML reads as a mapping: now every id is written quoted.
    @Test func anACLEDEventIdEndingInAColonRoundTrips() throws {
        let imported = try ACLEDImporter(countries: Self.countries, actors: try ActorAliases.builtin(), snapshotDate: Day(iso: "2020-09-30"))
            .importFile(bytes: try Self.bytes("acled-unquoted-event-id.csv"), file: "acled.csv")
        let ids = imported.factors.flatMap(\.events).compactMap(\.id)
        #expect(ids.contains { $0.hasSuffix(":") })
        let database = try Self.load("factors/imported.yaml", FactorWriter.yaml(imported))
        #expect(Set(database.factors.flatMap(\.events).compactMap(\.id)) == Set(ids))
    }

    @Test func aSTOPIdEndingInAColonRoundTrips() throws {
        let imported = try STOPImporter(countries: Self.countries, vocabularies: TestData.workspace.vocabularies, snapshotDate: Day(iso: "2020-09-30"))
            .importFile(bytes: try Self.bytes("stop-unquoted-event-id.csv"), file: "stop.csv")
        let ids = imported.factors.flatMap(\.events).compactMap(\.id)
        #expect(ids.contains { $0.hasSuffix(":") })
        let database = try Self.load("factors/imported.yaml", FactorWriter.yaml(imported))
        #expect(Set(database.factors.flatMap(\.events).compactMap(\.id)) == Set(ids))
    }

    /// The same entity id on two lines made a list with a repeated id, which does not load: the
    /// import now refuses it, located at the repeat.
    @Test func aRepeatedOpenSanctionsIdIsALocatedError() throws {
        let bytes = try Self.bytes("opensanctions-repeated-id.ftm.json")
        do throws(InputError) {
            let list = try OpenSanctionsImporter(countries: Self.countries).importFile(bytes: bytes, file: "x.ftm.json")
            Issue.record("imported \(list.entities.count) entities with a repeated id")
        } catch {
            let first = try #require(error.diagnostics.first)
            #expect(first.location.file == "x.ftm.json")
            #expect(first.message.contains("repeats the entity of line"), "\(first)")
        }
    }
}
