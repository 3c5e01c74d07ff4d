import Foundation

/// Chinese names written by their Mandarin sound in scripts that have no system for Chinese of
/// their own here: Greek ("Σια Μπαολόνγκ", Xia Baolong), Hebrew ("שיה באולונג"), Arabic script
/// ("شيا باو لونغ", Persian "چن چوانگوئو", Chen Quanguo; Uyghur), Thai ("หวัง จฺวินเจิ้ง"),
/// Devanagari ("शिया बाओलोंग") and Bengali ("লি শাংফু", Li Shangfu). Each writes the syllables
/// as they sound, so ICU's Latin ("sia baolong", "shya baw lungh", "cen cvanakvo") has the sounds
/// of the pinyin but none of its letters (x, q, zh, -ng).
///
/// A name is read back by the sounds: each word's sound skeleton (`Transcription`'s classes:
/// sibilants and affricates one class, x, q, j, zh, ch, sh, z, c, s alike; b, p, f; d, t; l, r;
/// vowels a, front, back, a run of vowels one element; h free) is compared with the skeletons
/// of the list's words that are made of pinyin syllables (`MandarinIndex`), and two adjacent
/// words are tried as one (Arabic writes each syllable apart, "باو لونغ"). Only a name all of
/// whose words are such list words, one of them at an end a common Chinese surname
/// (`surnames`), is read so, and each reading is screened like the Hangul ones, its reason
/// saying so: `read as Chinese written in Greek, Σια Μπαολόνγκ → xia baolong: ...`.
enum MandarinSound {
    /// The scripts read so, by a letter of the name.
    enum Script: String {
        case greek = "Greek"
        case hebrew = "Hebrew"
        case arabic = "Arabic script"
        case thai = "Thai"
        case devanagari = "Devanagari"
        case bengali = "Bengali"

        /// The script of a scalar, nil for a letter of none of them (spaces and marks are nil too).
        init?(scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
            case 0x05D0...0x05EA: self = .hebrew
            case 0x0620...0x064A, 0x0671...0x06D3, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x0E01...0x0E2E: self = .thai
            case 0x0904...0x0939: self = .devanagari
            case 0x0985...0x09B9: self = .bengali
            default: return nil
            }
        }
    }

    /// Readings of one name at most.
    static let maximumReadings = 8
    /// List words tried for one query word at most, the closest first.
    static let maximumOptions = 4

    /// The script of a name whose letters are all of one of `Script` (no Latin, Han or other
    /// letters); nil otherwise.
    static func script(of name: String) -> Script? {
        var found: Script?
        for scalar in name.unicodeScalars {
            if let script = Script(scalar: scalar) {
                if found != nil, found != script { return nil }
                found = script
            } else if scalar.properties.isAlphabetic, isOtherLetter(scalar.value) {
                return nil
            }
        }
        return found
    }

    /// Latin, Cyrillic, Han, Hangul and kana letters: a name with one is read otherwise.
    static func isOtherLetter(_ value: UInt32) -> Bool {
        (0x41...0x24F).contains(value) || (0x0400...0x052F).contains(value) || Transliterator.isHan(value)
            || Transliterator.isHangulSyllable(value) || (0x3040...0x30FF).contains(value)
    }

    /// Letters of Arabic and Hebrew for sounds Mandarin does not have, which their
    /// transcriptions of Chinese do not use: ayin (ع, ע), the emphatics (ص ض ط ظ), ق, ث, ذ, and
    /// Arabic's ح ("علي هنري", Ali Henri, is no "li hongri").
    static let nativeSounds: Set<Unicode.Scalar> = Set("عحقطضصظثذע".unicodeScalars)

    /// The runs of ASCII letters of a Latin text, lower case, apostrophes dropped first
    /// (`NameNormalizer.latinLower` split on everything but ASCII letters). An ASCII text (the
    /// Latin form mostly is) is read by its bytes.
    static func lowerLetterWords(_ latin: String) -> [String] {
        guard latin.utf8.allSatisfy({ $0 < 0x80 }) else {
            return latin.lowercased().filter { $0 != "'" && $0 != "’" }.split { !($0.isASCII && $0.isLetter) }.map(String.init)
        }
        var words: [String] = []
        var word: [UInt8] = []
        for byte in latin.utf8 where byte != UInt8(ascii: "'") {
            if ASCII.isLetter(byte) {
                word.append(ASCII.lowercased(byte))
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Whether a name has a letter of `nativeSounds`.
    static func hasNativeSound(_ name: String) -> Bool {
        name.unicodeScalars.contains { nativeSounds.contains($0) }
    }

    // MARK: Pinyin

    /// The pinyin syllables (of the Hangul table, which has every Mandarin syllable), folded as
    /// list keys are ("shang" is "sang", "qian" "kian", "wang" "vang", "yu" "iu").
    static let foldedSyllables: Set<String> = {
        guard let table = ChineseHangul.standard else { return [] }
        var result: Set<String> = []
        for syllable in table.pinyinSyllables {
            if let key = NameNormalizer.standard.normalize(syllable).tokens.first?.key { result.insert(key) }
        }
        return result
    }()

    /// The longest folded syllable, in letters.
    static let longestSyllable = foldedSyllables.map(\.utf8.count).max() ?? 0

    /// The folded syllables of eight ASCII bytes at most, each as its bytes packed in an integer
    /// (`packed`): `syllables` tries every cut of every list word, and a text made and hashed
    /// for each cut cost most of the Mandarin index's build. The others (a key the normaliser
    /// expands, "eng" as "enginiring") are looked up as texts (`unpackedSyllables`).
    static let packedSyllables: Set<UInt64> = Set(foldedSyllables.filter(isPackable).map { packed($0.utf8) })

    /// Every cut of eight ASCII bytes at most that starts a folded syllable, packed as
    /// `packed` packs it: 1 when it is only a start, 3 when it is a packed syllable too.
    /// `syllables` stops lengthening a cut that starts none (no longer cut can be one).
    static let syllableStarts: [UInt64: UInt8] = {
        var result: [UInt64: UInt8] = [:]
        for syllable in foldedSyllables {
            let bytes = Array(syllable.utf8)
            for length in 1...min(8, bytes.count) where bytes[..<length].allSatisfy({ $0 > 0 && $0 < 0x80 }) {
                result[packed(bytes[..<length]), default: 0] |= 1
            }
        }
        for code in packedSyllables { result[code, default: 0] |= 3 }
        return result
    }()

    /// The folded syllables `packedSyllables` does not hold.
    static let unpackedSyllables: Set<String> = foldedSyllables.filter { !isPackable($0) }

    /// Whether a syllable is ASCII (no zero byte) of eight bytes at most.
    static func isPackable(_ syllable: String) -> Bool {
        syllable.utf8.count <= 8 && syllable.utf8.allSatisfy { $0 > 0 && $0 < 0x80 }
    }

    /// Bytes (at most eight, none zero) packed in order into an integer: equal bytes, equal integers.
    static func packed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The hundred most common Chinese surnames (`ChineseCyrillic.surnames`, the 2020 census of
    /// the Ministry of Public Security of China), in pinyin folded as list keys are.
    static let surnames: Set<String> = Set(
        ChineseCyrillic.surnames.compactMap { surname in
            ChineseCyrillic.syllables(of: surname).flatMap { NameNormalizer.standard.normalize($0.joined()).tokens.first?.key }
        })

    /// Syllables of a Chinese name's word at most (a surname of one or two, a given name of one or two).
    static let maximumSyllables = 3
    /// Syllables of a name read so at least (`NameScreener.isChineseOrder`).
    static let minimumSyllables = 3

    /// The sound skeletons of `surnames`.
    static let surnameSkeletons: [[UInt16]] = surnames.sorted().compactMap { listedSkeleton(Array($0.utf8)) }

    /// `surnameSkeletons` as `distance` compares a query word with them, made once: the list
    /// side for a query word of another script and for one of an abjad, and the length.
    static let surnameSides: [(plain: [UInt16], abjad: [UInt16], length: Int)] = surnameSkeletons.map {
        ($0, listedSide(ofAbjadQuery: $0), Transcription.length($0))
    }

    /// Whether a query word's skeleton may be a common Chinese surname: `distance` to one of
    /// `surnameSkeletons` is not nil.
    static func maySoundLikeSurname(_ query: [UInt16], abjad: Bool) -> Bool {
        let length = Transcription.length(query)
        let hasVowel = query.contains { $0 & Transcription.Class.vowels != 0 }
        return surnameSides.contains { side in
            edits(query: query, queryLength: length, queryHasVowel: hasVowel, listedSide: abjad ? side.abjad : side.plain, listedLength: side.length)
                != nil
        }
    }

    /// A list word's key cut into folded pinyin syllables, the fewest, at most
    /// `maximumSyllables`, none but the first opening with a, e or o; nil when it does not cut.
    static func syllables(_ key: [UInt8]) -> [ArraySlice<UInt8>]? {
        guard !key.isEmpty, key.count <= 24 else { return nil }
        // Fewest syllables to reach each position, and the start of the last one.
        var best = [Int](repeating: Int.max, count: key.count + 1)
        var from = [Int](repeating: -1, count: key.count + 1)
        best[0] = 0
        for start in 0..<key.count where best[start] != Int.max {
            // Inside a word, pinyin starts no syllable with a, e or o without an apostrophe ("xi'an"):
            // "ali", "marina" as "a-li", "ma-ri-na" are not Chinese names.
            if start > 0, "aeo".utf8.contains(key[start]) { continue }
            var code: UInt64 = 0
            // Whether the cut so far is bytes a packed syllable can be (ASCII, none zero); its
            // bytes packed as `packed` packs them (the first shifted out past eight: unused then).
            var clean = true
            for length in 1...min(longestSyllable, key.count - start) {
                let end = start + length
                code = code << 8 | UInt64(key[end - 1])
                clean = clean && key[end - 1] != 0 && key[end - 1] < 0x80
                // A cut of eight ASCII bytes at most can only be a packed syllable; any other
                // only one of the few left as texts. A short cut that starts no syllable ends
                // the lengthening.
                let starts = clean && length <= 8 ? syllableStarts[code] ?? 0 : 0
                if clean && length <= 8 && starts == 0 { break }
                guard best[start] + 1 < best[end] else { continue }
                let known =
                    clean && length <= 8
                    ? starts == 3
                    : !unpackedSyllables.isEmpty && unpackedSyllables.contains(String(decoding: key[start..<end], as: UTF8.self))
                guard known else { continue }
                best[end] = best[start] + 1
                from[end] = start
            }
        }
        guard best[key.count] <= maximumSyllables else { return nil }
        var result: [ArraySlice<UInt8>] = []
        var end = key.count
        while end > 0 {
            result.append(key[from[end]..<end])
            end = from[end]
        }
        return result.reversed()
    }

    /// The sound skeleton of a list word made of pinyin syllables (its key: "sangfu"); nil for
    /// another word. A folded "k" is pinyin k or q (velar or sibilant), "v" the glide w, "i" at
    /// a syllable's start the glide y, "r" liquid or sibilant; a final "n" or "ng" is one n.
    static func listedSkeleton(_ key: [UInt8]) -> [UInt16]? {
        guard let parts = syllables(key) else { return nil }
        var result: [UInt16] = []
        for syllable in parts {
            let bytes = Array(syllable)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var mask: UInt16
                switch byte {
                case UInt8(ascii: "a"): mask = Transcription.Class.a
                case UInt8(ascii: "e"), UInt8(ascii: "i"): mask = Transcription.Class.front
                case UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "v"): mask = Transcription.Class.back
                case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "f"): mask = Transcription.Class.labial
                case UInt8(ascii: "d"), UInt8(ascii: "t"): mask = Transcription.Class.dental
                case UInt8(ascii: "g"): mask = Transcription.Class.velar
                case UInt8(ascii: "k"): mask = Transcription.Class.velar | Transcription.Class.sibilant
                case UInt8(ascii: "h"): mask = Transcription.Class.h
                case UInt8(ascii: "r"): mask = Transcription.Class.liquid | Transcription.Class.sibilant
                case UInt8(ascii: "l"): mask = Transcription.Class.liquid
                case UInt8(ascii: "m"): mask = Transcription.Class.m
                case UInt8(ascii: "n"):
                    mask = Transcription.Class.n
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "g") { index += 1 }
                default: mask = Transcription.Class.sibilant  // j, x, z, c, s
                }
                append(mask, to: &result)
                index += 1
            }
        }
        return result
    }

    /// `Transcription.append`, but a run of vowels across a syllable's end stays one element.
    static func append(_ mask: UInt16, to result: inout [UInt16]) {
        Transcription.append(mask, to: &result)
    }

    // MARK: Query words

    /// The sound skeleton of a query word's Latin form as ICU writes these scripts: y and w are
    /// vowels (front, back), v a back vowel (Mandarin has no v: Uyghur ۋ writes w), the clusters
    /// a script writes for one affricate ("tsh", "ts", "dz", "ch", "sh", "zh") one sibilant, "kh"
    /// the h it writes, "th", "dh", "ph" one dental or labial, "ng" before a consonant or at the
    /// end one n (before a vowel n and g), letters ICU leaves outside ASCII nothing.
    static func querySkeleton(_ text: ArraySlice<UInt8>) -> [UInt16] {
        let bytes = Array(text)
        var result: [UInt16] = []
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        func isVowel(_ byte: UInt8?) -> Bool { byte.map { "aeiouyw".utf8.contains($0) } ?? false }
        while index < bytes.count {
            let byte = bytes[index]
            var mask: UInt16 = 0
            var width = 1
            switch byte {
            case UInt8(ascii: "a"): mask = Transcription.Class.a
            case UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "y"): mask = Transcription.Class.front
            case UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "w"), UInt8(ascii: "v"): mask = Transcription.Class.back
            case UInt8(ascii: "b"), UInt8(ascii: "f"): mask = Transcription.Class.labial
            case UInt8(ascii: "p"):
                mask = Transcription.Class.labial
                if at(1) == UInt8(ascii: "h") { width = 2 }
            case UInt8(ascii: "t"), UInt8(ascii: "d"):
                mask = Transcription.Class.dental
                if at(1) == UInt8(ascii: "h") {
                    width = 2
                } else if at(1) == UInt8(ascii: "s") || at(1) == UInt8(ascii: "z") {
                    mask = Transcription.Class.sibilant
                    width = at(2) == UInt8(ascii: "h") ? 3 : 2
                }
            case UInt8(ascii: "k"):
                mask = at(1) == UInt8(ascii: "h") ? Transcription.Class.h : Transcription.Class.velar
                if at(1) == UInt8(ascii: "h") { width = 2 }
            case UInt8(ascii: "g"), UInt8(ascii: "q"): mask = Transcription.Class.velar
            case UInt8(ascii: "h"): mask = Transcription.Class.h
            case UInt8(ascii: "c"), UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "x"), UInt8(ascii: "j"):
                mask = Transcription.Class.sibilant
                if at(1) == UInt8(ascii: "h") { width = 2 }
            case UInt8(ascii: "l"), UInt8(ascii: "r"): mask = Transcription.Class.liquid
            case UInt8(ascii: "m"): mask = Transcription.Class.m
            case UInt8(ascii: "n"):
                mask = Transcription.Class.n
                if at(1) == UInt8(ascii: "g"), !isVowel(at(2)) { width = 2 }
            default: break
            }
            if mask != 0 { append(mask, to: &result) }
            index += width
        }
        return result
    }

    /// An abjad's surname of two consonants, the second n, with the short vowel it leaves out
    /// between them ("تشن", "چن": Chen; "جن", Jin): the vowel any, and optional. Other skeletons
    /// unchanged.
    static func withShortVowel(_ skeleton: [UInt16], abjad: Bool) -> [UInt16] {
        guard abjad, skeleton.count == 2, skeleton[0] & (Transcription.Class.vowels | Transcription.Class.h) == 0,
            skeleton[1] == Transcription.Class.n
        else { return skeleton }
        return [skeleton[0], Transcription.Class.vowels | Transcription.Class.optional, skeleton[1]]
    }

    /// The edits between a query word's skeleton and a list word's, when they match: the
    /// vowels of the list word optional for an abjad's word, which leaves short vowels out; a
    /// query word of one or two sounds that count must carry a vowel and match exactly, a longer
    /// one within `Transcription.budget`. Nil when they do not match.
    static func distance(query: [UInt16], listed: [UInt16], abjad: Bool) -> Int? {
        edits(
            query: query, queryLength: Transcription.length(query), queryHasVowel: query.contains { $0 & Transcription.Class.vowels != 0 },
            listedSide: abjad ? listedSide(ofAbjadQuery: listed) : listed, listedLength: Transcription.length(listed))
    }

    /// A list word's skeleton as an abjad's query word is compared with it: its vowels optional.
    static func listedSide(ofAbjadQuery listed: [UInt16]) -> [UInt16] {
        listed.map { $0 & Transcription.Class.vowels != 0 ? $0 | Transcription.Class.optional : $0 }
    }

    /// `distance`'s rule on what it works out of the two words (their lengths, whether the query
    /// carries a vowel, the list side), which the Mandarin index makes once per word.
    static func edits(query: [UInt16], queryLength q: Int, queryHasVowel: Bool, listedSide: [UInt16], listedLength l: Int) -> Int? {
        guard q >= 2, l >= 2 else { return nil }
        let short = min(q, l) <= 2
        if short, !queryHasVowel { return nil }
        return MandarinIndex.distance(query, listedSide, within: short ? 0 : Transcription.budget(length: max(q, l)))
    }
}

/// The sound skeletons of a list's words that are made of pinyin syllables
/// (`MandarinSound.listedSkeleton`), built on the first query read so and kept for the run.
final class MandarinIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built = false
    private var tokens: [Int32] = []
    private var skeletons: [[UInt16]] = []
    private var lengths: [UInt8] = []
    /// Each skeleton's length (`Transcription.length`), and its list side for an abjad's query
    /// word (its vowels optional: `MandarinSound.distance`), made once.
    private var fullLengths: [Int] = []
    private var abjadSides: [[UInt16]] = []

    /// The list words closest to a query word's skeleton (`MandarinSound.distance`), the
    /// closest first, at most `MandarinSound.maximumOptions`, with their edits. The scan takes no
    /// lock: the arrays are written once, before `built`.
    func candidates(_ skeleton: [UInt16], abjad: Bool, in index: CandidateIndex) -> [(token: Int32, edits: Int)] {
        ensureBuilt(index)
        // A query word's answer depends on its skeleton alone: a run reads the same words
        // ("li", "wang") in many names, and each scan compares thousands of list words.
        return answers.value(for: QueryKey(skeleton: skeleton, abjad: abjad), orMake: { scan(skeleton, abjad: abjad) })
    }

    /// A query word's skeleton and whether it comes from an abjad (`candidates`'s answers).
    private struct QueryKey: Hashable {
        var skeleton: [UInt16]
        var abjad: Bool
    }

    /// `candidates`'s answers, per query word (bounded: a run over many names keeps at most these).
    private let answers = Memo<QueryKey, [(token: Int32, edits: Int)]>(capacity: 20_000)

    /// The scan behind `candidates`: every list word of pinyin within two of the word's length,
    /// compared as `MandarinSound.distance` compares them (`distance(_:_:within:)`: the list
    /// side for an abjad made once at build, the edits counted only up to what may match).
    private func scan(_ skeleton: [UInt16], abjad: Bool) -> [(token: Int32, edits: Int)] {
        let length = Transcription.length(skeleton)
        guard length >= 2 else { return [] }
        let hasVowel = skeleton.contains { $0 & Transcription.Class.vowels != 0 }
        let sides = abjad ? abjadSides : skeletons
        var found: [(token: Int32, edits: Int, exact: Bool)] = []
        for position in skeletons.indices where abs(Int(lengths[position]) - length) <= 2 {
            if let edits = MandarinSound.edits(
                query: skeleton, queryLength: length, queryHasVowel: hasVowel, listedSide: sides[position], listedLength: fullLengths[position])
            {
                found.append((tokens[position], edits, skeletons[position] == skeleton))
            }
        }
        found.sort { ($0.edits, $0.exact ? 0 : 1, $0.token) < ($1.edits, $1.exact ? 0 : 1, $1.token) }
        return found.prefix(MandarinSound.maximumOptions).map { ($0.token, $0.edits) }
    }

    /// `Transcription.distance(a, b)` when it is at most `limit`, else nil: the same table, in
    /// memory of the stack, left as soon as a row's smallest value passes the limit (the values
    /// never fall from one row to the next, so the last one would pass it too).
    static func distance(_ a: [UInt16], _ b: [UInt16], within limit: Int) -> Int? {
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var previous = base, current = base + width
            previous[0] = 0
            for j in 0..<b.count { previous[j + 1] = previous[j] + (Transcription.isFree(b[j]) ? 0 : 1) }
            for i in 0..<a.count {
                let dropA = Transcription.isFree(a[i]) ? 0 : 1
                current[0] = previous[0] + dropA
                var smallest = current[0]
                for j in 0..<b.count {
                    let dropB = Transcription.isFree(b[j]) ? 0 : 1
                    let substitute = previous[j] + (a[i] & b[j] & ~Transcription.Class.optional != 0 ? 0 : 1)
                    current[j + 1] = min(substitute, previous[j + 1] + dropA, current[j] + dropB)
                    smallest = min(smallest, current[j + 1])
                }
                if smallest > limit { return nil }
                swap(&previous, &current)
            }
            return previous[b.count] <= limit ? previous[b.count] : nil
        }
    }

    /// Whether a list word is made of pinyin syllables.
    func isPinyin(_ token: Int32, in index: CandidateIndex) -> Bool {
        ensureBuilt(index)
        return tokens.binarySearchContains(token)
    }

    private func ensureBuilt(_ index: CandidateIndex) {
        lock.lock()
        defer { lock.unlock() }
        if !built { build(index) }
    }

    private func build(_ index: CandidateIndex) {
        for token in 0..<Int32(index.vocabularyCount) {
            if let skeleton = MandarinSound.listedSkeleton(Array(index.key(token))) {
                tokens.append(token)
                skeletons.append(skeleton)
                lengths.append(UInt8(min(Transcription.length(skeleton), 255)))
                fullLengths.append(Transcription.length(skeleton))
                abjadSides.append(MandarinSound.listedSide(ofAbjadQuery: skeleton))
            }
        }
        built = true
    }
}

extension [Int32] {
    /// Whether a sorted array holds a value.
    fileprivate func binarySearchContains(_ value: Int32) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}

extension NameScreener {
    /// When the query is a Chinese name written by its Mandarin sound in Greek, Hebrew, Arabic
    /// script, Thai, Devanagari or Bengali (`MandarinSound`), its readings as the list's pinyin
    /// words, with the words their matches' reason starts with ("read as Chinese written in
    /// Greek, Σια Μπαολόνγκ → xia baolong: ...").
    /// `latin` is `Transliterator.latin` of the query's name when the caller has it (the
    /// normaliser made it), nil to make it here.
    func mandarinReadings(of query: ScreeningQuery, latin: String? = nil) -> [(name: String, why: String)] {
        guard let script = MandarinSound.script(of: query.name), !MandarinSound.hasNativeSound(query.name) else { return [] }
        // The words of the Latin form, not the name's tokens: a Chinese syllable may be a word
        // the normaliser sets aside ("sia", Xia, is the Latvian legal form SIA).
        let words = MandarinSound.lowerLetterWords(latin ?? Transliterator.latin(query.name))
        guard (2...4).contains(words.count) else { return [] }
        let abjad = script == .arabic || script == .hebrew
        // A Chinese name opens with its surname: a first word that sounds like none of the
        // common ones stops here, before any list word is looked at (most names of these scripts).
        let first = MandarinSound.withShortVowel(MandarinSound.querySkeleton(Array(words[0].utf8)[...]), abjad: abjad)
        guard MandarinSound.maySoundLikeSurname(first, abjad: abjad) else { return [] }
        // Per query word (and pair of adjacent words), the list words it may be: the word
        // itself when the list has it as pinyin, or the closest pinyin words by sound.
        func options(_ text: String) -> [(token: Int32, edits: Int, read: Bool)] {
            let key = normalizer.normalize(text).tokens.first?.key ?? text
            if let token = index.vocabulary[key], memo.mandarin.isPinyin(token, in: index) { return [(token, 0, false)] }
            var skeleton = MandarinSound.querySkeleton(Array(text.utf8)[...])
            if text == words[0] { skeleton = MandarinSound.withShortVowel(skeleton, abjad: abjad) }
            return memo.mandarin.candidates(skeleton, abjad: abjad, in: index).map { ($0.token, $0.edits, true) }
        }
        let single = words.map { options($0) }
        let pairs = words.indices.dropLast().map { options(words[$0] + words[$0 + 1]) }
        // Every way of covering the words, each word or pair read as one list word.
        var readings: [(tokens: [Int32], edits: Int, read: Bool)] = []
        func cover(_ position: Int, _ tokens: [Int32], _ edits: Int, _ read: Bool) {
            guard readings.count < 64 else { return }
            if position == words.count {
                readings.append((tokens, edits, read))
                return
            }
            for option in single[position] { cover(position + 1, tokens + [option.token], edits + option.edits, read || option.read) }
            if position + 1 < words.count {
                for option in pairs[position] { cover(position + 2, tokens + [option.token], edits + option.edits, read || option.read) }
            }
        }
        cover(0, [], 0, false)
        let chosen =
            readings
            .filter { reading in
                reading.read && reading.tokens.count >= 2 && isChineseOrder(reading.tokens)
            }
            .sorted { $0.edits < $1.edits }
            .prefix(MandarinSound.maximumReadings)
        var result: [(name: String, why: String)] = []
        for reading in chosen {
            let text = reading.tokens.map { listedText(of: $0) }.joined(separator: " ")
            if !result.contains(where: { $0.name == text }) {
                result.append((text, "read as Chinese written in \(script.rawValue), \(query.name) → \(text): "))
            }
        }
        return result
    }

    /// Whether list words read from a name are a Chinese name in Chinese order, as the scripts
    /// read so write it: a common surname first (`MandarinSound.surnames`), three syllables or
    /// more in all (two, "Li Wei", "Su Xing", are too often a name of the script that sounds so:
    /// "শুভ সিং", Shubho Singh).
    func isChineseOrder(_ tokens: [Int32]) -> Bool {
        guard let first = tokens.first, MandarinSound.surnames.contains(String(decoding: index.key(first), as: UTF8.self)) else { return false }
        let syllables = tokens.reduce(0) { $0 + (MandarinSound.syllables(Array(index.key($1)))?.count ?? 0) }
        return syllables >= MandarinSound.minimumSyllables
    }

    /// `matches`, and the matches of the query read as each of its `mandarinReadings` that a
    /// Chinese name gives: a listed person whose every word is pinyin (`MandarinSound.listedSkeleton`)
    /// and matched. Per entity the best, a reading's match saying so in `why`.
    func withMandarinReadings(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, latin: String? = nil, threshold: Double, scratch: inout Scratch, exhaustive: Bool,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        let readings = mandarinReadings(of: query, latin: latin)
        guard !readings.isEmpty else { return matches }
        return withReadings(
            matches, of: query, readings, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates
        ) { match in
            isChineseName(match) && coversListedName(match) && !match.details.contains(where: { $0.listed.isEmpty })
        }
    }

    /// Whether a match is a listed person's name made of pinyin words alone.
    func isChineseName(_ match: ScreeningMatch) -> Bool {
        guard match.entity.kind == .person else { return false }
        let words = normalizer.normalize(match.matched).tokens.filter { $0.kind == .name }
        return !words.isEmpty && words.allSatisfy { MandarinSound.listedSkeleton(Array($0.key.utf8)) != nil }
    }

    /// A list word as a list writes it (lower case), for a reading's reason; its key otherwise.
    func listedText(of token: Int32) -> String {
        if let name = index.postings(of: token).first {
            for position in index.tokenRange(ofName: Int(name)) where index.tokens[position] == token {
                let text = index.text(at: position)
                if !text.isEmpty { return String(decoding: text, as: UTF8.self) }
            }
        }
        return String(decoding: index.key(token), as: UTF8.self)
    }
}
