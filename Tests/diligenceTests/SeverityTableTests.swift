import Foundation
import Testing

/// docs/severity.md lists, per rule, the severity every committed example policy gets; the
/// committed JSON report must give exactly those rows (and another test keeps the report current).
@Suite struct SeverityTableTests {
    struct Row: Hashable, CustomStringConvertible {
        var rule, policy: String
        var line: Int
        var subject, severity: String
        var description: String { "\(rule) \(policy):\(line) \(subject) \(severity)" }
    }

    /// The rows of the per-rule tables (a `## rule` heading, then `| policy | line | subject | severity |`).
    static func documented() throws -> [Row] {
        let text = try String(contentsOf: Executable.root.appendingPathComponent("docs/severity.md"), encoding: .utf8)
        var rule: String?
        var rows: [Row] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                let heading = String(line.dropFirst(3))
                rule = heading.contains(" ") ? nil : heading
                continue
            }
            guard let rule, line.hasPrefix("| "), !line.hasPrefix("| policy"), !line.hasPrefix("|---") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let number = Int(cells[1]) else { continue }
            rows.append(Row(rule: rule, policy: cells[0], line: number, subject: cells[2], severity: cells[3]))
        }
        return rows
    }

    static func reported() throws -> [Row] {
        let data = try Data(contentsOf: Executable.root.appendingPathComponent("reports/report.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Schema 3 names a finding's policy by its place in `policies`.
        return JSONReportTables.findingsAsSchema3(document).map(JSONReportTables(document).lists).map { finding in
            let accepted = finding["accepted"] is [String: Any]
            return Row(
                rule: finding["rule"] as? String ?? "", policy: (finding["policy"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "",
                line: finding["line"] as? Int ?? 0, subject: finding["subject"] as? String ?? "",
                severity: (finding["severity"] as? String ?? "") + (accepted ? " (accepted)" : ""))
        }
    }

    @Test func theSeverityTableIsWhatTheExamplePoliciesGet() throws {
        let documented = try Self.documented(), reported = try Self.reported()
        #expect(documented.count > 50)
        let missing = reported.filter { !documented.contains($0) }
        let stale = documented.filter { !reported.contains($0) }
        #expect(missing.isEmpty, "reported but not in docs/severity.md: \(missing)")
        #expect(stale.isEmpty, "in docs/severity.md but not reported: \(stale)")
        #expect(documented.count == reported.count)
    }

    /// The calibration's headline cases, as the issue states them.
    @Test func thePembaWarehouseIsNoLongerCritical() throws {
        let reported = try Self.reported()
        #expect(
            reported.contains(
                Row(rule: "conflict-proximity", policy: "mz-cabo-delgado-lng-logistics.yaml", line: 53, subject: "pemba-warehouse", severity: "medium")),
            "\(reported.filter { $0.subject == "pemba-warehouse" })")
        #expect(
            reported.contains(
                Row(rule: "conflict-proximity", policy: "mz-cabo-delgado-lng-logistics.yaml", line: 24, subject: "afungi-yard", severity: "critical")),
            "\(reported.filter { $0.subject == "afungi-yard" })")
    }
}
