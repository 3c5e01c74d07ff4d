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

    private let lock = NSLock()
    private var answers: [Key: [ScreeningMatch]] = [:]
    private var normalized: [String: NormalizedName] = [:]
    private var idle: [Scratch] = []
    /// Bounded, so that a run over millions of distinct names does not keep them all.
    private static let capacity = 100_000

    func answer(_ query: ScreeningQuery, threshold: Double) -> [ScreeningMatch]? {
        lock.lock()
        defer { lock.unlock() }
        return answers[Key(query: query, threshold: threshold)]
    }

    func remember(_ matches: [ScreeningMatch], for query: ScreeningQuery, threshold: Double) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= Self.capacity { answers.removeAll(keepingCapacity: true) }
        answers[Key(query: query, threshold: threshold)] = matches
    }

    /// A name's normal form, computed once per run (the same name comes with other countries
    /// and kinds, which change the answer but not the normal form).
    func normalized(_ name: String, _ normalize: (String) -> NormalizedName) -> NormalizedName {
        lock.lock()
        let known = normalized[name]
        lock.unlock()
        if let known { return known }
        let result = normalize(name)
        lock.lock()
        if normalized.count >= Self.capacity { normalized.removeAll(keepingCapacity: true) }
        normalized[name] = result
        lock.unlock()
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
