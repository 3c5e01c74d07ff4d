/// A physical place.
public struct Site: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var kind: String?
    public var country: Country
    public var region: String?
    public var city: String?
    public var location: Coordinate?
    public var staffLocal: Int?
    public var staffExpatriate: Int?
    public var dependsOn: [String]
    public var continuity: [String]
    public var securityProvider: String?
    public var securityProviderMark: Mark?
    public var mark: Mark
    /// Where the entity that runs the site is incorporated, when it is not the company itself
    /// (a local subsidiary); nil: the company runs it.
    public var incorporated: Country? = nil

    public var displayName: String { name ?? id }
}

extension Site {
    /// The `sites[]` mapping of the policy format: each key, its type and documentation, and
    /// where its value goes (`\.site`, the site being read); the one declaration of a site's fields.
    static let format = PolicyObject(
        name: "a site", summary: "A physical place where the company operates.", uniqueKey: "id", key: "sites",
        example: """
            - id: afungi-camp
              name: Afungi LNG construction camp
              kind: construction-site
              country: MZ
              region: Cabo Delgado
              city: Palma
              location: { lat: -10.79, lon: 40.51 }
              staff: { local: 300, expatriate: 40 }
              depends_on: [internet, mobile-data, electricity, payments]
              continuity: [satellite-link, offline-procedures]
              security_provider: Dyck Advisory Group
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file; findings and accepted risks name it.", example: "afungi-camp", into: \.site.id),
            .init("name", .text, "Human-readable name.", example: "Afungi LNG construction camp", into: \.site.name),
            .init("kind", .term(.siteKinds), "What the site is.", example: "construction-site", into: \.site.kind),
            .init("country", .country, required: true, "ISO 3166-1 alpha-2 code (any case) or English name.", example: "MZ", into: \.site.country),
            .init("region", .text, "First-level subdivision (province, region, oblast).", example: "Cabo Delgado", into: \.site.region),
            .init("city", .text, "City or town.", example: "Palma", into: \.site.city),
            .init("location", object: locationFormat, "Coordinates; enable distance checks.", example: "{ lat: -10.79, lon: 40.51 }"),
            .init("staff", object: staffFormat, "Head count.", example: "{ local: 300, expatriate: 40 }"),
            .init(
                "depends_on", list: .term(.dependencies), "Services the site cannot work without.", example: "[internet, mobile-data, electricity]",
                into: \.site.dependsOn),
            .init("continuity", list: .term(.continuity), "Fallbacks in place.", example: "[satellite-link, offline-procedures]", into: \.site.continuity),
            .init(
                "security_provider", .text, "Security company guarding the site; screened like a counterparty.", example: "Dyck Advisory Group",
                into: \.site.securityProvider, mark: .at(\.site.securityProviderMark)),
            .init(
                "incorporated", .country,
                "Where the entity that runs the site is incorporated, when it is a local subsidiary rather than the company itself (a Malian subsidiary is bound by ECOWAS measures whatever its parent's jurisdiction). The site's findings judge bindingness for that entity.",
                example: "MZ", into: \.site.incorporated),
        ], open: { draft, mark in draft.site = Site(mark: mark) },
        close: { draft, _ in
            draft.site.dependsOn = PolicyContext.unique(draft.site.dependsOn)
            draft.site.continuity = PolicyContext.unique(draft.site.continuity)
            draft.policy.sites.append(draft.site)
        })

    /// The `location` mapping of a site.
    static let locationFormat = PolicyObject(
        name: "a location", summary: "WGS 84 coordinates in decimal degrees.", key: "location",
        fields: [
            .init("lat", .number(-90...90), required: true, "Latitude, -90 to 90 (south is negative).", example: "-10.79", into: \.point.lat),
            .init("lon", .number(-180...180), required: true, "Longitude, -180 to 180 (west is negative).", example: "40.51", into: \.point.lon),
        ], open: { draft, _ in draft.point = (nil, nil) },
        close: { draft, _ in
            if let lat = draft.point.lat, let lon = draft.point.lon { draft.site.location = Coordinate(lat: lat, lon: lon) }
        })

    /// The `staff` mapping of a site.
    static let staffFormat = PolicyObject(
        name: "staff", summary: "Head count at the site.", key: "staff",
        fields: [
            .init("local", .integer(0...10_000_000), "Local staff.", example: "300", into: \.site.staffLocal),
            .init("expatriate", .integer(0...10_000_000), "Expatriate staff.", example: "40", into: \.site.staffExpatriate),
        ])

    /// A site not read yet, starting at `mark`.
    init(mark: Mark) {
        self.init(id: "", country: .unset, dependsOn: [], continuity: [], mark: mark)
    }
}
