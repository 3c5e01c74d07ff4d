/// A listed entity that a name matched, with the score and why.
public struct ScreeningMatch: Sendable, Hashable, Codable {
    public var entity: ListedEntity
    /// The entity name or alias that matched.
    public var matched: String
    public var score: Double
    public var why: String
}

/// Screens names against listed persons and entities: exact and alias matching on normalised
/// tokens across Latin and Cyrillic, in any word order, and names that give a subset of a
/// listed full name (a missing patronymic). Candidates come from a token index, so the cost
/// grows with the candidates that share a token, not with the list.
public struct NameScreener: Sendable {
    struct Entry: Sendable {
        var entity: Int
        var name: String
        var tokens: Set<String>
    }

    let entities: [ListedEntity]
    let entries: [Entry]
    let index: [String: [Int]]

    public init(entities: [ListedEntity]) {
        self.entities = entities
        var entries: [Entry] = []
        var index: [String: [Int]] = [:]
        for (entityIndex, entity) in entities.enumerated() {
            for name in entity.allNames {
                let tokens = Set(NameNormalizer.tokens(name))
                guard !tokens.isEmpty else { continue }
                for token in tokens { index[token, default: []].append(entries.count) }
                entries.append(Entry(entity: entityIndex, name: name, tokens: tokens))
            }
        }
        self.entries = entries
        self.index = index
    }

    /// Matches at or above `threshold`, best first, one per entity.
    public func screen(_ name: String, threshold: Double) -> [ScreeningMatch] {
        let query = Set(NameNormalizer.tokens(name))
        guard !query.isEmpty else { return [] }
        var candidates: Set<Int> = []
        for token in query { candidates.formUnion(index[token] ?? []) }
        var best: [Int: ScreeningMatch] = [:]
        for candidate in candidates.sorted() {
            let entry = entries[candidate]
            guard let (score, why) = Self.score(query: query, entry: entry.tokens), score >= threshold else { continue }
            let match = ScreeningMatch(entity: entities[entry.entity], matched: entry.name, score: score, why: why)
            if let existing = best[entry.entity], (existing.score, existing.matched) >= (score, entry.name) { continue }
            best[entry.entity] = match
        }
        return best.values.sorted { ($1.score, $0.entity.id) < ($0.score, $1.entity.id) }
    }

    static func score(query: Set<String>, entry: Set<String>) -> (Double, String)? {
        let shared = query.intersection(entry)
        let sharedList = shared.sorted().joined(separator: ", ")
        if query == entry {
            return (1.0, "every token matches after normalisation (\(sharedList))")
        }
        if query.isSubset(of: entry), query.count >= 2 {
            let missing = entry.subtracting(query).sorted().joined(separator: ", ")
            return (0.9 + 0.1 * Double(query.count) / Double(entry.count),
                    "all \(query.count) tokens of the name match (\(sharedList)); the listed name also has \(missing)")
        }
        if entry.isSubset(of: query), entry.count >= 2 {
            let extra = query.subtracting(entry).sorted().joined(separator: ", ")
            return (0.85 * Double(entry.count) / Double(query.count) + 0.1,
                    "the listed name's \(entry.count) tokens all appear (\(sharedList)); the name adds \(extra)")
        }
        return nil
    }
}
