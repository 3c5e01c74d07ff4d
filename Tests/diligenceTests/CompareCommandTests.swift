import Foundation
import Testing

/// End to end: `check --compare-as-of` and `--compare-db` open the report with what changed since
/// an earlier day or database, each change with the facts and events that caused it.
@Suite(.serialized) struct CompareCommandTests {
    static let run = ["check", "policies", "--as-of", "2020-09-30"]

    /// The cause label ("C12") of the line of the causes table that holds this text.
    static func label(of text: String, in report: String) -> String? {
        report.split(separator: "\n").first { $0.hasPrefix("| C") && $0.contains(text) }
            .flatMap { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The rows of one change table ("New findings", "Updated ...").
    static func rows(_ heading: String, in report: String) -> [Substring] {
        guard let start = report.range(of: "**\(heading)")?.upperBound else { return [] }
        return report[start...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4)
            .prefix { $0.hasPrefix("| ") }.map { $0 }
    }

    @Test func changesSinceJulyNameTheCoupTheShutdownsAndTheCapture() throws {
        let result = try Executable.run(Self.run + ["--compare-as-of", "2020-07-31", "--format", "markdown"])
        #expect(result.status == 1, "the gate judges this run as usual: \(result.stderr)")
        let report = result.stdout
        let changes = try #require(report.range(of: "## Changes since 2020-07-31"))
        let control = try #require(report.range(of: "## 1. Control"))
        #expect(changes.lowerBound < control.lowerBound, "the report opens with the changes")
        #expect(
            report.contains(
                "The same policies checked against the same risk database as of 2020-07-31: 61 new, 0 escalated, 4 updated, 0 de-escalated, 0 resolved; 2 unchanged."
            ))

        let coup = try #require(Self.label(of: "event: Military coup removes President Ibrahim Boubacar Keïta", in: report))
        let shutdown = try #require(Self.label(of: "event: Near-total shutdown of mobile and fixed internet across Belarus", in: report))
        let capture = try #require(Self.label(of: "event: Insurgents capture the strategic port town", in: report))
        let new = Self.rows("New findings", in: report)
        // 61: with the Voluntary Principles finding of Sahel Shield (northern Mali) and the
        // Belaruskali strike's human-rights finding (red-team review); the Cabo Delgado security
        // providers' findings held on 31 July too (unchanged).
        #expect(new.count == 61)
        // A new finding of the coup (a Bamako office under the junta) cites the coup.
        #expect(new.contains { $0.contains("`political-instability`") && $0.contains("Bamako sales and logistics office") && $0.contains(coup) })
        // A new shutdown finding cites the shutdown of 9–11 August.
        #expect(new.contains { $0.contains("`shutdown-exposure`") && $0.contains("Minsk delivery centre") && $0.contains(shutdown) })
        // The Afungi camp was critical already on 31 July; the capture of Mocímboa da Praia is
        // the new event its finding now rests on.
        let updated = Self.rows("Updated (same severity, new facts)", in: report)
        #expect(updated.contains { $0.contains("**critical**") && $0.contains("Afungi laydown yard") && $0.contains(capture) })
        // The comparison day's "reviewed after" notes are said once, not listed as changes.
        #expect(report.contains("9 of the policies were reviewed after 2020-07-31"))
        #expect(!new.contains { $0.contains("`input-plausibility`") })
    }

    @Test func jsonAndSARIFCarryTheChangesAndTheirCauses() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(Self.run + ["--compare-as-of", "2020-07-31", "--format", "json,sarif", "--output", folder.path])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
        let changes = try #require(json["changes"] as? [String: Any])
        #expect(changes["as_of"] as? String == "2020-07-31")
        let counts = try #require(changes["counts"] as? [String: Int])
        #expect(counts == ["new": 61, "escalated": 0, "updated": 4, "de-escalated": 0, "resolved": 0, "unchanged": 2])
        let causes = try #require(changes["causes"] as? [[String: Any]])
        let coup = try #require(causes.first { ($0["fact"] as? String)?.hasPrefix("Military coup removes President") == true })
        #expect(coup["kind"] as? String == "event" && coup["date"] as? String == "2020-08-18" && coup["record"] as? String == "DRF-2020-ML-0001")
        let coupID = try #require(coup["id"] as? String)
        let findings = JSONReportTables.findingsAsSchema3(json)
        let bamako = try #require(
            findings.first {
                $0["rule"] as? String == "political-instability" && ($0["message"] as? String)?.hasPrefix("Bamako sales and logistics office") == true
            })
        #expect(bamako["change"] as? String == "new")
        #expect((bamako["caused_by"] as? [String])?.contains(coupID) == true)
        #expect(findings.filter { $0["change"] != nil }.count == 65)

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.sarif"))) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let runChanges = try #require((run["properties"] as? [String: Any])?["changes"] as? [String: Any])
        #expect((runChanges["causes"] as? [[String: Any]])?.count == causes.count)
        let results = try #require(run["results"] as? [[String: Any]])
        let updated = results.filter { ($0["properties"] as? [String: Any])?["change"] as? String == "updated" }
        #expect(updated.count == 4)
        #expect(updated.allSatisfy { ($0["ruleId"] as? String) == "conflict-proximity" })
    }

    @Test func withoutAComparisonNoChangeMemberIsWritten() throws {
        let report = try String(contentsOf: Executable.root.appendingPathComponent("reports/report.json"), encoding: .utf8)
        #expect(!report.contains("\"changes\"") && !report.contains("\"caused_by\""))
    }

    @Test func aShardedRunCannotCompare() throws {
        let result = try Executable.run(Self.run + ["--compare-as-of", "2020-07-31", "--shard", "1/2", "--format", "json"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--shard cannot be combined with --compare-as-of or --compare-db"))
    }

    @Test func textSummaryMarksEachChangedFinding() throws {
        let result = try Executable.run(Self.run + ["--compare-as-of", "2020-07-31", "--format", "text"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("since 2020-07-31: 61 new, 0 escalated, 4 updated, 0 de-escalated, 0 resolved; 2 unchanged"))
        #expect(result.stdout.contains("policies/mz-cabo-delgado-lng-logistics.yaml:24:5: critical (updated): [conflict-proximity]"))
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let first = try Executable.run(Self.run + ["--compare-as-of", "2020-08-15", "--format", "markdown"])
        let second = try Executable.run(Self.run + ["--compare-as-of", "2020-08-15", "--format", "markdown"])
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
    }

    @Test(arguments: ["2020-09-30", "2020-10-01"])
    func aComparisonDayNotBeforeTheAsOfDateIsAUsageError(day: String) throws {
        let result = try Executable.run(Self.run + ["--compare-as-of", day, "--format", "markdown"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--compare-as-of must be earlier than the as-of date (2020-09-30)"))
        #expect(result.stdout.isEmpty)
    }

    /// An older database without the capture of Mocímboa da Praia: against it, the Cabo Delgado
    /// findings rest on an event the current database added.
    @Test func anOlderDatabaseNamesWhatTheNewOneAdded() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old-seeds")
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("seeds"), to: old)
        let factor = old.appendingPathComponent("factors/mz-cabo-delgado-insurgency.yaml")
        var lines = try String(contentsOf: factor, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("Insurgents capture the strategic port town") }) - 1
        #expect(lines[start].contains("date: 2020-08-12"))
        // The event's block: its `- date:` line and the indented fields under it.
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix("    ") } ?? lines.endIndex
        lines.removeSubrange(start..<end)
        try lines.joined(separator: "\n").write(to: factor, atomically: true, encoding: .utf8)

        let result = try Executable.run(Self.run + ["--compare-db", old.path, "--format", "markdown"])
        #expect(result.status == 1, "\(result.stderr)")
        let report = result.stdout
        #expect(report.contains("## Changes since the database \(old.path)"))
        let added = try #require(Self.label(of: "added to the database: Insurgents capture the strategic port town", in: report))
        let changed = Self.rows("Updated (same severity, new facts)", in: report) + Self.rows("Escalated", in: report)
        #expect(changed.contains { $0.contains("Afungi laydown yard") && $0.contains(added) })
        #expect(!report.contains("| new |"))
    }

    @Test func aMissingComparisonDatabaseIsInvalidInput() throws {
        let result = try Executable.run(Self.run + ["--compare-db", "no-such-db", "--format", "markdown"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-db"))
        #expect(result.stdout.isEmpty)
    }
}
