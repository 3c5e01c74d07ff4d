// libFuzzer target: bytes as one factor file of a database (beside the real seeds/database.yaml,
// so references are checked against its sources) → RiskDatabaseLoader.load(files:path:).
// A thrown InputError is the expected answer to bad input; a crash, a hang, or an ASan report is a bug.
import Foundation

private let countries = try! CountryTable.builtin()
private let loader = RiskDatabaseLoader(countries: countries, vocabularies: try! VocabularyLoader.load(countries: countries))
private let metadata: [UInt8] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/database.yaml").path
    return [UInt8](FileManager.default.contents(atPath: path) ?? Data())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let database = try loader.load(files: [("database.yaml", "db/database.yaml", metadata),
                                               ("factors/fuzz.yaml", "db/factors/fuzz.yaml", bytes)], path: "db")
        _ = database.factors.count + database.entities.count
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
