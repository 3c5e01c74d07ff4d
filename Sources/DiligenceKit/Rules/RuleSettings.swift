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
    /// Travel with this many travellers per trip or more is a large group: one level higher
    /// (conflict-proximity, civil-unrest-travel).
    public var largeTravelGroup = 10
    /// Lowest name-match score reported by listed-counterparty and `diligence screen`; chosen on
    /// the labelled pairs of benchmarks/screening (docs/screening.md).
    public var screeningThreshold = 0.7
    /// input-plausibility: a site is far from its named city beyond this distance from the
    /// nearest place of that name: twice the width of conflict-proximity's first band (25 km),
    /// so an error this large can move a site across a band, and beyond the extent of any town
    /// the gazetteer lists.
    public var plausibleCityKm = 50.0
    /// The same for a city of `largeCityPopulation` or more, whose suburbs and industrial zones
    /// reach further from the GeoNames point (its centre).
    public var plausibleLargeCityKm = 75.0
    public var largeCityPopulation = 1_000_000
    /// input-plausibility: a point farther than this outside the box of a country's gazetteer
    /// places is outside the country's extent. The box is smaller than the country (the
    /// gazetteer lists towns, not borders): this is the room left for the land beyond the
    /// outermost town.
    public var plausibleExtentMarginKm = 100.0

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
