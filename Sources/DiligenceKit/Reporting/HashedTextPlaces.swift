/// Places by text (`HashedText`), as a `[HashedText: Int]` answers them, found by the hash made
/// where the text was made (`PlaceTable64`, no `Hasher` run: the ordered thread looks every
/// fact and event a policy cites up in the run's tables) and compared byte for byte (copies of
/// one text by their representation); texts of one hash that differ are kept apart.
struct HashedTextPlaces: Sendable {
    /// The first text of each hash, at its slot in `texts` and `values`.
    private var slots = PlaceTable64()
    private var texts: [HashedText] = []
    private var values: [Int] = []
    /// Texts whose hash an other text had first.
    private var others: [HashedText: Int] = [:]
    /// The value of a text whose place was removed (its slot stays).
    private static let removed = Int.min

    subscript(text: HashedText) -> Int? {
        get {
            guard let slot = slots[UInt64(bitPattern: Int64(text.hashOfText))] else { return nil }
            if texts[Int(slot)] == text { return values[Int(slot)] == Self.removed ? nil : values[Int(slot)] }
            return others[text]
        }
        set {
            let hash = UInt64(bitPattern: Int64(text.hashOfText))
            if let slot = slots[hash] {
                if texts[Int(slot)] == text {
                    values[Int(slot)] = newValue ?? Self.removed
                } else {
                    others[text] = newValue
                }
                return
            }
            guard let newValue else { return }
            slots.insert(hash, place: Int32(truncatingIfNeeded: texts.count))
            texts.append(text)
            values.append(newValue)
        }
    }
}
