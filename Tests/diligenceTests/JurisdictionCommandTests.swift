import Foundation
import Testing

/// Issue 21, item 2 ("Jurisdiction"), end to end: policies that state where the company is
/// incorporated, checked by the built executable against the shipped seeds. Each finding says
/// whether the measure binds the company or is a secondary risk, with the reason in its path.
@Suite(.serialized) struct JurisdictionCommandTests {
    typealias Seen = JudgementCommandTests.Seen

    static func check(_ fixture: String, asOf: String = "2020-09-30") throws -> (seen: [Seen], findings: [[String: Any]]) {
        try JudgementCommandTests.check(fixture, folder: "jurisdiction", asOf: asOf)
    }

    static func one(_ findings: [[String: Any]], _ rule: String, _ subject: String) throws -> (message: String, path: [String], advice: [String]) {
        let finding = try #require(JudgementCommandTests.finding(findings, rule, subject), "\(rule)/\(subject)")
        return (finding["message"] as? String ?? "", finding["path"] as? [String] ?? [], finding["recommendations"] as? [String] ?? [])
    }

    @Test func ofacsFreezeIsASecondaryRiskForANorwegianFirm() throws {
        let (seen, findings) = try Self.check("norway-wagner.yaml")
        #expect(seen == [Seen(rule: "listed-counterparty", subject: "guards", severity: "high", line: 7)], "\(seen)")
        let guards = try Self.one(findings, "listed-counterparty", "guards")
        #expect(
            guards.message.hasSuffix("measures: asset freeze; a secondary risk for Example Norse Subsea AS, not a measure that binds it"), "\(guards.message)")
        #expect(
            guards.path.contains { $0.hasPrefix("secondary risk: imposed by US (US-OFAC); Example Norse Subsea AS is incorporated in Norway, subject to UN") },
            "\(guards.path)")
        // No freeze: due diligence, the US nexus and the banks' policy.
        #expect(!guards.advice.contains { $0.hasPrefix("Asset freeze: stop payments") }, "\(guards.advice)")
        #expect(guards.advice.contains { $0.contains("USD payments") && $0.contains("US persons") && $0.contains("US-origin goods") }, "\(guards.advice)")
        #expect(guards.advice.contains { $0.contains("ask your banks") }, "\(guards.advice)")
    }

    @Test func ofacsFreezeBindsAUSFirmAndAFirmThatStatesItIsSubjectToUS() throws {
        for (fixture, company, reason, line) in [
            ("us-wagner.yaml", "Example Gulf Logistics Inc.", "incorporated in United States", 6),
            ("norway-us-nexus.yaml", "Example Norse Dollar Trading AS", "stated in `subject_to`", 8),
        ] {
            let (seen, findings) = try Self.check(fixture)
            #expect(seen == [Seen(rule: "listed-counterparty", subject: "guards", severity: "critical", line: line)], "\(seen)")
            let guards = try Self.one(findings, "listed-counterparty", "guards")
            #expect(guards.message.hasSuffix("measures: asset freeze; the measure binds \(company)"), "\(guards.message)")
            #expect(guards.path.contains("binding: US measure binds \(company): \(reason)"), "\(guards.path)")
            #expect(guards.advice.first?.hasPrefix("Asset freeze: stop payments and deliveries") == true, "\(guards.advice)")
            #expect(
                guards.advice.contains { $0.hasPrefix("The measure binds \(company): obtain legal review") && $0.contains("report to the competent authority") }
            )
        }
    }

    @Test func withoutAJurisdictionBindingnessIsNotAssessedAndJudgedAsBinding() throws {
        let (seen, findings) = try Self.check("unstated-wagner.yaml")
        #expect(seen == [Seen(rule: "listed-counterparty", subject: "guards", severity: "critical", line: 6)], "\(seen)")
        let guards = try Self.one(findings, "listed-counterparty", "guards")
        #expect(guards.message.hasSuffix("; bindingness not assessed, judged as binding"))
        #expect(guards.path.contains { $0.hasPrefix("bindingness not assessed: imposed by US (US-OFAC); jurisdiction not stated") }, "\(guards.path)")
        #expect(guards.advice.contains { $0.hasPrefix("State where the company is incorporated (`incorporated`)") })
    }

    @Test func aLithuanianForwarderIsBoundByTheBalticBanAndTheEUMeasures() throws {
        let (seen, findings) = try Self.check("lithuanian-forwarder.yaml")
        #expect(seen.contains(Seen(rule: "listed-counterparty", subject: "official", severity: "high", line: 7)), "\(seen)")
        let official = try Self.one(findings, "listed-counterparty", "official")
        #expect(official.message.hasSuffix("; the measure binds Example Baltic Forwarding UAB"), "\(official.message)")
        #expect(official.path.contains("binding: measure of Lithuania binds Example Baltic Forwarding UAB: incorporated there"), "\(official.path)")
        // Once the EU listings are in force (2 October 2020): the ministry is not listed by its
        // role; its officials may be. Lithuania is an EU member state: the EU measures bind.
        let (later, laterFindings) = try Self.check("lithuanian-forwarder.yaml", asOf: "2020-10-15")
        #expect(later.contains(Seen(rule: "financial-restriction", subject: "ministry", severity: "medium", line: 11)), "\(later)")
        let ministry = try Self.one(laterFindings, "financial-restriction", "ministry")
        #expect(ministry.message.contains("the body itself is not listed by its role: screen its officials, owners and signatories"), "\(ministry.message)")
        #expect(!ministry.message.contains("exposed to EU sanctions"), "\(ministry.message)")
        #expect(
            ministry.path.contains("binding: EU measure binds Example Baltic Forwarding UAB: incorporated in Lithuania, an EU member state"), "\(ministry.path)"
        )
        #expect(ministry.advice.contains { $0.hasPrefix("Freeze any funds or economic resources of listed persons") })
    }

    @Test func aNorwegianFirmDealingWithABelarusianMinistryHasASecondaryRisk() throws {
        let (seen, findings) = try Self.check("norway-ministry.yaml", asOf: "2020-10-15")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "ministry", severity: "low", line: 7)), "\(seen)")
        let ministry = try Self.one(findings, "financial-restriction", "ministry")
        #expect(ministry.message.contains("the body itself is not listed by its role"), "\(ministry.message)")
        #expect(ministry.message.hasSuffix("a secondary risk for Example Norse Telecom Services AS, not a measure that binds it"), "\(ministry.message)")
        #expect(
            ministry.path.contains { $0.hasPrefix("secondary risk: imposed by EU; Example Norse Telecom Services AS is incorporated in Norway") },
            "\(ministry.path)")
        #expect(!ministry.advice.contains { $0.hasPrefix("Freeze any funds") }, "\(ministry.advice)")
        #expect(ministry.advice.first?.hasPrefix("Screen the body's officials") == true, "\(ministry.advice)")
    }

    @Test func aMalianSubsidiaryIsBoundAndItsNorwegianParentOnlyWhereItsGoodsCrossAClosedBorder() throws {
        let (seen, findings) = try Self.check("mali-subsidiary.yaml")
        // The subsidiary's site: bound (incorporated in Mali, an ECOWAS member).
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "kayes-mine", severity: "medium", line: 11)), "\(seen)")
        #expect(
            try Self.one(findings, "financial-restriction", "kayes-mine").path
                .contains("binding: ECOWAS measure binds the subsidiary running kayes-mine: incorporated in Mali, bound to ECOWAS measures on this date"))
        // The parent's own office there: Mali is the target, not the imposing territory.
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "bamako-liaison", severity: "low", line: 16)), "\(seen)")
        let liaison = try Self.one(findings, "financial-restriction", "bamako-liaison")
        #expect(
            liaison.path.contains {
                $0.hasPrefix("secondary risk: imposed by ECOWAS") && $0.contains("operates in the imposing territory only in Mali, the measure's target")
            }, "\(liaison.path)")
        // Air freight from Norway: secondary; through Dakar (Senegal's closed border): binding.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "drill-parts-by-air", severity: "medium", line: 21)), "\(seen)")
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "drill-parts-via-dakar", severity: "high", line: 28)), "\(seen)")
        let dakar = try Self.one(findings, "trade-restriction", "drill-parts-via-dakar")
        #expect(dakar.message.hasSuffix("; the measure binds Example Norse Minerals AS"))
        #expect(dakar.path.contains("binding: ECOWAS measure binds Example Norse Minerals AS in Senegal (transit), within its territory"), "\(dakar.path)")
        #expect(dakar.advice.contains { $0.hasPrefix("Do not route Mali-bound or Mali-origin goods across the closed ECOWAS borders") })
        let air = try Self.one(findings, "trade-restriction", "drill-parts-by-air")
        #expect(air.message.hasSuffix("a secondary risk for Example Norse Minerals AS, not a measure that binds it"))
        #expect(
            air.advice.first?.contains("ECOWAS: an entity or bank incorporated in an ECOWAS member state, goods crossing an ECOWAS member's border") == true,
            "\(air.advice)")
        // A flow whose company end is its sites: the Malian subsidiary at that end is bound.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "gold-offtake", severity: "high", line: 37)), "\(seen)")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "gold-offtake", severity: "high", line: 37)), "\(seen)")
        let gold = try Self.one(findings, "trade-restriction", "gold-offtake")
        #expect(gold.message.hasSuffix("; the measure binds the subsidiary running kayes-mine"), "\(gold.message)")
        #expect(
            gold.path.contains("binding: ECOWAS measure binds the subsidiary running kayes-mine: incorporated in Mali, bound to ECOWAS measures on this date"),
            "\(gold.path)")
    }
}
