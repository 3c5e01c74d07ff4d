/// A check over a policy. Each rule lives in its own file and is registered in `RuleRegistry`.
public protocol Rule: Sendable {
    /// What the rule checks, how it scores and what it recommends; `diligence explain` prints it.
    var description: RuleDescription { get }
    /// Operation rules look at the policy; review rules also see the operation rules' findings.
    var phase: RulePhase { get }
    func check(_ context: RuleContext) -> [Finding]
}

public enum RulePhase: Sendable {
    case operations
    case review
}

/// A rule's documentation and examples. The examples are policies that must (and must not)
/// trigger the rule against the shipped seeds as of `examplesAsOf`; the tests run them. They are
/// data files, `Resources/rule-examples/<id>/{triggering,non-triggering}-N.yaml`.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let name: String
    public let summary: String
    /// Which risk factor kinds (or other data) the rule uses.
    public let facts: String
    /// How severity is scored, one line per step.
    public let severityModel: [String]
    /// What the rule recommends in general (findings add the factor's own recommendations).
    public let recommendations: [String]
    /// Policies that must trigger the rule, read from the rule's example files.
    public var triggeringExamples: [String] { RuleExamples.load(ruleID: id.rawValue, .triggering) }
    /// Policies that must not trigger it.
    public var nonTriggeringExamples: [String] { RuleExamples.load(ruleID: id.rawValue, .nonTriggering) }
    /// The as-of date (YYYY-MM-DD) the examples are checked at.
    public let examplesAsOf: String
    /// "conflict-proximity → high", by severity (`Severity.rawValue`): the last line of every
    /// finding's path, written once per rule instead of once per finding.
    let verdictLines: [String]

    /// "conflict-proximity → high": the rule's verdict line at `severity`.
    public func verdictLine(_ severity: Severity) -> String { verdictLines[severity.rawValue] }

    public init(
        id: RuleID, name: String, summary: String, facts: String, severityModel: [String],
        recommendations: [String], examplesAsOf: String = "2020-09-30"
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.facts = facts
        self.severityModel = severityModel
        self.recommendations = recommendations
        self.examplesAsOf = examplesAsOf
        verdictLines = Severity.allCases.sorted { $0.rawValue < $1.rawValue }.map { "\(id) → \($0)" }
    }
}
