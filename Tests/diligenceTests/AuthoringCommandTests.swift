import Foundation
import Testing

/// A new user's path: `init`, then `validate` and `check` clean; `schema` for the editor.
@Suite struct AuthoringCommandTests {
    @Test func initThenValidateThenCheckIsClean() throws {
        let folder = try Executable.temporaryFolder()
        let file = folder.appendingPathComponent("policy.yaml").path
        let made = try Executable.run(["init", "--company", "Fjord Analytics AS", "--country", "NO", "Sweden", "--output", file])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("wrote \(file)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("company: Fjord Analytics AS"))
        #expect(text.contains("country: NO"))
        #expect(text.contains("country: SE"))
        #expect(try Executable.run(["validate", file]).status == 0)
        let check = try Executable.run(["check", file, "--format", "text"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("no findings"))
    }

    @Test func initAsksNothingWithoutATerminalAndNeverOverwrites() throws {
        let printed = try Executable.run(["init"], stdin: "")
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("company: Example Company Ltd"))
        #expect(printed.stderr.isEmpty)
        let folder = try Executable.temporaryFolder()
        let file = folder.appendingPathComponent("existing.yaml")
        try Data("keep me\n".utf8).write(to: file)
        let refused = try Executable.run(["init", "--output", file.path])
        #expect(refused.status == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        #expect(try Executable.run(["init", "--country", "Mozambik"]).status == 64)
    }

    @Test func schemaPrintsTheCommittedJSONSchema() throws {
        let run = try Executable.run(["schema"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let committed = try String(contentsOf: Executable.root.appendingPathComponent("schema/policy.schema.json"), encoding: .utf8)
        #expect(run.stdout == committed)
    }

    @Test func schemaPrintsTheFormatReferences() throws {
        let policy = try Executable.run(["schema", "--reference", "policy"])
        #expect(policy.stdout == (try String(contentsOf: Executable.root.appendingPathComponent("docs/policy-format.md"), encoding: .utf8)))
        let database = try Executable.run(["schema", "--reference", "database"])
        #expect(database.stdout == (try String(contentsOf: Executable.root.appendingPathComponent("docs/risk-database.md"), encoding: .utf8)))
    }
}
