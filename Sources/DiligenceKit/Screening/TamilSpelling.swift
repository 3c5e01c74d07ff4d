/// A Tamil word's romanisation (ICU's ISO 15919, made ASCII) as the word is said, which is how
/// names written in Tamil are spelt in Latin letters.
///
/// Tamil writes each stop with one letter for the voiceless and the voiced sound (க k/g/h,
/// ச c/s/j, ட ṭ/ḍ, த t/d, ப p/b) and says it by its place, the rule of Tamil phonology that
/// grammars of Tamil and the Wikipedia article "Tamil phonology" describe: voiceless at the
/// start of a word and when doubled, voiced after a nasal, a vowel or r, l, y, v; between
/// vowels க is said h or ɣ, and ச s. So "erṭōkāṉ" is "erdohan" (Erdoğan), "volotimir" is
/// "volodimir" (Volodymyr), "iprākim" "ibrahim", "peñcamiṉ" "penjamin" (Benjamin),
/// "nettaṉiyāku" "nettaniyahu", "maturō" "maduro". A hard consonant closing a long foreign name
/// takes a "u" Tamil adds and Latin spellings do not write ("akamatu" is "ahamad", Ahmed;
/// "nikkōlacu" "nikkolas", Nicolas); short native names keep it ("Raju", "Babu").
///
/// Only the reading changes: no comparison is made more lenient (a sound skeleton for Tamil
/// raised false alarms on random Tamil names from 6 to 30 per 1,000 in the sixth round).
enum TamilSpelling {
    /// Whether a word has Tamil letters.
    static func applies(to word: String) -> Bool {
        word.unicodeScalars.contains { (0x0B80...0x0BFF).contains($0.value) }
    }

    /// The spoken spelling of a Tamil word's ASCII romanisation (lower case).
    static func spoken(_ latin: String) -> String {
        var bytes = Array(latin.utf8)
        let original = bytes
        func at(_ index: Int) -> UInt8? { index >= 0 && index < original.count ? original[index] : nil }
        func isVowel(_ byte: UInt8?) -> Bool { byte.map { "aeiou".utf8.contains($0) } ?? false }
        func isVoicing(_ byte: UInt8?) -> Bool { byte.map { "aeiounmrlyv".utf8.contains($0) } ?? false }
        for index in original.indices {
            let byte = original[index]
            guard "kctp".utf8.contains(byte) else { continue }
            let previous = at(index - 1), next = at(index + 1)
            let start = previous == nil || !(previous.map(ASCII.isLetter) ?? false)
            if byte == UInt8(ascii: "c") {
                // ச: "j" after the nasal ñ (ICU "ñc", made "nc"), "s" elsewhere ("செர்கே" "serge").
                bytes[index] = previous == UInt8(ascii: "n") && !start ? UInt8(ascii: "j") : UInt8(ascii: "s")
                continue
            }
            // Voiceless at the start, doubled, or before a consonant that does not voice it.
            guard !start, previous != byte, next != byte, isVoicing(previous), isVowel(next) || "rlyv".utf8.contains(next ?? 0) else { continue }
            switch byte {
            case UInt8(ascii: "k"): bytes[index] = isVowel(previous) && isVowel(next) ? UInt8(ascii: "h") : UInt8(ascii: "g")
            case UInt8(ascii: "t"): bytes[index] = UInt8(ascii: "d")
            default: bytes[index] = UInt8(ascii: "b")
            }
        }
        // The aytham before ப (ICU "hp") is how Tamil writes f ("சைஃப்" Saif, "கதாஃபி" Qadhafi).
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "h"), bytes[index + 1] == UInt8(ascii: "p") {
                bytes.replaceSubrange(index...index + 1, with: [UInt8(ascii: "f")])
            }
            index += 1
        }
        // The "u" added after a hard consonant closing a long word (the kuṟṟiyalukaram).
        // Not after "h": the intervocalic க is a sound of the name ("nettaniyahu").
        if bytes.count >= 7, bytes.last == UInt8(ascii: "u"), let before = bytes.dropLast().last, "gsjdbktp".utf8.contains(before) {
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
