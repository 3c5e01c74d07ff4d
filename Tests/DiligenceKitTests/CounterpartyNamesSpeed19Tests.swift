import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, seventeenth round (`speed19`): two adjacent words are joined and folded only when
/// the letters no fold removes may spell a list word (`KeptLetters`), and the scorer's options
/// hold ranges of tokens instead of arrays. Both give what the general way gives, on every name
/// of the screening sets (all scripts), the portfolio generator's names and random ones.
@Suite struct CounterpartyNamesSpeed19Tests {
    static var names: [String] {
        CounterpartyNamesSpeed15Tests.realNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 2_000, seed: 19)
    }

    /// Every text that `lookUp` may join: each name's adjacent token texts, with and without
    /// the particles the lookup tries between two words, and each word with an article before.
    static func joinedTexts(_ names: [String], normalizer: NameNormalizer) -> [String] {
        var texts: Set<String> = []
        for name in names {
            let tokens = normalizer.normalize(name).tokens.map(\.text)
            for (position, token) in tokens.enumerated() {
                texts.insert(token)
                texts.insert("al" + token)
                texts.insert("el" + token)
                guard position + 1 < tokens.count else { continue }
                texts.insert(token + tokens[position + 1])
                guard position + 2 < tokens.count else { continue }
                for middle in [tokens[position + 1]] + NameScreener.otherParticles.map(\.text) {
                    texts.insert(token + middle + tokens[position + 2])
                }
            }
        }
        return texts.sorted()
    }

    /// The lemma the pre-test rests on: a text's kept letters are all in its folded key.
    @Test func keptLettersSurviveFolding() {
        let normalizer = NameNormalizer.standard
        let kept = KeptLetters(folds: normalizer.data.spellingFolds, keys: [String]())
        var checked = 0
        for text in Self.joinedTexts(Self.names, normalizer: normalizer) {
            let folded = normalizer.folds.apply(Array(text.utf8))
            let reference = NameNormalizer.fold(Array(text.utf8), rules: normalizer.data.spellingFolds)
            #expect(folded == reference, "\(text)")
            #expect(kept.mask(text.utf8) & ~kept.mask(folded) == 0, "\(text) folds to \(String(decoding: folded, as: UTF8.self))")
            checked += 1
        }
        #expect(checked > 20_000)
        // The built-in folds keep a, b, f, l, m, n, r, v, x and the digits.
        #expect(kept.mask("abflmnrvx0".utf8).nonzeroBitCount == 10)
        #expect(kept.mask("cdeghijkopqstuwyz".utf8) == 0)
    }

    /// `mayFoldToKey` is true exactly for the masks some key's kept letters hold, on the seeds'
    /// list and the whole OFAC list (when its files are here).
    @Test func coveredMasksAreTheKeysSubsets() {
        let normalizer = NameNormalizer.standard
        for entities in [TestData.workspace.database.entities, OFACFiles.entities] where !entities.isEmpty {
            let screener = NameScreener(entities: entities)
            let keys = Array(screener.index.vocabulary.keys)
            let kept = KeptLetters(folds: normalizer.data.spellingFolds, keys: keys)
            let keyMasks = Set(keys.map { kept.mask($0.utf8) })
            #expect(kept.maskCount == 1 << 10)
            var covered = 0
            for mask in 0..<kept.maskCount {
                let expected = keyMasks.contains { UInt16(mask) & ~$0 == 0 }
                #expect(kept.mayFoldToKey(UInt16(mask)) == expected, "\(mask)")
                if expected { covered += 1 }
            }
            #expect(covered > 0 && covered < kept.maskCount)
        }
    }

    /// A text the pre-test rules out folds to no list word (`joinedToken` without it finds
    /// nothing), against the seeds' list and the whole OFAC list; the look-up and the
    /// screener's answers with the pre-test are those without it.
    @Test func joinedLookUpsAsTheGeneralPath() {
        let names = Self.names
        for entities in [TestData.workspace.database.entities, OFACFiles.entities] where !entities.isEmpty {
            let fast = NameScreener(entities: entities)
            let general = NameScreener(entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: false)
            let kept = KeptLetters(folds: fast.normalizer.data.spellingFolds, keys: fast.index.vocabulary.keys)
            // The seeds' few dozen words cover few masks: the test is used against them.
            if entities.count < 1_000 { #expect(fast.keptLetters.isSelective) }
            var ruledOut = 0, found = 0
            for text in Self.joinedTexts(names, normalizer: fast.normalizer) {
                let token = general.joinedToken(text)
                if !kept.mayFoldToKey(kept.mask(text.utf8)) {
                    #expect(token == nil, "\(text)")
                    ruledOut += 1
                }
                if token != nil { found += 1 }
            }
            #expect(ruledOut > 0 && found > 0)
            var fastScratch = Scratch(names: fast.index.nameCount, vocabulary: fast.index.vocabularyCount)
            var generalScratch = Scratch(names: general.index.nameCount, vocabulary: general.index.vocabularyCount)
            for name in names {
                let query = fast.prepare(ScreeningQuery(name))
                #expect(fast.lookUp(query, scratch: &fastScratch) == general.lookUp(query, scratch: &generalScratch), "\(name)")
            }
            let screened = entities.count > 1_000 ? Array(names.prefix(1_500)) + CounterpartyNamesSpeed15Tests.portfolioLikeNames : names
            for name in screened {
                for threshold in [0.50, 0.70] {
                    #expect(fast.screen(name, threshold: threshold) == general.screen(name, threshold: threshold), "\(name) at \(threshold)")
                }
            }
        }
    }

    /// A name that joins two words into a list word is still found: "Al Qaida" against "ALQAIDA".
    @Test func joinedWordsStillReachTheList() {
        let screener = NameScreener(entities: [listed("x", "ALQAIDA", kind: .organisation)])
        #expect(screener.screen("Al Qaida", threshold: 0.70).first?.entity.id == "x")
        #expect(screener.keptLetters.isSelective)
        #expect(screener.keptLetters.mayJoin(Array("al".utf8), EmptyCollection(), Array("qaida".utf8)))
        #expect(!screener.keptLetters.mayJoin(Array("bil".utf8), EmptyCollection(), Array("qaida".utf8)))
    }

    /// The options' order by ranges is the order of their tokens as arrays, lexicographic.
    @Test func optionOrderIsLexicographic() {
        var ranges: [Range<Int>] = []
        for start in 0..<6 { for end in (start + 1)...7 { ranges.append(start..<end) } }
        let comparison = TokenComparison(how: .spelling, similarity: 1, edits: 0)
        for a in ranges {
            for b in ranges {
                for (c, d) in [(a, b), (b, a), (a, a)] {
                    let x = NameScorer.Option(query: a, listed: c, comparison: comparison, weight: 1)
                    let y = NameScorer.Option(query: b, listed: d, comparison: comparison, weight: 1)
                    let expected =
                        Array(a) != Array(b)
                        ? Array(a).lexicographicallyPrecedes(Array(b)) : Array(c).lexicographicallyPrecedes(Array(d))
                    #expect(NameScorer.Option.precedes(x, y) == expected, "\(a) \(c) against \(b) \(d)")
                }
            }
        }
        let heavier = NameScorer.Option(query: 3..<4, listed: 0..<1, comparison: comparison, weight: 2)
        let lighter = NameScorer.Option(query: 0..<1, listed: 0..<1, comparison: comparison, weight: 1)
        #expect(NameScorer.Option.precedes(heavier, lighter))
        #expect(!NameScorer.Option.precedes(lighter, heavier))
    }
}
