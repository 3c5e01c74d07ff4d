/// The stable identity of a finding, `rule/subject/factor` (or `rule/subject` when the finding
/// is not about one factor). Baselines, accepted risks and SARIF fingerprints use it.
public struct FindingIdentity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rule: String
    public var subject: String
    public var factor: String?

    public init(rule: String, subject: String, factor: String?) {
        self.rule = rule
        self.subject = subject
        self.factor = factor
    }

    public var description: String {
        factor.map { "\(rule)/\(subject)/\($0)" } ?? "\(rule)/\(subject)"
    }

    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool { lhs.description < rhs.description }
}

/// What kind of operation a finding is about.
public enum SubjectKind: String, Sendable, Hashable, Codable {
    case policy
    case site
    case trade
    case counterparty
    case travel
    case acceptedRisk = "accepted-risk"
    case factor
}

/// One fact behind a finding, with its date and the source that supports it.
public struct Evidence: Sendable, Hashable, Codable {
    /// The risk factor or listed entity the fact belongs to.
    public var record: String
    public var fact: String
    public var date: String?
    public var reference: Reference?

    public init(record: String, fact: String, date: String? = nil, reference: Reference? = nil) {
        self.record = record
        self.fact = fact
        self.date = date
        self.reference = reference
    }
}

/// How an accepted risk applies to a finding.
public struct Acceptance: Sendable, Hashable, Codable {
    public var reason: String
    public var approvedBy: String
    public var expires: Day
    public var line: Int
}

/// An exposure found in a policy: what, where, how severe, why, and what to do.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var severity: Severity
    public var policy: String
    public var line: Int
    public var column: Int
    public var subject: String
    public var subjectKind: SubjectKind
    /// The subject's human-readable name ("Minsk software centre").
    public var subjectName: String
    public var factors: [String]
    public var message: String
    /// The exposure path: subject → measure → event or fact → rule and band.
    public var path: [String]
    /// The structured exposure path of place-bound findings (site, distance, events, band).
    public var exposure: Exposure?
    public var evidence: [Evidence]
    public var recommendations: [String]
    public var accepted: Acceptance?
    /// The factor part of the identity (nil for findings not about one factor).
    public var identityFactor: String?

    public init(rule: String, severity: Severity, policy: Policy, mark: Mark, subject: String, subjectKind: SubjectKind,
                subjectName: String, factor: RiskFactor?, message: String, path: [String] = [], exposure: Exposure? = nil,
                evidence: [Evidence] = [], recommendations: [String] = []) {
        self.rule = rule
        self.severity = severity
        self.policy = policy.file
        self.line = mark.line
        self.column = mark.column
        self.subject = subject
        self.subjectKind = subjectKind
        self.subjectName = subjectName
        self.factors = factor.map { [$0.id] } ?? []
        self.message = message
        self.path = path
        self.exposure = exposure
        self.evidence = evidence
        self.recommendations = recommendations
        self.accepted = nil
        self.identityFactor = factor?.id
    }

    public var identity: FindingIdentity { FindingIdentity(rule: rule, subject: subject, factor: identityFactor) }

    /// The finding without the details that only its policy's own report sections show (the
    /// exposure, the exposure path, the evidence after the first line, the recommendations):
    /// what a streamed check keeps of each finding for the report's summary parts, so that a
    /// portfolio's findings take little memory once their sections are written.
    public var withoutDetails: Finding {
        var finding = self
        finding.exposure = nil
        finding.path = []
        finding.evidence = Array(evidence.prefix(1))
        finding.recommendations = []
        return finding
    }

    /// Ordered by file, line, column, rule, then identity: every output is deterministic.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.policy, lhs.line, lhs.column, lhs.rule, lhs.identity.description)
            < (rhs.policy, rhs.line, rhs.column, rhs.rule, rhs.identity.description)
    }
}
