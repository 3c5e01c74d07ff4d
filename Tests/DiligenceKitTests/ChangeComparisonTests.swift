import Foundation
import Testing

@testable import DiligenceKit

/// "What changed since the last report": the classification every comparison shares
/// (`--compare-as-of`, `--compare-db`, `--baseline`) and the facts it names as causes.
@Suite struct ChangeComparisonTests {
    static let policyFile = TestData.root.appendingPathComponent("policies/ml-bamako-trading-house.yaml").path
    static let coupDay = Day(iso: "2020-08-18")!

    static func policies() throws -> [Policy] {
        [try TestData.workspace.policyLoader.load(path: policyFile)]
    }

    static var checker: Checker { Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies) }

    @Test func everyKindIsTakenFromTheTwoRunsFindings() throws {
        let now = Self.checker.check(try Self.policies(), options: CheckOptions(asOf: TestData.asOf)).findings.map { $0 }
        let trade = try #require(now.first { $0.rule == "trade-restriction" && $0.severity == .high })
        let finance = try #require(now.first { $0.rule == "financial-restriction" && $0.severity == .high })
        let instability = try #require(now.first { $0.rule == "political-instability" })
        var previous = [ChangeComparison.Previous(trade), ChangeComparison.Previous(finance), ChangeComparison.Previous(instability)]
        previous[0].severity = .medium  // was medium, high now: escalated
        previous[1].severity = .critical  // was critical, high now: de-escalated
        previous.append(
            ChangeComparison.Previous(
                policy: trade.policy, identity: "trade-restriction/gone-flow/DRF-2020-ML-0002",
                rule: "trade-restriction", severity: .high, message: "gone", line: 99))
        let (changes, unchanged) = ChangeComparison.classify(current: now, previous: previous)
        func kind(_ finding: Finding) -> ChangeKind? { changes.first { $0.identity == finding.identity.description }?.kind }
        #expect(kind(trade) == .escalated)
        #expect(kind(finance) == .deescalated)
        #expect(kind(instability) == nil, "same severity, no cause: unchanged")
        #expect(unchanged == 1)
        #expect(changes.filter { $0.kind == .new }.count == now.count - 3)
        let resolved = changes.filter { $0.kind == .resolved }
        #expect(resolved.map(\.identity) == ["trade-restriction/gone-flow/DRF-2020-ML-0002"])
        #expect(resolved.first?.previousSeverity == .high && resolved.first?.severity == nil)
    }

    @Test func aFindingOfTheCoupIsNewAndCausedByTheCoup() throws {
        let report = ChangeComparison.compare(
            try Self.policies(), current: Self.checker, previous: Self.checker,
            options: CheckOptions(asOf: TestData.asOf), previousAsOf: Day(iso: "2020-07-31")!)
        #expect(report.basis == .asOf(Day(iso: "2020-07-31")!))
        let instability = try #require(report.changes.first { $0.rule == "political-instability" && $0.kind == .new })
        #expect(instability.causes.contains { $0.kind == .inForce && $0.record == "DRF-2020-ML-0001" && $0.date == "2020-08-18" })
        #expect(instability.causes.contains { $0.kind == .event && $0.fact.hasPrefix("Military coup removes President Ibrahim Boubacar Keïta") })
        // Every cause is dated between the two days, oldest first.
        let dates = instability.causes.compactMap(\.date)
        #expect(dates == dates.sorted())
        #expect(dates.allSatisfy { $0 > "2020-07-31" && $0 <= "2020-09-30" })
        // The trade halt: new, caused by the ECOWAS measure coming into force.
        let trade = try #require(report.changes.first { $0.rule == "trade-restriction" && $0.severity == .high })
        #expect(trade.kind == .new)
        #expect(trade.causes.contains { $0.kind == .inForce && $0.record == "DRF-2020-ML-0002" })
        // The comparison run's "policy reviewed after the as-of date" note is not a change.
        #expect(!report.changes.contains { $0.rule == "input-plausibility" })
        #expect(report.policiesReviewedLater == [TestData.root.appendingPathComponent("policies/ml-bamako-trading-house.yaml").path])
        // Causes are numbered once for the whole report, each change citing its own.
        #expect(Set(report.causes).count == report.causes.count)
        #expect(report.label(of: report.causes[0]) == "C1")
    }

    @Test func theSameDayAndDatabaseChangeNothing() throws {
        let report = ChangeComparison.compare(
            try Self.policies(), current: Self.checker, previous: Self.checker,
            options: CheckOptions(asOf: TestData.asOf), previousAsOf: TestData.asOf)
        #expect(report.changes.isEmpty)
        #expect(report.unchanged > 0)
    }

    @Test func aBaselineSharesTheClassification() throws {
        let now = Self.checker.check(try Self.policies(), options: CheckOptions(asOf: TestData.asOf))
        let entries = now.findings.map {
            Baseline.Entry(
                policy: $0.policy, id: $0.identity.description, rule: $0.rule,
                severity: $0.severity.name, message: $0.message)
        }
        let gone = Baseline.Entry(
            policy: "policies/old.yaml", id: "trade-restriction/old/X", rule: "trade-restriction",
            severity: "high", message: "old")
        let baseline = Baseline(file: "baseline.json", asOf: "2020-06-30", entries: entries + [gone])
        let result = Self.checker.check(try Self.policies(), options: CheckOptions(asOf: TestData.asOf, baseline: baseline))
        #expect(result.resolvedSinceBaseline == [gone])
        #expect(!result.gateFailed, "every finding is in the baseline")
    }
}
