import Foundation
import Testing

/// Issue 21 ("Judgement a compliance officer can sign"), end to end: policies written for each
/// silent miss, checked by the built executable against the shipped seeds.
@Suite(.serialized) struct JudgementCommandTests {
    struct Seen: Equatable, CustomStringConvertible {
        var rule: String
        var subject: String
        var severity: String
        var line: Int
        var description: String { "\(rule)/\(subject) \(severity) line \(line)" }
    }

    /// The findings of a fixture under `Fixtures/FOLDER` as of `asOf` (JSON), and the raw JSON findings.
    static func check(_ fixture: String, folder: String = "judgement", asOf: String = "2020-09-30") throws -> (seen: [Seen], findings: [[String: Any]]) {
        let path = Executable.fixtures.appendingPathComponent(folder).appendingPathComponent(fixture).path
        let run = try Executable.run(["check", path, "--as-of", asOf, "--format", "json", "--fail-on", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = JSONReportTables.findings(json)
        let seen = findings.map { finding in
            Seen(
                rule: finding["rule"] as? String ?? "", subject: finding["subject"] as? String ?? "",
                severity: finding["severity"] as? String ?? "", line: finding["line"] as? Int ?? 0)
        }
        return (seen, findings)
    }

    static func finding(_ findings: [[String: Any]], _ rule: String, _ subject: String) -> [String: Any]? {
        findings.first { $0["rule"] as? String == rule && $0["subject"] as? String == subject }
    }

    @Test func travelIsJudgedAgainstConflictAndUnrestByItsDestinationCity() throws {
        let (seen, findings) = try Self.check("travel-conflict.yaml")
        #expect(seen.contains(Seen(rule: "conflict-proximity", subject: "mocimboa-rotation", severity: "critical", line: 5)), "\(seen)")
        #expect(seen.contains(Seen(rule: "conflict-proximity", subject: "kidal-liaison", severity: "medium", line: 11)), "\(seen)")
        // Pemba: the Quissanga attack 61 km away is located approximately (issue 21): low for a yearly trip.
        #expect(seen.contains(Seen(rule: "conflict-proximity", subject: "pemba-audit", severity: "low", line: 17)), "\(seen)")
        // Мінск is Minsk (a GeoNames alternate name): the unrest there applies.
        #expect(seen.contains(Seen(rule: "civil-unrest-travel", subject: "minsk-cyrillic", severity: "high", line: 23)), "\(seen)")
        // Grodno is Hrodna: known, nothing recorded there, but the crackdown holds across Belarus
        // (`scope: national`): one level lower than in Minsk, never silent, and not not-assessed.
        #expect(
            seen.filter { $0.subject == "grodno-visits" } == [Seen(rule: "civil-unrest-travel", subject: "grodno-visits", severity: "low", line: 29)], "\(seen)"
        )
        let grodno = try #require(Self.finding(findings, "civil-unrest-travel", "grodno-visits"))
        #expect(
            ((grodno["path"] as? [String]) ?? []).contains { $0.contains("Hrodna is outside the factor's places") && $0.contains("holds across Belarus") },
            "\(grodno)")
        // Mali's unrest factor is Bamako's only (no national scope): Kidal gets no unrest finding.
        #expect(!seen.contains { $0.rule == "civil-unrest-travel" && $0.subject == "kidal-liaison" }, "\(seen)")
        // Unknown cities are named, never silent.
        // "Minsk City" is Minsk, read without the generic word (red-team review).
        #expect(seen.contains(Seen(rule: "civil-unrest-travel", subject: "minsk-city", severity: "high", line: 35)), "\(seen)")
        #expect(!seen.contains { $0.rule == "not-assessed" && $0.subject == "minsk-city" }, "\(seen)")
        #expect(seen.filter { $0.rule == "not-assessed" && $0.subject == "made-up-town" }.count == 2, "\(seen)")
        let minskCity = try #require(Self.finding(findings, "civil-unrest-travel", "minsk-city"))
        #expect(((minskCity["path"] as? [String]) ?? []).contains { $0.contains("“Minsk City” read as “Minsk”") }, "\(minskCity)")
        let mocimboa = try #require(Self.finding(findings, "conflict-proximity", "mocimboa-rotation"))
        let path = (mocimboa["path"] as? [String]) ?? []
        #expect(path.contains { $0.contains("GeoNames 1024699") }, "\(path)")
        #expect(path.contains("weekly trips → one level higher"), "\(path)")
        #expect(path.contains("20 travellers per trip (10 or more) → one level higher"), "\(path)")
    }

    @Test func theCommittedAfungiCrewChangeIsCritical() throws {
        let run = try Executable.run(["check", "policies/mz-cabo-delgado-lng-logistics.yaml", "--as-of", "2020-09-30", "--format", "json", "--fail-on", "none"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = JSONReportTables.findings(json)
        let crew = try #require(Self.finding(findings, "conflict-proximity", "afungi-crew-change"))
        #expect(crew["severity"] as? String == "critical")
        #expect(crew["line"] as? Int == 91)
        #expect(((crew["path"] as? [String]) ?? []).contains { $0.contains("Afungi LNG project") })
    }

    @Test func adviceToAnECOWASBoundCompanyDoesNotGetRoundTheMeasures() throws {
        let (seen, findings) = try Self.check("mali-advice.yaml")
        #expect(seen.contains(Seen(rule: "political-instability", subject: "bamako-depot", severity: "high", line: 5)), "\(seen)")
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "dakar-spares", severity: "high", line: 12)), "\(seen)")
        let advice = findings.flatMap { ($0["recommendations"] as? [String]) ?? [] }
        #expect(!advice.isEmpty)
        #expect(!advice.contains { $0.contains("non-ECOWAS") || $0.contains("supply routes through") }, "\(advice)")
        #expect(!advice.contains { $0.contains("Hold cash reserves for local wages") }, "\(advice)")
        let coup = try #require(Self.finding(findings, "political-instability", "bamako-depot"))
        #expect(((coup["recommendations"] as? [String]) ?? []).contains { $0.contains("do not plan new routes or intermediaries") })
    }

    @Test func aTravelBanAdvisesOnEntryNotOnPayments() throws {
        let (seen, findings) = try Self.check("travel-ban.yaml")
        #expect(seen.contains(Seen(rule: "listed-counterparty", subject: "keynote-guest", severity: "high", line: 5)), "\(seen)")
        #expect(seen.contains(Seen(rule: "listed-counterparty", subject: "belarus-ministry", severity: "low", line: 9)), "\(seen)")
        #expect(seen.contains(Seen(rule: "listed-counterparty", subject: "security-firm", severity: "critical", line: 13)), "\(seen)")
        let guest = try #require(Self.finding(findings, "listed-counterparty", "keynote-guest"))
        let advice = (guest["recommendations"] as? [String]) ?? []
        #expect(!advice.contains { $0.lowercased().contains("stop payments") }, "\(advice)")
        #expect(advice.contains { $0.contains("may not enter") }, "\(advice)")
        #expect(advice.contains { $0.hasPrefix("Do not invite, sponsor or arrange travel") }, "\(advice)")
        #expect((guest["factors"] as? [String]) == ["BY-TRAVELBAN-2020-0001", "DRF-2020-BY-0005"])
        let firm = try #require(Self.finding(findings, "listed-counterparty", "security-firm"))
        #expect(((firm["recommendations"] as? [String]) ?? []).first?.hasPrefix("Asset freeze: stop payments") == true)
    }

    @Test func tradeAndPaymentsAreJudgedByEveryCountryTheyTouch() throws {
        let (seen, findings) = try Self.check("trade-route.yaml")
        // Explosives from Senegal into the Malian site's country: the closed ECOWAS border.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "dakar-explosives", severity: "high", line: 11)), "\(seen)")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "dakar-explosives", severity: "high", line: 11)), "\(seen)")
        // Hawala where every financial flow is halted: a way round the halt.
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "hawala-fees", severity: "high", line: 17)), "\(seen)")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "staff-remittances", severity: "high", line: 23)), "\(seen)")
        // Goods crossing Mali in transit.
        #expect(seen.contains(Seen(rule: "trade-restriction", subject: "ghana-via-mali", severity: "high", line: 30)), "\(seen)")
        #expect(seen.contains(Seen(rule: "financial-restriction", subject: "ghana-via-mali", severity: "high", line: 30)), "\(seen)")
        // Money moves no goods.
        #expect(!seen.contains { $0.rule == "trade-restriction" && ($0.subject == "hawala-fees" || $0.subject == "staff-remittances") }, "\(seen)")
        let explosives = try #require(Self.finding(findings, "trade-restriction", "dakar-explosives"))
        #expect(((explosives["path"] as? [String]) ?? []).contains("Mali: destination, the country of the company's sites"))
        let hawala = try #require(Self.finding(findings, "financial-restriction", "hawala-fees"))
        #expect((hawala["message"] as? String)?.contains("paid by hawala, outside the banking system: a way round the halt") == true)
        let remittance = try #require(Self.finding(findings, "financial-restriction", "staff-remittances"))
        #expect((remittance["message"] as? String)?.hasPrefix("Remittance sent to Burkina Faso") == true)
        #expect(!findings.contains { ($0["message"] as? String)?.contains("ships goods") == true && ($0["subject"] as? String) == "staff-remittances" })
    }

    @Test func anUnknownPaymentMethodIsALocatedError() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pay.yaml")
        try "version: 1\ncompany: A\ntrade:\n  - id: t\n    direction: export\n    country: ML\n    payment: [western-union]\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try Executable.run(["check", file.path, "--as-of", "2020-09-30"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pay.yaml:7:15: error: unknown payment method `western-union`"), "\(run.stderr)")
    }

    @Test func theReportScopeShowsMoneyFlowsAndRoutes() throws {
        let path = Executable.fixtures.appendingPathComponent("judgement/trade-route.yaml").path
        let run = try Executable.run(["check", path, "--as-of", "2020-09-30", "--format", "markdown", "--fail-on", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| export (remittance) | Burkina Faso (BF); origin ML |"), "\(run.stdout)")
        #expect(run.stdout.contains("| export | Niger (NE); origin GH; transit ML; destination NE |"))
    }
}
