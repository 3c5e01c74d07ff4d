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
/// Only a word written in Tamil letters is read so; the comparison's budget is the other
/// transcriptions' (none up to four sounds, one up to eight).
enum TamilTranscription {
    /// The mask of a Tamil word's "h": a velar or h.
    static let h: UInt16 = Transcription.Class.velar | Transcription.Class.h

    /// The stops and sibilants before which Tamil adds a vowel.
    static func isObstruent(_ byte: UInt8) -> Bool {
        "kgtdpbfsjzch".utf8.contains(byte)
    }

    /// Whether a vowel after a consonant is one Tamil adds: "i" or "u" between a stop or
    /// sibilant and r or l, "u" after a stop or sibilant closing the word.
    static func isAdded(_ vowel: UInt8, after consonant: UInt8, next: UInt8?) -> Bool {
        guard isObstruent(consonant) else { return false }
        guard let next else { return vowel == UInt8(ascii: "u") }
        return (vowel == UInt8(ascii: "i") || vowel == UInt8(ascii: "u")) && (next == UInt8(ascii: "r") || next == UInt8(ascii: "l"))
    }

    /// The transcription script of a word written in Tamil or Thai letters (by its first
    /// letter: a word of these scripts has no other), nil for other words.
    ///
    /// Thai writes foreign names as their sounds, as Japanese does, with letters that merge
    /// sounds the lists tell apart and a final consonant said by its place; its romanisation
    /// (`ScriptRomanizer`) drops the letters the name silences ("เซียร์เกย์" is read "siake",
    /// Sergei): compared as a transcription, "siake" is "Sergey" within the budget, "choyku"
    /// is "Shoigu".
    static func script(ofWord word: String) -> Transcription.Script? {
        guard let first = word.unicodeScalars.first?.value, first >= 0x0B80, first <= 0x0E7F else { return nil }
        if first <= 0x0BFF { return .tamil }
        return first >= 0x0E00 ? .thai : nil
    }
}
