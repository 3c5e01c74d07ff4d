import Foundation
import Testing

@testable import DiligenceKit

/// The CI gate: accepted risks with a horizon, expiry, and baselines.
@Suite struct GateTests {
    static let minsk = """
        version: 1
        company: Example Software
        sites:
          - id: minsk-office
            kind: office
            country: BY
            depends_on: [slack, github]
        accepted_risks:
          - finding: shutdown-exposure/minsk-office
            reason: Satellite uplink on order
            approved_by: Head of Compliance
            expires: 2021-03-31
        """

    @Test func acceptanceBeforeItsExpiryKeepsTheGateGreenAndAfterItTurnsItRed() throws {
        let before = try TestData.check(Self.minsk, asOf: Day(iso: "2021-03-31")!)
        #expect(!before.gateFailed)
        let accepted = try #require(before.findings.first { $0.rule == "shutdown-exposure" })
        #expect(accepted.accepted?.approvedBy == "Head of Compliance")
        #expect(!before.findings.contains { $0.rule == "expired-acceptance" })

        let after = try TestData.check(Self.minsk, asOf: Day(iso: "2021-04-01")!)
        #expect(after.gateFailed)
        let expired = try #require(after.findings.first { $0.rule == "expired-acceptance" })
        #expect(expired.line == 9)
        #expect(after.failingFindings.contains { $0.rule == "shutdown-exposure" && $0.accepted == nil })
    }

    @Test func expiredAcceptanceFailsTheGateWhateverFailOnSaysExceptNone() throws {
        let asOf = Day(iso: "2021-06-30")!
        #expect(try TestData.check(Self.minsk, asOf: asOf, failOn: .critical).gateFailed)
        #expect(!(try TestData.check(Self.minsk, asOf: asOf, failOn: nil).gateFailed))
    }

    @Test func acceptancesBeyondTheHorizonAreLocatedErrors() throws {
        let policy = try TestData.policy(Self.minsk)
        let asOf = Day(iso: "2020-03-01")!
        let problems = AcceptanceHorizon.problems(in: [policy], asOf: asOf, maxDays: 365)
        #expect(
            problems.map(\.description) == [
                "test.yaml:12:14: error: the acceptance of `shutdown-exposure/minsk-office` expires on 2021-03-31, 395 days after 2020-03-01; acceptances may run at most 365 days (--max-acceptance-days): set an earlier expiry and review it then"
            ])
        #expect(AcceptanceHorizon.problems(in: [policy], asOf: Day(iso: "2020-09-30")!, maxDays: 365).isEmpty)
        #expect(AcceptanceHorizon.problems(in: [policy], asOf: asOf, maxDays: 400).isEmpty)
    }

    // MARK: Baselines

    static let machinery = """
        version: 1
        company: Example Exports
        trade:
          - id: mali-machinery
            direction: export
            country: ML
            goods: [industrial-machinery]
        """

    static let machineryAndTravel =
        machinery + """

            travel:
              - id: bamako-visits
                country: ML
                city: Bamako
                travellers: 12
                frequency: weekly
            """

    /// A baseline written by the JSON reporter, read back.
    static func baseline(of yaml: String) throws -> Baseline {
        let json = JSONReporter().render(try TestData.check(yaml))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Baseline.load(path: file.path)
    }

    @Test func onlyFindingsMissingFromTheBaselineFailTheGate() throws {
        let baseline = try Self.baseline(of: Self.machinery)
        #expect(baseline.entries.contains { $0.id == "trade-restriction/mali-machinery/DRF-2020-ML-0002" })
        let policy = try TestData.policy(Self.machineryAndTravel)
        let checker = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
        let result = checker.check([policy], options: CheckOptions(asOf: TestData.asOf, baseline: baseline))
        // The trade restriction is in the baseline; the weekly Bamako travel is new.
        #expect(result.findings.contains { $0.rule == "trade-restriction" && $0.severity == .high })
        #expect(!result.failingFindings.contains { $0.rule == "trade-restriction" })
        #expect(result.isNew(try #require(result.findings.first { $0.rule == "trade-restriction" })) == false)
        let new = result.findings.filter { result.isNew($0) == true }
        #expect(Set(new.map(\.subject)) == ["bamako-visits"])
        #expect(result.resolvedSinceBaseline.isEmpty)

        let unchanged = checker.check([try TestData.policy(Self.machinery)], options: CheckOptions(asOf: TestData.asOf, baseline: baseline))
        #expect(!unchanged.gateFailed)
        #expect(unchanged.findings.allSatisfy { unchanged.isNew($0) == false })
    }

    @Test func reportsListNewAndResolvedFindings() throws {
        let baseline = try Self.baseline(of: Self.machineryAndTravel)
        let checker = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
        let result = checker.check([try TestData.policy(Self.machinery)], options: CheckOptions(asOf: TestData.asOf, baseline: baseline))
        let resolved = result.resolvedSinceBaseline.map(\.id)
        #expect(resolved.contains("civil-unrest-travel/bamako-visits/DRF-2020-ML-0005"))
        let markdown = MarkdownReporter().render(result)
        #expect(markdown.contains("**Since the baseline**"))
        #expect(markdown.contains("Resolved since the baseline:"))
        #expect(markdown.contains("`civil-unrest-travel/bamako-visits/DRF-2020-ML-0005`"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(result).utf8)) as? [String: Any])
        let summary = try #require((json["summary"] as? [String: Any])?["baseline"] as? [String: Any])
        #expect((summary["resolved"] as? [[String: Any]])?.contains { $0["id"] as? String == "civil-unrest-travel/bamako-visits/DRF-2020-ML-0005" } == true)
        #expect(summary["new"] as? Int == 0)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["baseline"] as? String == "unchanged" })
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(result).utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["baselineState"] as? String == "unchanged" })
    }

    @Test(arguments: [
        ("not json", "the baseline is not a JSON report"),
        ("{\"schema_version\": 5, \"findings\": []}", "not a diligence JSON report of schema_version 1, 2, 3 or 4"),
        ("{\"findings\": []}", "not a diligence JSON report of schema_version 1, 2, 3 or 4"),
        ("{\"schema_version\": 4, \"findings\": []}", "the baseline has no `as_of`"),
        ("{\"schema_version\": 1, \"findings\": [{\"rule\": \"x\"}]}", "finding 1 of the baseline has no `id`"),
        ("{\"schema_version\": 2, \"findings\": [{\"id\": \"x\"}]}", "finding 1 of the baseline has no `policy`"),
        ("{\"schema_version\": 2, \"findings\": {}}", "`findings` of the baseline is not what a report holds there"),
    ])
    func invalidBaselinesAreLocatedErrors(text: String, message: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-baseline-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: InputError.self) { try Baseline.load(path: file.path) }
        do {
            _ = try Baseline.load(path: file.path)
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("\(file.path):1:1: error: ") == true)
            #expect(error.diagnostics.first?.message.contains(message) == true)
        }
    }
}
