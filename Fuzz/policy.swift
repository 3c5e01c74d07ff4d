// libFuzzer target: bytes → PolicyLoader.load(bytes:file:). Built by scripts/fuzz.sh into the
// library's own module (DiligenceKit), so no import is needed. A thrown InputError is the
// expected answer to bad input; a crash, a hang, or an ASan report is a bug.
private let loader: PolicyLoader = {
    let countries = try! CountryTable.builtin()
    let vocabularies = try! VocabularyLoader.load(countries: countries)
    return PolicyLoader(countries: countries, vocabularies: vocabularies)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let policy = try loader.load(bytes: bytes, file: "fuzz.yaml")
        // Touch what the rules read, so a bad value built by the loader is used, not just stored.
        _ = policy.sites.count + policy.trade.count + policy.counterparties.count + policy.travel.count
    } catch {
        // Every problem must be located and printable.
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
