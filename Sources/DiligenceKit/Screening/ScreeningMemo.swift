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

    /// A query without its country: whether a name has candidates at all does not depend on it
    /// (the index's bound allows for the same-country bonus).
    fileprivate struct NameKey: Hashable {
        var name: ExactText
        var nameHash: Int
        var kind: ListedEntity.Kind?
        var threshold: Double

        static func == (lhs: NameKey, rhs: NameKey) -> Bool {
            lhs.nameHash == rhs.nameHash && lhs.kind == rhs.kind && lhs.threshold == rhs.threshold && lhs.name == rhs.name
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(nameHash)
            hasher.combine(kind)
            hasher.combine(threshold)
        }
    }

    /// Both keys of a query, its name's bytes hashed once.
    struct Keys {
        fileprivate var query: Key
        fileprivate var name: NameKey

        init(_ query: ScreeningQuery, _ threshold: Double) {
            let text = ExactText(query.name)
            let hash = text.hashValue
            self.query = Key(name: text, nameHash: hash, country: query.country, kind: query.kind, threshold: threshold)
            name = NameKey(name: text, nameHash: hash, kind: query.kind, threshold: threshold)
        }
    }

    /// A query token as `lookUp` sees it: its text (the key and sound follow from it) and kind.
    struct TokenKey: Hashable {
        var text: String
        var kind: NameToken.Kind
        var transcription: Transcription.Script?
        var abjad = false
    }

    /// The list words by consonant skeleton, for transcribed query words (built on first use).
    let transcriptions = TranscriptionIndex()

    /// The list words made of pinyin syllables by sound skeleton (`MandarinSound`, built on first use).
    let mandarin = MandarinIndex()

    /// The list words that are one Korean syllable by sound skeleton (`KoreanSound`, built on first use).
    let korean = KoreanSyllableIndex()

    /// The list tokens that match a query token, by token (see `lookUp`).
    let tokenMatches = Memo<TokenKey, [Int32: TokenComparison]>(capacity: 100_000)
    /// The list token two adjacent query words written as one are, -1 for none, by the words
    /// joined (see `joinedToken`).
    let joinedTokens = Memo<String, Int32>(capacity: 100_000)
    /// The list tokens one letter longer than two query words written as one, by the words
    /// joined (see `joinedNeighbours`).
    let joinedNeighbours = Memo<String, [Int32]>(capacity: 100_000)

    /// Bounded, so that a run over millions of distinct names does not keep them all.
    private let answers = Memo<Key, [ScreeningMatch]>(capacity: 100_000)
    private let unmatchable = Memo<NameKey, Bool>(capacity: 200_000)
    private let lock = NSLock()
    private var idle: [Scratch] = []

    func answer(_ keys: Keys) -> [ScreeningMatch]? {
        if unmatchable.value(for: keys.name) != nil { return [] }
        return answers.value(for: keys.query)
    }

    /// Remembers an answer; `hadCandidates` false: the name matches nothing whatever the country.
    func remember(_ matches: [ScreeningMatch], for keys: Keys, hadCandidates: Bool) {
        if hadCandidates {
            answers.store(matches, for: keys.query)
        } else {
            unmatchable.store(true, for: keys.name)
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
