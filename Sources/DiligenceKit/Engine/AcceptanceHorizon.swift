/// Accepted risks may not run longer than a horizon (default 365 days after the as-of date):
/// an acceptance is a decision to review, never a way to silence a finding for good.
public enum AcceptanceHorizon {
    public static let defaultDays = 365

    /// One located error per acceptance that expires more than `maxDays` after `asOf`.
    public static func problems(in policies: [Policy], asOf: Day, maxDays: Int) -> [Diagnostic] {
        policies.flatMap { policy in
            policy.acceptedRisks.compactMap { risk -> Diagnostic? in
                let days = asOf.days(until: risk.expires)
                guard days > maxDays else { return nil }
                return Diagnostic(
                    SourceLocation(file: policy.file, line: risk.expiresMark.line, column: risk.expiresMark.column), .error,
                    "the acceptance of `\(risk.finding)` expires on \(risk.expires), \(days) days after \(asOf); acceptances may run at most \(maxDays) days (--max-acceptance-days): set an earlier expiry and review it then"
                )
            }
        }.sorted()
    }
}
