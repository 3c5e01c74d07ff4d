/// Russian and Ukrainian adjectives made from a place, for the candidate lookup: "SARATOVSKII"
/// reaches the list's "SARATOV", "NOVOSIBIRSK" the list's "NOVOSIBIRSKII", "BALASHIKHA" the
/// list's "BALASHIKHINSKIY" (`TokenComparison.adjectiveEnding`, which the scorer already
/// counts between organisations and vessels, `allowStem`).
///
/// The list's adjectives are indexed by their stems (the key without each adjective ending it
/// has); a query word finds the adjectives made from it by its key and, when it ends in a
/// vowel, by its key without that vowel. A query adjective finds the list's place by its stems,
/// with and without a vowel added. Every candidate is verified (`isAdjective`, then the
/// scorer's comparison with stems), and the lookup records it as a typo, so that the scorer
/// compares the pair in full for each name: a person's name has no such adjectives
/// (`NameScreener.lookUp`).
struct PlaceAdjectives: Sendable {
    /// The hash of a stem → the list's adjectives (vocabulary tokens) with that stem.
    let adjectives: [UInt64: [Int32]]

    init(index: CandidateIndex) {
        var adjectives: [UInt64: [Int32]] = [:]
        for token in 0..<Int32(index.vocabularyCount) {
            for stem in Self.stems(ofAdjective: index.key(token)) {
                adjectives[CandidateIndex.hash(stem), default: []].append(token)
            }
        }
        self.adjectives = adjectives
    }

    /// The shortest stem, the base's four letters without its vowel (`adjectiveEnding` needs a
    /// base of five).
    static let shortestStem = 4

    /// The key without each adjective ending it has, longest ending first; empty for a key
    /// without one.
    static func stems(ofAdjective key: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        guard key.count > shortestStem + 1, let last = key.last,
            last == UInt8(ascii: "i") || last == UInt8(ascii: "e") || last == UInt8(ascii: "a") || last == UInt8(ascii: "o")
        else { return [] }
        var stems: [ArraySlice<UInt8>] = []
        for ending in TokenComparison.adjectiveEndings where key.count >= ending.count + shortestStem && key.reversed().starts(with: ending.reversed()) {
            stems.append(key.dropLast(ending.count))
        }
        // Keys write a final "ii" once: "novosibirskii" is "novosibirski", the place and an "i".
        if key.count > 6, key.reversed().starts(with: "iks".utf8) { stems.append(key.dropLast()) }
        return stems
    }

    /// Whether one key is the other with an adjective ending (`TokenComparison.adjectiveEnding`,
    /// or a place ending in "sk" and an "i": "novosibirsk" / "novosibirski").
    static func isAdjective(_ a: ArraySlice<UInt8>, of b: ArraySlice<UInt8>) -> Bool {
        if TokenComparison.adjectiveEnding(a, b) != nil { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 5 && long.count == short.count + 1 && long.last == UInt8(ascii: "i") && long.starts(with: short)
            && short.reversed().starts(with: "ks".utf8)
    }

    /// The list's adjectives made from a place written `key` (verified).
    func adjectives(ofPlace key: ArraySlice<UInt8>, index: CandidateIndex) -> [Int32] {
        guard key.count >= 5 else { return [] }
        var found: [Int32] = []
        var stems = [key]
        if let last = key.last, TokenComparison.isVowel(last) { stems.append(key.dropLast()) }
        for stem in stems {
            for token in adjectives[CandidateIndex.hash(stem)] ?? [] where !found.contains(token) {
                if Self.isAdjective(key, of: index.key(token)) { found.append(token) }
            }
        }
        return found
    }

    /// The list's places an adjective written `key` is made from (verified).
    func places(ofAdjective key: ArraySlice<UInt8>, index: CandidateIndex) -> [Int32] {
        var found: [Int32] = []
        for stem in Self.stems(ofAdjective: key) {
            var bases = [Array(stem)]
            for vowel in "aeiou".utf8 { bases.append(Array(stem) + [vowel]) }
            for base in bases where base.count >= 5 {
                guard let token = index.vocabulary[String(decoding: base, as: UTF8.self)], !found.contains(token),
                    Self.isAdjective(key, of: index.key(token))
                else { continue }
                found.append(token)
            }
        }
        return found
    }
}
