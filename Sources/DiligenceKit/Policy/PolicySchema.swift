/// The schemas of the policy format (version 1), for `diligence schema`, the format reference
/// and tests. Each mapping is declared once, beside its model (`Policy.format`, `Site.format`,
/// ...): adding a field to the format is one edit in the model's file.
public enum PolicySchema {
    public static let policy = Policy.format.schema
    public static let site = Site.format.schema
    public static let location = Site.locationFormat.schema
    public static let staff = Site.staffFormat.schema
    public static let trade = TradeFlow.format.schema
    public static let counterparty = Counterparty.format.schema
    public static let travel = Travel.format.schema
    public static let acceptedRisk = AcceptedRisk.format.schema

    /// The root of the decoder's declarations.
    static var policyObject: PolicyObject { Policy.format }
}
