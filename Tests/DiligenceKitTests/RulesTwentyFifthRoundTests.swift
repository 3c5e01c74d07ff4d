import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-fifth round (`speed44`) works out once per run, or writes more cheaply, must
/// answer as the general way: shutdown exposure's exposed and covered dependencies read from the
/// factor's `Reach`, civil unrest's event places folded once per run and searched on bytes, the
/// flow texts written in one piece, financial and trade restriction's advice made once per run,
/// a severity assessment's path handed on, and the spatial index's latitude pre-test. Checked on
/// the shipped policies, the example and files of the heavy and moderate portfolios
/// (`Fixtures/portfolio`, `Fixtures/portfolio22`).
@Suite struct RulesTwentyFifthRoundTests {
    static let dates = RulesTwentySecondRoundTests.dates

    static func policies() throws -> [Policy] { try RulesTwentySecondRoundTests.policies() }

    static func context(_ policy: Policy, asOf: Day, memo: RuleRunMemo) -> RuleContext {
        RulesTwentySecondRoundTests.context(policy, asOf: asOf, memo: memo)
    }

    static func json(_ findings: [Finding]) throws -> Data { try RulesTwentySecondRoundTests.json(findings) }

    /// Every field of every shutdown-exposure finding read from the factor's `Reach` is the
    /// general way's (the vocabulary's closures at every site), at three dates, in two orders,
    /// with the run's memo filled and empty.
    @Test func shutdownExposureAsTheGeneralWay() throws {
        let policies = try Self.policies()
        let rule = ShutdownExposureRule()
        var found = 0
        for asOf in Self.dates {
            for order in [policies, policies.reversed()] {
                let memo = RuleRunMemo()
                for _ in 0..<2 {
                    var fast: [Finding] = [], general: [Finding] = []
                    for policy in order {
                        fast += rule.check(Self.context(policy, asOf: asOf, memo: memo), fast: true)
                        general += rule.check(Self.context(policy, asOf: asOf, memo: RuleRunMemo()), fast: false)
                    }
                    #expect(fast == general)
                    #expect(try Self.json(fast) == Self.json(general))
                    found += general.count
                }
            }
        }
        #expect(found > 0)
    }

    /// `Reach.exposes` and `reachesOnline` answer as the closures do for every term of the
    /// dependency vocabulary, a term it does not know and the affected dependencies themselves.
    @Test func reachAnswersAsTheClosures() throws {
        let workspace = TestData.workspace
        let dependencies = workspace.vocabularies[.dependencies]
        let memo = RuleRunMemo()
        var asked = 0
        for policy in try Self.policies() {
            let context = Self.context(policy, asOf: TestData.asOf, memo: memo)
            for site in policy.sites {
                for factor in context.factors(.internetShutdown, in: site.country) {
                    let parts = context.parts(for: factor)
                    guard !parts.events.isEmpty else { continue }
                    let reach = ShutdownExposureRule.Reach(parts.events, factor, context)
                    #expect(reach.affectedText == reach.affected.sorted().joined(separator: ", "))
                    let ids = dependencies.ids + Array(reach.affected) + ["no-such-dependency", "internet", "mobile-data", ""]
                    for id in ids {
                        #expect(reach.exposes(id) == !dependencies.closure(of: id).isDisjoint(with: reach.affected))
                        #expect(reach.reachesOnline(id) == !dependencies.closure(of: id).isDisjoint(with: ["internet", "mobile-data"]))
                        asked += 1
                    }
                }
            }
        }
        #expect(asked > 0)
    }

    /// Every field of every civil-unrest finding with the run's folded places and the byte
    /// search is the general way's (each place folded and searched by Foundation at every trip),
    /// at three dates, in two orders, with the memo filled and empty.
    @Test func civilUnrestAsTheGeneralWay() throws {
        let policies = try Self.policies()
        let rule = CivilUnrestTravelRule()
        var found = 0
        for asOf in Self.dates {
            for order in [policies, policies.reversed()] {
                let memo = RuleRunMemo()
                for _ in 0..<2 {
                    var memos: [Finding] = [], general: [Finding] = []
                    for policy in order {
                        memos += rule.check(Self.context(policy, asOf: asOf, memo: memo), memos: true)
                        general += rule.check(Self.context(policy, asOf: asOf, memo: RuleRunMemo()), memos: false)
                    }
                    #expect(memos == general)
                    #expect(try Self.json(memos) == Self.json(general))
                    found += general.count
                }
            }
        }
        #expect(found > 0)
    }

    /// The byte search answers as Foundation's `contains` on the database's event places and
    /// the gazetteer's kind of city keys, and on texts it leaves to Foundation (accents,
    /// combining marks, control characters, an empty key).
    @Test func placeSearchAsFoundation() throws {
        let database = TestData.workspace.database
        var places = Set(database.factors.flatMap { $0.events.compactMap(\.place) }.map(TextFolding.key))
        places.formUnion(["bamako", "minsk", "gao", "a", "", "ségou", "cafe\u{301}", "new\nyork", "tab\there", "x y", "kidal region"])
        let keys = Array(places) + ["ba", "mako", "bamako city", "e", "\u{301}", "é", "k y", " ", "region", "ork"]
        var compared = 0
        for place in places {
            for key in keys {
                #expect(CivilUnrestTravelRule.contains(place, key) == place.contains(key), "\(place) / \(key)")
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    /// A leg's parts and a flow's route written in one piece are the texts the joins and
    /// interpolations wrote, for every flow of every policy and a leg of each shape.
    @Test func flowTextsAsBefore() throws {
        var legs = 0
        for policy in try Self.policies() {
            for flow in policy.trade {
                #expect(flow.routeText == flow.routeTextInterpolated)
                for leg in FlowRoute(flow, policy: policy).legs {
                    #expect(leg.partsText == leg.partsTextJoined)
                    legs += 1
                }
            }
        }
        #expect(legs > 0)
        let country = Country(code: "ML", name: "Mali")
        let shapes: [[FlowRoute.Part]] = [[.partner], [.origin, .transit], [.partner, .origin, .transit, .destination], [.destination]]
        for parts in shapes {
            for (fromSites, basis) in [(false, ""), (true, ""), (true, "where site X is"), (false, "where site X is")] {
                let leg = FlowRoute.Leg(country: country, parts: parts, fromSites: fromSites, basis: basis)
                #expect(leg.partsText == leg.partsTextJoined)
            }
        }
    }

    /// The advice memo's lists for a flow are the general way's, for every financial factor in
    /// force, both conditions, and asked twice (the second from the memo, the same storage).
    @Test func financialFlowAdviceAsTheGeneralWay() throws {
        let rule = FinancialRestrictionRule()
        let memo = RuleRunMemo()
        let context = Self.context(try TestData.policy(TestData.minimal("")), asOf: TestData.asOf, memo: memo)
        let factors = context.database.factors.filter { $0.kind == .financialRestriction && $0.isInForce(on: TestData.asOf) }
        #expect(!factors.isEmpty)
        for factor in factors {
            for informal in [false, true] {
                for hasSite in [false, true] {
                    let general = FinancialRestrictionRule.flowAdvice(rule.description, factor, informal: informal, hasSite: hasSite)
                    let first = rule.flowAdvice(factor, informal: informal, hasSite: hasSite, context)
                    let second = rule.flowAdvice(factor, informal: informal, hasSite: hasSite, context)
                    #expect(first == general)
                    #expect(second == general)
                    #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
                }
            }
        }
    }

    /// A path taken from an assessment (its lines handed on) is the path copied from it, and
    /// leaves its level and steps as they were.
    @Test func assessmentPathHandedOn() {
        let description = ShutdownExposureRule().description
        var kept = SeverityAssessment(start: .high, lines: ["site", "depends on internet"])
        kept.adjust(by: -1, "older")
        kept.state("stated")
        kept.adjust([.init(1, "up"), .init(-2, "down")])
        kept.cap(at: .info, "capped")
        #expect(kept.lines == ["site", "depends on internet", "older", "stated", "up", "down", "capped"])
        let copied = kept.path(description)
        #expect(copied == kept.lines + [description.verdictLine(kept.severity)])
        #expect(kept.path(rule: description.id) == kept.lines + ["\(description.id) → \(kept.severity)"])
        var taken = kept
        let handed = taken.takePath(description)
        #expect(handed == copied)
        #expect(taken.lines.isEmpty)
        #expect(taken.steps == kept.steps)
        #expect(taken.severity == kept.severity)
        #expect(kept.steps.map(\.reason) == ["older", "up", "down", "capped"])
        var empty = SeverityAssessment(start: .low)
        #expect(empty.path(description) == [description.verdictLine(.low)])
        #expect(empty.takePath(description) == [description.verdictLine(.low)])
    }

    /// The spatial index with the latitude pre-test finds every point a great-circle test over
    /// all points finds, around each point and random centres, at several radii, near the poles
    /// and across the antimeridian.
    @Test func spatialIndexAsABruteForceSearch() {
        var random = SplitMix64(state: 44)
        func unit() -> Double { Double(random.next() >> 11) / Double(UInt64(1) << 53) }
        var points: [Coordinate] = []
        for _ in 0..<3_000 {
            points.append(Coordinate(lat: unit() * 180 - 90, lon: unit() * 360 - 180))
        }
        // Clusters, points at the same latitude, near the poles and the antimeridian.
        for index in 0..<1_000 {
            let base = points[index % 50]
            points.append(Coordinate(lat: max(-90, min(90, base.lat + (unit() - 0.5) * 2)), lon: base.lon + (unit() - 0.5) * 2))
        }
        points += (0..<200).map { Coordinate(lat: 12.5, lon: Double($0) * 0.01) }
        points += (0..<200).map { _ in Coordinate(lat: 89.5 + unit() * 0.5, lon: unit() * 360 - 180) }
        points += (0..<200).map { _ in Coordinate(lat: unit() * 10, lon: 179.5 + unit() * 0.5) }
        let index = SpatialIndex(points: points)
        func brute(_ radius: Double, _ center: Coordinate) -> [Int] {
            let δ = min(.pi, radius / Coordinate.earthRadiusKm)
            let limit = sin(δ / 2) * sin(δ / 2)
            let φ = max(-90, min(90, center.lat)) * .pi / 180
            let λ = center.lon * .pi / 180
            return points.indices.filter { position in
                let φp = points[position].lat * .pi / 180, λp = points[position].lon * .pi / 180
                let sinΔφ = sin((φp - φ) / 2), sinΔλ = sin((λp - λ) / 2)
                return sinΔφ * sinΔφ + cos(φ) * cos(φp) * sinΔλ * sinΔλ <= limit
            }
        }
        var centres = Array(points.prefix(300))
        centres += [Coordinate(lat: 90, lon: 0), Coordinate(lat: -89.9, lon: 10), Coordinate(lat: 5, lon: 180), Coordinate(lat: 5, lon: -179.9)]
        var found = 0
        for centre in centres {
            for radius in [0.0, 1, 25, 100, 350, 2_000] {
                let indices = index.indices(within: radius, of: centre)
                #expect(indices == brute(radius, centre))
                found += indices.count
            }
        }
        #expect(found > centres.count)
    }
}
