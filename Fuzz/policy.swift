// libFuzzer target: bytes → PolicyLoader.load(bytes:file:). Built by scripts/fuzz.sh into the
// library's own module (DiligenceKit), so no import is needed. A thrown InputError is the
// expected answer to bad input; a crash, a hang, or an ASan report is a bug.
//
// It also checks the readers that feed PolicyDecoder against each other: the text read by the
// scanner or libyaml (as `load` reads it) and by YAMLReader's tree must give the same Policy,
// or the same problems. A violation stops the run (fatalError).
private let loader: PolicyLoader = {
    let countries = try! CountryTable.builtin()
    let vocabularies = try! VocabularyLoader.load(countries: countries)
    return PolicyLoader(countries: countries, vocabularies: vocabularies, ruleIDs: RuleRegistry.ids)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let read = loader.decode(bytes, file: "fuzz.yaml").result
    let tree = loader.decode(bytes, file: "fuzz.yaml", from: .tree).result
    switch (read, tree) {
    case (.success(let policy), .success(let reference)):
        if policy != reference {
            fatalError("the readers built different policies\nread: \(policy)\ntree: \(reference)")
        }
        // Touch what the rules read, so a bad value built by the loader is used, not just stored.
        _ = policy.sites.count + policy.trade.count + policy.counterparties.count + policy.travel.count
    case (.failure(let error), .failure(let reference)):
        if error.diagnostics != reference.diagnostics {
            fatalError("the readers found different problems\nread: \(error)\ntree: \(reference)")
        }
        // Every problem must be located and printable.
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    default:
        fatalError("one reader accepts what the other refuses\nread: \(read)\ntree: \(tree)")
    }
    return 0
}
