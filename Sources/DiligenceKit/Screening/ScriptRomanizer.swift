/// Romanises the scripts ICU has no usable transform for here, from the table
/// `Resources/screening/romanisation.tsv` (its header cites the standards): Thai (RTGS), Lao,
/// Khmer (UNGEGN), Myanmar (the conventional spelling of Burmese names), Sinhala and Tibetan.
///
/// These are abugidas: a consonant carries a vowel of its own unless a vowel sign replaces it or
/// a virama kills it. Each word is read by the longest sequence of the table at each point;
/// letters of other scripts are passed through for ICU. "ปูติน" → "putin", "ហ៊ុន" → "hun",
/// "မင်းအောင်လှိုင်" → "min aung hlaing" (a Burmese name written as one word is cut into its
/// syllables, which the scorer joins again where a list writes them together).
struct ScriptRomanizer: Sendable {
    /// The scripts of the table, by Unicode block.
    enum Script: String, CaseIterable, Sendable {
        case thai, lao, khmer, myanmar, sinhala, tibetan

        init?(_ value: UInt32) {
            switch value {
            case 0x0E00...0x0E7F: self = .thai
            case 0x0E80...0x0EFF: self = .lao
            case 0x0F00...0x0FFF: self = .tibetan
            case 0x1000...0x109F: self = .myanmar
            case 0x1780...0x17FF: self = .khmer
            case 0x0D80...0x0DFF: self = .sinhala
            default: return nil
            }
        }

        /// The vowel a consonant carries when no sign follows ("" where the romanisation
        /// writes none: Thai, Lao and Khmer leave unwritten vowels out).
        var inherentVowel: String {
            switch self {
            case .thai, .lao, .khmer: ""
            case .myanmar, .sinhala, .tibetan: "a"
            }
        }
    }

    /// What a table entry does (the role column).
    enum Role: Character, Sendable {
        case consonant = "C", medial = "M", vowelSign = "S", preposedVowel = "P", vowel = "V"
        case afterVowel = "F", killer = "K", silencer = "X", syllableBreak = "B", ignored = "I"
    }

    struct Entry: Sendable {
        var latin: String
        var role: Role
    }

    private var tables: [Script: [String: Entry]] = [:]
    private var longest: [Script: Int] = [:]

    /// Parses the table, reporting every malformed line.
    init(text: String, path: String) throws(InputError) {
        try DataTableLines.read(text, path: path) { row in
            let columns = row.map(String.init)
            guard columns.count == 4, let script = Script(rawValue: columns[0]), !columns[1].isEmpty,
                let roleLetter = columns[3].first, columns[3].count == 1, let role = Role(rawValue: roleLetter)
            else { return "expected SCRIPT<TAB>letters<TAB>Latin<TAB>role (C, M, S, P, V, F, K, X, B or I)" }
            guard columns[1].unicodeScalars.allSatisfy({ Script($0.value) == script }) else {
                return "'\(columns[1])' has letters outside the \(script.rawValue) script"
            }
            let latin = columns[2] == "-" ? "" : columns[2]
            guard latin.utf8.allSatisfy(ASCII.isLower) else {
                return "the Latin column must be small ASCII letters or '-', found '\(columns[2])'"
            }
            if tables[script]?[columns[1]] != nil { return "'\(columns[1])' is already in the \(script.rawValue) table" }
            tables[script, default: [:]][columns[1]] = Entry(latin: latin, role: role)
            longest[script] = max(longest[script] ?? 1, columns[1].unicodeScalars.count)
            return nil
        }
    }

    /// The built-in table, or nil when it is missing or malformed (`builtin()` says why).
    static let standard: ScriptRomanizer? = try? builtin()

    static func builtin() throws(InputError) -> ScriptRomanizer {
        let (bytes, path) = try BuiltinResources.data("screening/romanisation.tsv")
        return try ScriptRomanizer(text: String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Whether a text holds letters of a script of the table.
    static func applies(to text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x0D80 && $0.value <= 0x17FF && Script($0.value) != nil }
    }

    /// A word with the letters of the table's scripts romanised and other letters as they were.
    /// `syllables`: cut a Burmese word into its syllables (for a name written without spaces).
    /// `keepingSilenced`: read the letters a cancellation mark silences too (`SilencedLetters`).
    func latin(_ word: String, syllables: Bool, keepingSilenced: Bool = false) -> String {
        let scalars = Array(word.unicodeScalars)
        var output = ""
        var index = 0
        while index < scalars.count {
            // Zero-width joiners and non-joiners shape the letters around them ("ද්‍ර"): not letters.
            if scalars[index].value == 0x200D || scalars[index].value == 0x200C {
                index += 1
                continue
            }
            guard let script = Script(scalars[index].value), let table = tables[script] else {
                output.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Script(scalars[end].value) == script || scalars[end].value == 0x200D || scalars[end].value == 0x200C { end += 1 }
            output += romanise(
                scalars[index..<end], script, table, syllables: syllables && script == .myanmar, keepingSilenced: keepingSilenced)
            index = end
        }
        return output
    }

    /// One run of letters of a script.
    private func romanise(
        _ run: ArraySlice<Unicode.Scalar>, _ script: Script, _ table: [String: Entry], syllables: Bool, keepingSilenced: Bool
    ) -> String {
        // Tokens by the longest sequence of the table; ignored marks dropped first, so that a
        // tone mark between a consonant and its final does not hide the pair.
        var letters: [Unicode.Scalar] = []
        for scalar in run where table[String(scalar)]?.role != .ignored && scalar.value != 0x200D && scalar.value != 0x200C { letters.append(scalar) }
        var tokens: [Entry] = []
        var index = 0
        let maximum = longest[script] ?? 1
        while index < letters.count {
            if let (found, length) = letters.longestEntry(from: index, maximum: maximum, { table[$0] }) {
                tokens.append(found)
                index += length
            } else {
                // Not in the table (a digit, a rare sign): a word break.
                tokens.append(Entry(latin: "", role: .syllableBreak))
                index += 1
            }
        }
        var output = ""
        var pendingInherent = false
        var preposed: String?
        // Whether the last letters written are a consonant and the preposed vowel it took.
        var endsWithPreposed = false
        var lastConsonantStart: String.Index?
        // Tibetan writes a syllable's final consonant without a mark: after the syllable's
        // vowel, a consonant carries none ("ཅིན" → "cin").
        var syllableHasVowel = false
        func flush() {
            if pendingInherent, !(script == .tibetan && syllableHasVowel) {
                output += script.inherentVowel
                syllableHasVowel = true
            }
            pendingInherent = false
        }
        for (position, token) in tokens.enumerated() {
            let next = position + 1 < tokens.count ? tokens[position + 1] : nil
            let afterPreposed = endsWithPreposed
            endsWithPreposed = false
            switch token.role {
            case .consonant:
                flush()
                if syllables, !output.isEmpty, output.last != " " { output += " " }
                lastConsonantStart = output.endIndex
                output += token.latin
                if let vowel = preposed {
                    output += vowel
                    preposed = nil
                    endsWithPreposed = true
                } else {
                    pendingInherent = true
                }
            case .medial:
                output += token.latin
            case .vowelSign:
                if afterPreposed, let vowel = Self.compoundVowel(script, written: output, sign: token.latin) {
                    // A vowel written around its consonant ("เซีย", "sia"): the preposed part is not read again.
                    output.removeLast()
                    output += vowel
                    pendingInherent = false
                    syllableHasVowel = true
                    continue
                }
                output += token.latin
                pendingInherent = false
                syllableHasVowel = true
            case .preposedVowel:
                flush()
                preposed = token.latin
            case .vowel:
                flush()
                if syllables, !output.isEmpty, output.last != " " { output += " " }
                // A vowel carrier (Thai and Lao อ/ອ) before a vowel sign is silent.
                if let vowel = preposed {
                    output += vowel
                    preposed = nil
                } else if next?.role != .vowelSign {
                    output += token.latin
                }
                lastConsonantStart = nil
            case .afterVowel:
                flush()
                output += token.latin
            case .killer:
                pendingInherent = false
            case .silencer:
                // Thai thanthakhat, Lao and Khmer cancellation marks: the letter before is not read
                // (unless kept: it is a letter of the foreign name the script transcribes).
                if !keepingSilenced, let start = lastConsonantStart, start <= output.endIndex {
                    output.removeSubrange(start..<output.endIndex)
                }
                pendingInherent = false
                lastConsonantStart = nil
            case .syllableBreak:
                flush()
                if let vowel = preposed { output += vowel }
                preposed = nil
                if !output.isEmpty, output.last != " " { output += " " }
                syllableHasVowel = false
            case .ignored:
                break
            }
        }
        flush()
        if let vowel = preposed { output += vowel }
        while output.last == " " { output.removeLast() }
        return output
    }

    /// A Thai vowel written in two parts around its consonant, the preposed "เ" (read "e") and
    /// the sign after it, read as RTGS reads the pair: "เ◌ีย" is "ia" ("เซียร์เกย์", Sergei, read
    /// "sia...", not "seia..."), "เ◌ือ" is "uea". Nil for other pairs (each part read alone).
    static func compoundVowel(_ script: Script, written: String, sign: String) -> String? {
        guard script == .thai, written.last == "e" else { return nil }
        switch sign {
        case "ia": return "ia"
        case "ue": return "uea"
        default: return nil
        }
    }
}
