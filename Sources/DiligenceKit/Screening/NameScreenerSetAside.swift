extension NameScreener {
    /// Whether the run's memos already show that a normalised name reaches no list word: every
    /// word's own look-up (`ScreeningMemo.tokenMatches`, made by `lookUp` for a name met before
    /// with that word) found none, no two adjacent words written as one reach one (`pairJoins`),
    /// nor three (`threeJoin`), nor two words joined by a particle (`particleJoins`), and no listed acronym is found
    /// (`acronymCandidates`). Then `lookUp` would find nothing for the name, and the name would
    /// be set aside before weighing (`screen`); so it is, without the arrays of a
    /// `PreparedQuery`. False when a word is not known yet: the general path looks it up.
    func knownToReachNothing(_ name: NormalizedName, kind: ListedEntity.Kind?, threshold: Double) -> Bool {
        let count = name.tokens.count
        // The words' texts and keys as bytes, as `lookUp` joins them (empty for an initial).
        var texts: [[UInt8]] = [], keys: [[UInt8]] = []
        texts.reserveCapacity(count)
        keys.reserveCapacity(count)
        for i in 0..<count {
            guard name.tokens[i].kind != .initial else {
                texts.append([])
                keys.append([])
                continue
            }
            let memoKey = ScreeningMemo.TokenKey(name.tokens[i], kind: name.tokens[i].kind)
            // The key as made for this text (`TokenKey.keyedByValue`); checked all the same.
            guard let known = memo.tokenMatches.value(for: memoKey), known.matches.isEmpty, known.key.elementsEqual(name.tokens[i].key.utf8) else {
                return false
            }
            texts.append(known.text)
            keys.append(known.key)
        }
        for i in 0..<max(count - 1, 0) where name.tokens[i].kind != .initial && name.tokens[i + 1].kind != .initial {
            guard pairJoins(name.tokens[i].text, name.tokens[i + 1].text, texts: (texts[i], texts[i + 1]), keys: (keys[i], keys[i + 1])).isEmpty
            else { return false }
        }
        for i in 0..<max(count - 2, 0) where name.tokens[i].kind == .name && name.tokens[i + 1].kind == .name && name.tokens[i + 2].kind == .name {
            guard threeJoin(keys: (keys[i], keys[i + 1], keys[i + 2])) == nil else { return false }
        }
        for i in 0..<max(count - 2, 0) where name.tokens[i].kind == .name && name.tokens[i + 1].kind == .particle && name.tokens[i + 2].kind == .name {
            var joined = false
            particleJoins(
                (name.tokens[i].text, name.tokens[i + 1].text, name.tokens[i + 2].text), texts: (texts[i], texts[i + 2]),
                keys: (keys[i], keys[i + 1], keys[i + 2])
            ) { _ in
                joined = true
                return false
            }
            if joined { return false }
        }
        return acronymCandidates(name, kind: kind, threshold: threshold).isEmpty
    }
}
