/// Every rule, in the order reports describe them. Add a rule here and nowhere else.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        TradeRestrictionRule(),
        FinancialRestrictionRule(),
        ConflictProximityRule(),
        ShutdownExposureRule(),
        ListedCounterpartyRule(),
        PoliticalInstabilityRule(),
        HumanRightsObligationsRule(),
        CivilUnrestTravelRule(),
        AnnouncedMeasureRule(),
        NotAssessedRule(),
        InputPlausibilityRule(),
        StaleIntelligenceRule(),
        ExpiredAcceptanceRule(),
    ]

    public static let ids: [RuleID] = all.map(\.description.id)

    /// Each rule's general advice (`RuleDescription.recommendations`), by rule id.
    public static let advice: [RuleID: [String]] = Dictionary(
        all.map { ($0.description.id, $0.description.recommendations) }, uniquingKeysWith: { first, _ in first })

    public static func rule(id: RuleID) -> (any Rule)? { all.first { $0.description.id == id } }
}
