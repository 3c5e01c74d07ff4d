import Foundation

/// A sentence of an article, verbatim: what a proposal quotes.
public struct Sentence: Sendable, Hashable {
    /// The paragraph it is in (0-based) and its position among all sentences.
    public var paragraph: Int
    public var index: Int
    public var text: String
}

/// Splits paragraphs into sentences: a sentence ends at `.`, `!` or `?` (with any closing
/// quotes or brackets after it) followed by a space and a capital letter, a digit or an
/// opening quote; never after a title or abbreviation ("Col.", "U.S.", "Maj.") or an initial.
enum SentenceSplitter {
    /// Words after which a full stop does not end a sentence (compared without the stop, any case).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "col", "maj", "gen", "lt", "capt", "cpt", "sgt", "cmdr", "adm", "brig",
        "rev", "st", "mt", "sr", "jr", "no", "nos", "vol", "art", "para", "fig", "ed", "eds", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "approx", "est", "govt", "dept", "pres", "sen", "rep", "gov", "hon",
    ]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let openers: Set<Character> = ["\"", "“", "‘", "'", "(", "[", "«"]

    /// The longest sentence kept whole: text the splitter cannot end sooner (a list without full
    /// stops, a hostile file of one line) is cut at the last space before it, so no proposal
    /// quotes a page and no input makes the work grow with the square of its length.
    static let maxCharacters = 1_000

    static func sentences(_ paragraphs: [String]) -> [Sentence] {
        var result: [Sentence] = []
        for (number, paragraph) in paragraphs.enumerated() {
            for sentence in split(paragraph) {
                for text in pieces(sentence) {
                    result.append(Sentence(paragraph: number, index: result.count, text: text))
                }
            }
        }
        return result
    }

    /// A sentence in pieces of at most `maxCharacters`, cut at spaces when there are any.
    static func pieces(_ sentence: String) -> [String] {
        let characters = Array(sentence)
        guard characters.count > maxCharacters else { return [sentence] }
        var pieces: [String] = []
        var start = 0
        while characters.count - start > maxCharacters {
            let limit = start + maxCharacters
            var cut = limit
            while cut > start, characters[cut - 1] != " " { cut -= 1 }
            if cut == start { cut = limit }
            let piece = String(characters[start..<cut]).trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
            while start < characters.count, characters[start] == " " { start += 1 }
        }
        if start < characters.count { pieces.append(String(characters[start...])) }
        return pieces
    }

    static func split(_ paragraph: String) -> [String] {
        let characters = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "." || character == "!" || character == "?" else { index += 1; continue }
            var end = index + 1
            while end < characters.count, closers.contains(characters[end]) { end += 1 }
            guard end < characters.count, characters[end] == " " else { index = end; continue }
            var next = end
            while next < characters.count, characters[next] == " " { next += 1 }
            guard next < characters.count else { break }
            let following = characters[next]
            let opensSentence = following.isUppercase || following.isNumber || openers.contains(following)
            if opensSentence, !(character == "." && isAbbreviation(characters, before: index)) {
                let text = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { sentences.append(text) }
                start = next
            }
            index = next
        }
        let rest = String(characters[start...]).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// Whether the word ending just before the full stop at `stop` is an abbreviation or an initial.
    static func isAbbreviation(_ characters: [Character], before stop: Int) -> Bool {
        var begin = stop
        while begin > 0, !characters[begin - 1].isWhitespace, !openers.contains(characters[begin - 1]) { begin -= 1 }
        let word = String(characters[begin..<stop]).lowercased()
        if word.isEmpty { return false }
        if abbreviations.contains(word) { return true }
        // A single capital letter ("J. Smith") or letters with inner stops ("U.S", "a.m").
        if word.count == 1, characters[begin].isUppercase { return true }
        return word.contains(".") && word.count <= 6
    }
}
