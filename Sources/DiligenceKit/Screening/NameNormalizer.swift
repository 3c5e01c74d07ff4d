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
    /// Names longer than this many characters are cut: no real name is longer.
    public static let maxCharacters = 400
    /// At most this many tokens are kept.
    public static let maxTokens = 24

    /// The phrases of the data files with every word folded: words of a name are compared
    /// folded, so "ogranichennoy" and "ogranichennoi" are the same word of a legal form.
    let legalForms: [String: String]
    let titles: Set<String>
    let particles: Set<String>
    let stopwords: Set<String>
    /// The first words of multi-word legal forms and titles, to skip phrase look-ups quickly.
    let phraseStarts: Set<String>
    /// The words of legal forms (five letters or more), by the hashes of their one-deletion
    /// neighbourhood, so that "COPANY" and "LIMITRD" are still recognised.
    let legalWords: Set<String>
    let legalWordsByDeletion: [UInt64: [(text: String, key: String)]]
    /// `forms(of:)` of the words met so far (shared by copies and threads).
    let wordForms = Memo<[UInt8], (text: String, key: String, legalKey: String)>(capacity: 200_000)

    public init(data: ScreeningData) {
        self.data = data
        func folded(_ phrase: String) -> String {
            phrase.split(separator: " ").map { Self.fold(String($0), rules: data.spellingFolds) }.joined(separator: " ")
        }
        var forms: [String: String] = [:]
        for (form, formClass) in data.legalForms { forms[folded(form)] = formClass }
        legalForms = forms
        titles = Set(data.titles.map(folded))
        particles = Set(data.particles.map(folded))
        stopwords = Set(data.stopwords.map(folded))
        phraseStarts = Set((Array(forms.keys) + Array(titles)).compactMap { $0.split(separator: " ").first.map(String.init) })
        // Legal-form words as written (before folding), with their folded keys.
        let written = Set(data.legalForms.keys.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 5 })
        var byDeletion: [UInt64: [(text: String, key: String)]] = [:]
        for word in written.sorted() {
            let key = Self.fold(word, rules: data.spellingFolds)
            for hash in CandidateIndex.deletionHashes(Array(word.utf8)[...]) { byDeletion[hash, default: []].append((word, key)) }
        }
        legalWords = Set(written.map { Self.fold($0, rules: data.spellingFolds) })
        legalWordsByDeletion = byDeletion
    }

    /// The key of the legal-form word a word is, or is one edit away from as written (five
    /// letters or more: "COPANY", "JOONT"); the word's own key otherwise.
    func legalFormWord(_ word: Word) -> String {
        guard word.text.utf8.count >= 5, !legalWords.contains(word.key) else { return word.key }
        let bytes = Array(word.text.utf8)[...]
        for hash in CandidateIndex.deletionHashes(bytes) {
            for candidate in legalWordsByDeletion[hash] ?? [] where StringDistance.editDistance(bytes, Array(candidate.text.utf8)[...], limit: 1) <= 1 {
                return candidate.key
            }
        }
        return word.key
    }

    /// The normaliser on the built-in data files.
    public static let standard = NameNormalizer(data: .standard)

    /// The comparison keys of a name's identifying tokens, in reading order.
    public static func tokens(_ name: String) -> [String] {
        standard.normalize(name).keys
    }

    /// Latin script, no diacritics, lower-case, apostrophes removed.
    public static func latinLower(_ name: String) -> String {
        Transliterator.latin(name).lowercased().filter { $0 != "'" && $0 != "’" }
    }

    /// A word of the name before classification.
    struct Word {
        var text: String
        /// The folded word.
        var key: String
        /// `legalFormWord` of the word: the key of the legal-form word it is or nearly is.
        var legalKey: String
        /// Where the comma-separated segment it belongs to starts and ends (word indices).
        var segmentStart: Int
        var segmentEnd: Int
    }

    /// Normalises a name.
    public func normalize(_ name: String) -> NormalizedName {
        let cut = name.utf8.count > Self.maxCharacters ? String(name.prefix(Self.maxCharacters)) : name
        // After transliteration the text is ASCII; anything ICU could not romanise separates words.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cut.utf8.count)
        for byte in Transliterator.latin(cut).utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            case 0x80...: bytes.append(0x20)
            default: bytes.append(byte)
            }
        }
        let (ordered, reordered) = readingOrder(bytes)
        return classify(words(ordered), original: name, reordered: reordered)
    }

    // MARK: Reading order

    /// "LAST, First Middle" → "First Middle LAST"; "LAST First" with the surname alone in
    /// capitals → "First LAST". Organisation names (with a legal form) are left alone.
    func readingOrder(_ text: [UInt8]) -> ([UInt8], Bool) {
        let segments = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        if segments.count == 2 {
            let last = Self.plainWords(segments[0]), first = Self.plainWords(segments[1])
            if (1...3).contains(last.count), (1...4).contains(first.count),
               !(last + first).contains(where: { isLegalFormWord($0) }),
               !(last + first).contains(where: { $0.contains(where: ASCII.isDigit) }) {
                return (Array(ASCII.trimmed(segments[1])) + [0x20] + Array(ASCII.trimmed(segments[0])), true)
            }
            return (text, false)
        }
        guard segments.count == 1 else { return (text, false) }
        let words = text.split(whereSeparator: ASCII.isSpace)
        guard words.count >= 2, words.count <= 5 else { return (text, false) }
        let isCapitals = words.map { word -> Bool in
            let letters = word.filter(ASCII.isLetter)
            return letters.count >= 2 && letters.allSatisfy(ASCII.isUpper)
        }
        let capitalsCount = isCapitals.filter { $0 }.count
        guard capitalsCount > 0, capitalsCount < words.count else { return (text, false) }
        // The others must be written as names ("Alexander"), not in lower case.
        let othersCapitalised = zip(words, isCapitals).allSatisfy { word, capitals in
            capitals || word.first.map { ASCII.isUpper($0) || !ASCII.isLetter($0) } ?? true
        }
        guard othersCapitalised, !Self.plainWords(text[...]).contains(where: { isLegalFormWord($0) }) else { return (text, false) }
        // Surname in capitals first: move it to the end.
        if isCapitals.first == true, let split = isCapitals.firstIndex(of: false), !isCapitals[split...].contains(true) {
            return (Array((words[split...] + words[..<split]).joined(separator: [0x20])), true)
        }
        return (text, false)
    }

    func isLegalFormWord(_ word: [UInt8]) -> Bool {
        legalForms[forms(of: word).key] != nil
    }

    /// A lower-case word's text, key and legal-form key, computed once per word and run: the
    /// words of a portfolio's names repeat ("trading", "logistics", surnames), and folding and
    /// the legal-form look-up were a tenth of screening.
    func forms(of lower: [UInt8]) -> (text: String, key: String, legalKey: String) {
        if let known = wordForms.value(for: lower) { return known }
        let text = String(decoding: lower, as: UTF8.self)
        let key = String(decoding: Self.fold(lower, rules: data.spellingFolds), as: UTF8.self)
        let forms = (text, key, legalFormWord(Word(text: text, key: key, legalKey: key, segmentStart: 0, segmentEnd: 0)))
        wordForms.store(forms, for: lower)
        return forms
    }

    /// Lower-case words of a text, split on anything but letters and digits.
    static func plainWords(_ text: ArraySlice<UInt8>) -> [[UInt8]] {
        text.split(whereSeparator: { !ASCII.isAlphanumeric($0) }).map { $0.map(ASCII.lowercased) }
    }

    // MARK: Words

    /// Lower-case words with their comma segment; dotted abbreviations joined ("s.a.r.l." → "sarl").
    func words(_ text: [UInt8]) -> [Word] {
        var result: [Word] = []
        for segment in text.split(separator: UInt8(ascii: ",")) {
            let start = result.count
            for chunk in segment.split(whereSeparator: ASCII.isSpace) {
                let joined = Self.joiningDottedLetters(chunk)
                for word in joined.split(whereSeparator: { !ASCII.isAlphanumeric($0) }) {
                    let forms = forms(of: word.map(ASCII.lowercased))
                    result.append(Word(text: forms.text, key: forms.key, legalKey: forms.legalKey, segmentStart: start, segmentEnd: start))
                }
            }
            for index in start..<result.count { result[index].segmentEnd = result.count }
        }
        return result
    }

    /// "s.a.r.l." → "sarl", "l.l.c." → "llc": a dotted abbreviation is one word.
    static func joiningDottedLetters(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
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
        var index = 0
        // Spans of legal forms: short ones (two letters: "sa", "as", "ag") only where a segment
        // starts or ends, longer ones anywhere.
        var formAt: [Int: (length: Int, formClass: String)] = [:]
        var position = 0
        let formKeys = words.map(\.legalKey)
        while position < words.count {
            if let length = longestPhrase(formKeys, at: position, { legalForms[$0] != nil }),
               let formClass = legalForms[formKeys[position..<(position + length)].joined(separator: " ")] {
                formAt[position] = (length, formClass)
                position += length
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
                if let form = formAt[cursor] { cursor += form.length } else if stopwords.contains(words[cursor].key) { cursor += 1 } else { leading = false; break }
            }
            if leading { return true }
            cursor = start + length
            while cursor < segmentEnd {
                if let form = formAt[cursor] { cursor += form.length } else if stopwords.contains(words[cursor].key) { cursor += 1 } else { return false }
            }
            return true
        }
        while index < words.count {
            if let form = formAt[index] {
                let text = words[index..<(index + form.length)].map(\.text).joined(separator: " ")
                if words[index].text.count > 2 || form.length > 1 || isEdgeForm(index, form.length) {
                    foundForms.append(LegalForm(text: text, formClass: form.formClass))
                    index += form.length
                    continue
                }
            }
            let word = words[index].text, key = words[index].key
            if tokens.isEmpty, foundForms.isEmpty, let length = longestPhrase(words.map(\.key), at: index, { titles.contains($0) }), index + length < words.count {
                foundTitles.append(words[index..<(index + length)].map(\.text).joined(separator: " "))
                index += length
                continue
            }
            index += 1
            if stopwords.contains(key) { continue }
            let kind: NameToken.Kind
            if particles.contains(key) {
                kind = .particle
            } else if word.count == 1, word.first?.isLetter == true {
                kind = .initial
            } else {
                kind = .name
            }
            guard !key.isEmpty, tokens.count < Self.maxTokens else { continue }
            tokens.append(NameToken(text: word, key: key, kind: kind, isPatronymic: kind == .name && isPatronymic(word)))
        }
        if !foundForms.isEmpty {
            for index in tokens.indices { tokens[index].isPatronymic = false }
        }
        return NormalizedName(original: original, tokens: tokens, legalForms: foundForms, titles: foundTitles, reordered: reordered)
    }

    /// The length in words of the longest phrase starting at `start` that `matches` accepts.
    func longestPhrase(_ keys: [String], at start: Int, _ matches: (String) -> Bool) -> Int? {
        guard phraseStarts.contains(keys[start]) else { return nil }
        var length = min(data.longestPhrase, keys.count - start)
        while length >= 1 {
            if matches(keys[start..<(start + length)].joined(separator: " ")) { return length }
            length -= 1
        }
        return nil
    }

    func isPatronymic(_ word: String) -> Bool {
        // Words are ASCII after transliteration: bytes are letters.
        let bytes = word.utf8
        guard bytes.count >= 6 else { return false }
        return data.patronymicSuffixes.contains { suffix in
            bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
    }

    /// Folds spellings that differ only by transliteration convention, then collapses doubled
    /// letters ("Grigoryevich"/"Grigorievich" → "grigorevic", "Mohammed"/"Mohamed").
    public func fold(_ token: String) -> String {
        Self.fold(token, rules: data.spellingFolds)
    }

    static func fold(_ token: String, rules: [ScreeningData.Fold]) -> String {
        String(decoding: fold(Array(token.utf8), rules: rules), as: UTF8.self)
    }

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

/// Byte classes of ASCII text.
enum ASCII {
    static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }
}
