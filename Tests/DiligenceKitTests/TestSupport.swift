import Foundation
import Testing
@testable import DiligenceKit

/// Paths and shared data for the unit tests.
enum TestData {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The shipped seeds, loaded once.
    static let workspace: Workspace = {
        do {
            return try Workspace.load(databasePath: root.appendingPathComponent("seeds").path)
        } catch {
            fatalError("seeds do not load: \(error)")
        }
    }()

    /// The date the seeds describe: the end of September 2020.
    static let asOf = Day(iso: "2020-09-30")!

    /// Loads a policy from YAML text (the file name is `test.yaml`).
    static func policy(_ yaml: String, file: String = "test.yaml") throws(InputError) -> Policy {
        try workspace.policyLoader.load(bytes: Array(yaml.utf8), file: file)
    }

    /// The diagnostics a YAML text produces (empty when it loads).
    static func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try policy(yaml)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Checks a policy given as YAML text.
    static func check(_ yaml: String, asOf: Day = TestData.asOf, failOn: Severity? = .high) throws -> CheckResult {
        let policy = try policy(yaml)
        return Checker(database: workspace.database, vocabularies: workspace.vocabularies)
            .check([policy], options: CheckOptions(asOf: asOf, failOn: failOn))
    }

    /// Findings of one rule for a policy given as YAML text.
    static func findings(_ rule: String, _ yaml: String, asOf: Day = TestData.asOf) throws -> [Finding] {
        try check(yaml, asOf: asOf).findings.filter { $0.rule == rule }
    }
}
