import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// End to end: the built executable on real files, checking exit codes, messages and files.
@Suite(.serialized) struct CheckCommandTests {
    static let asOf = ["--as-of", "2020-09-30"]

    @Test func shippedPoliciesFailTheGateAndWriteEveryFormat() throws {
        let out = try Executable.temporaryFolder()
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "markdown,json,text,github,sarif,junit", "--output", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("gate: FAILED"))
        for name in ["report.md", "report.json", "report.txt", "report.github.txt", "report.sarif", "report.junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("**2020-09-30**"))
        #expect(markdown.contains("MS Risk Blog"))
        #expect(markdown.contains("## Annex: sources cited"))
    }

    /// `reports/` holds what `diligence check policies` writes as of 2020-09-30; regenerate with
    /// `scripts/update-reports.sh` when policies, seeds or reporters change.
    /// `--output` naming a device or a pipe writes into it: renaming a temporary file over it
    /// would replace `/dev/null` itself when run as root. A FIFO stands in for the device.
    @Test func outputToAPipeWritesIntoItAndLeavesThePipe() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("report.pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$1\" > \"$2\"", "sh", fifo, folder.appendingPathComponent("received.json").path]
        try reader.run()
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--output", fifo])
        reader.waitUntilExit()
        #expect(run.status == 1, "\(run.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced by a regular file")
        let received = try String(contentsOf: folder.appendingPathComponent("received.json"), encoding: .utf8)
        #expect(received.hasPrefix("{") && received.contains("\n\"schema_version\":4,\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["received.json", "report.pipe"])
    }

    @Test func committedReportsAreUpToDate() throws {
        let out = try Executable.temporaryFolder()
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "markdown,json,text,github,sarif,junit,html", "--output", out.path])
        let committed = Executable.root.appendingPathComponent("reports")
        for name in ["report.md", "report.json", "report.txt", "report.github.txt", "report.sarif", "report.junit.xml", "report.html"] {
            let expected = try Data(contentsOf: committed.appendingPathComponent(name))
            let actual = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(expected == actual, "reports/\(name) is out of date: run scripts/update-reports.sh")
        }
    }

    /// `--json-schema-version 1` (deprecated) writes byte for byte what the tool wrote before
    /// schema 2: the committed report of that time is the fixture (its only later changes: distances
    /// under 10 km with one decimal, "1.3 km", as every format writes them since the km formatter
    /// became one; a not-assessed finding's advice about what is missing in its case only; the
    /// red-team review's four human-rights findings and a flow's advice without the pieces meant
    /// for counterparties and sites; the database digest whenever `seeds/` changes, as when its
    /// events gained `quotes:`).
    @Test func jsonSchemaVersion1KeepsItsBytes() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("v1.json")
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--json-schema-version", "1", "--output", file.path])
        #expect(run.status == 1, "\(run.stderr)")
        let expected = try Data(contentsOf: Executable.fixtures.appendingPathComponent("report-schema-1.json"))
        #expect(try Data(contentsOf: file) == expected)
        let wrong = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--json-schema-version", "5"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--json-schema-version must be 4, 3, 2 or 1"), "\(wrong.stderr)")
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        for format in ["markdown", "json", "text", "github", "sarif", "junit", "html"] {
            let first = try Executable.run(["check", "policies"] + Self.asOf + ["--format", format])
            let second = try Executable.run(["check", "policies"] + Self.asOf + ["--format", format])
            #expect(first.stdout == second.stdout, "\(format) differs between runs")
            #expect(!first.stdout.isEmpty)
        }
    }

    /// `--timings` names the allocator the executable runs on: mimalloc exactly when the
    /// executable was linked with it (its dynamic section names `libmimalloc.so`), and the report
    /// is the committed one either way.
    @Test func timingsNameTheAllocatorTheExecutableLinks() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report.json")
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--output", report.path, "--timings"])
        #expect(run.status == 1)
        let line = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("allocator: ") }, "stderr: \(run.stderr)")
        let executable = try Data(contentsOf: URL(fileURLWithPath: Executable.path), options: .alwaysMapped)
        if executable.range(of: Data("libmimalloc.so".utf8)) != nil {
            #expect(line.wholeMatch(of: /allocator: mimalloc [0-9]+\.[0-9]\.[0-9]/) != nil, "\(line)")
        } else {
            #expect(line == "allocator: the C library's malloc")
        }
        let committed = try Data(contentsOf: Executable.root.appendingPathComponent("reports/report.json"))
        #expect(try Data(contentsOf: report) == committed)
    }

    @Test func norwayWrittenNOIsCleanAndExitsZero() throws {
        let run = try Executable.run(["check", Executable.fixtures.appendingPathComponent("norway-clean.yaml").path] + Self.asOf + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        #expect((json["summary"] as? [String: Any])?["gate"] as? String == "pass")
    }

    @Test(arguments: [
        ("high", Int32(1)), ("critical", Int32(1)), ("none", Int32(0)),
    ])
    func failOnDecidesTheExitCode(level: String, status: Int32) throws {
        // The LNG contractor has critical findings; nothing fails with --fail-on none.
        let run = try Executable.run(["check", "policies/mz-cabo-delgado-lng-logistics.yaml"] + Self.asOf + ["--format", "text", "--fail-on", level])
        #expect(run.status == status)
    }

    @Test func mediumOnlyPolicyPassesAtHighAndFailsAtMedium() throws {
        let file = Executable.fixtures.appendingPathComponent("bamako-travel.yaml").path
        #expect(try Executable.run(["check", file] + Self.asOf + ["--format", "text"]).status == 0)
        #expect(try Executable.run(["check", file] + Self.asOf + ["--format", "text", "--fail-on", "medium"]).status == 1)
    }

    @Test func reportMinHidesLowerFindingsButNotTheGate() throws {
        let run = try Executable.run(["check", "policies/ml-bamako-trading-house.yaml"] + Self.asOf + ["--format", "json", "--report-min", "high"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let severities = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
        #expect(!severities.isEmpty)
        #expect(severities.allSatisfy { $0 == "high" || $0 == "critical" })
    }

    @Test func invalidPolicyExitsTwoWithEveryLocatedProblem() throws {
        let file = Executable.fixtures.appendingPathComponent("invalid-several-problems.yaml").path
        let run = try Executable.run(["check", file] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(file):6:5: error: unknown key `nmae` in a site; did you mean `name`?"))
        #expect(run.stderr.contains("\(file):7:14: error: unknown country `Mozambik`"))
        #expect(run.stderr.contains("did you mean Mozambique (MZ)?"))
        #expect(run.stderr.contains("\(file):10:12: error: `sites[].location.lat` must be between -90 and 90, found 95.5"))
        #expect(run.stderr.contains("\(file):13:9: error: duplicate id `camp`"))
        #expect(run.stderr.contains("4 problems in 1 file"))
        #expect(run.stdout.isEmpty)
    }

    @Test func failingRunLeavesAnEarlierReportUntouched() throws {
        let out = try Executable.temporaryFolder()
        let report = out.appendingPathComponent("report.md")
        let first = try Executable.run(["check", "policies/control-norway-aquaculture.yaml"] + Self.asOf + ["--format", "markdown", "--output", report.path])
        #expect(first.status == 0)
        let before = try Data(contentsOf: report)
        let bad = Executable.fixtures.appendingPathComponent("invalid-several-problems.yaml").path
        let second = try Executable.run(["check", bad] + Self.asOf + ["--format", "markdown", "--output", report.path])
        #expect(second.status == 2)
        #expect(try Data(contentsOf: report) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [
        ["check", "--format", "docx"],
        ["check", "--as-of", "2020-13-01"],
        ["check", "--fail-on", "severe"],
        ["check", "--format", "markdown,json"],
        ["no-such-command"],
    ])
    func wrongCommandLineExits64(arguments: [String]) throws {
        let run = try Executable.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
    }

    @Test func missingPathExitsTwo() throws {
        let run = try Executable.run(["check", "no/such/policy.yaml"] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/policy.yaml:1:1: error: no such file or folder"))
    }

    @Test func missingDatabaseExitsTwo() throws {
        let run = try Executable.run(["check", "policies", "--db", "no-such-db"] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-db:1:1: error: risk database folder not found"))
    }
}

/// `--baseline` and `--max-acceptance-days` through the executable.
@Suite struct GateCommandTests {
    @Test func aBaselineOfTheSameRunPassesTheGate() throws {
        let out = try Executable.temporaryFolder()
        let first = try Executable.run([
            "check", "policies", "--as-of", "2020-09-30", "--format", "json", "--output", out.appendingPathComponent("base.json").path,
        ])
        #expect(first.status == 1)
        let second = try Executable.run([
            "check", "policies", "--as-of", "2020-09-30", "--format", "text", "--baseline", out.appendingPathComponent("base.json").path,
        ])
        #expect(second.status == 0, "\(second.stdout)")
        #expect(second.stdout.contains("0 new, 0 resolved"))
        let missing = try Executable.run(["check", "policies", "--as-of", "2020-09-30", "--baseline", "no-such.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such.json:1:1: error: cannot read the baseline report"))
    }

    @Test func anAcceptanceBeyondTheHorizonIsInvalidInput() throws {
        let run = try Executable.run(["check", "policies/by-minsk-software-centre.yaml", "--as-of", "2020-01-01", "--format", "text"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(
                "policies/by-minsk-software-centre.yaml:67:14: error: the acceptance of `shutdown-exposure/hrodna-qa-office` expires on 2021-03-31"))
        let longer = try Executable.run([
            "check", "policies/by-minsk-software-centre.yaml", "--as-of", "2020-01-01", "--format", "text", "--max-acceptance-days", "500",
        ])
        #expect(longer.status != 2)
    }
}
