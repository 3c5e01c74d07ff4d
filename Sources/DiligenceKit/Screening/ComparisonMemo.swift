/// The scorer's full comparisons of a query word with a list word (`TokenComparison.compare`,
/// which `NameScreener.screenCandidates` asks for every pair the index did not match), and of
/// a word with two or three words of the other side written as one (`NameScorer.joinedOptions`), kept
/// across the queries one working memory serves: a portfolio's names are new, but their words
/// are not ("Companhia", "Transportes", "Ltda" against the same listed names, name after name).
///
/// A query word is numbered by all its forms (`WordForms`: what `compare` reads of it), a list
/// word is its position in the index's flat token store (its key, text and sound follow from
/// it), so an answer is the same `compare` would give. The positions are one screener's: the
/// memo empties itself when another screener uses it, and when it holds `capacity` answers.
struct ComparisonMemo {
    /// What `TokenComparison.compare` reads of a query word, as bytes and flags.
    struct WordForms: Hashable {
        var key: [UInt8]
        var text: [UInt8]
        var phonetic: [UInt8]
        var transcription: Transcription.Skeleton?
        var abjad: Bool
        var abjadLetters: AbjadLetters
        var cyrillic: Bool
        var nonLatin: Bool
        var greek: Bool

        init(_ forms: TokenForms) {
            key = Array(forms.key)
            text = Array(forms.text)
            phonetic = Array(forms.phonetic)
            transcription = forms.transcription
            abjad = forms.abjad
            abjadLetters = forms.abjadLetters
            cyrillic = forms.cyrillic
            nonLatin = forms.nonLatin
            greek = forms.greek
        }
    }

    /// A joined comparison's words: `side` 0 or 1, a query word (`a`, by number) against two
    /// or three list words from position `b`; 2 or 3, a list word (position `a`) against two or
    /// three query words (`b`, `c`, `d`, by number; `d` 0 for two).
    struct JoinedKey: Hashable {
        var side: UInt8
        var a: UInt32
        var b: UInt32
        var c: UInt32
        var d: UInt32
    }

    /// The answers at most kept (then all are dropped, and the words' numbers with them).
    static let capacity = 200_000

    private var owner: ObjectIdentifier?
    private var words: [WordForms: UInt32] = [:]
    private var answers: [UInt64: TokenComparison?] = [:]
    private var joined: [JoinedKey: TokenComparison?] = [:]
    /// How many comparisons were asked and how many were answered from memory (for tests).
    private(set) var asked = 0
    private(set) var remembered = 0

    /// Readies the memo for a query of `screener`: emptied when it served another, or is full.
    mutating func begin(for screener: ObjectIdentifier) {
        if owner != screener || answers.count >= Self.capacity || words.count >= Self.capacity || joined.count >= Self.capacity {
            owner = screener
            words.removeAll(keepingCapacity: true)
            answers.removeAll(keepingCapacity: true)
            joined.removeAll(keepingCapacity: true)
        }
    }

    /// The number of a query word's forms (the same forms, the same number, until emptied).
    mutating func number(of forms: TokenForms) -> UInt32 {
        let word = WordForms(forms)
        if let known = words[word] { return known }
        let made = UInt32(truncatingIfNeeded: words.count)
        words[word] = made
        return made
    }

    /// `make()` (the full comparison of word `word` with the list word at `position`, stems
    /// allowed or not), made once until the memo is emptied.
    mutating func comparison(word: UInt32, position: Int, allowStem: Bool, _ make: () -> TokenComparison?) -> TokenComparison? {
        let key = UInt64(word) << 33 | UInt64(UInt32(truncatingIfNeeded: position)) << 1 | (allowStem ? 1 : 0)
        asked += 1
        if let known = answers[key] {
            remembered += 1
            return known
        }
        let made = make()
        answers[key] = made
        return made
    }

    /// A joined comparison (`JoinedKey`) made before, nil when none was; or keeps one made
    /// (`NameScorer.JoinedAsk`).
    mutating func joinedComparison(_ key: JoinedKey, _ ask: NameScorer.JoinedAsk) -> TokenComparison?? {
        switch ask {
        case .lookUp:
            asked += 1
            guard let known = joined[key] else { return nil }
            remembered += 1
            return .some(known)
        case .store(let made):
            joined[key] = made
            return nil
        }
    }

    /// The key of a joined comparison in a query's alignment with a listed name whose words
    /// start at `listedStart`, the query's words numbered `words` (`NameScorer.JoinedComparison`).
    static func joinedKey(querySingle: Bool, single: Int, first: Int, span: Int, words: [UInt32], listedStart: Int) -> JoinedKey {
        if querySingle {
            return JoinedKey(side: span == 2 ? 0 : 1, a: words[single], b: UInt32(truncatingIfNeeded: listedStart + first), c: 0, d: 0)
        }
        return JoinedKey(
            side: span == 2 ? 2 : 3, a: UInt32(truncatingIfNeeded: listedStart + single), b: words[first], c: words[first + 1],
            d: span == 3 ? words[first + 2] : 0)
    }
}
