import Foundation

/// The machine-readable report of SPEC §6, encoded with sorted keys.
public struct JSONReporter: Reporter {
    public init() {}

    public let format = ReportFormat.json

    struct Document: Encodable {
        var schema_version = 1
        var tool: Tool
        var as_of: String
        var database: Database
        var policies: [PolicyEntry]
        var findings: [FindingEntry]
        var summary: Summary
    }

    struct Tool: Encodable {
        var name = "diligence"
        var version = DiligenceVersion.current
    }

    struct Database: Encodable {
        var name: String
        var version: String?
        var digest: String
        var newest_review: String?
        /// Days from the newest review on or before the as-of date to it (absent: none by then).
        var age_days: Int?
        /// Factors reviewed after the as-of date.
        var reviewed_after_as_of: Int
        var factors: Int
        var entities: Int
        var sources: [Source]
        /// Files a newer snapshot of their source superseded (absent when none).
        var superseded: [String]?
    }

    /// A data source with its age at the as-of date in days (negative: taken after it).
    struct Source: Encodable {
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

    struct PolicyEntry: Encodable {
        var file: String
        var company: String
        var owner: String?
        var reviewed: String?
        var sites: Int
        var trade: Int
        var counterparties: Int
        var travel: Int
        var findings: Int
        var unused_acceptances: [String]
    }

    struct FindingEntry: Encodable {
        var id: String
        var rule: String
        var severity: String
        var policy: String
        var line: Int
        var column: Int
        var subject: String
        var subject_kind: String
        var subject_name: String
        var factors: [String]
        var message: String
        var path: [String]
        var exposure: ExposureEntry?
        var evidence: [EvidenceEntry]
        var recommendations: [String]
        var accepted: AcceptedEntry?
        var gate: String
        /// "new" or "unchanged" when the run has a baseline; absent otherwise.
        var baseline: String?

        enum CodingKeys: String, CodingKey {
            case id, rule, severity, policy, line, column, subject, subject_kind, subject_name, factors, message, path,
                 exposure, evidence, recommendations, accepted, gate, baseline
        }

        init(id: String, rule: String, severity: String, policy: String, line: Int, column: Int, subject: String,
             subject_kind: String, subject_name: String, factors: [String], message: String, path: [String],
             exposure: ExposureEntry? = nil, evidence: [EvidenceEntry], recommendations: [String], accepted: AcceptedEntry?,
             gate: String, baseline: String? = nil) {
            self.id = id
            self.rule = rule
            self.severity = severity
            self.policy = policy
            self.line = line
            self.column = column
            self.subject = subject
            self.subject_kind = subject_kind
            self.subject_name = subject_name
            self.factors = factors
            self.message = message
            self.path = path
            self.exposure = exposure
            self.evidence = evidence
            self.recommendations = recommendations
            self.accepted = accepted
            self.gate = gate
            self.baseline = baseline
        }

        /// A finding's entry: whether it fails the gate and is new since the baseline follow the options.
        init(_ finding: Finding, _ options: CheckOptions) {
            self.init(
                id: finding.identity.description, rule: finding.rule, severity: finding.severity.name, policy: finding.policy,
                line: finding.line, column: finding.column, subject: finding.subject, subject_kind: finding.subjectKind.rawValue,
                subject_name: finding.subjectName, factors: finding.factors, message: finding.message, path: finding.path,
                exposure: finding.exposure.map(ExposureEntry.init),
                evidence: finding.evidence.map { evidence in
                    EvidenceEntry(record: evidence.record, fact: evidence.fact, date: evidence.date,
                                  source: evidence.reference?.source, title: evidence.reference?.title,
                                  source_date: evidence.reference?.date?.text, quote: evidence.reference?.quote,
                                  url: evidence.reference?.url)
                },
                recommendations: finding.recommendations,
                accepted: finding.accepted.map { AcceptedEntry(reason: $0.reason, approved_by: $0.approvedBy, expires: $0.expires.description, line: $0.line) },
                gate: options.failsGate(finding) ? "fail" : "pass",
                baseline: options.isNew(finding).map { $0 ? "new" : "unchanged" })
        }

        /// Like the synthesised encoding, but `accepted` is always present (null when not accepted).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(policy, forKey: .policy)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(subject, forKey: .subject)
            try container.encode(subject_kind, forKey: .subject_kind)
            try container.encode(subject_name, forKey: .subject_name)
            try container.encode(factors, forKey: .factors)
            try container.encode(message, forKey: .message)
            try container.encode(path, forKey: .path)
            try container.encodeIfPresent(exposure, forKey: .exposure)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(recommendations, forKey: .recommendations)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(gate, forKey: .gate)
            try container.encodeIfPresent(baseline, forKey: .baseline)
        }
    }

    struct EvidenceEntry: Encodable {
        var record: String
        var fact: String
        var date: String?
        var source: String?
        var title: String?
        var source_date: String?
        var quote: String?
        var url: String?
    }

    struct AcceptedEntry: Encodable {
        var reason: String
        var approved_by: String
        var expires: String
        var line: Int
    }

    struct BaselineSummary: Encodable {
        var file: String
        var as_of: String?
        var new: Int
        var unchanged: Int
        var resolved: [ResolvedEntry]
    }

    struct ResolvedEntry: Encodable {
        var policy: String
        var id: String
        var rule: String
        var severity: String
        var message: String
    }

    struct Summary: Encodable {
        var baseline: BaselineSummary?
        var gate: String
        var fail_on: String
        var report_min: String
        var counts: [String: Int]
        var total: Int
        var accepted: Int
        var failing: [String]
    }

    public func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let entries = result.findings.lazy.filter { $0.severity >= context.options.reportMin }
            .map { FindingEntry($0, context.options) }
        return [Document.members(entries)]
    }

    public func layout(_ result: CheckResult, _ citations: Citations) -> [ReportPiece] {
        let document = document(result, findings: [])
        return [.text(document.opening()), .stream(0), .text(document.closing(findingCount: result.reportedFindings.count))]
    }

    /// The document of a result; its findings are `findings` (nil: every reported finding).
    func document(_ result: CheckResult, findings: [FindingEntry]? = nil) -> Document {
        let reported = result.reportedFindings
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.name] = result.counts[severity] ?? 0 }
        let age = DatabaseAge(reviews: result.database.reviewDates ?? [], asOf: result.asOf)
        return Document(
            tool: Tool(),
            as_of: result.asOf.description,
            database: Database(name: result.database.name, version: result.database.version, digest: result.database.digest,
                               newest_review: result.database.newestReview?.description,
                               age_days: age.days, reviewed_after_as_of: age.reviewedAfter, factors: result.database.factorCount,
                               entities: result.database.entityCount,
                               sources: result.database.sources.map { Source($0, asOf: result.asOf) }, superseded: result.database.superseded),
            policies: result.policies.map { entry in
                PolicyEntry(file: entry.policy.file, company: entry.policy.company, owner: entry.policy.owner,
                            reviewed: entry.policy.reviewed?.description, sites: entry.policy.siteCount,
                            trade: entry.policy.tradeCount, counterparties: entry.policy.counterpartyCount,
                            travel: entry.policy.travelCount,
                            findings: entry.findings.filter { $0.severity >= result.options.reportMin }.count,
                            unused_acceptances: entry.unusedAcceptances.map(\.finding))
            },
            findings: findings ?? reported.map { FindingEntry($0, result.options) },
            summary: Summary(baseline: result.options.baseline.map { baseline in
                                 BaselineSummary(file: baseline.file, as_of: baseline.asOf,
                                                 new: reported.lazy.filter { result.isNew($0) == true }.count,
                                                 unchanged: reported.lazy.filter { result.isNew($0) == false }.count,
                                                 resolved: result.resolvedSinceBaseline.map {
                                                     ResolvedEntry(policy: $0.policy, id: $0.id, rule: $0.rule, severity: $0.severity, message: $0.message)
                                                 })
                             },
                             gate: result.options.failOn == nil ? "off" : (result.gateFailed ? "fail" : "pass"),
                             fail_on: result.options.failOn?.name ?? "none", report_min: result.options.reportMin.name,
                             counts: counts, total: reported.count,
                             accepted: reported.lazy.filter { $0.accepted != nil }.count,
                             failing: result.failingFindings.map { "\($0.policy): \($0.identity)" }))
    }

    /// The document as text: written directly by `JSONWriter` (a run's report can hold tens of
    /// thousands of findings; `JSONEncoder` spent more time on it than the checks).
    static func text(of document: Document) -> String {
        document.parts().joined()
    }

    /// The same document through `JSONEncoder`, which defines the layout (tests compare the two).
    static func encoderText(of document: Document) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return JSONWriter.escapingHiddenCharacters(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
