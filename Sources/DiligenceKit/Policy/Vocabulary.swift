/// The kinds of controlled vocabulary a policy uses. Each is a data file under
/// `Resources/vocabularies/` and can be extended by a `vocabularies/` folder in the database.
public enum VocabularyKind: String, Sendable, CaseIterable, Codable {
    case dependencies
    case continuity
    case goods
    case roles
    case siteKinds = "site-kinds"
    case payments
    /// Sanctions regimes: who imposes measures and who they bind.
    case regimes
}

/// One term of a vocabulary with the synonyms people write for it.
public struct Term: Sendable, Hashable, Codable {
    public var id: String
    public var description: String
    public var synonyms: [String]
    /// dependencies: what this term cannot work without (`slack` requires `internet`).
    public var requires: [String]
    /// continuity: the dependencies this fallback stands in for.
    public var covers: [String]
    /// continuity: whether it still works when the state orders every domestic provider to cut.
    public var survivesStateShutdown: Bool
    /// continuity: a partial fallback (degraded service only).
    public var partial: Bool
    /// goods: Harmonized System chapters or headings of the category.
    public var hsPrefixes: [String]
    /// payments: whether the method moves through the banking system.
    public var banking: Bool
    /// regimes: the ISO codes of the member states (incorporation there binds to the regime;
    /// their territory is the regime's).
    public var members: [String] = []
    /// regimes: states that have left, with the last day their incorporation still bound to the
    /// regime (a check as of that day or earlier counts them as members).
    public var formerMembers: [String: Day] = [:]
    /// regimes: what brings the business of an entity outside the regime within it.
    public var nexus: String = ""
}

/// A controlled vocabulary: canonical ids and a case-insensitive synonym index.
public struct Vocabulary: Sendable {
    public let kind: VocabularyKind
    public private(set) var terms: [String: Term]
    private var index: [String: String]
    /// `closure(of:)` of every term, kept up to date by `add` (rules ask it for every site).
    private var closures: [String: Set<String>] = [:]

    public init(kind: VocabularyKind, terms: [Term]) {
        self.kind = kind
        self.terms = [:]
        self.index = [:]
        add(contentsOf: terms)
    }

    /// Adds a term, or merges synonyms and properties into the term with the same id.
    public mutating func add(_ term: Term) {
        add(contentsOf: [term])
    }

    /// Adds terms in order, as `add(_:)` one by one would, working out the closures once at the
    /// end rather than after each term (a vocabulary of 100 terms made 100 times 100 closures).
    public mutating func add(contentsOf terms: some Sequence<Term>) {
        for term in terms { insert(term) }
        closures = self.terms.keys.reduce(into: [:]) { closures, id in closures[id] = transitiveClosure(of: id) }
    }

    /// `add(_:)` without working out the closures.
    private mutating func insert(_ term: Term) {
        var merged = term
        if let existing = terms[term.id] {
            merged.synonyms = existing.synonyms + term.synonyms.filter { !existing.synonyms.contains($0) }
            merged.requires = Array(Set(existing.requires + term.requires)).sorted()
            merged.covers = Array(Set(existing.covers + term.covers)).sorted()
            merged.hsPrefixes = Array(Set(existing.hsPrefixes + term.hsPrefixes)).sorted()
            // A synonym added to a banking method keeps it in the banking system.
            merged.banking = existing.banking || term.banking
            merged.members = Array(Set(existing.members + term.members)).sorted()
            merged.formerMembers = existing.formerMembers.merging(term.formerMembers) { _, added in added }
            if merged.nexus.isEmpty { merged.nexus = existing.nexus }
            if merged.description.isEmpty { merged.description = existing.description }
        }
        terms[term.id] = merged
        index[TextFolding.key(term.id)] = term.id
        for synonym in term.synonyms { index[TextFolding.key(synonym)] = term.id }
    }

    /// The canonical id for an id or synonym, in any case.
    public func resolve(_ text: String) -> String? {
        // Text written as its key ("internet") is found as it is: folding a key changes nothing.
        if let id = index[text] { return id }
        return index[TextFolding.key(text)]
    }

    public func term(_ id: String) -> Term? { terms[id] }

    public var ids: [String] { terms.keys.sorted() }

    /// The closest id or synonym to a misspelling, as its canonical id.
    public func suggestion(for text: String) -> String? {
        Suggestion.closest(to: TextFolding.key(text), in: index.keys).flatMap { index[$0] }
    }

    /// Everything a dependency needs, itself included (transitively).
    public func closure(of id: String) -> Set<String> {
        closures[id] ?? [id]
    }

    private func transitiveClosure(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [id]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue.append(contentsOf: terms[next]?.requires ?? [])
        }
        return seen
    }

    /// regimes: whether `code` is a member state of the regime `id` on `day` (nil: today's
    /// members only).
    public func isMember(_ code: String, of id: String, on day: Day?) -> Bool {
        guard let term = terms[id] else { return false }
        if term.members.contains(code) { return true }
        guard let day, let last = term.formerMembers[code] else { return false }
        return day <= last
    }

    /// Goods categories an HS code belongs to, longest prefix first.
    public func goods(forHSCode code: String) -> [String] {
        terms.values.filter { term in term.hsPrefixes.contains { code.hasPrefix($0) } }
            .sorted { lhs, rhs in
                let l = lhs.hsPrefixes.filter { code.hasPrefix($0) }.map(\.count).max() ?? 0
                let r = rhs.hsPrefixes.filter { code.hasPrefix($0) }.map(\.count).max() ?? 0
                return (l, rhs.id) > (r, lhs.id)
            }
            .map(\.id)
    }
}

/// All vocabularies a run uses.
public struct Vocabularies: Sendable {
    public var byKind: [VocabularyKind: Vocabulary]

    public init(byKind: [VocabularyKind: Vocabulary]) {
        self.byKind = byKind
    }

    public subscript(kind: VocabularyKind) -> Vocabulary {
        byKind[kind] ?? Vocabulary(kind: kind, terms: [])
    }
}
