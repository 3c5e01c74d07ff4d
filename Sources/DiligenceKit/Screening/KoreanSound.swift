import Foundation

/// Korean names written by their sound in scripts that have no system for Korean here: Greek
/// ("Τσόε Ριόνγκ-χε", Choe Ryong Hae), Hebrew ("הוואנג פיונג-סו", Hwang Pyong So), Arabic script
/// ("تشوي ريونغ هاي", Persian "هوانگ پیونگ سو"), Bengali ("চো রিয়ং-হে"), Thai, Devanagari,
/// Georgian ("ჰვან ბიონ სო") and Armenian. Each writes the syllables as McCune-Reischauer or
/// the Revised Romanisation says them, so ICU's Latin ("tsoe riong khe", "hvang piung su",
/// "hwang pywng su") has the sounds of the list's syllables but other letters.
///
/// A name of three or four words is read back by the sounds, as `MandarinSound` reads Chinese
/// names: each word's sound skeleton (`MandarinSound.querySkeleton`) must equal the skeleton of a
/// list word that is one Korean syllable as the lists write it (`listedSkeleton`: an initial, an
/// optional glide, a vowel of the romanisations, an optional final), the first word a Korean
/// surname (`surnames`). Each reading is screened like the Hangul ones, and its match counts
/// only against a listed person every word of whose name is such a syllable and matched, no
/// query word left over; its reason says so: `read as Korean written in Greek, Τσόε Ριόνγκ-χε →
/// choe ryong hae: ...`.
enum KoreanSound {
    /// The script of a name read so: one of `MandarinSound.Script`'s, Georgian or Armenian; nil
    /// for a name with a letter of another script (Latin, Cyrillic, Han, Hangul, kana).
    static func script(of name: String) -> String? {
        var found: String?
        for scalar in name.unicodeScalars {
            var script: String?
            if let mandarin = MandarinSound.Script(scalar: scalar) {
                script = mandarin.rawValue
            } else if (0x10D0...0x10FF).contains(scalar.value) {
                script = "Georgian"
            } else if (0x0531...0x0587).contains(scalar.value) {
                script = "Armenian"
            } else if scalar.properties.isAlphabetic, MandarinSound.isOtherLetter(scalar.value) {
                return nil
            }
            if let script {
                if found != nil, found != script { return nil }
                found = script
            }
        }
        return found
    }

    /// Korean surnames as the lists write them (McCune-Reischauer, the Revised Romanisation and
    /// the usual spellings of the South: Choe, Choi; Pak, Park; Ri, Lee), folded as list keys
    /// are. The one-letter ones (O, U) are left out: a vowel alone is no sign of a Korean name.
    static let surnames: Set<String> = Set(
        [
            "kim", "ri", "li", "lee", "yi", "pak", "park", "choe", "choi", "chong", "jong", "jon", "jeon", "chung", "jung", "kang",
            "cho", "jo", "yun", "yoon", "jang", "chang", "im", "rim", "lim", "han", "oh", "so", "seo", "sin", "shin", "kwon",
            "hwang", "an", "ahn", "song", "hong", "ko", "mun", "moon", "yang", "ryang", "son", "pae", "paek", "baek", "ho", "nam",
            "sim", "shim", "no", "roh", "ha", "kwak", "cha", "ju", "ku", "min", "ryu", "yu", "na", "jin", "chin", "ji", "chae",
            "won", "chon", "pang", "kong", "hyon", "hyun", "ham", "pyon", "yom", "ryom", "chu", "thae", "tae", "sok", "ma",
            "kil", "pyo", "myong", "wang", "kum", "ok", "yuk", "maeng", "kye", "kyong", "pong",
        ].compactMap { NameNormalizer.standard.normalize($0).tokens.first?.key })

    /// The sound skeletons of `surnames`.
    static let surnameSkeletons: [[UInt16]] = surnames.sorted().compactMap { listedSkeleton(Array($0.utf8)) }

    /// Initials of a Korean syllable as list keys write them (folded: "ch" is "c", "th" "t", "ph" "f").
    static let initials: [[UInt8]] = ["kk", "tt", "pp", "ss", "jj", "c", "j", "s", "k", "g", "p", "b", "f", "t", "d", "r", "l", "m", "n", "h"]
        .map { Array($0.utf8) }
    /// Vowels of the romanisations after the glide (a folded "y" is "i", "w" "v").
    static let vowels: Set<[UInt8]> = Set(["a", "e", "i", "o", "u", "ae", "eo", "eu", "oe", "ui", "oi"].map { Array($0.utf8) })
    /// Finals, longest first.
    static let finals: [[UInt8]] = ["ng", "n", "m", "k", "l", "p", "t"].map { Array($0.utf8) }

    /// Whether a list key is one Korean syllable: an initial, a glide ("i" for y, "v" for w),
    /// a vowel, a final, each but the vowel optional; six letters at most.
    static func isSyllable(_ key: [UInt8]) -> Bool {
        guard (1...6).contains(key.count) else { return false }
        var rest = key[...]
        if let initial = initials.first(where: { rest.count > $0.count && rest.starts(with: $0) }) { rest = rest.dropFirst(initial.count) }
        if let final = finals.first(where: { rest.count > $0.count && rest.reversed().starts(with: $0.reversed()) }) {
            rest = rest.dropLast(final.count)
        }
        if vowels.contains(Array(rest)) { return true }
        guard let glide = rest.first, glide == UInt8(ascii: "i") || glide == UInt8(ascii: "v") else { return false }
        return vowels.contains(Array(rest.dropFirst()))
    }

    /// The sound skeleton of a list key that is one Korean syllable; nil for another word.
    /// Velars, labials, dentals, sibilants (c, j, s) and liquids (r, l) are one class each, the
    /// glides vowels ("i" front, "v" back), a run of vowels one element, "ng" one n, h free.
    static func listedSkeleton(_ key: [UInt8]) -> [UInt16]? {
        guard isSyllable(key) else { return nil }
        var result: [UInt16] = []
        var index = 0
        while index < key.count {
            let mask: UInt16
            switch key[index] {
            case UInt8(ascii: "a"): mask = Transcription.Class.a
            case UInt8(ascii: "e"), UInt8(ascii: "i"): mask = Transcription.Class.front
            case UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "v"): mask = Transcription.Class.back
            case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "f"): mask = Transcription.Class.labial
            case UInt8(ascii: "d"), UInt8(ascii: "t"): mask = Transcription.Class.dental
            case UInt8(ascii: "g"), UInt8(ascii: "k"): mask = Transcription.Class.velar
            case UInt8(ascii: "h"): mask = Transcription.Class.h
            case UInt8(ascii: "r"), UInt8(ascii: "l"): mask = Transcription.Class.liquid
            case UInt8(ascii: "m"): mask = Transcription.Class.m
            case UInt8(ascii: "n"):
                mask = Transcription.Class.n
                if index + 1 < key.count, key[index + 1] == UInt8(ascii: "g") { index += 1 }
            default: mask = Transcription.Class.sibilant  // c, j, s
            }
            Transcription.append(mask, to: &result)
            index += 1
        }
        return result
    }

    /// Whether a query word's skeleton is a listed syllable's: the same sounds, a vowel among
    /// them (a syllable's sounds are too few to allow an edit).
    static func matches(query: [UInt16], listed: [UInt16]) -> Bool {
        guard query.contains(where: { $0 & Transcription.Class.vowels != 0 }), Transcription.length(query) >= 1,
            Transcription.length(query) == Transcription.length(listed)
        else { return false }
        return MandarinIndex.distance(query, listed, within: 0) == 0
    }

    /// Words of a name read so: three (a surname and two syllables of a given name) or four.
    static let wordCounts = 3...4
    /// List syllables tried for one query word at most.
    static let maximumOptions = 3
    /// Readings of one name at most.
    static let maximumReadings = 8
}

/// The sound skeletons of a list's words that are one Korean syllable (`KoreanSound.listedSkeleton`),
/// built on the first query read so and kept for the run.
final class KoreanSyllableIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built = false
    private var tokens: [Int32] = []
    private var skeletons: [[UInt16]] = []
    /// Each skeleton's `Transcription.length`, made once.
    private var lengths: [Int] = []

    /// The list syllables a query word's skeleton is (`KoreanSound.matches`), those nearest its
    /// letters first (edit distance to the list key), at most `KoreanSound.maximumOptions`, with
    /// that distance. The scan takes no lock: the arrays are written once, before `built`.
    func candidates(_ skeleton: [UInt16], word: [UInt8], in index: CandidateIndex) -> [(token: Int32, edits: Int)] {
        ensureBuilt(index)
        // `KoreanSound.matches`, its tests on the query word made once: a vowel, and the same
        // length as the list syllable's.
        let length = Transcription.length(skeleton)
        guard skeleton.contains(where: { $0 & Transcription.Class.vowels != 0 }), length >= 1 else { return [] }
        var found: [(token: Int32, edits: Int)] = []
        for position in skeletons.indices where lengths[position] == length && MandarinIndex.distance(skeleton, skeletons[position], within: 0) == 0 {
            found.append((tokens[position], StringDistance.editDistance(word[...], index.key(tokens[position]), limit: 8)))
        }
        found.sort { ($0.edits, $0.token) < ($1.edits, $1.token) }
        return Array(found.prefix(KoreanSound.maximumOptions))
    }

    private func ensureBuilt(_ index: CandidateIndex) {
        lock.lock()
        defer { lock.unlock() }
        guard !built else { return }
        for token in 0..<Int32(index.vocabularyCount) {
            if let skeleton = KoreanSound.listedSkeleton(Array(index.key(token))) {
                tokens.append(token)
                skeletons.append(skeleton)
                lengths.append(Transcription.length(skeleton))
            }
        }
        built = true
    }
}

extension NameScreener {
    /// When the query is a Korean name written by its sound in Greek, Hebrew, Arabic script,
    /// Thai, Devanagari, Bengali, Georgian or Armenian (`KoreanSound`), its readings as the
    /// list's Korean syllables, with the words their matches' reason starts with ("read as
    /// Korean written in Greek, Τσόε Ριόνγκ-χε → choe ryong hae: ...").
    /// `latin` is `Transliterator.latin` of the query's name when the caller has it (the
    /// normaliser made it), nil to make it here.
    func koreanSoundReadings(of query: ScreeningQuery, latin: String? = nil) -> [(name: String, why: String)] {
        guard let script = KoreanSound.script(of: query.name) else { return [] }
        // `NameNormalizer.latinLower` split on everything but ASCII letters (an ASCII Latin form by its bytes).
        let words = MandarinSound.lowerLetterWords(latin ?? Transliterator.latin(query.name))
        guard KoreanSound.wordCounts.contains(words.count) else { return [] }
        // A Korean name opens with its surname: a first word that sounds like none stops here,
        // before any list word is looked at (most names of these scripts).
        let first = MandarinSound.querySkeleton(Array(words[0].utf8)[...])
        guard KoreanSound.surnameSkeletons.contains(where: { KoreanSound.matches(query: first, listed: $0) }) else { return [] }
        var options: [[(token: Int32, edits: Int)]] = []
        for (position, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            var found = memo.korean.candidates(MandarinSound.querySkeleton(bytes[...]), word: bytes, in: index)
            if position == 0 { found = found.filter { KoreanSound.surnames.contains(String(decoding: index.key($0.token), as: UTF8.self)) } }
            guard !found.isEmpty else { return [] }
            options.append(found)
        }
        // Every combination, the nearest in letters first.
        var readings: [(tokens: [Int32], edits: Int)] = [([], 0)]
        for found in options {
            readings = readings.flatMap { reading in found.map { (reading.tokens + [$0.token], reading.edits + $0.edits) } }
        }
        readings.sort { $0.edits < $1.edits }
        readings = Array(readings.prefix(KoreanSound.maximumReadings))
        var result: [(name: String, why: String)] = []
        for reading in readings {
            let text = reading.tokens.map { listedText(of: $0) }.joined(separator: " ")
            if !result.contains(where: { $0.name == text }) {
                result.append((text, "read as Korean written in \(script), \(query.name) → \(text): "))
            }
        }
        return result
    }

    /// `matches`, and the matches of the query read as each of its `koreanSoundReadings`: a
    /// listed person every word of whose name is a Korean syllable and matched. Per entity the
    /// best, a reading's match saying so in `why`.
    func withKoreanSoundReadings(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, latin: String? = nil, threshold: Double, scratch: inout Scratch,
        exhaustive: Bool, hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        let readings = koreanSoundReadings(of: query, latin: latin)
        guard !readings.isEmpty else { return matches }
        return withReadings(
            matches, of: query, readings, threshold: threshold, scratch: &scratch, exhaustive: exhaustive, hadCandidates: &hadCandidates
        ) { match in
            isKoreanName(match) && coversListedName(match) && !match.details.contains(where: { $0.listed.isEmpty })
        }
    }

    /// Whether a match is a listed person's name made of Korean syllables alone.
    func isKoreanName(_ match: ScreeningMatch) -> Bool {
        guard match.entity.kind == .person else { return false }
        let words = normalizer.normalize(match.matched).tokens.filter { $0.kind == .name }
        return !words.isEmpty && words.allSatisfy { KoreanSound.isSyllable(Array($0.key.utf8)) }
    }
}
