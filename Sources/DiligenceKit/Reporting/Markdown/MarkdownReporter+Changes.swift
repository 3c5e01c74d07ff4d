/// The section a report opens with when it is compared with an earlier run
/// (`--compare-as-of`, `--compare-db`): the facts and events that changed, each once and
/// numbered, then the findings new, escalated, updated, de-escalated and resolved, each with the
/// numbers of the facts that caused it.
extension MarkdownReporter {
    func changes(_ result: CheckSummary, _ comparison: ChangeReport, _ out: inout MarkdownDocument) {
        out.line("## Changes since \(Escaping.markdown(comparison.sinceText))")
        out.blank()
        out.line(
            Escaping.markdown(comparison.basisSentence) + ": " + comparison.countsText
                + ". The changes inform; the gate (section 1) judges this run's findings as they are.")
        out.blank()
        if !comparison.policiesReviewedLater.isEmpty, let day = comparison.comparedAsOf {
            out.line(
                "\(comparison.policiesReviewedLater.count) of the policies were reviewed after \(day): the comparison judges \(day) with their later state, so an operation added since counts as present then."
            )
            out.blank()
        }
        if !comparison.causes.isEmpty {
            out.line("**What changed in the data**")
            out.blank()
            out.table(
                ["Cause", "Date", "What", "Record", "Changes"],
                comparison.causes.map { cause in
                    [
                        comparison.label(of: cause), Escaping.markdown(cause.date ?? "undated"), Escaping.markdown(Self.causeText(cause)),
                        "`\(Escaping.codeInTable(cause.record))`", String(comparison.changeCount(of: cause)),
                    ]
                })
            out.blank()
        }
        for kind in ChangeKind.reportOrder {
            let changes = comparison.changes(kind)
            guard !changes.isEmpty else { continue }
            out.line("**\(Self.heading(kind))** (\(changes.count))")
            out.blank()
            out.table(
                ["Severity", "Rule", "Company", "Finding", "Caused by"],
                changes.map { change in
                    let company = result.policies.first { $0.policy.file == change.policy }?.policy.company ?? change.policy
                    return [
                        Self.severityText(change), "`\(Escaping.codeInTable(change.rule.rawValue))`",
                        "[\(Escaping.markdown(company))](#\(Self.anchor("policy", change.policy))) `\(Escaping.codeInTable(change.policy)):\(change.line)`",
                        Escaping.markdown(change.message),
                        change.causes.isEmpty ? "no change in the data" : change.causes.map(comparison.label(of:)).joined(separator: ", "),
                    ]
                })
            out.blank()
        }
        if comparison.changes.contains(where: \.causes.isEmpty) {
            out.line("\"No change in the data\": " + comparison.noCauseText + ".")
            out.blank()
        }
    }

    /// The cause's kind and fact ("in force: ECOWAS halt of …").
    static func causeText(_ cause: ChangeCause) -> String {
        switch cause.kind {
        case .inForce: return "in force: \(cause.fact)"
        case .ended: return "ended: \(cause.fact)"
        case .event: return "event: \(cause.fact)"
        case .listed: return "listed: \(cause.fact)"
        case .acceptanceExpired: return "accepted risk expired: \(cause.fact)"
        case .added: return "added to the database: \(cause.fact)"
        case .removed: return "not in the current database: \(cause.fact)"
        }
    }

    private static func heading(_ kind: ChangeKind) -> String {
        switch kind {
        case .new: return "New findings"
        case .escalated: return "Escalated"
        case .updated: return "Updated (same severity, new facts)"
        case .deescalated: return "De-escalated"
        case .resolved: return "Resolved"
        }
    }

    private static func severityText(_ change: FindingChange) -> String {
        switch (change.severity, change.previousSeverity) {
        case (let now?, let before?) where now != before: return "**\(now)** (was \(before))"
        case (let now?, _): return "**\(now)**"
        case (nil, let before?): return "was \(before)"
        case (nil, nil): return "unknown"
        }
    }
}
