import Foundation
import Testing

/// input-plausibility end to end: a policy written with one implausible input per site, and the
/// shipped policies, which must raise no plausibility warning.
@Suite struct PlausibilityCommandTests {
    static let asOf = ["--as-of", "2020-09-30"]

    static func findings(_ path: String) throws -> (status: Int32, findings: [[String: Any]]) {
        let run = try Executable.run(["check", path] + asOf + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stderr: \(run.stderr)")
        return (run.status, JSONReportTables.findings(json))
    }

    @Test func eachImplausibleInputIsReportedAtItsLineWithItsSeverity() throws {
        let file = Executable.fixtures.appendingPathComponent("plausibility/implausible.yaml").path
        let (_, all) = try Self.findings(file)
        let found = all.filter { $0["rule"] as? String == "input-plausibility" }
        func one(_ subject: String) throws -> [String: Any] {
            let matching = found.filter { $0["subject"] as? String == subject }
            #expect(matching.count == 1, "\(subject): \(matching.count) findings")
            return try #require(matching.first, "no input-plausibility finding for \(subject)")
        }
        // subject, line, severity, words of the message, the reason in the path.
        let expected: [(String, Int, String, String, String)] = [
            ("policy", 6, "info", "reviewed on 2020-10-15, after the as-of date 2020-09-30", "after the as-of date 2020-09-30"),
            ("minsk-swapped", 8, "low", "lat and lon look swapped", "lat and lon look swapped: (53.9002, 27.5665) fits"),
            ("bamako-far", 14, "medium", "460 km from Bamako (12.6092, -7.9752", "460 km from Bamako > 50 km"),
            (
                "maputo-sign", 19, "medium", "the latitude's sign looks wrong (south is negative)",
                "the latitude's sign looks wrong (south is negative): (-25.9655, 32.5832) fits"
            ),
            ("grodno-east", 24, "low", "247 km from Hrodna (53.6758, 23.8289", "247 km from Hrodna > 50 km"),
            ("pemba-null", 29, "medium", "at 0, 0, the default many tools write for a missing position", "0, 0: a missing position"),
            (
                "channel-barge", 34, "medium", "looks outside Mozambique: 187 km outside the box of the 95 places",
                "187 km outside the extent of Mozambique's places"
            ),
            ("dakar-hub", 38, "medium", "looks outside Mali: 645 km outside", "645 km outside the extent of Mali's places"),
            (
                "bamako-west", 42, "medium", "the longitude's sign looks wrong (west is negative)",
                "the longitude's sign looks wrong (west is negative): (12.6092, -7.9752) fits"
            ),
        ]
        for (subject, line, severity, words, reason) in expected {
            let finding = try one(subject)
            #expect(finding["line"] as? Int == line, "\(subject)")
            #expect(finding["severity"] as? String == severity, "\(subject)")
            #expect((finding["message"] as? String)?.contains(words) == true, "\(subject): \(finding["message"] ?? "")")
            #expect((finding["path"] as? [String])?.contains(reason) == true, "\(subject): \(finding["path"] ?? "")")
        }
        // Honest about the method: no borders, so no claim to know which side of one.
        #expect((try one("channel-barge")["message"] as? String)?.contains("judged without borders: the point may be across a border or at sea") == true)
        #expect((try one("dakar-hub")["message"] as? String)?.contains("0 km from Dakar, Senegal") == true)
        // The three right sites raise nothing: 60 km from Minsk (a city of a million), and at the
        // smaller of two towns named Svislach, 260 km from the more populous one travel resolves to.
        #expect(Set(found.compactMap { $0["subject"] as? String }) == Set(expected.map(\.0)))
    }

    @Test func plausibilityWarningsAloneDoNotFailTheDefaultGate() throws {
        // The same inputs with the sites' other exposures left out: only plausibility findings.
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("implausible.yaml")
        try """
        version: 1
        company: Implausible Holdings
        reviewed: 2020-10-15
        sites:
          - id: maputo-sign
            kind: warehouse
            country: MZ
            city: Maputo
            location: { lat: 25.9655, lon: 32.5832 }
            depends_on: [electricity]
        """.write(to: file, atomically: true, encoding: .utf8)
        let (status, all) = try Self.findings(file.path)
        #expect(all.map { $0["rule"] as? String } == ["input-plausibility", "input-plausibility"])
        #expect(status == 0)
    }

    @Test func theShippedPoliciesRaiseNoPlausibilityWarning() throws {
        let (_, all) = try Self.findings("policies")
        #expect(!all.isEmpty)
        let found = all.filter { $0["rule"] as? String == "input-plausibility" }
        #expect(found.isEmpty, "\(found.map { $0["message"] ?? "" })")
    }
}
