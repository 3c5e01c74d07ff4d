/// The outcome of checking a set of policies. The finding lists are computed once, when the
/// result is made: reporters read them many times.
public struct CheckResult: Sendable {
    public let asOf: Day
    public let options: CheckOptions
    public let database: DatabaseSummary
    public let policies: [PolicyResult]

    /// Every finding of every policy, in deterministic order (accepted ones included).
    public let findings: [Finding]

    /// Findings at or above `--report-min`.
    public let reportedFindings: [Finding]

    /// Findings that fail the gate: not accepted and at or above `--fail-on`, and every
    /// expired acceptance (unless the gate is off); with a baseline, only findings it does not hold.
    public let failingFindings: [Finding]

    /// Count of unaccepted findings per severity (reported ones only).
    public let counts: [Severity: Int]

    public init(asOf: Day, options: CheckOptions, database: DatabaseSummary, policies: [PolicyResult]) {
        self.asOf = asOf
        self.options = options
        self.database = database
        self.policies = policies
        let findings = policies.flatMap(\.findings)
        self.findings = findings
        let reported = findings.filter { $0.severity >= options.reportMin }
        self.reportedFindings = reported
        if let failOn = options.failOn {
            failingFindings = findings.filter { finding in
                finding.accepted == nil && (finding.severity >= failOn || finding.rule == "expired-acceptance")
                    && !(options.baseline?.contains(finding) ?? false)
            }
        } else {
            failingFindings = []
        }
        var counts: [Severity: Int] = [:]
        for finding in reported where finding.accepted == nil { counts[finding.severity, default: 0] += 1 }
        self.counts = counts
    }

    /// With a baseline: whether the finding is new since it (nil without a baseline).
    public func isNew(_ finding: Finding) -> Bool? {
        options.baseline.map { !$0.contains(finding) }
    }

    /// With a baseline: its findings that this run no longer produces.
    public var resolvedSinceBaseline: [Baseline.Entry] {
        guard let baseline = options.baseline else { return [] }
        let current = Set(findings.map { "\($0.policy)#\($0.identity)" })
        return baseline.entries.filter { !current.contains($0.key) }
            .sorted { ($0.policy, $0.id) < ($1.policy, $1.id) }
    }

    public var gateFailed: Bool { !failingFindings.isEmpty }
}

/// One policy's findings and the acceptances that matched nothing.
public struct PolicyResult: Sendable {
    public var policy: Policy
    /// Sorted; includes accepted findings (with `accepted` set).
    public var findings: [Finding]
    public var unusedAcceptances: [AcceptedRisk]
}

/// What an audit needs to reproduce a run: which database, which files, which digest.
public struct DatabaseSummary: Sendable, Codable, Hashable {
    public var name: String
    public var version: String?
    public var path: String
    public var digest: String
    public var newestReview: Day?
    public var factorCount: Int
    public var entityCount: Int
    public var sources: [DataSource]

    public init(_ database: RiskDatabase) {
        name = database.metadata.name
        version = database.metadata.version
        path = database.path
        digest = database.digest
        newestReview = database.newestReview
        factorCount = database.factors.count
        entityCount = database.entities.count
        sources = database.metadata.sources
    }
}
