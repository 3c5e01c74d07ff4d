// libFuzzer target: bytes as a GeoJSON area file → GeoJSONReader.read, then the distance of a
// few points to the area. A thrown InputError is the expected answer to bad input; a crash, a
// hang, or an ASan report is a bug.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let area = try GeoJSONReader.read(bytes, file: "area.geojson")
        for point in [Coordinate(lat: -12.96, lon: 40.38), Coordinate(lat: 89.9, lon: 179.9), Coordinate(lat: 0, lon: -180)] {
            _ = area.contains(point)
            _ = area.distanceKm(from: point)
            _ = area.distanceToEdgeKm(from: point)
        }
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
