import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-sixth round (`speed45`) makes findings without copies: `Finding.init` borrows the
/// policy, and the rules that hold a factor's parts (or conflict proximity's events table) give
/// a finding the factor's one `[id]` array (`FactorParts.ids`) instead of making one per finding.
/// A finding must be what the public initialiser (`factor:`) makes, field for field. Checked on
/// the shipped policies, the example and files of the heavy and moderate portfolios
/// (`Fixtures/portfolio`, `Fixtures/portfolio22`).
@Suite struct RulesTwentySixthRoundTests {
    static let dates = RulesTwentySecondRoundTests.dates

    static func policies() throws -> [Policy] { try RulesTwentySecondRoundTests.policies() }

    static func context(_ policy: Policy, asOf: Day, memo: RuleRunMemo) -> RuleContext {
        RulesTwentySecondRoundTests.context(policy, asOf: asOf, memo: memo)
    }

    /// The finding as the public initialiser makes it from the same fields (the factor looked up
    /// by the finding's identity), with its binding and acceptance set as the rule set them.
    static func remade(_ finding: Finding, _ policy: Policy, _ database: RiskDatabase) -> Finding {
        let factor = finding.identityFactor.flatMap { database.factor(id: $0) }
        var remade = Finding(
            rule: finding.rule, severity: finding.severity, policy: policy, mark: Mark(line: finding.line, column: finding.column),
            subject: finding.subject, subjectKind: finding.subjectKind, subjectName: finding.subjectName, factor: factor,
            message: finding.message, path: finding.path, exposure: finding.exposure, evidence: finding.evidence,
            recommendations: finding.recommendations)
        if factor == nil { remade.factors = finding.factors }
        remade.identityFactor = finding.identityFactor
        remade.binding = finding.binding
        remade.accepted = finding.accepted
        return remade
    }

    /// Every finding of every rule is the one the public initialiser makes from its fields (its
    /// `factors` the factor's id alone when it is about one factor), and equal in JSON, at three
    /// dates, with the run's memo shared by the policies.
    @Test func findingsAsThePublicInitialiserMakesThem() throws {
        let policies = try Self.policies()
        let database = TestData.workspace.database
        var checked = 0
        var aboutAFactor = 0
        for asOf in Self.dates {
            let memo = RuleRunMemo()
            for policy in policies {
                let context = Self.context(policy, asOf: asOf, memo: memo)
                for rule in RuleRegistry.all where rule.phase == .operations {
                    let findings = rule.check(context)
                    let remade = findings.map { Self.remade($0, policy, database) }
                    #expect(findings == remade)
                    #expect(try RulesTwentySecondRoundTests.json(findings) == RulesTwentySecondRoundTests.json(remade))
                    for finding in findings {
                        #expect(finding.policy == policy.file)
                        if let factor = finding.identityFactor, database.factor(id: factor) != nil, finding.rule != .listedCounterparty {
                            #expect(finding.factors == [factor])
                            aboutAFactor += 1
                        }
                    }
                    checked += findings.count
                }
            }
        }
        #expect(checked > 0)
        #expect(aboutAFactor > 0)
    }

    /// The findings of one factor in a run hold one `factors` array (the factor's parts'), in the
    /// rules that give it: political instability, financial and trade restriction, shutdown
    /// exposure, and conflict proximity's findings near events.
    @Test func findingsOfAFactorShareTheirFactorsArray() throws {
        let policies = try Self.policies()
        let memo = RuleRunMemo()
        let rules: [any Rule] = [
            PoliticalInstabilityRule(), FinancialRestrictionRule(), TradeRestrictionRule(), ShutdownExposureRule(),
            ConflictProximityRule(),
        ]
        var storage: [String: UnsafeRawPointer] = [:]
        var shared = 0
        for policy in policies {
            let context = Self.context(policy, asOf: TestData.asOf, memo: memo)
            for rule in rules {
                for finding in rule.check(context) {
                    // Conflict proximity's findings from an area alone may have no events table.
                    if finding.rule == .conflictProximity, finding.exposure?.area != nil { continue }
                    guard let factor = finding.identityFactor else { continue }
                    let address = finding.factors.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
                    guard let address else { continue }
                    if let known = storage[factor] {
                        #expect(known == address)
                        shared += 1
                    } else {
                        storage[factor] = address
                        let known = try #require(context.database.factor(id: factor))
                        let parts = context.parts(for: known).ids.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
                        #expect(address == parts)
                    }
                }
            }
        }
        #expect(shared > 0)
    }
}
