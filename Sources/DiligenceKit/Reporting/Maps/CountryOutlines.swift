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
    /// One pass over the bytes of the text (the separators are all ASCII), with no array of
    /// lines, fields or pairs: the file holds 190 lines of about 27,000 coordinates, read once a
    /// process, and splitting it into arrays was a tenth of a one-file check.
    public init(parsing text: String) {
        var text = text
        let (rings, attribution) = text.withUTF8 { Self.parse($0) }
        self.init(rings: rings, attribution: attribution)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (rings: [Ring], attribution: String?) {
        var rings: [Ring] = []
        var attribution: String?
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard !line.isEmpty else { continue }
            if line[0] == UInt8(ascii: "#") {
                if attribution == nil { attribution = String(decoding: line.dropFirst().drop { $0 == UInt8(ascii: " ") }, as: UTF8.self) }
                continue
            }
            // The four tab-separated fields (a fifth tab makes the line not parse).
            var tabs: [Int] = []
            for index in line.indices where line[index] == UInt8(ascii: "\t") {
                tabs.append(index)
                if tabs.count > 3 { break }
            }
            guard tabs.count == 3 else { continue }
            let points = Self.points(UnsafeBufferPointer(rebasing: line[(tabs[2] + 1)...]))
            guard points.count >= 3 else { continue }
            let lats = points.map(\.lat), lons = points.map(\.lon)
            rings.append(
                Ring(
                    region: String(decoding: line[..<tabs[0]], as: UTF8.self),
                    country: String(decoding: line[(tabs[0] + 1)..<tabs[1]], as: UTF8.self),
                    name: String(decoding: line[(tabs[1] + 1)..<tabs[2]], as: UTF8.self), points: points,
                    south: lats.min() ?? 0, west: lons.min() ?? 0, north: lats.max() ?? 0, east: lons.max() ?? 0))
        }
        return (rings, attribution)
    }

    /// The `lon,lat` pairs of a ring's column, separated by spaces (a pair that is not two
    /// numbers is skipped), read on the bytes.
    static func points(_ column: [UInt8]) -> [Coordinate] {
        column.withUnsafeBufferPointer { points($0) }
    }

    /// `points` on a buffer: each run of bytes between spaces is a pair when its comma-separated
    /// parts that are not empty are exactly two numbers (as splitting it on commas reads it).
    static func points(_ bytes: UnsafeBufferPointer<UInt8>) -> [Coordinate] {
        var points: [Coordinate] = []
        points.reserveCapacity(bytes.count / 14)
        var start = 0
        while start < bytes.count {
            // The pair's parts: the first two ranges between commas that are not empty, and
            // whether there are more.
            var first: Range<Int>?, second: Range<Int>?
            var end = start, partStart = start, more = false
            func closePart(at index: Int) {
                guard index > partStart else { return }
                if first == nil {
                    first = partStart..<index
                } else if second == nil {
                    second = partStart..<index
                } else {
                    more = true
                }
            }
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") {
                if bytes[end] == UInt8(ascii: ",") {
                    closePart(at: end)
                    partStart = end + 1
                }
                end += 1
            }
            closePart(at: end)
            defer { start = end + 1 }
            guard !more, let first, let second, let lon = number(bytes[first]), let lat = number(bytes[second]) else { continue }
            points.append(Coordinate(lat: lat, lon: lon))
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
