import Foundation

/// The plain words of names read as written (`WrittenPart`), numbered once a run by their text,
/// and whether two of them side by side (`NameScreener.pairJoins`) or joined by a particle
/// (`particleJoins`) reach a list word, by their numbers: a name's pairs are checked once a
/// run, not once a name (`NameScreener.setAsideAsWritten`). Both answers depend on the texts
/// alone (the keys are made from them), so a number stands for its text. Shared by every
/// thread, under a lock. Bounded: past `maximumWords` texts a new one gets no number (its
/// pairs are checked each time), and the answers are emptied all at once when full.
final class WrittenPairMemo: @unchecked Sendable {
    /// A text without a number.
    static let none = UInt32.max
    /// Numbers stay below 2^21, so that three make one key (`particleKey`).
    static let maximumWords = 1 << 21

    private let lock = NSLock()
    private var numbers: [String: UInt32] = [:]
    private var answers: [UInt64: Bool] = [:]
    private let wordCapacity: Int
    private let answerCapacity: Int

    init(wordCapacity: Int = 100_000, answerCapacity: Int = 400_000) {
        self.wordCapacity = min(wordCapacity, Self.maximumWords)
        self.answerCapacity = answerCapacity
    }

    /// The number of a plain word's text: the same for the same text all run (`none` once
    /// `wordCapacity` texts are numbered). A number is never given to another text.
    func number(of text: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[text] { return known }
        guard numbers.count < wordCapacity else { return Self.none }
        let made = UInt32(numbers.count)
        numbers[text] = made
        return made
    }

    /// The key of two words side by side, `first` then `second` (bit 63 set: never a particle key).
    static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64? {
        guard first != none, second != none else { return nil }
        return 1 << 63 | UInt64(first) << 21 | UInt64(second)
    }

    /// The key of a name word, a particle and a name word (bit 63 clear).
    static func particleKey(_ first: UInt32, _ particle: UInt32, _ last: UInt32) -> UInt64? {
        guard first != none, particle != none, last != none else { return nil }
        return UInt64(first) << 42 | UInt64(particle) << 21 | UInt64(last)
    }

    /// Whether the words of `key` reach a list word, nil when not known yet.
    func reaches(_ key: UInt64) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        return answers[key]
    }

    /// Remembers whether the words of `key` reach a list word.
    func store(_ reaches: Bool, for key: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= answerCapacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = reaches
    }
}
