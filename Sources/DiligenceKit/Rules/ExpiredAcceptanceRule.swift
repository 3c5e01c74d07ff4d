/// Accepted risks whose expiry has passed.
public struct ExpiredAcceptanceRule: Rule {
    public init() {}

    public let phase = RulePhase.review

    public let description = RuleDescription(
        id: .expiredAcceptance,
        name: "Expired acceptance",
        summary:
            "An accepted risk whose `expires` date is before the as-of date. The acceptance no longer applies: the underlying finding counts again, and this finding fails the gate until the acceptance is renewed or removed.",
        facts: "The policy's `accepted_risks`.",
        severityModel: [
            "High (so the default gate fails), or the severity of the finding it covered if that is critical.",
            "Any expired acceptance fails the gate whatever `--fail-on` says, except `--fail-on none`.",
        ],
        recommendations: [
            "Have the approver renew the acceptance with a new expiry and reason, or remove it and treat the finding."
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.policy.acceptedRisks.filter { $0.expires < context.asOf }.map { risk in
            let covered = context.findings.filter { risk.covers($0.identity) }
            let severity = max(Severity.high, covered.map(\.severity).max() ?? .high)
            var finding = Finding(
                rule: description.id, severity: severity, policy: context.policy, mark: risk.mark, subject: risk.finding,
                subjectKind: .acceptedRisk, subjectName: risk.finding, factor: nil,
                message:
                    "The acceptance of \(risk.finding) (approved by \(risk.approvedBy)) expired on \(risk.expires); \(covered.isEmpty ? "it matches no current finding" : "\(covered.count) finding(s) count again")",
                path: ["accepted risk \(risk.finding)", "expired \(risk.expires)", "as of \(context.asOf)", description.verdictLine(severity)],
                evidence: [Evidence(record: risk.finding, fact: "Accepted: \(risk.reason) (approved by \(risk.approvedBy))", date: "expired \(risk.expires)")],
                recommendations: description.recommendations)
            finding.factors = Array(Set(covered.flatMap(\.factors))).sorted()
            return finding
        }
    }
}
