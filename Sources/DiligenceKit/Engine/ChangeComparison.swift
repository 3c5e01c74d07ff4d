/// Compares this run's findings with an earlier run's: the one classification behind
/// `--compare-as-of`, `--compare-db` and `--baseline`. Findings are matched by policy file and
/// identity (`rule/subject/factor`), as accepted risks and SARIF fingerprints match them.
public enum ChangeComparison {
    /// A finding of the compared run: enough to classify and list it.
    public struct Previous: Sendable {
        public var policy: String
        public var identity: String
        public var rule: RuleID
        /// Nil when the compared report names a severity this version does not know.
        public var severity: Severity?
        public var message: String
        public var line: Int
        /// The whole finding, when the compared run was made here (not read from a report).
        public var finding: Finding?

        public init(policy: String, identity: String, rule: RuleID, severity: Severity?, message: String, line: Int, finding: Finding? = nil) {
            self.policy = policy
            self.identity = identity
            self.rule = rule
            self.severity = severity
            self.message = message
            self.line = line
            self.finding = finding
        }

        public init(_ finding: Finding) {
            self.init(
                policy: finding.policy, identity: finding.identity.description, rule: finding.rule,
                severity: finding.severity, message: finding.message, line: finding.line, finding: finding)
        }

        var key: String { "\(policy)#\(identity)" }
    }

    /// Classifies every finding of both runs. `causes` explains a change from the compared
    /// run's finding (nil when new) to this run's (nil when resolved); a finding at the same
    /// severity with causes is `updated`, without them unchanged.
    public static func classify(
        current: some Sequence<Finding>, previous: [Previous],
        causes: (Finding?, Previous?) -> [ChangeCause] = { _, _ in [] }
    )
        -> (changes: [FindingChange], unchanged: Int)
    {
        var before: [String: Previous] = [:]
        for entry in previous { before[entry.key] = entry }
        var changes: [FindingChange] = []
        var unchanged = 0
        var matched: Set<String> = []
        for finding in current {
            let key = "\(finding.policy)#\(finding.identity)"
            let old = before[key]
            if old != nil { matched.insert(key) }
            let kind: ChangeKind?
            var reasons: [ChangeCause] = []
            switch old?.severity {
            case nil where old == nil:
                kind = .new
            case let severity? where finding.severity > severity:
                kind = .escalated
            case let severity? where finding.severity < severity:
                kind = .deescalated
            default:
                reasons = causes(finding, old)
                kind = reasons.isEmpty ? nil : .updated
            }
            guard let kind else {
                unchanged += 1
                continue
            }
            if kind != .updated { reasons = causes(finding, old) }
            changes.append(
                FindingChange(
                    kind: kind, policy: finding.policy, identity: finding.identity.description, rule: finding.rule,
                    severity: finding.severity, previousSeverity: old?.severity, message: finding.message,
                    line: finding.line, causes: reasons))
        }
        for entry in previous where !matched.contains(entry.key) {
            changes.append(
                FindingChange(
                    kind: .resolved, policy: entry.policy, identity: entry.identity, rule: entry.rule,
                    severity: nil, previousSeverity: entry.severity, message: entry.message,
                    line: entry.line, causes: causes(nil, entry)))
        }
        return (changes, unchanged)
    }

    /// Checks the same policies twice, now and as the comparison asks (an earlier as-of day, another
    /// database, or both), and explains every difference by the facts behind it.
    /// - Parameters:
    ///   - current: the checker of this run (its database is the current one).
    ///   - previous: the checker of the comparison run (the other database, or the same checker).
    ///   - previousAsOf: the comparison run's as-of day (this run's when only the database differs).
    public static func compare(
        _ policies: [Policy], current: Checker, previous: Checker, options: CheckOptions,
        previousAsOf: Day
    ) -> ChangeReport {
        var earlier = options
        earlier.asOf = previousAsOf
        earlier.baseline = nil
        earlier.comparison = nil
        let now = current.check(policies, options: options)
        let then = previous.check(policies, options: earlier)
        let finder = ChangeCauses(current: current.database, previous: previous.database, from: previousAsOf, to: options.asOf)
        // The comparison run's note that a policy was reviewed after its day is about the
        // comparison itself, not the world: it is said once, not listed as a change.
        let reviewedLater = then.findings.filter { $0.rule == .inputPlausibility && $0.subjectKind == .policy }
        let compared = then.findings.filter { !($0.rule == .inputPlausibility && $0.subjectKind == .policy) }
        let (changes, unchanged) = classify(current: now.findings, previous: compared.map(Previous.init)) { now, before in
            finder.causes(now: now, before: before?.finding)
        }
        let basis: ChangeReport.Basis
        switch (previousAsOf == options.asOf, finder.databaseChanged) {
        case (true, _): basis = .database(path: previous.database.path, digest: previous.database.digest)
        case (false, false): basis = .asOf(previousAsOf)
        case (false, true): basis = .asOfAndDatabase(previousAsOf, path: previous.database.path, digest: previous.database.digest)
        }
        return ChangeReport(
            basis: basis, changes: changes, unchanged: unchanged,
            policiesReviewedLater: previousAsOf == options.asOf ? [] : reviewedLater.map(\.policy))
    }
}
