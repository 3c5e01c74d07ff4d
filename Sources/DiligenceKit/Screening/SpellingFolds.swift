/// The spelling folds of `ScreeningData` with their patterns in one flat byte array, applied
/// to a word without retaining or allocating per rule: folding runs for every new word of a
/// query, and the rule-by-rule `NameNormalizer.fold(_:rules:)` (the definition, which a test
/// checks this against) spent most of its time retaining the rules' arrays.
struct SpellingFolds: Sendable {
    /// A rule's pattern and replacement, as ranges of `patterns`.
    private struct Rule: Sendable {
        var from: Range<Int>
        var to: Range<Int>
        var atEnd: Bool
    }

    private let rules: [Rule]
    private let patterns: [UInt8]

    init(_ folds: [ScreeningData.Fold]) {
        var rules: [Rule] = []
        var patterns: [UInt8] = []
        for fold in folds {
            let from = patterns.count..<(patterns.count + fold.from.count)
            patterns += fold.from
            let to = patterns.count..<(patterns.count + fold.to.count)
            patterns += fold.to
            rules.append(Rule(from: from, to: to, atEnd: fold.atEnd))
        }
        self.rules = rules
        self.patterns = patterns
    }

    /// The folded word: every rule in order, then doubled letters collapsed (digits kept).
    func apply(_ token: [UInt8]) -> [UInt8] {
        var word = token
        var spare: [UInt8] = []
        // A rule whose pattern starts with a byte the word does not hold cannot apply.
        var present = ByteSet(word)
        patterns.withUnsafeBufferPointer { patterns in
            for rule in rules where !rule.from.isEmpty && present.contains(patterns[rule.from.lowerBound]) {
                let from = UnsafeBufferPointer(rebasing: patterns[rule.from])
                let to = UnsafeBufferPointer(rebasing: patterns[rule.to])
                if rule.atEnd {
                    guard word.count > from.count, word.suffix(from.count).elementsEqual(from) else { continue }
                    word.removeLast(from.count)
                    word.append(contentsOf: to)
                } else {
                    guard let start = word.indices.first(where: { Self.matches(from, in: word, at: $0) }) else { continue }
                    spare.removeAll(keepingCapacity: true)
                    spare.append(contentsOf: word[..<start])
                    var index = start
                    while index < word.count {
                        if Self.matches(from, in: word, at: index) {
                            spare.append(contentsOf: to)
                            index += from.count
                        } else {
                            spare.append(word[index])
                            index += 1
                        }
                    }
                    swap(&word, &spare)
                }
                present = ByteSet(word)
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        for byte in word where result.last != byte || ASCII.isDigit(byte) { result.append(byte) }
        return result
    }

    /// Whether `pattern` (not empty) occurs in `word` at `index`.
    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, in word: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= word.count else { return false }
        for offset in 0..<pattern.count where word[index + offset] != pattern[offset] { return false }
        return true
    }
}
