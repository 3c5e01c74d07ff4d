/// Section 4 of the Markdown report: how severity is judged, the thresholds, every rule's model.
extension MarkdownReporter {
    // MARK: 4. Methodology

    func methodology(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        let settings = result.options.settings
        out.line("## 4. Methodology")
        out.blank()
        out.line(
            "Every operation in the policy files (sites, trade flows, counterparties, staff travel) is matched against the risk factors in force on the as-of date. Severity follows the UN Guiding Principles' notion of salience: the **severity of the harm** (scale, scope, irremediability) is the factor's own severity; the **likelihood and exposure** of the operation (distance, recency, dependencies, fallbacks, exemptions) raise or lower it by levels, as each rule states below. Findings at or above `--fail-on` (here: \(result.options.failOn?.name ?? "none")) fail the gate unless accepted with a reason, an approver and an expiry; findings below `--report-min` (here: \(result.options.reportMin)) are left out of this report."
        )
        out.blank()
        out.line(
            "Thresholds: conflict distance bands \(settings.conflictBandsKm.map { "\(Int($0)) km" }.joined(separator: " / ")) (critical / high / medium / low); conflict events count in full for \(settings.conflictFullWeightDays) days and one level lower up to \(settings.conflictLookbackDays) days; shutdown events count in full for \(settings.shutdownRecencyDays) days; unrest events \(settings.unrestRecencyDays.map(String.init).joined(separator: " / ")) days; intelligence is stale \(settings.staleAfterDays) days after its last review, and recency is measured from the as-of date but no later than the last review plus \(settings.staleAfterDays) days; name screening threshold \(settings.screeningThreshold)."
        )
        out.blank()
        for rule in RuleRegistry.all {
            let description = rule.description
            out.line("- **`\(description.id)`**: \(description.summary) Severity: " + description.severityModel.joined(separator: " "))
        }
        out.blank()
    }
}
