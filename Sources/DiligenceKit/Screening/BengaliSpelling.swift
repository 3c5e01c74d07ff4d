/// A Bengali word's romanisation (ICU's ISO 15919, made ASCII, the unsaid inherent vowels
/// dropped by `IndicSchwa`) with the letters Bengali uses for the sounds of foreign names read
/// as Latin spellings write those sounds. Bengali has no letters for v, w and the glide y
/// opening a word, and writes them so (the Bengali Wikipedia's titles of foreign persons, and
/// Bangla Academy's rules for writing foreign words, "Pramita Bangla Banan", 2012):
///
/// - ভ (bh) writes v: "ভ্লাদিমির" Vladimir, "ভিক্টর" Viktor, "ইয়েভগেনি" Yevgeniy;
/// - ই and য় before a vowel write the glide y opening a word: "ইয়ানুকোভিচ" Yanukovych, "ইয়েভগেনি";
/// - ও and য় before a vowel write w: "ওয়াশিংটন" Washington, "নানগাগওয়া" Mnangagwa (after a
///   consonant, whose inherent vowel goes: "gaoya" is "gwa");
/// - চ is "ch" (ICU's ISO 15919 "c", which the spelling folds would read k).
///
/// A native name written with ভ ("Abhijit") then reads "v" ("avijit"), one letter from the
/// lists' "bh": within a typo, so native names still match.
enum BengaliSpelling {
    /// Whether a word has Bengali letters.
    static func applies(to word: String) -> Bool {
        word.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) }
    }

    /// The romanised word (lower- or mixed-case ASCII) with the foreign sounds written as above.
    static func foreign(_ latin: String) -> String {
        // ICU separates an independent vowel from a consonant's inherent "a" with an
        // apostrophe ("ga'oya"); names drop it anyway.
        var bytes = Array(latin.utf8).filter { $0 != UInt8(ascii: "'") }
        func isVowel(_ byte: UInt8) -> Bool { "aeiou".utf8.contains(ASCII.lowercased(byte)) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        // "iy" + vowel opening the word: the glide y.
        if bytes.count >= 3, ASCII.lowercased(bytes[0]) == UInt8(ascii: "i"), bytes[1] == UInt8(ascii: "y"), isVowel(bytes[2]) {
            bytes.removeFirst()
            if ASCII.isUpper(latin.utf8.first ?? 0) { bytes[0] = UInt8(ascii: "Y") }
        }
        while index < bytes.count {
            let byte = bytes[index], lower = ASCII.lowercased(byte)
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if lower == UInt8(ascii: "b"), next == UInt8(ascii: "h") {
                result.append(byte == lower ? UInt8(ascii: "v") : UInt8(ascii: "V"))
                index += 2
                continue
            }
            // The independent vowel ও (after the inherent "a" of a consonant, or opening the
            // word) and য় before a vowel: "w". After a vowel sign ো ("এরদোয়ান", Erdoğan: "do" +
            // "yan") the য় is a glide of its own and stays.
            let opensWord = result.isEmpty
            let afterInherent = result.count >= 2 && result.last == UInt8(ascii: "a") && !isVowel(result[result.count - 2])
            if lower == UInt8(ascii: "o"), opensWord || afterInherent, next == UInt8(ascii: "y"), index + 2 < bytes.count, isVowel(bytes[index + 2]) {
                // The consonant's inherent "a" before it is not said ("gaoya" is "gwa").
                if afterInherent { result.removeLast() }
                result.append(byte == lower ? UInt8(ascii: "w") : UInt8(ascii: "W"))
                index += 2
                continue
            }
            if lower == UInt8(ascii: "c"), next != UInt8(ascii: "h") {
                result.append(byte)
                result.append(UInt8(ascii: "h"))
                index += 1
                continue
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
