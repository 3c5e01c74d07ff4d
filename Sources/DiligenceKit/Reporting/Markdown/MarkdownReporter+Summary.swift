/// Section 2 of the Markdown report: the executive summary (gate verdict, counts, companies by
/// risk, what changed since a baseline, top risks, decisions needed).
extension MarkdownReporter {
    // MARK: 2. Executive summary

    func executiveSummary(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 2. Executive summary")
        out.blank()
        out.line("**Gate verdict:** \(result.gate.markdown).")
        out.blank()
        // One pass over the reported findings: accepted ones by severity (`counts` has the open
        // ones), and the open ones at high or critical as sort keys with their places.
        var accepted: [Severity: Int] = [:]
        var top: [(severity: Severity, policy: String, line: Int, index: FindingList.Index)] = []
        let reported = result.reportedFindings
        for index in reported.indices {
            let finding = reported[index]
            if finding.accepted != nil {
                accepted[finding.severity, default: 0] += 1
            } else if finding.severity >= .high {
                top.append((finding.severity, finding.policy, finding.line, index))
            }
        }
        out.table(
            ["Severity", "Open findings", "Accepted"],
            Severity.allCases.reversed().map { severity in
                [severity.name, String(result.counts[severity] ?? 0), String(accepted[severity] ?? 0)]
            })
        out.blank()
        companiesByRisk(result, &out)
        top.sort { a, b in (b.severity, a.policy, a.line) < (a.severity, b.policy, b.line) }
        if let baseline = result.options.baseline {
            baselineChanges(result, baseline, &out)
        }
        out.line("**Top risks** (the finding and where; section 5 says why and what to do)")
        out.blank()
        if top.isEmpty {
            out.line("No open finding at high or critical.")
        } else {
            for finding in top.prefix(10).map({ reported[$0.index] }) {
                out.line(
                    "- **\(finding.severity)** `\(Escaping.code(finding.identity.description))` in [\(Escaping.markdown(company(of: finding, result)))](#\(Self.anchor("policy", finding.policy))): \(Escaping.markdown(finding.subjectName))"
                )
            }
            if top.count > 10 { out.line("- … and \(top.count - 10) more at high or critical (section 5).") }
        }
        out.blank()
        out.line("**Decisions needed**")
        out.blank()
        var decisions: [String] = []
        let failing = result.failingFindings.lazy.filter { $0.ruleID != .expiredAcceptance }.count
        if failing > 0 {
            decisions.append(
                "\(failing) finding(s) fail the gate: treat each (section 5 says what to do) or accept it in the policy's `accepted_risks` with a reason, an approver and an expiry."
            )
        }
        let expired = result.findings.filter { $0.ruleID == .expiredAcceptance }
        if !expired.isEmpty {
            decisions.append("\(expired.count) accepted risk(s) have expired: renew them with a new expiry or treat the findings.")
        }
        let unassessed = result.reportedFindings.filter { $0.rule == "not-assessed" }
        if !unassessed.isEmpty {
            decisions.append("\(unassessed.count) operation(s) could not be assessed: supply the missing data (section 7).")
        }
        let stale = Set(result.reportedFindings.filter { $0.rule == "stale-intelligence" }.map(\.subject))
        if !stale.isEmpty {
            decisions.append("\(stale.count) risk factor(s) behind these findings are stale: ask for a review of the intelligence (section 7).")
        }
        if decisions.isEmpty { decisions.append("None.") }
        for decision in decisions { out.line("- " + decision) }
        out.blank()
    }

    /// What is new and what was resolved since the baseline report.
    func baselineChanges(_ result: CheckResult, _ baseline: Baseline, _ out: inout MarkdownDocument) {
        let new = result.reportedFindings.filter { result.isNew($0) == true }
        let resolved = result.resolvedSinceBaseline
        out.line(
            "**Since the baseline** `\(Escaping.code(baseline.file))`" + (baseline.asOf.map { " (as of \(Escaping.markdown($0)))" } ?? "")
                + ": \(new.count) new finding\(new.count == 1 ? "" : "s"), \(resolved.count) resolved. Only new findings can fail the gate.")
        out.blank()
        if !new.isEmpty {
            out.line("New findings:")
            out.blank()
            out.table(
                ["Severity", "Rule", "Where", "Finding"],
                new.map { finding in
                    [
                        finding.severity.name, "`\(finding.rule)`", "`\(Escaping.codeInTable(finding.policy)):\(finding.line)`",
                        Escaping.markdown(finding.message),
                    ]
                })
            out.blank()
        }
        if !resolved.isEmpty {
            out.line("Resolved since the baseline:")
            out.blank()
            out.table(
                ["Severity", "Rule", "Policy", "Identity", "Finding"],
                resolved.map { entry in
                    [
                        Escaping.markdown(entry.severity), "`\(Escaping.codeInTable(entry.rule))`", "`\(Escaping.codeInTable(entry.policy))`",
                        "`\(Escaping.codeInTable(entry.id))`", Escaping.markdown(entry.message),
                    ]
                })
            out.blank()
        }
    }

    /// The companies, the one with the most severe open finding first (then by their counts
    /// from critical down, then in file order), each linked to its findings.
    func companiesByRisk(_ result: CheckResult, _ out: inout MarkdownDocument) {
        guard !result.policies.isEmpty else { return }
        let levels = Array(Severity.allCases.reversed())
        out.line("**Companies by risk** (most severe open finding first, the order of sections 3 and 5; each has its own sign-off in section 5)")
        out.blank()
        out.tableHeader(["Company"] + levels.map(\.name) + ["Accepted"])
        for row in riskOrder(result) {
            let policy = result.policies[row.index].policy
            out.cell("[", Escaping.markdown(policy.company), "](#\(Self.anchor("policy", policy.file)))")
            for count in row.counts { out.cell(String(count)) }
            out.cell(String(row.accepted))
            out.endRow()
        }
        out.blank()
    }

    /// The policies (by index) with their open findings per severity (critical first) and
    /// their accepted ones: the one with the most severe open finding first, then by the counts
    /// from critical down, then in file order.
    func riskOrder(_ result: CheckResult) -> [(index: Int, counts: [Int], accepted: Int)] {
        let levels = Array(Severity.allCases.reversed())
        return result.policies.enumerated().map { index, entry -> (index: Int, counts: [Int], accepted: Int) in
            var counts = Array(repeating: 0, count: levels.count)
            var accepted = 0
            for finding in entry.findings where finding.severity >= result.options.reportMin {
                if finding.accepted != nil {
                    accepted += 1
                } else if let level = levels.firstIndex(of: finding.severity) {
                    counts[level] += 1
                }
            }
            return (index, counts, accepted)
        }.sorted { a, b in a.counts != b.counts ? a.counts.lexicographicallyPrecedes(b.counts, by: >) : a.index < b.index }
    }

    func company(of finding: Finding, _ result: CheckResult) -> String {
        result.policies.first { $0.policy.file == finding.policy }?.policy.company ?? finding.policy
    }
}
