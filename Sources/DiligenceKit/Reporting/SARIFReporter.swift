import Foundation

/// SARIF 2.1.0 (OASIS), for code-scanning tools: one run, every rule of `RuleRegistry.all` in
/// `tool.driver.rules`, one result per reported finding with a relative location and a
/// fingerprint from the finding's identity (so it survives edits that move the finding).
/// Built from `Encodable` structs, written with sorted keys by `JSONWriter` (what `JSONEncoder`
/// writes, a test checks, at a fraction of its cost).
public struct SARIFReporter: Reporter {
    public init() {}

    public let format = ReportFormat.sarif

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of `partialFingerprints`; bump the version if the fingerprint recipe changes.
    public static let fingerprintKey = "diligenceIdentity/v1"
    /// The base that relative artifact URIs are resolved against: the folder the check ran in.
    public static let sourceRoot = "%SRCROOT%"

    // MARK: The document

    struct Log: Encodable {
        var schema = SARIFReporter.schemaURI
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var properties: RunProperties
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "diligence"
        var version = DiligenceVersion.current
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: MultiformatText
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Text: Encodable {
        var text: String
    }

    struct MultiformatText: Encodable {
        var text: String
        var markdown: String
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        var phase: String
        var facts: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        /// "new" or "unchanged" when the run has a baseline.
        var baselineState: String?
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct Suppression: Encodable {
        var kind = "external"
        var status = "accepted"
        var justification: String
        var location: Location
        var properties: AcceptedProperties
    }

    struct AcceptedProperties: Encodable {
        var approvedBy: String
        var expires: String
        var reason: String
    }

    struct ResultProperties: Encodable {
        var severity: String
        var subject: String
        var subjectKind: String
        var subjectName: String
        var factors: [String]
        var identity: String
        var exposurePath: [String]
        /// The structured exposure (site, distance, events, band) of place-bound findings.
        var exposure: ExposureEntry?
        var evidence: [EvidenceProperties]
        var recommendations: [String]
        var accepted: AcceptedProperties?
        /// "fail" when the finding fails the gate, "pass" otherwise.
        var gate: String
    }

    struct EvidenceProperties: Encodable {
        var record: String
        var fact: String
        var date: String?
        var source: String?
        var title: String?
        var sourceDate: String?
        var quote: String?
        var url: String?
    }

    struct RunProperties: Encodable {
        var asOf: String
        var database: DatabaseProperties
        var gate: String
        var failOn: String
        var reportMin: String
        var policies: [String]
        var failing: Int
    }

    struct DatabaseProperties: Encodable {
        var name: String
        var version: String?
        var digest: String
        var newestReview: String?
    }

    // MARK: Rendering

    public func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let results = result.findings.lazy.filter { $0.severity >= context.options.reportMin }
            .map { Self.result($0, context.options) }
        return [Log.members(results)]
    }

    public func layout(_ result: CheckResult, _ citations: Citations) -> [ReportPiece] {
        let log = log(result, results: [])
        return [.text(log.opening()), .stream(0), .text(log.closing(resultCount: result.reportedFindings.count))]
    }

    /// The rules' descriptors, in the registry's order, and each rule's index among them.
    static let rules: (descriptors: [ReportingDescriptor], index: [String: Int]) = {
        let rules = RuleRegistry.all.map(\.description)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let phases = Dictionary(RuleRegistry.all.map { ($0.description.id, $0.phase) }, uniquingKeysWith: { first, _ in first })
        let descriptors = rules.map { rule in
            let phase = phases[rule.id] == .review ? "review" : "operations"
            return ReportingDescriptor(
                id: rule.id, name: pascalCase(rule.id),
                shortDescription: Text(text: rule.name), fullDescription: Text(text: rule.summary),
                help: MultiformatText(text: helpText(rule), markdown: helpMarkdown(rule)),
                defaultConfiguration: Configuration(level: "warning"),
                properties: RuleProperties(tags: ["due-diligence", phase], phase: phase, facts: rule.facts))
        }
        return (descriptors, index)
    }()

    /// A finding's result: whether it fails the gate and is new since the baseline follow the options.
    static func result(_ finding: Finding, _ options: CheckOptions) -> Result {
        let accepted = finding.accepted.map {
            AcceptedProperties(approvedBy: $0.approvedBy, expires: $0.expires.description, reason: $0.reason)
        }
        let suppressions = finding.accepted.map { acceptance in
            [Suppression(
                justification: "\(acceptance.reason) (approved by \(acceptance.approvedBy), expires \(acceptance.expires))",
                location: location(policy: finding.policy, line: acceptance.line, column: nil),
                properties: AcceptedProperties(approvedBy: acceptance.approvedBy, expires: acceptance.expires.description,
                                               reason: acceptance.reason))]
        }
        return Result(
            ruleId: finding.rule, ruleIndex: rules.index[finding.rule], level: level(finding.severity),
            message: Text(text: finding.message),
            locations: [location(policy: finding.policy, line: finding.line, column: finding.column)],
            partialFingerprints: [fingerprintKey: fingerprint(policy: finding.policy, identity: finding.identity)],
            baselineState: options.isNew(finding).map { $0 ? "new" : "unchanged" },
            suppressions: suppressions,
            properties: ResultProperties(
                severity: finding.severity.name, subject: finding.subject, subjectKind: finding.subjectKind.rawValue,
                subjectName: finding.subjectName, factors: finding.factors, identity: finding.identity.description,
                exposurePath: finding.path, exposure: finding.exposure.map(ExposureEntry.init),
                evidence: finding.evidence.map { evidence in
                    EvidenceProperties(record: evidence.record, fact: evidence.fact, date: evidence.date,
                                       source: evidence.reference?.source, title: evidence.reference?.title,
                                       sourceDate: evidence.reference?.date?.text, quote: evidence.reference?.quote,
                                       url: evidence.reference?.url)
                },
                recommendations: finding.recommendations, accepted: accepted,
                gate: options.failsGate(finding) ? "fail" : "pass"))
    }

    /// The log of a result; its results are `results` (nil: one per reported finding).
    func log(_ result: CheckResult, results: [Result]? = nil) -> Log {
        let properties = RunProperties(
            asOf: result.asOf.description,
            database: DatabaseProperties(name: result.database.name, version: result.database.version,
                                         digest: result.database.digest, newestReview: result.database.newestReview?.description),
            gate: result.options.failOn == nil ? "off" : (result.gateFailed ? "fail" : "pass"),
            failOn: result.options.failOn?.name ?? "none", reportMin: result.options.reportMin.name,
            policies: result.policies.map(\.policy.file), failing: result.failingFindings.count)
        let results = results ?? result.reportedFindings.map { Self.result($0, result.options) }
        return Log(runs: [Run(tool: Tool(driver: Driver(rules: Self.rules.descriptors)), results: results, properties: properties)])
    }

    /// The log through `JSONEncoder`, which defines the layout (tests compare it with `parts()`).
    static func encoderText(of log: Log) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
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
        SHA256.hex(Array("\(policy)\n\(identity)".utf8))
    }

    static func location(policy: String, line: Int, column: Int?) -> Location {
        let (uri, base) = artifactURI(policy)
        return Location(physicalLocation: PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uri, uriBaseId: base),
            region: Region(startLine: max(1, line), startColumn: column.map { max(1, $0) })))
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
