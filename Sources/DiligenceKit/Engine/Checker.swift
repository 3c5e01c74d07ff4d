/// Runs every rule over every policy, applies accepted risks, and decides the gate.
public struct Checker: Sendable {
    public let database: RiskDatabase
    public let vocabularies: Vocabularies
    public let rules: [any Rule]
    let screener: NameScreener
    let runMemo = RuleRunMemo()
    let destinations: DestinationResolver

    public init(database: RiskDatabase, vocabularies: Vocabularies, rules: [any Rule] = RuleRegistry.all) {
        self.database = database
        self.vocabularies = vocabularies
        self.rules = rules
        self.screener = NameScreener(entities: database.entities)
        self.destinations = DestinationResolver(database: database)
    }

    public func check(_ policies: [Policy], options: CheckOptions) -> CheckResult {
        // Policies are independent: checked on every core, reported in file order.
        // Loaded policies come in file order already; only a reordered set is sorted (a copy).
        let ordered =
            policies.indices.dropFirst().allSatisfy { policies[$0 - 1].file <= policies[$0].file }
            ? policies : policies.sorted { $0.file < $1.file }
        let results = Parallel.map(ordered) { check($0, options: options) }
        return CheckResult(
            asOf: options.asOf, options: options, database: DatabaseSummary(database),
            factors: FactorCatalog(database, asOf: options.asOf), policies: results, checkedPolicies: ordered)
    }

    public func check(_ policy: Policy, options: CheckOptions) -> PolicyResult {
        let context = RuleContext(
            policy: policy, database: database, asOf: options.asOf, vocabularies: vocabularies,
            settings: options.settings, screener: screener, findings: [], runMemo: runMemo,
            destinations: destinations)
        var findings = rules.filter { $0.phase == .operations }.flatMap { $0.check(context) }
        var used: Set<Int> = []
        apply(policy.acceptedRisks, asOf: options.asOf, to: &findings, used: &used)
        let review = RuleContext(
            policy: policy, database: database, asOf: options.asOf, vocabularies: vocabularies,
            settings: options.settings, screener: screener, findings: findings, runMemo: runMemo,
            destinations: destinations, routes: context.routes)
        var reviewFindings = rules.filter { $0.phase == .review }.flatMap { $0.check(review) }
        apply(policy.acceptedRisks, asOf: options.asOf, to: &reviewFindings, used: &used)
        findings += reviewFindings
        let unused = policy.acceptedRisks.enumerated()
            .filter { !used.contains($0.offset) && $0.element.expires >= options.asOf }
            .map(\.element)
        // Sorted in place, each finding moved once (`sort()` moved them at every step).
        findings.sortInReportOrder()
        return PolicyResult(policy: PolicyOverview(policy), findings: findings, unusedAcceptances: unused)
    }

    /// Marks findings covered by an acceptance that has not expired. When several acceptances
    /// cover a finding (an expired one and its renewal below it), the first one in force wins.
    private func apply(_ risks: [AcceptedRisk], asOf: Day, to findings: inout [Finding], used: inout Set<Int>) {
        // Each acceptance's text checked for ASCII once: `coversByBytes` then compares bytes.
        let ascii = risks.map(\.finding.isASCIIBytes)
        for index in findings.indices where findings[index].rule != .expiredAcceptance {
            let identity = findings[index].identity
            let covering = risks.indices.filter { risks[$0].coversByBytes(identity, findingIsASCII: ascii[$0]) }
            used.formUnion(covering)
            if let offset = covering.first(where: { risks[$0].expires >= asOf }) {
                let risk = risks[offset]
                findings[index].accepted = Acceptance(
                    reason: risk.reason, approvedBy: risk.approvedBy,
                    expires: risk.expires, line: risk.mark.line)
            }
        }
    }
}
