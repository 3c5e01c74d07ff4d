/// Given names of other languages as Chinese writes them by convention (亚历山大 for Alexander and
/// Aleksandr, 约翰 for John, 何塞 for José), from `Resources/screening/han-given-names.tsv`. These
/// renderings follow the name's history rather than its sounds, so the sound skeletons of
/// `Transcription` miss them: "yalishanda" has no k, and "yuehan", "bide", "qiaozhi" are not
/// "john", "pyotr", "george" by any sound rule.
///
/// Only a word read as a Chinese transcription (two Han characters or more, a part of a dotted
/// foreign name: "亚历山大·博尔特尼科夫") is looked up (`index(of:)`), once per query word; the
/// comparison then asks whether a listed word is one of the rendering's names (`names(_:contain:)`),
/// by folded key, without a copy.
struct HanGivenNames: Sendable {
    /// The folded keys of the Latin names of each rendering, by its place.
    private var keys: [[[UInt8]]] = []
    /// The place of each rendering, by its pinyin as a query reads it ("yalishanda").
    private var places: [String: Int32] = [:]

    /// Parses the table, reporting every malformed line; `pinyin` reads a word of Han characters
    /// as a query's transcribed word is read, `key` folds a Latin name as a listed word is.
    init(text: String, path: String, pinyin: (String) -> String?, key: (String) -> [UInt8]?) throws(InputError) {
        var rows: [(han: [Substring], names: [Substring])] = []
        try DataTableLines.read(text, path: path) { columns in
            let names = columns.count == 3 ? columns[2].split(separator: "|") : []
            guard columns.count == 3, !names.isEmpty, names.allSatisfy({ $0.utf8.allSatisfy(ASCII.isLower) }),
                [columns[0], columns[1]].allSatisfy({ $0.unicodeScalars.count >= 2 && $0.unicodeScalars.allSatisfy { Transliterator.isHan($0.value) } })
            else { return "expected simplified Han characters<TAB>traditional Han characters<TAB>Latin names (lower case, |-separated)" }
            rows.append(([columns[0], columns[1]], names))
            return nil
        }
        for row in rows {
            let place = Int32(keys.count)
            keys.append(row.names.compactMap { key(String($0)) })
            for han in row.han {
                if let reading = pinyin(String(han)), places[reading] == nil { places[reading] = place }
            }
        }
    }

    /// The built-in table, read with the standard normaliser; nil when it is missing or malformed
    /// (`builtin()` says why).
    static let standard: HanGivenNames? = try? builtin()

    static func builtin() throws(InputError) -> HanGivenNames {
        let (bytes, path) = try BuiltinResources.data("screening/han-given-names.tsv")
        return try HanGivenNames(
            text: String(decoding: bytes, as: UTF8.self), path: path,
            pinyin: { NameNormalizer.standard.normalize($0 + "·" + $0).tokens.first?.text },
            key: { NameNormalizer.standard.normalize($0).tokens.first.map { Array($0.key.utf8) } })
    }

    /// The place of the rendering a transcribed word's text is, or -1.
    func index(of text: ArraySlice<UInt8>) -> Int32 {
        places[String(decoding: text, as: UTF8.self)] ?? -1
    }

    /// Whether a listed word's folded key is one of the names of the rendering at `place`.
    func names(_ place: Int32, contain key: ArraySlice<UInt8>) -> Bool {
        keys.indices.contains(Int(place)) && keys[Int(place)].contains { $0.elementsEqual(key) }
    }
}
