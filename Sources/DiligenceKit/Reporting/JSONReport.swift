/// The JSON report, schema version 2 (docs/json-report.md): these `Codable` types are its one
/// definition. `JSONStreamEncoder` writes them (members in declaration order, which is byte
/// order of the keys), `report merge` and baselines read them back with `JSONDecoder`, and the
/// SARIF log is made from them. Evidence is by reference: `sources`, `facts` and `events` hold
/// each cited item once; a finding holds their ids and its own part (date, distance).
///
/// A finding's members are defined once, for schemas 2, 3 and 4, in `JSONFinding`.
public enum JSONReport {
    /// The document; `Findings` is `[FindingEntry]` for a whole document, `StreamedMembers`
    /// while a check writes the findings apart.
    struct Document<Findings: Codable & Sendable>: Codable, Sendable {
        var as_of: String
        /// What changed since the comparison run (`--compare-as-of`, `--compare-db`); absent otherwise.
        var changes: ChangesEntry?
        var database: Database
        var events: [EventEntry]
        var facts: [FactEntry]
        var findings: Findings
        var policies: [PolicyEntry]
        var schema_version = 2
        /// Present in a shard's report only (`check --shard K/N`).
        var shard: ShardEntry?
        var sources: [SourceEntry]
        var summary: Summary
        var tool: Tool
    }

    struct Tool: Codable, Sendable, Equatable {
        var name = "diligence"
        var version = DiligenceVersion.current
    }

    struct Database: Codable, Sendable, Equatable {
        /// Days from the newest review on or before the as-of date to it (absent: none by then).
        var age_days: Int?
        var digest: String
        var entities: Int
        var factors: Int
        var name: String
        var newest_review: String?
        /// Factors reviewed after the as-of date.
        var reviewed_after_as_of: Int
        var sources: [DataSourceEntry]
        /// Files a newer snapshot of their source superseded (absent when none).
        var superseded: [String]?
        var version: String?

        init(_ database: DatabaseSummary, asOf: Day) {
            let age = DatabaseAge(reviews: database.reviewDates ?? [], asOf: asOf)
            age_days = age.days
            digest = database.digest
            entities = database.entityCount
            factors = database.factorCount
            name = database.name
            newest_review = database.newestReview?.description
            reviewed_after_as_of = age.reviewedAfter
            sources = database.sources.map { DataSourceEntry($0, asOf: asOf) }
            superseded = database.superseded
            version = database.version
        }
    }

    /// A data source with its age at the as-of date in days (negative: taken after it).
    struct DataSourceEntry: Codable, Sendable, Equatable {
        var age_days: Int?
        var date: String?
        var file: String?
        var id: String
        var inputs: [String]?
        var licence: String?
        var name: String
        var url: String?

        init(_ source: DataSource, asOf: Day) {
            age_days = SnapshotAge.days(source.date, asOf: asOf)
            date = source.date
            file = source.file
            id = source.id
            inputs = source.inputs.isEmpty ? nil : source.inputs
            licence = source.licence
            name = source.name
            url = source.url
        }
    }

    struct PolicyEntry: Codable, Sendable, Equatable {
        var company: String
        var counterparties: Int
        var file: String
        var findings: Int
        var owner: String?
        var reviewed: String?
        var sites: Int
        var trade: Int
        var travel: Int
        var unused_acceptances: [String]

        init(_ entry: PolicySummary) {
            company = entry.policy.company
            counterparties = entry.policy.counterpartyCount
            file = entry.policy.file
            findings = entry.reported
            owner = entry.policy.owner
            reviewed = entry.policy.reviewed?.description
            sites = entry.policy.siteCount
            trade = entry.policy.tradeCount
            travel = entry.policy.travelCount
            unused_acceptances = entry.unusedAcceptances.map(\.finding)
        }
    }

    /// A finding: its lists inline, its evidence and events by reference (`JSONFinding`).
    typealias FindingEntry = JSONFinding<Inline>

    /// Schema 2's references: a finding's lists in full, its evidence and events by their ids
    /// in `facts` and `events`; nothing left out.
    enum Inline: ReadableReferences {
        typealias Binding = BindingEntry
        typealias Evidence = [EvidenceReference]
        typealias Event = EventReference
        typealias Bands = [ExposureBand]
        typealias Message = String
        typealias Step = String
        typealias Policy = String
        typealias Recommendations = [String]

        static let leftOut: ImpliedMembers = []
    }

    struct AcceptedEntry: Codable, Sendable, Equatable {
        var approved_by: String
        var expires: String
        var line: Int
        var reason: String

        init(_ acceptance: Acceptance) {
            approved_by = acceptance.approvedBy
            expires = acceptance.expires.description
            line = acceptance.line
            reason = acceptance.reason
        }
    }

    /// Which shard of a portfolio a report covers, so that `report merge` can join shards
    /// into what one run writes (and refuse shards that overlap or miss one).
    struct ShardEntry: Codable, Sendable, Equatable {
        /// N of `--shard K/N`.
        var count: Int
        /// K of `--shard K/N`.
        var index: Int
        /// How many policy files the whole run covers (every shard's together).
        var of_files: Int
        /// Each policy's place (from 0) among the whole run's files, in the order of `policies`.
        var positions: [Int]
    }

    struct Summary: Codable, Sendable, Equatable {
        var accepted: Int
        var baseline: BaselineSummary?
        var counts: Counts
        var fail_on: String
        var failing: [String]
        var gate: String
        var report_min: String
        var total: Int
    }

    /// Unaccepted reported findings per severity.
    struct Counts: Codable, Sendable, Equatable {
        var critical = 0
        var high = 0
        var info = 0
        var low = 0
        var medium = 0

        init(_ counts: [Severity: Int]) {
            critical = counts[.critical] ?? 0
            high = counts[.high] ?? 0
            info = counts[.info] ?? 0
            low = counts[.low] ?? 0
            medium = counts[.medium] ?? 0
        }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            var sum = lhs
            sum.critical += rhs.critical
            sum.high += rhs.high
            sum.info += rhs.info
            sum.low += rhs.low
            sum.medium += rhs.medium
            return sum
        }
    }

    struct BaselineSummary: Codable, Sendable, Equatable {
        var as_of: String?
        var file: String
        var new: Int
        var resolved: [ResolvedEntry]
        var unchanged: Int
    }

    struct ResolvedEntry: Codable, Sendable, Equatable {
        var id: String
        var message: String
        var policy: String
        var rule: RuleID
        var severity: String
    }
}

extension JSONReport.Document {
    /// A check's document around `findings`: every member but the findings comes from the
    /// result, and the tables from what the reported findings cite (`citations`).
    init(_ result: CheckSummary, _ citations: Citations, findings: Findings) {
        let summary = result.findings
        as_of = result.asOf.description
        changes = result.options.comparison.map(JSONReport.ChangesEntry.init)
        database = JSONReport.Database(result.database, asOf: result.asOf)
        let sourceIDs = { (reference: Reference?) in reference.flatMap { citations.existing($0) } }
        events = citations.events.map { EventEntry(id: $0.id, $0.event) }
        facts = citations.facts.map {
            FactEntry(fact: $0.evidence.fact, id: $0.id, record: $0.evidence.record, source: sourceIDs($0.evidence.reference))
        }
        self.findings = findings
        policies = result.policies.map(JSONReport.PolicyEntry.init)
        shard = result.shard.map {
            JSONReport.ShardEntry(count: $0.shard.count, index: $0.shard.index, of_files: $0.totalFiles, positions: $0.positions)
        }
        sources = citations.ordered.enumerated().map { SourceEntry(id: $0.offset + 1, $0.element) }
        self.summary = JSONReport.Summary(
            accepted: summary.accepted.values.reduce(0, +),
            baseline: result.options.baseline.map { baseline in
                JSONReport.BaselineSummary(
                    as_of: baseline.asOf, file: baseline.file,
                    new: summary.newSinceBaseline,
                    resolved: result.resolvedSinceBaseline.map {
                        JSONReport.ResolvedEntry(id: $0.id, message: $0.message, policy: $0.policy, rule: $0.rule, severity: $0.severity)
                    },
                    unchanged: summary.unchangedSinceBaseline)
            },
            counts: JSONReport.Counts(result.counts),
            fail_on: result.options.failOn?.name ?? "none",
            failing: summary.failingIdentities,
            gate: result.gate.outcome.rawValue,
            report_min: result.options.reportMin.name,
            total: summary.reported)
        tool = JSONReport.Tool()
    }

    /// The same document around other findings.
    func with<Other>(findings: Other) -> JSONReport.Document<Other> {
        JSONReport.Document<Other>(
            as_of: as_of, changes: changes, database: database, events: events, facts: facts, findings: findings,
            policies: policies, schema_version: schema_version, shard: shard, sources: sources,
            summary: summary, tool: tool)
    }
}

extension JSONReport {
    /// What changed since the comparison run: its basis, the counts, every cause once (the
    /// findings' `caused_by` holds their ids) and the resolved findings, which this run's
    /// `findings` no longer hold.
    struct ChangesEntry: Codable, Sendable, Equatable {
        /// The comparison run's as-of date, when it had another one.
        var as_of: String?
        var causes: [CauseEntry]
        /// Every change but the resolved ones, in the report's order (their findings carry `change`).
        var changed: [ChangedEntry]
        var counts: ChangeCounts
        /// The compared database's path and digest, when it was another one.
        var database: String?
        var database_digest: String?
        var policies_reviewed_later: [String]
        var resolved: [ChangedEntry]

        init(_ report: ChangeReport) {
            as_of = report.comparedAsOf?.description
            causes = report.causes.map { CauseEntry(date: $0.date, fact: $0.fact, id: report.label(of: $0), kind: $0.kind.rawValue, record: $0.record) }
            counts = ChangeCounts(
                deescalated: report.changes(.deescalated).count, escalated: report.changes(.escalated).count,
                new: report.changes(.new).count, resolved: report.changes(.resolved).count,
                unchanged: report.unchanged, updated: report.changes(.updated).count)
            database = report.comparedDatabase?.path
            database_digest = report.comparedDatabase?.digest
            policies_reviewed_later = report.policiesReviewedLater
            resolved = report.changes(.resolved).map { ChangedEntry($0, report) }
            changed = report.changes.filter { $0.kind != .resolved }.map { ChangedEntry($0, report) }
        }

    }

    /// How many findings changed in each way (members in key order).
    struct ChangeCounts: Codable, Sendable, Equatable {
        var deescalated: Int
        var escalated: Int
        var new: Int
        var resolved: Int
        var unchanged: Int
        var updated: Int

        enum CodingKeys: String, CodingKey {
            case deescalated = "de-escalated", escalated, new, resolved, unchanged, updated
        }
    }

    /// A fact, event, listing or database edit behind changes.
    struct CauseEntry: Codable, Sendable, Equatable {
        var date: String?
        var fact: String
        var id: String
        /// in-force, ended, event, listed, acceptance-expired, added or removed.
        var kind: String
        var record: String
    }

    /// A changed finding, as the comparison lists it.
    struct ChangedEntry: Codable, Sendable, Equatable {
        var caused_by: [String]
        var change: String
        var id: String
        var line: Int
        var message: String
        var policy: String
        var previous_severity: String?
        var rule: RuleID
        var severity: String?

        init(_ change: FindingChange, _ report: ChangeReport) {
            caused_by = change.causes.map(report.label(of:))
            self.change = change.kind.rawValue
            id = change.identity
            line = change.line
            message = change.message
            policy = change.policy
            previous_severity = change.previousSeverity?.name
            rule = change.rule
            severity = change.severity?.name
        }
    }
}
