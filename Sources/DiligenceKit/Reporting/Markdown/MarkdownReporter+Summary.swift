/// Section 2 of the Markdown report: the executive summary (gate verdict, counts, companies by
/// risk, what changed since a baseline, top risks, decisions needed).
extension MarkdownReporter {
    // MARK: 2. Executive summary

    func executiveSummary(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        out.line("## 2. Executive summary")
        out.blank()
        out.line("**Gate verdict:** \(result.gate.markdown).")
        out.blank()
        companiesByRisk(result, &out)
        if let baseline = result.options.baseline {
            baselineChanges(result, baseline, &out)
        }
        out.line("**Top risks** (the finding and where; section 5 says why and what to do)")
        out.blank()
        if result.findings.topRisks.isEmpty {
            out.line("No open finding at high or critical.")
        } else {
            for finding in result.findings.topRisks {
                out.line(
                    "- **\(finding.severity)** `\(Escaping.code(finding.identity.description))` in [\(Escaping.markdown(company(of: finding, result)))](#\(Self.anchor("policy", finding.policy))): \(Escaping.markdown(finding.subjectName))"
                )
            }
            let more = result.findings.topCount - result.findings.topRisks.count
            if more > 0 { out.line("- … and \(more) more at high or critical (section 5).") }
        }
        out.blank()
        out.line("**Decisions needed**")
        out.blank()
        var decisions: [String] = []
        let failing = result.findings.failingOtherThanExpired
        if failing > 0 {
            decisions.append(
                "\(failing) finding(s) fail the gate: treat each (section 5 says what to do) or accept it in the policy's `accepted_risks` with a reason, an approver and an expiry."
            )
        }
        let expired = result.findings.expiredAcceptances
        if expired > 0 {
            decisions.append("\(expired) accepted risk(s) have expired: renew them with a new expiry or treat the findings.")
        }
        let unassessed = result.findings.notAssessed
        if !unassessed.isEmpty {
            decisions.append("\(unassessed.count) operation(s) could not be assessed: supply the missing data (section 7).")
        }
        let stale = result.findings.stale
        if !stale.isEmpty {
            decisions.append("\(stale.count) risk factor(s) behind these findings are stale: ask for a review of the intelligence (section 7).")
        }
        if decisions.isEmpty { decisions.append("None.") }
        for decision in decisions { out.line("- " + decision) }
        out.blank()
    }

    /// What is new and what was resolved since the baseline report.
    func baselineChanges(_ result: CheckSummary, _ baseline: Baseline, _ out: inout MarkdownDocument) {
        let new = result.findings.newFindings
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
    /// from critical down, then in file order), each linked to its findings; a last row of the
    /// report's open findings by severity and its accepted ones (with their severities).
    func companiesByRisk(_ result: CheckSummary, _ out: inout MarkdownDocument) {
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
        let accepted = result.findings.accepted
        let total = accepted.values.reduce(0, +)
        let bySeverity = levels.compactMap { severity in accepted[severity].map { "\($0) \(severity)" } }
        out.cell("**All companies**")
        for severity in levels { out.cell("**\(result.counts[severity] ?? 0)**") }
        out.cell("**\(total)**", bySeverity.isEmpty ? "" : " (" + bySeverity.joined(separator: ", ") + ")")
        out.endRow()
        out.blank()
    }

    /// The policies (by index) with their open findings per severity (critical first) and
    /// their accepted ones: the one with the most severe open finding first, then by the counts
    /// from critical down, then in file order.
    func riskOrder(_ result: CheckSummary) -> [(index: Int, counts: [Int], accepted: Int)] {
        let levels = Array(Severity.allCases.reversed())
        return result.policies.enumerated().map { index, entry -> (index: Int, counts: [Int], accepted: Int) in
            (index, levels.map { entry.open[$0] ?? 0 }, entry.accepted)
        }.sorted { a, b in a.counts != b.counts ? a.counts.lexicographicallyPrecedes(b.counts, by: >) : a.index < b.index }
    }

    func company(of finding: FindingSummary.Brief, _ result: CheckSummary) -> String {
        result.policies.first { $0.policy.file == finding.policy }?.policy.company ?? finding.policy
    }
}
