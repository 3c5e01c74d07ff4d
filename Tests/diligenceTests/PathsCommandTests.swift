import Foundation
import Testing

/// Issue 21, the judgement items left open: every country a flow or trip touches, the company's
/// own end of a flow, structured bindingness, travel steps in the exposure, counterparties'
/// jurisdiction and coordinates checked against country outlines. End to end on policies
/// written for each case, checked by the built executable against the shipped seeds.
@Suite(.serialized) struct PathsCommandTests {
    typealias Seen = JudgementCommandTests.Seen

    static func check(_ fixture: String) throws -> (seen: [Seen], findings: [[String: Any]]) {
        try JudgementCommandTests.check(fixture, folder: "paths")
    }

    static func finding(_ findings: [[String: Any]], _ rule: String, _ subject: String) throws -> [String: Any] {
        try #require(JudgementCommandTests.finding(findings, rule, subject), "no \(rule)/\(subject)")
    }

    @Test func politicalInstabilityJudgesEveryCountryAFlowOrTripTouches() throws {
        let (seen, findings) = try Self.check("instability-route.yaml")
        // Goods crossing Mali in transit, and medicines bought in Senegal for Mali: one level below a site.
        #expect(seen.contains(Seen(rule: "political-instability", subject: "niger-via-mali", severity: "medium", line: 12)), "\(seen)")
        #expect(seen.contains(Seen(rule: "political-instability", subject: "dakar-to-bamako", severity: "medium", line: 19)), "\(seen)")
        // Staff driving through Mali to Niamey: two levels below a site; visiting Bamako: one.
        #expect(seen.contains(Seen(rule: "political-instability", subject: "niamey-overland", severity: "low", line: 33)), "\(seen)")
        #expect(seen.contains(Seen(rule: "political-instability", subject: "bamako-visits", severity: "medium", line: 40)), "\(seen)")
        // Senegal to Ghana touches no country under a coup.
        #expect(!seen.contains { $0.subject == "dakar-supplies" && $0.rule == "political-instability" }, "\(seen)")
        let transit = try Self.finding(findings, "political-instability", "niger-via-mali")
        #expect((transit["message"] as? String)?.contains("touches Mali (transit), under military coup") == true)
        #expect(((transit["path"] as? [String]) ?? []).contains("Mali: transit"))
        // Mali is named twice in the convoy's transit: judged once.
        #expect(seen.filter { $0.rule == "political-instability" && $0.subject == "niamey-overland" }.count == 1, "\(seen)")
        let overland = try Self.finding(findings, "political-instability", "niamey-overland")
        #expect((overland["message"] as? String)?.contains("takes staff through Mali") == true)
        #expect(((overland["path"] as? [String]) ?? []).contains("transit: staff only pass through → two levels lower than a site there"))
    }

    @Test func theCompanysEndOfAFlowIsTheSiteItNamesOrNotAssessed() throws {
        let (seen, findings) = try Self.check("own-end.yaml")
        // The Abidjan warehouse's import from Dakar never enters Mali: no finding at all.
        #expect(!seen.contains { $0.subject == "abidjan-explosives" }, "\(seen)")
        // The Bamako shop's import crosses the closed ECOWAS border.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "bamako-explosives", severity: "high", line: 25)), "\(seen)")
        let named = try Self.finding(findings, "trade-restriction", "bamako-explosives")
        #expect(((named["path"] as? [String]) ?? []).contains("Mali: destination, where site bamako-shop is"))
        // Not named: each site country is a possible end (fails closed) and not-assessed asks which.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "unnamed-explosives", severity: "high", line: 32)), "\(seen)")
        #expect(seen.contains(Seen(rule: "not-assessed", subject: "unnamed-explosives", severity: "low", line: 32)), "\(seen)")
        let unnamed = try Self.finding(findings, "trade-restriction", "unnamed-explosives")
        #expect(((unnamed["path"] as? [String]) ?? []).contains { $0.hasPrefix("Mali: destination, possibly: one of the countries the company has sites in") })
        let ask = try Self.finding(findings, "not-assessed", "unnamed-explosives")
        #expect((ask["message"] as? String)?.contains("sites in Côte d'Ivoire, Mali") == true)
        #expect(((ask["recommendations"] as? [String]) ?? []).first?.hasPrefix("Name the site that trades the flow (`site`)") == true)
    }

    @Test func aCompanyWithoutSitesTradesFromWhereItIsIncorporated() throws {
        let (seen, findings) = try Self.check("own-end-incorporated.yaml")
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "dakar-explosives", severity: "high", line: 6)), "\(seen)")
        #expect(seen.contains(Seen(rule: "political-instability", subject: "dakar-explosives", severity: "medium", line: 6)), "\(seen)")
        #expect(!seen.contains { $0.rule == "not-assessed" }, "\(seen)")
        let trade = try Self.finding(findings, "trade-restriction", "dakar-explosives")
        #expect(((trade["path"] as? [String]) ?? []).contains("Mali: destination, where the company is incorporated"))
    }

    @Test func aFlowWhoseCompanyEndIsUnknownIsNotAssessed() throws {
        let (seen, findings) = try Self.check("own-end-unknown.yaml")
        #expect(seen == [Seen(rule: "not-assessed", subject: "dakar-explosives", severity: "low", line: 5)], "\(seen)")
        let finding = try Self.finding(findings, "not-assessed", "dakar-explosives")
        #expect((finding["message"] as? String)?.contains("the company's end of the flow is unknown") == true)
    }

    @Test func aFlowNamingAnUnknownSiteIsALocatedError() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("site.yaml")
        try """
        version: 1
        company: A
        trade:
          - id: t
            direction: export
            country: ML
            site: bamako-shopp
        sites:
          - id: bamako-shop
            country: ML
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Executable.run(["check", file.path, "--as-of", "2020-09-30"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("site.yaml:7:11: error: unknown site `bamako-shopp` in `site`: it names no site of this file; did you mean `bamako-shop`?"),
            "\(run.stderr)")
    }

    @Test func bindingIsAStructuredMemberOfTheJSONAndSARIFReports() throws {
        let (_, findings) = try Self.check("own-end.yaml")
        let trade = try Self.finding(findings, "trade-restriction", "bamako-explosives")
        let binding = try #require(trade["binding"] as? [String: Any])
        #expect(binding["status"] as? String == "binds")
        #expect(binding["imposed_by"] as? [String] == ["ECOWAS"])
        #expect(binding["regimes"] as? [String] == ["ECOWAS"])
        #expect(binding["entity"] as? String == "Example West Africa Trading SA")
        #expect(binding["entity_regimes"] as? [String] == ["ECOWAS", "UN"])
        #expect((binding["reason"] as? String)?.hasPrefix("ECOWAS measure binds") == true)
        // Findings not about a measure have none.
        #expect(try Self.finding(findings, "political-instability", "bamako-shop")["binding"] == nil)
        // A Norwegian firm and OFAC's list: secondary; no jurisdiction stated: not-assessed.
        let (_, listed) = try Self.check("binding-listed.yaml")
        let norwegian = try #require(try Self.finding(listed, "listed-counterparty", "wagner-customer")["binding"] as? [String: Any])
        #expect(norwegian["status"] as? String == "secondary")
        #expect(norwegian["imposed_by"] as? [String] == ["US-OFAC"])
        #expect(norwegian["regimes"] as? [String] == ["US"])
        let (_, unstated) = try Self.check("own-end-incorporated.yaml")
        #expect((try Self.finding(unstated, "trade-restriction", "dakar-explosives")["binding"] as? [String: Any])?["status"] as? String == "binds")
        // SARIF carries the same member in the result's properties.
        let path = Executable.fixtures.appendingPathComponent("paths/own-end.yaml").path
        let run = try Executable.run(["check", path, "--as-of", "2020-09-30", "--format", "sarif", "--fail-on", "none"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let statuses = results.compactMap { (($0["properties"] as? [String: Any])?["binding"] as? [String: Any])?["status"] as? String }
        #expect(statuses.count == 4 && statuses.allSatisfy { $0 == "binds" }, "\(statuses)")
    }

    @Test func coordinatesAtSeaOrInTheWrongCountryInsideTheBoxAreFlagged() throws {
        let (seen, findings) = try Self.check("outlines.yaml")
        // Maputo's port and Inhambane's shore are on land (within the outline's tolerance).
        #expect(!seen.contains { $0.subject == "maputo-port" && $0.rule == "input-plausibility" }, "\(seen)")
        #expect(!seen.contains { $0.subject == "inhambane-office" && $0.rule == "input-plausibility" }, "\(seen)")
        // 32 km offshore, and a Malian depot at Kédougou (Senegal): both inside the countries' boxes.
        #expect(seen.contains(Seen(rule: "input-plausibility", subject: "offshore-yard", severity: "medium", line: 13)), "\(seen)")
        #expect(seen.contains(Seen(rule: "input-plausibility", subject: "kayes-depot", severity: "medium", line: 18)), "\(seen)")
        let sea = try Self.finding(findings, "input-plausibility", "offshore-yard")
        #expect((sea["message"] as? String)?.contains("lies in no country's outline, 32 km from Mozambique's: at sea") == true)
        let senegal = try Self.finding(findings, "input-plausibility", "kayes-depot")
        #expect((senegal["message"] as? String)?.contains("lies in Senegal, 77 km outside Mali's outline: not in Mali") == true)
    }

    @Test func travelStepsAreInTheStructuredExposure() throws {
        let (_, findings) = try JudgementCommandTests.check("travel-conflict.yaml")
        let mocimboa = try #require(try Self.finding(findings, "conflict-proximity", "mocimboa-rotation")["exposure"] as? [String: Any])
        let destination = try #require(mocimboa["destination"] as? [String: Any])
        #expect(destination["city"] as? String == "Mocimboa da Praia")
        #expect(destination["name"] as? String == "Mocímboa da Praia")
        #expect(destination["travellers"] as? Int == 20)
        #expect(destination["frequency"] as? String == "weekly")
        let steps = try #require(mocimboa["steps"] as? [[String: Any]])
        #expect(steps.map { $0["levels"] as? Int } == [-1, 1, 1])
        #expect(steps.last?["reason"] as? String == "20 travellers per trip (10 or more) → one level higher")
        #expect(mocimboa["severity"] as? String == "critical")
        // Civil unrest by the city as resolved: Мінск is Minsk.
        let minsk = try #require(try Self.finding(findings, "civil-unrest-travel", "minsk-cyrillic")["exposure"] as? [String: Any])
        #expect((minsk["destination"] as? [String: Any])?["city"] as? String == "Мінск")
        #expect((minsk["destination"] as? [String: Any])?["name"] as? String == "Minsk")
        #expect(((minsk["steps"] as? [[String: Any]]) ?? []).map { $0["levels"] as? Int } == [-1, 1])
        #expect(((minsk["events"] as? [[String: Any]]) ?? []).count == 3)
    }

    @Test func counterpartiesStateWhereTheyAreIncorporatedAndWhatBindsThem() throws {
        let (seen, findings) = try Self.check("counterparty-jurisdiction.yaml")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "bamako-correspondent", severity: "high", line: 6)), "\(seen)")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "paris-branch", severity: "high", line: 11)), "\(seen)")
        // A Malian bank is itself bound by the ECOWAS halt; a French bank's Bamako branch is named as such.
        let malian = try Self.finding(findings, "financial-restriction", "bamako-correspondent")
        #expect((malian["message"] as? String)?.contains("the halt binds the bank itself") == true)
        let french = try Self.finding(findings, "financial-restriction", "paris-branch")
        #expect((french["message"] as? String)?.contains("is a bank in Mali (incorporated in France)") == true)
        #expect((french["message"] as? String)?.contains("binds the bank itself") == false)
        // The listed counterparty's own jurisdiction is in the message and the path.
        let listed = try Self.finding(findings, "listed-counterparty", "shell-customer")
        #expect((listed["message"] as? String)?.hasPrefix("PMC Wagner (incorporated in Russian Federation) matches listed organisation") == true)
        #expect(((listed["path"] as? [String]) ?? []).contains("PMC Wagner: incorporated in Russian Federation, subject to UN"))
        // A secondary risk for a Senegalese company with no US nexus.
        #expect((listed["binding"] as? [String: Any])?["status"] as? String == "secondary")
    }
}
