import Foundation

/// SARIF 2.1.0 (OASIS), for code-scanning tools: one run, every rule of `RuleRegistry.all` in
/// `tool.driver.rules`, one result per reported finding with a relative location and a
/// fingerprint from the finding's identity (so it survives edits that move the finding).
/// Built from the JSON report's entries (schema 2) as `Codable` structs whose members are in
/// key order, written by `JSONStreamEncoder` (what `JSONEncoder` writes with sorted keys, a test
/// checks, at a fraction of its cost). Evidence and events point into `run.properties`' tables.
public struct SARIFReporter: Reporter {
    public init() {}

    public let format = ReportFormat.sarif

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of `partialFingerprints` (`Fingerprints.CodingKeys.identity`, where the version
    /// is bumped if the fingerprint recipe changes).
    public static let fingerprintKey = Fingerprints.CodingKeys.identity.rawValue
    /// The base that relative artifact URIs are resolved against: the folder the check ran in.
    public static let sourceRoot = "%SRCROOT%"

    // MARK: The document (members in byte order of their keys)

    struct Log<Results: Codable & Sendable>: Codable, Sendable {
        var schema = SARIFReporter.schemaURI
        var runs: [Run<Results>]
        var version = "2.1.0"

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case runs, version
        }
    }

    struct Run<Results: Codable & Sendable>: Codable, Sendable {
        var columnKind = "unicodeCodePoints"
        var properties: RunProperties
        var results: Results
        var tool: Tool
    }

    struct Tool: Codable, Sendable {
        var driver: Driver
    }

    struct Driver: Codable, Sendable {
        var name = "diligence"
        var rules: [ReportingDescriptor]
        var version = DiligenceVersion.current
    }

    struct ReportingDescriptor: Codable, Sendable {
        var defaultConfiguration: Configuration
        var fullDescription: Text
        var help: MultiformatText
        var id: RuleID
        var name: String
        var properties: RuleProperties
        var shortDescription: Text
    }

    struct Text: Codable, Sendable {
        var text: String
    }

    struct MultiformatText: Codable, Sendable {
        var markdown: String
        var text: String
    }

    struct Configuration: Codable, Sendable {
        var level: String
    }

    struct RuleProperties: Codable, Sendable {
        var facts: String
        var phase: String
        var tags: [String]
    }

    struct Result: Codable, Sendable {
        /// "new" or "unchanged" when the run has a baseline.
        var baselineState: String?
        var level: String
        var locations: [Location]
        var message: Text
        var partialFingerprints: Fingerprints
        var properties: ResultProperties
        var ruleId: RuleID
        var ruleIndex: Int?
        var suppressions: [Suppression]?
    }

    struct Fingerprints: Codable, Sendable {
        var identity: String

        enum CodingKeys: String, CodingKey {
            case identity = "diligenceIdentity/v1"
        }
    }

    struct Location: Codable, Sendable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Codable, Sendable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Codable, Sendable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Codable, Sendable {
        var startColumn: Int?
        var startLine: Int
    }

    struct Suppression: Codable, Sendable {
        var justification: String
        var kind = "external"
        var location: Location
        var properties: AcceptedProperties
        var status = "accepted"
    }

    struct AcceptedProperties: Codable, Sendable {
        var approvedBy: String
        var expires: String
        var reason: String
    }

    /// The finding as the JSON report's entry has it (evidence and events by reference into
    /// the run's `properties` tables).
    struct ResultProperties: Codable, Sendable {
        var accepted: AcceptedProperties?
        /// Whether the measure binds the entity, as the JSON report's `binding`.
        var binding: BindingEntry?
        /// With a comparison: the ids of `run.properties.changes.causes` behind the change.
        var causedBy: [String]?
        /// With a comparison: new, escalated, de-escalated or updated (absent when unchanged).
        var change: String?
        var evidence: [EvidenceReference]
        /// The structured exposure (site, distance, events, band) of place-bound findings.
        var exposure: ExposureEntry<EventReference, [ExposureBand]>?
        var exposurePath: [String]
        var factors: [String]
        /// "fail" when the finding fails the gate, "pass" otherwise.
        var gate: String
        var identity: String
        var recommendations: [String]
        var severity: String
        var subject: String
        var subjectKind: String
        var subjectName: String
    }

    /// What the run is about, and the tables the results' evidence points into (the JSON
    /// report's `sources`, `facts` and `events`).
    struct RunProperties: Codable, Sendable {
        var asOf: String
        /// What changed since the comparison run (the JSON report's `changes`); absent otherwise.
        var changes: JSONReport.ChangesEntry?
        var database: DatabaseProperties
        var events: [EventEntry]
        var facts: [FactEntry]
        var failOn: String
        var failing: Int
        var gate: String
        var policies: [String]
        var reportMin: String
        var sources: [SourceEntry]
    }

    struct DatabaseProperties: Codable, Sendable {
        var digest: String
        var name: String
        var newestReview: String?
        var version: String?
    }

    // MARK: Rendering

    /// The results array's depth: in the log's object, its runs array and the run's object.
    static let resultsDepth = 4

    public var citesTables: Bool { true }

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let results = result.findings.lazy.filter { $0.severity >= context.options.reportMin }
            .map { Self.result(JSONReport.FindingEntry($0, context.options)) }
        return [JSONStreamEncoder.section(members: results, depth: Self.resultsDepth)]
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        JSONReporter.pieces(lineDepth: nil) {
            let document = JSONReport.Document(result, citations, findings: StreamedMembers(hasMembers: result.findings.reported > 0))
            return Self.log(document, results: document.findings, failing: result.findings.failing)
        }
    }

    /// The rules' descriptors, in the registry's order, and each rule's index among them.
    static let rules: (descriptors: [ReportingDescriptor], index: [RuleID: Int]) = {
        let rules = RuleRegistry.all.map(\.description)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let phases = Dictionary(RuleRegistry.all.map { ($0.description.id, $0.phase) }, uniquingKeysWith: { first, _ in first })
        let descriptors = rules.map { rule in
            let phase = phases[rule.id] == .review ? "review" : "operations"
            return ReportingDescriptor(
                defaultConfiguration: Configuration(level: "warning"), fullDescription: Text(text: rule.summary),
                help: MultiformatText(markdown: helpMarkdown(rule), text: helpText(rule)),
                id: rule.id, name: pascalCase(rule.id.rawValue),
                properties: RuleProperties(facts: rule.facts, phase: phase, tags: ["due-diligence", phase]),
                shortDescription: Text(text: rule.name))
        }
        return (descriptors, index)
    }()

    /// A finding's result, from its JSON report entry (so that shard reports merge into SARIF).
    static func result(_ finding: JSONReport.FindingEntry) -> Result {
        let accepted = finding.accepted.map {
            AcceptedProperties(approvedBy: $0.approved_by, expires: $0.expires, reason: $0.reason)
        }
        let suppressions = finding.accepted.map { acceptance in
            [
                Suppression(
                    justification: "\(acceptance.reason) (approved by \(acceptance.approved_by), expires \(acceptance.expires))",
                    location: location(policy: finding.policy, line: acceptance.line, column: nil),
                    properties: AcceptedProperties(approvedBy: acceptance.approved_by, expires: acceptance.expires, reason: acceptance.reason))
            ]
        }
        return Result(
            baselineState: finding.baseline, level: level(Severity(name: finding.severity) ?? .info),
            locations: [location(policy: finding.policy, line: finding.line, column: finding.column)],
            message: Text(text: finding.message),
            partialFingerprints: Fingerprints(identity: fingerprint(policy: finding.policy, identity: finding.identity)),
            properties: ResultProperties(
                accepted: accepted, binding: finding.binding, causedBy: finding.caused_by, change: finding.change, evidence: finding.evidence ?? [],
                exposure: finding.exposure,
                exposurePath: finding.path,
                factors: finding.factors, gate: finding.gate, identity: finding.identity, recommendations: finding.recommendations ?? [],
                severity: finding.severity, subject: finding.subject, subjectKind: finding.subject_kind,
                subjectName: finding.name),
            ruleId: finding.rule, ruleIndex: rules.index[finding.rule], suppressions: suppressions)
    }

    /// The log of a JSON report document (schema 2) around `results`; `failing`: how many
    /// findings fail the gate (by default, the document's list of them).
    static func log<Findings, Results>(_ document: JSONReport.Document<Findings>, results: Results, failing: Int? = nil) -> Log<Results> {
        let failing = failing ?? document.summary.failing.count
        let properties = RunProperties(
            asOf: document.as_of, changes: document.changes,
            database: DatabaseProperties(
                digest: document.database.digest, name: document.database.name,
                newestReview: document.database.newest_review, version: document.database.version),
            events: document.events, facts: document.facts,
            failOn: document.summary.fail_on, failing: failing, gate: document.summary.gate,
            policies: document.policies.map(\.file), reportMin: document.summary.report_min, sources: document.sources)
        return Log(runs: [Run(properties: properties, results: results, tool: Tool(driver: Driver(rules: rules.descriptors)))])
    }

    // MARK: Pieces

    /// critical and high → error, medium → warning, low and info → note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// SHA-256 hex of `"<policy path>\n<identity>"`: stable while the finding moves within its file.
    public static func fingerprint(policy: String, identity: FindingIdentity) -> String {
        fingerprint(policy: policy, identity: identity.description)
    }

    static func fingerprint(policy: String, identity: String) -> String {
        SHA256.hex(Array("\(policy)\n\(identity)".utf8))
    }

    static func location(policy: String, line: Int, column: Int?) -> Location {
        let (uri, base) = artifactURI(policy)
        return Location(
            physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: uri, uriBaseId: base),
                region: Region(startColumn: column.map { max(1, $0) }, startLine: max(1, line))))
    }

    /// A policy path as a SARIF artifact URI: relative paths stay relative (resolved against
    /// `%SRCROOT%`), absolute paths become `file://` URIs; URI-unsafe characters are
    /// percent-encoded as UTF-8.
    public static func artifactURI(_ path: String) -> (uri: String, uriBaseId: String?) {
        if path.hasPrefix("/") {
            return ("file://" + percentEncoded(path), nil)
        }
        return (percentEncoded(path), sourceRoot)
    }

    /// Keeps RFC 3986 unreserved characters and `/`; everything else (including `:`, so a first
    /// segment cannot be read as a scheme) becomes `%XX`.
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0xF)])
            }
        }
        return result
    }

    /// `shutdown-exposure` → `ShutdownExposure`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func helpText(_ rule: RuleDescription) -> String {
        var lines = [rule.summary, "", "Severity:"]
        lines += rule.severityModel.map { "- \($0)" }
        lines += ["", "Recommends:"]
        lines += rule.recommendations.map { "- \($0)" }
        return lines.joined(separator: "\n")
    }

    static func helpMarkdown(_ rule: RuleDescription) -> String {
        var lines = [rule.summary, "", "**Severity**", ""]
        lines += rule.severityModel.map { "- \($0)" }
        lines += ["", "**Recommends**", ""]
        lines += rule.recommendations.map { "- \($0)" }
        lines += ["", "Facts used: \(rule.facts)"]
        return lines.joined(separator: "\n")
    }
}
