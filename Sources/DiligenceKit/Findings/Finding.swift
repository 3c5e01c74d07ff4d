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
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: the report side
/// copies each finding's evidence lines into its citations, and a copy of the line's texts was a
/// retain and a release of each (a dozen, with the reference's); now it is one.
public struct Evidence: Sendable, Hashable, Codable {
    /// The line's fields, as they are encoded, compared and hashed (the struct's old stored
    /// properties, in their order).
    struct Fields: Sendable, Hashable, Codable {
        var record: String
        var fact: String
        var date: String?
        var reference: Reference?
    }

    /// The only stored property; fields are read in place (`_read`).
    private var storage: SharedFields<Fields>

    /// The risk factor or listed entity the fact belongs to.
    public var record: String {
        _read { yield storage.fields.record }
        _modify { yield &storage.fields.record }
    }
    public var fact: String {
        _read { yield storage.fields.fact }
        _modify { yield &storage.fields.fact }
    }
    public var date: String? {
        _read { yield storage.fields.date }
        _modify { yield &storage.fields.date }
    }
    public var reference: Reference? {
        _read { yield storage.fields.reference }
        _modify { yield &storage.fields.reference }
    }

    public init(record: String, fact: String, date: String? = nil, reference: Reference? = nil) {
        storage = SharedFields(Fields(record: record, fact: fact, date: date, reference: reference))
    }

    /// Decoded as its fields (the keys the struct it was had).
    public init(from decoder: any Decoder) throws {
        storage = try SharedFields(from: decoder)
    }

    /// Encoded as its fields.
    public func encode(to encoder: any Encoder) throws {
        try storage.encode(to: encoder)
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
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: a finding is
/// copied into the policy's result, sorted, streamed and read by every reporter, and a copy of
/// its texts and arrays was a retain and a release of each (a dozen); now it is one. Setting a
/// field changes the storage in place when this finding holds the only reference, and a copy of
/// the fields otherwise (other copies keep theirs).
public struct Finding: Sendable, Hashable, Codable, Comparable {
    /// The finding's fields, as they are encoded, compared and hashed.
    struct Fields: Sendable, Hashable, Codable {
        var rule: RuleID
        var severity: Severity
        var location: SourceLocation
        var subject: String
        var subjectKind: SubjectKind
        var subjectName: String
        var factors: [String]
        var message: String
        var path: [String]
        /// One reference (`Exposure` holds its fields in one storage object).
        var exposure: Exposure?
        /// One reference (`Binding` holds its fields in one storage object).
        var binding: Binding?
        var evidence: [Evidence]
        var recommendations: [String]
        var accepted: Acceptance?
        var identityFactor: String?

        enum CodingKeys: String, CodingKey {
            case rule, severity, location, subject, subjectKind, subjectName, factors, message, path
            case exposure
            case binding
            case evidence, recommendations, accepted, identityFactor
        }
    }

    /// The only stored property. Fields are read in place (`_read`): a reporter reads a dozen
    /// fields of every finding, and a `get` returned each as a copy (a retain and a release).
    private var storage: SharedFields<Fields>

    /// The fields as one value.
    var fields: Fields {
        _read { yield storage.fields }
    }

    public var rule: RuleID {
        _read { yield storage.fields.rule }
        _modify { yield &storage.fields.rule }
    }
    public var severity: Severity {
        _read { yield storage.fields.severity }
        _modify { yield &storage.fields.severity }
    }
    /// Where in the policy file the finding's operation is written.
    public var location: SourceLocation {
        _read { yield storage.fields.location }
        _modify { yield &storage.fields.location }
    }
    /// The policy file (`location.file`).
    public var policy: String {
        _read { yield storage.fields.location.file }
        _modify { yield &storage.fields.location.file }
    }
    /// The operation's line in the policy file (`location.line`).
    public var line: Int {
        _read { yield storage.fields.location.line }
        _modify { yield &storage.fields.location.line }
    }
    /// The operation's column in the policy file (`location.column`).
    public var column: Int {
        _read { yield storage.fields.location.column }
        _modify { yield &storage.fields.location.column }
    }
    public var subject: String {
        _read { yield storage.fields.subject }
        _modify { yield &storage.fields.subject }
    }
    public var subjectKind: SubjectKind {
        _read { yield storage.fields.subjectKind }
        _modify { yield &storage.fields.subjectKind }
    }
    /// The subject's human-readable name ("Minsk software centre").
    public var subjectName: String {
        _read { yield storage.fields.subjectName }
        _modify { yield &storage.fields.subjectName }
    }
    public var factors: [String] {
        _read { yield storage.fields.factors }
        _modify { yield &storage.fields.factors }
    }
    public var message: String {
        _read { yield storage.fields.message }
        _modify { yield &storage.fields.message }
    }
    /// The exposure path: subject → measure → event or fact → rule and band.
    public var path: [String] {
        _read { yield storage.fields.path }
        _modify { yield &storage.fields.path }
    }
    /// The structured exposure path of place-bound findings (site, distance, events, band).
    /// Read in place: `Exposure` is one reference to its fields.
    public var exposure: Exposure? {
        _read { yield storage.fields.exposure }
        _modify { yield &storage.fields.exposure }
    }
    /// Whether the measure behind the finding binds the entity (trade-restriction,
    /// financial-restriction and listed-counterparty findings on a measure); read in place like the
    /// exposure.
    public var binding: Binding? {
        _read { yield storage.fields.binding }
        _modify { yield &storage.fields.binding }
    }
    public var evidence: [Evidence] {
        _read { yield storage.fields.evidence }
        _modify { yield &storage.fields.evidence }
    }
    public var recommendations: [String] {
        _read { yield storage.fields.recommendations }
        _modify { yield &storage.fields.recommendations }
    }
    public var accepted: Acceptance? {
        _read { yield storage.fields.accepted }
        _modify { yield &storage.fields.accepted }
    }
    /// The factor part of the identity (nil for findings not about one factor).
    public var identityFactor: String? {
        _read { yield storage.fields.identityFactor }
        _modify { yield &storage.fields.identityFactor }
    }

    /// The policy is borrowed, not copied: only its file is read (an initialiser takes its
    /// arguments owned, and a copy of the policy was a retain and a release of each of its
    /// texts and arrays at every finding).
    public init(
        rule: RuleID, severity: Severity, policy: borrowing Policy, mark: Mark, subject: String, subjectKind: SubjectKind,
        subjectName: String, factor: RiskFactor?, message: String, path: [String] = [], exposure: Exposure? = nil,
        evidence: [Evidence] = [], recommendations: [String] = []
    ) {
        self.init(
            rule: rule, severity: severity, policy: policy, mark: mark, subject: subject, subjectKind: subjectKind,
            subjectName: subjectName, factorIDs: factor.map { [$0.id] } ?? [], message: message, path: path, exposure: exposure,
            evidence: evidence, recommendations: recommendations)
    }

    /// A finding about the factor whose `[id]` is `factorIDs` (`FactorParts.ids`, one array per
    /// factor and run, shared by its findings: `factor:` makes one for each), or about none
    /// (`[]`); its identity's factor is the first id. Every field but the binding and the acceptance.
    init(
        rule: RuleID, severity: Severity, policy: borrowing Policy, mark: Mark, subject: String, subjectKind: SubjectKind,
        subjectName: String, factorIDs: [String], message: String, path: [String] = [], exposure: Exposure? = nil,
        evidence: [Evidence] = [], recommendations: [String] = []
    ) {
        storage = SharedFields(
            Fields(
                rule: rule, severity: severity, location: SourceLocation(file: policy.file, line: mark.line, column: mark.column),
                subject: subject, subjectKind: subjectKind, subjectName: subjectName, factors: factorIDs,
                message: message, path: path, exposure: exposure, binding: nil, evidence: evidence,
                recommendations: recommendations, accepted: nil, identityFactor: factorIDs.first))
    }

    /// Decoded as its fields (the keys the struct it was had).
    public init(from decoder: any Decoder) throws {
        storage = try SharedFields(from: decoder)
    }

    /// Encoded as its fields.
    public func encode(to encoder: any Encoder) throws {
        try storage.encode(to: encoder)
    }

    public var identity: FindingIdentity { FindingIdentity(rule: rule, subject: subject, factor: identityFactor) }

    /// Ordered by file, line, column, rule, then identity: every output is deterministic.
    /// By policy, line, column, rule, then identity. The identity's text is made only for a tie
    /// on the rest (sorting a policy's findings made it for every comparison).
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        let left = lhs.storage.fields.location, right = rhs.storage.fields.location
        if left.file != right.file { return left.file < right.file }
        if left.line != right.line { return left.line < right.line }
        if left.column != right.column { return left.column < right.column }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.identity.description < rhs.identity.description
    }
}
