import Foundation
import Testing

/// Issue 21, item 4: conflict-proximity severity from the event's location and date precision,
/// distance, recency and the site's exposure, every step in the path.
@Suite struct SeverityCalibrationTests {
    static let dir = Executable.fixtures.appendingPathComponent("severity")

    static func findings(_ file: String, asOf: String) throws -> [String: [String: Any]] {
        let run = try Executable.run(["check", dir.appendingPathComponent(file).path, "--as-of", asOf, "--format", "json", "--output", "-"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        var bySubject: [String: [String: Any]] = [:]
        for finding in JSONReportTables.findings(document) where finding["rule"] as? String == "conflict-proximity" {
            bySubject[finding["subject"] as? String ?? ""] = finding
        }
        return bySubject
    }

    static func path(_ finding: [String: Any]?) -> [String] { finding?["path"] as? [String] ?? [] }

    @Test(arguments: ["2020-09-22", "2020-12-31"])
    func caboDelgadoSitesAreJudgedByPrecisionAndReach(_ asOf: String) throws {
        let found = try Self.findings("cabo-delgado-sites.yaml", asOf: asOf)
        // A warehouse in Pemba, outside the insurgency zone: its kind alone raises nothing, and
        // the approximately located Quissanga attack 61 km away counts one level lower.
        let pemba = found["pemba-warehouse"]
        #expect(pemba?["severity"] as? String == "medium" && pemba?["line"] as? Int == 7)
        #expect(
            Self.path(pemba).contains(
                "a warehouse is a kind of site named as a target (Key infrastructure installations and supply lines across Cabo Delgado), but the site lies outside the factor's areas → not raised"
            ), "\(Self.path(pemba))")
        // A depot inside the zone is of a kind the zone's target names: one level higher.
        let macomia = found["macomia-depot"]
        #expect(macomia?["severity"] as? String == "critical" && macomia?["line"] as? Int == 11)
        #expect(Self.path(macomia).contains { $0.hasPrefix("a warehouse inside Cabo Delgado insurgency zone") && $0.hasSuffix("→ one level higher") })
        // 15 km from Quissanga, whose March 2020 attack is dated to the month and located approximately.
        let quissanga = found["quissanga-camp"]
        #expect(quissanga?["severity"] as? String == "high" && quissanga?["line"] as? Int == 15)
        let steps = Self.path(quissanga)
        #expect(steps.contains("event of March 2020 (month): Pre-dawn attack on Quissanga (the source gives the month only)"), "\(steps)")
        #expect(steps.contains("March 2020 (month): dated to the month only, recency counted from its last day (2020-03-31)"))
        #expect(steps.contains("located approximately (approximate, from /work/shared/data/README.md (public maps)) → one level lower"))
        #expect(!steps.joined().contains("2020-03-01"))
        // Next to the Afungi LNG project, a construction site within its radius: raised.
        let afungi = found["afungi-yard"]
        #expect(afungi?["severity"] as? String == "critical" && afungi?["line"] as? Int == 19)
        #expect(
            Self.path(afungi).contains {
                $0.hasPrefix("1.3 km from Afungi LNG project") && $0.hasSuffix("whose named kinds include construction-site → one level higher")
            })
    }

    /// A nationwide count of attacks with no place is never placed inside Gao's circle.
    @Test func anUnlocatedCountIsNotPlacedInAnArea() throws {
        let gao = try Self.findings("gao-base.yaml", asOf: "2020-09-22")["gao-base"]
        #expect(gao?["severity"] as? String == "medium" && gao?["line"] as? Int == 6)
        #expect(
            Self.path(gao).contains(
                "no event located in the area in the last 365 days → medium; 1 event(s) without a place (2020-08-18 to 2020-09-13) not placed in it"),
            "\(Self.path(gao))")
    }

    /// Before the insurgency (in force from October 2017), nothing.
    @Test func nothingBeforeTheConflict() throws {
        #expect(try Self.findings("cabo-delgado-sites.yaml", asOf: "2016-01-01").isEmpty)
    }
}
