import Foundation
import Testing

/// The README's examples are what the tool prints: `scripts/update-docs.sh` writes them
/// (`scripts/update-readme.py`), and this test fails when they drift.
@Suite struct ReadmeTests {
    @Test func theReadmeExampleIsWhatTheToolPrints() throws {
        let readme = try String(contentsOf: Executable.root.appendingPathComponent("README.md"), encoding: .utf8)
        let policy = try String(contentsOf: Executable.root.appendingPathComponent("examples/minsk.yaml"), encoding: .utf8)
        let command = ["check", "examples/minsk.yaml", "--as-of", "2020-09-30"]
        let run = try Executable.run(command + ["--format", "text"])
        #expect(run.status == 1, "\(run.stderr)")
        // The file's first line says where it is used; the README shows the rest.
        var lines = policy.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let body = lines.dropFirst().joined(separator: "\n")
        let expected =
            "```yaml\n# examples/minsk.yaml\n" + body + "\n```\n\n```console\n$ swift run diligence "
            + command.joined(separator: " ") + "\n" + run.stdout + "```\n<!-- END example -->"
        #expect(readme.contains(expected), "README.md's example is out of date: run scripts/update-docs.sh")
    }
}
