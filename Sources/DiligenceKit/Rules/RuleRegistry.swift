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

    public static let ids: [RuleID] = all.map(\.description.ruleID)

    public static func rule(id: RuleID) -> (any Rule)? { all.first { $0.description.ruleID == id } }
}
