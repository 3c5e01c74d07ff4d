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
        var factors: Int
        var entities: Int
        var sources: [DataSource]
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

    public func render(_ result: CheckResult) -> String {
        Self.text(of: document(result))
    }

    public func renderParts(_ result: CheckResult) -> [String] {
        document(result).parts()
    }

    func document(_ result: CheckResult) -> Document {
        let failing = Set(result.failingFindings.map { "\($0.policy)#\($0.identity)" })
        let findings = result.reportedFindings.map { finding in
            FindingEntry(
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
                gate: failing.contains("\(finding.policy)#\(finding.identity)") ? "fail" : "pass",
                baseline: result.isNew(finding).map { $0 ? "new" : "unchanged" })
        }
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.name] = result.counts[severity] ?? 0 }
        return Document(
            tool: Tool(),
            as_of: result.asOf.description,
            database: Database(name: result.database.name, version: result.database.version, digest: result.database.digest,
                               newest_review: result.database.newestReview?.description, factors: result.database.factorCount,
                               entities: result.database.entityCount, sources: result.database.sources),
            policies: result.policies.map { entry in
                PolicyEntry(file: entry.policy.file, company: entry.policy.company, owner: entry.policy.owner,
                            reviewed: entry.policy.reviewed?.description, sites: entry.policy.sites.count,
                            trade: entry.policy.trade.count, counterparties: entry.policy.counterparties.count,
                            travel: entry.policy.travel.count,
                            findings: entry.findings.filter { $0.severity >= result.options.reportMin }.count,
                            unused_acceptances: entry.unusedAcceptances.map(\.finding))
            },
            findings: findings,
            summary: Summary(baseline: result.options.baseline.map { baseline in
                                 BaselineSummary(file: baseline.file, as_of: baseline.asOf,
                                                 new: findings.filter { $0.baseline == "new" }.count,
                                                 unchanged: findings.filter { $0.baseline == "unchanged" }.count,
                                                 resolved: result.resolvedSinceBaseline.map {
                                                     ResolvedEntry(policy: $0.policy, id: $0.id, rule: $0.rule, severity: $0.severity, message: $0.message)
                                                 })
                             },
                             gate: result.options.failOn == nil ? "off" : (result.gateFailed ? "fail" : "pass"),
                             fail_on: result.options.failOn?.name ?? "none", report_min: result.options.reportMin.name,
                             counts: counts, total: findings.count,
                             accepted: findings.filter { $0.accepted != nil }.count,
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
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
