/// Policy data that is implausible as written: a site's coordinates far from its named city,
/// with latitude and longitude swapped, or outside its country; a policy reviewed after the
/// as-of date. The other rules judge a site where its coordinates are, so a wrong position
/// silently produces wrong distances; this rule says so.
public struct InputPlausibilityRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    /// The thresholds the documentation states (a run reads its own `RuleContext.settings`).
    private static let defaults = RuleSettings.defaults

    /// 1000000 as "1,000,000".
    private static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var at = digits.count - 3
        while at > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: at))
            at -= 3
        }
        return digits
    }

    /// A country's box is used only when the gazetteer lists at least this many places in it.
    public static let minimumPlacesForExtent = 10

    public let description = RuleDescription(
        id: .inputPlausibility,
        name: "Input plausibility",
        summary:
            "Policy data that cannot be right as written: a site's coordinates more than \(Kilometres.text(Self.defaults.plausibleCityKm)) (\(Kilometres.text(Self.defaults.plausibleLargeCityKm)) for a city of a million) from the city it names, latitude and longitude swapped or a sign wrong, coordinates outside the country's extent, at sea or in another country by the country outlines, or a policy reviewed after the as-of date. The rules judge a site where its coordinates are: a wrong position silently gives wrong distances.",
        facts:
            "The site's `location`, `city` and `country`; the city located by the database's own places and the built-in gazetteer (every homonym in the country; the nearest counts); the country's extent as the box of the gazetteer's places there (countries with at least 10 places: Mali, Mozambique, Belarus and most of their neighbours; elsewhere only 0, 0 and the database's own places are judged), widened by \(Kilometres.text(Self.defaults.plausibleExtentMarginKm)); the policy's `reviewed` date and the as-of date. Inside the box, the Natural Earth 1:10m country outlines the maps ship (Mali, Mozambique, Belarus and the countries within 6 degrees of them) place the point: in no country's outline or in another country's, more than 15 km from the claimed country's (the tolerance for their simplification). Elsewhere there are no borders in the data: a point outside the box may be across a border or at sea, and the finding says how it was judged and claims no more.",
        severityModel: [
            "Coordinates more than \(Kilometres.text(Self.defaults.plausibleCityKm)) from every place the named city can be (\(Kilometres.text(Self.defaults.plausibleLargeCityKm)) for a city of \(Self.grouped(Self.defaults.largeCityPopulation)) people or more, by GeoNames' population); a city neither the database nor the gazetteer knows is not judged here.",
            "Latitude and longitude look swapped (or a sign looks wrong) when the coordinates are far from the city or outside the country, and swapped (or with the latitude's, then the longitude's, sign changed) they lie within that distance of the city, or, without a known city, inside the box of the country's places.",
            "Coordinates outside the country: more than \(Kilometres.text(Self.defaults.plausibleExtentMarginKm)) outside the box of the gazetteer's places in the country; 0, 0 (the default many tools write for a missing position, at sea in the Gulf of Guinea) always.",
            "At sea or in another country: inside the box, but in no country's outline (at sea) or in another country's, more than 15 km from the claimed country's outline; judged only where the outlines cover the point and have the claimed country there.",
            "Each of these: medium when the site's country has a place-bound armed-conflict factor in force (the position decides conflict-proximity's band), low otherwise. One finding per site: 0, 0, then swapped or a wrong sign, then outside the country's box, then at sea or in another country by the outlines, then far from the city.",
            "`reviewed` after the as-of date: info (the report judges the as-of date with a policy describing a later state; a retrospective check may be deliberate).",
            "None of these fails the default gate: they question the data, not the exposure; conflict-proximity still reports what the coordinates as written show, and the finding tells the signer that it may be wrong.",
        ],
        recommendations: [
            "Check the coordinates against the site's address or a map (GeoNames, the land title, the lease); latitude comes first, south and west are negative.",
            "If the coordinates are right, correct the city to the town the site is in or nearest to, or remove it.",
            "Re-review the policy and re-run the check; for a policy reviewed after the as-of date, check the version in force on that date (from version control) or check as of the review date.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        if let reviewed = policy.reviewed, reviewed > context.asOf {
            findings.append(
                Finding(
                    rule: description.id, severity: .info, policy: policy, mark: policy.reviewedMark ?? policy.companyMark,
                    subject: "policy", subjectKind: .policy, subjectName: policy.company, factor: nil,
                    message:
                        "The policy was reviewed on \(reviewed), after the as-of date \(context.asOf): the report judges \(context.asOf) with the policy's state of \(reviewed), so operations added or changed in between are judged as if they existed then",
                    path: ["policy reviewed \(reviewed)", "after the as-of date \(context.asOf)", description.verdictLine(.info)],
                    recommendations: [description.recommendations[2]]))
        }
        let gazetteer = Gazetteer.shared
        // What the gazetteer and the database know of each country of the policy's sites, asked
        // once per country (a policy's sites are in a few countries; each question was a locked,
        // hashed memo look-up at every site).
        var known: [CountryFacts] = []
        for site in policy.sites {
            guard let location = site.location else { continue }
            // Read in place by its position (a copy of the facts was made at every site).
            let position: Int
            if let found = known.firstIndex(where: { $0.country == site.country }) {
                position = found
            } else {
                known.append(CountryFacts(site.country, gazetteer, context.database))
                position = known.count - 1
            }
            // A country neither the gazetteer nor the database has places in is not looked up
            // (most sites of a large portfolio: each lookup folds the city's name).
            let inGazetteer = known[position].inGazetteer
            guard known[position].hasPlaces || (location.lat == 0 && location.lon == 0) else { continue }
            let candidates =
                site.city.map { city -> [CityCandidate] in
                    let key = RuleRunMemo.CityKey(city: ExactText(city), country: site.country, inGazetteer: inGazetteer)
                    if let known = context.runMemo.cityCandidates.value(for: key) { return known }
                    let found = Self.cityCandidates(city, in: site.country, context.destinations, inGazetteer ? gazetteer : nil)
                    context.runMemo.cityCandidates.store(found, for: key)
                    return found
                } ?? []
            let extent = known[position].extent
            var judgement = Self.judge(location, cities: candidates, extent: extent, settings: context.settings)
            // Inside the box (or only far from the city): the outlines say whether the point is
            // at sea or in another country.
            if judgement == nil || judgement?.isFarFromCity == true, let placed = Self.outlineJudgement(location, site.country) {
                judgement = placed
            }
            guard let judgement else { continue }
            let placeBound = context.factors(.armedConflict, in: site.country).contains { $0.isPlaceBound }
            let severity: Severity = placeBound ? .medium : .low
            let why =
                placeBound
                ? "\(site.country.name) has place-bound armed conflict: the position decides conflict-proximity's band"
                : "no place-bound armed conflict in \(site.country.name)"
            let (message, reason) = Self.describe(judgement, site: site, location: location, extent: extent, gazetteer: gazetteer, settings: context.settings)
            findings.append(
                Finding(
                    rule: description.id, severity: severity, policy: policy, mark: site.mark, subject: site.id,
                    subjectKind: .site, subjectName: site.displayName, factor: nil,
                    message: message,
                    path: [site.displayName, "(\(location))", reason, why, description.verdictLine(severity)],
                    recommendations: judgement.isCorrection || judgement.isOutside
                        ? [description.recommendations[0], description.recommendations[2]]
                        : description.recommendations))
        }
        return findings
    }

    /// What the gazetteer and the database know of a country: whether the gazetteer has places
    /// there, whether either has, and the box of the gazetteer's places (nil when it has none).
    struct CountryFacts {
        let country: Country
        let inGazetteer: Bool
        let hasPlaces: Bool
        let extent: CountryExtent?

        init(_ country: Country, _ gazetteer: Gazetteer?, _ database: RiskDatabase) {
            self.country = country
            inGazetteer = gazetteer.map { CountryExtents.shared.covers(country, in: $0) } ?? false
            hasPlaces = inGazetteer || database.factors.contains { $0.country == country }
            extent = inGazetteer ? gazetteer.flatMap { CountryExtents.shared.extent(of: country, in: $0) } : nil
        }
    }

    // MARK: Judgement (pure, tested apart)

    /// A place the site's city may be, with the distance the site may be from it.
    public struct CityCandidate: Sendable, Hashable {
        public var name: String
        public var location: Coordinate
        public var source: String
        public var population: Int

        public init(name: String, location: Coordinate, source: String, population: Int) {
            self.name = name
            self.location = location
            self.source = source
            self.population = population
        }

        /// The distance beyond which a site is far from this place.
        public func thresholdKm(_ settings: RuleSettings) -> Double {
            population >= settings.largeCityPopulation ? settings.plausibleLargeCityKm : settings.plausibleCityKm
        }
    }

    /// What is implausible about a site's coordinates.
    public enum Judgement: Sendable, Hashable {
        /// Corrected, the coordinates lie near the city (or, without one, inside the country).
        case corrected(Correction, Coordinate, city: CityCandidate?, distanceKm: Double?)
        /// 0, 0: the default of many tools for a missing position.
        case nullIsland
        /// More than the margin outside the box of the country's places.
        case outsideCountry(outsideKm: Double, city: CityCandidate?, distanceKm: Double?)
        /// Inside the country's extent (or without one), but far from every place of the city.
        case farFromCity(city: CityCandidate, distanceKm: Double)
        /// Inside no country's outline, more than the tolerance from the country's: at sea.
        case atSea(outsideKm: Double)
        /// Inside another country's outline, more than the tolerance from the country's.
        case inOtherCountry(name: String, outsideKm: Double)

        var isCorrection: Bool { if case .corrected = self { return true } else { return false } }
        var isFarFromCity: Bool { if case .farFromCity = self { return true } else { return false } }
        var isOutside: Bool {
            switch self {
            case .outsideCountry, .nullIsland, .atSea, .inOtherCountry: return true
            default: return false
            }
        }
    }

    /// A slip in writing coordinates, tried in this order.
    public enum Correction: String, Sendable, Hashable, CaseIterable {
        case swapped = "lat and lon look swapped"
        case latitudeSign = "the latitude's sign looks wrong (south is negative)"
        case longitudeSign = "the longitude's sign looks wrong (west is negative)"

        /// The coordinates with the slip undone; nil when that is no position.
        public func apply(to point: Coordinate) -> Coordinate? {
            switch self {
            case .swapped: return abs(point.lon) <= 90 ? Coordinate(lat: point.lon, lon: point.lat) : nil
            case .latitudeSign: return point.lat == 0 ? nil : Coordinate(lat: -point.lat, lon: point.lon)
            case .longitudeSign: return point.lon == 0 ? nil : Coordinate(lat: point.lat, lon: -point.lon)
            }
        }
    }

    /// Judges a site's coordinates against the places its city may be and its country's
    /// extent (nil when the gazetteer knows too little of the country); nil when plausible.
    public static func judge(
        _ location: Coordinate, cities: [CityCandidate], extent: CountryExtent?, settings: RuleSettings = .defaults
    ) -> Judgement? {
        if location.lat == 0, location.lon == 0 { return .nullIsland }
        let nearest = nearestCity(to: location, in: cities)
        let far = nearest.map { $0.distanceKm > $0.city.thresholdKm(settings) } ?? false
        let outsideKm = extent.map { $0.distanceOutsideKm(location) } ?? 0
        let outside = outsideKm > settings.plausibleExtentMarginKm
        guard far || outside else { return nil }
        // Corrected (swapped, then either sign flipped), the point must fit what the policy
        // says: near the city when it names a known one, else inside the country's box itself
        // (no margin).
        for fix in Correction.allCases {
            guard let corrected = fix.apply(to: location) else { continue }
            if !cities.isEmpty {
                if let near = nearestCity(to: corrected, in: cities), near.distanceKm <= near.city.thresholdKm(settings) {
                    return .corrected(fix, corrected, city: near.city, distanceKm: near.distanceKm)
                }
            } else if let extent, extent.distanceOutsideKm(corrected) == 0 {
                return .corrected(fix, corrected, city: nil, distanceKm: nil)
            }
        }
        if outside { return .outsideCountry(outsideKm: outsideKm, city: nearest?.city, distanceKm: nearest?.distanceKm) }
        guard let nearest else { return nil }
        return .farFromCity(city: nearest.city, distanceKm: nearest.distanceKm)
    }

    /// The point against the country outlines (`CountryShapes`): at sea or in another country
    /// beyond the tolerance; nil inside, within the tolerance, or where the outlines say nothing.
    public static func outlineJudgement(_ location: Coordinate, _ country: Country, shapes: CountryShapes = .builtIn) -> Judgement? {
        switch shapes.place(location, claimed: country) {
        case .sea(let outside): return .atSea(outsideKm: outside)
        case .otherCountry(_, let name, let outside): return .inOtherCountry(name: name, outsideKm: outside)
        case .inside, nil: return nil
        }
    }

    static func nearestCity(to location: Coordinate, in cities: [CityCandidate]) -> (city: CityCandidate, distanceKm: Double)? {
        var best: (city: CityCandidate, distanceKm: Double)?
        for city in cities {
            let distance = location.distanceKm(to: city.location)
            if best.map({ distance < $0.distanceKm }) ?? true { best = (city, distance) }
        }
        return best
    }

    /// The places the city may be: the database's place of that name (as travel resolves
    /// it), and every homonym in the gazetteer.
    static func cityCandidates(
        _ city: String, in country: Country, _ destinations: DestinationResolver,
        _ gazetteer: Gazetteer?
    ) -> [CityCandidate] {
        var candidates: [CityCandidate] = []
        let places = gazetteer?.places(named: city, in: country) ?? []
        if let resolved = destinations.resolve(city, in: country) {
            let population = places.first { $0.location == resolved.location }?.population ?? 0
            candidates.append(CityCandidate(name: resolved.name, location: resolved.location, source: resolved.source, population: population))
        }
        for place in places where !candidates.contains(where: { $0.location == place.location }) {
            candidates.append(CityCandidate(name: place.name, location: place.location, source: place.source, population: place.population))
        }
        return candidates
    }

    /// The finding's message and the reason in its path.
    static func describe(
        _ judgement: Judgement, site: Site, location: Coordinate, extent: CountryExtent?,
        gazetteer: Gazetteer?, settings: RuleSettings
    ) -> (message: String, reason: String) {
        let name = site.displayName
        let country = site.country.name
        func km(_ value: Double) -> String { Kilometres.text(value) }
        func city(_ city: CityCandidate, _ distance: Double) -> String {
            "\(km(distance)) from \(city.name) (\(city.location), \(city.source))"
        }
        switch judgement {
        case .corrected(let fix, let corrected, let near, let distance):
            let fit =
                near.map { n in distance.map { "\(km($0)) from \(n.name) (\(n.location), \(n.source))" } ?? n.name }
                ?? "inside the extent of the gazetteer's places in \(country)"
            return (
                "\(name): \(fix.rawValue): (\(location)) is not where the policy puts the site in \(country), but (\(corrected)) is \(fit)",
                "\(fix.rawValue): (\(corrected)) fits"
            )
        case .nullIsland:
            return (
                "\(name) is at 0, 0, the default many tools write for a missing position, at sea in the Gulf of Guinea, not in \(country)",
                "0, 0: a missing position"
            )
        case .outsideCountry(let outside, let near, let distance):
            var message =
                "\(name) (\(location)) looks outside \(country): \(km(outside)) outside the box of the \(extent?.placeCount ?? 0) places the gazetteer lists there"
            if let extent { message += " (\(extent.boxDescription))" }
            message += ", judged without borders: the point may be across a border or at sea"
            if let gazetteer, let other = CountryExtents.shared.nearestPlace(to: location, in: gazetteer), other.place.country != site.country,
                other.distanceKm <= settings.plausibleCityKm
            {
                message += "; it is \(km(other.distanceKm)) from \(other.place.name), \(other.place.country.name)"
            }
            if let near, let distance { message += "; it is \(city(near, distance))" }
            return (message, "\(km(outside)) outside the extent of \(country)'s places")
        case .atSea(let outside):
            return (
                "\(name) (\(location)) lies in no country's outline, \(km(outside)) from \(country)'s: at sea (or in water the outlines leave out), not in \(country) (Natural Earth 1:10m outlines, \(km(CountryShapes.toleranceKm)) tolerance for their simplification)",
                "in no country's outline, \(km(outside)) from \(country)'s (tolerance \(km(CountryShapes.toleranceKm)))"
            )
        case .inOtherCountry(let other, let outside):
            return (
                "\(name) (\(location)) lies in \(other), \(km(outside)) outside \(country)'s outline: not in \(country) (Natural Earth 1:10m outlines, \(km(CountryShapes.toleranceKm)) tolerance for their simplification)",
                "inside \(other)'s outline, \(km(outside)) outside \(country)'s (tolerance \(km(CountryShapes.toleranceKm)))"
            )
        case .farFromCity(let near, let distance):
            return (
                "\(name) is \(city(near, distance)), the city it names, more than \(km(near.thresholdKm(settings))) away: its position (\(location)) is judged, not the city's",
                "\(km(distance)) from \(near.name) > \(km(near.thresholdKm(settings)))"
            )
        }
    }
}

/// A country's extent as the gazetteer knows it: the box of its places' coordinates.
public struct CountryExtent: Sendable, Hashable {
    public var country: Country
    public var placeCount: Int
    public var minLat: Double
    public var maxLat: Double
    public var minLon: Double
    public var maxLon: Double

    /// The box of `points`; nil when there are fewer than the rule's minimum.
    public init?(country: Country, points: [Coordinate]) {
        guard points.count >= InputPlausibilityRule.minimumPlacesForExtent else { return nil }
        self.country = country
        placeCount = points.count
        minLat = points.map(\.lat).min() ?? 0
        maxLat = points.map(\.lat).max() ?? 0
        minLon = points.map(\.lon).min() ?? 0
        maxLon = points.map(\.lon).max() ?? 0
    }

    /// Whether the box spans more than half the globe in longitude (a country across the
    /// antimeridian, such as Russia): then only latitude bounds it.
    public var spansAntimeridian: Bool { maxLon - minLon > 180 }

    /// The great-circle distance from `point` to the nearest point of the box; 0 inside.
    public func distanceOutsideKm(_ point: Coordinate) -> Double {
        let lat = min(max(point.lat, minLat), maxLat)
        let lon = spansAntimeridian ? point.lon : min(max(point.lon, minLon), maxLon)
        return point.distanceKm(to: Coordinate(lat: lat, lon: lon))
    }

    /// "lat 10.1 to 25.0, lon -12.2 to 4.2".
    public var boxDescription: String {
        let lon = spansAntimeridian ? "any lon" : "lon \(FixedPoint.text(minLon, places: 1)) to \(FixedPoint.text(maxLon, places: 1))"
        return "lat \(FixedPoint.text(minLat, places: 1)) to \(FixedPoint.text(maxLat, places: 1)), \(lon)"
    }
}

/// Country extents and every place of the built-in gazetteer, computed once per process on
/// first use (a run without located sites never builds them).
final class CountryExtents: Sendable {
    static let shared = CountryExtents()

    private let memo = Memo<String, [CountryExtent]>(capacity: 1_000)
    private let all = Memo<String, [Gazetteer.Place]>(capacity: 1)

    private let codes = Memo<String, Set<String>>(capacity: 1)

    /// Whether the gazetteer has places in `country`.
    func covers(_ country: Country, in gazetteer: Gazetteer) -> Bool {
        if let known = codes.value(for: "") { return known.contains(country.code) }
        let all = Set(gazetteer.countryCodes)
        codes.store(all, for: "")
        return all.contains(country.code)
    }

    /// The box of the country's places: their coordinates read alone (`Gazetteer.locations(inCountry:)`),
    /// by one thread (both workers ask for the first policies' countries at once).
    func extent(of country: Country, in gazetteer: Gazetteer) -> CountryExtent? {
        if let known = memo.value(for: country.code) { return known.first }
        return memo.valueMadeOnce(for: country.code) {
            CountryExtent(country: country, points: gazetteer.locations(inCountry: country.code)).map { [$0] } ?? []
        }.first
    }

    /// The gazetteer place nearest `point`, in any country.
    func nearestPlace(to point: Coordinate, in gazetteer: Gazetteer) -> (place: Gazetteer.Place, distanceKm: Double)? {
        let places: [Gazetteer.Place]
        if let known = all.value(for: "") {
            places = known
        } else {
            places = gazetteer.countryCodes.flatMap { gazetteer.places(inCountry: $0) }
            all.store(places, for: "")
        }
        var best: (place: Gazetteer.Place, distanceKm: Double)?
        for place in places {
            let distance = point.distanceKm(to: place.location)
            if best.map({ distance < $0.distanceKm }) ?? true { best = (place, distance) }
        }
        return best
    }
}
