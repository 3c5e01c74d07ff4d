import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-second round (`speed33`) works out once per run instead of once per
/// counterparty or finding must answer as the general way: human rights' searched words of a
/// counterparty's names and the events naming them (run memos), conflict proximity's cited events
/// and its evidence with a named target's line. Checked on the shipped policies, the example and
/// files of the heavy and moderate portfolios (`Fixtures/portfolio`, `Fixtures/portfolio22`).
@Suite struct RulesTwentySecondRoundTests {
    static let dates = ["2020-03-31", "2020-09-30", "2021-06-30"].compactMap(Day.init(iso:))

    /// The shipped policies, the example and the portfolio files of both fixture folders.
    static func policies() throws -> [Policy] {
        let more = TestData.fixtures.appendingPathComponent("portfolio22")
        let paths = try FileManager.default.contentsOfDirectory(atPath: more.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { more.appendingPathComponent($0).path }
        let added = try paths.map { try TestData.workspace.policyLoader.load(path: $0) }
        return (try RulesTwentyFirstRoundTests.policies() + added).sorted { $0.file < $1.file }
    }

    static func context(_ policy: Policy, asOf: Day, memo: RuleRunMemo) -> RuleContext {
        let workspace = TestData.workspace
        return RuleContext(
            policy: policy, database: workspace.database, asOf: asOf, vocabularies: workspace.vocabularies, settings: .defaults,
            screener: NameScreener(entities: []), findings: [], runMemo: memo,
            destinations: DestinationResolver(database: workspace.database))
    }

    /// The named-counterparty findings of every policy, with the run's memos (shared by the
    /// policies, asked in `policies`' order) and the general way.
    static func named(_ policies: [Policy], asOf: Day, memo: RuleRunMemo) -> (memos: [Finding], general: [Finding]) {
        let rule = HumanRightsObligationsRule()
        var memos: [Finding] = [], general: [Finding] = []
        for policy in policies {
            let context = context(policy, asOf: asOf, memo: memo)
            memos += rule.namedCounterpartyFindings(context)
            general += rule.namedCounterpartyFindings(context, memos: false)
        }
        return (memos, general)
    }

    static func json(_ findings: [Finding]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(findings)
    }

    /// Every field of every named-counterparty finding is the general way's, at three dates, in
    /// two orders, with the memos filled (the second pass) and empty (the first).
    @Test func namedCounterpartiesAsTheGeneralWay() throws {
        let policies = try Self.policies()
        var found = 0
        for asOf in Self.dates {
            for order in [policies, policies.reversed()] {
                let memo = RuleRunMemo()
                for _ in 0..<2 {
                    let (memos, general) = Self.named(order, asOf: asOf, memo: memo)
                    #expect(memos == general)
                    #expect(try Self.json(memos) == Self.json(general))
                    found += general.count
                }
            }
        }
        // The shipped policies name counterparties in events (the portfolios do not).
        #expect(found > 0)
    }

    /// The memo of names is keyed by the names' bytes, in order: other spellings, orders or
    /// lists are other keys; the same bytes in another string are the same key.
    @Test func namesAreKeyedByTheirBytes() throws {
        let memo = RuleRunMemo()
        let context = Self.context(try TestData.policy(TestData.minimal("")), asOf: TestData.asOf, memo: memo)
        let first = context.searchedNames(of: ["OAO Belaruskali", "Belaruskali"])
        let copy = ["OAO ", "Belaruskali"].joined()
        #expect(context.searchedNames(of: [copy, "Belaruskali"]) === first)
        #expect(first.words == HumanRightsObligationsRule.searchedWords(["OAO Belaruskali", "Belaruskali"]))
        for other in [["Belaruskali", "OAO Belaruskali"], ["OAO Belaruskali"], ["OAO Belaruskali", "Belaruskali", ""], ["oao belaruskali", "Belaruskali"]] {
            let names = context.searchedNames(of: other)
            #expect(names !== first, "\(other)")
            #expect(names.words == HumanRightsObligationsRule.searchedWords(other), "\(other)")
        }
        // Canonically equal but other bytes: another key, the same words.
        let composed = context.searchedNames(of: ["Zézé Cuamba"]), decomposed = context.searchedNames(of: ["Ze\u{301}ze\u{301} Cuamba"])
        #expect(composed !== decomposed)
        #expect(composed.words == decomposed.words)
        #expect(CounterpartyNames(["ab", "c"]) != CounterpartyNames(["a", "bc"]))
    }

    /// Two threads asking the shared memos at once, in two orders, each make the general way's
    /// findings.
    @Test func namedCounterpartiesFromTwoThreads() throws {
        let policies = try Self.policies()
        let memo = RuleRunMemo()
        let expected = Self.named(policies, asOf: TestData.asOf, memo: RuleRunMemo()).general
        let results = Guarded<[Int: [Finding]]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let order = thread == 0 ? policies : policies.reversed()
            var made: [Finding] = []
            let rule = HumanRightsObligationsRule()
            for policy in order { made += rule.namedCounterpartyFindings(Self.context(policy, asOf: TestData.asOf, memo: memo)) }
            results.update { $0[thread] = made }
        }
        let both = results.value
        #expect(!expected.isEmpty)
        #expect(both[0] == expected)
        // The second thread went backwards: its findings are the policies' in reverse.
        let reversed = Self.named(policies.reversed(), asOf: TestData.asOf, memo: RuleRunMemo()).general
        #expect(both[1] == reversed)
        #expect(Set(reversed) == Set(expected))
    }

    /// A leg crosses a direction exactly when its set of directions has it: every leg of every
    /// flow of the real inputs, both directions, and words no leg has.
    @Test func legsCrossTheirDirections() throws {
        var legs = 0
        for policy in try Self.policies() {
            for flow in policy.trade {
                for leg in FlowRoute(flow, policy: policy).legs {
                    legs += 1
                    for direction in ["export", "import", "transit", "Export", ""] {
                        #expect(leg.crosses(direction, flow) == leg.directions(flow).contains(direction), "\(policy.file) \(leg.country)")
                    }
                }
            }
        }
        #expect(legs > 100)
    }

    /// A cited event made in place is the event as known on the date, cited: every event of every
    /// factor of the database at three dates, and each also made to end after the date, on it,
    /// and to start after it (the seed database has no event that ends after its dates).
    @Test func citedEventsAreTheEventsAsKnown() {
        var ongoing = 0
        for asOf in Self.dates {
            for factor in TestData.workspace.database.factors {
                for event in factor.events {
                    var endsLater = event, endsOn = event, startsLater = event
                    endsLater.until = asOf.adding(days: 30)
                    endsOn.until = asOf
                    startsLater.date = asOf.adding(days: 1)
                    startsLater.until = asOf.adding(days: 5)
                    for variant in [event, endsLater, endsOn, startsLater] {
                        for distance in [nil, 12.5] {
                            let old = Exposure.CitedEvent(ConflictProximityRule.known(variant, asOf), distanceKm: distance)
                            #expect(ConflictProximityRule.cited(variant, asOf, distanceKm: distance) == old, "\(factor.id) \(variant.what)")
                            if old.ongoingAt == asOf, variant.ongoingAt == nil { ongoing += 1 }
                        }
                    }
                }
            }
        }
        // The events made to end after a date that started by it are ongoing on it.
        #expect(ongoing > 0)
    }

    /// The evidence with a named target's line is the evidence by positions with that line
    /// appended, made once per run (asked again, the same array).
    @Test func evidenceWithANamedTarget() throws {
        for asOf in Self.dates {
            let context = Self.context(try TestData.policy(TestData.minimal("")), asOf: asOf, memo: RuleRunMemo())
            for factor in TestData.workspace.database.factors where factor.kind == .armedConflict {
                let known = factor.events.indices.filter { factor.events[$0].date <= asOf }
                for positions in [[], Array(known.prefix(3)), Array(known.suffix(2))] {
                    for target in factor.targets.map(\.name) + ["Somewhere"] {
                        let named = context.evidence(for: factor, eventPositions: positions, namedTarget: target)
                        let expected =
                            context.evidence(for: factor, eventPositions: positions)
                            + [Evidence(record: factor.id, fact: "Named likely target: \(target)")]
                        #expect(named == expected, "\(factor.id) \(positions) \(target)")
                        #expect(context.evidence(for: factor, eventPositions: positions, namedTarget: target).sharesStorage(with: named))
                    }
                    #expect(
                        context.evidence(for: factor, eventPositions: positions, namedTarget: nil) == context.evidence(for: factor, eventPositions: positions))
                }
            }
        }
    }

    /// The whole check of the real inputs: a conflict finding's evidence ends with a named
    /// target's line exactly when its message names one of the factor's targets (the first such).
    @Test func conflictFindingsCiteTheTargetTheyName() throws {
        let policies = try Self.policies()
        let factors = Dictionary(TestData.workspace.database.factors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let findings = Array(TestData.check(policies, failOn: .high).findings).filter { $0.rule == .conflictProximity }
        var named = 0
        for finding in findings {
            let factor = try #require(finding.factors.first.flatMap { factors[$0] })
            let lines = finding.evidence.filter { $0.fact.hasPrefix("Named likely target: ") }
            if let target = factor.targets.first(where: { finding.message.containsBytes(of: $0.name) }) {
                #expect(lines == [Evidence(record: factor.id, fact: "Named likely target: \(target.name)")], "\(finding.subject)")
                #expect(finding.evidence.last == lines.first)
                named += 1
            } else {
                #expect(lines.isEmpty, "\(finding.subject)")
            }
        }
        #expect(named > 0)
    }
}

/// A value changed under a lock by several threads.
private final class Guarded<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&stored)
    }
}
