/// Resolves a travel destination (a city in a country) to coordinates: first the database's
/// own named places (point areas, then the places of events located at or near the place, of
/// its factors in that country, as the analyst or the import located them), then the
/// gazetteer. Built once per database and run.
public struct DestinationResolver: Sendable {
    /// A resolved destination and where its coordinates come from.
    public struct Destination: Sendable, Hashable {
        public var name: String
        public var location: Coordinate
        /// "GeoNames 625144 (CC BY 4.0)", an area's `located_by`, or "the database".
        public var source: String
    }

    /// A gazetteer given at init; nil means the built-in one, loaded on first use (a run
    /// without travel never reads it).
    private let gazetteer: Gazetteer?
    /// Database places by country code and folded name; the first factor (in id order) wins.
    private let databasePlaces: [String: [String: Destination]]
    /// `resolve`'s answers by the city as written (byte for byte) and its country: a portfolio
    /// names the same towns in every file, and three rules ask for each site's (each answer
    /// folds the name and searches the gazetteer).
    private let answers = Memo<Asked, Destination?>(capacity: 50_000)

    private struct Asked: Hashable {
        var city: ExactText
        var country: Country
    }

    public init(database: RiskDatabase, gazetteer: Gazetteer? = nil) {
        self.gazetteer = gazetteer
        var places: [String: [String: Destination]] = [:]
        func add(_ name: String, _ location: Coordinate, _ source: String?, _ country: Country) {
            let described = source.map { "\($0), as the database locates it" } ?? "as the database locates it"
            var names = [name]
            // "Bamako, French Embassy" also names Bamako.
            if let comma = name.firstIndex(of: ",") { names.append(String(name[..<comma])) }
            for name in names {
                let key = TextFolding.key(name)
                guard !key.isEmpty, places[country.code]?[key] == nil else { continue }
                places[country.code, default: [:]][key] = Destination(name: name, location: location, source: described)
            }
        }
        // Named areas first, then event places located at the place itself, then those located
        // near it; an event located only to its region (ACLED precision 3) does not locate a city.
        for factor in database.factors {
            for area in factor.areas where area.geometry == nil {
                if let location = area.location { add(area.name, location, area.locatedBy, factor.country) }
            }
        }
        for nearOnly in [false, true] {
            for factor in database.factors {
                for event in factor.events where (event.geoPrecision ?? 1) == (nearOnly ? 2 : 1) {
                    if let place = event.place, let location = event.location { add(place, location, event.locatedBy, factor.country) }
                }
            }
        }
        databasePlaces = places
    }

    /// The coordinates of `city` in `country`, or nil when neither the database nor the
    /// gazetteer knows it.
    public func resolve(_ city: String, in country: Country) -> Destination? {
        answers.value(for: Asked(city: ExactText(city), country: country)) { resolveAnew(city, in: country) }
    }

    private func resolveAnew(_ city: String, in country: Country) -> Destination? {
        if let found = resolveExactly(city, in: country) { return found }
        // "Pemba City", "Minsk City", "Cidade de Pemba", "город Минск": a name neither source
        // knows is read without the generic word for a town, and the source says so.
        guard let bare = Self.withoutTownWord(city), var found = resolveExactly(bare, in: country) else { return nil }
        found.source += "; “\(city.trimmingCharacters(in: .whitespaces))” read as “\(bare)”"
        return found
    }

    private func resolveExactly(_ city: String, in country: Country) -> Destination? {
        let key = TextFolding.key(city.trimmingCharacters(in: .whitespaces))
        if let known = databasePlaces[country.code]?[key] { return known }
        guard let place = (gazetteer ?? Gazetteer.shared)?.place(named: city, in: country) else { return nil }
        return Destination(name: place.name, location: place.location, source: place.source)
    }

    /// Generic words for a town before or after its name, in the languages of the places the
    /// database covers (English, French, Portuguese, Russian, Belarusian, Ukrainian).
    static let townPrefixes = [
        "city of ", "town of ", "ville de ", "ville d'", "cidade de ", "cidade da ", "cidade do ", "vila de ", "город ", "горад ",
        "місто ", "г. ",
    ]
    static let townSuffixes = [" city", " town", " ville", " cidade", " город", " горад"]

    /// The name without a generic word for a town ("Pemba City" → "Pemba"), or nil when it has none.
    static func withoutTownWord(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        for prefix in townPrefixes where lower.hasPrefix(prefix) && lower.count > prefix.count {
            return String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for suffix in townSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
