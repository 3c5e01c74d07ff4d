/// Foreign names transcribed into Chinese characters ("弗拉基米尔·普京", read "fu la ji mi er pu
/// jing"), Korean Hangul ("블라디미르 푸틴") or Japanese kana ("ウラジーミル・プーチン"). No spelling rule
/// turns "fulajimier" into "Vladimir"; each language's transcription conventions are undone
/// instead, by comparing skeletons built for them:
///
/// - the vowels a language adds after a consonant it cannot end a syllable with are optional
///   (Japanese "u", and "o" after t and d: "puchin", "zerensuki"; Korean "eu"; Chinese "si",
///   "ke", "te", "de", "fu", "er" for s, k, t, d, f, r); other vowels are kept in three classes
///   (a; e, i, y; o, u), a run of vowels one element ("uo", "ia");
/// - consonants fall into classes: labials (p, b, f, v, w), dentals (t, d), velars (k, g, q),
///   sibilants and affricates (s, z, j, ch, sh, x), liquids (r and l: one sound in Chinese,
///   Korean and Japanese), m, n (with ng, which Chinese and Korean write for a final n);
/// - what a transcription writes for more than one sound is a wildcard of classes: pinyin j and
///   q write dʒ, tʃ, g and d ("基" in "弗拉基米尔" is the "di" of Vladimir, "京" in "普京" the "tin"
///   of Putin), Japanese "chi", "ji" and "tsu" write t and d as well, Japanese "fu" writes h as
///   well as f, a list's "c" is s or k;
/// - h is optional: transcriptions drop it or add it ("阿邁德" for Ahmed, "kh" written h).
///
/// Two skeletons match within an edit budget for their length (`budget(length:)`), with h and
/// the added vowels inserted or dropped freely. The match is a weaker one
/// (`TokenComparison.How.transcription`, `ScoringParameters.transcriptionSimilarity`), with its
/// reason in the why.
public enum Transcription {
    /// The script a query word was transcribed into, which decides how its Latin form is read.
    public enum Script: UInt8, Sendable, Hashable, Codable {
        case chinese, korean, japanese
        /// Tamil (`TamilTranscription`): one letter for k, g and h, t and d, p, b and f, s, j
        /// and z; a vowel added to open a consonant cluster and after a final consonant.
        case tamil

        /// The script's name in the why.
        public var name: String {
            switch self {
            case .chinese: "Chinese"
            case .korean: "Korean"
            case .japanese: "Japanese"
            case .tamil: "Tamil"
            }
        }
    }

    /// A query word's skeleton and the script it was read from.
    struct Skeleton: Sendable, Hashable {
        var script: Script
        /// Sound masks (`Class`), one per consonant or run of vowels, repeats written once.
        var classes: [UInt16]
        /// The place in `HanGivenNames` of the conventional Chinese rendering of a given name the
        /// word is ("yalishanda", Alexander), or -1.
        var givenName: Int32 = -1
    }

    /// Sound classes, as bits of a mask: a mask of several class bits is a wildcard.
    enum Class {
        static let labial: UInt16 = 1
        static let dental: UInt16 = 2
        static let velar: UInt16 = 4
        static let sibilant: UInt16 = 8
        static let liquid: UInt16 = 16
        static let m: UInt16 = 32
        static let n: UInt16 = 64
        /// Inserted and dropped at no cost.
        static let h: UInt16 = 128
        static let a: UInt16 = 256
        static let front: UInt16 = 512
        static let back: UInt16 = 1024
        static let vowels: UInt16 = a | front | back
        /// A vowel the transcription adds (Japanese "u" after a consonant, Korean "eu", Chinese
        /// "si", "ke", "er"): dropped at no cost, or matched.
        static let optional: UInt16 = 0x8000
    }

    // MARK: Which words

    /// The transcription script of a word as written, nil when the word is not read as a
    /// transcription. `hanTranscribed` and `hangulTranscribed` say what the whole name is
    /// (`Transliterator.separatingSyllables` decides): Chinese characters and Hangul also write
    /// native names, which are romanised syllable by syllable as before.
    static func script(ofWord word: String, hanTranscribed: Bool, hangulTranscribed: Bool) -> Script? {
        var han = 0, hangul = 0, other = 0
        var found: Script?
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if value < 0x80 { continue }
            if Transliterator.isHan(value) {
                han += 1
            } else if Transliterator.isHangulSyllable(value) {
                hangul += 1
            } else if (0x30A0...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) {
                found = .japanese
            } else {
                other += 1
            }
        }
        if found == .japanese { return .japanese }
        if han > 0, hanTranscribed, hangul == 0 { return .chinese }
        if hangul > 0, hangulTranscribed, han == 0 { return .korean }
        return han > 0 || hangul > 0 ? nil : found
    }

    /// Whether a name in Hangul is a foreign name transcribed: a word of four syllables or more,
    /// or of three that does not open with a common Korean surname (Korean names are two to
    /// three syllables, the surname first: "김정은", "박근혜"). The surnames are the most common
    /// ones of the 2015 census of Statistics Korea (covering about 97 % of the population).
    /// A word of two syllables or more with one that no Han character is read as
    /// (`isSinoKoreanSyllable`: "스", "드", "프", "킨") is a transcription too, surname or not
    /// ("호아킨 구스만", Joaquín Guzmán; "조지프 코니", Joseph Kony). So is a name of two words of
    /// two syllables or more, five syllables in all ("이고리 세친", Igor Sechin; "오사마 빈 라덴"):
    /// a Korean name is two to four syllables, at most a two-syllable surname and a given name.
    static func isHangulTranscription(_ text: String) -> Bool {
        // A company's name in Korean ("주식회사 코리아기획") mixes Korean words and loanwords.
        guard !koreanLegalForms.contains(where: { text.contains($0) }) else { return false }
        var longWords = 0, longSyllables = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == "・" }) {
            let syllables = word.unicodeScalars.filter { Transliterator.isHangulSyllable($0.value) }
            if syllables.count >= 4 { return true }
            if syllables.count == 3, let first = syllables.first, !koreanSurnames.contains(first), !isNorthernKoreanName(Array(syllables)) { return true }
            if syllables.count >= 2, syllables.contains(where: { !isSinoKoreanSyllable($0) }) { return true }
            if syllables.count >= 2 {
                longWords += 1
                longSyllables += syllables.count
            }
        }
        return longWords >= 2 && longSyllables >= 5
    }

    /// Whether a Hangul syllable can be the reading of a Han character, as every syllable of a
    /// Korean name is: not a consonant and the vowel ㅡ without a final consonant ("스", "드",
    /// "브", "프": the vowel Korean adds to a foreign consonant, `KoreanAddedVowel`; Sino-Korean
    /// has "은", "극", "흥", never "스"), and not the initial ㅋ but in "쾌" (快, the only
    /// Sino-Korean syllable with it).
    static func isSinoKoreanSyllable(_ syllable: Unicode.Scalar) -> Bool {
        guard Transliterator.isHangulSyllable(syllable.value), !KoreanAddedVowel.isAdded(syllable) else {
            return !Transliterator.isHangulSyllable(syllable.value)
        }
        // ㅋ is initial 15 (588 syllables an initial).
        return (Int(syllable.value) - 0xAC00) / 588 != 15 || syllable == "쾌"
    }

    /// The legal forms of the Korean Commercial Act (joint-stock, limited, limited liability,
    /// limited and general partnership companies) and their abbreviations.
    static let koreanLegalForms = ["주식회사", "유한회사", "유한책임회사", "합자회사", "합명회사", "(주)", "(유)", "㈜"]

    /// Surnames as North Korea writes them, with the initial ㄹ the South drops (리 for 이, 림 for
    /// 임, 량 for 양, 렴 for 염, 려 for 여): "리병철" is RI Pyong Chol. They open foreign names too
    /// ("리처드", Richard), so a name is Korean only when its other two syllables are readings of
    /// Han characters of Korean given names (`HanjaReading.isGivenReading`), which 드 is not.
    static let northernKoreanSurnames: Set<Unicode.Scalar> = Set("리림량렴려".unicodeScalars)

    /// Whether three Hangul syllables are a Korean name spelt the northern way (`northernKoreanSurnames`).
    static func isNorthernKoreanName(_ syllables: [Unicode.Scalar]) -> Bool {
        guard syllables.count == 3, let first = syllables.first, northernKoreanSurnames.contains(first),
            let table = HanjaReading.standard
        else { return false }
        return syllables.dropFirst().allSatisfy { table.isGivenReading($0) }
    }

    static let koreanSurnames: Set<Unicode.Scalar> = Set(
        ("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염여추도소석선설"
            + "마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호음빈동온시범좌팽승간상갈단견당화창옹순").unicodeScalars)

    // MARK: Skeletons

    /// The mask of a vowel letter: a; e, i and y (front); o and u (back).
    static func vowel(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "a"): Class.a
        case UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "y"): Class.front
        case UInt8(ascii: "o"), UInt8(ascii: "u"): Class.back
        default: nil
        }
    }

    /// Appends a mask: a vowel joins the run of vowels before it (one element, the union of
    /// their classes); a consonant class repeated is written once.
    static func append(_ mask: UInt16, to result: inout [UInt16]) {
        if let last = result.last {
            let lastVowel = last & Class.vowels != 0, vowel = mask & Class.vowels != 0
            if lastVowel, vowel {
                // "uo", "ia", "eu": one vowel sound; optional only if both are.
                result[result.count - 1] = (last | mask) & ~(last & Class.optional == 0 || mask & Class.optional == 0 ? Class.optional : 0)
                return
            }
            if last == mask, !vowel { return }
        }
        result.append(mask)
    }

    /// The skeleton of a query word's Latin form (lower-case ASCII) as the script writes sounds.
    static func skeleton(_ text: ArraySlice<UInt8>, script: Script) -> [UInt16] {
        var result: [UInt16] = []
        let bytes = Array(text)
        var index = 0
        var previous: UInt8?  // the consonant letter before, for the vowels a script adds after it
        func next(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            let byte = bytes[index]
            if var mask = vowel(byte) {
                if let consonant = previous, isAdded(byte, after: consonant, next: next(1), script: script) { mask |= Class.optional }
                // Korean "eu" is the vowel Korean adds ("seu", "reu").
                if script == .korean, byte == UInt8(ascii: "e"), next(1) == UInt8(ascii: "u"), previous != nil {
                    append(Class.back | Class.front | Class.optional, to: &result)
                    index += 2
                    previous = nil
                    continue
                }
                append(mask, to: &result)
                previous = nil
                index += 1
                continue
            }
            var mask: UInt16 = 0
            var width = 1
            switch byte {
            case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "v"), UInt8(ascii: "w"): mask = Class.labial
            case UInt8(ascii: "f"): mask = script == .japanese ? Class.labial | Class.h : Class.labial
            case UInt8(ascii: "t"), UInt8(ascii: "d"):
                if byte == UInt8(ascii: "t"), next(1) == UInt8(ascii: "s") {
                    mask = script == .japanese ? Class.sibilant | Class.dental : Class.sibilant
                    width = 2
                } else {
                    mask = Class.dental
                }
            case UInt8(ascii: "k"):
                mask = Class.velar
            case UInt8(ascii: "g"): mask = Class.velar
            case UInt8(ascii: "q"):
                mask = script == .chinese ? Class.sibilant | Class.velar | Class.dental : Class.velar
            case UInt8(ascii: "j"):
                switch script {
                case .chinese: mask = Class.sibilant | Class.velar | Class.dental
                case .japanese: mask = Class.sibilant | Class.dental
                default: mask = Class.sibilant
                }
            case UInt8(ascii: "c"):
                if next(1) == UInt8(ascii: "h") {
                    mask = script == .japanese ? Class.sibilant | Class.dental : Class.sibilant
                    width = 2
                } else {
                    mask = script == .chinese ? Class.sibilant : Class.sibilant | Class.velar
                }
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "x"):
                mask = Class.sibilant
                if next(1) == UInt8(ascii: "h") { width = 2 }
            case UInt8(ascii: "r") where script == .chinese:
                // Chinese writes the "zh" of foreign names with its r syllables ("任" ren in
                // "普里戈任", Prigozhin; "日" ri): a liquid or a sibilant.
                mask = Class.liquid | Class.sibilant
            case UInt8(ascii: "l"), UInt8(ascii: "r"): mask = Class.liquid
            case UInt8(ascii: "m"): mask = Class.m
            case UInt8(ascii: "n"):
                mask = Class.n
                if next(1) == UInt8(ascii: "g"), next(2).map({ vowel($0) == nil }) ?? true { width = 2 }
            case UInt8(ascii: "h"): mask = script == .tamil ? TamilTranscription.h : Class.h
            default: break
            }
            if mask != 0 { append(mask, to: &result) }
            previous = mask == 0 || mask == Class.h ? previous : bytes[index + width - 1]
            index += width
        }
        return result
    }

    /// Whether a vowel after a consonant letter is one the script adds to write a consonant
    /// alone: Japanese "u" (and "o" after t, d; "i" after ch, sh, j), Korean "u" after a sibilant
    /// and "i" after ch, j, Chinese "u" after a labial, velar or dental, "i" after s, z, c, r,
    /// and "e" before a final "r" or after k, t, d, g, l, m, s.
    static func isAdded(_ vowel: UInt8, after consonant: UInt8, next: UInt8?, script: Script) -> Bool {
        let v = Character(UnicodeScalar(vowel)), c = Character(UnicodeScalar(consonant))
        switch script {
        case .japanese:
            return v == "u" || (v == "o" && (c == "t" || c == "d")) || (v == "i" && (c == "h" || c == "j"))
        case .korean:
            return (v == "u" && "sz".contains(c)) || (v == "i" && (c == "h" || c == "j"))
        case .chinese:
            if v == "u" { return "pbfmtdkgh".contains(c) }
            if v == "i" { return "szcrh".contains(c) }
            if v == "e" { return next == UInt8(ascii: "r") || "ktdglms".contains(c) }
            return false
        case .tamil:
            return TamilTranscription.isAdded(vowel, after: consonant, next: next)
        }
    }

    /// The skeleton of a listed word's folded key (`spelling-folds.tsv`: "sh" is "s", "ch" and
    /// "ts" are "c", "kh" is "h", "w" is "v", "ks" is "x", "y" is "i").
    static func listSkeleton(_ key: ArraySlice<UInt8>) -> [UInt16] {
        var result: [UInt16] = []
        let bytes = Array(key)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var masks: [UInt16] = []
            var width = 1
            switch byte {
            case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "w"): masks = [Class.labial]
            case UInt8(ascii: "t"), UInt8(ascii: "d"): masks = [Class.dental]
            case UInt8(ascii: "g") where index > 0 && index + 1 < bytes.count && vowel(bytes[index - 1]) != nil && vowel(bytes[index + 1]) != nil:
                // A "g" between vowels may be Turkish "ğ", which is not said and which
                // transcriptions leave out ("Erdoğan": "エルドアン", "埃尔多安", "에르도안").
                masks = [Class.velar | Class.optional]
            case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"): masks = [Class.velar]
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "j"): masks = [Class.sibilant]
            case UInt8(ascii: "c"): masks = [Class.sibilant | Class.velar]
            case UInt8(ascii: "x"): masks = [Class.velar, Class.sibilant]
            case UInt8(ascii: "l"), UInt8(ascii: "r"): masks = [Class.liquid]
            case UInt8(ascii: "m"): masks = [Class.m]
            case UInt8(ascii: "n"):
                masks = [Class.n]
                // "ng" before a consonant or at the end is one sound, which transcriptions write n.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "g"), index + 2 >= bytes.count || vowel(bytes[index + 2]) == nil {
                    width = 2
                }
            case UInt8(ascii: "h"): masks = [Class.h]
            default: masks = vowel(byte).map { [$0] } ?? []
            }
            for mask in masks { append(mask, to: &result) }
            index += width
        }
        return result
    }

    /// Whether an element is dropped at no cost.
    static func isFree(_ mask: UInt16) -> Bool {
        mask == Class.h || mask & Class.optional != 0
    }

    /// The elements that count: all but h and the vowels a script adds.
    static func length(_ skeleton: [UInt16]) -> Int {
        skeleton.lazy.filter { !isFree($0) }.count
    }

    /// Edits allowed between two skeletons whose longer one has `length` elements that count:
    /// none up to four, one up to eight, two beyond.
    static func budget(length: Int) -> Int {
        length <= 4 ? 0 : (length <= 8 ? 1 : 2)
    }

    /// Edits between two skeletons: a class matches a wildcard that contains it; h and added
    /// vowels are inserted or dropped at no cost.
    static func distance(_ a: [UInt16], _ b: [UInt16]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for j in b.indices { previous[j + 1] = previous[j] + (isFree(b[j]) ? 0 : 1) }
        var current = previous
        for i in a.indices {
            let dropA = isFree(a[i]) ? 0 : 1
            current[0] = previous[0] + dropA
            for j in b.indices {
                let dropB = isFree(b[j]) ? 0 : 1
                let substitute = previous[j] + (a[i] & b[j] & ~Class.optional != 0 ? 0 : 1)
                current[j + 1] = min(substitute, previous[j + 1] + dropA, current[j] + dropB)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Whether a query word's skeleton matches a listed word's: three consonants and vowels or
    /// more on each side, within the budget's edits.
    static func matches(_ query: [UInt16], _ listed: [UInt16]) -> Bool {
        let q = length(query), l = length(listed)
        guard q >= 3, l >= 3 else { return false }
        let allowed = budget(length: max(q, l))
        return distance(query, listed) <= allowed
    }

    /// The edits between a transcribed word and a listed word when their skeletons match; nil
    /// otherwise, and when neither or both are transcribed.
    static func compare(_ a: TokenForms, _ b: TokenForms) -> Int? {
        guard (a.transcription == nil) != (b.transcription == nil), let skeleton = a.transcription ?? b.transcription else { return nil }
        let listedForms = a.transcription == nil ? a : b
        // A given name as Chinese writes it by convention (`HanGivenNames`: 约翰 for John).
        if skeleton.givenName >= 0, HanGivenNames.standard?.names(skeleton.givenName, contain: listedForms.key) == true { return 0 }
        let listed = listSkeleton(listedForms.key)
        // Tamil: the same skeleton only (`TamilTranscription.matches`).
        if skeleton.script == .tamil { return TamilTranscription.matches(skeleton.classes, listed) ? 0 : nil }
        if matches(skeleton.classes, listed) { return distance(skeleton.classes, listed) }
        // A listed "th" (the key folds it to "t") writes the Arabic and English θ, which Chinese,
        // Japanese and Thai write with their s ("胡塞", "フーシ": Houthi): the dentals of a listed
        // word written with "th" may be a sibilant.
        guard containsTH(listedForms.text) else { return nil }
        let widened = listed.map { $0 == Class.dental ? Class.dental | Class.sibilant : $0 }
        return matches(skeleton.classes, widened) ? distance(skeleton.classes, widened) : nil
    }

    /// Whether a listed word's text (lower case) has "th".
    static func containsTH(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            if previous == UInt8(ascii: "t"), byte == UInt8(ascii: "h") { return true }
            previous = byte
        }
        return false
    }

    /// A skeleton in letters for the why ("p-r-a-t-i-m-i-r"; a wildcard in brackets, "[t/k/s]";
    /// an added vowel in parentheses, "(u)").
    static func describe(_ skeleton: [UInt16]) -> String {
        let names: [(UInt16, String)] = [
            (Class.labial, "p"), (Class.dental, "t"), (Class.velar, "k"), (Class.sibilant, "s"), (Class.liquid, "r"), (Class.m, "m"),
            (Class.n, "n"), (Class.h, "h"), (Class.a, "a"), (Class.front, "i"), (Class.back, "u"),
        ]
        return skeleton.map { mask in
            let letters = names.filter { mask & $0.0 != 0 }.map(\.1)
            let text = letters.count == 1 ? letters[0] : "[" + letters.joined(separator: "/") + "]"
            return mask & Class.optional != 0 ? "(" + text + ")" : text
        }.joined(separator: "")
    }
}
