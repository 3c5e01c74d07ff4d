import Foundation
import Testing

/// `check --shard K/N` and `report merge`: the shards' JSON reports joined are byte for byte
/// what one run over every file writes, in every format a merge writes; shards that do not
/// belong together are located errors (exit 2).
@Suite(.serialized) struct ShardMergeTests {
    static let asOf = ["--as-of", "2020-09-30"]

    /// Checks `policies/` in `count` shards; the shard reports' paths.
    static func shards(_ count: Int, in folder: URL, asOf: String = "2020-09-30", version: Int = 4) throws -> [String] {
        try (1...count).map { index in
            let file = folder.appendingPathComponent("shard-\(index)-of-\(count).json")
            let run = try Executable.run(
                [
                    "check", "policies", "--as-of", asOf, "--shard", "\(index)/\(count)", "--format", "json", "--json-schema-version", "\(version)", "--output",
                    file.path,
                ])
            #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
            return file.path
        }
    }

    /// Schema 4 (the default) and schema 3 shards each merge into their own version's bytes.
    @Test(arguments: [(1, 4), (2, 4), (5, 4), (2, 3), (5, 3)])
    func mergedShardsAreTheBytesOfOneRun(count: Int, version: Int) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole")
        let single = try Executable.run(
            ["check", "policies"] + Self.asOf + ["--format", "json,sarif", "--json-schema-version", "\(version)", "--output", whole.path])
        #expect(single.status == 1)
        let reports = try Self.shards(count, in: folder, version: version)
        // Every file is in exactly one shard.
        var positions: [Int] = []
        for report in reports {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
            let shard = try #require(document["shard"] as? [String: Any])
            positions += shard["positions"] as? [Int] ?? []
            #expect((document["policies"] as? [Any])?.count == (shard["positions"] as? [Int])?.count)
        }
        #expect(positions.sorted() == Array(0..<9))
        let merged = folder.appendingPathComponent("merged")
        // In any order.
        let run = try Executable.run(["report", "merge"] + reports.reversed() + ["--format", "json,sarif", "--output", merged.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("gate: FAILED (27 failing)"))
        for name in ["report.json", "report.sarif"] {
            let expected = try Data(contentsOf: whole.appendingPathComponent(name))
            #expect(try Data(contentsOf: merged.appendingPathComponent(name)) == expected, "\(name) of \(count) shards differs from one run's")
        }
    }

    /// With a baseline: new and unchanged are summed, a resolved finding is one no shard has.
    @Test func withABaselineTheMergeCountsNewUnchangedAndResolvedAsOneRun() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        _ = try Executable.run(["check", "policies", "--as-of", "2021-06-30", "--format", "json", "--output", baseline])
        let options = Self.asOf + ["--baseline", baseline]
        let whole = folder.appendingPathComponent("whole")
        let single = try Executable.run(["check", "policies"] + options + ["--format", "json,sarif", "--output", whole.path])
        let reports = try (1...2).map { index in
            let file = folder.appendingPathComponent("shard-\(index).json").path
            _ = try Executable.run(["check", "policies"] + options + ["--shard", "\(index)/2", "--format", "json", "--output", file])
            return file
        }
        let merged = folder.appendingPathComponent("merged")
        let run = try Executable.run(["report", "merge"] + reports + ["--format", "json,sarif", "--output", merged.path])
        // The merged gate is the single run's: only new findings can fail it.
        #expect(run.status == single.status, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("report.json"))) as? [String: Any])
        let summary = try #require((document["summary"] as? [String: Any])?["baseline"] as? [String: Any])
        #expect(summary["new"] as? Int == 3 && summary["unchanged"] as? Int == 64 && (summary["resolved"] as? [Any])?.count == 26)
        for name in ["report.json", "report.sarif"] {
            #expect(try Data(contentsOf: merged.appendingPathComponent(name)) == Data(contentsOf: whole.appendingPathComponent(name)), "\(name)")
        }
    }

    /// The same file lands in the same shard whatever folder it is checked from.
    @Test func aFileStaysInItsShardWhateverTheRootIsCalled() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("portfolio")
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("policies"), to: copy)
        for index in 1...3 {
            let here = try Executable.run(["check", "policies"] + Self.asOf + ["--shard", "\(index)/3", "--format", "json"])
            let there = try Executable.run(["check", copy.path + "/"] + Self.asOf + ["--shard", "\(index)/3", "--format", "json"])
            func names(_ text: String) throws -> [String] {
                let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                return (document["policies"] as? [[String: Any]] ?? []).compactMap { ($0["file"] as? String)?.split(separator: "/").last.map(String.init) }
            }
            #expect(try names(here.stdout) == names(there.stdout))
        }
    }

    /// `--format` is parsed as `check` parses it; a format that needs the policies, or none at
    /// all, is a wrong command line (64), said before any report is read.
    @Test(arguments: [
        ("md", "'markdown' needs the policies"), ("json,html", "'html' needs the policies"), ("bogus", "unknown format 'bogus'"),
        (",", "--format needs at least one format"),
    ])
    func mergeFormatsAreCheckedBeforeReading(format: String, says: String) throws {
        let run = try Executable.run(["report", "merge", "no-such-shard.json", "--format", format])
        #expect(run.status == 64)
        #expect(run.stderr.contains(says), "\(run.stderr)")
    }

    @Test func shardsOfAnotherRunMissingOrTwiceAreLocatedErrors() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = try Self.shards(2, in: folder)
        let later = try Self.shards(2, in: folder.appendingPathComponent("later"), asOf: "2020-10-30")
        let mixed = try Executable.run(["report", "merge", reports[0], later[1]])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("\(later[1]):2:1: error: the as-of date differs from \(reports[0])'s"), "\(mixed.stderr)")
        #expect(mixed.stderr.contains("error: the risk database (digest, sources or age) differs"))
        let missing = try Executable.run(["report", "merge", reports[1]])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(reports[1]):1:1: error: shard 1/2 missing"), "\(missing.stderr)")
        let twice = try Executable.run(["report", "merge", reports[0], reports[0], reports[1]])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("error: shard 1/2 is given twice"), "\(twice.stderr)")
        let other = try Self.shards(3, in: folder.appendingPathComponent("three"))
        let counts = try Executable.run(["report", "merge", reports[0], other[1]])
        #expect(counts.status == 2 && counts.stderr.contains("error: the number of shards differs"), "\(counts.stderr)")
        let whole = try Executable.run(["report", "merge", Executable.root.appendingPathComponent("reports/report.json").path])
        #expect(whole.status == 2 && whole.stderr.contains("not a shard report"), "\(whole.stderr)")
        let version1 = folder.appendingPathComponent("v1.json")
        _ = try Executable.run(
            ["check", "policies"] + Self.asOf + ["--shard", "1/1", "--json-schema-version", "1", "--format", "json", "--output", version1.path])
        let old = try Executable.run(["report", "merge", version1.path])
        #expect(old.status == 2 && old.stderr.contains("must be of schema_version 4, the default, or 3 (this one: 1)"), "\(old.stderr)")
        let version3 = try Self.shards(2, in: folder.appendingPathComponent("three-of-schema-3"), version: 3)
        let versions = try Executable.run(["report", "merge", reports[0], version3[1]])
        #expect(versions.status == 2, "\(versions.stderr)")
        #expect(versions.stderr.contains("\(version3[1]):"), "\(versions.stderr)")
        #expect(versions.stderr.contains("error: schema_version 3 differs from \(reports[0])'s 4: not a shard of the same run"), "\(versions.stderr)")
        // Nothing was written by a refused merge.
        #expect(!FileManager.default.fileExists(atPath: Executable.root.appendingPathComponent("report.json").path))
    }

    @Test func aShardWithAnUnreadableGateThresholdIsRefusedNotMergedAsGateOff() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = try Self.shards(1, in: folder)
        let text = try String(contentsOfFile: reports[0], encoding: .utf8)
        #expect(text.contains("\"fail_on\":\"high\""))
        try text.replacingOccurrences(of: "\"fail_on\":\"high\"", with: "\"fail_on\":\"severe\"")
            .write(toFile: reports[0], atomically: true, encoding: .utf8)
        let run = try Executable.run(["report", "merge", reports[0], "--output", folder.appendingPathComponent("out").path])
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stderr.contains("error: unknown gate threshold \"severe\""), "\(run.stderr)")
    }

    @Test(arguments: [["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "1/0"], ["--shard", "two"]])
    func aShardOutsideItsCountIsAWrongCommandLine(_ arguments: [String]) throws {
        let run = try Executable.run(["check", "policies"] + Self.asOf + arguments)
        #expect(run.status == 64, "\(run.stderr)")
    }

    @Test func mergeWritesOnlyFormatsMadeFromTheJSONReport() throws {
        let run = try Executable.run(["report", "merge", "a.json", "--format", "markdown"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("report merge writes json and sarif"))
    }
}
