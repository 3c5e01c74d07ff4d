/// A rule's id (`trade-restriction`, `expired-acceptance`, ...): what findings, acceptances
/// (`rule/subject`), `diligence explain` and the reports name a rule by. Encoded as its text, so
/// every report writes the same bytes as a plain string would. The rules' ids are the constants
/// below, declared here and nowhere else; code that names a rule uses them.
public struct RuleID: RawRepresentable, ExpressibleByStringLiteral, Hashable, Comparable, Codable, CodingKeyRepresentable, Sendable,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public var codingKey: any CodingKey { Key(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let tradeRestriction: RuleID = "trade-restriction"
    public static let financialRestriction: RuleID = "financial-restriction"
    public static let conflictProximity: RuleID = "conflict-proximity"
    public static let shutdownExposure: RuleID = "shutdown-exposure"
    public static let listedCounterparty: RuleID = "listed-counterparty"
    public static let politicalInstability: RuleID = "political-instability"
    public static let humanRightsObligations: RuleID = "human-rights-obligations"
    public static let civilUnrestTravel: RuleID = "civil-unrest-travel"
    public static let announcedMeasure: RuleID = "announced-measure"
    public static let notAssessed: RuleID = "not-assessed"
    public static let inputPlausibility: RuleID = "input-plausibility"
    public static let staleIntelligence: RuleID = "stale-intelligence"
    /// The review rule whose findings fail the gate whatever `--fail-on` says (except `none`).
    public static let expiredAcceptance: RuleID = "expired-acceptance"
}
