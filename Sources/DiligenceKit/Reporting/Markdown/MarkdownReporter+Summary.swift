/// Section 2 of the Markdown report: the executive summary (gate verdict, counts, companies by
/// risk, what changed since a baseline, the most severe findings, decisions needed).
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
        mostSevere(result, &out)
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

    /// The open findings of the most severe level present, high or critical (at most
    /// `FindingSummary.topLimit`, then a count): the criticals when there are any. The lower
    /// levels are the counts of the table above; section 5 opens with these findings and says
    /// why and what to do.
    func mostSevere(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        guard let level = result.findings.topRisks.first?.severity else {
            out.line("**Most severe findings:** no open finding at high or critical.")
            out.blank()
            return
        }
        let shown = result.findings.topRisks.filter { $0.severity == level }
        let total = result.counts[level] ?? shown.count
        out.line("**Most severe findings:** the \(total) \(level) ones, by company and operation (section 5 opens with them and says why and what to do)")
        out.blank()
        for finding in shown {
            out.line(
                "- `\(Escaping.code(finding.identity.description))` in [\(Escaping.markdown(company(of: finding, result)))](#\(Self.anchor("policy", finding.policy))): \(Escaping.markdown(finding.subjectName))"
            )
        }
        if total > shown.count { out.line("- … and \(total - shown.count) more \(level) (section 5).") }
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
                        Escaping.markdown(entry.severity), "`\(Escaping.codeInTable(entry.rule.rawValue))`", "`\(Escaping.codeInTable(entry.policy))`",
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
        out.line(
            "**Companies by risk** (most severe open finding first, the order of sections 3 and 5; a company with findings is linked to its part of section 5, which ends with its sign-off; a company without one is its row of the scope, section 3)"
        )
        out.blank()
        out.tableHeader(["Company"] + levels.map(\.name) + ["Accepted"])
        for row in riskOrder(result) {
            let policy = result.policies[row.index].policy
            if row.counts.contains(where: { $0 > 0 }) || row.accepted > 0 {
                out.cell("[", Escaping.markdown(policy.company), "](#\(Self.anchor("policy", policy.file)))")
            } else {
                out.cell(Escaping.markdown(policy.company))
            }
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

    /// Each policy file's company, the first policy of the file's (what `company(of:_:)` finds):
    /// made once for a list of findings, so that each is looked up instead of searched for
    /// among every policy (the open items' walk was quadratic: 0.9 G instructions on 2,000 files).
    func companies(_ result: CheckSummary) -> [String: String] {
        var companies: [String: String] = [:]
        companies.reserveCapacity(result.policies.count)
        for entry in result.policies where companies[entry.policy.file] == nil { companies[entry.policy.file] = entry.policy.company }
        return companies
    }

    /// `company(of:_:)`, looked up in `companies(_:)`.
    func company(of finding: FindingSummary.Brief, in companies: [String: String]) -> String {
        companies[finding.policy] ?? finding.policy
    }

    /// `company(of:in:)` of a finding not assessed.
    func company(of finding: FindingSummary.Unassessed, in companies: [String: String]) -> String {
        companies[finding.policy] ?? finding.policy
    }
}
