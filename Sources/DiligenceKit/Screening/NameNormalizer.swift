import Foundation

/// Turns a name in any script into classified tokens that can be compared:
///
/// 1. transliterated to Latin (`Transliterator`: BGN/PCGN for Cyrillic and Greek, ICU for the
///    rest), without diacritics;
/// 2. put in reading order: "LUKASHENKA, Alyaksandr" and "ЛУКАШЕНКО Александр" (surname in
///    capitals first) become given names then surname;
/// 3. split into words on spaces and punctuation ("S.A.R.L." and "L.L.C." are one word);
/// 4. classified with the data files of `ScreeningData`: legal forms ("LLC", "OOO", "Private
///    Military Company") become their own token class, titles opening the name ("Col.",
///    "President") are dropped, stop words ("of", "the") are dropped, particles ("al", "bin")
///    and initials are marked, patronymics are recognised by their ending;
/// 5. each token gets a key with transliteration spelling variants folded ("sh"/"s",
///    "y"/"i", "kh"/"h", doubled letters), so "Lukashenko"/"Lukasenko" and
///    "Grigoryevich"/"Grigorievich" compare equal.
public struct NameNormalizer: Sendable {
    public let data: ScreeningData
    /// Whether `WadeGiles.pinyin` is asked only of a text `WadeGiles.mayConvert` passes (false
    /// for tests: asked of every name).
    var preTestsWadeGiles = true
    /// Names longer than this many characters are cut: no real name is longer.
    public static let maxCharacters = 400
    /// At most this many tokens are kept.
    public static let maxTokens = 24

    /// The phrases of the data files with every word folded: words of a name are compared
    /// folded, so "ogranichennoy" and "ogranichennoi" are the same word of a legal form.
    let legalForms: [String: String]
    /// The first words of the multi-word legal forms (one, two, ... words short of the whole),
    /// as `legalForms` writes them: a phrase that is none of these starts no longer form.
    let legalFormPrefixes: Set<String>
    /// The words of the legal forms' keys (folded), to tell a short word that is only a form's
    /// folded key (`forms(of:)`).
    let legalWordKeys: Set<String>
    let titles: Set<String>
    let particles: Set<String>
    let stopwords: Set<String>
    /// The first words of multi-word legal forms and titles, to skip phrase look-ups quickly.
    let phraseStarts: Set<String>
    /// The words of legal forms (five letters or more), by the hashes of their one-deletion
    /// neighbourhood, so that "COPANY" and "LIMITRD" are still recognised.
    let legalWords: Set<String>
    let legalWordsByDeletion: [UInt64: [(text: String, key: String)]]
    /// The words of four letters or fewer of legal forms, particles, stop words and titles as
    /// written: a short word is one of these only as written, not because folding makes it one
    /// ("zhao" folds to "zao", a Russian legal form; "ck" to "k", as "kk"; "yi" to "i", a
    /// particle; "mks" to "mx", a title).
    let shortClassWords: Set<String>
    /// The patronymic endings, as bytes.
    let patronymicSuffixes: [[UInt8]]
    /// `data.spellingFolds`, ready to apply.
    let folds: SpellingFolds
    /// Folded given names → folded nicknames, and the reverse ("wiliam" ↔ "bil").
    let nicknames: [String: Set<String>]
    /// Folded place words (`places.txt`).
    let places: Set<String>
    /// Folded common surnames (`common-surnames.txt`).
    let commonSurnames: Set<String>
    /// A word as written → the folded key it is compared as ("seven" → "7", "intl" → "international").
    let equivalents: [String: String]
    /// The same for words that are not numbers, by their folded key, so that every spelling
    /// of the word folds to its equivalent ("volodymyr" and "volodimir" → "vladimir").
    let foldedEquivalents: [String: String]
    /// `forms(of:)` of the words met so far (shared by copies and threads).
    let wordForms = Memo<String, WordForms>(capacity: 200_000)

    public init(data: ScreeningData) {
        self.data = data
        // The compiled folds (the same keys as `fold(_:rules:)`, which tests hold): the tables
        // fold some 20,000 words when the normaliser is made.
        let compiled = SpellingFolds(data.spellingFolds)
        func fold(_ word: String) -> String { String(decoding: compiled.apply(Array(word.utf8)), as: UTF8.self) }
        func folded(_ phrase: String) -> String {
            // An ASCII phrase (most of the tables) is split on its space bytes, each a character;
            // one word (most of the 11,000 surnames) is folded as it is.
            var phrase = phrase
            let ascii: String? = phrase.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard bytes.contains(UInt8(ascii: " ")) else {
                    return bytes.isEmpty ? "" : String(decoding: compiled.apply(Array(bytes)), as: UTF8.self)
                }
                var result: [UInt8] = []
                result.reserveCapacity(bytes.count)
                for (position, word) in bytes.split(separator: UInt8(ascii: " ")).enumerated() {
                    if position > 0 { result.append(UInt8(ascii: " ")) }
                    result += compiled.apply(Array(word))
                }
                return String(decoding: result, as: UTF8.self)
            }
            return ascii ?? phrase.split(separator: " ").map { fold(String($0)) }.joined(separator: " ")
        }
        var forms: [String: String] = [:]
        for (form, formClass) in data.legalForms { forms[folded(form)] = formClass }
        // A word of a form with an equivalent that is itself a legal-form word ("federalnoe" /
        // "federal", "gosudarstvennoe" / "state", "predpriyatie" / "enterprise") is read in a
        // name as that word (`legalFormWord` of its key): the form is keyed so too, or
        // "FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE" is never found.
        let formWords = Set(data.legalForms.keys.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 5 }.map { fold($0) })
        for (form, formClass) in data.legalForms.sorted(by: { $0.key < $1.key }) {
            let words = form.split(separator: " ").map { word -> String in
                guard let equivalent = data.wordEquivalents[String(word)], !equivalent.utf8.allSatisfy(ASCII.isDigit) else { return fold(String(word)) }
                let key = fold(equivalent)
                return formWords.contains(key) ? key : fold(String(word))
            }
            let keyed = words.joined(separator: " ")
            if forms[keyed] == nil { forms[keyed] = formClass }
        }
        legalForms = forms
        var prefixes: Set<String> = []
        for form in forms.keys {
            let words = form.split(separator: " ")
            for length in 1..<max(words.count, 1) { prefixes.insert(words[..<length].joined(separator: " ")) }
        }
        legalFormPrefixes = prefixes
        titles = Set(data.titles.map(folded))
        particles = Set(data.particles.map(folded))
        stopwords = Set(data.stopwords.map(folded))
        phraseStarts = Set((Array(forms.keys) + Array(titles)).compactMap { $0.split(separator: " ").first.map(String.init) })
        // Legal-form words as written (before folding), with their folded keys.
        let written = Set(data.legalForms.keys.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 5 })
        var byDeletion: [UInt64: [(text: String, key: String)]] = [:]
        for word in written.sorted() {
            let key = fold(word)
            for hash in CandidateIndex.deletionHashes(Array(word.utf8)[...]) { byDeletion[hash, default: []].append((word, key)) }
        }
        legalWords = Set(written.map { fold($0) })
        legalWordKeys = Set(forms.keys.flatMap { $0.split(separator: " ").map(String.init) })
        legalWordsByDeletion = byDeletion
        shortClassWords = Set(
            (Array(data.legalForms.keys) + Array(data.particles) + Array(data.stopwords) + Array(data.titles)).flatMap {
                $0.split(separator: " ").map(String.init)
            }.filter { $0.utf8.count <= 4 })
        patronymicSuffixes = data.patronymicSuffixes.map { Array($0.utf8) }
        folds = compiled
        var nicknames: [String: Set<String>] = [:]
        for (name, nickname) in data.nicknames {
            let a = fold(name), b = fold(nickname)
            guard a != b else { continue }
            nicknames[a, default: []].insert(b)
            nicknames[b, default: []].insert(a)
        }
        self.nicknames = nicknames
        places = Set(data.places.map(folded))
        commonSurnames = Set(data.commonSurnames.map(folded))
        equivalents = data.wordEquivalents.mapValues { value in
            value.utf8.allSatisfy(ASCII.isDigit) ? value : fold(value)
        }
        var foldedEquivalents: [String: String] = [:]
        for (word, value) in data.wordEquivalents.sorted(by: { $0.key < $1.key }) where !value.utf8.allSatisfy(ASCII.isDigit) {
            let key = fold(word), target = fold(value)
            if key != target { foldedEquivalents[key] = target }
        }
        self.foldedEquivalents = foldedEquivalents
    }

    /// Whether two folded keys are a given name and its nickname ("bil", "wiliam").
    public func areNicknames(_ a: String, _ b: String) -> Bool {
        nicknames[a]?.contains(b) ?? false
    }

    /// The key of a word as written: its equivalent (`word-equivalents.tsv`), the number of an
    /// ordinal written with digits ("2nd" → "2"), or the folded word.
    func key(ofWord lower: String) -> String {
        if let equivalent = equivalents[lower] { return equivalent }
        let bytes = Array(lower.utf8)
        if bytes.count >= 3, let firstLetter = bytes.firstIndex(where: ASCII.isLetter), firstLetter > 0,
            bytes[..<firstLetter].allSatisfy(ASCII.isDigit), ["st", "nd", "rd", "th"].contains(String(decoding: bytes[firstLetter...], as: UTF8.self))
        {
            return String(decoding: bytes[..<firstLetter], as: UTF8.self)
        }
        let folded = String(decoding: folds.apply(bytes), as: UTF8.self)
        return foldedEquivalents[folded] ?? folded
    }

    /// The key of the legal-form word a word is, or is one edit away from as written (five
    /// letters or more: "COPANY", "JOONT"); the word's own key otherwise.
    func legalFormWord(text: String, key: String) -> String {
        guard text.utf8.count >= 5, !legalWords.contains(key) else { return key }
        let bytes = Array(text.utf8)[...]
        for hash in CandidateIndex.deletionHashes(bytes) {
            for candidate in legalWordsByDeletion[hash] ?? [] where StringDistance.editDistance(bytes, Array(candidate.text.utf8)[...], limit: 1) <= 1 {
                return candidate.key
            }
        }
        return key
    }

    /// The normaliser on the built-in data files.
    public static let standard = NameNormalizer(data: .standard)

    /// The comparison keys of a name's identifying tokens, in reading order.
    public static func tokens(_ name: String) -> [String] {
        standard.normalize(name).keys
    }

    /// Latin script, no diacritics, lower-case, apostrophes removed.
    public static func latinLower(_ name: String) -> String {
        latinLower(ofLatin: Transliterator.latin(name))
    }

    /// `latinLower` of a name whose Latin form (`Transliterator.latin`) is made already.
    static func latinLower(ofLatin latin: String) -> String {
        latin.lowercased().filter { $0 != "'" && $0 != "’" }
    }

    /// What a word is wherever it occurs: its forms and what the data files say of it.
    struct WordForms {
        var text: String
        /// The folded word.
        var key: String
        /// `legalFormWord` of the word: the key of the legal-form word it is or nearly is.
        var legalKey: String
        /// The key is a legal form on its own ("llc").
        var isLegalForm: Bool
        /// A legal form (by `legalKey`) or a title (by `key`) may start with the word.
        var startsLegalForm: Bool
        var startsTitle: Bool
        var isStopword: Bool
        var isParticle: Bool
        var isPatronymic: Bool
    }

    /// A word of the name before classification.
    struct Word {
        var forms: WordForms
        /// Where the comma-separated segment it belongs to starts and ends (word indices).
        var segmentStart: Int
        var segmentEnd: Int

        var text: String { forms.text }
        var key: String { forms.key }
        var legalKey: String { forms.legalKey }
    }

    /// Normalises a name.
    public func normalize(_ name: String) -> NormalizedName {
        normalizeKeepingLatin(name).name
    }

    /// Normalises a name, and gives `Transliterator.latin` of the name too (made on the way),
    /// nil for a name longer than `maxCharacters` bytes, of which only the start is normalised.
    /// `latinOnlyPath` false takes the general path for every name (for tests).
    func normalizeKeepingLatin(_ name: String, latinOnlyPath: Bool = true) -> (name: NormalizedName, latin: String?) {
        var cut = name.utf8.count > Self.maxCharacters ? String(name.prefix(Self.maxCharacters)) : name
        // ASCII needs no transliteration (`Transliterator.latin` returns it unchanged).
        let ascii = UTF8Scan.allBelow(cut, 0x80)
        // "عبد" and the article one word, the name after them another (`ArabicArticle.regrouped`);
        // ain's UTF-8 bytes are D8 B9.
        if !ascii, UTF8Scan.contains(cut, 0xD8, 0xB9) { cut = ArabicArticle.regrouped(cut) }
        // Latin letters with diacritics only (`isLatinOnly`): no script to read, so romanised
        // word by word as `latinAndTranscriptions` would, without its scans for other scripts.
        let latinOnly = latinOnlyPath && !ascii && Self.isLatinOnly(cut)
        var (romanised, transcribed) =
            ascii ? (cut, []) : (latinOnly ? (Transliterator.latinByWord(cut, .none), []) : Transliterator.latinAndTranscriptions(cut))
        let latinOfName = name.utf8.count > Self.maxCharacters ? nil : romanised
        if romanised != cut {
            // Chinese names in Palladius Cyrillic in pinyin, Korean names written the Russian
            // way in the lists' spelling (`ChineseCyrillic`, `KoreanCyrillic`). A Latin-only name
            // has no Cyrillic, and is a Korean name only with a "č" (lead byte 0xC4).
            if !latinOnly {
                romanised = ChineseCyrillic.pinyin(cut) ?? (Self.mayBeKoreanName(romanised) ? KoreanCyrillic.listSpelling(romanised, source: cut) : romanised)
            } else if cut.utf8.contains(0xC4), Self.mayBeKoreanName(romanised) {
                romanised = KoreanCyrillic.listSpelling(romanised, source: cut)
            }
        }
        // Most names' first word is no Wade-Giles syllable: `pinyin` not asked (`WadeGiles.mayConvert`).
        let latin = !preTestsWadeGiles || WadeGiles.mayConvert(romanised) ? WadeGiles.pinyin(romanised) : romanised
        // After transliteration the text is ASCII; anything ICU could not romanise separates words.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(latin.utf8.count)
        for byte in latin.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            case 0x80...: bytes.append(0x20)
            default: bytes.append(byte)
            }
        }
        let (ordered, reordered) = readingOrder(bytes)
        var name = classify(words(ordered), original: name, reordered: reordered)
        name.writtenLastFirst = reordered && bytes.contains(UInt8(ascii: ","))
        if name.writtenLastFirst, let comma = bytes.firstIndex(of: UInt8(ascii: ",")), !bytes[..<comma].contains(UInt8(ascii: "-")) {
            name.surnameWords = Self.plainWordCount(bytes[..<comma])
        }
        if !transcribed.isEmpty { Self.markTranscriptions(&name, transcribed) }
        // Arabic script and Hebrew are neither ASCII nor Latin.
        if !ascii, !latinOnly, AbjadComparison.isAbjad(cut) { Self.markAbjad(&name, source: cut) }
        return (name, latinOfName)
    }

    /// False when `KoreanCyrillic.listSpelling` surely returns the romanised name as it is: an
    /// ASCII name (its words between spaces are its words between space bytes) of other than two
    /// to four words, or whose first word, lower-cased, is no Korean surname it knows. Asked
    /// before it, which splits the name by characters (most Cyrillic names are Russian).
    static func mayBeKoreanName(_ latin: String) -> Bool {
        var latin = latin
        return latin.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return true }
            var words = 0, first: [UInt8] = [], start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if words == 0 { first = bytes[start..<end].map { ASCII.isUpper($0) ? $0 | 0x20 : $0 } }
                words += 1
                start = end
            }
            return (2...4).contains(words) && KoreanCyrillic.surnames.contains(String(decoding: first, as: UTF8.self))
        }
    }

    /// Whether every character of the text is below U+0240 (ASCII, Latin-1, Latin Extended-A
    /// and most of -B), by its UTF-8 bytes: every lead byte below 0xC9. Such a text has no
    /// Cyrillic, Greek, combining mark or other script (`Transliterator.Scripts`: word by word,
    /// no Cyrillic table), no syllables to separate and no transcription.
    static func isLatinOnly(_ text: String) -> Bool {
        UTF8Scan.allBelow(text, 0xC9)
    }

    /// Marks the tokens that came from a word written in Arabic script or Hebrew: they are read
    /// as an abjad writes (`AbjadComparison`), short vowels unwritten.
    /// Each token is told what its word's letters say that its Latin letters do not
    /// (`AbjadLetters`): a Hebrew word's "dh" is two letters, an Arabic-script word opened with
    /// an ain that ICU does not write.
    static func markAbjad(_ name: inout NormalizedName, source: String) {
        var words: [String: AbjadLetters] = [:]
        // The words as `Transliterator` reads them in the name (`persianReading`).
        for word in Transliterator.persianReading(source).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        where AbjadComparison.isAbjad(String(word)) {
            let letters = AbjadLetters(of: word)
            var first = true
            forEachPlainWord(Array(Transliterator.latin(String(word)).utf8)[...]) { plain in
                // The ain opens the word's first plain word only.
                words[plain, default: []].formUnion(first ? letters : letters.subtracting(.openingAin))
                first = false
                return true
            }
        }
        for index in name.tokens.indices {
            guard let letters = words[name.tokens[index].text] else { continue }
            name.tokens[index].isAbjad = true
            name.tokens[index].abjadLetters = letters
        }
    }

    /// Marks the tokens that came from a word read as a transcription with its script.
    static func markTranscriptions(_ name: inout NormalizedName, _ transcribed: [(word: String, script: Transcription.Script)]) {
        var scripts: [String: Transcription.Script] = [:]
        for (word, script) in transcribed {
            forEachPlainWord(Array(word.utf8)[...]) { plain in
                scripts[plain] = script
                return true
            }
        }
        for index in name.tokens.indices where name.tokens[index].kind == .name {
            name.tokens[index].transcription = scripts[name.tokens[index].text]
        }
    }

    // MARK: Reading order

    /// "LAST, First Middle" → "First Middle LAST"; "LAST First" with the surname alone in
    /// capitals → "First LAST". Organisation names (with a legal form) are left alone.
    /// `firstWordTest` false reads every word before deciding (for tests).
    func readingOrder(_ text: [UInt8], firstWordTest: Bool = true) -> ([UInt8], Bool) {
        var commas = 0, comma = 0
        for (index, byte) in text.enumerated() where byte == UInt8(ascii: ",") {
            commas += 1
            comma = index
        }
        if commas == 1 {
            let last = text[..<comma], first = text[(comma + 1)...]
            if (1...3).contains(Self.plainWordCount(last)), (1...4).contains(Self.plainWordCount(first)),
                !last.contains(where: ASCII.isDigit), !first.contains(where: ASCII.isDigit),
                !containsLegalFormWord(last), !containsLegalFormWord(first)
            {
                return (Array(ASCII.trimmed(first)) + [0x20] + Array(ASCII.trimmed(last)), true)
            }
            return (text, false)
        }
        guard commas == 0 else { return (text, false) }
        // Only a first word in capitals is moved: most names leave at their first word.
        var firstStart = 0
        while firstStart < text.count, ASCII.isSpace(text[firstStart]) { firstStart += 1 }
        var firstEnd = firstStart
        while firstEnd < text.count, !ASCII.isSpace(text[firstEnd]) { firstEnd += 1 }
        guard !firstWordTest || Self.isCapitals(text[firstStart..<firstEnd]) else { return (text, false) }
        var words: [Range<Int>] = []
        words.reserveCapacity(6)
        var start: Int?
        for index in 0...text.count {
            if index < text.count, !ASCII.isSpace(text[index]) {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(wordStart..<index)
                start = nil
                if words.count > 5 { return (text, false) }
            }
        }
        guard words.count >= 2 else { return (text, false) }
        let isCapitals = words.map { Self.isCapitals(text[$0]) }
        let capitalsCount = isCapitals.filter { $0 }.count
        guard capitalsCount > 0, capitalsCount < words.count else { return (text, false) }
        // The others must be written as names ("Alexander"), not in lower case.
        let othersCapitalised = zip(words, isCapitals).allSatisfy { word, capitals in
            capitals || ASCII.isUpper(text[word.lowerBound]) || !ASCII.isLetter(text[word.lowerBound])
        }
        // Surname in capitals first: move it to the end. (The legal-form test, which reads every
        // word's forms, only where the order would change: "ACME Trading" keeps its order anyway.)
        guard othersCapitalised, isCapitals.first == true, let split = isCapitals.firstIndex(of: false), !isCapitals[split...].contains(true),
            !containsLegalFormWord(text[...])
        else { return (text, false) }
        return (Array((words[split...] + words[..<split]).map { text[$0] }.joined(separator: [0x20])), true)
    }

    /// Two letters or more, all capitals (other bytes ignored).
    static func isCapitals(_ word: ArraySlice<UInt8>) -> Bool {
        var letters = 0
        for byte in word where ASCII.isLetter(byte) {
            guard ASCII.isUpper(byte) else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Whether a word of the text (split on anything but letters and digits, dotted
    /// abbreviations joined: "S.A.") is a legal form.
    func containsLegalFormWord(_ text: ArraySlice<UInt8>) -> Bool {
        var found = false
        // The chunks between spaces, without an array of them.
        var index = text.startIndex
        while index < text.endIndex, !found {
            guard !ASCII.isSpace(text[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.endIndex, !ASCII.isSpace(text[end]) { end += 1 }
            Self.forEachPlainWord(Self.joiningDottedLetters(text[index..<end])) { word in
                found = forms(of: word).isLegalForm
                return !found
            }
            index = end
        }
        return found
    }

    /// A lower-case word's forms and classes, computed once per word and run: the words of a
    /// portfolio's names repeat ("trading", "logistics", surnames), and folding, the legal-form
    /// look-up and the set look-ups of classification were a tenth of screening. Keyed by the
    /// word itself (ASCII letters and digits, mostly short enough to be stored inline).
    func forms(of lower: String) -> WordForms {
        if let known = wordForms.value(for: lower) { return known }
        let key = key(ofWord: lower)
        // A short word that only its folded key makes a legal form, particle or stop word is a name.
        let foldedOnly = lower.utf8.count <= 4 && key != lower && !shortClassWords.contains(lower)
        // A short word written as no legal-form word whose key is one's folded key ("tu", a
        // name word, is the key of Kazakh "too") is no legal form either: "-" is no form's key.
        // A single letter ("u", the key of Estonian "oü") is left as it was.
        let keyOfAnother =
            lower.utf8.count >= 2 && lower.utf8.count <= 4 && key == lower && !shortClassWords.contains(lower) && legalWordKeys.contains(key)
        let legalKey = foldedOnly ? lower : (keyOfAnother ? "-" : legalFormWord(text: lower, key: key))
        let forms = WordForms(
            text: lower, key: key, legalKey: legalKey, isLegalForm: !foldedOnly && !keyOfAnother && legalForms[key] != nil,
            startsLegalForm: phraseStarts.contains(legalKey), startsTitle: !foldedOnly && phraseStarts.contains(key),
            isStopword: !foldedOnly && stopwords.contains(key), isParticle: !foldedOnly && particles.contains(key), isPatronymic: isPatronymic(lower))
        wordForms.store(forms, for: lower)
        return forms
    }

    /// The number of words of a text split on anything but letters and digits.
    static func plainWordCount(_ text: ArraySlice<UInt8>) -> Int {
        var count = 0, inWord = false
        for byte in text {
            let alphanumeric = ASCII.isAlphanumeric(byte)
            if alphanumeric, !inWord { count += 1 }
            inWord = alphanumeric
        }
        return count
    }

    /// Calls `body` with each run of letters and digits of `text`, lower-cased, in order,
    /// while it returns true.
    static func forEachPlainWord(_ text: ArraySlice<UInt8>, _ body: (String) -> Bool) {
        var index = text.startIndex
        while index < text.endIndex {
            guard ASCII.isAlphanumeric(text[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.endIndex, ASCII.isAlphanumeric(text[end]) { end += 1 }
            let word = String(unsafeUninitializedCapacity: end - index) { buffer in
                for offset in 0..<(end - index) { buffer[offset] = ASCII.lowercased(text[index + offset]) }
                return end - index
            }
            guard body(word) else { return }
            index = end
        }
    }

    // MARK: Words

    /// Lower-case words with their comma segment; dotted abbreviations joined ("s.a.r.l." → "sarl").
    func words(_ text: [UInt8]) -> [Word] {
        var result: [Word] = []
        result.reserveCapacity(8)
        var segmentStart = 0
        func endSegment() {
            for index in segmentStart..<result.count { result[index].segmentEnd = result.count }
            segmentStart = result.count
        }
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: ",") {
                endSegment()
                index += 1
            } else if ASCII.isSpace(text[index]) {
                index += 1
            } else {
                // A chunk: up to the next space or comma.
                var end = index + 1
                while end < text.count, text[end] != UInt8(ascii: ","), !ASCII.isSpace(text[end]) { end += 1 }
                Self.forEachPlainWord(Self.splittingJoinedWords(Self.joiningDottedLetters(text[index..<end]))) { word in
                    result.append(Word(forms: forms(of: word), segmentStart: segmentStart, segmentEnd: segmentStart))
                    return true
                }
                index = end
            }
        }
        endSegment()
        return result
    }

    /// Words written together with capitals ("OlafScholz", "DeutscheTelekomAG") split where a
    /// capital follows a small letter, when the part before has three letters or more and the
    /// part after two or more: "McDonald", "DeSantis" and "LaToya" stay whole, and so do
    /// "MacArthur" and "FitzGerald" (by their prefix).
    static func splittingJoinedWords(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        // Most words have no capital after a small letter: nothing to split.
        guard word.indices.dropFirst().contains(where: { ASCII.isUpper(word[$0]) && ASCII.isLower(word[$0 - 1]) }) else { return word }
        var result: [UInt8] = []
        var partStart = 0
        var changed = false
        for index in word.indices {
            let byte = word[index]
            if ASCII.isUpper(byte), index > word.startIndex, ASCII.isLower(word[index - 1]) {
                let part = result[partStart...]
                var rest = 0
                var cursor = index
                while cursor < word.endIndex, ASCII.isLetter(word[cursor]) { rest += 1; cursor += 1 }
                let prefix = String(decoding: part.map(ASCII.lowercased), as: UTF8.self)
                if part.count >= 3, part.allSatisfy(ASCII.isLetter), rest >= 2, prefix != "mac", prefix != "fitz" {
                    result.append(0x20)
                    changed = true
                    partStart = result.count
                }
            }
            if !ASCII.isLetter(byte) { partStart = result.count + 1 }
            result.append(byte)
        }
        return changed ? result[...] : word
    }

    /// "s.a.r.l." → "sarl", "l.l.c." → "llc": a dotted abbreviation is one word.
    static func joiningDottedLetters(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        // At least two dots, or it is not an abbreviation.
        guard word.lazy.filter({ $0 == UInt8(ascii: ".") }).count >= 2 else { return word }
        let parts = word.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.dropLast().allSatisfy({ $0.count == 1 }), let last = parts.last, last.count <= 1 else {
            return word
        }
        return ArraySlice(parts.joined())
    }

    // MARK: Classification

    func classify(_ words: [Word], original: String, reordered: Bool) -> NormalizedName {
        var tokens: [NameToken] = []
        var foundForms: [LegalForm] = []
        var foundTitles: [String] = []
        // The words in order as acronyms see them: name words, stop words and legal forms.
        var acronymParts: [Acronyms.Part] = []
        var index = 0
        // Spans of legal forms: short ones (two letters: "sa", "as", "ag") only where a segment
        // starts or ends, longer ones anywhere.
        tokens.reserveCapacity(words.count)
        acronymParts.reserveCapacity(words.count)
        // Only a word that may start a legal form starts one: without any, no table is made.
        let anyForm = words.contains { $0.forms.startsLegalForm }
        var formAt = [(length: Int, formClass: String)?](repeating: nil, count: anyForm ? words.count : 0)
        var position = 0
        while anyForm, position < words.count {
            if let form = legalForm(in: words, at: position) {
                formAt[position] = form
                position += form.length
            } else {
                position += 1
            }
        }
        func isEdgeForm(_ start: Int, _ length: Int) -> Bool {
            // Leading: only forms (or stop words) before it in its segment; trailing: only after.
            let segmentStart = words[start].segmentStart, segmentEnd = words[start].segmentEnd
            var cursor = segmentStart
            var leading = true
            while cursor < start {
                if let form = formAt[cursor] { cursor += form.length } else if words[cursor].forms.isStopword { cursor += 1 } else { leading = false; break }
            }
            if leading { return true }
            cursor = start + length
            while cursor < segmentEnd {
                if let form = formAt[cursor] { cursor += form.length } else if words[cursor].forms.isStopword { cursor += 1 } else { return false }
            }
            return true
        }
        while index < words.count {
            if anyForm, let form = formAt[index] {
                if words[index].text.utf8.count > 2 || form.length > 1 || isEdgeForm(index, form.length) {
                    foundForms.append(LegalForm(text: Self.phrase(words, index, form.length, \.text), formClass: form.formClass))
                    acronymParts.append(.legalForm(words[index..<(index + form.length)].map(\.text)))
                    index += form.length
                    continue
                }
            }
            let forms = words[index].forms, word = forms.text, key = forms.key
            if tokens.isEmpty, foundForms.isEmpty, let length = title(in: words, at: index), index + length < words.count {
                foundTitles.append(Self.phrase(words, index, length, \.text))
                // An organisation's name may open with one ("GENERAL BUREAU OF ATOMIC ENERGY", GBAE).
                for word in words[index..<(index + length)] { acronymParts.append(.word(word.text)) }
                index += length
                continue
            }
            index += 1
            if forms.isStopword {
                acronymParts.append(.stopword(word))
                continue
            }
            acronymParts.append(.word(word))
            let kind: NameToken.Kind
            if forms.isParticle {
                kind = .particle
            } else if word.utf8.count == 1, word.utf8.first.map(ASCII.isLetter) == true {
                kind = .initial
            } else {
                kind = .name
            }
            guard !key.isEmpty, tokens.count < Self.maxTokens else { continue }
            // "Fund III", "Pope John XXIII": a Roman numeral after the first word is its number.
            if !tokens.isEmpty, let number = Self.romanNumeral(word) {
                tokens.append(NameToken(text: word, key: String(number), kind: .name))
                continue
            }
            // "Twenty-One", "twenty one": tens and units written as words are one number.
            if let previous = tokens.last, Self.isNumberWord(previous), Self.isNumberWord(NameToken(text: word, key: key, kind: kind)),
                let tens = Int(previous.key), tens >= 20, tens <= 90, tens % 10 == 0, let units = Int(key), (1...9).contains(units)
            {
                tokens[tokens.count - 1] = NameToken(text: previous.text + "-" + word, key: String(tens + units), kind: .name)
                continue
            }
            tokens.append(NameToken(text: word, key: key, kind: kind, isPatronymic: kind == .name && forms.isPatronymic))
        }
        if !foundForms.isEmpty {
            for index in tokens.indices { tokens[index].isPatronymic = false }
        }
        var name = NormalizedName(original: original, tokens: tokens, legalForms: foundForms, titles: foundTitles, reordered: reordered)
        // A title before two name words is a person's ("Dr John Smith"); before three, it may open an organisation's name.
        let nameWords = tokens.filter({ $0.kind == .name }).count
        if nameWords >= (foundTitles.isEmpty ? 2 : 3) { name.acronymParts = acronymParts }
        return name
    }

    /// A number written as a word ("seven"): letters whose key is digits.
    static func isNumberWord(_ token: NameToken) -> Bool {
        !token.key.isEmpty && token.key.utf8.allSatisfy(ASCII.isDigit) && token.text.utf8.allSatisfy(ASCII.isLetter)
    }

    /// The value of a Roman numeral of two letters or more from II to XXXIX ("iii" → 3), nil
    /// otherwise. Single letters are initials, and "xi" is the Chinese surname more often than 11.
    static func romanNumeral(_ word: String) -> Int? {
        // Only "x", "i" and "v" write one (checked before anything is allocated).
        guard word.utf8.allSatisfy({ $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "v") }) else { return nil }
        let bytes = Array(word.utf8)
        guard bytes.count >= 2, bytes.count <= 7, word != "xi" else { return nil }
        var tens = 0, index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "x"), tens < 3 { tens += 1; index += 1 }
        let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        guard let unit = units.firstIndex(of: String(decoding: bytes[index...], as: UTF8.self)) else { return nil }
        let value = tens * 10 + unit
        return value >= 2 ? value : nil
    }

    /// The longest legal form (by the words' legal-form keys) starting at word `start`, and its class.
    /// Phrases are lengthened only while they start a longer form (`legalFormPrefixes`): the
    /// same longest form as trying every length from the longest down (`legalFormByLengths`).
    func legalForm(in words: [Word], at start: Int) -> (length: Int, formClass: String)? {
        guard words[start].forms.startsLegalForm else { return nil }
        let limit = min(data.longestPhrase, words.count - start)
        var found: (length: Int, formClass: String)?
        var phrase = words[start].legalKey
        var length = 1
        while true {
            if let formClass = legalForms[phrase] { found = (length, formClass) }
            guard length < limit, legalFormPrefixes.contains(phrase) else { return found }
            phrase += " "
            phrase += words[start + length].legalKey
            length += 1
        }
    }

    /// `legalForm(in:at:)` as it was first written: every length tried, longest first (for tests).
    func legalFormByLengths(in words: [Word], at start: Int) -> (length: Int, formClass: String)? {
        guard words[start].forms.startsLegalForm else { return nil }
        var length = min(data.longestPhrase, words.count - start)
        while length >= 1 {
            if let formClass = legalForms[Self.phrase(words, start, length, \.legalKey)] { return (length, formClass) }
            length -= 1
        }
        return nil
    }

    /// The length in words of the longest title (by the words' keys) starting at word `start`.
    func title(in words: [Word], at start: Int) -> Int? {
        guard words[start].forms.startsTitle else { return nil }
        var length = min(data.longestPhrase, words.count - start)
        while length >= 1 {
            if titles.contains(Self.phrase(words, start, length, \.key)) { return length }
            length -= 1
        }
        return nil
    }

    /// `length` words from `start`, one of their forms joined by spaces.
    static func phrase(_ words: [Word], _ start: Int, _ length: Int, _ form: (Word) -> String) -> String {
        guard length > 1 else { return form(words[start]) }
        var result = form(words[start])
        for position in (start + 1)..<(start + length) {
            result += " "
            result += form(words[position])
        }
        return result
    }

    func isPatronymic(_ word: String) -> Bool {
        // Words are ASCII after transliteration: bytes are letters.
        let bytes = word.utf8
        guard bytes.count >= 6 else { return false }
        return patronymicSuffixes.contains { suffix in
            bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
        }
    }

    /// Folds spellings that differ only by transliteration convention, then collapses doubled
    /// letters ("Grigoryevich"/"Grigorievich" → "grigorevic", "Mohammed"/"Mohamed").
    public func fold(_ token: String) -> String {
        String(decoding: folds.apply(Array(token.utf8)), as: UTF8.self)
    }

    static func fold(_ token: String, rules: [ScreeningData.Fold]) -> String {
        String(decoding: fold(Array(token.utf8), rules: rules), as: UTF8.self)
    }

    /// The definition of folding, rule by rule (`SpellingFolds` is the same, faster).
    static func fold(_ token: [UInt8], rules: [ScreeningData.Fold]) -> [UInt8] {
        var bytes = token
        // A rule whose pattern starts with a byte the word does not hold cannot apply: most rules
        // are skipped on one bit test, without reading the rule's arrays.
        var present = ByteSet(bytes)
        rules.withUnsafeBufferPointer { rules in
            for index in rules.indices {
                guard let first = rules[index].from.first, present.contains(first) else { continue }
                let before = bytes.count
                var changed = false
                if rules[index].atEnd {
                    let count = rules[index].from.count
                    if bytes.count > count, bytes.suffix(count).elementsEqual(rules[index].from) {
                        bytes = Array(bytes.dropLast(count)) + rules[index].to
                        changed = true
                    }
                } else {
                    let replaced = Self.replacing(rules[index].from, with: rules[index].to, in: bytes)
                    changed = replaced.count != before || replaced != bytes
                    bytes = replaced
                }
                if changed { present = ByteSet(bytes) }
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes where result.last != byte || ASCII.isDigit(byte) { result.append(byte) }
        return result
    }

    /// Every occurrence of `pattern` replaced; the bytes themselves when there is none.
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = pattern.first, bytes.count >= pattern.count else { return bytes }
        func matches(at index: Int) -> Bool {
            guard bytes[index] == first, index + pattern.count <= bytes.count else { return false }
            for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
            return true
        }
        guard let start = bytes.indices.first(where: matches) else { return bytes }
        var result = Array(bytes[..<start])
        result.reserveCapacity(bytes.count + replacement.count)
        var index = start
        while index < bytes.count {
            if matches(at: index) {
                result += replacement
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
