/// The diphthong "ay" (Arabic ـَيْـ, Persian "ey") as Latin spellings write it: English and
/// French "ay" or "ai", German and Dutch "ei", Turkish "ey", Polish and Czech "aj" or "ej"
/// ("Deif", "Dayf", "Dajf", Mohammed Deif; "Haydar", "Heidar", "Hajdar"; "Zaynab", "Zeinab").
/// Keys fold "y" to "i", so "dayf" and "daif" already agree; "deif" and "dajf" do not, and at four
/// or five letters one letter apart is no typo the comparison allows.
///
/// Two words that matched nothing else are compared with each such diphthong (a or e, then i
/// or j, before a consonant or at the end, after a consonant or at the start) written "ai":
/// equal, they sound alike. Both words must have one (a byte scan of each first: most pairs stop there).
enum Diphthong {
    /// Whether two keys of one length are the same word but for how they write the diphthong:
    /// at each position where they differ, both have a diphthong (a or e, then i or j, before a
    /// consonant or at the end, after a consonant or at the start). Bytes only, no allocation:
    /// it runs on pairs that matched nothing else.
    static func sameButDiphthong(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count, a.count >= 4 else { return false }
        let x = a.startIndex, y = b.startIndex
        var differs = false
        var offset = 0
        while offset < a.count {
            if a[x + offset] == b[y + offset] {
                offset += 1
                continue
            }
            // A difference: it must start (or be the second letter of) a diphthong on both sides.
            let start =
                offset > 0 && isOpening(a[x + offset - 1]) && isOpening(b[y + offset - 1]) && a[x + offset - 1] == b[y + offset - 1] ? offset - 1 : offset
            guard isDiphthong(a, at: start), isDiphthong(b, at: start) else { return false }
            differs = true
            offset = start + 2
        }
        return differs
    }

    static func isOpening(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") }

    /// Whether a key has a diphthong at an offset.
    static func isDiphthong(_ key: ArraySlice<UInt8>, at offset: Int) -> Bool {
        let base = key.startIndex
        guard offset >= 0, offset + 1 < key.count, isOpening(key[base + offset]) else { return false }
        let next = key[base + offset + 1]
        guard next == UInt8(ascii: "i") || next == UInt8(ascii: "j") else { return false }
        func isConsonant(_ at: Int) -> Bool {
            let byte = key[base + at]
            return ASCII.isLetter(byte) && !"aeiouy".utf8.contains(byte)
        }
        return (offset == 0 || isConsonant(offset - 1)) && (offset + 2 == key.count || isConsonant(offset + 2))
    }

    /// The comparison of two words whose keys differ only in how they write the diphthong; nil otherwise.
    static func comparison(_ a: TokenForms, _ b: TokenForms, parameters: ScoringParameters) -> TokenComparison? {
        guard sameButDiphthong(a.key, b.key) else { return nil }
        return TokenComparison(how: .phonetic, similarity: parameters.phoneticSimilarity, edits: 1)
    }
}
