/// JUnit XML, for CI systems that show test results: a test suite per policy file and a test
/// case per finding. Findings that fail the gate are failures, accepted findings are skipped,
/// the rest pass. No timestamps or durations: the same result gives the same bytes.
public struct JUnitReporter: Reporter {
    public init() {}

    public let format = ReportFormat.junit

    /// One test case: the finding, and whether it fails the gate.
    struct Case {
        var finding: Finding
        var fails: Bool
    }

    /// The policy's test cases: every reported finding, and every failing one even below
    /// --report-min, so the failures always match the gate.
    static func cases(_ findings: [Finding], _ options: CheckOptions) -> [Case] {
        findings.compactMap { finding in
            let fails = options.failsGate(finding)
            return finding.severity >= options.reportMin || fails ? Case(finding: finding, fails: fails) : nil
        }
    }

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let cases = Self.cases(result.findings, context.options)
        let reportMin = context.options.reportMin
        let suiteFailures = cases.filter(\.fails).count
        let suiteSkipped = cases.filter { !$0.fails && $0.finding.accepted != nil }.count
        var xml = [
            "  <testsuite name=\"\(Self.attribute(policy.file))\" tests=\"\(max(1, cases.count))\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"\(suiteSkipped)\">"
        ]
        xml.append("    <properties>")
        let properties: [(String, String)] = [
            ("company", policy.company),
            ("as-of", context.asOf.description),
            ("database", context.database.name),
            ("database-version", context.database.version ?? ""),
            ("database-digest", context.database.digest),
            ("fail-on", context.options.failOn?.name ?? "none"),
            ("report-min", reportMin.name),
        ]
        for (name, value) in properties {
            xml.append("      <property name=\"\(name)\" value=\"\(Self.attribute(value))\"/>")
        }
        xml.append("    </properties>")
        if cases.isEmpty {
            xml.append("    <testcase classname=\"diligence\" name=\"no findings\" file=\"\(Self.attribute(policy.file))\">")
            xml.append("      <system-out>\(Escaping.xml("no findings at or above \(reportMin.name)"))</system-out>")
            xml.append("    </testcase>")
        }
        for testCase in cases {
            xml += Self.testCase(testCase)
        }
        xml.append("  </testsuite>")
        return [ReportSection(xml.joined(separator: "\n") + "\n")]
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        let total = result.policies.reduce(0) { $0 + max(1, $1.cases) }
        let failures = result.policies.reduce(0) { $0 + $1.failures }
        let skipped = result.policies.reduce(0) { $0 + $1.skipped }
        return [
            .text(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<testsuites name=\"diligence\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"),
            .stream(0),
            .text("</testsuites>\n"),
        ]
    }

    static func key(_ finding: Finding) -> String { "\(finding.policy)#\(finding.identity)" }

    static func attribute(_ text: String) -> String { Escaping.xmlAttribute(text) }

    static func testCase(_ testCase: Case) -> [String] {
        let finding = testCase.finding
        var lines = [
            "    <testcase classname=\"\(attribute(finding.rule.rawValue))\" name=\"\(attribute(finding.identity.description))\" file=\"\(attribute(finding.policy))\" line=\"\(finding.line)\">"
        ]
        if testCase.fails {
            lines.append(
                "      <failure type=\"\(attribute(finding.rule.rawValue))\" message=\"\(attribute("\(finding.severity.name): \(finding.message)"))\">"
                    + Escaping.xml(details(finding)) + "</failure>")
        } else if let accepted = finding.accepted {
            lines.append("      <skipped message=\"\(attribute("accepted until \(accepted.expires) by \(accepted.approvedBy): \(accepted.reason)"))\"/>")
        }
        if !testCase.fails {
            lines.append("      <system-out>\(Escaping.xml("\(finding.severity.name): \(finding.message)"))</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    /// The failure body: where, why (the exposure path), the evidence with dates and sources,
    /// and what to do.
    static func details(_ finding: Finding) -> String {
        var lines = ["\(finding.policy):\(finding.line):\(finding.column): \(finding.severity.name): \(finding.message)"]
        if !finding.path.isEmpty {
            lines += ["", "Exposure path: " + finding.path.joined(separator: " → ")]
        }
        if !finding.evidence.isEmpty {
            lines += ["", "Evidence:"]
            for evidence in finding.evidence {
                var line = "- \(evidence.record): \(evidence.fact)"
                if let date = evidence.date { line += " (\(date))" }
                if let reference = evidence.reference {
                    var source = reference.source
                    if let title = reference.title, title != evidence.fact { source += ", \"\(title)\"" }
                    if let date = reference.date { source += ", \(date.text)" }
                    if let url = reference.url { source += ", \(url)" }
                    line += "; source: \(source)"
                    if let quote = reference.quote { line += "; quote: \"\(quote)\"" }
                }
                lines.append(line)
            }
        }
        if !finding.recommendations.isEmpty {
            lines += ["", "Recommendations:"]
            lines += finding.recommendations.map { "- \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
