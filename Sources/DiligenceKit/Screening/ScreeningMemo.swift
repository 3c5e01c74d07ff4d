import Foundation

/// What one screener remembers across the queries of a run, shared by every thread: the answers
/// to queries already screened (a portfolio names the same bank or supplier in many files), and
/// working memory to reuse (sized by the list, so not allocated again for every query).
final class ScreeningMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var query: ScreeningQuery
        var threshold: Double
    }

    /// A query token as `lookUp` sees it: its text (the key and sound follow from it) and kind.
    struct TokenKey: Hashable {
        var text: String
        var kind: NameToken.Kind
    }

    /// The list tokens that match a query token, by token (see `lookUp`).
    let tokenMatches = Memo<TokenKey, [Int32: TokenComparison]>(capacity: 100_000)
    /// The list token two adjacent query words written as one are, -1 for none, by the words
    /// joined (see `joinedToken`).
    let joinedTokens = Memo<String, Int32>(capacity: 100_000)

    /// Bounded, so that a run over millions of distinct names does not keep them all.
    private let answers = Memo<Key, [ScreeningMatch]>(capacity: 100_000)
    private let normalForms = Memo<String, NormalizedName>(capacity: 100_000)
    private let lock = NSLock()
    private var idle: [Scratch] = []

    func answer(_ query: ScreeningQuery, threshold: Double) -> [ScreeningMatch]? {
        answers.value(for: Key(query: query, threshold: threshold))
    }

    func remember(_ matches: [ScreeningMatch], for query: ScreeningQuery, threshold: Double) {
        answers.store(matches, for: Key(query: query, threshold: threshold))
    }

    /// A name's normal form, computed once per run (the same name comes with other countries
    /// and kinds, which change the answer but not the normal form).
    func normalized(_ name: String, _ normalize: (String) -> NormalizedName) -> NormalizedName {
        if let known = normalForms.value(for: name) { return known }
        let result = normalize(name)
        normalForms.store(result, for: name)
        return result
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
