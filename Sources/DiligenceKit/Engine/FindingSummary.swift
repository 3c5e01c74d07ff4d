/// What the summary parts of the reports need of a run's findings, kept as counts and short
/// bounded lists instead of the findings themselves: a streamed check adds each policy's
/// findings once its own report sections are written and then drops them, so a portfolio's
/// findings are never held together. Built in file order (`add(_:)`); the same findings give
/// the same summary whichever way the check ran.
public struct FindingSummary: Sendable {
    /// One finding as a summary part lists it (a top risk, a finding new since the baseline,
    /// an operation not assessed, a stale factor).
    public struct Brief: Sendable, Hashable {
        public var policy: String
        public var line: Int
        public var column: Int
        public var rule: RuleID
        public var severity: Severity
        public var identity: FindingIdentity
        public var subject: String
        public var subjectName: String
        public var message: String
        /// The date of its first evidence (for a stale factor: its last review).
        public var evidenceDate: String?
        /// Its policy's place (from 0) among the run's policies.
        public var place: Int

        init(_ finding: Finding, place: Int) {
            self.place = place
            policy = finding.policy
            line = finding.line
            column = finding.column
            rule = finding.rule
            severity = finding.severity
            identity = finding.identity
            subject = finding.subject
            subjectName = finding.subjectName
            message = finding.message
            evidenceDate = finding.evidence.first?.date
        }
    }

    /// A risk of the open reported findings (stale-intelligence notices aside): a factor, or
    /// the rule when no factor of the database is behind a finding; its most severe finding and
    /// how many operations (subjects of a policy) its findings reach.
    public struct RiskReach: Sendable, Hashable {
        /// `factor:ID` or `rule:RULE`.
        public var key: String
        /// The factor behind it (nil for a rule).
        public var factor: String?
        public var rule: RuleID
        public var severity: Severity
        public var operations: Int
    }

    /// Most top risks kept: the summary lists this many and counts the rest.
    public static let topLimit = 10

    let options: CheckOptions
    let factors: FactorCatalog

    /// Every finding, accepted and below `--report-min` included.
    public private(set) var total = 0
    /// Findings at or above `--report-min`.
    public private(set) var reported = 0
    /// Reported findings not accepted, per severity.
    public private(set) var open: [Severity: Int] = [:]
    /// Reported findings an accepted risk covers, per severity.
    public private(set) var accepted: [Severity: Int] = [:]
    /// Findings failing the gate (`CheckOptions.failsGate`), reported or not.
    public private(set) var failing = 0
    /// Of those, the ones that are not expired acceptances.
    public private(set) var failingOtherThanExpired = 0
    /// `policy: identity` of each finding failing the gate, in order (kept only when
    /// `listsFailing`: JSON schemas 1 and 2 list them).
    public private(set) var failingIdentities: [String] = []
    /// Findings failing the gate below `--report-min` (so in no report's findings), in order.
    public private(set) var failingUnreported: [Brief] = []
    /// Whether `failingIdentities` is kept.
    let listsFailing: Bool
    /// Whether `notAssessed` and `newFindings` are kept (one entry per such finding), and each
    /// policy's countries and accepted risks (`PolicySummary`): the Markdown and HTML reports
    /// list them, the other formats need none of them.
    let listsFindings: Bool
    /// Findings of `expired-acceptance`, reported or not.
    public private(set) var expiredAcceptances = 0
    /// With a baseline: reported findings it does not hold, and those it holds.
    public private(set) var newSinceBaseline = 0
    public private(set) var unchangedSinceBaseline = 0
    /// With a baseline: the reported findings new since it, in order (with `listsFindings`).
    public private(set) var newFindings: [Brief] = []
    /// The most severe open reported findings at high or critical (severity, then file and
    /// line), at most `topLimit`; `topCount` counts them all.
    public private(set) var topRisks: [Brief] = []
    public private(set) var topCount = 0
    /// The rules of the reported findings.
    public private(set) var rules: Set<RuleID> = []
    /// Per rule, which of its general advice (`RuleRegistry.advice`, a bit per position) a
    /// reported finding was given: the Markdown report states each once.
    public private(set) var ruleAdvice: [RuleID: UInt64] = [:]
    /// Reported `not-assessed` findings, in order (with `listsFindings`).
    public private(set) var notAssessed: [Brief] = []
    /// Reported `stale-intelligence` findings, the first of each factor, in order.
    public private(set) var stale: [Brief] = []
    /// The factors the reported findings cite, each once, in order of first citation.
    public private(set) var factorIDs: [String] = []
    /// Each risk of the open reported findings, in order of first finding.
    public private(set) var risks: [RiskReach] = []
    /// With a baseline: the keys (`policy#identity`) of its findings this run produces.
    private var baselineMatched: Set<String> = []
    private var topOrder: [(brief: Brief, sequence: Int)] = []
    private var staleSubjects: Set<String> = []
    private var factorSet: Set<String> = []
    private var riskIndex: [String: Int] = [:]
    /// A digest of the run: as-of date, database digest, and each policy's file followed by
    /// its findings' identity, severity and whether accepted (the Markdown report's id).
    private var hasher = SHA256()

    /// An empty summary for a run with these options, the database's digest and factors.
    /// `listsFailing`: keep `failingIdentities` (one entry per failing finding); `listsFindings`:
    /// keep `notAssessed` and `newFindings`.
    public init(
        options: CheckOptions, databaseDigest: String, factors: FactorCatalog = FactorCatalog(), listsFailing: Bool = true,
        listsFindings: Bool = true
    ) {
        self.options = options
        self.factors = factors
        self.listsFailing = listsFailing
        self.listsFindings = listsFindings
        hasher.update(options.asOf.description)
        hasher.update(databaseDigest)
    }

    /// Adds a policy's findings (policies in file order) and returns what the summary parts
    /// say of that policy alone.
    public mutating func add(_ result: PolicyResult) -> PolicySummary {
        var policy = PolicySummary(result.policy, unusedAcceptances: result.unusedAcceptances)
        hasher.update(result.policy.file)
        var reach: [String: Set<String>] = [:]
        for finding in result.findings {
            total += 1
            hasher.update("\(finding.identity)|\(finding.severity)|\(finding.accepted != nil)")
            for (index, risk) in result.policy.acceptedRisks.enumerated() where risk.covers(finding.identity) {
                policy.acceptanceMatches[index] += 1
            }
            let fails = options.failsGate(finding)
            if finding.rule == .expiredAcceptance { expiredAcceptances += 1 }
            if fails {
                failing += 1
                if finding.rule != .expiredAcceptance { failingOtherThanExpired += 1 }
                if listsFailing { failingIdentities.append("\(finding.policy): \(finding.identity)") }
            }
            let isReported = finding.severity >= options.reportMin
            if fails, !isReported { failingUnreported.append(Brief(finding, place: result.position)) }
            if isReported || fails {
                policy.cases += 1
                if fails {
                    policy.failures += 1
                } else if finding.accepted != nil {
                    policy.skipped += 1
                }
            }
            guard isReported else { continue }
            reported += 1
            rules.insert(finding.rule)
            noteAdvice(finding)
            policy.reported += 1
            if finding.accepted != nil {
                accepted[finding.severity, default: 0] += 1
                policy.accepted += 1
            } else {
                open[finding.severity, default: 0] += 1
                policy.open[finding.severity, default: 0] += 1
                if finding.severity >= .high { addTop(finding, place: result.position) }
                if finding.rule != .staleIntelligence { addReach(finding, &reach) }
            }
            if let new = options.isNew(finding) {
                if new {
                    newSinceBaseline += 1
                    if listsFindings { newFindings.append(Brief(finding, place: result.position)) }
                } else {
                    unchangedSinceBaseline += 1
                }
            }
            if listsFindings, finding.rule == .notAssessed { notAssessed.append(Brief(finding, place: result.position)) }
            if finding.rule == .staleIntelligence, staleSubjects.insert(finding.subject).inserted {
                stale.append(Brief(finding, place: result.position))
            }
            for id in finding.factors where factorSet.insert(id).inserted { factorIDs.append(id) }
        }
        for (key, operations) in reach { risks[riskIndex[key] ?? 0].operations += operations.count }
        if !listsFindings { policy.dropDetails() }
        if options.baseline != nil {
            for finding in result.findings { baselineMatched.insert("\(finding.policy)#\(finding.identity)") }
        }
        return policy
    }

    /// Marks the rule's general advice the finding was given (a few comparisons of short
    /// strings, none once every piece of the rule's advice has been seen).
    private mutating func noteAdvice(_ finding: Finding) {
        guard let catalogue = RuleRegistry.advice[finding.rule], !catalogue.isEmpty else { return }
        let count = min(catalogue.count, 64)
        let full: UInt64 = count == 64 ? ~0 : (1 << UInt64(count)) - 1
        var mask = ruleAdvice[finding.rule] ?? 0
        guard mask != full else { return }
        for advice in finding.recommendations {
            if let at = catalogue.prefix(count).firstIndex(of: advice) { mask |= 1 << UInt64(at) }
        }
        ruleAdvice[finding.rule] = mask
    }

    /// Keeps the finding if it is among the `topLimit` most severe so far (ties in file order).
    private mutating func addTop(_ finding: Finding, place: Int) {
        topCount += 1
        let sequence = topCount
        func before(_ a: (severity: Severity, policy: String, line: Int, sequence: Int), _ b: (brief: Brief, sequence: Int)) -> Bool {
            if a.severity != b.brief.severity { return a.severity > b.brief.severity }
            if a.policy != b.brief.policy { return a.policy < b.brief.policy }
            if a.line != b.brief.line { return a.line < b.brief.line }
            return a.sequence < b.sequence
        }
        let key = (severity: finding.severity, policy: finding.policy, line: finding.line, sequence: sequence)
        if topOrder.count == Self.topLimit, let last = topOrder.last, !before(key, last) { return }
        let at = topOrder.firstIndex { before(key, $0) } ?? topOrder.count
        topOrder.insert((Brief(finding, place: place), sequence), at: at)
        if topOrder.count > Self.topLimit { topOrder.removeLast() }
        topRisks = topOrder.map(\.brief)
    }

    /// Counts the finding towards its risk's severity and the operations it reaches.
    private mutating func addReach(_ finding: Finding, _ reach: inout [String: Set<String>]) {
        let catalog = factors
        let factor = finding.factors.lazy.compactMap { catalog.factor($0) }.first
        let key = factor.map { "factor:" + $0.id } ?? "rule:" + finding.rule.rawValue
        if let at = riskIndex[key] {
            risks[at].severity = max(risks[at].severity, finding.severity)
        } else {
            riskIndex[key] = risks.count
            risks.append(RiskReach(key: key, factor: factor?.id, rule: finding.rule, severity: finding.severity, operations: 0))
        }
        reach[key, default: []].insert(finding.subject)
    }

    /// With a baseline: its findings that this run no longer produces (by policy and identity).
    public var resolvedSinceBaseline: [Baseline.Entry] {
        guard let baseline = options.baseline else { return [] }
        return baseline.entries.filter { !baselineMatched.contains($0.key) }.sorted { ($0.policy, $0.id) < ($1.policy, $1.id) }
    }

    /// The run's digest (see `hasher`) as lower-case hex.
    public var digest: String {
        var copy = hasher
        return copy.finalizeHex()
    }
}

/// What the summary parts of the reports say of one policy: who and which file, and its
/// findings counted.
public struct PolicySummary: Sendable {
    /// The policy without its operations.
    public var policy: PolicyOverview
    /// The policy's acceptances that matched no finding.
    public var unusedAcceptances: [AcceptedRisk]
    /// Reported findings not accepted, per severity.
    public var open: [Severity: Int] = [:]
    /// Reported findings an accepted risk covers.
    public var accepted = 0
    /// Findings at or above `--report-min`.
    public var reported = 0
    /// For each of the policy's accepted risks (in order), how many findings it covers.
    public var acceptanceMatches: [Int]
    /// Findings reported or failing the gate (a JUnit suite's test cases), those failing the
    /// gate, and the accepted ones among the rest.
    public var cases = 0
    public var failures = 0
    public var skipped = 0

    public init(_ policy: PolicyOverview, unusedAcceptances: [AcceptedRisk]) {
        self.policy = policy
        self.unusedAcceptances = unusedAcceptances
        acceptanceMatches = Array(repeating: 0, count: policy.acceptedRisks.count)
    }

    /// Drops what only a report that lists each policy's countries and accepted risks reads
    /// (Markdown, HTML): a run of 20,000 policies would otherwise hold them all to the end.
    mutating func dropDetails() {
        policy.countries = []
        policy.acceptedRisks = []
        acceptanceMatches = []
    }
}
