import Foundation
import Testing

/// JSON schemas 4 and 3 by reference: `report expand` and the documented `jq` recipe give each
/// finding whole, as schema 2 writes it.
@Suite struct ReportExpandTests {
    static let asOf = ["--as-of", "2020-09-30"]

    /// `report expand` of a schema 4 or 3 report writes the bytes `check --json-schema-version 2`
    /// writes for the same run, and schemas 4 and 3 are less than three fifths of them (on 9
    /// policies, where the tables weigh most).
    @Test(arguments: [["policies"], ["policies", "--fail-on", "critical", "--report-min", "low"]], ["4", "3"])
    func expandWritesTheSchema2Bytes(_ arguments: [String], version: String) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let three = folder.appendingPathComponent("three.json").path
        let two = folder.appendingPathComponent("two.json").path
        let expanded = folder.appendingPathComponent("expanded.json").path
        _ = try Executable.run(["check"] + arguments + Self.asOf + ["--format", "json", "--json-schema-version", version, "--output", three])
        _ = try Executable.run(["check"] + arguments + Self.asOf + ["--format", "json", "--json-schema-version", "2", "--output", two])
        let run = try Executable.run(["report", "expand", three, "--output", expanded])
        #expect(run.status == 0, "\(run.stderr)")
        let expandedBytes = try Data(contentsOf: URL(fileURLWithPath: expanded))
        let schema2 = try Data(contentsOf: URL(fileURLWithPath: two))
        #expect(expandedBytes == schema2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: three)).count * 5 < schema2.count * 3)
        // To standard output as well.
        let out = try Executable.run(["report", "expand", three])
        #expect(out.status == 0 && Data(out.stdout.utf8) == schema2)
    }

    @Test func expandRefusesWhatIsNotASchema3Report() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let two = folder.appendingPathComponent("two.json")
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--json-schema-version", "2", "--output", two.path])
        let old = try Executable.run(["report", "expand", two.path])
        #expect(
            old.status == 2 && old.stderr.contains("\(two.path):1:1: error: report expand reads a report of schema_version 3 or 4 (this one: 2)"),
            "\(old.stderr)")
        // A finding citing a list the tables lack (a report cut by hand) is a located error, not a crash.
        let three = folder.appendingPathComponent("three.json")
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--json-schema-version", "3", "--output", three.path])
        let text = try String(contentsOf: three, encoding: .utf8)
        let cut = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("{\"id\":\"r-") }.joined(separator: "\n")
            .replacingOccurrences(of: "},\n],\n\"schema_version\"", with: "}\n],\n\"schema_version\"")
        let broken = folder.appendingPathComponent("broken.json")
        try Data(cut.utf8).write(to: broken)
        let run = try Executable.run(["report", "expand", broken.path])
        #expect(run.status == 2 && run.stderr.contains("error: finding 1 cites r-"), "\(run.stderr)")
        // Schema 4: a place outside its table.
        let four = folder.appendingPathComponent("four.json")
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--output", four.path])
        let text4 = try String(contentsOf: four, encoding: .utf8)
        let first = try #require(text4.range(of: "\"message\":0,"))
        let broken4 = folder.appendingPathComponent("broken4.json")
        try Data(text4.replacingCharacters(in: first, with: "\"message\":99999,").utf8).write(to: broken4)
        let run4 = try Executable.run(["report", "expand", broken4.path])
        #expect(run4.status == 2 && run4.stderr.contains("\(broken4.path):1:1: error: finding 1 cites message 99999"), "\(run4.stderr)")
    }

    static let jq = ["/usr/bin/jq", "/usr/local/bin/jq"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The recipe of docs/json-report.md ("Each finding whole") gives, for every finding, the
    /// message, path, recommendations and evidence schema 2 holds.
    @Test(.enabled(if: jq != nil, "needs jq (installed by .ci/run)"))
    func theDocumentedJQRecipeResolvesEveryFinding() throws {
        let docs = try String(contentsOf: Executable.root.appendingPathComponent("docs/json-report.md"), encoding: .utf8)
        let marker = "<!-- recipe: expand -->\n```sh\njq "
        let start = try #require(docs.range(of: marker))
        let rest = docs[start.upperBound...]
        let end = try #require(rest.range(of: " report.json\n```"))
        let program = String(rest[..<end.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let four = folder.appendingPathComponent("report.json")
        let two = folder.appendingPathComponent("two.json")
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--output", four.path])
        _ = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "json", "--json-schema-version", "2", "--output", two.path])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.jq))
        process.arguments = ["-c", program, four.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let resolved = stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: two)) as? [String: Any])
        let expected = try #require(document["findings"] as? [[String: Any]])
        #expect(resolved.count == expected.count && expected.count > 40)
        for (finding, schema2) in zip(resolved, expected) {
            #expect(finding["id"] as? String == schema2["id"] as? String)
            #expect(finding["policy"] as? String == schema2["policy"] as? String)
            #expect((finding["binding"] as? NSDictionary) == (schema2["binding"] as? NSDictionary))
            #expect((finding["exposure"] as? NSDictionary) == (schema2["exposure"] as? NSDictionary))
            #expect(finding["message"] as? String == schema2["message"] as? String)
            #expect(finding["path"] as? [String] == schema2["path"] as? [String])
            #expect(finding["recommendations"] as? [String] == schema2["recommendations"] as? [String])
            let evidence = (finding["evidence"] as? [[String: Any]] ?? []).map { "\($0["fact"] ?? "")|\($0["date"] as? String ?? "")" }
            let facts = Dictionary(
                (document["facts"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0["fact"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
            let expectedEvidence = (schema2["evidence"] as? [[String: Any]] ?? []).map {
                "\(facts[$0["fact"] as? String ?? ""] ?? "")|\($0["date"] as? String ?? "")"
            }
            #expect(evidence == expectedEvidence, "\(finding["id"] ?? "")")
        }
    }
}
