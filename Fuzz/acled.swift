// libFuzzer target: bytes as an ACLED CSV export → the importer, then FactorWriter.yaml and
// RiskDatabaseLoader beside the real seeds/database.yaml. A thrown InputError is the expected
// answer to bad input. A crash, a hang, an ASan report, or an imported factor file that the
// database loader refuses (the importer wrote a file it cannot read back) is a bug.
import Foundation

private let countries = try! CountryTable.builtin()
private let vocabularies = try! VocabularyLoader.load(countries: countries)
private let importer = ACLEDImporter(countries: countries, actors: try! ActorAliases.builtin(), snapshotDate: Day(iso: "2020-09-30"))
private let loader = RiskDatabaseLoader(countries: countries, vocabularies: vocabularies)
private let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
private let metadata = [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent("database.yaml").path) ?? Data())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let imported = try importer.importFile(bytes: bytes, file: "acled.csv")
        let yaml = Array(FactorWriter.yaml(imported).utf8)
        do throws(InputError) {
            _ = try loader.load(files: [("database.yaml", "db/database.yaml", metadata), ("factors/imported.yaml", "db/factors/imported.yaml", yaml)], path: "db")
        } catch {
            fatalError("the imported factors do not load:\n\(error)\n--- factors ---\n\(String(decoding: yaml.prefix(4_000), as: UTF8.self))")
        }
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
