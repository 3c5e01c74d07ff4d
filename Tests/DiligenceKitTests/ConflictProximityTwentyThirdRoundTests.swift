import Foundation
import Testing

@testable import DiligenceKit

/// conflict-proximity's findings with each band's texts, evidence and cited events found in the
/// run's memo (`ConflictProximityRule.EventFact`, keyed by the factor, the cell and the events)
/// must be the general way's (each made for its finding alone), every field: on the shipped
/// policies, the example and heavy and moderate portfolio files, with the seeds and with a
/// database of 10,000 more located events around the sites, memos filled and empty, in two
/// orders and from two threads.
@Suite struct ConflictProximityTwentyThirdRoundTests {
    static let dates = RulesTwentySecondRoundTests.dates

    static func context(_ policy: Policy, database: RiskDatabase, asOf: Day, memo: RuleRunMemo) -> RuleContext {
        let workspace = TestData.workspace
        return RuleContext(
            policy: policy, database: database, asOf: asOf, vocabularies: workspace.vocabularies, settings: .defaults,
            screener: NameScreener(entities: []), findings: [], runMemo: memo,
            destinations: DestinationResolver(database: database))
    }

    /// The findings of every policy with the memo `memo` (shared by the policies, asked in
    /// `policies`' order), and the general way's.
    static func findings(_ policies: [Policy], database: RiskDatabase, asOf: Day, memo: RuleRunMemo) -> (memos: [Finding], general: [Finding]) {
        let rule = ConflictProximityRule()
        let generalMemo = RuleRunMemo()
        var memos: [Finding] = [], general: [Finding] = []
        for policy in policies {
            memos += rule.check(context(policy, database: database, asOf: asOf, memo: memo), memos: true)
            general += rule.check(context(policy, database: database, asOf: asOf, memo: generalMemo), memos: false)
        }
        return (memos, general)
    }

    /// The seeds with 10,000 more located events in the first armed-conflict factor in force:
    /// around the located sites of `policies` (up to 350 km away, in clusters), dated over two
    /// and a half years before and a little after 2020-09-30, to the day, month or year, located
    /// exactly, approximately or to the region, with and without ids (some shared), places and
    /// fatalities, some ending after the date.
    static func database(around policies: [Policy]) throws -> RiskDatabase {
        let seeds = TestData.workspace.database
        let asOf = TestData.asOf
        let centres = policies.flatMap { $0.sites.compactMap(\.location) }
        let factorIndex = try #require(
            seeds.factors.firstIndex { $0.kind == .armedConflict && $0.isInForce(on: asOf) })
        var factor = seeds.factors[factorIndex]
        var events = factor.events
        var random = SplitMix64(state: 23)
        func unit() -> Double { Double(random.next() >> 11) / Double(UInt64(1) << 53) }
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let places = ["Mopti", "Gao", "Kidal", "Timbuktu", "Ménaka", "Ségou"]
        for number in 0..<10_000 {
            let centre = centres[pick(centres.count)]
            // Most events near a site, some up to the outer band and beyond it.
            let reach = [0.05, 0.3, 1.0, 2.5, 3.2][pick(5)]
            let location = Coordinate(
                lat: max(-89, min(89, centre.lat + (unit() * 2 - 1) * reach)), lon: centre.lon + (unit() * 2 - 1) * reach)
            let date = asOf.adding(days: -pick(900) + 20)
            var event = RiskEvent(
                date: date, what: "Synthetic clash \(number % 97)", place: number % 11 == 0 ? nil : places[pick(places.count)], location: location)
            switch pick(6) {
            case 0: event.datePrecision = .month
            case 1: event.datePrecision = .year
            default: break
            }
            // A month- or year-precise date is stored as its first day.
            switch event.datePrecision {
            case .month: event.date = Day(year: date.year, month: date.month, day: 1) ?? date
            case .year: event.date = Day(year: date.year, month: 1, day: 1) ?? date
            case .day: break
            }
            event.id = number % 13 == 0 ? nil : "SYN\(number % 7_000)"
            event.geoPrecision = [nil, 1, 2, 3][pick(4)]
            if event.geoPrecision == nil, pick(3) == 0 { event.locatedBy = "approximate (synthetic)" }
            event.fatalities = [nil, 0, 1, 3, 12][pick(5)]
            if pick(20) == 0 { event.until = asOf.adding(days: pick(30) + 1) }
            event.actors = pick(2) == 0 ? [] : ["Group \(pick(4))"]
            event.type = "Battles"
            events.append(event)
        }
        factor.events = events
        var factors = seeds.factors
        factors[factorIndex] = factor
        return RiskDatabase(path: seeds.path, metadata: seeds.metadata, factors: factors, entities: seeds.entities, digest: "", files: [])
    }

    static func json(_ findings: [Finding]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(findings)
    }

    /// Every field of every finding is the general way's, at three dates, in two orders, with
    /// the memo empty (the first pass) and filled (the second).
    @Test func findingsAsTheGeneralWay() throws {
        let policies = try RulesTwentySecondRoundTests.policies()
        let database = TestData.workspace.database
        var found = 0
        for asOf in Self.dates {
            for order in [policies, policies.reversed()] {
                let memo = RuleRunMemo()
                for _ in 0..<2 {
                    let (memos, general) = Self.findings(order, database: database, asOf: asOf, memo: memo)
                    #expect(memos == general)
                    #expect(try Self.json(memos) == Self.json(general))
                    found += general.count
                }
            }
        }
        #expect(found > 100)
    }

    /// With 10,000 more located events around the sites: many sites share a band's events, and
    /// the shared texts are still each finding's own.
    @Test func findingsWithTenThousandEventsAsTheGeneralWay() throws {
        let policies = try RulesTwentySecondRoundTests.policies()
        let database = try Self.database(around: policies)
        var found = 0
        for order in [policies, policies.reversed()] {
            let memo = RuleRunMemo()
            for _ in 0..<2 {
                let (memos, general) = Self.findings(order, database: database, asOf: TestData.asOf, memo: memo)
                #expect(memos == general)
                #expect(try Self.json(memos) == Self.json(general))
                found += general.count
            }
            // The memo was asked: findings under the synthetic factor cite its events.
            #expect(memo.conflictTexts.value(for: .defaults) != nil)
        }
        #expect(found > 100)
    }

    /// Two threads asking one memo at once, one forwards and one backwards, each make the
    /// general way's findings.
    @Test func findingsFromTwoThreads() throws {
        let policies = try RulesTwentySecondRoundTests.policies()
        let database = try Self.database(around: policies)
        let memo = RuleRunMemo()
        let forwards = Self.findings(policies, database: database, asOf: TestData.asOf, memo: RuleRunMemo()).general
        let backwards = Self.findings(policies.reversed(), database: database, asOf: TestData.asOf, memo: RuleRunMemo()).general
        let results = LockedFindings([:])
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let order = thread == 0 ? policies : policies.reversed()
            var made: [Finding] = []
            let rule = ConflictProximityRule()
            for policy in order {
                made += rule.check(Self.context(policy, database: database, asOf: TestData.asOf, memo: memo), memos: true)
            }
            results.update { $0[thread] = made }
        }
        let both = results.value
        #expect(!forwards.isEmpty)
        #expect(both[0] == forwards)
        #expect(both[1] == backwards)
    }

    /// The memo's key tells apart what the texts are made of: one band's fact asked again with
    /// the same key is the same object; with another cited order, count or nearest event another.
    @Test func factsAreKeyedByTheirEvents() throws {
        let policies = try RulesTwentySecondRoundTests.policies()
        let database = try Self.database(around: policies)
        let memo = RuleRunMemo()
        _ = Self.findings(policies, database: database, asOf: TestData.asOf, memo: memo)
        let texts = try #require(memo.conflictTexts.value(for: .defaults))
        let factor = try #require(database.factors.first { $0.kind == .armedConflict && $0.isInForce(on: TestData.asOf) })
        let context = Self.context(policies[0], database: database, asOf: TestData.asOf, memo: memo)
        let table = context.conflictEvents(for: factor)
        let key = ConflictProximityRule.EventFactKey(
            factor: factor.id, asOf: TestData.asOf, cell: 0, count: 3, fatalities: 4, anyFatalities: true, vaguer: 0,
            nearest: factor.events.count - 1, cited: [factor.events.count - 1, factor.events.count - 2, factor.events.count - 3])
        func make(_ key: ConflictProximityRule.EventFactKey) -> ConflictProximityRule.EventFact {
            ConflictProximityRule.EventFact(key, events: factor.events, table: table, texts: texts, context: context, factor: factor)
        }
        let first = texts.eventFacts.value(for: key) { make(key) }
        #expect(texts.eventFacts.value(for: key) { make(key) } === first)
        var reordered = key
        reordered.cited.reverse()
        let other = texts.eventFacts.value(for: reordered) { make(reordered) }
        #expect(other !== first)
        #expect(other.lines != first.lines)
        #expect(other.cited.map(\.id) == first.cited.map(\.id).reversed())
        var more = key
        more.count = 14
        #expect(make(more).lines[0].hasSuffix(", and 11 more"))
        #expect(texts.eventFacts.value(for: more) { make(more) } !== first)
    }
}

/// Findings by thread, changed under a lock.
private final class LockedFindings: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int: [Finding]]

    init(_ value: [Int: [Finding]]) {
        stored = value
    }

    var value: [Int: [Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func update(_ change: (inout [Int: [Finding]]) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&stored)
    }
}
