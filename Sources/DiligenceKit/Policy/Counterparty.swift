/// A supplier, customer, provider or other party.
///
/// Its fields are held by reference (`Shared`), read in place and replaced whole when one is
/// set: the rules walk a policy's counterparties once each, and a copy was nine strings and arrays retained and released; now it is one. The decoder fills a `Fields` in place.
public struct Counterparty: Sendable, Hashable, Codable {
    /// The fields, as they are encoded, compared and hashed, and as the decoder fills them.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var name: String
        var country: Country
        var role: String?
        var aliases: [String]
        var mark: Mark
        /// Where the counterparty is incorporated (`incorporated`), when the policy says; it may
        /// differ from `country`, where it operates.
        var incorporated: Country? = nil
        /// The sanctions regimes the policy states bind the counterparty (`subject_to`); those its
        /// incorporation derives are added by `Jurisdiction`.
        var subjectTo: [String] = []
    }

    /// The only stored property: equality and hashing (synthesized) are the holder's, that is the
    /// fields'.
    private var shared: Shared<Fields>

    /// The fields as one value (what is encoded, compared and hashed).
    var fields: Fields { shared.value }

    init(
        id: String, name: String, country: Country, role: String? = nil, aliases: [String], mark: Mark, incorporated: Country? = nil, subjectTo: [String] = []
    ) {
        shared = Shared(
            Fields(
                id: id, name: name, country: country, role: role, aliases: aliases, mark: mark, incorporated: incorporated, subjectTo: subjectTo))
    }

    /// The counterparty the decoder has filled.
    init(_ fields: Fields) {
        shared = Shared(fields)
    }

    public init(from decoder: any Decoder) throws {
        shared = try Shared(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.encode(to: encoder)
    }

    /// Sets a field: the fields are copied into a new holder (other copies keep theirs).
    private mutating func update(_ change: (inout Fields) -> Void) {
        shared = shared.updating(change)
    }

    public var id: String {
        get { shared.value.id }
        set { update { $0.id = newValue } }
    }
    public var name: String {
        get { shared.value.name }
        set { update { $0.name = newValue } }
    }
    public var country: Country {
        get { shared.value.country }
        set { update { $0.country = newValue } }
    }
    public var role: String? {
        get { shared.value.role }
        set { update { $0.role = newValue } }
    }
    public var aliases: [String] {
        get { shared.value.aliases }
        set { update { $0.aliases = newValue } }
    }
    public var mark: Mark {
        get { shared.value.mark }
        set { update { $0.mark = newValue } }
    }
    /// Where the counterparty is incorporated (`incorporated`), when the policy says; it may
    /// differ from `country`, where it operates.
    public var incorporated: Country? {
        get { shared.value.incorporated }
        set { update { $0.incorporated = newValue } }
    }
    /// The sanctions regimes the policy states bind the counterparty (`subject_to`); those its
    /// incorporation derives are added by `Jurisdiction`.
    public var subjectTo: [String] {
        get { shared.value.subjectTo }
        set { update { $0.subjectTo = newValue } }
    }
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
        ], open: { draft, mark in draft.party = Counterparty.Fields(id: "", name: "", country: .unset, aliases: [], mark: mark) },
        close: { draft, _ in
            draft.party.subjectTo = PolicyContext.unique(draft.party.subjectTo)
            draft.policy.counterparties.append(Counterparty(draft.party))
        })
}
