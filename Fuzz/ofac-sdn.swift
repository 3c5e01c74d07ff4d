// libFuzzer target: bytes as OFAC's sdn.csv (first byte even) or alt.csv (odd), beside a small real
// counterpart → OFACImporter.importFiles(sdn:alt:), then ListWriter.yaml and RiskDatabaseLoader.
// A thrown InputError is the expected answer to bad input. A crash, a hang, an ASan report, or an
// imported list that the database loader refuses (the importer wrote a file it cannot read back)
// is a bug.
import Foundation

private let countries = try! CountryTable.builtin()
private let importer = OFACImporter(countries: countries, snapshotDate: Day(iso: "2024-05-03"))
private let loader = RiskDatabaseLoader(countries: countries, vocabularies: try! VocabularyLoader.load(countries: countries))
private let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
private let metadata = [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent("database.yaml").path) ?? Data())
private let sdn = Array("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n22543,\"PRIVATE MILITARY COMPANY 'WAGNER GROUP'\",-0- ,\"RUSSIA-EO14024] [UKRAINE-EO13660\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Organization Established Date 2014.\"\r\n".utf8)
private let alt = Array("36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n22543,36460,\"aka\",\"CHVK WAGNER\",-0- \r\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let asAlt = data[0] & 1 == 1
    do throws(InputError) {
        let list = try importer.importFiles(sdn: (asAlt ? sdn : bytes, "sdn.csv"), alt: (asAlt ? bytes : alt, "alt.csv"))
        roundTrip(list)
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}

/// The importer's output must load as a list file of a database.
func roundTrip(_ list: ImportedList) {
    let yaml = Array(ListWriter.yaml(list).utf8)
    do throws(InputError) {
        _ = try loader.load(files: [("database.yaml", "db/database.yaml", metadata), ("lists/imported.yaml", "db/lists/imported.yaml", yaml)], path: "db")
    } catch {
        fatalError("the imported list does not load:\n\(error)\n--- list ---\n\(String(decoding: yaml.prefix(4_000), as: UTF8.self))")
    }
}
