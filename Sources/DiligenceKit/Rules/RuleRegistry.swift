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

    public static let ids: [String] = all.map(\.description.id)

    public static func rule(id: String) -> (any Rule)? { all.first { $0.description.id == id } }
}
