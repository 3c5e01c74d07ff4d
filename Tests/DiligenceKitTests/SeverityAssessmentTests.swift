import Foundation
import Testing

@testable import DiligenceKit

/// The severity assessment (a start, steps with reasons, a cap), the one distance formatter,
/// the rules' documentation read from `RuleSettings`, and the per-run factor parts.
@Suite struct SeverityAssessmentTests {
    @Test func stepsApplyInOrderClampedAndThePathStatesEach() {
        var assessment = SeverityAssessment(start: .high, lines: ["Minsk office", "depends on internet"])
        assessment.adjust(by: -1, "no event in the last 365 days")
        assessment.state("3 shutdown events")
        assessment.adjust(by: -5, "covered by satellite-link")
        #expect(assessment.severity == .info)
        assessment.adjust(by: 1, "raised")
        // Clamped at info, then one up: low (not the sum high - 5 + 1).
        #expect(assessment.severity == .low)
        #expect(assessment.steps.map(\.levels) == [-1, -5, 1])
        #expect(
            assessment.path(rule: "shutdown-exposure") == [
                "Minsk office", "depends on internet", "no event in the last 365 days", "3 shutdown events",
                "covered by satellite-link", "raised", "shutdown-exposure → low",
            ])
    }

    @Test func aGroupMovesOnceByItsSumAndTheCapIsStatedOnlyWhenItBinds() {
        var travel = SeverityAssessment(start: .info)
        // Passing through (-1) from info, then weekly (+1): the group's sum is 0, so info stays.
        travel.adjust([.init(-1, "travel"), .init(1, "weekly trips")])
        #expect(travel.severity == .info)
        var site = SeverityAssessment(start: .critical)
        site.adjust(by: 1, "a named target")
        site.cap(at: .high, "capped at the factor's high")
        #expect(site.severity == .high)
        #expect(site.path(rule: "conflict-proximity").suffix(2) == ["capped at the factor's high", "conflict-proximity → high"])
        var below = SeverityAssessment(start: .medium)
        below.cap(at: .high, "never written")
        #expect(below.path(rule: "r") == ["r → medium"])
    }

    @Test(arguments: [(0.0, "0.0 km"), (1.26, "1.3 km"), (9.94, "9.9 km"), (9.96, "10 km"), (10.4, "10 km"), (61.5, "62 km"), (181.2, "181 km")])
    func distancesHaveOneFormat(km: Double, text: String) {
        #expect(Kilometres.text(km) == text)
        #expect(MarkdownReporter.km(km) == text)
        #expect(ConflictProximityRule.km(km) == text)
    }

    @Test func theRulesDocumentationStatesTheSettingsDefaults() {
        let defaults = RuleSettings.defaults
        #expect(defaults == RuleSettings())
        #expect(defaults.conflictBandsText == "25, 100, 200 and 300 km")
        #expect(StaleIntelligenceRule().description.summary.contains("more than \(defaults.staleAfterDays) days before the as-of date"))
        let conflict = ConflictProximityRule().description.severityModel.joined(separator: "\n")
        #expect(conflict.contains("up to 25, 100, 200 and 300 km"))
        #expect(conflict.contains("last review plus 180 days): up to 365 days full weight; 366 to 730 days one level lower"))
        #expect(CivilUnrestTravelRule().description.severityModel[1].hasPrefix("Latest unrest event in that city within 30 days"))
        #expect(ShutdownExposureRule().description.severityModel[1] == "No shutdown event in the last 365 days before the recency reference: one level lower.")
        #expect(ListedCounterpartyRule().description.severityModel.contains { $0.contains("(default 0.70;") })
    }

    /// The rules read their thresholds from the run's `RuleSettings`, not from constants of
    /// their own: a changed setting changes the finding.
    @Test func theRulesReadTheirThresholdsFromTheRunsSettings() throws {
        func findings(_ yaml: String, _ rule: RuleID, _ change: (inout RuleSettings) -> Void = { _ in }) throws -> [Finding] {
            var settings = RuleSettings()
            change(&settings)
            let checker = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
            return checker.check([try TestData.policy(yaml)], options: CheckOptions(asOf: TestData.asOf, settings: settings)).findings
                .filter { $0.rule == rule }
        }
        let trip = """
            version: 1
            company: Example Engineering
            travel:
              - id: palma-visits
                country: MZ
                city: Palma
                travellers: 6
            """
        let group = "6 travellers per trip (6 or more) → one level higher"
        let usual = try #require(try findings(trip, .conflictProximity).first)
        #expect(!usual.path.contains(group))
        let large = try #require(try findings(trip, .conflictProximity) { $0.largeTravelGroup = 6 }.first)
        #expect(large.path.contains(group))
        #expect(large.severity > usual.severity || large.severity == .critical)
        // 80 km north of Minsk (a city of two million: far beyond 75 km by default).
        let site = """
            version: 1
            company: Example Software
            sites:
              - id: minsk-office
                kind: office
                country: BY
                city: Minsk
                location: { lat: 54.62, lon: 27.5667 }
            """
        let far = try findings(site, .inputPlausibility)
        #expect(far.count == 1)
        #expect(far.first?.message.contains("more than 75 km away") == true)
        #expect(try findings(site, .inputPlausibility) { $0.plausibleLargeCityKm = 100 }.isEmpty)
    }

    /// A factor's parts are its own texts and evidence, whichever finding asks first.
    @Test func factorPartsAreTheFactorsOwnTexts() throws {
        let database = TestData.workspace.database
        let factor = try #require(database.factor(id: "DRF-2020-ML-0001"))
        let parts = FactorParts(factor, asOf: TestData.asOf)
        #expect(parts.inForceLine == "DRF-2020-ML-0001 in force since \(factor.inForceFrom)")
        #expect(parts.titleInSentence == factor.title.lowercasedFirst)
        #expect(parts.events == factor.events(asOf: TestData.asOf))
        #expect(parts.evidence == factor.evidence(events: parts.events, asOf: TestData.asOf))
        let latest = try #require(parts.events.last)
        #expect(parts.latestEvent == "latest: \(latest.what.lowercasedFirst) (\(latest.when))")
        // Evidence for some events: the factor's lines around the finding's own events.
        let context = RuleContext(
            policy: try TestData.policy("version: 1\ncompany: X\n"), database: database, asOf: TestData.asOf,
            vocabularies: TestData.workspace.vocabularies, settings: RuleSettings(),
            screener: NameScreener(entities: database.entities))
        let some = Array(parts.events.suffix(2))
        #expect(context.evidence(for: factor, events: some) == factor.evidence(events: some, asOf: TestData.asOf))
        #expect(context.evidence(for: factor, events: []) == factor.evidence(events: [], asOf: TestData.asOf))
        #expect(context.evidence(for: factor) == parts.evidence)
        // Every event, in the factor's order: the factor's own lines.
        #expect(context.evidence(for: factor, events: parts.events) == factor.evidence(events: parts.events, asOf: TestData.asOf))
        #expect(context.evidence(for: factor, events: parts.events.reversed()) == factor.evidence(events: parts.events.reversed(), asOf: TestData.asOf))
    }

    /// The factors in force by country and kind are remembered for a run: every pair of kinds
    /// asked of one context (one memo) gets the database's own answer for that pair, never the
    /// answer to another pair or another country.
    @Test func factorsByKindAreNotMixedUpByTheMemo() throws {
        let database = TestData.workspace.database
        let context = RuleContext(
            policy: try TestData.policy("version: 1\ncompany: X\n"), database: database, asOf: TestData.asOf,
            vocabularies: TestData.workspace.vocabularies, settings: RuleSettings(),
            screener: NameScreener(entities: database.entities))
        let countries = Array(Set(database.factors.map(\.country))).sorted()
        #expect(countries.count >= 3)
        var answered = 0
        for _ in 0..<2 {
            for country in countries {
                for kind in FactorKind.allCases {
                    for other in [nil] + FactorKind.allCases {
                        let expected = database.factors(in: country, asOf: TestData.asOf) { $0 == kind || $0 == other }
                        #expect(context.factors(kind, other, in: country).map(\.id) == expected.map(\.id), "\(country) \(kind) \(String(describing: other))")
                        if !expected.isEmpty { answered += 1 }
                    }
                }
            }
        }
        #expect(answered > 0)
    }

    /// The routes a context makes once per policy are each flow's own route, in flow order.
    @Test func contextRoutesAreEachFlowsRoute() throws {
        let database = TestData.workspace.database
        let policy = try TestData.policy(
            """
            version: 1
            company: X
            sites:
              - { id: a, kind: office, country: ML, city: Bamako }
              - { id: b, kind: office, country: BY, city: Minsk }
            trade:
              - { id: one, direction: export, country: SN, goods: [vehicles], transit: [ML] }
              - { id: two, kind: payment, direction: import, country: MZ, site: b }
            """)
        let context = RuleContext(
            policy: policy, database: database, asOf: TestData.asOf, vocabularies: TestData.workspace.vocabularies,
            settings: RuleSettings(), screener: NameScreener(entities: database.entities))
        #expect(context.routes.count == 2)
        for (flow, route) in zip(policy.trade, context.routes) {
            let own = FlowRoute(flow, policy: policy)
            #expect(route.legs.map(\.country) == own.legs.map(\.country))
            #expect(route.legs.map(\.parts) == own.legs.map(\.parts))
            #expect(route.ownEnd == own.ownEnd)
        }
        #expect(context.routes[0].legs.map(\.country.code) == ["SN", "BY", "ML"])
    }
}

/// The byte search the rules use instead of Foundation's `contains`.
@Suite struct TextSearchTests {
    @Test(arguments: [
        ("Attack near Palma", "Palma", true), ("Attack near Palma", "palma", false), ("Palma", "Palma", true),
        ("Pal", "Palma", false), ("Mocímboa da Praia", "Mocímboa", true), ("aaab", "aab", true), ("abc", "", false),
        ("", "a", false), ("Afungi LNG project", "LNG project (Total)", false),
    ])
    func bytesAreFoundWhereFoundationFindsThem(text: String, part: String, found: Bool) {
        #expect(text.containsBytes(of: part) == found)
        #expect(text.contains(part) == found)
    }
}
