extension NameScreener {
    /// Whether a name in Latin letters, read from its words as written, surely reaches no list
    /// word and no listed acronym, before it is normalised: then `screen` would set it aside
    /// after `lookUp` (or `knownToReachNothing`), and so it does, without normalising it.
    ///
    /// Each word between spaces is read once a run (`WrittenWord`): its plain words, and whether
    /// one of them as a token reaches a list word. Which of a name's plain words become tokens
    /// and which are neighbours needs the whole name (legal forms and titles of several words,
    /// reading order), so this over-approximates: every plain word that may be a token is one;
    /// two are neighbours when only words that may be left out stand between them, and the last
    /// and the first too when reading order may move the name. A name passes only when none of
    /// these tokens, pairs, three name words and particle joins reaches a list word (`pairJoins`,
    /// `threeJoin`, `particleJoins`),
    /// no word may be a listed acronym, and the first letters of its words make no listed
    /// acronym (`AcronymTargets`). Names it cannot read (another script, a name cut for length,
    /// a Korean "č", a Wade-Giles word, a Roman numeral or number word) take the general path.
    func setAsideAsWritten(_ query: ScreeningQuery, threshold: Double, scratch: inout Scratch) -> Bool {
        var name = query.name
        let byteCount = name.utf8.count
        guard byteCount > 0, byteCount <= NameNormalizer.maxCharacters else { return false }
        scratch.writtenWords.removeAll(keepingCapacity: true)
        scratch.writtenSlots.removeAll(keepingCapacity: true)
        var commas = 0, capitalWords = false
        let read = name.withUTF8 { bytes -> Bool in
            var ascii = true, space = false
            for byte in bytes {
                // Latin only (`NameNormalizer.isLatinOnly`); no "č" and its lead byte's letters
                // (`KoreanCyrillic.listSpelling`, asked of such a name).
                guard byte < 0xC9, byte != 0xC4 else { return false }
                if byte >= 0x80 { ascii = false }
                if byte == 0x20 { space = true }
            }
            // A name of one word is romanised as syllables (`Transliterator.latinByWord`).
            guard ascii || space else { return false }
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let hash = FNV1a.hash(raw)
                let word: WrittenWord
                if let known = memo.writtenWords.value(for: raw, hash: hash) {
                    word = known
                } else {
                    word = writtenWord(String(decoding: raw, as: UTF8.self), of: query, scratch: &scratch)
                    memo.writtenWords.store(word)
                }
                guard word.readable, !word.reaches else { return false }
                let position = Int32(scratch.writtenWords.count)
                scratch.writtenWords.append(word)
                for var slot in word.slots {
                    slot.word = position
                    scratch.writtenSlots.append(slot)
                }
                commas += word.commas
                if word.capitals >= 2 { capitalWords = true }
                start = end
            }
            return true
        }
        guard read else { return false }
        let parts = scratch.writtenSlots, words = scratch.writtenWords
        let count = parts.count
        // A title opening the name moves where the legal forms are sought (`classify`): a legal
        // form on its own may then be a token.
        let titled = parts.contains { $0.titleWord }
        if titled, parts.contains(where: { $0.formAlone && $0.reaches }) { return false }
        // At most `maxTokens` words: none is cut; a word that is never left out and is a name's
        // is a token, so the name is not one without any (`screen` returns nothing for it).
        guard count >= 1, count <= NameNormalizer.maxTokens, parts.contains(where: { !$0.removable && $0.kind == .name }) else { return false }
        // Reading order moves "LAST, First" (one comma) and a surname in capitals (no comma): the
        // words turn around, and the last word comes before the first.
        let turns = commas == 1 || (commas == 0 && capitalWords)
        scratch.writtenPairs.removeAll(keepingCapacity: true)
        for i in 0..<count where parts[i].isToken(titled: titled) && parts[i].kind != .initial {
            var step = 1
            while step < count {
                guard i + step < count || turns else { break }
                let j = (i + step) % count
                if parts[j].isToken(titled: titled) && parts[j].kind != .initial {
                    guard !writtenPairReaches(parts[i], parts[j], of: words) else { return false }
                    scratch.writtenPairs.append((i, j))
                }
                guard parts[j].removable else { break }
                step += 1
            }
        }
        for (i, particle) in scratch.writtenPairs where parts[i].kind == .name && parts[particle].kind == .particle {
            for (from, j) in scratch.writtenPairs where from == particle && parts[j].kind == .name {
                guard !writtenParticleJoinReaches(parts[i], parts[particle], parts[j], of: words) else { return false }
            }
        }
        for (i, middle) in scratch.writtenPairs where parts[i].kind == .name && parts[middle].kind == .name {
            for (from, j) in scratch.writtenPairs where from == middle && parts[j].kind == .name {
                guard !writtenThreeJoinReaches(parts[i], parts[middle], parts[j], of: words) else { return false }
            }
        }
        // The acronym of the words (`acronymCandidates`): at most one letter a word, the first.
        if query.kind != .person, parameters.acronymSimilarity >= threshold - parameters.sameCountryBonus, count >= Acronyms.minimumLength {
            let letters = parts.reduce(UInt64(0)) { $0 | $1.initialBit }
            if acronymTargets.mayBeMade(letters: letters, words: count) { return false }
        }
        return true
    }

    /// A word between spaces of a Latin name read (`WrittenWord`), its tokens looked up when the
    /// run has not yet (`lookUp` of the token alone: a token's matches depend on it alone).
    func writtenWord(_ word: String, of query: ScreeningQuery, scratch: inout Scratch) -> WrittenWord {
        // Romanised as `Transliterator.latinByWord` does in a name of several words; Wade-Giles
        // (`WadeGiles.pinyin`) leaves a name whose words it would not convert as it is.
        let romanised =
            word.utf8.allSatisfy { $0 < 0x80 }
            ? word : Transliterator.latinWord(word, .none, id: Transliterator.transformID(.none, greek: false), syllables: false)
        guard romanised.utf8.allSatisfy({ $0 < 0x80 }), !Self.mayBeWadeGiles(romanised) || WadeGiles.converted(romanised) == romanised else {
            return .unreadable(Array(word.utf8))
        }
        let bytes = romanised.utf8.filter { $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }
        var parts: [WrittenPart] = []
        var commas = 0, readable = true, reaches = false
        let capitals = bytes.lazy.filter(ASCII.isUpper).count
        func read(_ plain: String) -> Bool {
            let forms = normalizer.forms(of: plain)
            let text = Array(plain.utf8), key = Array(forms.key.utf8)
            // A Roman numeral, a number word ("twenty one" is one token) or a key read by its value.
            guard NameNormalizer.romanNumeral(plain) == nil, !(key.first.map(ASCII.isDigit) == true && text.first.map(ASCII.isLetter) == true),
                !key.contains(0x20), !forms.legalKey.utf8.contains(0x20)
            else { return false }
            let kind: NameToken.Kind = forms.isParticle ? .particle : (text.count == 1 && ASCII.isLetter(text[0]) ? .initial : .name)
            let neverToken = forms.isStopword || key.isEmpty
            let number = memo.writtenPairs.number(of: plain)
            let formAlone = !neverToken && text.count > 2 && normalizer.legalForms[forms.legalKey] != nil
            let titleWord = titleWords.contains(forms.key)
            let removable = neverToken || normalizer.legalWordKeys.contains(forms.legalKey) || titleWord
            var reachesAsToken = false
            if !neverToken, kind != .initial {
                let token = NameToken(text: plain, key: forms.key, kind: kind)
                let memoKey = ScreeningMemo.TokenKey(token, kind: kind)
                if memo.tokenMatches.value(for: memoKey) == nil {
                    let name = NormalizedName(original: query.name, tokens: [token], legalForms: [], titles: [], reordered: false)
                    _ = lookUp(prepareForLookUp(query, name: name, latin: nil), scratch: &scratch)
                }
                // Gone only when the memo was emptied meanwhile: counted as reaching (the general path).
                if let known = memo.tokenMatches.value(for: memoKey), known.matches.isEmpty, known.key == key {
                    // The name itself an acronym of a listed name (`acronymCandidates`).
                    reachesAsToken =
                        kind == .name && Acronyms.couldBeAcronym(plain)
                        && !CandidateIndex.range(of: CandidateIndex.hash(plain.utf8), in: index.acronymHashes).isEmpty
                } else {
                    reachesAsToken = true
                }
            }
            if reachesAsToken, !formAlone { reaches = true }
            parts.append(
                WrittenPart(
                    text: plain, textBytes: text, keyBytes: key, kind: kind, neverToken: neverToken, formAlone: formAlone, titleWord: titleWord,
                    removable: removable, reaches: reachesAsToken, initialBit: text.first.map(AcronymTargets.bit) ?? 0, number: number))
            return true
        }
        // The chunks `NameNormalizer.words` reads: between spaces and commas.
        var position = 0
        while position < bytes.count, readable {
            if bytes[position] == UInt8(ascii: ",") {
                commas += 1
                position += 1
            } else if ASCII.isSpace(bytes[position]) {
                position += 1
            } else {
                var end = position + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: ","), !ASCII.isSpace(bytes[end]) { end += 1 }
                NameNormalizer.forEachPlainWord(NameNormalizer.splittingJoinedWords(NameNormalizer.joiningDottedLetters(bytes[position..<end]))) { plain in
                    readable = read(plain)
                    return readable
                }
                position = end
            }
        }
        guard readable else { return .unreadable(Array(word.utf8)) }
        return WrittenWord(raw: Array(word.utf8), parts: parts, commas: commas, capitals: capitals, readable: true, reaches: reaches)
    }

    /// Whether two plain words side by side reach a list word written as one (`pairJoins`),
    /// once a run for each pair of texts (`WrittenPairMemo`).
    func writtenPairReaches(_ first: WrittenSlot, _ second: WrittenSlot, of words: [WrittenWord]) -> Bool {
        let key = WrittenPairMemo.pairKey(first.number, second.number)
        if let key, let known = memo.writtenPairs.reaches(key) { return known }
        let a = words[Int(first.word)].parts[Int(first.part)], b = words[Int(second.word)].parts[Int(second.part)]
        let reaches = !pairJoins(a.text, b.text, texts: (a.textBytes, b.textBytes), keys: (a.keyBytes, b.keyBytes)).isEmpty
        if let key { memo.writtenPairs.store(reaches, for: key) }
        return reaches
    }

    /// Whether a name word, a particle and a name word reach a list word written as one
    /// (`particleJoins`), once a run for each three texts (`WrittenPairMemo`).
    func writtenParticleJoinReaches(_ first: WrittenSlot, _ particle: WrittenSlot, _ last: WrittenSlot, of words: [WrittenWord]) -> Bool {
        let key = WrittenPairMemo.particleKey(first.number, particle.number, last.number)
        if let key, let known = memo.writtenPairs.reaches(key) { return known }
        let a = words[Int(first.word)].parts[Int(first.part)], p = words[Int(particle.word)].parts[Int(particle.part)]
        let b = words[Int(last.word)].parts[Int(last.part)]
        var joined = false
        particleJoins((a.text, p.text, b.text), texts: (a.textBytes, b.textBytes), keys: (a.keyBytes, p.keyBytes, b.keyBytes)) { _ in
            joined = true
            return false
        }
        if let key { memo.writtenPairs.store(joined, for: key) }
        return joined
    }

    /// Whether three name words side by side reach a list word written as one (`threeJoin`),
    /// once a run for each three texts (`WrittenPairMemo`: a particle's text is never a name
    /// word's, so the key is not a particle join's).
    func writtenThreeJoinReaches(_ first: WrittenSlot, _ second: WrittenSlot, _ third: WrittenSlot, of words: [WrittenWord]) -> Bool {
        let key = WrittenPairMemo.particleKey(first.number, second.number, third.number)
        if let key, let known = memo.writtenPairs.reaches(key) { return known }
        let a = words[Int(first.word)].parts[Int(first.part)], b = words[Int(second.word)].parts[Int(second.part)]
        let c = words[Int(third.word)].parts[Int(third.part)]
        let reaches = threeJoin(keys: (a.keyBytes, b.keyBytes, c.keyBytes)) != nil
        if let key { memo.writtenPairs.store(reaches, for: key) }
        return reaches
    }

    /// The longest syllable of the Wade-Giles table, in bytes.
    static let longestWadeGilesSyllable = WadeGiles.table.keys.map(\.utf8.count).max() ?? 0

    /// False when `WadeGiles.converted` surely leaves an ASCII word as it is: a part between
    /// hyphens (after the trailing ",", "." and ";" it keeps) is longer than any syllable, so
    /// not every part is one (most names' words: "hernandez").
    static func mayBeWadeGiles(_ word: String) -> Bool {
        var bytes = Array(word.utf8)[...]
        while let last = bytes.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: ";") { bytes = bytes.dropLast() }
        return bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).allSatisfy { $0.count <= longestWadeGilesSyllable }
    }
}
