import Foundation

/// What one screener remembers across the queries of a run, shared by every thread: the names
/// that can match nothing (most of a portfolio's, met again with other countries), the answers
/// to other queries already screened (a portfolio names the same bank or supplier in many
/// files), and working memory to reuse (sized by the list, so not allocated again for every
/// query).
final class ScreeningMemo: @unchecked Sendable {
    /// A query, its name by its bytes (`ExactText`), hashed by the name's hash made once
    /// (`Keys`): a query is looked up twice and stored once.
    fileprivate struct Key: Hashable {
        var name: ExactText
        var nameHash: Int
        var country: Country?
        var kind: ListedEntity.Kind?
        var threshold: Double

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.nameHash == rhs.nameHash && lhs.country == rhs.country && lhs.kind == rhs.kind && lhs.threshold == rhs.threshold
                && lhs.name == rhs.name
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(nameHash)
            hasher.combine(country)
            hasher.combine(kind)
            hasher.combine(threshold)
        }
    }

    /// What besides its name a query is remembered by: its kind, the threshold, and its country
    /// (`anyCountry`: whether a name has candidates at all does not depend on the country, as the
    /// index's bound allows for the same-country bonus).
    fileprivate struct Variant: Hashable {
        var kind: ListedEntity.Kind?
        var threshold: Double
        var country: Country?
        var anyCountry: Bool
    }

    /// A query's keys: its name's bytes hashed once, and the tags of its variants (`tags(_:)`).
    struct Keys {
        fileprivate var query: Key
        fileprivate var anyCountry: UInt32
        fileprivate var ownCountry: UInt32

        fileprivate var name: String { query.name.text }

        /// The hash of the name with a tag.
        fileprivate func hash(_ tag: UInt32) -> Int { query.nameHash &+ Int(tag) &* -7_046_029_254_386_353_131 }
    }

    /// A query's keys.
    func keys(_ query: ScreeningQuery, _ threshold: Double) -> Keys {
        let text = ExactText(query.name)
        let key = Key(name: text, nameHash: text.hashValue, country: query.country, kind: query.kind, threshold: threshold)
        let asked = Asked(kind: query.kind, threshold: threshold, country: query.country)
        lock.lock()
        defer { lock.unlock() }
        // Both tags of a kind, threshold and country at once: one look-up, not two.
        if let known = askedTags[asked] { return Keys(query: key, anyCountry: known.anyCountry, ownCountry: known.ownCountry) }
        let anyCountry = tag(Variant(kind: query.kind, threshold: threshold, country: nil, anyCountry: true))
        let ownCountry = tag(Variant(kind: query.kind, threshold: threshold, country: query.country, anyCountry: false))
        askedTags[asked] = (anyCountry, ownCountry)
        return Keys(query: key, anyCountry: anyCountry, ownCountry: ownCountry)
    }

    /// What a query is asked with besides its name: the two tags of its variants (`keys`) follow from it.
    fileprivate struct Asked: Hashable {
        var kind: ListedEntity.Kind?
        var threshold: Double
        var country: Country?
    }

    /// A variant's number (under `lock`).
    private func tag(_ variant: Variant) -> UInt32 {
        if let known = tags[variant] { return known }
        let made = UInt32(truncatingIfNeeded: tags.count)
        tags[variant] = made
        return made
    }

    /// A query token as `lookUp` sees it: its text (the key and sound follow from it) and kind.
    struct TokenKey: Hashable {
        var text: String
        var kind: NameToken.Kind
        var transcription: Transcription.Script?
        var abjad = false
        var abjadLetters = AbjadLetters()
        /// Whether the key is the number the letters write ("iii" → "3"): a Roman numeral is
        /// one after a name's first word only, so the same text has two keys, and answers.
        var keyedByValue = false

        /// The key of a normalised token looked up as `kind`.
        init(_ token: NameToken, kind: NameToken.Kind) {
            text = token.text
            self.kind = kind
            transcription = token.transcription
            abjad = token.isAbjad
            abjadLetters = token.abjadLetters
            keyedByValue = token.key.utf8.first.map(ASCII.isDigit) == true && token.text.utf8.first.map(ASCII.isLetter) == true
        }
    }

    /// The list words by consonant skeleton, for transcribed query words (built on first use).
    let transcriptions = TranscriptionIndex()

    /// The list words made of pinyin syllables by sound skeleton (`MandarinSound`, built on first use).
    let mandarin = MandarinIndex()

    /// The list words that are one Korean syllable by sound skeleton (`KoreanSound`, built on first use).
    let korean = KoreanSyllableIndex()

    /// A query token's matches (`lookUp`), with the token's text and key as bytes when it
    /// matches none (for `NameScreener.knownToReachNothing`, which joins them with neighbours').
    struct TokenMatches {
        var matches: [Int32: TokenComparison]
        var text: [UInt8] = []
        var key: [UInt8] = []
    }

    /// The list tokens that match a query token, by token (see `lookUp`).
    let tokenMatches = Memo<TokenKey, TokenMatches>(capacity: 100_000)
    /// The list token two adjacent query words written as one are, -1 for none, by the words
    /// joined (see `joinedToken`).
    let joinedTokens = Memo<String, Int32>(capacity: 100_000)
    /// The words of Latin names between spaces as written, read (`NameScreener.setAsideAsWritten`).
    let writtenWords = WrittenWordMemo(capacity: 100_000)
    /// Their plain words' numbers, and what their pairs and particle joins reach (`setAsideAsWritten`).
    let writtenPairs = WrittenPairMemo()

    /// Bounded, so that a run over millions of distinct names does not keep them all. The
    /// names that can match nothing and those that matched nothing (most of a portfolio's) are
    /// held as bytes in one buffer each (`TextSet`: a large portfolio's names fill these memos,
    /// and a `String` key per name doubled their size); `answers` keeps the other answers.
    private let answers = Memo<Key, [ScreeningMatch]>(capacity: 100_000)
    private let unmatchable = TextSet(capacity: 200_000)
    private let unmatched = TextSet(capacity: 200_000)
    /// Each variant's tag in the two sets (a run has few: one per kind, country and threshold).
    private var tags: [Variant: UInt32] = [:]
    /// The tags of each kind, threshold and country asked (`keys`).
    private var askedTags: [Asked: (anyCountry: UInt32, ownCountry: UInt32)] = [:]
    private let lock = NSLock()
    private var idle: [Scratch] = []

    func answer(_ keys: Keys) -> [ScreeningMatch]? {
        if unmatchable.contains(keys.name, tag: keys.anyCountry, hash: keys.hash(keys.anyCountry)) { return [] }
        if unmatched.contains(keys.name, tag: keys.ownCountry, hash: keys.hash(keys.ownCountry)) { return [] }
        return answers.value(for: keys.query)
    }

    /// Remembers an answer; `hadCandidates` false: the name matches nothing whatever the country.
    func remember(_ matches: [ScreeningMatch], for keys: Keys, hadCandidates: Bool) {
        if !hadCandidates {
            unmatchable.insert(keys.name, tag: keys.anyCountry, hash: keys.hash(keys.anyCountry))
        } else if matches.isEmpty {
            unmatched.insert(keys.name, tag: keys.ownCountry, hash: keys.hash(keys.ownCountry))
        } else {
            answers.store(matches, for: keys.query)
        }
    }

    /// Working memory to use and give back; a new one when every one is in use.
    func takeScratch(_ make: () -> Scratch) -> Scratch {
        lock.lock()
        let scratch = idle.popLast()
        lock.unlock()
        return scratch ?? make()
    }

    func giveBack(_ scratch: Scratch) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < 8 { idle.append(scratch) }
    }
}
