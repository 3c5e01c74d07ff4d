import Foundation

/// What one screener remembers across the queries of a run, shared by every thread: the names
/// that can match nothing (most of a portfolio's, met again with other countries), the answers
/// to other queries already screened (a portfolio names the same bank or supplier in many
/// files), and working memory to reuse (sized by the list, so not allocated again for every
/// query).
final class ScreeningMemo: @unchecked Sendable {
    /// A query, its name by its bytes (`ExactText`).
    private struct Key: Hashable {
        var name: ExactText
        var country: Country?
        var kind: ListedEntity.Kind?
        var threshold: Double

        init(_ query: ScreeningQuery, _ threshold: Double) {
            name = ExactText(query.name)
            country = query.country
            kind = query.kind
            self.threshold = threshold
        }
    }

    /// A query without its country: whether a name has candidates at all does not depend on it
    /// (the index's bound allows for the same-country bonus).
    private struct NameKey: Hashable {
        var name: ExactText
        var kind: ListedEntity.Kind?
        var threshold: Double

        init(_ query: ScreeningQuery, _ threshold: Double) {
            name = ExactText(query.name)
            kind = query.kind
            self.threshold = threshold
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

    /// Bounded, so that a run over millions of distinct names does not keep them all.
    private let answers = Memo<Key, [ScreeningMatch]>(capacity: 100_000)
    private let unmatchable = Memo<NameKey, Bool>(capacity: 200_000)
    private let lock = NSLock()
    private var idle: [Scratch] = []

    func answer(_ query: ScreeningQuery, threshold: Double) -> [ScreeningMatch]? {
        if unmatchable.value(for: NameKey(query, threshold)) != nil { return [] }
        return answers.value(for: Key(query, threshold))
    }

    /// Remembers an answer; `hadCandidates` false: the name matches nothing whatever the country.
    func remember(_ matches: [ScreeningMatch], for query: ScreeningQuery, threshold: Double, hadCandidates: Bool) {
        if hadCandidates {
            answers.store(matches, for: Key(query, threshold))
        } else {
            unmatchable.store(true, for: NameKey(query, threshold))
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
