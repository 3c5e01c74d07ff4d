import Foundation
import Testing

/// Real published data end to end: excerpts of Access Now's STOP 2020 export and OFAC's SDN
/// files (`Fixtures/real/`) imported with `db import --into` into a copy of `seeds/`, then
/// `check`; and the full files of `../shared/data` when they are there.
@Suite struct RealDataCommandTests {
    static let real = Executable.fixtures.appendingPathComponent("real")
    static let shared = Executable.root.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let sharedSTOP = shared.appendingPathComponent("stop/KeepItOn-STOP-Data-2020.csv")
    static let sharedSDN = shared.appendingPathComponent("ofac/sdn.csv")
    static let sharedALT = shared.appendingPathComponent("ofac/alt.csv")
    static let hasSharedData = FileManager.default.fileExists(atPath: sharedSTOP.path) && FileManager.default.fileExists(atPath: sharedSDN.path)

    /// An office in Bamako and one in Minsk that depend on the internet, and the Wagner Group
    /// as a counterparty.
    static let policy = """
        version: 1
        company: Sahel and Baltic Services
        sites:
          - id: bamako-office
            kind: office
            country: Mali
            city: Bamako
            depends_on: [internet]
          - id: minsk-office
            kind: office
            country: Belarus
            city: Minsk
            depends_on: [internet]
        counterparties:
          - id: security-provider
            name: PMC Wagner
            role: security-contractor
            country: RU

        """

    /// A copy of the seeds in a fresh folder, with the policy beside it.
    static func copyOfSeeds() throws -> URL {
        let folder = try Executable.temporaryFolder()
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("seeds"), to: folder.appendingPathComponent("db"))
        try policy.write(to: folder.appendingPathComponent("offices.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The findings of a JSON report: (rule, subject, factors, cited event ids).
    static func findings(_ report: [String: Any]) -> [(rule: String, subject: String, factors: [String], events: [String])] {
        JSONReportTables.findings(report).map { finding in
            let exposure = finding["exposure"] as? [String: Any]
            let events = (exposure?["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (finding["rule"] as? String ?? "", finding["subject"] as? String ?? "", finding["factors"] as? [String] ?? [], events)
        }
    }

    /// Imports STOP and OFAC into `db` and checks the offices as of 2020-09-22: Mali's July 2020
    /// shutdown and Belarus's August 2020 shutdowns reach the offices, and the Wagner Group
    /// matches once, from the full list that superseded the shipped excerpt.
    static func importAndCheck(
        stop: URL, sdn: URL, alt: URL, snapshotDate: String?, in folder: URL
    ) throws -> (stopImport: Executable.Run, ofacImport: Executable.Run, check: Executable.Run) {
        let stopImport = try Executable.run(["db", "import", "--from", "stop", stop.path, "--into", "db"], in: folder)
        let ofacImport = try Executable.run(
            ["db", "import", "--from", "ofac-sdn", sdn.path, alt.path, "--into", "db"]
                + (snapshotDate.map { ["--snapshot-date", $0] } ?? []), in: folder)
        let check = try Executable.run(["check", "offices.yaml", "--db", "db", "--as-of", "2020-09-22", "--format", "json"], in: folder)
        #expect(stopImport.status == 0, "\(stopImport.stderr)")
        #expect(ofacImport.status == 0, "\(ofacImport.stderr)")
        #expect(check.status == 1, "\(check.stderr)")
        let found = findings(try json(check.stdout))
        let bamako = found.filter { $0.rule == "shutdown-exposure" && $0.subject == "bamako-office" }
        #expect(bamako.map(\.factors) == [["STOP-ML-NATIONAL"]])
        #expect(bamako.first?.events == ["STOP-87"])
        let minsk = found.filter { $0.rule == "shutdown-exposure" && $0.subject == "minsk-office" && $0.factors == ["STOP-BY-NATIONAL"] }
        #expect(minsk.count == 1)
        #expect(minsk.first?.events.first == "STOP-94")
        let wagner = found.filter { $0.rule == "listed-counterparty" && $0.factors == ["US-OFAC-SDN-22543"] }
        #expect(wagner.count == 1)
        #expect(check.stderr.contains("note: lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-sdn.yaml (OFAC SDN, "))
        return (stopImport, ofacImport, check)
    }

    @Test func realExcerptsImportIntoACopyOfTheSeedsAndCheck() throws {
        let folder = try Self.copyOfSeeds()
        let runs = try Self.importAndCheck(
            stop: Self.real.appendingPathComponent("stop-2020-excerpt.csv"),
            sdn: Self.real.appendingPathComponent("ofac-sdn-excerpt.csv"),
            alt: Self.real.appendingPathComponent("ofac-alt-excerpt.csv"),
            snapshotDate: "2024-05-03", in: folder)
        #expect(runs.stopImport.stderr.contains("db/factors/stop.yaml: imported 32, skipped 0 (Access Now STOP 2020 layout)\n"))
        #expect(
            runs.ofacImport.stderr.contains(
                "note: lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-sdn.yaml (OFAC SDN, 2024-05-03)\n"))
        // The JSON report: each source's age at the as-of date in days, and what was superseded.
        let database = try #require(try Self.json(runs.check.stdout)["database"] as? [String: Any])
        let sources = database["sources"] as? [[String: Any]] ?? []
        let stop = try #require(sources.first { $0["id"] as? String == "access-now-stop" })
        #expect(stop["date"] as? String == "2020-12-07" && stop["age_days"] as? Int == -76 && stop["file"] as? String == "factors/stop.yaml")
        #expect(sources.first { $0["id"] as? String == "lt-mfa" }?["age_days"] as? Int == 22)
        #expect(
            database["superseded"] as? [String] == [
                "lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-sdn.yaml (OFAC SDN, 2024-05-03)"
            ])
        // database.yaml records both sources, with their snapshot dates, files and input digests.
        let metadata = try String(contentsOf: folder.appendingPathComponent("db/database.yaml"), encoding: .utf8)
        #expect(
            metadata.contains(
                """
                  - id: ofac-sdn
                    name: "OFAC SDN list"
                    date: "2024-05-03"
                    licence: "Public domain (US Government work)"
                    url: "https://sanctionslist.ofac.treas.gov/"
                    file: "lists/ofac-sdn.yaml"
                    inputs: ["ofac-sdn-excerpt.csv sha256:
                """))
        #expect(metadata.contains("  - id: access-now-stop\n    name: \"Access Now STOP\"\n    date: \"2020-12-07\"\n"))
        #expect(metadata.contains("# Metadata of the default risk database."))  // comments kept
        // db stats says what was superseded, in one line.
        let stats = try Executable.run(["db", "stats", "--db", "db"], in: folder)
        #expect(
            stats.stdout.contains(
                "superseded: lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-sdn.yaml (OFAC SDN, 2024-05-03)\n"))
        #expect(stats.stdout.contains("snapshot: factors/stop.yaml (Access Now STOP, 2020-12-07)\n"))
        // The Markdown report's data snapshot: each source with its date and age at the as-of date.
        let markdown = try Executable.run(["check", "offices.yaml", "--db", "db", "--as-of", "2021-06-30", "--format", "markdown"], in: folder)
        #expect(
            markdown.stdout.contains(
                "| Access Now STOP (https://www.accessnow.org/keepiton/) | 2020-12-07 | 205 days | Access Now \\#KeepItOn STOP data, cited with attribution to Access Now |"
            ))
        #expect(
            markdown.stdout.contains(
                "| OFAC SDN list (https://sanctionslist.ofac.treas.gov/) | 2024-05-03 | not known at the as-of date: taken 1038 days after it; only its facts dated by the as-of date are used | Public domain (US Government work) |"
            ))
        #expect(
            markdown.stdout.contains(
                "Not loaded: lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac-sdn.yaml (OFAC SDN, 2024-05-03)."))
        // Imported shutdowns age like hand-written factors: 2021-06-30 is 205 days after the STOP snapshot.
        #expect(markdown.stdout.contains("| `STOP-ML-NATIONAL` | State-ordered internet shutdowns in Mali (Access Now STOP) | 2020-12-07 | medium |"))
    }

    @Test func reImportingReplacesAndNeverDuplicates() throws {
        let folder = try Self.copyOfSeeds()
        let stop = Self.real.appendingPathComponent("stop-2020-excerpt.csv").path
        let first = try Executable.run(["db", "import", "--from", "stop", stop, "--into", "db"], in: folder)
        let second = try Executable.run(["db", "import", "--from", "stop", stop, "--into", "db", "--snapshot-date", "2021-01-15"], in: folder)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let metadata = try String(contentsOf: folder.appendingPathComponent("db/database.yaml"), encoding: .utf8)
        #expect(metadata.components(separatedBy: "- id: access-now-stop").count == 2)
        #expect(metadata.contains("    date: \"2021-01-15\"\n"))
        let factors = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("db/factors").path)
        #expect(factors.filter { $0.contains("stop") } == ["stop.yaml"])
        let stats = try Executable.run(["db", "stats", "--db", "db"], in: folder)
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("snapshot: factors/stop.yaml (Access Now STOP, 2021-01-15)\n"))
    }

    @Test func anImportThatWouldNotLoadChangesNothing() throws {
        let folder = try Self.copyOfSeeds()
        // A hand-written factor with the id the import would give Mali's shutdowns.
        let clash = """
            id: STOP-ML-NATIONAL
            kind: internet-shutdown
            title: Hand-written
            country: ML
            in_force: { from: 2020-07-10 }
            reviewed: 2020-07-20
            severity: high
            references:
              - source: MS Risk Blog

            """
        try clash.write(to: folder.appendingPathComponent("db/factors/ml-clash.yaml"), atomically: true, encoding: .utf8)
        let before = try String(contentsOf: folder.appendingPathComponent("db/database.yaml"), encoding: .utf8)
        let run = try Executable.run(
            ["db", "import", "--from", "stop", Self.real.appendingPathComponent("stop-2020-excerpt.csv").path, "--into", "db"], in: folder)
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("db/factors/stop.yaml:1:1: error: duplicate factor id `STOP-ML-NATIONAL` (also in db/factors/ml-clash.yaml:1)")
                || run.stderr.contains("error: duplicate factor id `STOP-ML-NATIONAL`"), "\(run.stderr)")
        #expect(run.stderr.contains("error: nothing imported: db would not load with the imported file"))
        #expect(try String(contentsOf: folder.appendingPathComponent("db/database.yaml"), encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("db/factors/stop.yaml").path))
    }

    @Test func aHeaderThatIsNotAKnownLayoutIsAClearError() throws {
        let folder = try Executable.temporaryFolder()
        try "date,nation,kind\n2020-07-10,Mali,Shutdown\n".write(to: folder.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["db", "import", "--from", "stop", "x.csv", "--output", "out.yaml"], in: folder)
        #expect(run.status == 2)
        #expect(
            run.stderr.hasPrefix(
                "x.csv:1:1: error: not a known STOP layout: no header naming `start_date` and `country` in the first five lines; expected Access Now's STOP layout: ID, start_date, end_date, country, geo_scope, area_name, shutdown_type_new and `full or service-based` (2020) or shutdown_type and shutdown_extent"
            ))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
    }

    @Test func anImportIntoANewFolderMakesADatabase() throws {
        let folder = try Executable.temporaryFolder()
        try Self.policy.write(to: folder.appendingPathComponent("offices.yaml"), atomically: true, encoding: .utf8)
        let run = try Executable.run(
            ["db", "import", "--from", "stop", Self.real.appendingPathComponent("stop-2020-excerpt.csv").path, "--into", "newdb"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let check = try Executable.run(["check", "offices.yaml", "--db", "newdb", "--as-of", "2020-09-22", "--format", "json"], in: folder)
        let found = Self.findings(try Self.json(check.stdout))
        #expect(found.contains { $0.rule == "shutdown-exposure" && $0.subject == "bamako-office" && $0.events == ["STOP-87"] })
    }

    /// The full STOP 2020 export of `../shared/data`: every row imports or is skipped with a
    /// reason, and the whole flow of issue 15 works on the full files.
    @Test(.enabled(if: RealDataCommandTests.hasSharedData, "../shared/data (the full STOP and OFAC files) is not beside the repository: skipped"))
    func theFullSharedFilesImportAndCheck() throws {
        let folder = try Self.copyOfSeeds()
        let runs = try Self.importAndCheck(stop: Self.sharedSTOP, sdn: Self.sharedSDN, alt: Self.sharedALT, snapshotDate: nil, in: folder)
        // "imported N, skipped M (reasons)": nothing is skipped without a reason.
        let line = try #require(runs.stopImport.stderr.split(separator: "\n").first { $0.contains(": imported ") })
        let counts = try #require(line.split(separator: ": imported ").last)
        let imported = Int(counts.split(separator: ",").first ?? "") ?? -1
        let skipped = Int(counts.split(separator: "skipped ").last?.split(separator: " ").first ?? "") ?? -1
        #expect(imported + skipped == 155)
        #expect(skipped == 0 || counts.contains("skipped \(skipped) ("), "skipped rows need a stated reason: \(line)")
        #expect(imported == 155)
    }
}
