/// A coarse sound key of a folded token, for candidate retrieval and "sounds alike" matches:
/// vowels and `y` dropped (a leading vowel kept as "a"), consonants that transliterations
/// confuse merged (`c`/`k`/`q`/`g`, `s`/`z`, `v`/`f`/`w`/`p`/`b`, `d`/`t`), a class repeated
/// written once even across vowels, as Arabic script writes no short vowels ("arbab" and
/// "arbb" share "arbs"). "muhammad", "mohamed" and the Arabic-script skeleton "mhmd" share the
/// key "mhmd"; "gaddafi", "qadhafi" and "kadafi" share "kdb".
public enum PhoneticKey {
    /// The key of a folded token (ASCII lower-case letters and digits), empty when the token
    /// has no consonant.
    public static func key(_ token: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(token.count)
        if let first = token.first, isVowel(first) { result.append(UInt8(ascii: "a")) }
        var previous: UInt8?
        for byte in token {
            guard let mapped = consonantClass(byte) else { continue }
            if previous != mapped { result.append(mapped) }
            previous = mapped
        }
        return result
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    /// The class letter of a consonant, nil for a vowel.
    static func consonantClass(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return nil
        case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "g"): return UInt8(ascii: "k")
        case UInt8(ascii: "z"), UInt8(ascii: "s"): return UInt8(ascii: "s")
        case UInt8(ascii: "x"): return UInt8(ascii: "x")
        case UInt8(ascii: "v"), UInt8(ascii: "w"), UInt8(ascii: "f"), UInt8(ascii: "p"), UInt8(ascii: "b"): return UInt8(ascii: "b")
        case UInt8(ascii: "d"), UInt8(ascii: "t"): return UInt8(ascii: "d")
        case UInt8(ascii: "j"): return UInt8(ascii: "j")
        default: return byte
        }
    }
}
