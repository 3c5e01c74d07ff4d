import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twenty-second round (`speed32`): a name set aside as written checks its plain
/// words' pairs and particle joins once a run for each pair of texts (`WrittenPairMemo`, by the
/// words' numbers), gathers its words' parts without their texts (`WrittenSlot`), and reads a
/// word without asking Wade-Giles when no part of it is as long as a syllable; a romanised name
/// that cannot be a Korean one is not split by characters (`NameNormalizer.mayBeKoreanName`);
/// the candidate bound sums over bits (`BoundWords`). Every answer
/// (entities, scores, reasons, "had candidates") is the general path's on every query of the
/// screening sets (all scripts), the portfolio generator's names (Cyrillic included), random,
/// mixed-script and punctuation-heavy names, screened in two orders and from two threads.
@Suite struct CounterpartyNormalisationTwentySecondRoundTests {
    /// Names as the portfolio generator makes them in Cyrillic (a given name and a surname, a
    /// legal form and a company word), and the same words in Latin letters beside them.
    static let cyrillicNames: [String] = {
        let given = ["Александр", "Сергей", "Дмитрий", "Елена", "Ольга", "Андрей", "Наталья", "Виктор"]
        let surnames = ["Иванов", "Петров", "Сидоренко", "Коваленко", "Новиков", "Морозов", "Волков"]
        let stems = ["Бел", "Минск", "Гродно", "Гомель", "Восток", "Север", "Урал", "Волга"]
        let roots = ["пром", "строй", "транс", "нефть", "агро", "тех", "энерго"]
        let forms = ["ООО", "ОАО", "ЗАО", "АО", "УП", "ЧУП", "ТОВ"]
        var names: [String] = []
        for (i, first) in given.enumerated() {
            for (j, last) in surnames.enumerated() {
                names += ["\(first) \(last)", "\(last) \(first)", "\(last.uppercased()), \(first)", "\(first) Zu \(last)"]
                names.append("\(forms[(i + j) % forms.count]) \"\(stems[(i * 3 + j) % stems.count])\(roots[(i + 2 * j) % roots.count])\"")
                names.append("\(stems[j % stems.count])\(roots[i % roots.count]) Trading Ltd")
            }
        }
        return names
    }()

    /// Names heavy on punctuation and mixed scripts, whose pairs are the same texts in other orders.
    static let punctuatedNames: [String] = {
        var names: [String] = []
        let words = ["Zu", "Xo", "Al", "Qaida", "Abd", "al", "Aziz", "Nur", "Din", "Fara", "Darya", "Huan", "Lei", "Trading", "Ltd", "Dr"]
        let separators = [" ", ", ", " - ", "  ", " & ", " / ", "'", ". "]
        var random = SplitMix64(state: 32)
        for _ in 0..<1_500 {
            var name = ""
            for position in 0..<(2 + Int(random.next() % 4)) {
                if position > 0 { name += separators[Int(random.next() % UInt64(separators.count))] }
                let word = words[Int(random.next() % UInt64(words.count))]
                name += random.next() % 5 == 0 ? word.uppercased() : word
            }
            if random.next() % 7 == 0 { name += " Хо" }
            names.append(name)
        }
        return names
    }()

    static var names: [String] {
        CounterpartyNormalisationTwentyFirstRoundTests.trickyNames + CounterpartyNamesSpeed15Tests.realNames
            + CounterpartyNamesSpeed15Tests.portfolioLikeNames + cyrillicNames + punctuatedNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 1_000, seed: 32)
    }

    /// Every answer the general path's (no name set aside as written nor by the memos), the
    /// names screened in order and again in reverse (`CounterpartyNormalisationTwentyFirstRoundTests.check`).
    @Test func seedsListsAnswerAsTheGeneralPath() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let (asked, setAside) = CounterpartyNormalisationTwentyFirstRoundTests.check(entities, names: Self.names)
        #expect(setAside > asked / 4)
        #expect(setAside < asked)
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func pairsOFACNamesAnswerAsTheGeneralPath() {
        let entities = CounterpartyPretestEighteenthRoundTests.pairsEntities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        #expect(entities.count > 300)
        let (asked, setAside) = CounterpartyNormalisationTwentyFirstRoundTests.check(entities, names: Self.names)
        #expect(setAside > 0 && setAside < asked)
    }

    /// The memo's answer for two plain words side by side, and for a name word, a particle and
    /// a name word, is `pairJoins`' and `particleJoins`' on their texts, asked first and again
    /// (then from the memo), in both orders, for every pair of plain words of the names read.
    @Test func pairMemoAnswersAsTheJoins() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let screener = NameScreener(entities: entities)
        var scratch = Scratch(names: screener.index.nameCount, vocabulary: screener.index.vocabularyCount)
        var reaching = 0, asked = 0
        for name in Self.names where NameNormalizer.isLatinOnly(name) {
            let words = name.split(separator: " ").map { screener.writtenWord(String($0), of: ScreeningQuery(name), scratch: &scratch) }
            guard words.allSatisfy(\.readable) else { continue }
            var slots: [WrittenSlot] = []
            for (position, word) in words.enumerated() {
                for var slot in word.slots {
                    slot.word = Int32(position)
                    slots.append(slot)
                }
            }
            func part(_ slot: WrittenSlot) -> WrittenPart { words[Int(slot.word)].parts[Int(slot.part)] }
            for a in slots where a.kind != .initial && !a.neverToken {
                for b in slots where b.kind != .initial && !b.neverToken {
                    let (x, y) = (part(a), part(b))
                    #expect(x.number != WrittenPairMemo.none && (x.number == y.number) == (x.text == y.text), "\(x.text) \(y.text)")
                    let expected = !screener.pairJoins(x.text, y.text, texts: (x.textBytes, y.textBytes), keys: (x.keyBytes, y.keyBytes)).isEmpty
                    #expect(screener.writtenPairReaches(a, b, of: words) == expected, "\(x.text) \(y.text)")
                    #expect(screener.writtenPairReaches(a, b, of: words) == expected, "\(x.text) \(y.text)")
                    asked += 1
                    if expected { reaching += 1 }
                    for p in slots where p.kind == .particle && a.kind == .name && b.kind == .name {
                        let z = part(p)
                        var joined = false
                        screener.particleJoins((x.text, z.text, y.text), texts: (x.textBytes, y.textBytes), keys: (x.keyBytes, z.keyBytes, y.keyBytes)) { _ in
                            joined = true
                            return false
                        }
                        #expect(screener.writtenParticleJoinReaches(a, p, b, of: words) == joined, "\(x.text) \(z.text) \(y.text)")
                        #expect(screener.writtenParticleJoinReaches(a, p, b, of: words) == joined, "\(x.text) \(z.text) \(y.text)")
                    }
                }
            }
        }
        // Real pairs: most reach nothing, some do ("al qaida", "fara darya").
        #expect(asked > 10_000)
        #expect(reaching > 0 && reaching < asked)
    }

    /// Numbers: one per text, the same for the same text, none past the memo's capacity.
    @Test func numbersStandForTheirTexts() {
        let memo = WrittenPairMemo(wordCapacity: 3)
        let zu = memo.number(of: "zu"), xo = memo.number(of: "xo")
        #expect(zu != xo && memo.number(of: "zu") == zu && memo.number(of: "xo") == xo)
        let third = memo.number(of: "al")
        #expect(third != WrittenPairMemo.none && third != zu && third != xo)
        #expect(memo.number(of: "qaida") == WrittenPairMemo.none)
        #expect(memo.number(of: "al") == third)
        #expect(WrittenPairMemo.pairKey(zu, WrittenPairMemo.none) == nil && WrittenPairMemo.particleKey(zu, xo, WrittenPairMemo.none) == nil)
        // A pair's key is not its reverse's, nor a particle join's.
        #expect(WrittenPairMemo.pairKey(zu, xo) != WrittenPairMemo.pairKey(xo, zu))
        #expect(WrittenPairMemo.pairKey(0, 0) != WrittenPairMemo.particleKey(0, 0, 0))
        memo.store(true, for: WrittenPairMemo.pairKey(zu, xo) ?? 0)
        #expect(memo.reaches(WrittenPairMemo.pairKey(zu, xo) ?? 0) == true && memo.reaches(WrittenPairMemo.pairKey(xo, zu) ?? 0) == nil)
    }

    /// A word none of whose parts between hyphens is as short as a syllable is one Wade-Giles
    /// leaves as it is; the words it converts are all asked.
    @Test func wadeGilesPretestLeavesOnlyUnconvertedWords() {
        var skipped = 0
        let words = Set(Self.names.flatMap { $0.split(separator: " ").map(String.init) } + ["Tse-tung", "Ch'ing", "CHIANG,", "Ching-kuo", "Hsiung-ch'uan"])
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            if NameScreener.mayBeWadeGiles(word) { continue }
            skipped += 1
            #expect(WadeGiles.converted(word) == word, "\(word)")
        }
        for word in ["Tse-tung", "Ch'ing", "CHIANG,", "Ching-kuo", "Hsiung-ch'uan"] {
            #expect(NameScreener.mayBeWadeGiles(word), "\(word)")
            #expect(WadeGiles.converted(word) != word, "\(word)")
        }
        #expect(skipped > 1_000)
    }

    /// The candidate bound summed over the bits of the query's positions (`BoundWords`) gives
    /// the candidates of the loop over positions, against the whole OFAC list (long enough for
    /// the bound to cut), on every query of the screening sets, the generator's names, random
    /// names and a name of more than 32 words (the loop).
    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func boundByBitsGivesTheSameCandidates() {
        let screener = NameScreener(entities: OFACFiles.entities)
        #expect(screener.index.nameCount > screener.parameters.shortListNames)
        var scratch = Scratch(names: screener.index.nameCount, vocabulary: screener.index.vocabularyCount)
        let long = (0..<40).map { "Word\($0)" }.joined(separator: " ") + " Muhammad Ali"
        let names =
            CounterpartyNamesSpeed15Tests.realNames + Self.cyrillicNames + CounterpartyNamesSpeed15Tests.randomNames(count: 500, seed: 322) + [long]
        var reached = 0
        for name in names {
            for kind in [nil, ListedEntity.Kind.person, .organisation] {
                let prepared = screener.prepare(ScreeningQuery(name, kind: kind))
                let found = screener.lookUp(prepared, scratch: &scratch)
                for threshold in [0.50, 0.70] {
                    let byBits = screener.candidates(prepared, found: found, threshold: threshold, scratch: &scratch)
                    let byPositions = screener.candidates(prepared, found: found, threshold: threshold, scratch: &scratch, byBits: false)
                    #expect(byBits == byPositions, "\(name) \(String(describing: kind)) at \(threshold)")
                    if !byBits.isEmpty { reached += 1 }
                }
            }
        }
        #expect(reached > 1_000)
    }

    /// A name the Korean pre-test passes over is one `KoreanCyrillic.listSpelling` leaves as it
    /// is; Korean names written the Russian way are asked, and respelt.
    @Test func koreanPretestLeavesOnlyUnchangedNames() {
        let korean = ["Ким Чен Ын", "Пак Ён Сик", "Ри Сон Гвон", "Чхве Рён Хэ", "Ким Ё Чжон", "КИМ Чен Ын", "Кім Чэн Ын"]
        var skipped = 0
        for name in Self.names + korean {
            let romanised = Transliterator.latinAndTranscriptions(name).latin
            guard !NameNormalizer.mayBeKoreanName(romanised) else { continue }
            skipped += 1
            #expect(KoreanCyrillic.listSpelling(romanised, source: name) == romanised, "\(name)")
        }
        var respelt = 0
        for name in korean {
            let romanised = Transliterator.latinAndTranscriptions(name).latin
            #expect(NameNormalizer.mayBeKoreanName(romanised), "\(name)")
            if KoreanCyrillic.listSpelling(romanised, source: name) != romanised { respelt += 1 }
        }
        #expect(skipped > 1_000)
        #expect(respelt >= 3)
    }

    /// One screener asked from two threads at once (the memos shared), each in its own order:
    /// every answer the general path's.
    @Test func twoThreadsAnswerAsTheGeneralPath() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let names = Self.cyrillicNames + Self.punctuatedNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames
        let general = CounterpartyNormalisationTwentyFirstRoundTests.general(entities)
        let expected = names.map { general.screen($0, threshold: 0.70) }
        let fast = NameScreener(entities: entities)
        let answers = ScreeningAnswers.byTwoThreads(count: names.count) { position in fast.screen(names[position], threshold: 0.70) }
        for thread in 0..<2 {
            for position in names.indices {
                #expect(answers.get(thread * names.count + position) == expected[position], "\(names[position])")
            }
        }
    }
}
