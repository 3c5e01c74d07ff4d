// libFuzzer target: bytes → PolicyLoader.load(bytes:file:). Built by scripts/fuzz.sh into the
// library's own module (DiligenceKit), so no import is needed. A thrown InputError is the
// expected answer to bad input; a crash, a hang, or an ASan report is a bug.
//
// It also checks the fast path (PolicyEventLoader) against the slow path (YAMLReader and
// SchemaValidator): where the slow path accepts, the fast path gives nil or the same Policy;
// where the slow path throws, the fast path gives nil. A violation stops the run (fatalError).
private let loader: PolicyLoader = {
    let countries = try! CountryTable.builtin()
    let vocabularies = try! VocabularyLoader.load(countries: countries)
    return PolicyLoader(countries: countries, vocabularies: vocabularies)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fast = loader.eventLoader.load(bytes: bytes, file: "fuzz.yaml", limits: loader.limits)
    do throws(InputError) {
        let policy = try loader.loadValidating(bytes: bytes, file: "fuzz.yaml")
        if let fast, fast != policy {
            fatalError("the fast path built a different policy\nfast: \(fast)\nslow: \(policy)")
        }
        // Touch what the rules read, so a bad value built by the loader is used, not just stored.
        _ = policy.sites.count + policy.trade.count + policy.counterparties.count + policy.travel.count
    } catch {
        if let fast {
            fatalError("the fast path built a policy the slow path rejects: \(fast)\n\(error)")
        }
        // Every problem must be located and printable.
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
