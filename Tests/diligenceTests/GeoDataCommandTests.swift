import Foundation
import Testing

/// `db import --from acled` and `--from stop`, end to end: import the synthetic exports into a
/// copy of the seeds, then check policies against it.
@Suite(.serialized) struct GeoDataCommandTests {
    static let geo = Executable.fixtures.appendingPathComponent("geo")

    /// A copy of the seeds with both synthetic exports imported into `factors/`.
    static func importedDatabase() throws -> URL {
        let folder = try Executable.temporaryFolder().appendingPathComponent("db")
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("seeds"), to: folder)
        let acled = try Executable.run([
            "db", "import", "--from", "acled", geo.appendingPathComponent("acled-cabo-delgado-synthetic.csv").path,
            "--output", folder.appendingPathComponent("factors/acled.yaml").path,
        ])
        #expect(acled.status == 0, "stderr: \(acled.stderr)")
        #expect(acled.stderr.contains("10 events (9 political violence, 1 demonstrations) in 3 factor(s) for MZ, TZ; 1 strategic developments skipped"))
        let stop = try Executable.run([
            "db", "import", "--from", "stop", geo.appendingPathComponent("stop-keepiton-synthetic.csv").path,
            "--output", folder.appendingPathComponent("factors/stop.yaml").path,
        ])
        #expect(stop.status == 0, "stderr: \(stop.stderr)")
        #expect(stop.stderr.contains("6 shutdowns (5 national, 1 regional) in 5 factor(s)"))
        return folder
    }

    @Test func aSiteNearMetugeGetsConflictProximityCitingTheACLEDEventIDs() throws {
        let database = try Self.importedDatabase()
        let out = try Executable.temporaryFolder()
        let run = try Executable.run([
            "check", Self.geo.appendingPathComponent("metuge-camp.yaml").path, "--db", database.path,
            "--as-of", "2020-09-30", "--format", "json,markdown", "--output", out.path,
        ])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        let findings = JSONReportTables.findingsAsSchema3(json).map(JSONReportTables(json).lists)
        let finding = try #require(findings.first { $0["id"] as? String == "conflict-proximity/metuge-camp/ACLED-MZ-CONFLICT" })
        #expect(finding["severity"] as? String == "critical")
        let exposure = try #require(finding["exposure"] as? [String: Any])
        let events = JSONReportTables(json).events(of: finding)
        // MOZ9005 and MOZ9006 are located near the place only (geo_precision 2), one level lower:
        // the exact MOZ9004 decides and is cited; the band counts all three.
        #expect(events.compactMap { $0["id"] as? String } == ["MOZ9004"])
        #expect(events.compactMap { $0["fatalities"] as? Int } == [3])
        #expect(exposure["band"] as? String == "≤ 25 km")
        let bands = try #require(exposure["bands"] as? [[String: Any]])
        #expect(bands.first?["recent_events"] as? Int == 3 && bands.first?["recent_fatalities"] as? Int == 8)
        #expect((finding["path"] as? [String])?.joined().contains("event MOZ9004 of 2020-09-05") == true, "\(finding["path"] ?? "")")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        // On the finding's events line: the event cited, with its id, precision, fatalities, type
        // and actors, and the distance; then the band's counts (full weight and one level lower,
        // with fatalities).
        #expect(
            markdown.contains(
                "\n  - **Events cited:** `MOZ9004` 2020-09-05, Metuge (precision 1) [3 killed, Violence against civilians, Islamist Militia (Mozambique); Civilians (Mozambique)] (1.0 km); counted by distance band: 0–25 km: 3 (8 killed), and 1 older (one level lower) (2 killed); 100–200 km: 2 (67 killed)\n"
            ))
        // The exposure is read once: the distance on the finding's line (as the table writes it,
        // one decimal under 10 km), the event and band in the path's remaining steps, the
        // coordinates in the site's scope row.
        let lines = markdown.split(separator: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("- **CRITICAL** `conflict-proximity/metuge-camp/ACLED-MZ-CONFLICT` at `") })
        #expect(lines[at].contains(": Metuge resettlement works camp is 1.0 km from Metuge (event MOZ9004 of 2020-09-05: "), "\(lines[at])")
        let why = lines[at + 1]
        #expect(why.hasPrefix("  - **Why:** event MOZ9004 of 2020-09-05: ") && why.contains(" → band ≤ 25 km → "), "\(why)")
        #expect(lines.contains { $0.contains("| `metuge-camp` ") && $0.contains(" | -12.9550, 40.3720 | ") })
        #expect(!markdown.contains("**Exposure:**"))
        #expect(markdown.contains("ACLED"))
        // Events after the as-of date are never cited, in any output.
        for text in [markdown, try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)] {
            #expect(!text.contains("MOZ9007") && !text.contains("MOZ9008"))
        }
        // A month later they are.
        let later = try Executable.run([
            "check", Self.geo.appendingPathComponent("metuge-camp.yaml").path, "--db", database.path,
            "--as-of", "2020-11-30", "--format", "json",
        ])
        #expect(later.stdout.contains("\"MOZ9007\""))
    }

    @Test func aBamakoOfficeGetsShutdownExposureFromMalisJuly2020Shutdown() throws {
        let database = try Self.importedDatabase()
        let run = try Executable.run([
            "check", Self.geo.appendingPathComponent("bamako-office.yaml").path, "--db", database.path,
            "--as-of", "2020-09-30", "--format", "json",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = JSONReportTables.findingsAsSchema3(json).map(JSONReportTables(json).lists)
        let finding = try #require(findings.first { $0["rule"] as? String == "shutdown-exposure" })
        #expect(finding["factors"] as? [String] == ["STOP-ML-NATIONAL"])
        let events = JSONReportTables(json).events(of: finding)
        #expect(events.first?["date"] as? String == "2020-07-10" && events.first?["until"] as? String == "2020-07-15")
        #expect((finding["message"] as? String)?.contains("State-ordered internet shutdowns in Mali (Access Now STOP)".lowercased().prefix(5)) == true)
        // The SARIF report stays valid with the exposure in its property bag.
        let sarif = try Executable.run([
            "check", Self.geo.appendingPathComponent("bamako-office.yaml").path, "--db", database.path,
            "--as-of", "2020-09-30", "--format", "sarif",
        ])
        #expect(sarif.stdout.contains("\"exposure\""))
    }

    @Test func badExportsExitTwoWithLocatedErrors() throws {
        let folder = try Executable.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.csv")
        try Data(
            "event_id_cnty,event_date,event_type,latitude,longitude,iso\nMOZ1,12 Augst 2020,Battles,-12.9,40.3,508\nMOZ2,2020-08-12,Battles,-12.9,181,508\n"
                .utf8
        ).write(to: bad)
        let run = try Executable.run(["db", "import", "--from", "acled", bad.path, "--output", folder.appendingPathComponent("out.yaml").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(bad.path):2:6: error: event_date `12 Augst 2020` is not a date"))
        #expect(run.stderr.contains("\(bad.path):3:31: error: longitude `181` is not a number from -180 to 180"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let stop = try Executable.run(["db", "import", "--from", "stop", empty.path, "--output", folder.appendingPathComponent("out.yaml").path])
        #expect(stop.status == 2)
        #expect(stop.stderr.contains("\(empty.path):1:1: error: empty file"))
        #expect(try Executable.run(["db", "import", "--from", "acled", "a.csv", "b.csv", "--output", "x.yaml"]).status == 64)
    }
}
