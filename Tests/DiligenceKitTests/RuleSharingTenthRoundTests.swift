import Testing

@testable import DiligenceKit

/// What the tenth round (`speed3`) made once and shared: a flow route's judgement under a
/// measure (per policy), a travel destination's place (per run) and an evidence list's table
/// entry (found by its storage). Each answer must be the one worked out again for every use.
@Suite struct RuleSharingTenthRoundTests {
    /// Flows with the same route (twice each), a flow traded by a local subsidiary, a transit
    /// flow, payments, and sites in two countries: every judgement the trade and financial rules
    /// can give on the seeds.
    static let flows = TestData.minimal(
        """
        incorporated: FR
        sites:
          - id: bamako-office
            country: ML
            incorporated: ML
            depends_on: [payments]
          - id: maputo-office
            country: MZ
        trade:
          - id: fuel-one
            direction: export
            country: ML
            goods: [fuel]
            payment: [bank-transfer]
          - id: fuel-two
            direction: export
            country: ML
            goods: [fuel]
            payment: [bank-transfer]
          - id: fuel-local
            direction: export
            country: ML
            site: bamako-office
            goods: [fuel]
            payment: [bank-transfer]
          - id: fuel-local-again
            direction: export
            country: ML
            site: bamako-office
            goods: [medicines]
            payment: [cash]
          - id: fuel-from-maputo
            direction: export
            country: ML
            site: maputo-office
            goods: [fuel]
            payment: [bank-transfer]
          - id: via-senegal
            direction: import
            country: SN
            transit: [ML]
            goods: [fuel]
          - id: fees
            kind: payment
            direction: export
            country: ML
            payment: [hawala, bank-transfer]
          - id: fees-again
            kind: payment
            direction: export
            country: ML
            payment: [bank-transfer]
          - id: wages
            kind: remittance
            direction: export
            country: BY
            site: maputo-office
        counterparties:
          - id: bank-one
            name: Banque Sahel
            country: ML
            role: bank
          - id: bank-two
            name: Banque du Niger
            country: ML
            role: bank
        """)

    /// Every trade- and financial-restriction finding on a flow carries the judgement that
    /// `RuleContext.bindingness` gives for that flow alone: its binding, its path line, its
    /// message's ending and its advice on jurisdiction.
    @Test func aRouteJudgedOncePerPolicyGivesEachFlowItsOwnAnswer() throws {
        let result = try TestData.check(Self.flows)
        let policy = try TestData.policy(Self.flows)
        let workspace = TestData.workspace
        let context = RuleContext(
            policy: policy, database: workspace.database, asOf: TestData.asOf, vocabularies: workspace.vocabularies,
            settings: .defaults, screener: NameScreener(entities: workspace.database.entities))
        let onFlows = result.findings.filter { ($0.rule == .tradeRestriction || $0.rule == .financialRestriction) && $0.subjectKind == .trade }
        #expect(Set(onFlows.map(\.subject)).count >= 6)
        var kinds: Set<Binding.Status> = []
        for finding in onFlows {
            let index = try #require(policy.trade.firstIndex { $0.id == finding.subject })
            let flow = policy.trade[index]
            let factor = try #require(workspace.database.factors.first { $0.id == finding.factors.first })
            let (jurisdiction, bindingness) = context.bindingness(
                of: flow, route: FlowRoute(flow, policy: policy), imposedBy: factor.imposedBy, target: factor.country)
            let binding = Binding(bindingness, jurisdiction: jurisdiction, imposedBy: factor.imposedBy)
            #expect(finding.binding == binding, "\(finding.subject) under \(factor.id)")
            #expect(finding.path.contains(bindingness.pathLine))
            kinds.insert(binding.status)
            guard finding.severity != .info else { continue }
            #expect(finding.message.hasSuffix(bindingness.messageSuffix(jurisdiction.name)))
            let advice =
                bindingness.isSecondary ? jurisdiction.secondaryAdvice(imposedBy: factor.imposedBy) : jurisdiction.bindingAdvice(bindingness)
            #expect(advice.allSatisfy(finding.recommendations.contains))
        }
        // The Malian subsidiary is bound where the French company is not: both answers occur.
        #expect(kinds.count >= 2)
    }

    /// Flows with the same route share one judgement; a flow traded by another entity does not.
    @Test func flowsWithTheSameRouteShareTheirJudgement() throws {
        let policy = try TestData.policy(Self.flows)
        let workspace = TestData.workspace
        let context = RuleContext(
            policy: policy, database: workspace.database, asOf: TestData.asOf, vocabularies: workspace.vocabularies,
            settings: .defaults, screener: NameScreener(entities: workspace.database.entities))
        let mali = try #require(CountryTable.shared?.country(code: "ML"))
        let factor = try #require(context.factors(.tradeRestriction, .sanction, in: mali).first)
        func judgement(_ id: String) throws -> RouteJudgement {
            let index = try #require(policy.trade.firstIndex { $0.id == id })
            return context.judgement(of: policy.trade[index], route: context.routes[index], imposedBy: factor.imposedBy, target: factor.country)
        }
        let one = try judgement("fuel-one"), two = try judgement("fuel-two")
        #expect(one.binding == two.binding)
        #expect(one.advice.sharesStorage(with: two.advice))
        let local = try judgement("fuel-local")
        #expect(local.binding == (try judgement("fuel-local-again")).binding)
        #expect(local.advice.sharesStorage(with: (try judgement("fuel-local-again")).advice))
        // Traded from the Mozambican site: the company itself, a secondary risk.
        let maputo = try judgement("fuel-from-maputo")
        #expect(maputo.binding.entity != local.binding.entity)
        #expect(maputo.binding.status == .secondary)
        #expect(!maputo.advice.sharesStorage(with: local.advice))
    }

    /// A destination resolved again is the answer of a resolver that never saw it, known or not,
    /// with a generic town word or without.
    @Test func aDestinationResolvedAgainIsTheSamePlace() throws {
        let database = TestData.workspace.database
        let shared = DestinationResolver(database: database)
        let cities: [(String, String)] = [
            ("Pemba", "MZ"), ("Pemba City", "MZ"), ("Bamako", "ML"), ("Minsk", "BY"), ("город Минск", "BY"), ("Nowhere-on-Earth", "ML"),
            ("Bamako", "MZ"),
        ]
        for _ in 0..<2 {
            for (city, code) in cities {
                let country = try #require(CountryTable.shared?.country(code: code))
                #expect(shared.resolve(city, in: country) == DestinationResolver(database: database).resolve(city, in: country), "\(city), \(code)")
            }
        }
        let mali = try #require(CountryTable.shared?.country(code: "ML"))
        #expect(shared.resolve("Bamako", in: mali) != nil)
        #expect(shared.resolve("Nowhere-on-Earth", in: mali) == nil)
    }

    /// An evidence list found by its storage has the table entry of the same lines written
    /// anew, and another list another entry.
    @Test func anEvidenceListFoundByItsStorageHasTheEntryOfItsLines() {
        let reference = Reference(source: "Source A", title: "A report", date: nil, quote: "a quote", url: nil)
        let lines = [
            Evidence(record: "DRF-1", fact: "A measure", date: "in force since 2020-01-01", reference: reference),
            Evidence(record: "DRF-1", fact: "An event", date: "2020-08-01"),
        ]
        let first = EvidenceLists.shared.info(of: lines)
        let again = EvidenceLists.shared.info(of: lines)
        let copy = EvidenceLists.shared.info(of: lines.map { Evidence(record: $0.record, fact: String($0.fact), date: $0.date, reference: $0.reference) })
        #expect(first.hash == again.hash && first.factIDs == again.factIDs)
        #expect(first.hash == copy.hash && first.factIDs == copy.factIDs)
        let other = EvidenceLists.shared.info(of: [lines[0], Evidence(record: "DRF-1", fact: "Another event", date: "2020-08-02")])
        #expect(other.hash != first.hash)
        #expect(other.factIDs[1] != first.factIDs[1])
    }

    /// A national shutdown's events reach every site: what the findings say of them is worked
    /// out once per run, and each site's finding is the one a policy with that site alone gives.
    @Test func shutdownFindingsOfARunAreThoseOfEachSiteAlone() throws {
        let sites = [
            "  - id: minsk-office\n    country: BY\n    city: Minsk\n    depends_on: [internet, payments]",
            "  - id: grodno-depot\n    country: BY\n    city: Grodno\n    depends_on: [mobile-data]\n    continuity: [satellite-link]",
            "  - id: brest-shop\n    country: BY\n    depends_on: [email]",
        ]
        let together = try TestData.findings(.shutdownExposure, TestData.minimal("sites:\n" + sites.joined(separator: "\n")))
        #expect(together.count == 3)
        for site in sites {
            let alone = try #require(try TestData.findings(.shutdownExposure, TestData.minimal("sites:\n" + site)).first)
            let finding = try #require(together.first { $0.subject == alone.subject })
            #expect(finding.message == alone.message)
            #expect(finding.path == alone.path)
            #expect(finding.severity == alone.severity)
            #expect(finding.evidence == alone.evidence)
            #expect(finding.exposure?.events == alone.exposure?.events)
            #expect(finding.exposure?.eventsNotCited == alone.exposure?.eventsNotCited)
        }
        // One account of the events for the run: the same evidence array for every site.
        #expect(together[0].evidence.sharesStorage(with: together[1].evidence))
    }
}
