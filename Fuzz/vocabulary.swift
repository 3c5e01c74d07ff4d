// libFuzzer target: bytes as a vocabulary file (`vocabulary: NAME`, `terms:`) →
// VocabularyLoader.parse, then merged into the built-in vocabulary of its kind, as
// VocabularyLoader.load does for a database's vocabularies/ folder.
// A thrown InputError is the expected answer to bad input; a crash, a hang, or an ASan report is a bug.
private let countries = try! CountryTable.builtin()
private let builtin = try! VocabularyLoader.load(countries: countries)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        let (kind, terms) = try VocabularyLoader.parse(bytes, file: "fuzz.yaml", countries: countries)
        var vocabulary = builtin[kind]
        for term in terms { vocabulary.add(term) }
        for term in terms {
            _ = vocabulary.resolve(term.id)
            for synonym in term.synonyms { _ = vocabulary.resolve(synonym) }
            _ = vocabulary.closure(of: term.id)
            for prefix in term.hsPrefixes { _ = vocabulary.goods(forHSCode: prefix + "00") }
        }
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
