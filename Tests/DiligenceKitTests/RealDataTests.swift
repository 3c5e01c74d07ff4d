import Foundation
import Testing

@testable import DiligenceKit

/// The importers on excerpts of real published files (`Tests/diligenceTests/Fixtures/real/`),
/// and country names as those files write them.
@Suite struct RealDataTests {
    static let countries = TestData.workspace.countries
    static let real = TestData.root.appendingPathComponent("Tests/diligenceTests/Fixtures/real")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: real.appendingPathComponent(name)))
    }

    @Test(arguments: [
        ("Iran (Islamic Republic of)", "IR"), ("Venezuela (Bolivarian Republic of)", "VE"), ("Tanzania, United Republic of", "TZ"),
        ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG"),
        ("Korea (Democratic People's Republic of)", "KP"), ("Korea, North", "KP"), ("Korea, South", "KR"), ("Viet Nam", "VN"),
        ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Syrian Arab Republic", "SY"),
        ("Bolivia (Plurinational State of)", "BO"), ("Micronesia (Federated States of)", "FM"), ("Lao People's Democratic Republic", "LA"),
        ("Russian Federation", "RU"), ("Moldova, Republic of", "MD"), ("State of Palestine", "PS"), ("Palestinian", "PS"),
        ("Kosovo", "XK"), ("St. Vincent and the Grenadines", "VC"), ("St. Kitts & Nevis", "KN"), ("The Gambia", "GM"),
        ("Man, Isle of", "IM"), ("Virgin Islands, British", "VG"), ("Burma", "MM"), ("eSwatini", "SZ"), ("India ", "IN"),
        ("North Macedonia, The Republic of", "MK"), ("Netherlands (Kingdom of the)", "NL"),
    ])
    func countryNamesAsTheWorldWritesThem(name: String, code: String) {
        #expect(Self.countries.resolve(name)?.code == code)
    }

    @Test func policiesAcceptTheSameNames() throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                sites:
                  - { id: tehran, kind: office, country: Iran (Islamic Republic of) }
                  - { id: dar, kind: office, country: "Tanzania, United Republic of" }
                  - { id: kinshasa, kind: office, country: "Congo, Democratic Republic of the" }
                  - { id: pyongyang, kind: office, country: "Korea (Democratic People's Republic of)" }
                  - { id: hanoi, kind: office, country: Viet Nam }
                """))
        #expect(policy.sites.map(\.country.code) == ["IR", "TZ", "CD", "KP", "VN"])
    }

    @Test func everyCountryOfTheRealSTOPExcerptResolves() throws {
        let csv = try CSVReader(bytes: try Self.bytes("stop-2020-excerpt.csv"), file: "stop.csv")
        let column = try #require(csv.records[1].fields.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "country" })
        for record in csv.records.dropFirst(2) {
            #expect(Self.countries.resolve(record.fields[column]) != nil, "\(record.fields[column]) on line \(record.line)")
        }
    }

    @Test func theRealSTOPExcerptImportsEveryRow() throws {
        let imported = try STOPImporter(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .importFile(bytes: try Self.bytes("stop-2020-excerpt.csv"), file: "stop-2020-excerpt.csv")
        #expect(imported.summary.first == "imported 32, skipped 0 (Access Now STOP 2020 layout)")
        let events = imported.factors.flatMap(\.events)
        #expect(events.count == 32)
        // Mali, July 2020: "Shutdown, Throttle" of a "Full network, Service-based", national (Level 3).
        let mali = try #require(imported.factors.first { $0.id == "STOP-ML-NATIONAL" })
        let july = try #require(mali.events.first)
        #expect(july.id == "STOP-87" && july.date == Day(iso: "2020-07-10") && july.until == Day(iso: "2020-07-15"))
        #expect(july.type == "full-network" && july.scope == "national")
        #expect(july.dependencies == ["mobile-data", "internet", "independent-media", "whatsapp"])
        #expect(
            july.what.hasPrefix(
                "Full network shutdown and throttling (national) of broadband, mobile networks; services blocked: facebook, twitter, whatsapp, instagram; other services: TV and radio stations were blocked; cause: Protests"
            ))
        let belarus = try #require(imported.factors.first { $0.id == "STOP-BY-NATIONAL" })
        #expect(belarus.events.map(\.id) == ["STOP-71", "STOP-94"])
        #expect(belarus.events.last?.until == Day(iso: "2020-12-07"))
        // UN-style names.
        #expect(imported.factors.contains { $0.id == "STOP-IR-NATIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-VE-NATIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-TZ-NATIONAL" })
        // Ongoing and Unknown end dates: no end; a spreadsheet serial end date (44166) is 2020-12-01.
        let india = try #require(imported.factors.first { $0.id == "STOP-IN-REGIONAL" })
        #expect(india.events.first { $0.id == "STOP-8" }?.until == nil)
        #expect(india.events.first { $0.id == "STOP-144" }?.until == Day(iso: "2020-12-01"))
        // India's state joins the areas, for sites that give their region.
        #expect(india.events.first { $0.id == "STOP-3" }?.region == "Kashmir Valley; Jammu and Kashmir")
        // Pakistan's FATA (Level 2) is regional, Level 3 with an empty area national.
        #expect(imported.factors.contains { $0.id == "STOP-PK-REGIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-PK-NATIONAL" })
    }

    @Test func theRealOFACExcerptResolvesItsCountries() throws {
        let list = try OFACImporter(countries: Self.countries, snapshotDate: Day(iso: "2024-05-03"))
            .importFiles(sdn: (try Self.bytes("ofac-sdn-excerpt.csv"), "sdn.csv"), alt: (try Self.bytes("ofac-alt-excerpt.csv"), "alt.csv"))
        #expect(list.entities.count == 34)
        let byID = Dictionary(uniqueKeysWithValues: list.entities.map { ($0.id, $0) })
        #expect(byID["US-OFAC-SDN-22543"]?.aliases.contains("PMC WAGNER") == true)
        #expect(byID["US-OFAC-SDN-23149"]?.country?.code == "KP")  // Nationality of Registration Korea, North
        #expect(byID["US-OFAC-SDN-9760"]?.country?.code == "BY")
        #expect(byID["US-OFAC-SDN-40887"]?.country?.code == "VC")  // flag St. Vincent and the Grenadines
        #expect(list.warnings.map(\.message).first?.hasPrefix("3 alias rows refer to 1 entries not in sdn.csv") == true)
    }

    // MARK: Snapshots that supersede

    static func list(
        _ source: String, _ date: String, excerpt: Bool = false, id: String = "US-OFAC-SDN-22543", name: String = "PRIVATE MILITARY COMPANY 'WAGNER'"
    ) -> String {
        "snapshot:\n  source: \(source)\n  date: \(date)\n" + (excerpt ? "  excerpt: true\n" : "")
            + "entities:\n  - id: \(id)\n    name: \"\(name)\"\n    kind: organisation\n"
    }

    static func load(_ files: [(String, String)], cache: ListCache? = nil) throws(InputError) -> RiskDatabase {
        var loader = RiskDatabaseLoader(countries: countries, vocabularies: TestData.workspace.vocabularies)
        loader.cache = cache
        let metadata = "database:\n  name: test\n"
        return try loader.load(
            files: [("database.yaml", "db/database.yaml", Array(metadata.utf8))] + files.map { ($0.0, "db/" + $0.0, Array($0.1.utf8)) }, path: "db")
    }

    @Test func theNewestSnapshotOfASourceWinsAndTheOthersAreNotLoaded() throws {
        let database = try Self.load([
            ("lists/excerpt.yaml", Self.list("ofac-sdn", "2024-05-03", excerpt: true)),
            ("lists/ofac-2024.yaml", Self.list("ofac-sdn", "2024-05-03")),
            ("lists/ofac-2025.yaml", Self.list("ofac-sdn", "2025-02-14")),
        ])
        #expect(database.entities.count == 1)
        #expect(database.entities.first?.file == "db/lists/ofac-2025.yaml")
        #expect(
            database.superseded.map(\.notice) == [
                "lists/excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-2025.yaml (OFAC SDN, 2025-02-14)",
                "lists/ofac-2024.yaml (OFAC SDN, 2024-05-03) superseded by lists/ofac-2025.yaml (OFAC SDN, 2025-02-14)",
            ])
        #expect(database.snapshots.map(\.relative) == ["lists/ofac-2025.yaml"])
        // Every file still enters the digest.
        #expect(database.files.contains("lists/excerpt.yaml"))
    }

    @Test(arguments: ["2024-05-03", "2023-01-10"])
    func aFullSnapshotSupersedesAnExcerpt(fullDate: String) throws {
        let database = try Self.load([
            ("lists/a-excerpt.yaml", Self.list("ofac-sdn", "2024-05-03", excerpt: true)),
            ("lists/z-full.yaml", Self.list("ofac-sdn", fullDate)),
        ])
        #expect(database.superseded.map(\.old.relative) == ["lists/a-excerpt.yaml"])
        #expect(database.entities.map(\.file) == ["db/lists/z-full.yaml"])
    }

    @Test func twoFullSnapshotsOfOneSourceOnOneDayAreAnError() {
        let problems = Self.problems { () throws(InputError) in
            _ = try Self.load([("lists/a.yaml", Self.list("ofac-sdn", "2024-05-03")), ("lists/b.yaml", Self.list("ofac-sdn", "2024-05-03"))])
        }
        #expect(problems.contains("db/lists/a.yaml:1:1: error: two OFAC SDN snapshots of 2024-05-03: lists/a.yaml and lists/b.yaml; keep one"))
    }

    @Test func theSameIDInFilesOfDifferentSourcesStaysALocatedError() {
        let problems = Self.problems { () throws(InputError) in
            _ = try Self.load([("lists/ofac.yaml", Self.list("ofac-sdn", "2024-05-03")), ("lists/os.yaml", Self.list("opensanctions", "2025-01-15"))])
        }
        #expect(problems == ["db/lists/os.yaml:5:5: error: duplicate entity id `US-OFAC-SDN-22543` (also in db/lists/ofac.yaml:5)"])
    }

    @Test func cachedListsStillSayWhichSnapshotTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diligence-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [("lists/old.yaml", Self.list("ofac-sdn", "2024-05-03")), ("lists/new.yaml", Self.list("ofac-sdn", "2025-02-14"))]
        let first = try Self.load(files, cache: ListCache(folder: folder))
        let second = try Self.load(files, cache: ListCache(folder: folder))
        #expect(first.superseded == second.superseded)
        #expect(second.superseded.map(\.old.relative) == ["lists/old.yaml"])
        #expect(second.entities.map(\.file) == ["db/lists/new.yaml"])
    }

    static func problems(_ body: () throws(InputError) -> Void) -> [String] {
        do throws(InputError) {
            try body()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

/// `db import --into` edits `database.yaml`'s sources as text.
@Suite struct SourceEntryEditorTests {
    static let source = DataSource(
        id: "ofac-sdn", name: "OFAC SDN list", date: "2025-02-14", licence: "Public domain", file: "lists/ofac-sdn.yaml", inputs: ["sdn.csv sha256:ab"])
    static let entry = """
          - id: ofac-sdn
            name: "OFAC SDN list"
            date: "2025-02-14"
            licence: "Public domain"
            file: "lists/ofac-sdn.yaml"
            inputs: ["sdn.csv sha256:ab"]
        """

    static func edit(_ text: String) throws(InputError) -> String {
        try SourceEntryEditor.upsert(source, in: text, file: "database.yaml")
    }

    @Test func theEntryWithTheSameIDIsReplacedAndCommentsStay() throws {
        let text =
            "# comment\ndatabase:\n  name: x\nsources:\n  - id: a\n    name: A\n  # about OFAC\n  - id: ofac-sdn\n    name: OFAC SDN list\n    date: \"2024-05-03\"\n\n  - { id: b, name: B }\n# end\n"
        #expect(
            try Self.edit(text)
                == "# comment\ndatabase:\n  name: x\nsources:\n  - id: a\n    name: A\n  # about OFAC\n\(Self.entry)\n\n  - { id: b, name: B }\n# end\n")
    }

    @Test func aNewSourceIsAddedAtTheEndOfTheList() throws {
        #expect(
            try Self.edit("database:\n  name: x\nsources:\n  - { id: b, name: B }\n")
                == "database:\n  name: x\nsources:\n  - { id: b, name: B }\n\(Self.entry)\n")
        #expect(try Self.edit("database:\n  name: x\n") == "database:\n  name: x\nsources:\n\(Self.entry)\n")
        #expect(try Self.edit("database:\n  name: x\nsources:\n") == "database:\n  name: x\nsources:\n\(Self.entry)\n")
    }

    @Test func aFlowListIsRefusedWithItsLocation() {
        #expect(throws: InputError.self) { try Self.edit("database:\n  name: x\nsources: [{ id: b, name: B }]\n") }
    }
}
