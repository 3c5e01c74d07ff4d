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
    /// The rules (a bit each, in order: rule `i` is bit `i`) a word may need, by what it holds:
    /// `byByte[b]` the rules at the end of a word and those of one byte whose pattern starts
    /// with `b`; `byPair[h]` the others, by the bit `h` of their first two bytes
    /// (`pairBit`: pairs that share a bit share a slot). Empty when there are more than 64
    /// rules: every rule is then tried.
    private let byByte: [UInt64]
    private let byPair: [UInt64]

    init(_ folds: [ScreeningData.Fold]) {
        var rules: [Rule] = []
        var patterns: [UInt8] = []
        var byByte = [UInt64](repeating: 0, count: 256)
        var byPair = [UInt64](repeating: 0, count: 64)
        for (index, fold) in folds.enumerated() {
            let from = patterns.count..<(patterns.count + fold.from.count)
            patterns += fold.from
            let to = patterns.count..<(patterns.count + fold.to.count)
            patterns += fold.to
            rules.append(Rule(from: from, to: to, atEnd: fold.atEnd))
            guard index < 64, let first = fold.from.first else { continue }
            if fold.atEnd || fold.from.count == 1 {
                byByte[Int(first)] |= 1 << UInt64(index)
            } else {
                byPair[Self.pairSlot(first, fold.from[1])] |= 1 << UInt64(index)
            }
        }
        self.rules = rules
        self.patterns = patterns
        self.byByte = folds.count <= 64 ? byByte : []
        self.byPair = folds.count <= 64 ? byPair : []
    }

    /// The folded word: every rule in order, then doubled letters collapsed (digits kept).
    /// Patterns are found by a byte loop over the word's storage (no closure per position):
    /// folding runs for every word two adjacent query words make (`NameScreener.joinedToken`).
    /// Only the rules the word's bytes and pairs may need are tried (`candidates`), again after
    /// each rule that changed the word: a rule of the others cannot match.
    func apply(_ token: [UInt8]) -> [UInt8] {
        var word = token
        var spare: [UInt8] = []
        patterns.withUnsafeBufferPointer { patterns in
            var pending = candidates(word)
            var start = 0
            while let ruleIndex = nextRule(from: start, pending) {
                start = ruleIndex + 1
                let rule = rules[ruleIndex]
                if rule.from.isEmpty { continue }
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
                        spare.reserveCapacity(bytes.count + to.count)
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
                pending = candidates(word)
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        for byte in word where result.last != byte || ASCII.isDigit(byte) { result.append(byte) }
        return result
    }

    /// The rules the word may need (a bit each), or all when the rules are not indexed.
    private func candidates(_ word: [UInt8]) -> UInt64 {
        guard !byByte.isEmpty else { return ~0 }
        return word.withUnsafeBufferPointer { bytes in
            byByte.withUnsafeBufferPointer { byByte in
                byPair.withUnsafeBufferPointer { byPair in
                    var bits: UInt64 = 0
                    var previous: UInt8?
                    for byte in bytes {
                        bits |= byByte[Int(byte)]
                        if let previous { bits |= byPair[Self.pairSlot(previous, byte)] }
                        previous = byte
                    }
                    return bits
                }
            }
        }
    }

    /// The first rule at `index` or after it that `pending` holds (every rule when the rules
    /// are not indexed), nil when there is none.
    private func nextRule(from index: Int, _ pending: UInt64) -> Int? {
        guard index < rules.count else { return nil }
        guard !byByte.isEmpty else { return index }
        let left = index >= 64 ? 0 : pending & ~((1 << UInt64(index)) - 1)
        guard left != 0 else { return nil }
        return left.trailingZeroBitCount
    }

    /// The slot of two bytes side by side (of 64: two pairs may share one).
    @inline(__always)
    private static func pairSlot(_ first: UInt8, _ second: UInt8) -> Int {
        Int((UInt64(first) &* 31 &+ UInt64(second)) & 63)
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
