/// The outcome of checking a set of policies. The finding lists are made once, when the
/// result is made: reporters read them many times.
public struct CheckResult: Sendable {
    public let asOf: Day
    public let options: CheckOptions
    public let database: DatabaseSummary
    /// The database's factors by id and the countries it covers (empty when the result was
    /// made without a database).
    public let factors: FactorCatalog
    public let policies: [PolicyResult]

    /// Every finding of every policy, in deterministic order (accepted ones included). A view,
    /// like the lists below, not a copy: a portfolio's findings are kept once, in `policies`.
    public let findings: FindingList

    /// Findings at or above `--report-min`.
    public let reportedFindings: FindingList

    /// Findings that fail the gate: not accepted and at or above `--fail-on`, and every
    /// expired acceptance (unless the gate is off); with a baseline, only findings it does not hold.
    public let failingFindings: FindingList

    /// Count of unaccepted findings per severity (reported ones only).
    public let counts: [Severity: Int]

    /// The shard a `check --shard K/N` covered (nil: the whole portfolio).
    public internal(set) var shard: ShardCoverage?

    /// Whether any finding fails the gate.
    public var gateFailed: Bool { !failingFindings.isEmpty }

    /// The policies themselves, when the result was made from them in memory
    /// (`Checker.check(_:options:)`), so that `Reporter.render(_:)` can write their sections; a
    /// streamed check (`StreamedCheck`) writes each policy's sections as it goes and keeps none.
    let checkedPolicies: [Policy]

    /// A result from its parts. Without `factors` (the database's, `FactorCatalog(database, asOf:)`)
    /// the Markdown report has no country profiles and states no country as covered.
    public init(
        asOf: Day, options: CheckOptions, database: DatabaseSummary, factors: FactorCatalog = FactorCatalog(),
        policies: [PolicyResult]
    ) {
        self.init(asOf: asOf, options: options, database: database, factors: factors, policies: policies, checkedPolicies: [])
    }

    init(
        asOf: Day, options: CheckOptions, database: DatabaseSummary, factors: FactorCatalog, policies: [PolicyResult],
        checkedPolicies: [Policy]
    ) {
        self.asOf = asOf
        self.options = options
        self.database = database
        self.factors = factors
        self.policies = policies.enumerated().map { position, policy in
            var placed = policy
            placed.position = position
            return placed
        }
        self.checkedPolicies = checkedPolicies
        findings = FindingList(policies, .all)
        reportedFindings = FindingList(policies, .reported(options.reportMin))
        failingFindings = FindingList(policies, .failing(options))
        var counts: [Severity: Int] = [:]
        for finding in reportedFindings where finding.accepted == nil { counts[finding.severity, default: 0] += 1 }
        self.counts = counts
    }

    /// What every policy's own report sections are rendered with.
    public var context: ReportContext { ReportContext(asOf: asOf, options: options, database: database, factors: factors) }

    /// With a baseline: whether the finding is new since it (nil without a baseline).
    public func isNew(_ finding: Finding) -> Bool? {
        options.isNew(finding)
    }

    /// With a baseline: its findings that this run no longer produces.
    public var resolvedSinceBaseline: [Baseline.Entry] { summary.resolvedSinceBaseline }

    /// What the reports' summary parts are laid out from (`Reporter.layout`), made from the
    /// findings on each call.
    public var summary: CheckSummary {
        var summary = CheckSummary(context)
        for policy in policies { summary.add(policy) }
        summary.shard = shard
        return summary
    }
}

/// What a policy's own report sections are rendered with: known before any policy is checked.
public struct ReportContext: Sendable {
    public let asOf: Day
    public let options: CheckOptions
    public let database: DatabaseSummary
    /// The database's factors by id and the countries it covers.
    public let factors: FactorCatalog

    public init(asOf: Day, options: CheckOptions, database: DatabaseSummary, factors: FactorCatalog = FactorCatalog()) {
        self.asOf = asOf
        self.options = options
        self.database = database
        self.factors = factors
    }

    /// With a baseline: whether the finding is new since it (nil without a baseline).
    public func isNew(_ finding: Finding) -> Bool? {
        options.isNew(finding)
    }
}

/// One policy's findings and the acceptances that matched nothing.
public struct PolicyResult: Sendable {
    /// The policy without its operations: what a report says of it after its own sections.
    public var policy: PolicyOverview
    /// Sorted; includes accepted findings (with `accepted` set).
    public var findings: [Finding]
    public var unusedAcceptances: [AcceptedRisk]
    /// The policy's place (from 0) among the run's policies, in file order (JSON schema 3's
    /// findings name their policy by it); set by the run.
    public internal(set) var position = 0
    /// The table keys of its reported findings, in order, when a streamed check made them for
    /// its reports (`FindingTableKeys`); nil: each report makes what it needs.
    var tableKeys: [FindingTableKeys]?
}

/// What a report's summary parts say of a policy: who, which file, how many operations and
/// the acceptances it declares. The operations themselves are in the policy's own sections only,
/// so a portfolio's sites and counterparties are not kept once those are written.
public struct PolicyOverview: Sendable, Hashable {
    public var file: String
    public var company: String
    public var owner: String?
    public var reviewed: Day?
    public var siteCount: Int
    public var tradeCount: Int
    public var counterpartyCount: Int
    public var travelCount: Int
    public var acceptedRisks: [AcceptedRisk]
    /// Every country its operations name (sites, trade flows with their origin, transit and
    /// destination, counterparties, travel), in code order.
    public var countries: [Country]

    public init(_ policy: Policy) {
        file = policy.file
        company = policy.company
        owner = policy.owner
        reviewed = policy.reviewed
        siteCount = policy.sites.count
        tradeCount = policy.trade.count
        counterpartyCount = policy.counterparties.count
        travelCount = policy.travel.count
        acceptedRisks = policy.acceptedRisks
        countries = policy.operationCountries
    }
}

/// What an audit needs to reproduce a run: which database, which files, which digest.
public struct DatabaseSummary: Sendable, Codable, Hashable {
    public var name: String
    public var version: String?
    public var path: String
    public var digest: String
    public var newestReview: Day?
    /// Every factor's review date, oldest first, for the database's age at the as-of date.
    public var reviewDates: [Day]?
    public var factorCount: Int
    public var entityCount: Int
    /// The sources, each dated by the snapshot the database loaded of it when it holds one.
    public var sources: [DataSource]
    /// Files a newer snapshot of their source superseded (not loaded), one notice each.
    public var superseded: [String]?

    public init(_ database: RiskDatabase) {
        name = database.metadata.name
        version = database.metadata.version
        path = database.path
        digest = database.digest
        newestReview = database.newestReview
        reviewDates = database.factors.map(\.reviewed).sorted()
        factorCount = database.factors.count
        entityCount = database.entities.count
        sources = database.metadata.sources.map { source in
            var dated = source
            if let snapshot = database.snapshots.first(where: { $0.source.sourceID == source.id }) { dated.date = snapshot.date.description }
            return dated
        }
        superseded = database.superseded.isEmpty ? nil : database.superseded.map(\.notice)
    }
}

extension Policy {
    /// Every country its operations name (sites, trade flows with their origin, transit and
    /// destination, counterparties, travel), in code order, each once.
    ///
    /// A policy names a few countries many times: each is kept at its first mention by
    /// comparing it with those kept (a set hashed both texts of every mention).
    public var operationCountries: [Country] {
        var countries: [Country] = []
        func add(_ country: Country) {
            if !countries.contains(country) { countries.append(country) }
        }
        for site in sites { add(site.country) }
        for flow in trade {
            add(flow.country)
            if let origin = flow.origin { add(origin) }
            if let destination = flow.destination { add(destination) }
            for country in flow.transit { add(country) }
        }
        for party in counterparties { add(party.country) }
        for trip in travel { add(trip.country) }
        return countries.sorted()
    }

    /// `operationCountries` by a set, as it was made before: kept to test it against.
    var operationCountriesBySet: [Country] {
        var countries = Set(sites.map(\.country))
        for flow in trade {
            countries.insert(flow.country)
            if let origin = flow.origin { countries.insert(origin) }
            if let destination = flow.destination { countries.insert(destination) }
            countries.formUnion(flow.transit)
        }
        countries.formUnion(counterparties.map(\.country))
        countries.formUnion(travel.map(\.country))
        return countries.sorted()
    }
}
