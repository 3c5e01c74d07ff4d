/// A query's words as the candidate bound reads them (`NameScreener.candidates`), by position
/// as bits, for a query of at most 32 words: those looked up (not initials) and the name words.
/// The bound's sums then run over the bits in ascending order, the order of the loop over
/// positions they replace, so every sum is the same number.
struct BoundWords {
    let lookedUp: UInt32
    let names: UInt32

    /// Nil for a query of more than 32 words (their bits do not fit: the loop over positions).
    init?(_ query: NameScreener.PreparedQuery) {
        guard query.tokens.count <= 32 else { return nil }
        var lookedUp: UInt32 = 0, names: UInt32 = 0
        for (i, token) in query.tokens.enumerated() {
            let bit = UInt32(1) << UInt32(i)
            if token.kind != .initial { lookedUp |= bit }
            if token.kind == .name { names |= bit }
        }
        self.lookedUp = lookedUp
        self.names = names
    }
}
