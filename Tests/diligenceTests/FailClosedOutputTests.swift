import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Outputs that fail closed (docs/hardening.md, "Faults"): a report set switched in whole, no
/// link followed, no input overwritten, every failed write an exit 2 with a message.
@Suite(.serialized) struct FailClosedOutputTests {
    static let seeds = Executable.root.appendingPathComponent("seeds").path
    static let policy = Executable.root.appendingPathComponent("policies/by-minsk-software-centre.yaml").path
    static let formats = "markdown,json,text,github,sarif,junit"
    static let names = ["report.md", "report.json", "report.txt", "report.github.txt", "report.sarif", "report.junit.xml"]

    /// SIGKILL at moments spread over a whole run writing six formats: the folder holds the old
    /// set or the new set, never a mix; the next run removes what the killed ones left beside it.
    @Test func aKilledRunLeavesTheWholeOldSetOrTheWholeNewOne() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let portfolio = folder.appendingPathComponent("portfolio")
        for copy in 0..<6 {
            try FileManager.default.copyItem(
                at: Executable.root.appendingPathComponent("policies"),
                to: portfolio.appendingPathComponent("copy-\(copy)"))
        }
        let out = folder.appendingPathComponent("out")
        func arguments(_ asOf: String) -> [String] {
            ["check", portfolio.path, "--db", Self.seeds, "--as-of", asOf, "--format", Self.formats, "--output", out.path]
        }
        func snapshot() throws -> [Data] { try Self.names.map { try Data(contentsOf: out.appendingPathComponent($0)) } }
        #expect(try Executable.run(arguments("2020-10-15")).status == 1)
        let new = try snapshot()
        let started = ContinuousClock.now
        #expect(try Executable.run(arguments("2020-09-30")).status == 1)
        let duration = ContinuousClock.now - started
        let old = try snapshot()
        #expect(old != new)

        var outcomes: [String] = []
        for step in 0..<12 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Executable.path)
            process.arguments = arguments("2020-10-15")
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: (0.5 + Double(step) * 0.06) * duration.seconds)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let set = try snapshot()
            #expect(set == old || set == new, "step \(step): a mixed set")
            outcomes.append(set == old ? "old" : "new")
            if set == new {
                // Put the old set back through a complete run.
                #expect(try Executable.run(arguments("2020-09-30")).status == 1)
            }
        }
        print("SIGKILL outcomes: \(outcomes)")
        #expect(outcomes.contains("old"), "no kill landed before the switch: \(outcomes)")
        // A later run removes the temporaries of the killed ones (they name dead processes).
        #expect(try Executable.run(arguments("2020-09-30")).status == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["out", "portfolio"], "left beside the reports: \(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.names.sorted())
    }

    /// Files of the folder that are not reports are kept; a folder holding a sub-folder is
    /// refused (it is not a report folder, and the set is switched as a whole folder).
    @Test func aReportFolderKeepsOtherFilesAndRefusesSubfolders() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: out.appendingPathComponent("README.txt"))
        let run = try Executable.run(["check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "json,markdown", "--output", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["README.txt", "report.json", "report.md"])
        #expect(try String(contentsOf: out.appendingPathComponent("README.txt"), encoding: .utf8) == "kept")

        // The current folder is never switched away under the shell that stands in it.
        let here = try Executable.run(
            ["check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "json,markdown", "--output", "."], in: out)
        #expect(here.status == 2)
        #expect(here.stderr.contains("the current folder (or one above it)"), "\(here.stderr)")

        try FileManager.default.createDirectory(at: out.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let refused = try Executable.run(["check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "json,markdown", "--output", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the folder holds `sub`, which is not a file"), "\(refused.stderr)")
    }

    /// A link planted under the report's name in a folder others can write to is replaced, not
    /// followed: the file it points at is untouched.
    @Test func aPlantedLinkIsReplacedNotFollowed() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        chmod(shared.path, 0o1777)
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        #expect(symlink(victim.path, shared.appendingPathComponent("report.md").path) == 0)
        let run = try Executable.run([
            "check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "markdown",
            "--output", shared.appendingPathComponent("report.md").path,
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        var status = stat()
        #expect(lstat(shared.appendingPathComponent("report.md").path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
    }

    /// An output that is an input (a policy, a database file, the baseline) is refused before
    /// anything is written; `-` is standard output, not a file named `-`.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = folder.appendingPathComponent("p.yaml")
        try FileManager.default.copyItem(atPath: Self.policy, toPath: policy.path)
        let before = try Data(contentsOf: policy)
        let run = try Executable.run(["check", policy.path, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "markdown", "--output", policy.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(policy.path): error: --output would overwrite an input of this run"), "\(run.stderr)")
        #expect(try Data(contentsOf: policy) == before)
        // The same file under another name (a link) is the same input.
        #expect(symlink(policy.path, folder.appendingPathComponent("alias.md").path) == 0)
        let linked = try Executable.run([
            "check", policy.path, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "markdown",
            "--output", folder.appendingPathComponent("alias.md").path,
        ])
        #expect(linked.status == 2)
        #expect(try Data(contentsOf: policy) == before)

        let standard = try Executable.run(["check", policy.path, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "json", "--output", "-"], in: folder)
        #expect(standard.status == 1)
        #expect(standard.stdout.hasPrefix("{"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    }

    /// Writing over an existing report keeps its permissions (a 0600 report stays private),
    /// for one file and for a set.
    @Test func anExistingReportKeepsItsMode() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.md")
        try Data("old".utf8).write(to: report)
        chmod(report.path, 0o600)
        _ = try Executable.run(["check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "markdown", "--output", report.path])
        #expect(Self.mode(report.path) == 0o600)
        #expect(try Data(contentsOf: report).count > 1_000)

        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        chmod(out.path, 0o750)
        try Data("old".utf8).write(to: out.appendingPathComponent("report.json"))
        chmod(out.appendingPathComponent("report.json").path, 0o600)
        _ = try Executable.run(["check", Self.policy, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", "json,markdown", "--output", out.path])
        #expect(Self.mode(out.appendingPathComponent("report.json").path) == 0o600)
        #expect(Self.mode(out.path) == 0o750)
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    // MARK: Standard streams

    /// A write that fails (a full device, a closed standard output) is exit 2 with a message.
    @Test(arguments: [
        ["validate", "policies/by-minsk-software-centre.yaml"],
        ["screen", "Aliaksandr Lukashenka"],
        ["check", "policies/by-minsk-software-centre.yaml", "--as-of", "2020-09-30", "--format", "markdown"],
        ["explain", "shutdown-exposure"],
    ])
    func aFailedWriteToStandardOutputIsExitTwo(_ arguments: [String]) throws {
        let full = try Executable.run(arguments, stdinBytes: nil, launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" >/dev/full"])
        #expect(full.status == 2, "\(arguments): \(full.stderr)")
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        let closed = try Executable.run(arguments, stdinBytes: nil, launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" >&-"])
        #expect(closed.status == 2, "\(arguments): \(closed.stderr)")
        #expect(closed.stderr.contains("standard output is closed"), "\(closed.stderr)")
    }

    /// Names on standard input are checked as UTF-8 like --input: a bad byte is located.
    @Test func screeningNonUTF8StandardInputIsALocatedError() throws {
        let run = try Executable.run(["screen"], stdinBytes: Data([0x49, 0x76, 0x61, 0x6E, 0x0A, 0x4C, 0x75, 0x6B, 0x61, 0xE9, 0x65, 0x6E, 0x6B, 0x6F, 0x0A]))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("<stdin>:2:5: error: invalid UTF-8 (byte 0xE9)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A list with no entry would answer "no match" for every name: exit 2.
    @Test func screeningAgainstAnEmptyListIsRefused() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("empty.yaml")
        try Data("entities: []\n".utf8).write(to: list)
        let run = try Executable.run(["screen", "--list", list.path, "--", "Aliaksandr Lukashenka"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("error: no listed persons or entities to screen against in \(list.path)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// Piped (as in a CI log), the report goes to standard output and the verdict to standard
    /// error, whatever the format.
    @Test func theVerdictEndsStandardErrorWhenTheReportIsPiped() throws {
        let run = try Executable.run(["check", "policies", "--as-of", "2020-09-30"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("# "))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("gate: FAILED (") == true, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("database: diligence seed database") })
        #expect(lines.contains { $0.contains(" policies checked as of 2020-09-30: ") })
    }

    /// A JSON report written to a file spills its table of policies and keeps none in memory:
    /// the verdict still counts every policy checked (it said "0 policies" before).
    @Test func theVerdictCountsThePoliciesOfAReportWrittenToAFile() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let run = try Executable.run(["check", "policies", "--as-of", "2020-09-30", "--format", "json", "--output", report.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("9 policies checked as of 2020-09-30: 3 critical, ") }, "\(run.stderr)")
    }

    // MARK: Limits

    /// One anchored 65 KB name repeated by 1,000 aliases (a valid 195 KB policy) would write a
    /// gigabyte of reports: the reader charges each alias the text it repeats.
    @Test func aliasesCannotMultiplyAPolicysText() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "version: 1\ncompany: &n \"" + String(repeating: "N", count: 65_000) + "\"\nsites:\n"
        for index in 0..<1_000 {
            text += "  - { id: s\(index), name: *n, kind: office, country: BY, city: Minsk, location: { lat: 53.9, lon: 27.5667 }, depends_on: [internet] }\n"
        }
        let policy = folder.appendingPathComponent("amplified.yaml")
        try Data(text.utf8).write(to: policy)
        let run = try Executable.run([
            "check", policy.path, "--db", Self.seeds, "--as-of", "2020-09-30", "--format", Self.formats,
            "--output", folder.appendingPathComponent("out").path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(policy.path):131:23: error: aliases expand this file's text past 8388608 bytes"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// A flat list of 1,200,000 items (no alias) names the limit it meets, not an alias bomb.
    @Test func aHugeFlatListNamesTheRealLimit() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = Array(repeating: "wire", count: 1_200_000).joined(separator: ", ")
        let policy = folder.appendingPathComponent("flow.yaml")
        try Data("version: 1\ncompany: X\ntrade:\n  - id: t\n    direction: export\n    country: ML\n    payment: [\(items)]\n".utf8).write(to: policy)
        let run = try Executable.run(["validate", policy.path, "--db", Self.seeds])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: more than 1000000 values (list items, keys and values) in one file"), "\(run.stderr)")
        #expect(!run.stderr.contains("alias"))
    }

    /// Dates that cannot be true are located errors: a review after today, an event that ends
    /// before it starts.
    @Test(arguments: [
        ("reviewed: 2020-09-21", "reviewed: 2099-01-01", "`reviewed` (2099-01-01) is after today"),
        ("until: 2020-09-14", "until: 2020-09-01", "the event's `until` (2020-09-01) is before its `date` (2020-09-13)"),
    ])
    func impossibleDatesInTheDatabaseAreErrors(_ written: String, _ replacement: String, _ message: String) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db")
        try FileManager.default.copyItem(atPath: Self.seeds, toPath: database.path)
        let original = try String(contentsOf: Executable.fixtures.appendingPathComponent("fail-closed/factor-dates.yaml"), encoding: .utf8)
        let factor = database.appendingPathComponent("factors/test-dates.yaml")
        try Data(original.replacingOccurrences(of: written, with: replacement).utf8).write(to: factor)
        let line = (original.components(separatedBy: "\n").firstIndex { $0.contains(written) } ?? -1) + 1
        let run = try Executable.run(["validate", Self.policy, "--db", database.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(factor.path):\(line):"), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
