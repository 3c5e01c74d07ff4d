/// Chinese names written in Georgian and Armenian. Both write a Chinese name as Russian does,
/// by the Palladius system (`ChineseCyrillic`), letter for letter in their own alphabet: the
/// Georgian Wikipedia titles Wang Junzheng "ვან ძიუნჯენი" (Russian "Ван Цзюньчжэн", with
/// Georgian's nominative "-ი"), the Armenian "Վան Ցզյունչժեն"; Xia Baolong is "სია ბაოლუნი" and
/// "Սյա Բաոլուն" ("Ся Баолун"). ICU reads them "van dziunjeni", "van tsyzyunchzhen", which no
/// fold makes "Wang Junzheng".
///
/// So each letter is put back into the Cyrillic it stands for (the Georgian and Armenian
/// transliteration of Russian: ძ and ցզ for "цз", ჯ and չժ for "чж", იუ and յու for "ю") and the
/// result read by `ChineseCyrillic`, which takes only names that are recognisably Chinese.
/// Neither alphabet has Russian's soft sign, which Palladius uses to tell "-нь" (pinyin -n)
/// from "-н" (-ng): every choice is read, up to `maximumReadings`, "-ng" first.
enum ChineseGeorgianArmenian {
    /// Readings of one name at most.
    static let maximumReadings = 8

    /// Georgian letters (one or two) and the Cyrillic they write, longest first.
    static let georgian: [(String, String)] = [
        ("იუ", "ю"), ("ია", "я"), ("იე", "е"), ("ა", "а"), ("ბ", "б"), ("გ", "г"), ("დ", "д"), ("ე", "э"), ("ვ", "в"), ("ზ", "з"),
        ("თ", "т"), ("ი", "и"), ("კ", "к"), ("ლ", "л"), ("მ", "м"), ("ნ", "н"), ("ო", "о"), ("პ", "п"), ("ჟ", "ж"), ("რ", "р"),
        ("ს", "с"), ("ტ", "т"), ("უ", "у"), ("ფ", "ф"), ("ქ", "к"), ("ღ", "г"), ("ყ", "к"), ("შ", "ш"), ("ჩ", "ч"), ("ც", "ц"),
        ("ძ", "цз"), ("წ", "ц"), ("ჭ", "ч"), ("ხ", "х"), ("ჯ", "чж"), ("ჰ", "х"),
    ]

    /// Armenian letters (lower case, one to three) and the Cyrillic they write, longest first.
    static let armenian: [(String, String)] = [
        ("յու", "ю"), ("ու", "у"), ("յա", "я"), ("յե", "е"), ("ա", "а"), ("բ", "б"), ("գ", "г"), ("դ", "д"), ("ե", "э"), ("զ", "з"),
        ("է", "э"), ("ը", "ы"), ("թ", "т"), ("ժ", "ж"), ("ի", "и"), ("լ", "л"), ("խ", "х"), ("ծ", "ц"), ("կ", "к"), ("հ", "х"),
        ("ձ", "цз"), ("ղ", "г"), ("ճ", "ч"), ("մ", "м"), ("յ", "й"), ("ն", "н"), ("շ", "ш"), ("ո", "о"), ("չ", "ч"), ("պ", "п"),
        ("ջ", "чж"), ("ռ", "р"), ("ս", "с"), ("վ", "в"), ("տ", "т"), ("ր", "р"), ("ց", "ц"), ("փ", "п"), ("ք", "к"), ("օ", "о"),
        ("ֆ", "ф"),
    ]

    /// The script a name is written in, by its first letter of either alphabet.
    enum Script: String {
        case georgian = "Georgian"
        case armenian = "Armenian"
    }

    /// The script of the name, when it has Georgian or Armenian letters.
    static func script(of name: String) -> Script? {
        for scalar in name.unicodeScalars {
            if (0x10A0...0x10FF).contains(scalar.value) || (0x1C90...0x1CBF).contains(scalar.value) { return .georgian }
            if (0x0531...0x058F).contains(scalar.value) { return .armenian }
        }
        return nil
    }

    /// The name in Cyrillic, letter for letter; nil when a letter is neither the script's nor a
    /// space or hyphen. Georgian's nominative "-ი" after a final "ნ" is dropped ("ბაოლუნი").
    static func cyrillic(_ name: String, script: Script) -> String? {
        let table = script == .georgian ? georgian : armenian
        var words: [String] = []
        for word in name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" }) {
            var rest = Substring(word)
            var written = ""
            while !rest.isEmpty {
                guard let (letters, cyrillic) = table.first(where: { rest.hasPrefix($0.0) }) else { return nil }
                written += cyrillic
                rest = rest.dropFirst(letters.count)
            }
            if script == .georgian, written.count > 2, written.hasSuffix("ни") { written.removeLast() }
            words.append(written)
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The pinyin readings of a Chinese name written in Georgian or Armenian, every choice of
    /// "-н" and "-нь" (most "-н" first), at most `maximumReadings`; empty for other names.
    static func pinyin(_ name: String) -> [String] {
        guard let script = script(of: name), let cyrillic = cyrillic(name, script: script) else { return [] }
        let letters = Array(cyrillic)
        let vowels: Set<Character> = ["а", "э", "и", "о", "у", "ы", "я", "е", "ё", "ю"]
        // Each "н" that ends a syllable: before a consonant or at the end of a word.
        let ends = letters.indices.filter { index in
            letters[index] == "н" && (index + 1 == letters.count || !vowels.contains(letters[index + 1]))
        }.prefix(4)
        var readings: [String] = []
        for choice in 0..<(1 << ends.count) {
            var written = ""
            for (index, letter) in letters.enumerated() {
                written.append(letter)
                if let bit = ends.firstIndex(of: index), choice & (1 << (bit - ends.startIndex)) != 0 { written.append("ь") }
            }
            if let read = ChineseCyrillic.pinyin(written), !readings.contains(read) { readings.append(read) }
            if readings.count == maximumReadings { break }
        }
        return readings
    }
}

extension NameScreener {
    /// When the query is a Chinese name written in Georgian or Armenian (`ChineseGeorgianArmenian`),
    /// its pinyin readings, with the words their matches' reason starts with ("read as Chinese
    /// written in Georgian, სია ბაოლუნი → xia baolong: ...").
    func georgianArmenianChineseReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        guard let script = ChineseGeorgianArmenian.script(of: query.name) else { return [] }
        return ChineseGeorgianArmenian.pinyin(query.name).map {
            ($0, "read as Chinese written in \(script.rawValue), \(query.name) → \($0): ")
        }
    }
}
