/// What the parts of a report that need every policy are laid out from (`Reporter.layout`):
/// the run's options and database, each policy's overview and counts, and the findings
/// summarised (`FindingSummary`), never the findings themselves. A streamed check builds it
/// policy by policy; `CheckResult.summary` builds it from a result held in memory.
public struct CheckSummary: Sendable {
    public let asOf: Day
    public let options: CheckOptions
    public let database: DatabaseSummary
    /// The database's factors by id and the countries it covers.
    public let factors: FactorCatalog
    /// Each policy's overview and counts, in file order (empty when no reporter reads them:
    /// `keepsPolicies`).
    public private(set) var policies: [PolicySummary] = []
    /// Whether `policies` is kept: a streamed check whose reporters read no policy's summary
    /// (a JSON schema 4 report spills its table of policies) keeps only their number.
    let keepsPolicies: Bool
    /// How many policies were added, kept or not.
    public private(set) var policyCount = 0
    /// The findings of every policy, summarised.
    public private(set) var findings: FindingSummary
    /// The shard a `check --shard K/N` covered (nil: the whole portfolio).
    public internal(set) var shard: ShardCoverage?

    /// An empty summary for a run in this context; `listsFailing`: keep every failing
    /// finding's identity (`FindingSummary.failingIdentities`); `listsFindings`: keep the
    /// not-assessed and new findings (`FindingSummary.notAssessed`, `newFindings`) and each
    /// policy's countries and accepted risks.
    /// `keepsPolicies`: keep each policy's summary (`policies`); `narrates`: work out the
    /// narrative parts of the findings' summary (`FindingSummary.narrates`).
    public init(
        _ context: ReportContext, listsFailing: Bool = true, listsFindings: Bool = true, keepsPolicies: Bool = true, narrates: Bool = true
    ) {
        self.keepsPolicies = keepsPolicies
        asOf = context.asOf
        options = context.options
        database = context.database
        factors = context.factors
        findings = FindingSummary(
            options: context.options, databaseDigest: context.database.digest, factors: context.factors, listsFailing: listsFailing,
            listsFindings: listsFindings, narrates: narrates)
    }

    /// Makes room for this many policies at once (a portfolio's summary then holds no spare
    /// room from growing by doubling).
    mutating func reserveCapacity(_ policies: Int) {
        if keepsPolicies { self.policies.reserveCapacity(policies) }
    }

    /// Adds a policy's result (policies in file order), and returns what the summary says of it.
    @discardableResult
    public mutating func add(_ result: PolicyResult) -> PolicySummary {
        let policy = findings.add(result)
        policyCount += 1
        if keepsPolicies { policies.append(policy) }
        return policy
    }

    /// Adds what a policy's result adds to the findings' summary, made on the core that checked
    /// it (`FindingSummary.Part`; policies in file order), and returns what the summary says of it.
    @discardableResult
    mutating func add(_ part: FindingSummary.Part) -> PolicySummary {
        let policy = findings.add(part)
        policyCount += 1
        if keepsPolicies { policies.append(policy) }
        return policy
    }

    /// The part of a policy's result this summary adds (`FindingSummary.Part`), made anywhere.
    var partMaker: FindingSummary.PartMaker { findings.partMaker }

    /// What every policy's own report sections are rendered with.
    public var context: ReportContext { ReportContext(asOf: asOf, options: options, database: database, factors: factors) }

    /// Reported findings not accepted, per severity.
    public var counts: [Severity: Int] { findings.open }

    /// Whether any finding fails the gate.
    public var gateFailed: Bool { findings.failing > 0 }

    /// The gate's decision for this run.
    public var gate: GateVerdict { GateVerdict(self) }

    /// With a baseline: its findings that this run no longer produces.
    public var resolvedSinceBaseline: [Baseline.Entry] { findings.resolvedSinceBaseline }
}
