/// What a check run evaluates and how the gate decides.
public struct CheckOptions: Sendable {
    /// Evaluate as of this day: events after it do not exist yet.
    public var asOf: Day
    /// Lowest severity that fails the gate; nil means the gate never fails (`--fail-on none`).
    public var failOn: Severity?
    /// Lowest severity shown in reports (the gate still sees everything).
    public var reportMin: Severity
    public var settings: RuleSettings
    /// A previous report: only findings not in it can fail the gate.
    public var baseline: Baseline?
    /// What changed since a comparison run (`--compare-as-of`, `--compare-db`): reports open
    /// with it. It does not change the gate.
    public var comparison: ChangeReport?

    public init(
        asOf: Day, failOn: Severity? = .high, reportMin: Severity = .info, settings: RuleSettings = RuleSettings(),
        baseline: Baseline? = nil, comparison: ChangeReport? = nil
    ) {
        self.asOf = asOf
        self.failOn = failOn
        self.reportMin = reportMin
        self.settings = settings
        self.baseline = baseline
        self.comparison = comparison
    }
}

extension CheckOptions {
    /// Whether the finding fails the gate: not accepted and at or above `failOn`, or an expired
    /// acceptance (unless the gate is off); with a baseline, only a finding it does not hold.
    public func failsGate(_ finding: Finding) -> Bool {
        guard let failOn else { return false }
        // The rule compared as `==` does, the constant told by its representation or its
        // length first (`sameRule`: the text comparison cost most of this call).
        return finding.accepted == nil && (finding.severity >= failOn || FindingSummary.Part.sameRule(finding.rule, .expiredAcceptance))
            && !(baseline != nil && baseline?.contains(finding) == true)
    }

    /// With a baseline: whether the finding is new since it (nil without a baseline). Without
    /// one, answered without copying the optional baseline (asked for every finding).
    public func isNew(_ finding: Finding) -> Bool? {
        guard baseline != nil else { return nil }
        return baseline.map { !$0.contains(finding) }
    }
}
