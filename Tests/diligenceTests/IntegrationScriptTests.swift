import Foundation
import Testing

/// The CI integrations (the GitHub Action's script, the pre-commit manifest, the examples),
/// exercised by scripts/ci/test-integrations.sh against the built executable.
@Suite struct IntegrationScriptTests {
    @Test func integrationScriptPasses() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Executable.root.appendingPathComponent("scripts/ci/test-integrations.sh").path]
        process.currentDirectoryURL = Executable.root
        var environment = ProcessInfo.processInfo.environment
        environment["DILIGENCE_BIN"] = Executable.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains(" passed, 0 failed"), "\(last)")
    }
}
