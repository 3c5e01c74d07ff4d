/// The gate's decision for one run: off, passed or failed, at which threshold, how many findings
/// fail it and why. The exit code of `check` and `report merge` and every report's verdict line
/// are read from this one value, so that they cannot disagree.
public struct GateVerdict: Sendable, Hashable {
    /// What the gate decided; the raw value is the JSON report's `summary.gate`.
    public enum Outcome: String, Sendable, Hashable {
        /// `--fail-on none`: nothing fails the gate.
        case off
        case pass
        case fail
    }

    /// Lowest severity that fails the gate (nil: the gate is off).
    public let threshold: Severity?
    /// How many findings fail it (unaccepted at or above the threshold, and expired acceptances).
    public let failing: Int
    /// Whether a baseline was given, so that only findings new since it can fail the gate.
    public let baseline: Bool

    public init(threshold: Severity?, failing: Int, baseline: Bool = false) {
        self.threshold = threshold
        self.failing = threshold == nil ? 0 : failing
        self.baseline = baseline
    }

    /// The verdict of a checked run.
    public init(_ result: CheckResult) {
        self.init(threshold: result.options.failOn, failing: result.failingFindings.count, baseline: result.options.baseline != nil)
    }

    /// The verdict of a summarised run.
    public init(_ summary: CheckSummary) {
        self.init(threshold: summary.options.failOn, failing: summary.findings.failing, baseline: summary.options.baseline != nil)
    }

    public var outcome: Outcome {
        guard threshold != nil else { return .off }
        return failing > 0 ? .fail : .pass
    }

    /// Whether the gate failed: the command exits 1.
    public var failed: Bool { outcome == .fail }

    /// Why, in the words the text and Markdown reports share: for a failed gate, what failed
    /// it; for a passed one, what was looked for; for the gate off, the option that turned it off.
    public var reason: String {
        guard let threshold else { return "--fail-on none" }
        if failing > 0 {
            return "\(failing) \(baseline ? "new " : "")finding(s) at or above \(threshold), or expired acceptances"
        }
        return "nothing \(baseline ? "new and " : "")unaccepted at or above \(threshold)"
    }

    /// The verdict line of the text report and of `check`'s standard error.
    public var textLine: String {
        guard let threshold else { return "gate: off (--fail-on none)" }
        return failing > 0
            ? "gate: FAILED (\(failing) finding(s) at or above \(threshold) or expired acceptances)"
            : "gate: passed (nothing \(baseline ? "new " : "")at or above \(threshold))"
    }

    /// The verdict as the Markdown report states it (summary table and executive summary).
    public var markdown: String {
        switch outcome {
        case .off: return "off (`--fail-on none`)"
        case .pass: return "**passed**: " + reason
        case .fail: return "**FAILED**: " + reason
        }
    }
}

extension CheckResult {
    /// The gate's decision for this run.
    public var gate: GateVerdict { GateVerdict(self) }
}
