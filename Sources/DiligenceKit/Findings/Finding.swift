/// The stable identity of a finding, `rule/subject/factor` (or `rule/subject` when the finding
/// is not about one factor). Baselines, accepted risks and SARIF fingerprints use it.
public struct FindingIdentity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rule: RuleID
    public var subject: String
    public var factor: String?

    public init(rule: RuleID, subject: String, factor: String?) {
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
    public var rule: RuleID
    public var severity: Severity
    /// Where in the policy file the finding's operation is written.
    public var location: SourceLocation
    /// The policy file (`location.file`).
    public var policy: String {
        get { location.file }
        set { location.file = newValue }
    }
    /// The operation's line in the policy file (`location.line`).
    public var line: Int {
        get { location.line }
        set { location.line = newValue }
    }
    /// The operation's column in the policy file (`location.column`).
    public var column: Int {
        get { location.column }
        set { location.column = newValue }
    }
    public var subject: String
    public var subjectKind: SubjectKind
    /// The subject's human-readable name ("Minsk software centre").
    public var subjectName: String
    public var factors: [String]
    public var message: String
    /// The exposure path: subject → measure → event or fact → rule and band.
    public var path: [String]
    /// The structured exposure path of place-bound findings (site, distance, events, band).
    /// Kept in a box: most findings have none, and a finding is copied into sorted lists and
    /// kept for a whole portfolio, so its inline size counts.
    public var exposure: Exposure? {
        get { exposureBox?.value }
        set { exposureBox = newValue.map(Box.init) }
    }
    private var exposureBox: Box<Exposure>?
    /// Whether the measure behind the finding binds the entity (trade-restriction,
    /// financial-restriction and listed-counterparty findings on a measure); boxed like the exposure.
    public var binding: Binding? {
        get { bindingBox?.value }
        set { bindingBox = newValue.map(Box.init) }
    }
    private var bindingBox: Box<Binding>?
    public var evidence: [Evidence]
    public var recommendations: [String]
    public var accepted: Acceptance?
    /// The factor part of the identity (nil for findings not about one factor).
    public var identityFactor: String?

    public init(
        rule: RuleID, severity: Severity, policy: Policy, mark: Mark, subject: String, subjectKind: SubjectKind,
        subjectName: String, factor: RiskFactor?, message: String, path: [String] = [], exposure: Exposure? = nil,
        evidence: [Evidence] = [], recommendations: [String] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.location = SourceLocation(file: policy.file, line: mark.line, column: mark.column)
        self.subject = subject
        self.subjectKind = subjectKind
        self.subjectName = subjectName
        self.factors = factor.map { [$0.id] } ?? []
        self.message = message
        self.path = path
        self.exposureBox = exposure.map(Box.init)
        self.evidence = evidence
        self.recommendations = recommendations
        self.accepted = nil
        self.identityFactor = factor?.id
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, location, subject, subjectKind, subjectName, factors, message, path
        case exposureBox = "exposure"
        case bindingBox = "binding"
        case evidence, recommendations, accepted, identityFactor
    }

    public var identity: FindingIdentity { FindingIdentity(rule: rule, subject: subject, factor: identityFactor) }

    /// Ordered by file, line, column, rule, then identity: every output is deterministic.
    /// By policy, line, column, rule, then identity. The identity's text is made only for a tie
    /// on the rest (sorting a policy's findings made it for every comparison).
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.policy != rhs.policy { return lhs.policy < rhs.policy }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.identity.description < rhs.identity.description
    }
}

/// A value held by reference (an exposure, a binding: large and rare, so a finding stays small),
/// compared and encoded as the value itself.
private final class Box<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
