/// What the summary parts of the reports need of a run's findings, kept as counts and short
/// bounded lists instead of the findings themselves: a streamed check adds each policy's
/// findings once its own report sections are written and then drops them, so a portfolio's
/// findings are never held together. Built in file order (`add(_:)`); the same findings give
/// the same summary whichever way the check ran.
public struct FindingSummary: Sendable {
    /// One finding as a summary part lists it (a top risk, a finding new since the baseline,
    /// a stale factor).
    /// A reported `not-assessed` finding as the open items list it: where, what, how severe.
    /// Its message (what is missing) is in its company's part of section 5, so it is not kept:
    /// a run of 2,000 heavy files held 1.8 MB of these messages to the end for nothing.
    public struct Unassessed: Sendable, Hashable {
        public var policy: String
        public var line: Int
        public var subject: String
        public var severity: Severity
        public var identity: FindingIdentity

        init(_ finding: Finding) {
            policy = finding.policy
            line = finding.line
            subject = finding.subject
            severity = finding.severity
            identity = finding.identity
        }
    }

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
    /// Whether the narrative parts are worked out: `digest`, `topRisks`, `risks`, `ruleAdvice`,
    /// `factorIDs` and `stale`. The Markdown and HTML reports write them; a run writing only
    /// other formats leaves them empty (and `digest` then covers the as-of date and database
    /// alone), which spares hashing every finding's identity and sorting its risks.
    let narrates: Bool
    /// Findings of `expired-acceptance`, reported or not.
    public private(set) var expiredAcceptances = 0
    /// With a baseline: reported findings it does not hold, and those it holds.
    public private(set) var newSinceBaseline = 0
    public private(set) var unchangedSinceBaseline = 0
    /// With a baseline: the reported findings new since it, in order (with `listsFindings`).
    public private(set) var newFindings: [Brief] = []
    /// The most severe open reported findings at high or critical (severity, then file and
    /// line), at most `topLimit`; `topCount` counts them all. Made when asked (the layout asks
    /// twice), not again for each policy that adds one.
    public var topRisks: [Brief] { topOrder.map(\.brief) }
    public private(set) var topCount = 0
    /// The rules of the reported findings.
    public private(set) var rules: Set<RuleID> = []
    /// Per rule, which of its general advice (`RuleRegistry.advice`, a bit per position) a
    /// reported finding was given: the Markdown report states each once.
    public private(set) var ruleAdvice: [RuleID: UInt64] = [:]
    /// Reported `not-assessed` findings, in order (with `listsFindings`): what the open items
    /// list of each (`Unassessed`), not its message.
    public private(set) var notAssessed: [Unassessed] = []
    /// Reported `stale-intelligence` findings, the first of each factor, in order.
    public private(set) var stale: [Brief] = []
    /// The factors the reported findings cite, each once, in order of first citation.
    public private(set) var factorIDs: [String] = []
    /// Each risk of the open reported findings, in order of first finding.
    public private(set) var risks: [RiskReach] = []
    /// With a baseline: the keys (`policy#identity`) of its findings this run produces.
    private var baselineMatched: Set<String> = []
    private var topOrder: [(brief: Brief, sequence: Int)] = []
    private var staleSubjects = SummaryTextSet()
    private var factorSet = SummaryTextSet()
    private var riskIndex: [String: Int] = [:]
    /// A digest of the run: as-of date, database digest, and each policy's file followed by
    /// its findings' identity, severity and whether accepted (the Markdown report's id).
    private var hasher = SHA256()

    /// An empty summary for a run with these options, the database's digest and factors.
    /// `listsFailing`: keep `failingIdentities` (one entry per failing finding); `listsFindings`:
    /// keep `notAssessed` and `newFindings`; `narrates`: work out the narrative parts.
    public init(
        options: CheckOptions, databaseDigest: String, factors: FactorCatalog = FactorCatalog(), listsFailing: Bool = true,
        listsFindings: Bool = true, narrates: Bool = true
    ) {
        self.options = options
        self.factors = factors
        self.listsFailing = listsFailing
        self.listsFindings = listsFindings
        self.narrates = narrates
        hasher.update(options.asOf.description)
        hasher.update(databaseDigest)
    }

    /// Adds a policy's findings (policies in file order) and returns what the summary parts
    /// say of that policy alone.
    public mutating func add(_ result: PolicyResult) -> PolicySummary {
        add(partMaker.part(of: result))
    }

    /// What makes the parts this summary adds: its options, factors and what it keeps.
    struct PartMaker: Sendable {
        let options: CheckOptions
        let factors: FactorCatalog
        let listsFailing: Bool
        let listsFindings: Bool
        let narrates: Bool

        func part(of result: PolicyResult) -> Part {
            Part(result, options: options, factors: factors, listsFailing: listsFailing, listsFindings: listsFindings, narrates: narrates)
        }
    }

    var partMaker: PartMaker {
        PartMaker(options: options, factors: factors, listsFailing: listsFailing, listsFindings: listsFindings, narrates: narrates)
    }

    /// Adds what a policy's findings add to the summary (`Part`, made on the core that checked
    /// it; policies in file order) and returns what the summary parts say of that policy alone.
    /// Counts, the most severe findings kept, the risks and their reach are merged; the same
    /// parts in the same order give the summary `add(_:)` gives on the results.
    public mutating func add(_ part: Part) -> PolicySummary {
        hasher.update(part.digestBytes)
        total += part.total
        reported += part.reported
        failing += part.failing
        failingOtherThanExpired += part.failingOtherThanExpired
        expiredAcceptances += part.expiredAcceptances
        newSinceBaseline += part.newSinceBaseline
        unchangedSinceBaseline += part.unchangedSinceBaseline
        for (severity, count) in part.open { open[severity, default: 0] += count }
        for (severity, count) in part.accepted { accepted[severity, default: 0] += count }
        failingIdentities += part.failingIdentities
        failingUnreported += part.failingUnreported
        newFindings += part.newFindings
        notAssessed += part.notAssessed
        for rule in part.rules { rules.insert(rule) }
        for (rule, mask) in part.ruleAdvice { ruleAdvice[rule, default: 0] |= mask }
        for candidate in part.top { addTop(candidate.brief, sequenceInPart: candidate.sequence) }
        topCount += part.topCount
        for brief in part.stale where staleSubjects.insert(brief.subject) { stale.append(brief) }
        for id in part.factorIDs where factorSet.insert(id) { factorIDs.append(id) }
        for risk in part.risks {
            if let at = riskIndex[risk.key] {
                risks[at].severity = max(risks[at].severity, risk.severity)
                risks[at].operations += risk.operations
            } else {
                riskIndex[risk.key] = risks.count
                risks.append(risk)
            }
        }
        for key in part.baselineKeys { baselineMatched.insert(key) }
        return part.policy
    }

    /// Keeps a candidate if it is among the `topLimit` most severe so far (ties in file order):
    /// `sequenceInPart` counts its policy's candidates up to and including this one.
    private mutating func addTop(_ brief: Brief, sequenceInPart: Int) {
        let sequence = topCount + sequenceInPart
        let key = (severity: brief.severity, policy: brief.policy, line: brief.line, sequence: sequence)
        if topOrder.count == Self.topLimit, let last = topOrder.last,
            !Self.before(key, (last.brief.severity, last.brief.policy, last.brief.line, last.sequence))
        {
            return
        }
        let at = topOrder.firstIndex { Self.before(key, ($0.brief.severity, $0.brief.policy, $0.brief.line, $0.sequence)) } ?? topOrder.count
        topOrder.insert((brief, sequence), at: at)
        if topOrder.count > Self.topLimit { topOrder.removeLast() }
    }

    /// The order of the top risks: more severe first, then by file, line and order of finding.
    static func before(
        _ a: (severity: Severity, policy: String, line: Int, sequence: Int), _ b: (severity: Severity, policy: String, line: Int, sequence: Int)
    ) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.policy != b.policy { return a.policy < b.policy }
        if a.line != b.line { return a.line < b.line }
        return a.sequence < b.sequence
    }

    /// With a baseline: its findings that this run no longer produces (by policy and identity).
    public var resolvedSinceBaseline: [Baseline.Entry] {
        guard let baseline = options.baseline else { return [] }
        return baseline.entries.filter { !baselineMatched.contains($0.key) }.sorted { ($0.policy, $0.id) < ($1.policy, $1.id) }
    }

    /// The run's digest (see `hasher`) as lower-case hex (of the as-of date and database alone
    /// when the summary does not `narrate`).
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
