/// Country outlines for the maps (`Resources/outlines/countries.tsv`, made from Natural Earth by
/// `scripts/make-outlines.py`): per covered country, its outline and its neighbours', clipped to
/// the region its maps can show. Loaded once; empty when the file is missing (maps are then
/// drawn without outlines, and say so).
public struct CountryOutlines: Sendable {
    /// One ring: the region it was cut for, its country's code and name, and its points.
    public struct Ring: Sendable {
        public var region: String
        public var country: String
        public var name: String
        public var points: [Coordinate]
        public var south: Double, west: Double, north: Double, east: Double
    }

    public let rings: [Ring]
    /// The first comment line of the file (the data's source and version).
    public let attribution: String?

    public static let builtIn: CountryOutlines = {
        guard let (bytes, _) = try? BuiltinResources.data("outlines/countries.tsv") else { return CountryOutlines(rings: [], attribution: nil) }
        return CountryOutlines(parsing: String(decoding: bytes, as: UTF8.self))
    }()

    init(rings: [Ring], attribution: String?) {
        self.rings = rings
        self.attribution = attribution
    }

    /// Reads the file's lines: `region TAB country TAB name TAB lon,lat lon,lat …`; a line that
    /// does not parse is skipped (the file is generated, not edited by hand).
    /// Split on the bytes of the separators (all ASCII), not on Characters: the file holds
    /// 190 lines of about 20,000 coordinates, read once a process.
    public init(parsing text: String) {
        var rings: [Ring] = []
        var attribution: String?
        for lineBytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(lineBytes)
            if line.hasPrefix("#") {
                if attribution == nil { attribution = String(line.dropFirst().drop { $0 == " " }) }
                continue
            }
            let fields = lineBytes.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 4 else { continue }
            let points = Self.points(Array(fields[3].utf8))
            guard points.count >= 3 else { continue }
            let lats = points.map(\.lat), lons = points.map(\.lon)
            rings.append(
                Ring(
                    region: String(fields[0]), country: String(fields[1]), name: String(fields[2]), points: points,
                    south: lats.min() ?? 0, west: lons.min() ?? 0, north: lats.max() ?? 0, east: lons.max() ?? 0))
        }
        self.init(rings: rings, attribution: attribution)
    }

    /// The `lon,lat` pairs of a ring's column, separated by spaces (a pair that is not two
    /// numbers is skipped), read on the bytes.
    static func points(_ column: [UInt8]) -> [Coordinate] {
        var points: [Coordinate] = []
        points.reserveCapacity(column.count / 14)
        column.withUnsafeBufferPointer { bytes in
            for pair in bytes.split(separator: UInt8(ascii: " ")) {
                let parts = pair.split(separator: UInt8(ascii: ","))
                guard parts.count == 2, let lon = number(parts[0]), let lat = number(parts[1]) else { continue }
                points.append(Coordinate(lat: lat, lon: lon))
            }
        }
        return points
    }

    /// A coordinate's number: read from its bytes when it has a plain decimal's shape (the
    /// file's do), by `Double` otherwise; the same value either way.
    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        DecimalText.value(bytes) ?? Double(String(decoding: bytes, as: UTF8.self))
    }

    /// The rings to draw for a map of `country` showing the box: those cut for that country's
    /// region when the file has it, else those of any region, that reach into the box.
    public func rings(for country: String, in box: (south: Double, west: Double, north: Double, east: Double)) -> [Ring] {
        let regional = rings.contains { $0.region == country } ? rings.filter { $0.region == country } : rings
        var seen: Set<String> = []
        return regional.filter { ring in
            guard ring.east >= box.west, ring.west <= box.east, ring.north >= box.south, ring.south <= box.north else { return false }
            // The same ring cut for two regions is drawn once.
            let key = ring.country + "|" + (ring.points.first?.description ?? "") + "|\(ring.points.count)"
            return seen.insert(key).inserted
        }
    }
}
