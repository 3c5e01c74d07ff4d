/// Sino-Vietnamese (Hán-Việt) readings of Han characters, from the table
/// `Resources/screening/sino-vietnamese.tsv` (made by
/// `benchmarks/screening/make_sino_vietnamese.py`, which names its sources).
///
/// Vietnamese writes Chinese and Korean names by the readings of their characters: 陳全國
/// (CHEN Quanguo) is "Trần Toàn Quốc", 金英哲 (KIM Yong Chol) "Kim Anh Triết"; Chinese writes a
/// Vietnamese name in the characters it stands for: Tô Lâm is 蘇林, which ICU reads "su lin".
/// No spelling rule gets from one to the other: the characters do.
///
/// - `vietnamese(_:)` reads a short name in Han characters in Vietnamese ("苏林" → "to lam").
/// - `chinese(_:)` reads a Vietnamese name back into the Mandarin syllables of its characters
///   ("Trần Toàn Quốc" → "chen quanguo"), `korean(_:hanja:)` into their Korean readings
///   ("Kim Anh Triết" → "김 영 철"). A syllable is read by several characters ("toàn" is 全 and
///   旋), so a name has a few readings, the commonest characters first.
struct SinoVietnamese: Sendable {
    /// The readings, lower case, with their tones ("lâm"), in the table's order.
    private var readings: [String] = []
    /// Each character's reading, by its place in `readings`.
    private var readingOf: [Unicode.Scalar: Int32] = [:]
    /// Each syllable (`syllableKey`), the characters read so and their Mandarin syllables without
    /// tones, commonest first; made only for the table that reads Vietnamese names
    /// (`withSyllables`), as the keys cost a Unicode decomposition each.
    private var syllables: [String: (characters: [Unicode.Scalar], pinyin: [String])] = [:]

    /// How many readings of one name are screened at most.
    static let maximumReadings = 8

    /// The common surnames of Vietnam (the fourteen commonest and others of the usual lists of
    /// Vietnamese surnames), by their reading: a name in Han characters is read in Vietnamese only
    /// when its first character reads as one, as Chinese writes a Vietnamese name surname first.
    static let surnames: Set<String> = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
        "dương", "lý", "tô", "đinh", "trương", "lâm", "mai", "đào", "lương", "trịnh", "đoàn", "vương", "hà", "tạ",
        "cao", "lưu", "châu", "thái", "quách", "phùng", "kiều", "tôn", "tăng", "hứa", "la", "lạc", "lã", "lữ",
        "thân", "triệu", "chu", "giang", "khổng", "mạc", "đàm", "văn", "diệp", "âu", "khúc", "lục", "nghiêm", "quan",
        "thạch", "tiêu", "từ", "ông", "viên", "vi", "doãn", "hàn", "hầu", "khương", "kim", "lạng", "lò", "mã", "nông",
        "thi", "trình", "tống", "vòng", "yên",
    ]

    /// Whether a match of a name read through the table is reported: a reading is a guess among
    /// the characters a syllable can stand for, so only a listed person whose name it spells,
    /// every word matched one for one (`ScreeningMatch.isExact`), is.
    static func accepts(_ match: ScreeningMatch) -> Bool { match.isExact && match.entity.kind == .person }

    /// Parses the table, reporting every malformed line; with `syllables`, the syllables' keys too.
    /// The lines and columns are cut as bytes (the text is Vietnamese and Han: cut as characters,
    /// the table cost 45 M instructions to load, more than a thousand names to screen).
    init(text: String, path: String, syllables withSyllables: Bool = false) throws(InputError) {
        var problems: [Diagnostic] = []
        for (number, line) in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let columns = line.split(separator: 0x09, omittingEmptySubsequences: false)
            let reading = columns.count == 3 ? String(decoding: columns[0], as: UTF8.self) : ""
            let characters = columns.count == 3 ? Array(String(decoding: columns[1], as: UTF8.self).unicodeScalars) : []
            guard !reading.isEmpty, reading.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }),
                !characters.isEmpty, characters.allSatisfy({ Transliterator.isHan($0.value) }),
                !columns[2].isEmpty, columns[2].allSatisfy({ ASCII.isLower($0) || $0 == 0x20 })
            else {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: path, line: number + 1, column: 1), .error,
                        "expected a Sino-Vietnamese reading<TAB>the Han characters read so<TAB>pinyin syllables separated by spaces"))
                continue
            }
            let index = Int32(readings.count)
            readings.append(reading)
            for character in characters where readingOf[character] == nil { readingOf[character] = index }
            if withSyllables, let key = Self.syllableKey(reading) {
                let pinyin = columns[2].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                syllables[key] = (characters, pinyin)
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
    }

    /// The built-in table, or nil when it is missing or malformed (`builtin()` says why): the
    /// characters' readings, which a name in Han characters needs.
    static let standard: SinoVietnamese? = try? builtin()

    /// The built-in table with its syllables, which a Vietnamese name needs.
    static let withSyllables: SinoVietnamese? = try? builtin(syllables: true)

    static func builtin(syllables: Bool = false) throws(InputError) -> SinoVietnamese {
        let (bytes, path) = try BuiltinResources.data("screening/sino-vietnamese.tsv")
        return try SinoVietnamese(text: String(decoding: bytes, as: UTF8.self), path: path, syllables: syllables)
    }

    /// A name of two to four Han characters (spaces aside, no middle dot: a dotted name is a
    /// foreign name transcribed by sound), the first a Vietnamese surname (`surnames`), read in
    /// Vietnamese: the readings as written ("Tô Lâm") and in ASCII, a word each ("to lam"); nil
    /// when a character has no reading.
    func vietnamese(_ name: String) -> (written: String, words: [String])? {
        var written: [String] = []
        for scalar in name.unicodeScalars where !scalar.properties.isWhitespace {
            guard Transliterator.isHan(scalar.value), let index = readingOf[scalar], written.count < 4 else { return nil }
            written.append(readings[Int(index)])
        }
        guard written.count >= 2, Self.surnames.contains(written[0]) else { return nil }
        let display = written.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return (display, written.map(Self.ascii))
    }

    /// The characters each word of a Vietnamese name can stand for, or nil when the name is not
    /// one: two to four words, each a syllable of the table, one at least with a letter only
    /// Vietnamese writes (`hasVietnameseLetter`).
    func characters(of name: String) -> [[Unicode.Scalar]]? {
        guard Self.hasVietnameseLetter(name) else { return nil }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        guard (2...4).contains(words.count) else { return nil }
        var result: [[Unicode.Scalar]] = []
        for word in words {
            guard let key = Self.syllableKey(word), let found = syllables[key] else { return nil }
            result.append(found.characters)
        }
        return result
    }

    /// A Vietnamese name read in pinyin, the surname first and the given name as one word
    /// ("Trần Toàn Quốc" → "chen quanguo"), at most `maximumReadings`, commonest characters first.
    func chinese(_ name: String) -> [String] {
        guard Self.hasVietnameseLetter(name) else { return [] }
        var read: [[String]] = []
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," }) {
            guard let key = Self.syllableKey(word), let found = syllables[key] else { return [] }
            read.append(found.pinyin)
        }
        guard (2...4).contains(read.count) else { return [] }
        var given = [""]
        for alternatives in read.dropFirst() {
            given = Array(given.flatMap { prefix in alternatives.map { prefix + $0 } }.prefix(Self.maximumReadings))
        }
        let names = read[0].flatMap { surname in given.map { surname + " " + $0 } }
        return Array(names.prefix(Self.maximumReadings))
    }

    /// A Vietnamese name read as a Korean name in Hangul, a syllable a word ("Kim Anh Triết" →
    /// "김 영 철"): the first word a character of a Korean surname, the others characters of
    /// Korean given names (`HanjaReading`); at most `maximumReadings`.
    func korean(_ name: String, hanja: HanjaReading) -> [String] {
        guard let words = characters(of: name), let first = words.first else { return [] }
        var names = unique(first.compactMap { hanja.surnameReading($0) }).map { String($0) }
        for found in words.dropFirst() {
            let alternatives = unique(found.compactMap { hanja.givenReading($0) })
            names = Array(names.flatMap { prefix in alternatives.map { prefix + " " + String($0) } }.prefix(Self.maximumReadings))
        }
        return names
    }

    private func unique(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var seen: [Unicode.Scalar] = []
        for scalar in scalars where !seen.contains(scalar) { seen.append(scalar) }
        return seen
    }

    /// Whether the name has a letter that only Vietnamese writes among the Latin scripts: ă, đ,
    /// ơ, ư, or a letter of the Latin Extended Additional block's Vietnamese part (ạ, ầ, ế, ỉ, ...).
    static func hasVietnameseLetter(_ name: String) -> Bool {
        guard name.utf8.contains(where: { $0 >= 0xC4 }) else { return false }
        return name.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0102, 0x0103, 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0...0x1EF9: true
            default: false
            }
        }
    }

    /// A syllable's key, the same whatever the case and wherever its tone mark is written ("hoà"
    /// and "hòa", "Lý" and "lí": the old and the new spellings): its letters with their vowel
    /// marks, then its tone. Nil when it is not letters alone.
    static func syllableKey<S: StringProtocol>(_ syllable: S) -> String? {
        var letters = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for scalar in syllable.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323: tone = scalar
            case 0x0302, 0x0306, 0x031B: letters.append(scalar)
            default:
                guard scalar.properties.isAlphabetic else { return nil }
                letters.append(scalar)
            }
        }
        var base = String(letters)
        // "lý" and "lí", "kỳ" and "kì": a consonant and y alone is written with i too.
        if letters.count == 2, letters.last == "y", let first = letters.first, "bdđhklmnstvx".unicodeScalars.contains(first) {
            base = String(first) + "i"
        }
        guard !base.isEmpty else { return nil }
        return base + (tone.map { String($0) } ?? "")
    }

    /// A reading in ASCII ("lâm" → "lam", "đặng" → "dang").
    static func ascii(_ reading: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in reading.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.isASCII || scalar == "đ" {
            result.append(scalar == "đ" ? "d" : scalar)
        }
        return String(result)
    }
}

extension NameScreener {
    /// A short name in Han characters read in Vietnamese ("苏林" → "to lam"), when every word of
    /// the reading is a word of the list; a Vietnamese name read as the Chinese or Korean name
    /// of its characters ("Trần Toàn Quốc" → "chen quanguo", the surname a word of the list).
    /// Each with the words its matches' reason starts with.
    func sinoVietnameseReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        let name = query.name
        guard name.utf8.contains(where: { $0 >= 0xC4 }) else { return [] }
        if name.unicodeScalars.contains(where: { Transliterator.isHan($0.value) }) {
            guard !name.contains("·"), let (written, words) = SinoVietnamese.standard?.vietnamese(name), words.allSatisfy(isListWord) else {
                return []
            }
            return [(words.joined(separator: " "), "read in Sino-Vietnamese, \(name) → \(written): ")]
        }
        guard SinoVietnamese.hasVietnameseLetter(name), let table = SinoVietnamese.withSyllables else { return [] }
        let chinese = table.chinese(name).filter { reading in reading.split(separator: " ").first.map { isListWord(String($0)) } ?? false }
        let korean = HanjaReading.standard.map { table.korean(name, hanja: $0) } ?? []
        return chinese.map { ($0, "read as the Chinese name of its characters, \(name) → \($0): ") }
            + korean.map { ($0, "read as the Korean name of its characters, \(name) → \($0.filter { !$0.isWhitespace }): ") }
    }

    /// Whether an ASCII word is, folded, a word of the list.
    func isListWord(_ word: String) -> Bool {
        index.vocabulary[String(decoding: normalizer.folds.apply(Array(word.utf8)), as: UTF8.self)] != nil
    }
}
