import Foundation

/// Chinese names romanised in Wade-Giles, written in pinyin, so that "Chiang Ching-kuo" and
/// "Jiang Jingguo", "Mao Tse-tung" and "Mao Zedong" compare equal. The syllable table is
/// `Resources/screening/wade-giles.tsv` (made by `benchmarks/screening/make_wade_giles.py` after
/// the Library of Congress conversion tables).
///
/// Many Wade-Giles syllables are pinyin syllables of another sound ("chang" is zhang in
/// Wade-Giles), and many are English, Korean or Vietnamese names ("Ho", "Chung"): a name is read
/// as Wade-Giles only when it says so, by a hyphenated given name whose syllables are all
/// Wade-Giles and not all pinyin ("Ching-kuo", "Tse-tung"), by an aspiration apostrophe
/// ("Ch'ing"), or by a name of two to five words that are all Wade-Giles syllables, one of them
/// not pinyin ("Chiang Ching Kuo"); never a name with a Korean surname (McCune-Reischauer
/// hyphenates given names too: "PAK, To-Chun"). Then each of its words that is Wade-Giles
/// becomes pinyin, a hyphenated name one word ("jingguo", as pinyin writes it). Other names are
/// returned unchanged.
enum WadeGiles {
    /// Wade-Giles syllable (lower case, ASCII, apostrophe for aspiration) → pinyin.
    static let table: [String: String] = {
        guard let (bytes, _) = try? BuiltinResources.data("screening/wade-giles.tsv") else { return [:] }
        var table: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            if columns.count == 2 { table[String(columns[0])] = String(columns[1]) }
        }
        return table
    }()

    /// The length in bytes of the longest syllable of the table.
    static let longestSyllable = table.keys.map(\.utf8.count).max() ?? 0

    /// The pinyin syllables (the table's values).
    static let pinyin: Set<String> = Set(table.values)

    /// Korean surnames as McCune-Reischauer and the lists write them: Korean given names are
    /// hyphenated syllables that look like Wade-Giles ("PAK, To-Chun", "KIM, Sang-ho"), and are
    /// not Chinese.
    static let koreanSurnames: Set<String> = [
        "kim", "lee", "yi", "ri", "rhee", "pak", "park", "paek", "baek", "choe", "choi", "chong", "jong", "yun", "yoon", "kang",
        "han", "jang", "cha", "ch'a", "hwang", "song", "sin", "shin", "ryu", "yu", "ko", "mun", "moon", "nam", "ro", "roh", "hyon",
        "hyun", "jo", "cho", "im", "rim", "kwon", "son", "o", "oh", "jon", "jeon", "chon", "ju", "ra", "ryom", "yang", "thae", "u",
    ]

    /// The Latin text with a Wade-Giles name written in pinyin; any other text as it was.
    static func pinyin(_ text: String) -> String {
        // Every name of a list and every query passes here: the words are read as bytes, and
        // a name leaves at its first word that cannot be a Wade-Giles name's.
        var lower: [String] = []
        var isMarked = false, allSyllables = true, anyWadeGilesOnly = false
        var rejected = false
        // Without a hyphen or apostrophe, every word must be a syllable.
        let hasMark = text.utf8.contains { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            while start < bytes.count, !rejected {
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                guard start < bytes.count else { break }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                var stop = end
                while stop > start, bytes[stop - 1] == UInt8(ascii: ",") || bytes[stop - 1] == UInt8(ascii: ".") || bytes[stop - 1] == UInt8(ascii: ";") {
                    stop -= 1
                }
                // Two syllables with a hyphen and apostrophes: at most 14 bytes ("hsiung-ch'uan").
                guard stop > start, stop - start <= 14, lower.count < 5 else {
                    rejected = true
                    break
                }
                for index in start..<stop {
                    let byte = bytes[index]
                    guard ASCII.isLetter(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") else {
                        rejected = true
                        break
                    }
                }
                // Without a mark, a word longer than every syllable is none, and the name is not Wade-Giles.
                if rejected || (!hasMark && stop - start > longestSyllable) {
                    rejected = true
                    break
                }
                let string = String(unsafeUninitializedCapacity: stop - start) { buffer in
                    for offset in 0..<(stop - start) { buffer[offset] = ASCII.lowercased(bytes[start + offset]) }
                    return stop - start
                }
                // Most words have no hyphen: one part, looked up as it is.
                let syllables: Bool, wadeGilesOnly: Bool, partCount: Int
                if string.utf8.contains(UInt8(ascii: "-")) {
                    let parts = string.split(separator: "-", omittingEmptySubsequences: false)
                    syllables = parts.allSatisfy { table[String($0)] != nil }
                    wadeGilesOnly = syllables && parts.contains { !pinyin.contains(String($0)) }
                    partCount = parts.count
                } else {
                    syllables = table[string] != nil
                    wadeGilesOnly = syllables && !pinyin.contains(string)
                    partCount = 1
                }
                if koreanSurnames.contains(string) {
                    rejected = true
                    break
                }
                if !syllables {
                    allSyllables = false
                    if !hasMark {
                        rejected = true
                        break
                    }
                }
                if wadeGilesOnly {
                    anyWadeGilesOnly = true
                    if partCount >= 2 || string.utf8.contains(UInt8(ascii: "'")) { isMarked = true }
                }
                lower.append(string)
                start = end
            }
        }
        guard !rejected, lower.count >= 2, isMarked || (allSyllables && anyWadeGilesOnly) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { converted(String($0)) }.joined(separator: " ")
    }

    /// One word in pinyin if all its hyphenated parts are Wade-Giles syllables, case kept.
    static func converted(_ word: String) -> String {
        // Keep the punctuation around the word ("Chiang," in "CHIANG, Ching-kuo").
        let trailing = word.reversed().prefix { $0 == "," || $0 == "." || $0 == ";" }.count
        let core = String(word.dropLast(trailing))
        let parts = core.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ table[$0] != nil }) else { return word }
        let joined = parts.compactMap { table[$0] }.joined()
        let cased: String
        if core.uppercased() == core {
            cased = joined.uppercased()
        } else if let first = core.first, first.isUppercase {
            cased = joined.prefix(1).uppercased() + joined.dropFirst()
        } else {
            cased = joined
        }
        return cased + word.suffix(trailing)
    }
}
