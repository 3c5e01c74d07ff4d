/// How serious a finding or a risk factor is, from `info` to `critical`.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, StringCodable {
    case info = 0
    case low = 1
    case medium = 2
    case high = 3
    case critical = 4

    public init?(name: String) {
        switch name {
        case "info": self = .info
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        case "critical": self = .critical
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .info: return "info"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        case .critical: return "critical"
        }
    }

    public var description: String { name }

    /// Names from most to least severe, for messages and option help.
    public static let names = Severity.allCases.reversed().map(\.name)

    /// `steps` levels higher (positive) or lower (negative), clamped to info...critical.
    public func shifted(by steps: Int) -> Severity {
        Severity(rawValue: min(Severity.critical.rawValue, max(Severity.info.rawValue, rawValue + steps))) ?? self
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let expectedText = "a severity"

    /// The severity of a name (`init?(name:)`).
    public init?(_ description: String) { self.init(name: description) }
}
