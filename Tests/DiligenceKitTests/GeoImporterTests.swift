import Foundation
import Testing

@testable import DiligenceKit

/// The ACLED and STOP importers, the factor writer, GeoJSON areas in the database, and the
/// conflict-proximity and shutdown-exposure rules on imported data.
@Suite struct GeoImporterTests {
    static let countries = TestData.workspace.countries
    static let e2eFixtures = TestData.root.appendingPathComponent("Tests/diligenceTests/Fixtures/geo")

    static func acled(_ text: String, snapshot: Day? = nil) throws(InputError) -> ImportedFactors {
        try ACLEDImporter(countries: countries, actors: try ActorAliases.builtin(), snapshotDate: snapshot)
            .importFile(bytes: Array(text.utf8), file: "acled.csv")
    }

    static func stop(_ text: String) throws(InputError) -> ImportedFactors {
        try STOPImporter(countries: countries, vocabularies: TestData.workspace.vocabularies).importFile(bytes: Array(text.utf8), file: "stop.csv")
    }

    static func problems(_ body: () throws(InputError) -> ImportedFactors) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The seeds plus extra files (relative path, text), loaded as one database.
    static func database(adding extra: [(String, String)]) throws(InputError) -> RiskDatabase {
        let seeds = TestData.root.appendingPathComponent("seeds")
        var files: [(relative: String, display: String, bytes: [UInt8])] = []
        for path in FileDiscovery.yamlFiles(in: seeds.path) {
            let relative = String(path.dropFirst(seeds.path.count + 1))
            files.append((relative, path, (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []))
        }
        for (relative, text) in extra { files.append((relative, "db/" + relative, Array(text.utf8))) }
        return try RiskDatabaseLoader(countries: countries, vocabularies: TestData.workspace.vocabularies).load(files: files, path: "db")
    }

    static func findings(_ database: RiskDatabase, _ yaml: String, asOf: String = "2020-09-30") throws -> [Finding] {
        let policy = try TestData.policy(yaml)
        return Array(
            Checker(database: database, vocabularies: TestData.workspace.vocabularies)
                .check([policy], options: CheckOptions(asOf: try #require(Day(iso: asOf)), failOn: .high)).findings)
    }

    // MARK: Dates

    @Test(arguments: [
        ("2020-08-12", "2020-08-12"), ("20200812", "2020-08-12"), ("12-Aug-20", "2020-08-12"), ("12 August 2020", "2020-08-12"),
        ("2 Sept 2020", "2020-09-02"), ("August 12, 2020", "2020-08-12"), ("12-Aug-2020", "2020-08-12"), ("2020-08-12T00:00:00", "2020-08-12"),
        ("03-Mar-97", "1997-03-03"),
    ])
    func exportDatesAreRead(text: String, day: String) {
        #expect(ImportDates.parse(text)?.description == day)
    }

    @Test func aYearColumnSettlesTwoDigitYearsAndSlashedDatesFollowTheFile() {
        #expect(ImportDates.parse("12-Aug-20", year: 1920)?.description == "1920-08-12")
        #expect(ImportDates.parse("12-Aug-20", year: 2019) == nil)
        #expect(ImportDates.slashOrder(["7/10/2020", "8/23/2020"]).order == .monthFirst)
        #expect(ImportDates.slashOrder(["10/7/2020", "23/8/2020"]).order == .dayFirst)
        #expect(ImportDates.slashOrder(["13/1/2020", "1/13/2020"]).order == nil)
        #expect(ImportDates.parse("7/10/2020", slash: .dayFirst)?.description == "2020-10-07")
        #expect(ImportDates.parse("31/02/2020") == nil)
    }

    // MARK: ACLED

    @Test func theSyntheticCaboDelgadoExportBecomesFactorsPerCountry() throws {
        let url = Self.e2eFixtures.appendingPathComponent("acled-cabo-delgado-synthetic.csv")
        let imported = try ACLEDImporter(countries: Self.countries, actors: try ActorAliases.builtin())
            .importFile(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
        #expect(imported.factors.map(\.id) == ["ACLED-MZ-CONFLICT", "ACLED-MZ-UNREST", "ACLED-TZ-CONFLICT"])
        let mz = try #require(imported.factors.first)
        #expect(mz.kind == .armedConflict && mz.severity == .critical && mz.country.code == "MZ")
        #expect(mz.events.map { $0.id ?? "" } == ["MOZ9001", "MOZ9002", "MOZ9003", "MOZ9004", "MOZ9005", "MOZ9006", "MOZ9007", "MOZ9008"])
        #expect(mz.inForceFrom.description == "2019-06-15")
        #expect(mz.reviewed.description == "2020-11-12")
        let clash = try #require(mz.events.first { $0.id == "MOZ9005" })
        #expect(clash.type == "Battles" && clash.subType == "Armed clash" && clash.fatalities == 5 && clash.geoPrecision == 2)
        #expect(clash.actors == ["Islamist Militia (Mozambique)", "Military Forces of Mozambique (2015-)", "Dyck Advisory Group"])
        #expect(clash.what.contains("Islamist Militia (Mozambique) [ASWJ] vs Military Forces of Mozambique (2015-) [FADM]"))
        #expect(clash.region == "Cabo Delgado / Metuge")
        #expect(clash.notes?.contains("contractor's helicopters") == true)
        #expect(mz.summary?.contains("al-Shabaab (Mozambique)") == true)
        #expect(imported.summary.first?.contains("1 strategic developments skipped") == true)
        #expect(imported.sources.map(\.name) == ["ACLED"])
    }

    @Test func theWrittenFactorFileLoadsIntoTheDatabaseWithItsSource() throws {
        let url = Self.e2eFixtures.appendingPathComponent("acled-cabo-delgado-synthetic.csv")
        let imported = try ACLEDImporter(countries: Self.countries, actors: try ActorAliases.builtin())
            .importFile(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
        let database = try Self.database(adding: [("factors/acled.yaml", FactorWriter.yaml(imported))])
        let loaded = try #require(database.factor(id: "ACLED-MZ-CONFLICT"))
        #expect(loaded.events == imported.factors[0].events)
        #expect(database.metadata.sources.contains { $0.name == "ACLED" })
        #expect(database.eventIndex.count >= 10)
    }

    static let header =
        "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,iso,country,location,latitude,longitude,geo_precision,fatalities,notes\n"

    @Test(arguments: [
        (
            "MOZ1,2020-13-01,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:2:6: error: event_date `2020-13-01` is not a date (YYYY-MM-DD, YYYYMMDD, 12-Aug-20, 12 August 2020 or August 12, 2020)"
        ),
        (
            "MOZ1,2020-08-12,2019,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:2:6: error: event_date 2020-08-12 is not in the row's year 2019"
        ),
        (
            "MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-95,40.3,1,0,n\n",
            "acled.csv:2:63: error: latitude `-95` is not a number from -90 to 90"
        ),
        ("MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,4,0,n\n", "acled.csv:2:74: error: geo_precision `4` must be 1, 2 or 3"),
        (
            "MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,many,n\n",
            "acled.csv:2:76: error: fatalities `many` is not a whole number from 0"
        ),
        (
            "MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,999,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:2:46: error: iso `999` is not an ISO 3166-1 numeric country code"
        ),
        ("MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mali,X,-12.9,40.3,1,0,n\n", "acled.csv:2:50: error: country `Mali` is ML, but iso says MZ"),
        (
            "MOZ1,2020-08-12,2020,Skirmish,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:2:22: error: event_type `Skirmish` is not an ACLED event type (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments)"
        ),
        (
            "MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0\n",
            "acled.csv:2:76: error: expected 15 fields as in the header, found 14"
        ),
        (
            "MOZ 1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:2:1: error: event_id_cnty `MOZ 1` may hold only letters, digits and . _ : / -"
        ),
        (
            "MOZ1,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\nMOZ1,2020-08-13,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\n",
            "acled.csv:3:1: error: duplicate event_id_cnty `MOZ1` (also on line 2)"
        ),
    ])
    func badACLEDRowsGetLocatedErrors(row: String, message: String) {
        #expect(Self.problems { () throws(InputError) in try Self.acled(Self.header + row) } == [message])
    }

    @Test func everyBadRowIsReportedAtOnce() {
        let rows =
            "MOZ1,2020-13-01,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,40.3,1,0,n\nMOZ2,2020-08-12,2020,Battles,Armed clash,A,B,508,Mozambique,X,-12.9,400,1,0,n\n"
        #expect(Self.problems { () throws(InputError) in try Self.acled(Self.header + rows) }.count == 2)
    }

    @Test(arguments: [
        ("", "acled.csv:1:1: error: empty file: no header and no events"),
        (
            "id,date,lat,lon\n1,2020-01-01,1,1\n",
            "acled.csv:1:1: error: not an ACLED export: missing column(s) event_id_cnty, event_date, event_type, latitude, longitude, iso or country; the header has `id`, `date`, `lat`, `lon`"
        ),
        (header, "acled.csv:1:1: error: no events after the header"),
        ("event_id_cnty,event_id_cnty\n", "acled.csv:1:15: error: column `event_id_cnty` appears twice (also column 1)"),
    ])
    func badACLEDFilesGetLocatedErrors(text: String, message: String) {
        #expect(Self.problems { () throws(InputError) in try Self.acled(text) } == [message])
    }

    @Test func columnsAreFoundByNameInAnyOrderWithABOMAndExtraColumns() throws {
        let text =
            "\u{FEFF}timestamp,Longitude,LATITUDE,event_type,disorder_type,country,event_date,event_id_cnty\r\n1600000000,40.38,-12.96,Violence against civilians,Political violence,Mozambique,20200905,MOZ7\r\n"
        let imported = try Self.acled(text, snapshot: Day(iso: "2020-09-30"))
        let event = try #require(imported.factors.first?.events.first)
        #expect(event.id == "MOZ7" && event.date.description == "2020-09-05" && event.location == Coordinate(lat: -12.96, lon: 40.38))
        #expect(imported.factors.first?.reviewed.description == "2020-09-30")
    }

    @Test func badEncodingIsRefused() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a,b".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: InputError.self) {
            _ = try ACLEDImporter(countries: Self.countries, actors: try ActorAliases.builtin()).importFile(bytes: bytes, file: "x.csv")
        }
    }

    @Test func actorAliasesIgnoreYearSuffixesAndCase() throws {
        let aliases = try ActorAliases.builtin()
        #expect(aliases.entry(for: "Islamist Militia (Mozambique)")?.otherNames.contains("al-Shabaab (Mozambique)") == true)
        #expect(aliases.entry(for: "military forces of mozambique (2015-)")?.knownAs == "FADM")
        #expect(aliases.display("Civilians (Mozambique)") == "Civilians (Mozambique)")
        #expect(throws: InputError.self) { _ = try ActorAliases(tsv: "A\tB\nA\tC\n", file: "t.tsv") }
    }

    // MARK: STOP

    @Test func theSyntheticSTOPExportBecomesNationalAndRegionalFactors() throws {
        let url = Self.e2eFixtures.appendingPathComponent("stop-keepiton-synthetic.csv")
        let imported = try STOPImporter(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .importFile(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
        #expect(imported.factors.map(\.id) == ["STOP-BY-NATIONAL", "STOP-ET-NATIONAL", "STOP-IN-REGIONAL", "STOP-ML-NATIONAL", "STOP-TZ-NATIONAL"])
        let mali = try #require(imported.factors.first { $0.id == "STOP-ML-NATIONAL" })
        let july = try #require(mali.events.first)
        #expect(july.date.description == "2020-07-10" && july.until?.description == "2020-07-15")
        #expect(july.type == "service-based" && july.scope == "national" && july.id == "STOP-101")
        #expect(Set(july.dependencies) == ["independent-media", "whatsapp"])
        #expect(mali.severity == .medium)
        let belarus = try #require(imported.factors.first { $0.id == "STOP-BY-NATIONAL" })
        #expect(belarus.severity == .high)
        #expect(belarus.events.first?.dependencies.prefix(2) == ["mobile-data", "internet"])
        #expect(belarus.events.last?.dependencies == ["mobile-data"])
        let india = try #require(imported.factors.first { $0.id == "STOP-IN-REGIONAL" })
        #expect(india.events.first?.region == "Jammu and Kashmir" && india.events.first?.until == nil && india.severity == .low)
        #expect(imported.warnings.first?.message.contains("Clubhouse (1)") == true)
        // The written file loads.
        let database = try Self.database(adding: [("factors/stop.yaml", FactorWriter.yaml(imported))])
        #expect(database.factor(id: "STOP-ML-NATIONAL")?.events.count == 1)
    }

    static let stopHeader = "Title of the sheet,,,,\nstart_date ,end_date ,country ,geo_scope ,shutdown_type \n"

    @Test(arguments: [
        (
            "7/32/2020,,Mali,National,Full network\n",
            "stop.csv:3:1: error: start_date `7/32/2020` is not a date (7/10/2020 as STOP writes it, or YYYY-MM-DD, YYYYMMDD, 12-Aug-20, 12 August 2020 or August 12, 2020)"
        ),
        ("2020-07-10,2020-07-01,Mali,National,Full network\n", "stop.csv:3:12: error: end_date 2020-07-01 is before the start_date 2020-07-10"),
        ("2020-07-10,,Mali,Galactic,Full network\n", "stop.csv:3:18: error: geo_scope `Galactic` is not Level 1, Level 2 or Level 3 (or national, regional)"),
        (
            "2020-07-10,,Mali,National,Carrier pigeons\n",
            "stop.csv:3:27: error: shutdown type `Carrier pigeons` is not Shutdown or Throttle of a Full network or Service-based"
        ),
    ])
    func badSTOPRowsGetLocatedErrors(row: String, message: String) {
        #expect(Self.problems { () throws(InputError) in try Self.stop(Self.stopHeader + row) } == [message])
    }

    @Test func aSTOPRowWithAnUnknownCountryOrNoScopeIsSkippedWithItsReason() throws {
        let imported = try Self.stop(
            Self.stopHeader + "2020-07-10,,Mali,National,Full network\n2020-07-11,,Atlantis,National,Full network\n2020-07-12,,Mali,,Shutdown\n")
        #expect(
            imported.summary.first
                == "imported 1, skipped 2 (1 no geo_scope, 1 unknown country `Atlantis`) (Access Now STOP layout (shutdown_type, shutdown_extent))")
        #expect(
            imported.warnings.map(\.description) == [
                "stop.csv:4:13: warning: row skipped: unknown country `Atlantis`", "stop.csv:5:18: warning: row skipped: no geo_scope",
            ])
        #expect(
            Self.problems { () throws(InputError) in try Self.stop(Self.stopHeader + "2020-07-11,,Atlantis,National,Full network\n") }
                == [
                    "stop.csv:2:1: error: no shutdown imported: every row was skipped (1 unknown country `Atlantis`)",
                    "stop.csv:3:13: warning: row skipped: unknown country `Atlantis`",
                ])
    }

    @Test func aTwinOfAColumnThatIsNotReadDoesNotMatterButATwinOfOneThatIsDoes() throws {
        let imported = try Self.stop("start_date,country,geo_scope,shutdown_type,notes,notes\n2020-07-10,Mali,Level 3 - National,Shutdown,a,b\n")
        #expect(imported.factors.map(\.id) == ["STOP-ML-NATIONAL"])
        #expect(
            Self.problems { () throws(InputError) in
                try Self.stop("start_date,country,geo_scope,shutdown_type,country \n2020-07-10,Mali,Level 3,Shutdown,Mali\n")
            }
                == ["stop.csv:1:44: error: column `country` appears twice (also column 2): which one holds the data is unknown"])
    }

    @Test func realSheetsPhrasingsAreRead() throws {
        let imported = try Self.stop(
            "ID,start_date,end_date,country,geo_scope,shutdown_type\n"
                + "IN 23,2021-01-05,Still ongoing,India,Sub-national,Mobile shutdown\n"
                + "7,2021-02-01,2021-02-03,Myanmar,National,Throttling of social media\n"
                + "7,2021-03-01,2021-03-02,Myanmar,National,Shutdown\n")
        let india = try #require(imported.factors.first { $0.id == "STOP-IN-REGIONAL" }?.events.first)
        #expect(india.id == "STOP-IN-23" && india.until == nil && india.type == "full-network")
        let myanmar = try #require(imported.factors.first { $0.id == "STOP-MM-NATIONAL" })
        #expect(myanmar.events.map { $0.id ?? "" } == ["STOP-7", "STOP-7-L4"])
        #expect(myanmar.events.map { $0.type ?? "" } == ["service-based", "full-network"])  // social media throttled: services
        #expect(imported.warnings.map(\.description) == ["stop.csv:4:1: warning: ID `7` is also on line 3, with other values: imported as STOP-7-L4"])
    }

    @Test func aSTOPFileWithoutItsColumnsIsRefused() {
        #expect(
            Self.problems { () throws(InputError) in try Self.stop("a,b\n1,2\n") }
                == [
                    "stop.csv:1:1: error: not a known STOP layout: no header naming `start_date` and `country` in the first five lines; expected \(STOPLayout.described)"
                ])
        #expect(
            Self.problems { () throws(InputError) in try Self.stop("start_date,country\n2020-01-01,Mali\n") }
                == [
                    "stop.csv:1:1: error: not a known STOP layout: no column `geo_scope`, `shutdown_type_new` (2020), `shutdown_type` or `full or service-based`; expected \(STOPLayout.described); the header has `start_date`, `country`"
                ])
        #expect(Self.problems { () throws(InputError) in try Self.stop("") } == ["stop.csv:1:1: error: empty file: no header and no shutdowns"])
    }

    // MARK: Rules on imported data

    static let metuge = TestData.minimal(
        """
        sites:
          - id: metuge-camp
            kind: office
            country: MZ
            location: { lat: -12.955, lon: 40.372 }
        """)

    @Test func conflictProximityCountsBandsAndNeverCitesEventsAfterTheAsOfDate() throws {
        let url = Self.e2eFixtures.appendingPathComponent("acled-cabo-delgado-synthetic.csv")
        let imported = try ACLEDImporter(countries: Self.countries, actors: try ActorAliases.builtin())
            .importFile(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
        let database = try Self.database(adding: [("factors/acled.yaml", FactorWriter.yaml(imported))])
        let finding = try #require(try Self.findings(database, Self.metuge).first { $0.factors == ["ACLED-MZ-CONFLICT"] })
        #expect(finding.rule == "conflict-proximity" && finding.severity == .critical)
        let exposure = try #require(finding.exposure)
        // MOZ9005 and MOZ9006 are located only near the place (geo_precision 2): one level
        // lower, so the exact MOZ9004 alone decides and is cited; the band still counts all three.
        #expect(exposure.events.compactMap(\.id) == ["MOZ9004"])
        #expect(exposure.band == "≤ 25 km")
        #expect(exposure.bands[0].recentEvents == 3 && exposure.bands[0].recentFatalities == 8)
        #expect(exposure.bands[0].olderEvents == 1 && exposure.bands[0].olderFatalities == 2)
        #expect(!finding.path.joined().contains("MOZ9007") && !finding.message.contains("MOZ9007"))
        #expect(!finding.evidence.contains { $0.fact.contains("AFTER") || $0.date == "2020-10-03" })
        // Later, the October events count and are cited.
        let later = try #require(try Self.findings(database, Self.metuge, asOf: "2020-11-30").first { $0.factors == ["ACLED-MZ-CONFLICT"] })
        #expect(later.exposure?.events.compactMap(\.id).prefix(2) == ["MOZ9007", "MOZ9004"])
        // Before any event there is nothing to cite, and the factor is not in force.
        #expect(try Self.findings(database, Self.metuge, asOf: "2019-01-01").filter { $0.factors == ["ACLED-MZ-CONFLICT"] }.isEmpty)
    }

    static let polygonFactor = """
        id: DRF-TEST-MZ-0100
        kind: armed-conflict
        title: Insurgency across Cabo Delgado province
        country: MZ
        in_force: { from: 2020-01-01 }
        reviewed: 2020-09-01
        severity: high
        areas:
          - { name: Cabo Delgado province, geojson: areas/cabo-delgado.geojson, radius_km: 20 }
        references:
          - { source: MS Risk Blog, title: Test, date: 2020-09 }
        """

    @Test(arguments: [
        (-12.0, 39.5, true, "inside Cabo Delgado province"),
        (-14.05, 39.3, true, "outside Cabo Delgado province, within its 20 km margin"),
        (-15.1165, 39.2666, false, ""),
    ])
    func aPolygonAreaCoversSitesInsideAndWithinItsMargin(lat: Double, lon: Double, found: Bool, words: String) throws {
        let outline = try String(contentsOf: TestData.fixtures.appendingPathComponent("geo/cabo-delgado-outline.geojson"), encoding: .utf8)
        let database = try Self.database(adding: [("factors/test-polygon.yaml", Self.polygonFactor), ("areas/cabo-delgado.geojson", outline)])
        let policy = TestData.minimal("sites:\n  - id: s\n    country: MZ\n    location: { lat: \(lat), lon: \(lon) }\n")
        let finding = try Self.findings(database, policy).first { $0.factors == ["DRF-TEST-MZ-0100"] }
        #expect((finding != nil) == found)
        if let finding {
            #expect(finding.severity == .medium)
            #expect(finding.path.joined(separator: " ").contains(words))
            #expect(finding.exposure?.area == "Cabo Delgado province")
        }
    }

    @Test(arguments: [
        (
            "areas:\n  - { name: X, geojson: areas/missing.geojson }\n",
            "db/factors/test-polygon.yaml:9:25: error: cannot read GeoJSON file `areas/missing.geojson` (no such file)"
        ),
        (
            "areas:\n  - { name: X, geojson: ../../etc/passwd }\n",
            "db/factors/test-polygon.yaml:9:25: error: `geojson` must be a path inside the database folder, such as areas/province.geojson (no leading / and no ..)"
        ),
        (
            "areas:\n  - { name: X, lat: 1, lon: 2 }\n",
            "db/factors/test-polygon.yaml:1:1: error: area `X` of `DRF-TEST-MZ-0100` needs `lat`, `lon` and `radius_km`, or a `geojson` file"
        ),
        (
            "areas:\n  - { name: X, geojson: areas/bad.geojson }\n",
            "db/areas/bad.geojson:1:34: error: a ring must be closed: its last position must repeat its first"
        ),
    ])
    func badAreasGetLocatedErrors(areas: String, message: String) {
        let factor = Self.polygonFactor.replacingOccurrences(
            of: "areas:\n  - { name: Cabo Delgado province, geojson: areas/cabo-delgado.geojson, radius_km: 20 }\n", with: areas)
        do {
            _ = try Self.database(adding: [
                ("factors/test-polygon.yaml", factor),
                ("areas/bad.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"),
            ])
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    static let bamako = TestData.minimal(
        """
        sites:
          - id: bamako-office
            kind: office
            country: ML
            city: Bamako
            depends_on: [internet, email]
          - id: bamako-social
            kind: office
            country: ML
            city: Bamako
            depends_on: [whatsapp]
          - id: srinagar-office
            kind: office
            country: IN
            city: Srinagar
            region: Jammu and Kashmir
            depends_on: [mobile-data]
          - id: pune-office
            kind: office
            country: IN
            city: Pune
            region: Maharashtra
            depends_on: [mobile-data]
        """)

    @Test func shutdownExposureFromAnImportedSTOPExport() throws {
        let url = Self.e2eFixtures.appendingPathComponent("stop-keepiton-synthetic.csv")
        let imported = try STOPImporter(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .importFile(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
        let database = try Self.database(adding: [("factors/stop.yaml", FactorWriter.yaml(imported))])
        let findings = try Self.findings(database, Self.bamako).filter { $0.rule == "shutdown-exposure" }
        let office = try #require(findings.first { $0.subject == "bamako-office" })
        #expect(office.factors == ["STOP-ML-NATIONAL"])
        // Only social media and WhatsApp were blocked: the office's internet use is exposed one level lower.
        #expect(office.severity == .low)
        #expect(office.exposure?.events.first?.id == "STOP-101")
        let social = try #require(findings.first { $0.subject == "bamako-social" })
        #expect(social.severity == .medium)
        // Regional shutdowns reach the region they name only.
        #expect(findings.contains { $0.subject == "srinagar-office" && $0.factors == ["STOP-IN-REGIONAL"] })
        #expect(!findings.contains { $0.subject == "pune-office" })
        // Before July 2020 Mali had no shutdown in this export.
        #expect(
            try Self.findings(database, Self.bamako, asOf: "2020-07-01").filter { $0.rule == "shutdown-exposure" && $0.subject.hasPrefix("bamako") }.isEmpty)
    }
}
