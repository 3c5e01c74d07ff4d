/// A physical place.
///
/// Its fields are held by reference (`Shared`), read in place and replaced whole when one is
/// set: the rules walk a policy's sites once each, and a copy of a site was fifteen strings,
/// arrays and marks retained and released; now it is one. The decoder fills a `Fields` in place.
public struct Site: Sendable, Hashable, Codable {
    /// The site's fields, as they are encoded, compared and hashed, and as the decoder fills them.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var name: String?
        var kind: String?
        var country: Country
        var region: String?
        var city: String?
        var location: Coordinate?
        var staffLocal: Int?
        var staffExpatriate: Int?
        var dependsOn: [String]
        var continuity: [String]
        var securityProvider: String?
        var securityProviderMark: Mark?
        var mark: Mark
        /// Where the entity that runs the site is incorporated, when it is not the company itself
        /// (a local subsidiary); nil: the company runs it.
        var incorporated: Country? = nil
    }

    /// The only stored property: equality and hashing (synthesized) are the holder's, that is the
    /// fields'.
    private var shared: Shared<Fields>

    /// The fields as one value (what is encoded, compared and hashed).
    var fields: Fields { shared.value }

    init(
        id: String, name: String? = nil, kind: String? = nil, country: Country, region: String? = nil, city: String? = nil, location: Coordinate? = nil,
        staffLocal: Int? = nil, staffExpatriate: Int? = nil, dependsOn: [String], continuity: [String], securityProvider: String? = nil,
        securityProviderMark: Mark? = nil, mark: Mark, incorporated: Country? = nil
    ) {
        shared = Shared(
            Fields(
                id: id, name: name, kind: kind, country: country, region: region, city: city, location: location, staffLocal: staffLocal,
                staffExpatriate: staffExpatriate, dependsOn: dependsOn, continuity: continuity, securityProvider: securityProvider,
                securityProviderMark: securityProviderMark, mark: mark, incorporated: incorporated))
    }

    /// The site the decoder has filled.
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
    public var name: String? {
        get { shared.value.name }
        set { update { $0.name = newValue } }
    }
    public var kind: String? {
        get { shared.value.kind }
        set { update { $0.kind = newValue } }
    }
    public var country: Country {
        get { shared.value.country }
        set { update { $0.country = newValue } }
    }
    public var region: String? {
        get { shared.value.region }
        set { update { $0.region = newValue } }
    }
    public var city: String? {
        get { shared.value.city }
        set { update { $0.city = newValue } }
    }
    public var location: Coordinate? {
        get { shared.value.location }
        set { update { $0.location = newValue } }
    }
    public var staffLocal: Int? {
        get { shared.value.staffLocal }
        set { update { $0.staffLocal = newValue } }
    }
    public var staffExpatriate: Int? {
        get { shared.value.staffExpatriate }
        set { update { $0.staffExpatriate = newValue } }
    }
    public var dependsOn: [String] {
        get { shared.value.dependsOn }
        set { update { $0.dependsOn = newValue } }
    }
    public var continuity: [String] {
        get { shared.value.continuity }
        set { update { $0.continuity = newValue } }
    }
    public var securityProvider: String? {
        get { shared.value.securityProvider }
        set { update { $0.securityProvider = newValue } }
    }
    public var securityProviderMark: Mark? {
        get { shared.value.securityProviderMark }
        set { update { $0.securityProviderMark = newValue } }
    }
    public var mark: Mark {
        get { shared.value.mark }
        set { update { $0.mark = newValue } }
    }
    /// Where the entity that runs the site is incorporated, when it is not the company itself
    /// (a local subsidiary); nil: the company runs it.
    public var incorporated: Country? {
        get { shared.value.incorporated }
        set { update { $0.incorporated = newValue } }
    }

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
        ], open: { draft, mark in draft.site = Site.Fields(mark: mark) },
        close: { draft, _ in
            draft.site.dependsOn = PolicyContext.unique(draft.site.dependsOn)
            draft.site.continuity = PolicyContext.unique(draft.site.continuity)
            draft.policy.sites.append(Site(draft.site))
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

}

extension Site.Fields {
    /// A site not read yet, starting at `mark`.
    init(mark: Mark) {
        self.init(id: "", country: .unset, dependsOn: [], continuity: [], mark: mark)
    }
}
