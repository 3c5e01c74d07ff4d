/// The list's names, tokenised once, with the lookups that find a query token's look-alikes
/// without comparing it with every name:
///
/// - the token itself (a dictionary of folded keys);
/// - its one-deletion neighbourhood (every key with one letter removed, hashed and sorted), which
///   finds every list token within one edit, transpositions included;
/// - its character trigrams, for tokens long enough to have a budget of two or more edits: a
///   list token within `b` edits shares at least `distinct trigrams − 4b` of them;
/// - its sound key (`PhoneticKey`).
///
/// Every look-alike is verified with `TokenComparison`; the names containing verified tokens are
/// the candidates (postings per token). Storage is flat arrays of integers, so a list of a
/// million names stays compact.
struct CandidateIndex: Sendable {
    // Vocabulary: folded keys, their sound keys and weights.
    var vocabulary: [String: Int32] = [:]
    var keyStart: [Int32] = [0]
    var keyBytes: [UInt8] = []
    var phoneticStart: [Int32] = [0]
    var phoneticBytes: [UInt8] = []
    var weights: [Double] = []
    var maximumWeight = 0.0

    // Names (an entity's name or one of its aliases): their tokens and flags.
    var nameEntity: [Int32] = []
    var nameIndex: [Int32] = []
    var tokenStart: [Int32] = [0]
    var tokens: [Int32] = []
    var tokenFlags: [UInt8] = []
    /// Each name token's text as written (lower-case Latin), for typos that folding hides.
    var textStart: [Int32] = [0]
    var textBytes: [UInt8] = []
    /// For a listed organisation's name, its number of name words (at most 255); 0 for other
    /// kinds. The candidate bound of partial coverage (`PartialCoverage`) needs it: a query
    /// may hold the listed name whole only if as many of its words reached the name.
    var coverableWords: [UInt8] = []
    /// For a listed person's name, its number of name words (at most 255); 0 for other kinds.
    /// The candidate bound of added names (`AddedNames`) needs it: a query may hold the listed
    /// name whole only if as many of its words reached the name.
    var personWords: [UInt8] = []
    /// For each name, the first letters of its words that could be an acronym of a query's
    /// words (`NameScreener.acronymBound`: letters only, `AcronymRuns.shortestListedAcronym`
    /// to `Acronyms.maximumLength` long, not an initial or a particle), one bit a letter: a
    /// name none of whose letters the query's initials hold is passed over at once.
    var acronymLetters: [UInt32] = []

    // Postings: the names each vocabulary token appears in.
    var postingStart: [Int32] = []
    var postings: [Int32] = []

    // Lookups.
    var deletionHashes: [UInt64] = []
    var deletionTokens: [Int32] = []
    var phoneticHashes: [UInt64] = []
    var phoneticTokens: [Int32] = []
    var trigramStart: [Int32] = []
    var trigramTokens: [Int32] = []
    /// The acronyms of organisations' names (`Acronyms`), hashed and sorted, and their names.
    var acronymHashes: [UInt64] = []
    var acronymNames: [Int32] = []
    /// Per vocabulary token, the positions of its other texts as written (at most
    /// `maximumVariants`, each other than the key): the scorer compares those too ("jeeri",
    /// key "jiri"; "zhao", key "zao"), so the lookup's verification does (`variants(of:)`).
    var variantStart: [Int32] = [0]
    var variantPositions: [Int32] = []
    /// Per vocabulary token, the first letters (low half) and the last letters (high half) of
    /// its other texts as written, one bit a letter (`endBits`): a query word whose end letters
    /// none of them keeps is no typo of them, and `NameScreener.variantComparison` leaves at once.
    var variantEnds: [UInt64] = []
    /// The first `stemLength` letters of each key of `stemLength` letters or more, hashed and
    /// sorted, and their tokens: an organisation's word by its stem ("additivnykh" /
    /// "additive"), which the scorer matches and the one-edit lookups do not reach.
    var stemHashes: [UInt64] = []
    var stemTokens: [Int32] = []

    static let maximumVariants = 4
    static let stemLength = 6

    static let trigramSpace = 40 * 40 * 40

    /// Token flags stored per name token.
    enum Flag {
        static let initial: UInt8 = 1
        static let particle: UInt8 = 2
        static let patronymic: UInt8 = 4
        static let middle: UInt8 = 8
        /// The first and the last of a listed person's two surnames or more (`SecondSurname`).
        static let firstSurname: UInt8 = 16
        static let secondSurname: UInt8 = 32
    }

    var vocabularyCount: Int { weights.count }
    var nameCount: Int { nameEntity.count }

    func key(_ token: Int32) -> ArraySlice<UInt8> {
        keyBytes[Int(keyStart[Int(token)])..<Int(keyStart[Int(token) + 1])]
    }

    func phonetic(_ token: Int32) -> ArraySlice<UInt8> {
        phoneticBytes[Int(phoneticStart[Int(token)])..<Int(phoneticStart[Int(token) + 1])]
    }

    func text(at position: Int) -> ArraySlice<UInt8> {
        textBytes[Int(textStart[position])..<Int(textStart[position + 1])]
    }

    func tokenRange(ofName name: Int) -> Range<Int> {
        Int(tokenStart[name])..<Int(tokenStart[name + 1])
    }

    /// A text's first and last letters as bits of `variantEnds` (any byte not a letter a-z is
    /// one bit, so a test on them never leaves out a text that keeps both).
    static func endBits(first: UInt8, last: UInt8) -> UInt64 {
        func bit(_ byte: UInt8) -> UInt64 { byte >= 0x61 && byte <= 0x7A ? UInt64(1) << UInt64(byte - 0x61) : UInt64(1) << 31 }
        return bit(first) | (bit(last) << 32)
    }

    /// The positions of a vocabulary token's texts as written that differ from its key.
    func variants(of token: Int32) -> ArraySlice<Int32> {
        variantPositions[Int(variantStart[Int(token)])..<Int(variantStart[Int(token) + 1])]
    }

    func postings(of token: Int32) -> ArraySlice<Int32> {
        postings[Int(postingStart[Int(token)])..<Int(postingStart[Int(token) + 1])]
    }

    // MARK: Building

    /// Indexes every name and alias of `entities`.
    init(entities: [ListedEntity], normalizer: NameNormalizer, parameters: ScoringParameters) {
        var perEntityKeys: [Set<String>] = []
        perEntityKeys.reserveCapacity(entities.count)
        var normalized: [(entity: Int, name: Int, tokens: [NameToken], person: Bool, surnames: (first: Int, second: Int)?)] = []
        var acronyms: [(UInt64, Int32)] = []
        for (entityIndex, entity) in entities.enumerated() {
            var keys: Set<String> = []
            for (nameIndex, name) in entity.allNames.enumerated() {
                let result = normalizer.normalize(name)
                guard result.tokens.contains(where: { $0.kind == .name }) else { continue }
                keys.formUnion(result.tokens.map(\.key))
                if entity.kind != .person {
                    for acronym in Acronyms.of(result.acronymParts) { acronyms.append((Self.hash(acronym.utf8), Int32(normalized.count))) }
                }
                let surnames = entity.kind == .person ? SecondSurname.positions(in: result) : nil
                normalized.append((entityIndex, nameIndex, result.tokens, entity.kind == .person, surnames))
            }
            perEntityKeys.append(keys)
        }
        let weighting = TokenWeights(entityKeys: perEntityKeys, data: normalizer.data, parameters: parameters)
        var postingLists: [[Int32]] = []
        var variantLists: [[Int32]] = []
        for item in normalized {
            let nameId = Int32(nameEntity.count)
            nameEntity.append(Int32(item.entity))
            nameIndex.append(Int32(item.name))
            let nameTokens = item.tokens.enumerated().filter { $0.element.kind == .name }.map(\.offset)
            coverableWords.append(entities[item.entity].kind == .organisation ? UInt8(min(nameTokens.count, 255)) : 0)
            personWords.append(item.person ? UInt8(min(nameTokens.count, 255)) : 0)
            for (position, token) in item.tokens.enumerated() {
                let id: Int32
                if let existing = vocabulary[token.key] {
                    id = existing
                } else {
                    id = Int32(weights.count)
                    vocabulary[token.key] = id
                    keyBytes += Array(token.key.utf8)
                    keyStart.append(Int32(keyBytes.count))
                    phoneticBytes += PhoneticKey.key(Array(token.key.utf8)[...])
                    phoneticStart.append(Int32(phoneticBytes.count))
                    weights.append(weighting.weight(token.key))
                    postingLists.append([])
                    variantLists.append([])
                }
                var flags: UInt8 = 0
                if token.kind == .initial { flags |= Flag.initial }
                if token.kind == .particle { flags |= Flag.particle }
                if token.isPatronymic { flags |= Flag.patronymic }
                if item.person, nameTokens.count >= 3, let first = nameTokens.first, let last = nameTokens.last,
                    token.kind == .name, position != first, position != last
                {
                    flags |= Flag.middle
                }
                if position == item.surnames?.first { flags |= Flag.firstSurname }
                if position == item.surnames?.second { flags |= Flag.secondSurname }
                tokens.append(id)
                tokenFlags.append(flags)
                textBytes += token.text.utf8
                textStart.append(Int32(textBytes.count))
                if token.text != token.key, variantLists[Int(id)].count < Self.maximumVariants,
                    !variantLists[Int(id)].contains(where: { text(at: Int($0)).elementsEqual(token.text.utf8) })
                {
                    variantLists[Int(id)].append(Int32(tokens.count - 1))
                }
                if postingLists[Int(id)].last != nameId { postingLists[Int(id)].append(nameId) }
            }
            tokenStart.append(Int32(tokens.count))
            acronymLetters.append(Self.acronymLetters(item.tokens))
        }
        maximumWeight = weights.max() ?? 0
        acronyms.sort { $0 < $1 }
        acronymHashes = acronyms.map(\.0)
        acronymNames = acronyms.map(\.1)
        postingStart.reserveCapacity(postingLists.count + 1)
        postingStart.append(0)
        for list in postingLists {
            postings += list
            postingStart.append(Int32(postings.count))
        }
        variantStart.reserveCapacity(variantLists.count + 1)
        variantEnds.reserveCapacity(variantLists.count)
        for list in variantLists {
            variantPositions += list
            variantStart.append(Int32(variantPositions.count))
            variantEnds.append(
                list.reduce(0) { ends, position in
                    let text = self.text(at: Int(position))
                    guard let first = text.first, let last = text.last else { return ends }
                    return ends | Self.endBits(first: first, last: last)
                })
        }
        buildLookups()
    }

    /// The letters of `acronymLetters` for one name's tokens.
    static func acronymLetters(_ tokens: [NameToken]) -> UInt32 {
        var letters: UInt32 = 0
        for token in tokens where token.kind != .initial && token.kind != .particle {
            let text = token.text.utf8
            guard let first = text.first, text.count >= AcronymRuns.shortestListedAcronym, text.count <= Acronyms.maximumLength,
                text.allSatisfy(ASCII.isLetter)
            else { continue }
            letters |= AcronymRuns.bit(of: first)
        }
        return letters
    }

    mutating func buildLookups() {
        var deletions: [(UInt64, Int32)] = []
        var sounds: [(UInt64, Int32)] = []
        var stems: [(UInt64, Int32)] = []
        var trigramCounts = [Int32](repeating: 0, count: Self.trigramSpace + 1)
        var trigramsOfToken: [[Int32]] = []
        trigramsOfToken.reserveCapacity(vocabularyCount)
        for token in 0..<Int32(vocabularyCount) {
            let key = self.key(token)
            for hash in Self.deletionHashes(key) { deletions.append((hash, token)) }
            let sound = phonetic(token)
            if sound.count >= 2 { sounds.append((Self.hash(sound), token)) }
            if key.count >= Self.stemLength, !key.contains(where: ASCII.isDigit) { stems.append((Self.hash(key.prefix(Self.stemLength)), token)) }
            let trigrams = Self.trigrams(key)
            for trigram in trigrams { trigramCounts[Int(trigram)] += 1 }
            trigramsOfToken.append(trigrams)
        }
        deletions.sort { $0 < $1 }
        deletionHashes = deletions.map(\.0)
        deletionTokens = deletions.map(\.1)
        sounds.sort { $0 < $1 }
        phoneticHashes = sounds.map(\.0)
        phoneticTokens = sounds.map(\.1)
        stems.sort { $0 < $1 }
        stemHashes = stems.map(\.0)
        stemTokens = stems.map(\.1)
        trigramStart = [Int32](repeating: 0, count: Self.trigramSpace + 1)
        var running: Int32 = 0
        for index in 0..<Self.trigramSpace {
            trigramStart[index] = running
            running += trigramCounts[index]
        }
        trigramStart[Self.trigramSpace] = running
        var fill = trigramStart
        trigramTokens = [Int32](repeating: 0, count: Int(running))
        for (token, trigrams) in trigramsOfToken.enumerated() {
            for trigram in trigrams {
                trigramTokens[Int(fill[Int(trigram)])] = Int32(token)
                fill[Int(trigram)] += 1
            }
        }
    }

    // MARK: Keys

    /// FNV-1a, 64 bits.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        FNV1a.hash(bytes)
    }

    /// The hashes of the key (three letters or more) and of the key with each one letter removed
    /// (four letters or more).
    static func deletionHashes(_ key: ArraySlice<UInt8>) -> [UInt64] {
        guard key.count >= 3 else { return [] }
        var result = [hash(key)]
        guard key.count >= 4 else { return result }
        var buffer = [UInt8](repeating: 0, count: key.count - 1)
        let bytes = Array(key)
        for skip in 0..<bytes.count {
            var position = 0
            for (index, byte) in bytes.enumerated() where index != skip {
                buffer[position] = byte
                position += 1
            }
            result.append(hash(buffer))
        }
        return result
    }

    static func symbol(_ byte: UInt8) -> Int32 {
        switch byte {
        case 0x61...0x7A: Int32(byte - 0x61 + 1)
        case 0x30...0x39: Int32(byte - 0x30 + 27)
        default: 37
        }
    }

    /// The distinct trigrams of `^key$`, as codes below `trigramSpace`.
    static func trigrams(_ key: ArraySlice<UInt8>) -> [Int32] {
        var symbols: [Int32] = [38]
        symbols.reserveCapacity(key.count + 2)
        for byte in key { symbols.append(symbol(byte)) }
        symbols.append(39)
        guard symbols.count >= 3 else { return [] }
        var result: [Int32] = []
        result.reserveCapacity(symbols.count - 2)
        for index in 0..<(symbols.count - 2) {
            let code = (symbols[index] * 40 + symbols[index + 1]) * 40 + symbols[index + 2]
            if !result.contains(code) { result.append(code) }
        }
        return result
    }

    static func range(of hash: UInt64, in hashes: [UInt64]) -> Range<Int> {
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < hashes.count, hashes[end] == hash { end += 1 }
        return low..<end
    }
}
