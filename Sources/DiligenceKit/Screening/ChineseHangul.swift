/// Chinese names written in Hangul by the Korean standard for Chinese ("천취안궈" for 陈全国,
/// "왕쥔정" for 王君正), read back in pinyin ("chen quanguo"), as lists write Chinese names. ICU
/// reads the Hangul as Korean ("cheon chwi an gwo"), which no spelling rule turns into "Quanguo".
///
/// The table `Resources/screening/chinese-hangul.tsv` (made by
/// `benchmarks/screening/make_chinese_hangul.py`, which cites the standard) gives each Mandarin
/// syllable's Hangul spelling; a word is read by the longest spelling of the table at each
/// point. Hangul does not tell every pinyin syllable apart (ㅈ writes j and zh, ㅍ p and f, ㄹ l
/// and r), so a name has up to `maximumReadings` readings, each screened.
///
/// Only a name that is recognisably a transcription of Chinese is read so: Hangul words alone,
/// every syllable a spelling of the table, and at least one spelling that is no Sino-Korean
/// syllable (the table's third column: 궈, 쥔, 핑, or two syllables, 취안, 타오), which Korean
/// names, made of the readings of Han characters, do not have. "김정은" (김 is no Mandarin
/// syllable) and "예준 이", "이정수" (every syllable Sino-Korean) stay Korean.
struct ChineseHangul: Sendable {
    private var readings: [String: (pinyin: [String], sinoKorean: Bool)] = [:]
    private var longest = 1

    /// Every pinyin syllable of the table (every Mandarin syllable).
    var pinyinSyllables: Set<String> { Set(readings.values.flatMap(\.pinyin)) }

    /// How many readings of one name are screened at most.
    static let maximumReadings = 8

    /// Parses the table, reporting every malformed line.
    init(text: String, path: String) throws(InputError) {
        try DataTableLines.read(text, path: path) { columns in
            let pinyin = columns.count == 3 ? columns[1].split(separator: " ").map(String.init) : []
            guard columns.count == 3, columns[2] == "K" || columns[2] == "-", !columns[0].isEmpty,
                columns[0].unicodeScalars.allSatisfy({ Transliterator.isHangulSyllable($0.value) }),
                !pinyin.isEmpty, pinyin.allSatisfy({ $0.utf8.allSatisfy(ASCII.isLower) })
            else { return "expected Hangul syllables<TAB>pinyin syllables separated by spaces<TAB>K or -" }
            readings[String(columns[0])] = (pinyin, columns[2] == "K")
            longest = max(longest, columns[0].unicodeScalars.count)
            return nil
        }
    }

    /// The built-in table, or nil when it is missing or malformed (`builtin()` says why).
    static let standard: ChineseHangul? = try? builtin()

    static func builtin() throws(InputError) -> ChineseHangul {
        let (bytes, path) = try BuiltinResources.data("screening/chinese-hangul.tsv")
        return try ChineseHangul(text: String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// The pinyin syllables of each Hangul syllable run of a word, or nil when a part is no
    /// spelling of the table.
    private func syllables(_ word: [Unicode.Scalar]) -> [(pinyin: [String], sinoKorean: Bool)]? {
        var result: [([String], Bool)] = []
        var index = 0
        while index < word.count {
            guard let (found, length) = word.longestEntry(from: index, maximum: longest, { readings[$0] }) else { return nil }
            result.append(found)
            index += length
        }
        return result
    }

    /// The name's readings in pinyin ("chen quanguo": a name written as one word is a surname
    /// of one syllable and a given name), at most `maximumReadings`; empty when the name is not
    /// recognisably Chinese written in Hangul.
    func pinyin(_ name: String) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == "-" || $0 == "," })
        guard !words.isEmpty, words.count <= 3 else { return [] }
        var parts: [[[String]]] = []  // per word, per syllable, the alternatives
        var foreign = false
        for word in words {
            let scalars = Array(word.unicodeScalars)
            guard scalars.allSatisfy({ Transliterator.isHangulSyllable($0.value) }), let read = syllables(scalars) else { return [] }
            if read.contains(where: { !$0.sinoKorean }) { foreign = true }
            parts.append(read.map(\.pinyin))
        }
        let syllableCount = parts.reduce(0) { $0 + $1.count }
        guard foreign, (2...5).contains(syllableCount) else { return [] }
        // One word: the first syllable is the surname, the rest the given name.
        if parts.count == 1, parts[0].count >= 2 { parts = [[parts[0][0]], Array(parts[0].dropFirst())] }
        var names: [String] = []
        for word in parts {
            var spellings = [""]
            for alternatives in word {
                spellings = Array(spellings.flatMap { prefix in alternatives.map { prefix + $0 } }.prefix(Self.maximumReadings))
            }
            names = names.isEmpty ? spellings : names.flatMap { name in spellings.map { name + " " + $0 } }
            names = Array(names.prefix(Self.maximumReadings))
        }
        return names
    }
}

extension NameScreener {
    /// When the query is a Chinese name written in Hangul (`ChineseHangul`), its pinyin
    /// readings, with the words their matches' reason starts with ("read as Chinese written in
    /// Hangul, 천취안궈 → chen quanguo: ...").
    /// Chinese names in Georgian and Armenian are read here too (`georgianArmenianChineseReadings`).
    func chineseReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        let caucasian = georgianArmenianChineseReadings(of: query)
        guard caucasian.isEmpty else { return caucasian }
        guard query.name.unicodeScalars.contains(where: { Transliterator.isHangulSyllable($0.value) }),
            let table = ChineseHangul.standard
        else { return [] }
        return table.pinyin(query.name).map { ($0, "read as Chinese written in Hangul, \(query.name) → \($0): ") }
    }
}
