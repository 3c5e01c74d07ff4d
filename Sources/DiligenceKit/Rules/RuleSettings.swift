/// Thresholds the rules use; defaults are documented in the report's methodology section.
public struct RuleSettings: Sendable, Hashable, Codable {
    /// A matched factor last reviewed longer ago than this is stale.
    public var staleAfterDays = 180
    /// Conflict events older than this (from the recency reference) count one level lower.
    public var conflictFullWeightDays = 365
    /// Conflict events older than this count two levels lower.
    public var conflictLookbackDays = 730
    /// Distance bands for conflict events, in kilometres: critical, high, medium, low.
    public var conflictBandsKm: [Double] = [25, 100, 200, 300]
    /// Shutdown events within this many days keep the factor's severity; older ones lower it.
    public var shutdownRecencyDays = 365
    /// Unrest events within these many days: full severity, one level lower, two lower.
    public var unrestRecencyDays: [Int] = [30, 90, 365]
    /// Lowest name-match score reported by listed-counterparty and `diligence screen`; chosen on
    /// the labelled pairs of benchmarks/screening (docs/screening.md).
    public var screeningThreshold = 0.7

    public init() {}

    /// The defaults, as the rules' documentation (`diligence explain`, the methodology) states them.
    public static let defaults = RuleSettings()

    /// "25, 100, 200 and 300 km": the conflict bands as prose.
    public var conflictBandsText: String {
        let values = conflictBandsKm.map { String(Int($0)) }
        guard values.count > 1 else { return (values.first ?? "0") + " km" }
        return values.dropLast().joined(separator: ", ") + " and " + (values.last ?? "") + " km"
    }
}
