import Foundation
import Testing

/// `diligence-bench`, the benchmark's development tool, end to end: what it prints agrees with
/// `diligence screen`, which no longer takes the benchmark's options.
@Suite struct BenchCommandTests {
    /// Runs the built `diligence-bench` (beside `diligence`).
    static func bench(_ arguments: [String]) throws -> Executable.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path).deletingLastPathComponent().appendingPathComponent("diligence-bench")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Executable.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func screenWritesWhatTheUsersCommandWritesAndTimesItsPhases() throws {
        let (folder, list) = try ScreeningCommandTests.importedList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("names.txt")
        try "Aliaksandr Lukashenka\nMinsk Fuel Trading LLC\nWagner Group\n".write(to: input, atomically: true, encoding: .utf8)
        let user = try Executable.run(["screen", "--list", list.path, "--input", input.path, "--format", "json"])
        let timed = try Self.bench(["screen", "--list", list.path, "--input", input.path, "--json"])
        #expect(user.status == 0 && timed.status == 0, "\(timed.stderr)")
        #expect(timed.stdout == user.stdout)
        #expect(timed.stderr.hasPrefix("load "))
        #expect(timed.stderr.contains("(3 names, "))
    }

    @Test func pairsScoresEachQueryAgainstTheNamedEntity() throws {
        let (folder, list) = try ScreeningCommandTests.importedList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.tsv")
        try "Aliaksandr Lukashenka\tUS-OFAC-SDN-9760\nAliaksandr Lukashenka\tUS-OFAC-SDN-7001\n".write(to: pairs, atomically: true, encoding: .utf8)
        let run = try Self.bench(["pairs", "--list", list.path, "--input", pairs.path])
        #expect(run.status == 0, "\(run.stderr)")
        let scores = run.stdout.split(separator: "\n").compactMap { Double($0) }
        #expect(scores.count == 2)
        #expect(scores[0] >= 0.85)
        #expect(scores[1] < 0.3, "a fuel trader is no match for a person's name")
        // A tuned parameter that does not exist is a wrong command line, not a silent default.
        let wrong = try Self.bench(["pairs", "--list", list.path, "--input", pairs.path, "--tune", "noSuchParameter=1"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--tune takes NAME=NUMBER"))
    }

    @Test func normalizeGivesEachNamesLatinFormAndKeys() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("names.txt")
        try "ЛУКАШЕНКО Александр\n\n  Olaf Scholz  \n".write(to: input, atomically: true, encoding: .utf8)
        let run = try Self.bench(["normalize", "--input", input.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2, "blank lines are skipped")
        let latin = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
        #expect(latin[0].hasPrefix("lukashenk"))
        #expect(latin[0].unicodeScalars.allSatisfy { $0.isASCII })
        #expect(latin[1] == "olaf scholz")
        #expect(lines.allSatisfy { $0.contains("\t") })
    }

    @Test(arguments: [["--pairs", "x.tsv"], ["--normalize"], ["--timings"], ["--tune", "a=1"]])
    func theUsersScreenHasNoBenchmarkOptions(_ option: [String]) throws {
        let run = try Executable.run(["screen", "Alexander Lukashenko"] + option)
        #expect(run.status == 64, "\(option) is a wrong command line: \(run.stderr)")
        let help = try Executable.run(["screen", "--help"])
        #expect(!help.stdout.contains(option[0]))
    }
}
