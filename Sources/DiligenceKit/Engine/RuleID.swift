/// A rule's id (`trade-restriction`, `expired-acceptance`, ...): what findings, acceptances
/// (`rule/subject`), `diligence explain` and the reports name a rule by. Written as a string
/// literal where a rule declares it.
public struct RuleID: RawRepresentable, ExpressibleByStringLiteral, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The review rule whose findings fail the gate whatever `--fail-on` says (except `none`).
    public static let expiredAcceptance: RuleID = "expired-acceptance"
}

extension RuleDescription {
    /// The rule's id, typed.
    public var ruleID: RuleID { RuleID(rawValue: id) }
}

extension Finding {
    /// The id of the rule that made the finding, typed.
    public var ruleID: RuleID { RuleID(rawValue: rule) }
}
