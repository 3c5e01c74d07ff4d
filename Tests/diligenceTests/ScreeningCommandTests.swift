import Foundation
import Testing

/// `diligence screen` and `diligence db import`, end to end.
@Suite struct ScreeningCommandTests {
    static let sdn = """
        9760,"LUKASHENKA, Alyaksandr Ryhorovich","individual","BELARUS",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"nationality Belarus."\r
        22543,"PRIVATE MILITARY COMPANY 'WAGNER'",-0- ,"TCO] [CAR",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r
        7001,"OMAN FUEL TRADING LTD",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r

        """
    static let alt = """
        9760,56149,"aka","LUKASHENKO, Alexander Grigoryevich",-0- \r
        22543,62960,"aka","WAGNER GROUP",-0- \r
        424242,1,"aka","LATER",-0- \r

        """

    /// Imports the small OFAC fixture into a folder and returns the list file.
    static func importedList() throws -> (folder: URL, list: URL) {
        let folder = try Executable.temporaryFolder()
        try sdn.write(to: folder.appendingPathComponent("sdn.csv"), atomically: true, encoding: .utf8)
        try alt.write(to: folder.appendingPathComponent("alt.csv"), atomically: true, encoding: .utf8)
        let list = folder.appendingPathComponent("ofac.yaml")
        let run = try Executable.run([
            "db", "import", "--from", "ofac-sdn", folder.appendingPathComponent("sdn.csv").path,
            folder.appendingPathComponent("alt.csv").path, "--output", list.path, "--snapshot-date", "2024-05-03",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, list)
    }

    @Test func importWritesAListFileAndCountsSkippedAliases() throws {
        let (folder, list) = try Self.importedList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: list, encoding: .utf8)
        #expect(text.contains("id: \"US-OFAC-SDN-9760\""))
        #expect(text.contains("- \"LUKASHENKO, Alexander Grigoryevich\""))
        #expect(text.contains("programme: \"[TCO] [CAR]\""))
        #expect(text.contains("date: 2024-05-03"))
        let rerun = try Executable.run([
            "db", "import", "--from", "ofac-sdn", folder.appendingPathComponent("sdn.csv").path,
            folder.appendingPathComponent("alt.csv").path, "--output", list.path,
        ])
        #expect(rerun.stderr.contains("1 alias rows refer to 1 entries not in sdn.csv"))
        #expect(rerun.stderr.contains("3 entries (1 persons, 2 organisations, 0 vessels, 0 aircraft), 2 aliases, 1 alias rows skipped (unknown ent_num)"))
    }

    @Test func screenReadsTheImportedListAndExplainsEveryMatch() throws {
        let (folder, list) = try Self.importedList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("names.txt")
        try "Aliaksandr Lukashenka\r\nMinsk Fuel Trading LLC\n\nЛУКАШЕНКО Александр Григорьевич\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try Executable.run(["screen", "--list", list.path, "--input", input.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(json.map { $0["query"] as? String } == ["Aliaksandr Lukashenka", "Minsk Fuel Trading LLC", "ЛУКАШЕНКО Александр Григорьевич"])
        let first = try #require((json[0]["matches"] as? [[String: Any]])?.first)
        #expect(first["entity"] as? String == "US-OFAC-SDN-9760")
        #expect((first["score"] as? Double ?? 0) >= 0.85)
        #expect((first["why"] as? String)?.contains("lukashenka = lukashenka") == true)
        #expect((json[1]["matches"] as? [Any])?.isEmpty == true)
        #expect((((json[2]["matches"] as? [[String: Any]])?.first?["score"] as? Double) ?? 0) >= 0.95)
        // A lower threshold shows the hard negative, with its score and why.
        let low = try Executable.run(["screen", "Minsk Fuel Trading LLC", "--list", list.path, "--threshold", "0.3"])
        #expect(low.stdout.contains("OMAN FUEL TRADING LTD"))
        #expect(low.stdout.contains("only the name has minsk"))
    }

    @Test func theCountryIsASignalNotAFilter() throws {
        let (folder, list) = try Self.importedList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let same = try Executable.run(["screen", "Alexander Lukashenko", "--list", list.path, "--country", "BY", "--format", "json"])
        let other = try Executable.run(["screen", "Alexander Lukashenko", "--list", list.path, "--country", "Norway", "--format", "json"])
        func score(_ run: Executable.Run) -> Double? {
            let json = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
            return (json?.first?["matches"] as? [[String: Any]])?.first?["score"] as? Double
        }
        let sameScore = try #require(score(same)), otherScore = try #require(score(other))
        #expect(sameScore > otherScore)
        #expect(try Executable.run(["screen", "x", "--list", list.path, "--country", "Atlantis"]).status == 64)
    }

    @Test(arguments: [
        ("9760,\"LUKASHENKA\"\n", ":1:6: error: expected 12 columns"),
        ("", ":1:1: error: empty file: no SDN entries"),
        ("9760,\"A\",\u{0}", ":1:10: error: bad encoding: NUL byte"),
    ])
    func badListFilesExitTwoWithALocatedError(content: String, message: String) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sdn = folder.appendingPathComponent("sdn.csv")
        try content.write(to: sdn, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.yaml")
        let run = try Executable.run(["db", "import", "--from", "ofac-sdn", sdn.path, "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(sdn.path + message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBadListFileForScreeningExitsTwo() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.yaml")
        try "entities:\n  - id: X-1\n    name: A\n    kind: robot\n".write(to: list, atomically: true, encoding: .utf8)
        let run = try Executable.run(["screen", "A", "--list", list.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(list.path):4:11: error:"), "\(run.stderr)")
    }

    /// `--list FILE NAME` reads NAME as a list file: the error says so and how to give names.
    @Test func aNameAfterTheListIsExplained() throws {
        let run = try Executable.run(["screen", "--list", "seeds/lists/ofac-sdn-excerpt.yaml", "Wagner Group"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Wagner Group:1:1: error: no such file"), "\(run.stderr)")
        #expect(run.stderr.contains("note: the words after --list are read as list files; give the names first"), "\(run.stderr)")
        let first = try Executable.run(["screen", "Wagner Group", "--list", "seeds/lists/ofac-sdn-excerpt.yaml"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("WAGNER"), "\(first.stdout)")
    }

    @Test func importArgumentsAreChecked() throws {
        #expect(try Executable.run(["db", "import", "--from", "acme", "x", "--output", "y"]).status == 64)
        #expect(try Executable.run(["db", "import", "--from", "opensanctions", "a", "b", "--output", "y"]).status == 64)
        #expect(try Executable.run(["db", "import", "--from", "ofac-sdn", "a.csv"]).status == 64)
    }
}
