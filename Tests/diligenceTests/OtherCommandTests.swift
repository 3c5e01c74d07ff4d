import Foundation
import Testing

@Suite struct OtherCommandTests {
    @Test func validateAcceptsTheShippedPolicies() throws {
        let run = try Executable.run(["validate", "policies"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("9 policy files valid"))
    }

    @Test func validateRejectsAnInvalidFile() throws {
        let file = Executable.fixtures.appendingPathComponent("invalid-several-problems.yaml").path
        let run = try Executable.run(["validate", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(file):6:5: error:"))
    }

    @Test func screenFindsLukashenkoInCyrillicAsJSON() throws {
        let run = try Executable.run(["screen", "--format", "json", "Александр Лукашенко", "Minsk Fuel Trading LLC"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json[0]["query"] as? String == "Александр Лукашенко")
        let matches = json[0]["matches"] as? [[String: Any]] ?? []
        #expect(matches.first?["entity"] as? String == "BY-TRAVELBAN-2020-0001")
        #expect((json[1]["matches"] as? [Any])?.isEmpty == true)
    }

    @Test func screenReadsStandardInput() throws {
        let run = try Executable.run(["screen"], stdin: "Aliaksandr Lukashenka\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("BY-TRAVELBAN-2020-0001"))
    }

    @Test func dbStatsNamesTheDigest() throws {
        let run = try Executable.run(["db", "stats"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("digest: sha256:"))
        #expect(run.stdout.contains("countries: BY, ML, MZ"))
    }

    @Test func dbShowPrintsAFactorWithItsQuotes() throws {
        let run = try Executable.run(["db", "show", "DRF-2020-MZ-0001"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Mocímboa da Praia"))
        #expect(run.stdout.contains("MS Risk Blog"))
    }

    @Test func explainListsEveryRuleAndExplainsOne() throws {
        let list = try Executable.run(["explain"])
        for rule in [
            "trade-restriction", "financial-restriction", "conflict-proximity", "shutdown-exposure", "listed-counterparty",
            "political-instability", "human-rights-obligations", "civil-unrest-travel", "stale-intelligence",
            "expired-acceptance", "not-assessed", "input-plausibility", "announced-measure",
        ] {
            #expect(list.stdout.contains(rule))
        }
        let one = try Executable.run(["explain", "conflict-proximity"])
        #expect(one.stdout.contains("Severity:"))
        #expect(try Executable.run(["explain", "no-such-rule"]).status == 64)
    }
}
