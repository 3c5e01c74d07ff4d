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
    /// Patterns are found by a byte loop over the word's storage (no closure per position):
    /// folding runs for every word two adjacent query words make (`NameScreener.joinedToken`).
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
                    // Every occurrence, left to right, none overlapping.
                    let replaced: Bool = word.withUnsafeBufferPointer { bytes in
                        guard var next = Self.firstMatch(from, in: bytes, from: 0) else { return false }
                        spare.removeAll(keepingCapacity: true)
                        var index = 0
                        while true {
                            spare.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
                            spare.append(contentsOf: to)
                            index = next + from.count
                            guard let found = Self.firstMatch(from, in: bytes, from: index) else { break }
                            next = found
                        }
                        spare.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                        return true
                    }
                    guard replaced else { continue }
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

    /// The first position at or after `start` where `pattern` (not empty) occurs in `bytes`.
    private static func firstMatch(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = pattern.count
        guard let first = pattern.first, bytes.count >= count else { return nil }
        var index = start
        while index + count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                while offset < count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return index }
            }
            index += 1
        }
        return nil
    }
}
