/// Staff travel.
public struct Travel: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var country: Country
    public var city: String?
    public var travellers: Int?
    public var frequency: String?
    public var mark: Mark
    /// Countries the travellers pass through on the way (`transit`), in order.
    public var transit: [Country] = []
}

extension Travel {
    /// The `travel[]` mapping of the policy format: the one declaration of a trip's fields.
    static let format = PolicyObject(
        name: "a travel entry", summary: "Staff travel to a country or city.", uniqueKey: "id", key: "travel",
        example: """
            - id: bamako-visits
              name: Distributor visits
              country: ML
              city: Bamako
              travellers: 3
              frequency: monthly
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "bamako-visits", into: \.trip.id),
            .init("name", .text, "Human-readable name.", example: "Distributor visits", into: \.trip.name),
            .init("country", .country, required: true, "Destination country.", example: "ML", into: \.trip.country),
            .init(
                "city", .text,
                "Destination city, in any case, with or without diacritics, in any Latin or Cyrillic spelling GeoNames lists (`Мінск`, `Grodno`). It is located by the database's own places, then the built-in gazetteer; conflict-proximity and civil-unrest-travel judge the trip by where it is, and a city neither knows is reported as not-assessed.",
                example: "Bamako", into: \.trip.city),
            .init(
                "transit", list: .country,
                "Countries the travellers pass through on the way (a stop-over, a land route), in order; political-instability judges them two levels below a site there.",
                example: "[SN]", into: \.trip.transit),
            .init("travellers", .integer(1...1_000_000), "People travelling each time.", example: "3", into: \.trip.travellers),
            .init(
                "frequency", .choice(["once", "weekly", "monthly", "quarterly", "yearly", "ad-hoc"]), "How often.", example: "monthly", into: \.trip.frequency),
        ], open: { draft, mark in draft.trip = Travel(id: "", country: .unset, mark: mark) },
        close: { draft, _ in draft.policy.travel.append(draft.trip) })
}
