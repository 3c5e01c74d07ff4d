import Foundation

/// Turns a name in any script into plain Latin letters (ASCII), keeping its case, through ICU's
/// transforms (Foundation's `applyingTransform`):
///
/// - Cyrillic by BGN/PCGN, the romanisation OFAC and most Western lists use, with the Belarusian
///   or Ukrainian table when the letters say so (`ў`, or `і` without `и`: Belarusian; `ї`, `є`,
///   `ґ`, or `і` with `и`: Ukrainian; otherwise Russian);
/// - Greek by BGN/PCGN;
/// - Arabic, Hebrew, Georgian, Armenian, Han, Hangul, Kana and every other script by ICU's
///   `Any-Latin` (Arabic and Hebrew come out as consonant skeletons, "mhmd"; the phonetic key
///   of screening compares those with written vowels);
/// - then `Latin-ASCII` ("ß" → "ss", "Ø" → "O", diacritics dropped).
///
/// Pure ASCII input is returned unchanged without calling ICU.
public enum Transliterator {
    /// The BGN/PCGN table a text's Cyrillic letters call for (`none`: no Cyrillic).
    enum CyrillicTable: UInt8, Sendable {
        case none, russian, belarusian, ukrainian
    }

    /// What the letters of a text are: which Cyrillic table, whether Greek, whether ASCII only,
    /// and whether it can be romanised word by word (Latin and Cyrillic letters only: no script
    /// whose romanisation reads across words).
    struct Scripts {
        var cyrillic = CyrillicTable.none
        var greek = false
        var ascii = true
        var wordByWord = true

        init(_ text: String) {
            var hasCyrillic = false, belarusianU = false, ukrainianOnly = false, dottedI = false, russianI = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 { continue }
                ascii = false
                switch value {
                case 0x0400...0x052F:
                    hasCyrillic = true
                    switch scalar {
                    case "ў", "Ў": belarusianU = true
                    case "ї", "Ї", "є", "Є", "ґ", "Ґ": ukrainianOnly = true
                    case "і", "І": dottedI = true
                    case "и", "И": russianI = true
                    default: break
                    }
                case 0x0370...0x03FF, 0x1F00...0x1FFF:
                    greek = true
                    wordByWord = false
                case 0x80...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF, 0x2010...0x2027:
                    break
                default:
                    // Other scripts (Arabic, Hebrew, Han, Hangul, Kana, Indic, Thai, Khmer,
                    // Myanmar, Georgian, Armenian, Ethiopic...) are romanised word by word too:
                    // ICU's rules for them look within a word.
                    break
                }
            }
            if hasCyrillic {
                if belarusianU || (dottedI && !russianI && !ukrainianOnly) {
                    cyrillic = .belarusian
                } else if ukrainianOnly || dottedI {
                    cyrillic = .ukrainian
                } else {
                    cyrillic = .russian
                }
            }
        }
    }

    /// The ICU transform chain for a text, or nil when the text is ASCII.
    public static func transformID(for text: String) -> String? {
        let scripts = Scripts(text)
        return scripts.ascii ? nil : transformID(scripts.cyrillic, greek: scripts.greek)
    }

    static func transformID(_ cyrillic: CyrillicTable, greek: Bool) -> String {
        transformIDs[Int(cyrillic.rawValue) * 2 + (greek ? 1 : 0)]
    }

    /// `makeTransformID` of every table, without and with Greek, made once.
    private static let transformIDs: [String] = [CyrillicTable.none, .russian, .belarusian, .ukrainian].flatMap {
        [makeTransformID($0, greek: false), makeTransformID($0, greek: true)]
    }

    static func makeTransformID(_ cyrillic: CyrillicTable, greek: Bool) -> String {
        var steps = ["NFKC"]
        switch cyrillic {
        case .none: break
        case .russian: steps.append("Russian-Latin/BGN")
        case .belarusian: steps += ["Belarusian-Latin/BGN", "Russian-Latin/BGN"]
        case .ukrainian: steps += ["Ukrainian-Latin/BGN", "Russian-Latin/BGN"]
        }
        if greek { steps.append("Greek-Latin/BGN") }
        // BGN/PCGN marks (soft and hard signs, the middle dot of "Lukash·enka") are not letters
        // of the name: removed before Latin-ASCII would turn them into apostrophes.
        steps += ["[\\u02B9\\u02BA\\u00B7] Remove", "Any-Latin", "Latin-ASCII"]
        return steps.joined(separator: "; ")
    }

    /// The text in Latin letters, case kept, without BGN/PCGN marks and modifier letters.
    public static func latin(_ text: String) -> String {
        latinAndTranscriptions(text).latin
    }

    /// The text in Latin letters (as `latin`), and the Latin words that came from a word read as
    /// a transcription (`Transcription.script(ofWord:)`), with that script.
    static func latinAndTranscriptions(_ text: String) -> (latin: String, transcribed: [(word: String, script: Transcription.Script)]) {
        let scripts = Scripts(text)
        if scripts.ascii { return (text, []) }
        let text = persianReading(text)
        guard scripts.wordByWord else { return (transform(greekForeignStops(text), transformID(scripts.cyrillic, greek: scripts.greek)), []) }
        var transcribed: [(word: String, script: Transcription.Script)] = []
        let latin = latinByWord(separatingSyllables(text), scripts.cyrillic) { word, latin in
            // A word in Tamil letters is read as a Tamil transcription (`TamilTranscription`).
            if TamilTranscription.isTamil(word) {
                transcribed.append((latin, .tamil))
                return
            }
            // Han, Hangul and Kana start at U+30A0: a word below it is no transcription.
            guard word.unicodeScalars.contains(where: { $0.value >= 0x30A0 }) else { return }
            let han = word.unicodeScalars.filter { isHan($0.value) }.count
            let hangul = word.unicodeScalars.filter { isHangulSyllable($0.value) }.count
            // A word of several Chinese characters or Hangul syllables was left whole because
            // the name is a transcription (`separatingSyllables`).
            if let script = Transcription.script(ofWord: word, hanTranscribed: han >= 2, hangulTranscribed: hangul >= 2) {
                transcribed.append((latin, script))
            }
        }
        return (latin, transcribed)
    }

    /// A name written with Persian or Urdu letters (پ, چ, ژ, گ, the Persian ک and ی, Urdu's ہ, ھ,
    /// ے, or the zero-width non-joiner) with its ض written ذ: ICU reads ض "d" (its Arabic
    /// value), ذ "dh", and Persian and Urdu say both "z" ("رضا", Reza; "مرتضی", Morteza). An
    /// abjad's "dh" and "th" (ث) pair with the Latin dentals and sibilants
    /// (`AbjadComparison.abjadZ`), so the Arabic spellings of the name still match ("Ridha",
    /// "Murtada"). A name in Arabic letters only is left as it is.
    static func persianReading(_ text: String) -> String {
        // ض is the UTF-8 bytes D8 B6: looked for in the bytes, most names have none.
        guard UTF8Scan.contains(text, 0xD8, 0xB6),
            text.unicodeScalars.contains(where: { [0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC, 0x06C1, 0x06BE, 0x06D2, 0x200C].contains($0.value) })
        else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0636}" ? "\u{0630}" : $0 }))
    }

    /// Greek "ντ" inside a word written as the "d" it stands for in foreign names, which Greek
    /// writes so for want of a letter ("Βολοντίμιρ" is "Volodymyr"; BGN/PCGN reads a medial "ντ"
    /// "nd", and at the start of a word "d" already): read as "δ" ("dh", folded to "d").
    ///
    /// Greek writes the other sounds of foreign names it has no letter for with digraphs too, read
    /// here as lists write those names:
    /// - "τζ" is "j" (dʒ: "Τζον" John, "τζονγκ" the "jong" of Kim Yo Jong; BGN/PCGN "tz");
    /// - "γκ" is "g" (twenty-second round: BGN/PCGN reads it "ng" inside a word, where a
    ///   foreign name has a plain g: "Ροδρίγκες" Rodríguez, "Μπαγκερί" Bagheri), so "νγκ" is "ng";
    /// - "μπ" is "b" (BGN/PCGN "mb" inside a word: "Αμπού" Abu, "Σάαμπ" Saab, "Καμπέγιο"
    ///   Cabello), and "ντ" after it or any other consonant is "d" ("Αμπντούλ", Abdul);
    /// - "γι" before a vowel opening a word is the glide "y" ("Γιο", Yo; BGN/PCGN "yio");
    /// - "γου" before a vowel opening a word is "w" ("Γουίλιαμ" William, "Γουάνγκ" Wang);
    /// - "ου" is "u" (BGN/PCGN "ou", which the keys fold to "u" but a syllable of a Korean or
    ///   Chinese name, "ουν" for Un, is compared as written).
    static func greekForeignStops(_ text: String) -> String {
        guard
            text.contains("ντ") || text.contains("τζ") || text.contains("Τζ") || text.contains("γκ") || text.contains("μπ") || text.contains("ι")
                || text.contains("ου")
        else {
            return text
        }
        let vowels = "αεηιουωάέήίόύώ".unicodeScalars
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            let next = scalars.first
            let atStart = result.last.map { !$0.properties.isAlphabetic } ?? true
            if scalar == "ν", next == "τ", let previous = result.last, previous.properties.isAlphabetic {
                result.append("δ")
                scalars = scalars.dropFirst()
            } else if scalar == "μ" || scalar == "Μ", next == "π" {
                result.append(scalar == "μ" ? "b" : "B")
                scalars = scalars.dropFirst()
            } else if scalar == "γ" || scalar == "Γ", next == "κ" {
                result.append(scalar == "γ" ? "g" : "G")
                scalars = scalars.dropFirst()
            } else if scalar == "γ" || scalar == "Γ", atStart, next == "ο", let second = scalars.dropFirst().first, second == "υ" || second == "ύ",
                let after = scalars.dropFirst(2).first, vowels.contains(after)
            {
                result.append(scalar == "γ" ? "w" : "W")
                scalars = scalars.dropFirst(2)
            } else if scalar == "τ" || scalar == "Τ", next == "ζ" {
                result.append(scalar == "τ" ? "j" : "J")
                scalars = scalars.dropFirst()
            } else if scalar == "ο" || scalar == "Ο", next == "υ" || next == "ύ" {
                result.append(scalar == "ο" ? "u" : "U")
                scalars = scalars.dropFirst()
            } else if scalar == "γ" || scalar == "Γ", atStart, next == "ι", let after = scalars.dropFirst().first, vowels.contains(after), after != "ι" {
                result.append(scalar == "γ" ? "y" : "Y")
                scalars = scalars.dropFirst()
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Han characters, Hangul syllables and the parts of a name joined by a middle dot
    /// ("弗拉基米尔·普京", "キム・ジョンウン") as separate words: Chinese, Korean and Japanese write a
    /// name without spaces, and a syllable is romanised on its own ("习近平" → "xi jin ping",
    /// "김정은" → "kim jong un"); the scorer joins syllables that a list writes as one word
    /// ("Jinping"). Other text is returned unchanged.
    ///
    /// A foreign name transcribed into Chinese characters (its parts joined by a middle dot,
    /// "弗拉基米尔·普京") or into Hangul (`Transcription.isHangulTranscription`: "블라디미르 푸틴") keeps
    /// each part whole: it is one word of the original name, compared as a transcription.
    static func separatingSyllables(_ text: String) -> String {
        // Only in Chinese, Japanese and Korean text: elsewhere "·" is a BGN/PCGN mark ("Lukash·enka").
        guard text.unicodeScalars.contains(where: { isHan($0.value) || isHangulSyllable($0.value) || (0x3040...0x30FF).contains($0.value) }) else {
            return text
        }
        let dotted = text.unicodeScalars.contains { [0x00B7, 0x30FB, 0xFF65, 0x2027].contains($0.value) }
        let hangulWhole = Transcription.isHangulTranscription(text)
        var result = String.UnicodeScalarView()
        var changed = false
        var previousSyllable = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let syllable = (isHan(value) && !dotted) || (isHangulSyllable(value) && !hangulWhole)
            if value == 0x00B7 || value == 0x30FB || value == 0xFF65 || value == 0x2027 {
                result.append(" ")
                changed = true
                previousSyllable = false
                continue
            }
            if syllable, previousSyllable {
                result.append(" ")
                changed = true
            }
            result.append(scalar)
            previousSyllable = syllable
        }
        return changed ? String(result) : text
    }

    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FA1F).contains(value)
    }

    static func isHangulSyllable(_ value: UInt32) -> Bool { (0xAC00...0xD7A3).contains(value) }

    /// A romanised Hangul syllable in the spelling lists use (McCune-Reischauer, as North Korean
    /// names on the OFAC and UN lists are written) rather than ICU's Revised Romanisation:
    /// "gim" → "kim", "jeong" → "jong", "eun" → "un", "lyong" → "ryong", "bag" → "pak".
    static func koreanSpelling(_ syllable: String) -> String {
        var text = syllable.lowercased().filter { $0 != "-" && $0 != "'" }
        for (from, to) in [("eo", "o"), ("eu", "u")] { text = text.replacingOccurrences(of: from, with: to) }
        // A final g, b, d is written k, p, t ("bag" → "pak").
        if text.count >= 2, let last = text.last, !text.hasSuffix("ng") {
            switch last {
            case "g": text = text.dropLast() + "k"
            case "b": text = text.dropLast() + "p"
            case "d": text = text.dropLast() + "t"
            default: break
            }
        }
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        switch first {
        case "g": text = "k" + rest
        case "b": text = "p" + rest
        case "d": text = "t" + rest
        case "l": text = "r" + rest
        default: break
        }
        return text
    }

    /// A Latin or Cyrillic text word by word (between spaces), each word once per run with the
    /// text's Cyrillic table: the names of a portfolio repeat a few words ("Société",
    /// "Логистика") thousands of times, and each ICU transform costs tens of microseconds. The
    /// BGN/PCGN and Latin-ASCII rules look at the letters around a letter, never across a
    /// space: tests check this against `transform` of the whole text.
    /// `byBytes` false splits every text into characters (for tests).
    static func latinByWord(_ text: String, _ cyrillic: CyrillicTable, byBytes: Bool = true, each: (String, String) -> Void = { _, _ in }) -> String {
        let id = transformID(cyrillic, greek: false)
        // A Burmese name is written without spaces between its words: cut it into syllables.
        // Split on the space bytes when every space is a character of its own (the same words
        // as splitting the characters, without walking grapheme clusters).
        if byBytes, spacesStandAlone(text) {
            // The words between space bytes, each kept as it is when ASCII: written straight
            // into the result, without an array of words (the same bytes as the map below).
            var text = text
            return text.withUTF8 { bytes in
                let syllables = !bytes.contains(0x20)
                var result: [UInt8] = []
                result.reserveCapacity(bytes.count + 8)
                var start = 0
                while start <= bytes.count {
                    var end = start
                    var asciiWord = true
                    while end < bytes.count, bytes[end] != 0x20 {
                        if bytes[end] >= 0x80 { asciiWord = false }
                        end += 1
                    }
                    if start > 0 { result.append(0x20) }
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if asciiWord {
                        result.append(contentsOf: slice)
                    } else {
                        let word = String(decoding: slice, as: UTF8.self)
                        let latin = latinWord(word, cyrillic, id: id, syllables: syllables)
                        each(word, latin)
                        result.append(contentsOf: latin.utf8)
                    }
                    start = end + 1
                }
                return String(decoding: result, as: UTF8.self)
            }
        }
        let syllables = !text.contains(" ")
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return words.map { word -> String in
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
            let latin = latinWord(word, cyrillic, id: id, syllables: syllables)
            each(word, latin)
            return latin
        }.joined(separator: " ")
    }

    /// Whether each space of the text is a character by itself, so that splitting its bytes on
    /// spaces splits it as `split(separator: " ")` does: true when every letter is Latin below
    /// U+0300 or Cyrillic other than its combining marks (U+0483-U+0489). A combining mark, a
    /// joiner or a prepended letter (Unicode's grapheme cluster rules) can join a space into a
    /// larger character; the letters of other scripts are not checked, and take the slower way.
    static func spacesStandAlone(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x0300 || (0x0400...0x0482).contains(value) || (0x048A...0x052F).contains(value)
        }
    }

    /// One word of `latinByWord`, remembered.
    static func latinWord(_ word: String, _ cyrillic: CyrillicTable, id: String, syllables: Bool) -> String {
        let key = WordKey(word: ExactText(word), cyrillic: cyrillic, syllables: syllables)
        if let known = wordMemo.value(for: key) { return known }
        var source = HebrewRomanizer.applies(to: word) ? HebrewRomanizer.latin(word) : IndicSchwa.deleted(in: katakanaW(word))
        if ScriptRomanizer.applies(to: source), let romanizer = ScriptRomanizer.standard {
            source = romanizer.latin(source, syllables: syllables)
        }
        var latin =
            source.utf8.allSatisfy({ $0 < 0x80 })
            ? source : romanised(ArmenianSpelling.openingU(malayalamTwoPartVowels(persianEndings(arabicTaMarbuta(source)))), cyrillic, id: id)
        // A name transcribed into Hangul without the vowel Korean adds to a foreign consonant
        // ("구스만" → "gusman": `KoreanAddedVowel`).
        if KoreanAddedVowel.applies(to: word) { latin = KoreanAddedVowel.latin(word) { romanised($0, cyrillic, id: id) } }
        if word.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) { latin = arabicVowelLetters(latin) }
        // Tamil has one letter, ச, for s, ch and j; ICU writes it "c" ("செர்கே" → "cerke"), which
        // the spelling folds read as k: names written in Tamil mostly say "s" ("Sergei").
        // Its stops are said voiced or voiceless by their place (`TamilSpelling`).
        if TamilSpelling.applies(to: word) { latin = TamilSpelling.spoken(latin) }
        // Bengali writes v, w and an opening y of foreign names with other letters (`BengaliSpelling`).
        if BengaliSpelling.applies(to: word) { latin = BengaliSpelling.foreign(latin) }
        if word.unicodeScalars.count == 1, let scalar = word.unicodeScalars.first, isHangulSyllable(scalar.value) {
            latin = koreanSpelling(latin)
        } else if word.unicodeScalars.contains(where: { isHan($0.value) || isHangulSyllable($0.value) || (0x30A0...0x30FF).contains($0.value) }) {
            // A transcribed name's part, or a Japanese word: one word, as its original is
            // ("fu la ji mi er" → "fulajimier", "u orodimiru" → "uorodimiru").
            latin = latin.filter { $0.isLetter || $0.isNumber }
        }
        wordMemo.store(latin, for: key)
        return latin
    }

    /// An Arabic-script word's waw and yeh between two letters read as the vowels they mostly
    /// write there, "u" and "i" (ICU writes every waw "w" and every yeh "y": "نيكولاس مادورو"
    /// → "nykwlas madwrw", "Nicolas Maduro"); at the start of a word, doubled or beside a
    /// vowel they stay consonants.
    static func arabicVowelLetters(_ latin: String) -> String {
        var bytes = Array(latin.utf8)
        func isConsonant(_ index: Int) -> Bool {
            guard index >= 0, index < bytes.count else { return false }
            let byte = ASCII.lowercased(bytes[index])
            return ASCII.isLetter(byte) && !"aeiouwy".utf8.contains(byte)
        }
        for index in bytes.indices where index > 0 {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "w") || byte == UInt8(ascii: "y") else { continue }
            let atEnd = index == bytes.count - 1 || !ASCII.isLetter(bytes[index + 1])
            if isConsonant(index - 1), atEnd || isConsonant(index + 1) {
                bytes[index] = byte == UInt8(ascii: "w") ? UInt8(ascii: "u") : UInt8(ascii: "i")
            }
        }
        // An alef and waw opening a word before a consonant write "u" or "o" ("أون", "Un").
        if bytes.count >= 3, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "w"), isConsonant(2) {
            bytes.removeFirst()
            bytes[0] = UInt8(ascii: "u")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Katakana "ウ" with a small vowel written as the "w" syllable it spells ("ウォロディミル" is
    /// "Volodymyr": "wo", not ICU's "uo"; "ウィ" "wi", "ウェ" "we").
    static func katakanaW(_ word: String) -> String {
        guard word.unicodeScalars.contains("ウ") else { return word }
        return word.replacingOccurrences(of: "ウォ", with: "ヲ").replacingOccurrences(of: "ウィ", with: "ヰ").replacingOccurrences(of: "ウェ", with: "ヱ")
    }

    /// Malayalam's two-part vowel signs (ൊ, ോ, ൌ, or their parts) written as a virama and the
    /// Latin vowel: ICU's Malayalam-Latin reads them as "eā" ("ജോങ്" → "jeāṅ", "Jong").
    static func malayalamTwoPartVowels(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { (0x0D4A...0x0D4C).contains($0.value) || $0.value == 0x0D57 || $0.value == 0x0D3E }) else { return word }
        var result = String.UnicodeScalarView()
        var scalars = word.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            var vowel: String?
            switch scalar.value {
            case 0x0D4A, 0x0D4B: vowel = "o"
            case 0x0D4C: vowel = "au"
            case 0x0D46, 0x0D47:
                if let next = scalars.first, next.value == 0x0D3E || next.value == 0x0D57 {
                    vowel = next.value == 0x0D3E ? "o" : "au"
                    scalars = scalars.dropFirst()
                }
            default: break
            }
            if let vowel {
                result.append("\u{0D4D}")
                result.append(contentsOf: vowel.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// An Arabic word's final ta marbuta (ة) read as the heh (ه) it is written with: at the end
    /// of a name it is said "a", and lists write it "-a", "-ah" or, as Persian writes the same
    /// ending, "-eh" ("هنية" Haniya, Haniyeh; "فاطمة" Fatima); ICU writes it "t", the sound it has
    /// only before another word of a phrase.
    static func arabicTaMarbuta(_ word: String) -> String {
        guard word.unicodeScalars.last == "\u{0629}" else { return word }
        var scalars = word.unicodeScalars
        scalars.removeLast()
        scalars.append("\u{0647}")
        return String(scalars)
    }

    /// The endings of Persian and Urdu words that ICU reads letter by letter, written as they are
    /// said (each explained below). A final "ه‌ای" (heh, zero-width non-joiner, alef, yeh) is "ei": the heh before the joiner writes the vowel "e", and the alef and yeh after it
    /// the suffix "i" of the same word ("خامنه‌ای" is "Khamenei", "اژه‌ای" the "Ejei" of
    /// Mohseni-Ejei). ICU writes "khamnh", the joiner, then "ay", which the normaliser splits into
    /// two words. Written without the joiner ("خامنهای"), a heh after a letter and before a final
    /// alef and yeh is read so too. A joiner elsewhere still separates ("علی‌اکبر" is Ali Akbar,
    /// "احمدی‌نژاد" Ahmadi-Nejad), and a heh before it that opens another word stays "h"
    /// ("فاطمه‌زهرا": "fatmh", as lists write Fatemeh).
    static func persianEndings(_ word: String) -> String {
        // Every ending looked for ends in a yeh (D9 8A, DB 8C) or the superscript alef (D9 B0).
        guard let lastByte = word.utf8.last, lastByte == 0x8A || lastByte == 0x8C || lastByte == 0xB0 else { return word }
        var scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, let last = scalars.last, last == "\u{06CC}" || last == "\u{064A}" || last == "\u{0670}" else { return word }
        if last == "\u{0670}" {
            // A final yeh with the superscript alef (Urdu "یٰ", "ىٰ") is the alef maqsura, "a":
            // "مجتبیٰ" is Mojtaba, "یحییٰ" Yahya.
            let yeh = scalars[scalars.count - 2]
            guard yeh == "\u{06CC}" || yeh == "\u{064A}" || yeh == "\u{0649}" else { return word }
            scalars.removeLast(2)
            scalars.append("\u{0627}")
            return String(String.UnicodeScalarView(scalars))
        }
        // A final "ایی" (alef and two yehs), the Persian suffix "-ai" of "رضایی", Rezaei, and
        // "ضیایی", Ziaei: the alef's "a" and one "i" (ICU writes "ayy", two consonants y).
        if scalars[scalars.count - 2] == "\u{06CC}" || scalars[scalars.count - 2] == "\u{064A}", scalars[scalars.count - 3] == "\u{0627}" {
            scalars.removeLast(2)
            scalars.append("i")
            return String(String.UnicodeScalarView(scalars))
        }
        guard scalars.count >= 4, scalars[scalars.count - 2] == "\u{0627}" else { return word }
        var heh = scalars.count - 3
        if scalars[heh] == "\u{200C}" { heh -= 1 }
        // A heh after a letter of the word (not opening it).
        guard heh >= 1, scalars[heh] == "\u{0647}" || scalars[heh] == "\u{06C1}",
            (0x0620...0x064A).contains(scalars[heh - 1].value) || (0x0671...0x06D3).contains(scalars[heh - 1].value)
        else { return word }
        scalars.removeSubrange(heh...)
        scalars.append(contentsOf: "ei".unicodeScalars)
        return String(String.UnicodeScalarView(scalars))
    }

    /// A Hebrew word without its last letter when that is a vav (ו) after two letters or
    /// more: there it writes the vowel "u" or "o" ("נתניהו" is "Netanyahu", not "ntnyhw"), and
    /// a consonant skeleton compares without vowels. ICU's Hebrew-Latin writes every vav "w".
    static func hebrewWithoutFinalVav(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let last = scalars.last, last.value == 0x05D5, scalars.count >= 3,
            scalars.allSatisfy({ (0x0590...0x05FF).contains($0.value) || $0 == "-" })
        else { return word }
        return String(String.UnicodeScalarView(scalars.dropLast()))
    }

    private struct WordKey: Hashable {
        var word: ExactText
        var cyrillic: CyrillicTable
        var syllables: Bool
    }

    private static let wordMemo = Memo<WordKey, String>(capacity: 100_000)

    /// The ICU transform chain `id` applied to the whole text, BGN/PCGN marks removed, and the
    /// letters `Latin-ASCII` would flatten wrongly for names written as lists write them
    /// (`listLetters`) replaced before it runs.
    static func transform(_ text: String, _ id: String) -> String {
        let asciiStep = "; Latin-ASCII"
        guard id.hasSuffix(asciiStep) else { return listLetters(text.applyingTransform(StringTransform(id), reverse: false) ?? text, source: text) }
        let latin = text.applyingTransform(StringTransform(String(id.dropLast(asciiStep.count))), reverse: false) ?? text
        let letters = listLetters(latin, source: text)
        guard !letters.utf8.allSatisfy({ $0 < 0x80 }) else { return letters }
        return listLetters(letters.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? letters, source: text)
    }

    /// A romanised text with marks removed and the letters `Latin-ASCII` would flatten to
    /// another sound written as lists write them:
    ///
    /// - the velar nasal of the Indic romanisations, "ṅ", is "ng" (Tamil "ஜொங்" → "jong", not
    ///   "jon"; Malayalam, Bengali "ঙ", Devanagari "ङ" alike);
    /// - Bengali's anusvara (ং, romanised "ṁ") is said "ng", and the inherent vowel before it
    ///   "o" (Bengali's inherent vowel is /ɔ/): "জং" → "jong", "অং" → "ong" (ICU: "jam", "am");
    /// - the háček letters of Czech, Slovak, Lithuanian, Latvian, Croatian and Slovene, which
    ///   ICU's romanisations of Georgian, Armenian, Ethiopic and Arabic write too, are the
    ///   digraphs lists use: "č" → "ch", "š" → "sh", "ž" → "zh" ("Kim Čong-un" → "chong", which
    ///   compares with "Jong" as a syllable; "Šoigu" → "Shoigu"), and "ǧ", "ǰ" (Ethiopic "ጀ",
    ///   Arabic "ج") are "j".
    static func listLetters(_ transformed: String, source: String) -> String {
        let bengali = source.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) }
        let armenian = source.unicodeScalars.contains { (0x0530...0x058F).contains($0.value) }
        let latinSchwa = source.unicodeScalars.contains { $0 == "ə" || $0 == "Ə" }
        var result = ""
        result.unicodeScalars.reserveCapacity(transformed.unicodeScalars.count)
        // After "ṅ" written "ng", a velar letter that follows is the nasal's own ("ṅg" is "ng").
        var afterVelarNasal = false
        for scalar in transformed.unicodeScalars {
            if afterVelarNasal, scalar == "g" || scalar == "k" || scalar == "G" || scalar == "K" {
                result.unicodeScalars.removeLast()
            }
            afterVelarNasal = scalar == "ṅ" || scalar == "Ṅ"
            switch scalar {
            case "ʹ", "ʺ", "·", "ʼ", "ʻ", "ʽ", "ʾ", "ʿ", "′", "″":
                continue
            case "ə" where armenian, "Ə" where armenian:
                // Armenian writes with ը (ICU "ə") what Russian writes with ы: the Korean ㅡ of
                // "Կիմ Չեն Ըն" (Ким Чен Ын), read as Russian's "y" (`KoreanCyrillic`).
                result.unicodeScalars.append(scalar == "ə" ? "y" : "Y")
            case "ə" where latinSchwa, "Ə" where latinSchwa:
                // Azerbaijani's ə is a vowel of the name, "e" in other Latin spellings ("Rəcəb", "Recep").
                result.unicodeScalars.append(scalar == "ə" ? "e" : "E")
            case "ǝ", "Ǝ", "ə", "Ə":
                // The Ethiopic sixth order (and the schwa of other romanisations) is mostly not
                // written in Latin spellings of a name: "አሕመድ" is "Ahmed", not "Ahǝmad".
                continue
            case "ṅ", "Ṅ":
                result.unicodeScalars.append(contentsOf: scalar == "ṅ" ? "ng".unicodeScalars : "Ng".unicodeScalars)
            case "ṁ" where bengali, "ṃ" where bengali:
                // The inherent vowel ("a", not "ā") before the anusvara is "o".
                if result.unicodeScalars.last == "a" {
                    result.unicodeScalars.removeLast()
                    result.unicodeScalars.append("o")
                }
                result.unicodeScalars.append(contentsOf: "ng".unicodeScalars)
            case "č", "š", "ž", "Č", "Š", "Ž":
                let lower = scalar.properties.lowercaseMapping
                let base = lower == "č" ? "c" : (lower == "š" ? "s" : "z")
                result.unicodeScalars.append(contentsOf: ((scalar.properties.isUppercase ? base.uppercased() : base) + "h").unicodeScalars)
            case "ǧ", "ǰ":
                result.unicodeScalars.append("j")
            case "Ǧ":
                result.unicodeScalars.append("J")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
