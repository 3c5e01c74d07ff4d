/// A supplier, customer, provider or other party.
public struct Counterparty: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var country: Country
    public var role: String?
    public var aliases: [String]
    public var mark: Mark
    /// Where the counterparty is incorporated (`incorporated`), when the policy says; it may
    /// differ from `country`, where it operates.
    public var incorporated: Country? = nil
    /// The sanctions regimes the policy states bind the counterparty (`subject_to`); those its
    /// incorporation derives are added by `Jurisdiction`.
    public var subjectTo: [String] = []
}

extension Counterparty {
    /// The `counterparties[]` mapping of the policy format: the one declaration of a counterparty's fields.
    static let format = PolicyObject(
        name: "a counterparty",
        summary: "A supplier, customer, provider or other party; its name and aliases are screened against listed persons and entities.", uniqueKey: "id",
        key: "counterparties",
        example: """
            - id: beltelecom
              name: Beltelecom
              country: BY
              role: internet-provider
              aliases: [Белтелеком]
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "beltelecom", into: \.party.id),
            .init("name", .text, required: true, "Registered or usual name; screened against listed entities.", example: "Beltelecom", into: \.party.name),
            .init("country", .country, required: true, "Country of registration or operation.", example: "BY", into: \.party.country),
            .init("role", .term(.roles), "What the counterparty does for the company.", example: "internet-provider", into: \.party.role),
            .init("aliases", list: .text, "Other names, any script; screened too.", example: "[Белтелеком]", into: \.party.aliases),
            .init(
                "incorporated", .country,
                "Where the counterparty is incorporated, when it differs from `country` or to state it (ISO code or English name; `NO` is Norway). Screening weighs the match by it as well, findings name it, and it derives the regimes that bind the counterparty (as for the company).",
                example: "BY", into: \.party.incorporated),
            .init(
                "subject_to", list: .term(.regimes),
                "Sanctions regimes that bind the counterparty beyond those its incorporation derives: EU, US, UK, UN, ECOWAS. Findings say whether a measure binds the counterparty too (a bank bound by a halt will refuse the payment).",
                example: "[EU]", into: \.party.subjectTo),
        ], open: { draft, mark in draft.party = Counterparty(id: "", name: "", country: .unset, aliases: [], mark: mark) },
        close: { draft, _ in
            draft.party.subjectTo = PolicyContext.unique(draft.party.subjectTo)
            draft.policy.counterparties.append(draft.party)
        })
}
