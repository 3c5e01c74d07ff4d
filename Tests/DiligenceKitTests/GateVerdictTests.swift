import Foundation
import Testing

@testable import DiligenceKit

/// The gate's verdict is one value: the exit code and every format's verdict line agree with it.
@Suite struct GateVerdictTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var asOf: String
        var failOn: Severity?
        var outcome: GateVerdict.Outcome
        var testDescription: String { "\(asOf) --fail-on \(failOn?.name ?? "none") → \(outcome)" }
    }

    /// The Minsk office's shutdown exposure is accepted until 2021-03-31: accepted, the gate
    /// passes; expired, the expiry fails it at any threshold; `--fail-on none` turns it off.
    @Test(arguments: [
        Case(asOf: "2021-03-31", failOn: .high, outcome: .pass),
        Case(asOf: "2021-04-01", failOn: .high, outcome: .fail),
        Case(asOf: "2021-06-30", failOn: .critical, outcome: .fail),
        Case(asOf: "2021-06-30", failOn: nil, outcome: .off),
    ])
    func everyFormatStatesTheVerdictTheExitCodeFollows(_ scenario: Case) throws {
        let result = try TestData.check(GateTests.minsk, asOf: try #require(Day(iso: scenario.asOf)), failOn: scenario.failOn)
        let verdict = result.gate
        #expect(verdict.outcome == scenario.outcome)
        #expect(verdict.failed == result.gateFailed)
        #expect(verdict.threshold == scenario.failOn)
        #expect(verdict.failing == result.failingFindings.count)

        let text = TextReporter().render(result)
        #expect(text.hasSuffix(verdict.textLine + "\n"))
        #expect(MarkdownReporter().render(result).contains("**Gate verdict:** \(verdict.markdown)."))
        #expect(HTMLReporter().render(result).contains("<p>Gate: \(verdict.failed ? "<strong>failed</strong>" : "passed").</p>"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReporter().render(result).utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["gate"] as? String == verdict.outcome.rawValue)
        #expect(summary["fail_on"] as? String == (scenario.failOn?.name ?? "none"))
    }

    @Test func theWordsSayWhatFailedAndWhatWasLookedFor() {
        #expect(GateVerdict(threshold: .high, failing: 3).textLine == "gate: FAILED (3 finding(s) at or above high or expired acceptances)")
        #expect(GateVerdict(threshold: .high, failing: 3).markdown == "**FAILED**: 3 finding(s) at or above high, or expired acceptances")
        #expect(GateVerdict(threshold: .medium, failing: 2, baseline: true).reason == "2 new finding(s) at or above medium, or expired acceptances")
        #expect(GateVerdict(threshold: .medium, failing: 0, baseline: true).textLine == "gate: passed (nothing new at or above medium)")
        #expect(GateVerdict(threshold: .medium, failing: 0, baseline: true).markdown == "**passed**: nothing new and unaccepted at or above medium")
        // Off is off whatever the count: nothing fails a gate that is not there.
        let off = GateVerdict(threshold: nil, failing: 4)
        #expect(off.outcome == .off && !off.failed && off.failing == 0)
        #expect(off.textLine == "gate: off (--fail-on none)")
        #expect(off.markdown == "off (`--fail-on none`)")
    }

    @Test func ruleIDsAreTypedAndReadAsTheirText() throws {
        let id: RuleID = "expired-acceptance"
        #expect(id == .expiredAcceptance)
        #expect("\(id)" == "expired-acceptance")
        #expect(RuleRegistry.rule(id: .expiredAcceptance)?.description.id == "expired-acceptance")
        #expect(RuleRegistry.rule(id: "no-such-rule") == nil)
        let encoded = try JSONEncoder().encode([id])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["expired-acceptance"]"#)
        #expect(try JSONDecoder().decode([RuleID].self, from: encoded) == [id])
        // An accepted risk naming an unknown rule is a located error with the closest id.
        let problems = TestData.problems(
            TestData.minimal(
                """
                accepted_risks:
                  - finding: expired-acceptanse/x
                    reason: r
                    approved_by: a
                    expires: 2021-01-01
                """))
        #expect(problems.contains { $0.message.contains("unknown rule `expired-acceptanse`") && $0.message.contains("did you mean `expired-acceptance`?") })
    }
}
