// libFuzzer target: bytes as an OpenSanctions FollowTheMoney JSON lines export →
// OpenSanctionsImporter.importFile, then ListWriter.yaml and RiskDatabaseLoader.
// A thrown InputError is the expected answer to bad input. A crash, a hang, an ASan report, or an
// imported list that the database loader refuses (the importer wrote a file it cannot read back)
// is a bug.
import Foundation

private let countries = try! CountryTable.builtin()
private let importer = OpenSanctionsImporter(countries: countries, snapshotDate: Day(iso: "2024-05-03"))
private let loader = RiskDatabaseLoader(countries: countries, vocabularies: try! VocabularyLoader.load(countries: countries))
private let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
private let metadata = [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent("database.yaml").path) ?? Data())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let list = try importer.importFile(bytes: bytes, file: "entities.ftm.json")
        let yaml = Array(ListWriter.yaml(list).utf8)
        do throws(InputError) {
            _ = try loader.load(files: [("database.yaml", "db/database.yaml", metadata), ("lists/imported.yaml", "db/lists/imported.yaml", yaml)], path: "db")
        } catch {
            fatalError("the imported list does not load:\n\(error)\n--- list ---\n\(String(decoding: yaml.prefix(4_000), as: UTF8.self))")
        }
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
