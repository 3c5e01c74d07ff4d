/// The Arabic article written on a word read from Arabic script: Arabic, Persian and Urdu join
/// "ال" to the name it opens ("الضيف", read "aldif", for DEIF; "الحوثي", "alhuthi", for AL
/// HOUTHI, listed with the article apart), and a list writes it apart or leaves it out. The
/// Latin comparison of the article written on (`TokenComparison.withoutArticle`) needs five
/// letters after it, which a consonant skeleton seldom has: here the letters after "al", three or
/// more, are compared as the abjad word (`AbjadComparison`) with a listed word that has no
/// article of its own.
enum AbjadArticle {
    /// The letters of a word read from an abjad after its article "al", when three or more follow.
    static func rest(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard word.count >= 5, word.first == UInt8(ascii: "a"), word[word.index(after: word.startIndex)] == UInt8(ascii: "l") else { return nil }
        return word.dropFirst(2)
    }

    /// Whether the abjad word with its article written on is the Latin word without one.
    static func matches(abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>) -> Bool {
        guard let rest = rest(abjad), !hasArticle(latin) else { return false }
        return AbjadComparison.matches(abjad: rest, latin: latin)
    }

    /// Whether a Latin word opens with the article "al" or "el".
    static func hasArticle(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 2, let first = word.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "e") else { return false }
        return word[word.index(after: word.startIndex)] == UInt8(ascii: "l")
    }
}
