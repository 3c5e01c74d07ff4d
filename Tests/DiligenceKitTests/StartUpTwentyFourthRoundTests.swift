import Testing

@testable import DiligenceKit

/// Issue 17, twenty-fourth round (`speed41`): the start-up's cheaper ways of reading and folding
/// the screening tables give what the ways they replace gave.
struct StartUpTwentyFourthRoundTests {
    /// The columns found by the byte loop are the generic split's, on every line of every
    /// built-in screening file and on lines with empty, leading, trailing and non-ASCII columns.
    @Test func columnsAreTheSplitsColumnsOnEveryDataLine() throws {
        var lines = [
            "", "\t", "\t\t", "a", "a\t", "\ta", "a\tb", "a\t\tb", "é\tß\tü", "Ж\tж\t", "\t\u{1F600}\tx\t", "a b\tc d\te",
        ]
        for name in ScreeningData.fileNames {
            let (bytes, _) = try BuiltinResources.data("screening/\(name)")
            lines += String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.count > 15_000)
        for line in lines {
            let columns = ScreeningData.columns(line)
            let split = ScreeningData.columnsBySplit(line)
            #expect(columns == split, "\(line)")
            #expect(columns.map { Array($0.utf8) } == split.map { Array($0.utf8) }, "\(line)")
        }
    }

    /// The folds that try only the rules a word's bytes and pairs may need give the rule-by-rule
    /// definition's key on random words made of the rules' pattern letters (pairs side by side,
    /// overlapping, at the end, pairs that share a slot) and on every word of the common
    /// surnames and nicknames.
    @Test func foldsTryingCandidateRulesMatchTheDefinition() {
        let rules = ScreeningData.standard.spellingFolds
        let folds = SpellingFolds(rules)
        let letters = Array("acdeghijkoqstuwyz".utf8)
        var random = SplitMix64(state: 41)
        var words: [[UInt8]] = []
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12)
            words.append((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
        }
        let data = ScreeningData.standard
        words += data.commonSurnames.map { Array($0.utf8) } + data.nicknames.flatMap { [Array($0.name.utf8), Array($0.nickname.utf8)] }
        for word in words {
            #expect(folds.apply(word) == NameNormalizer.fold(word, rules: rules), "\(String(decoding: word, as: UTF8.self))")
        }
    }

    /// With more than 64 rules (not indexed: every rule tried) the folds still give the
    /// definition's keys: the built-in rules twice over, then once more in reverse.
    @Test func foldsOfMoreThanSixtyFourRulesMatchTheDefinition() {
        let built = ScreeningData.standard.spellingFolds
        let rules = built + built + built.reversed()
        #expect(rules.count > 64)
        let folds = SpellingFolds(rules)
        let letters = Array("acdeghijkoqstuwyz".utf8)
        var random = SplitMix64(state: 64)
        for _ in 0..<5_000 {
            let length = Int(random.next() % 12)
            let word = (0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            #expect(folds.apply(word) == NameNormalizer.fold(word, rules: rules), "\(String(decoding: word, as: UTF8.self))")
        }
    }
}
