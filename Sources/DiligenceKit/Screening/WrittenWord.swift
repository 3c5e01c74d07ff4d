/// One plain word of a name as `NameNormalizer.words` makes it (lower-case letters and digits),
/// with what classification can make of it wherever it stands (`NameScreener.setAsideAsWritten`).
struct WrittenPart {
    var text: String
    var textBytes: [UInt8]
    var keyBytes: [UInt8]
    /// The token's kind when it is one (`NameNormalizer.classify`: particle, initial or name).
    var kind: NameToken.Kind
    /// Never a token: a stop word or a word without a key (`NameNormalizer.classify`).
    var neverToken: Bool
    /// A legal form on its own of three letters or more ("ltd", "llc"): set aside as one
    /// wherever it stands, unless a title opening the name moves where legal forms are sought.
    var formAlone: Bool
    /// A word of a title's phrase (by its key).
    var titleWord: Bool
    /// May be left out of the tokens: never a token, or a word of a legal form or of a title
    /// (left out where its phrase is one). A word that is not is a token wherever it stands.
    var removable: Bool
    /// As a token, it reaches a list word or may be a listed acronym (asked of a legal form on
    /// its own too, in case a title makes it a token).
    var reaches: Bool
    /// The bit of its first letter or digit (`AcronymTargets.bit`).
    var initialBit: UInt64
    /// Its text's number in the run (`WrittenPairMemo.number(of:)`).
    var number: UInt32 = WrittenPairMemo.none

    /// Whether it may be a token, in a name with a word of a title or without.
    func isToken(titled: Bool) -> Bool { !neverToken && (!formAlone || titled) }
}

/// A `WrittenPart` as a name's check weighs it, without its texts (nothing to retain when a
/// name's parts are gathered): where it is, and what decides whether it is a token.
struct WrittenSlot {
    /// Its word's position among the name's words (`Scratch.writtenWords`) and its own there.
    var word: Int32
    var part: Int32
    var number: UInt32
    var kind: NameToken.Kind
    var neverToken: Bool
    var formAlone: Bool
    var titleWord: Bool
    var removable: Bool
    var reaches: Bool
    var initialBit: UInt64

    init(_ part: WrittenPart, at position: Int) {
        word = 0
        self.part = Int32(position)
        number = part.number
        kind = part.kind
        neverToken = part.neverToken
        formAlone = part.formAlone
        titleWord = part.titleWord
        removable = part.removable
        reaches = part.reaches
        initialBit = part.initialBit
    }

    /// Whether it may be a token, in a name with a word of a title or without.
    func isToken(titled: Bool) -> Bool { !neverToken && (!formAlone || titled) }
}

/// A word of a name between two spaces as written, read once a run (`ScreeningMemo.writtenWords`):
/// its plain words after romanisation (word by word, as `Transliterator.latinByWord` reads a
/// Latin name) and the separators `NameNormalizer.words` splits on, and whether any of them,
/// as a token, reaches a list word (`ScreeningMemo.tokenMatches`) or may be a listed acronym.
final class WrittenWord: Sendable {
    /// The word as written, and its `FNV1a.hash` (`WrittenWordMemo`).
    let raw: [UInt8]
    let hash: UInt64
    let parts: [WrittenPart]
    /// `parts` as slots (their word's position 0).
    let slots: [WrittenSlot]
    /// Commas and upper-case letters in the romanised word (reading order moves a name with one
    /// comma or with a word in capitals).
    let commas: Int
    let capitals: Int
    /// False when a name with this word is not read here: the word is not ASCII once romanised,
    /// Wade-Giles would rewrite it, or one of its plain words is a Roman numeral, a number
    /// word, or has a key with a space (the general path reads such names).
    let readable: Bool
    /// One of its plain words other than a legal form on its own, as the token it may be,
    /// reaches a list word or may be a listed acronym.
    let reaches: Bool

    init(raw: [UInt8], parts: [WrittenPart], commas: Int, capitals: Int, readable: Bool, reaches: Bool) {
        self.raw = raw
        hash = FNV1a.hash(raw)
        self.parts = parts
        slots = parts.indices.map { WrittenSlot(parts[$0], at: $0) }
        self.commas = commas
        self.capitals = capitals
        self.readable = readable
        self.reaches = reaches
    }

    /// A word not read here.
    static func unreadable(_ raw: [UInt8]) -> WrittenWord {
        WrittenWord(raw: raw, parts: [], commas: 0, capitals: 0, readable: false, reaches: true)
    }
}

/// The listed names a query's acronym could be (`NameScreener.acronymCandidates`: a listed
/// organisation's name of one word other than initials and particles, written as the acronym),
/// by the set of its letters and its length: an acronym is the first letters of the query's
/// words, so a name none of whose letter sets its words' first letters cover makes none.
struct AcronymTargets: Sendable {
    /// For each set of letters (`bit`), the shortest such name.
    let targets: [(mask: UInt64, length: Int)]

    init(index: CandidateIndex, entities: [ListedEntity]) {
        var shortest: [UInt64: Int] = [:]
        for name in 0..<index.nameCount where entities[Int(index.nameEntity[name])].kind != .person {
            var only: Int?, count = 0
            for position in index.tokenRange(ofName: name)
            where index.tokenFlags[position] & (CandidateIndex.Flag.initial | CandidateIndex.Flag.particle) == 0 {
                only = position
                count += 1
            }
            guard count == 1, let only else { continue }
            let text = index.text(at: only)
            // An acronym is lower-case letters and digits (`Acronyms.append(initialOf:)` of lower-case words).
            guard (Acronyms.minimumLength...Acronyms.maximumLength).contains(text.count),
                text.allSatisfy({ ASCII.isLower($0) || ASCII.isDigit($0) })
            else { continue }
            let mask = text.reduce(UInt64(0)) { $0 | Self.bit($1) }
            shortest[mask] = min(shortest[mask] ?? text.count, text.count)
        }
        targets = shortest.map { (mask: $0.key, length: $0.value) }.sorted { ($0.length, $0.mask) < ($1.length, $1.mask) }
    }

    /// A letter's or digit's bit (lower-case letters 0-25, digits 26-35), 0 for any other byte.
    static func bit(_ byte: UInt8) -> UInt64 {
        if ASCII.isLower(byte) { return 1 << UInt64(byte - UInt8(ascii: "a")) }
        if ASCII.isDigit(byte) { return 1 << UInt64(26 + byte - UInt8(ascii: "0")) }
        return 0
    }

    /// Whether some target's letters are all among `letters` and it is at most `words` long.
    func mayBeMade(letters: UInt64, words: Int) -> Bool {
        for target in targets {
            guard target.length <= words else { return false }
            if target.mask & ~letters == 0 { return true }
        }
        return false
    }
}
