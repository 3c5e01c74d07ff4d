// spatial-bench: times DiligenceKit's SpatialIndex on points written by
// benchmarks/spatial/make_points.py (float64 little-endian latitude, longitude pairs).
//
//   spatial-bench EVENTS.bin SITES.bin RADIUS_KM [CELL_DEGREES]
//
// Prints one line: build and query seconds and the number of (site, event) pairs within the
// radius, for benchmarks/spatial/run.sh to set beside scipy's cKDTree.
import DiligenceKit
import Foundation

func readPoints(_ path: String) -> [Coordinate]? {
    guard let data = FileManager.default.contents(atPath: path), data.count % 16 == 0 else { return nil }
    var points: [Coordinate] = []
    points.reserveCapacity(data.count / 16)
    data.withUnsafeBytes { raw in
        for offset in stride(from: 0, to: raw.count, by: 16) {
            let lat = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            let lon = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            points.append(Coordinate(lat: lat, lon: lon))
        }
    }
    return points
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let events = readPoints(arguments[1]), let sites = readPoints(arguments[2]),
    let radius = Double(arguments[3])
else {
    FileHandle.standardError.write(Data("usage: spatial-bench EVENTS.bin SITES.bin RADIUS_KM [CELL_DEGREES]\n".utf8))
    exit(64)
}
let cell = arguments.count > 4 ? Double(arguments[4]) ?? 0.5 : 0.5
let clock = ContinuousClock()
let buildStart = clock.now
let index = SpatialIndex(points: events, cellDegrees: cell)
let build = clock.now - buildStart
let queryStart = clock.now
var pairs = 0
for site in sites { pairs += index.count(within: radius, of: site) }
let query = clock.now - queryStart
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
print(
    String(
        format: "swift SpatialIndex: build_s=%.3f query_s=%.3f total_s=%.3f pairs=%d events=%d sites=%d cell=%.2f",
        seconds(build), seconds(query), seconds(build) + seconds(query), pairs, index.count, sites.count, cell))
