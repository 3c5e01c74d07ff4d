// libFuzzer target: bytes as a list file (`entities:`) of a database, beside the real
// seeds/database.yaml and one real factor file → RiskDatabaseLoader.load(files:path:).
// A thrown InputError is the expected answer to bad input; a crash, a hang, or an ASan report is a bug.
import Foundation

private let countries = try! CountryTable.builtin()
private let loader = RiskDatabaseLoader(countries: countries, vocabularies: try! VocabularyLoader.load(countries: countries))
private let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
private let metadata = [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent("database.yaml").path) ?? Data())
private let factor = [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent("factors/by-eu-sanctions.yaml").path) ?? Data())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let database = try loader.load(files: [("database.yaml", "db/database.yaml", metadata),
                                               ("factors/by-eu-sanctions.yaml", "db/factors/by-eu-sanctions.yaml", factor),
                                               ("lists/fuzz.yaml", "db/lists/fuzz.yaml", bytes)], path: "db")
        // Screening reads every name and alias of the listed entities.
        _ = NameScreener(entities: database.entities).screen("Aliaksandr Lukashenka", threshold: 0.85)
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
