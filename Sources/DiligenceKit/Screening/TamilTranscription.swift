/// A name written in Tamil, read as a transcription (`Transcription`): Tamil has one letter for
/// the voiceless and the voiced stop of each place (க k, g and h; ச s, j and ch; ட and த t and
/// d; ப p, b and f), says it by its place (`TamilSpelling` writes the sound a Latin spelling
/// writes), and a Latin spelling of a foreign name written from Tamil cannot say which letter
/// the name had: "ஜவாத் ஸரீப்" is read "javat sarip" for Javad Zarif, "தெயிப்" "teyip" for Deif,
/// "பிரிகோசின்" "pirihosin" for Prigozhin. The transcription skeletons already put each class
/// of letters in one class (labials, dentals, velars, sibilants); Tamil adds:
///
/// - its "h" is the velar said between vowels ("erdohan", Erdogan) or the grantha ஹ: a velar
///   or h, never dropped (a Tamil word's h is a sound of the name);
/// - Tamil cannot open a syllable with two consonants and writes a vowel between them ("pi-ri"
///   for "pri", "nasu-rulla" for "Nasrallah"): an "i" or "u" after a stop or sibilant and
///   before r or l is optional;
/// - it adds "u" after a consonant closing a word ("akamatu", Ahmad): optional there.
///
/// Only a word written in Tamil letters is read so, and only the same skeleton matches
/// (`matches`: no edit, where other transcriptions allow one from five sounds; the same vowels;
/// five sounds or more): with the other scripts' budget, 27 more of 1,000 random Tamil names
/// matched a listed name ("harun" / Karen, "saran" / Salas), with no edit but overlapping
/// vowels and short words 4 more.
enum TamilTranscription {
    /// The mask of a Tamil word's "h": a velar or h.
    static let h: UInt16 = Transcription.Class.velar | Transcription.Class.h

    /// The stops and sibilants before which Tamil adds a vowel (not "h": "ahil" is Akil).
    static func isObstruent(_ byte: UInt8) -> Bool {
        "kgtdpbfsjz".utf8.contains(byte)
    }

    /// The sounds a Tamil word needs for a match (h and added vowels not counted).
    static let minimumLength = 5

    /// Whether a Tamil word's skeleton is the listed word's: five sounds or more, aligned one to
    /// one without an edit, h and the vowels Tamil adds skipped, consonants of one class and
    /// vowels of the same kinds ("a" is not "ai", "i" not "io"). Random Tamil names met listed
    /// ones by a vowel run that only overlapped ("sandi" / Chandio) and by short words ("sail" /
    /// Shaer, "ahil" / Aqil).
    static func matches(_ query: [UInt16], _ listed: [UInt16]) -> Bool {
        guard Transcription.length(query) >= minimumLength, query.count <= 32, listed.count <= 32 else { return false }
        let width = listed.count + 1
        var reachable = [Bool](repeating: false, count: (query.count + 1) * width)
        reachable[0] = true
        for i in 0...query.count {
            for j in 0...listed.count where reachable[i * width + j] {
                if i < query.count, Transcription.isFree(query[i]) { reachable[(i + 1) * width + j] = true }
                if j < listed.count, Transcription.isFree(listed[j]) { reachable[i * width + j + 1] = true }
                if i < query.count, j < listed.count, pairs(query[i], listed[j]) { reachable[(i + 1) * width + j + 1] = true }
            }
        }
        return reachable[query.count * width + listed.count]
    }

    /// Whether two elements stand for one sound: consonant classes that meet, or the same vowels.
    static func pairs(_ a: UInt16, _ b: UInt16) -> Bool {
        let vowels = Transcription.Class.vowels
        let x = a & ~Transcription.Class.optional, y = b & ~Transcription.Class.optional
        if x & vowels != 0 || y & vowels != 0 { return x & vowels == y & vowels }
        return x & y != 0
    }

    /// Whether a vowel after a consonant is one Tamil adds: "i" or "u" between a stop or
    /// sibilant and r or l, "u" after a stop or sibilant closing the word.
    static func isAdded(_ vowel: UInt8, after consonant: UInt8, next: UInt8?) -> Bool {
        guard isObstruent(consonant) else { return false }
        guard let next else { return vowel == UInt8(ascii: "u") }
        return (vowel == UInt8(ascii: "i") || vowel == UInt8(ascii: "u")) && (next == UInt8(ascii: "r") || next == UInt8(ascii: "l"))
    }

    /// Whether a word is written in Tamil: its first letter is (a Tamil word has no other).
    static func isTamil(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first?.value else { return false }
        return (0x0B80...0x0BFF).contains(first)
    }
}
