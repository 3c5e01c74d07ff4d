import Foundation

/// A grid index of points on the sphere for "every point within r km of here" queries, built once
/// and shared by every query (the conflict-proximity rule builds one per database, not per policy).
///
/// Points are bucketed by latitude row and longitude column of `cellDegrees` and stored sorted by
/// cell, so the points of a run of cells in one row are contiguous. A query visits the rows the
/// search cap can reach and, in each, the columns within the cap's widest longitude half-width
/// `asin(sin δ / cos φ)` (δ the angular radius); it then tests every candidate exactly with the
/// haversine formula, in its squared form (`hav(d/R) ≤ hav(r/R)`, no square root or arcsine).
///
/// - Antimeridian: the column range wraps modulo 360°, as two runs when it crosses ±180°.
/// - Poles: when the cap reaches a pole, every column of the rows near it is searched.
/// - Cost: O(n log n) to build; per query, one binary search per row plus the candidates.
public struct SpatialIndex: Sendable {
    /// Latitude and longitude of each point in radians, in cell order; `payload` maps back to the
    /// caller's index.
    private let latitudes: [Double]
    private let longitudes: [Double]
    private let cosines: [Double]
    private let payload: [Int32]
    /// The cell key of each point (`row * columns + column`), ascending.
    private let keys: [Int32]
    /// `rowStart[row]` is the first position whose key is in `row`; `rowStart[rows]` = count.
    private let rowStart: [Int32]
    private let rows: Int
    private let columns: Int
    private let cell: Double

    /// Largest number of points one index holds.
    public static let maxPoints = Int(Int32.max) - 1

    /// Indexes `points`; the query results refer to them by position. `cellDegrees` (0.05 to 30)
    /// trades rows visited against candidates tested: about the usual query radius suits best.
    public init(points: [Coordinate], cellDegrees: Double = 1) {
        let cell = min(30, max(0.05, cellDegrees))
        let rows = Int((180 / cell).rounded(.up))
        let columns = Int((360 / cell).rounded(.up))
        self.cell = cell
        self.rows = rows
        self.columns = columns
        let count = min(points.count, Self.maxPoints)
        var keyed: [(key: Int32, index: Int32)] = []
        keyed.reserveCapacity(count)
        for index in 0..<count {
            let point = points[index]
            guard point.lat.isFinite, point.lon.isFinite else { continue }
            let row = Self.row(point.lat, cell: cell, rows: rows)
            let column = Self.column(point.lon, cell: cell, columns: columns)
            keyed.append((Int32(row * columns + column), Int32(index)))
        }
        keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        var latitudes = [Double](), longitudes = [Double](), cosines = [Double]()
        latitudes.reserveCapacity(keyed.count)
        longitudes.reserveCapacity(keyed.count)
        cosines.reserveCapacity(keyed.count)
        for entry in keyed {
            let point = points[Int(entry.index)]
            let φ = max(-90, min(90, point.lat)) * .pi / 180
            latitudes.append(φ)
            longitudes.append(point.lon * .pi / 180)
            cosines.append(cos(φ))
        }
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.cosines = cosines
        self.payload = keyed.map(\.index)
        self.keys = keyed.map(\.key)
        var rowStart = [Int32](repeating: 0, count: rows + 1)
        var position = 0
        for row in 0...rows {
            while position < keyed.count, Int(keyed[position].key) / columns < row { position += 1 }
            rowStart[row] = Int32(position)
        }
        self.rowStart = rowStart
    }

    /// Number of points indexed.
    public var count: Int { payload.count }

    /// Calls `body` with the index of every point within `radiusKm` of `center` (great-circle
    /// distance, boundary included), in no particular order.
    public func forEach(within radiusKm: Double, of center: Coordinate, _ body: (Int) -> Void) {
        guard radiusKm >= 0, center.lat.isFinite, center.lon.isFinite, !payload.isEmpty else { return }
        let δ = min(.pi, radiusKm / Coordinate.earthRadiusKm)
        let halfAngle = sin(δ / 2)
        let limit = halfAngle * halfAngle
        let φ = max(-90, min(90, center.lat)) * .pi / 180
        let λ = center.lon * .pi / 180
        let cosφ = cos(φ)
        let δDegrees = δ * 180 / .pi
        let latitude = max(-90, min(90, center.lat))
        let lowRow = Self.row(latitude - δDegrees, cell: cell, rows: rows)
        let highRow = Self.row(latitude + δDegrees, cell: cell, rows: rows)
        // Widest longitude half-width of the cap; every column when it reaches a pole.
        var allColumns = abs(latitude) + δDegrees >= 90
        var halfWidth = 180.0
        if !allColumns {
            let ratio = sin(δ) / cos(latitude * .pi / 180)
            if ratio >= 1 { allColumns = true } else { halfWidth = asin(ratio) * 180 / .pi }
        }
        if halfWidth * 2 + 2 * cell >= 360 { allColumns = true }
        // One or two runs of columns, held in place (an array of them was made for every query).
        var firstRun = (0, columns - 1)
        var secondRun: (Int, Int)?
        if !allColumns {
            let first = Int(((center.lon - halfWidth + 180) / cell).rounded(.down))
            let last = Int(((center.lon + halfWidth + 180) / cell).rounded(.down))
            let wrappedFirst = ((first % columns) + columns) % columns
            let span = last - first
            if wrappedFirst + span < columns {
                firstRun = (wrappedFirst, wrappedFirst + span)
            } else {
                firstRun = (wrappedFirst, columns - 1)
                secondRun = (0, wrappedFirst + span - columns)
            }
        }
        // A point further in latitude than the cap's angle (with a margin far above rounding) is
        // outside it whatever its longitude: `a` is at least sin²(Δφ/2), which then exceeds the
        // limit. Skipped without its sines.
        let latitudeSlack = δ * (1 + 1e-9) + 1e-12
        for row in lowRow...highRow {
            let rowLow = Int(rowStart[row]), rowHigh = Int(rowStart[row + 1])
            guard rowLow < rowHigh else { continue }
            for run in 0..<(secondRun == nil ? 1 : 2) {
                let (firstColumn, lastColumn) = run == 0 ? firstRun : (secondRun ?? firstRun)
                let lowKey = Int32(row * columns + firstColumn), highKey = Int32(row * columns + lastColumn)
                var position = lowerBound(lowKey, rowLow, rowHigh)
                while position < rowHigh, keys[position] <= highKey {
                    let Δφ = latitudes[position] - φ
                    if abs(Δφ) <= latitudeSlack {
                        let sinΔφ = sin(Δφ / 2)
                        let sinΔλ = sin((longitudes[position] - λ) / 2)
                        let a = sinΔφ * sinΔφ + cosφ * cosines[position] * sinΔλ * sinΔλ
                        if a <= limit { body(Int(payload[position])) }
                    }
                    position += 1
                }
            }
        }
    }

    /// The indices of the points within `radiusKm` of `center`, ascending.
    public func indices(within radiusKm: Double, of center: Coordinate) -> [Int] {
        var found: [Int] = []
        forEach(within: radiusKm, of: center) { found.append($0) }
        return found.sorted()
    }

    /// How many points lie within `radiusKm` of `center`.
    public func count(within radiusKm: Double, of center: Coordinate) -> Int {
        var total = 0
        forEach(within: radiusKm, of: center) { _ in total += 1 }
        return total
    }

    private func lowerBound(_ key: Int32, _ low: Int, _ high: Int) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func row(_ lat: Double, cell: Double, rows: Int) -> Int {
        max(0, min(rows - 1, Int(((lat + 90) / cell).rounded(.down))))
    }

    /// The column of a longitude, wrapped into [-180, 180) first (180 is -180).
    static func column(_ lon: Double, cell: Double, columns: Int) -> Int {
        var wrapped = (lon + 180).truncatingRemainder(dividingBy: 360)
        if wrapped < 0 { wrapped += 360 }
        return max(0, min(columns - 1, Int((wrapped / cell).rounded(.down))))
    }
}
