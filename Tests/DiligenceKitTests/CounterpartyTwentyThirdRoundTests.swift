import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twenty-third round (`speed36`): `WadeGiles.pinyin` asked only of a text whose first
/// word may be a syllable or that has a hyphen or an apostrophe (`WadeGiles.mayConvert`),
/// `TurkicLatin.listSpelling` only of a name with a Turkish or Azerbaijani letter and one it
/// replaces (`TurkicLatin.mayRespell`), and a name's bytes scanned from its storage
/// (`UTF8Scan`). Every answer (entities, scores, reasons, "had candidates") is the one without
/// the pre-tests, on every query of the screening sets (all scripts), the
/// portfolio generator's names (Cyrillic included), random, mixed-script and punctuation-heavy
/// names, screened in two orders and from two threads.
@Suite struct CounterpartyTwentyThirdRoundTests {
    /// Every field of every screening set (`benchmarks/screening/*.tsv`, all scripts).
    static let screeningSetNames: [String] = {
        let folder = TestData.root.appendingPathComponent("benchmarks/screening")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var names: Set<String> = []
        for file in files.sorted() where file.hasSuffix(".tsv") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") where !field.hasPrefix("http") && field.count > 1 && field.count < 200 {
                    names.insert(String(field))
                }
            }
        }
        return names.sorted()
    }()

    /// Chinese names in Wade-Giles (which `pinyin` converts) and Turkish, Azerbaijani and
    /// Portuguese names (which `listSpelling` respells), written several ways.
    static let spelledNames = [
        "Chiang Ching-kuo", "CHIANG, Ching-kuo", "Mao Tse-tung", "Chiang Ching Kuo", "Teng Hsiao-p'ing", "Ch'ing Hsiung-ch'uan",
        "  Chou En-lai", "Li, Peng", "Chang Hsueh-liang", "Sun Yat-sen", "PAK, To-Chun", "Kim Sang-ho", "Hsu.", "chiang;", "Tse-tung Mao",
        "Əhməd Əliyev", "Cevad Recep", "Məhəmmədcavad", "Yanukoviç", "ÇELİK Ahmet", "Kılıç Ağa", "Şahin Cengiz", "Serviços Continental SA",
        "Construções Rodrigues Ltda", "Kuzey Dış Ticaret A.Ş.", "Ağa", "İstanbul", "Çç", "c", "ə",
    ]

    static var names: [String] {
        screeningSetNames + CounterpartyNamesSpeed15Tests.realNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames + spelledNames
            + CounterpartyNormalisationTwentySecondRoundTests.cyrillicNames + CounterpartyNormalisationTwentySecondRoundTests.punctuatedNames
            + CounterpartyNormalisationTwentyFirstRoundTests.trickyNames + CounterpartyNamesSpeed15Tests.randomNames(count: 2_000, seed: 36)
    }

    /// The screener without this round's pre-tests (every name asked of `pinyin` and
    /// `listSpelling`), and otherwise as `NameScreener(entities:)`.
    static func withoutPreTests(_ entities: [ListedEntity]) -> NameScreener {
        var normalizer = NameNormalizer.standard
        normalizer.preTestsWadeGiles = false
        return NameScreener(entities: entities, normalizer: normalizer, parameters: ScoringParameters(), keptLetterTest: true, preTestsTurkicSpelling: false)
    }

    /// Every text the Wade-Giles pre-test passes over is one `pinyin` returns as it is: each
    /// name, its romanisation, and its romanisation as `normalizeKeepingLatin` would pass it;
    /// the Wade-Giles names are asked, and converted.
    @Test func wadeGilesPreTestPassesOverOnlyUnchangedTexts() {
        var skipped = 0, asked = 0
        for name in Self.names {
            let latin = Transliterator.latinAndTranscriptions(name).latin
            for text in [name, latin, name.uppercased(), " " + latin + ", "] {
                guard !WadeGiles.mayConvert(text) else {
                    asked += 1
                    continue
                }
                skipped += 1
                #expect(WadeGiles.pinyin(text) == text, "\(text)")
            }
        }
        for name in ["Chiang Ching-kuo", "CHIANG, Ching-kuo", "Mao Tse-tung", "Chiang Ching Kuo", "Teng Hsiao-p'ing", "chiang hsu"] {
            #expect(WadeGiles.mayConvert(name), "\(name)")
            #expect(WadeGiles.pinyin(name) != name, "\(name)")
        }
        #expect(skipped > 10_000)
        #expect(asked > 100)
    }

    /// The syllables packed are the table's without an apostrophe, and a word packs as its
    /// lower-cased bytes.
    @Test func packedSyllablesAreTheTable() {
        let plain = WadeGiles.table.keys.filter { !$0.contains("'") }
        #expect(WadeGiles.packedSyllables.count == plain.count)
        for syllable in plain {
            #expect(WadeGiles.packed(Array(syllable.uppercased().utf8)[...]).map { WadeGiles.packedSyllables.contains($0) } == true, "\(syllable)")
        }
        #expect(WadeGiles.packed(Array("ch'ing".utf8)[...]) == nil)
        #expect(WadeGiles.packed(Array("abcdefghi".utf8)[...]) == nil)
        #expect(WadeGiles.packed(Array("ab".utf8)[...]) != WadeGiles.packed(Array("ba".utf8)[...]))
    }

    /// The Turkish pre-test passes a name exactly when `listSpelling` respells it (and
    /// `listSpellingByScalars` agrees), on every name.
    @Test func turkicPreTestIsListSpellingsAnswer() {
        var respelt = 0
        for name in Self.names + Self.names.map({ $0.lowercased() }) {
            let spelled = TurkicLatin.listSpelling(name)
            #expect(TurkicLatin.mayRespell(name) == (spelled != nil), "\(name)")
            #expect(spelled == TurkicLatin.listSpellingByScalars(name), "\(name)")
            if spelled != nil { respelt += 1 }
        }
        #expect(respelt > 100)
    }

    /// The byte scan is `utf8.allSatisfy` on every name, at the bounds it is asked with.
    @Test func byteScanIsAllSatisfy() {
        for name in Self.names + ["", "é", "ə", "Ɂ", "\u{0240}", "ж"] {
            for bound: UInt8 in [0x80, 0xC4, 0xC9] {
                #expect(UTF8Scan.allBelow(name, bound) == name.utf8.allSatisfy { $0 < bound }, "\(name)")
            }
        }
    }

    /// Normalised with and without the Wade-Giles pre-test: the same name and Latin form.
    @Test func normalisesAsWithoutThePreTest() {
        var general = NameNormalizer.standard
        general.preTestsWadeGiles = false
        for name in Self.names {
            let fast = NameNormalizer.standard.normalizeKeepingLatin(name)
            let expected = general.normalizeKeepingLatin(name)
            #expect(fast.name == expected.name, "\(name)")
            #expect(fast.latin == expected.latin, "\(name)")
        }
    }

    /// Every answer and "had candidates" the same with and without the pre-tests, against the
    /// seeds' lists (and more entities), the names in order and in reverse, at 0.50 and 0.70.
    @Test func seedsListsAnswerAsWithoutThePreTests() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let fast = NameScreener(entities: entities)
        #expect(fast.preTestsTurkicSpelling && fast.normalizer.preTestsWadeGiles)
        let names = Self.names
        fast.expectSameAnswers(as: Self.withoutPreTests(entities), names: names + names.reversed())
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func pairsOFACNamesAnswerAsWithoutThePreTests() {
        let entities = CounterpartyPretestEighteenthRoundTests.pairsEntities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        #expect(entities.count > 300)
        let names = Self.names
        NameScreener(entities: entities).expectSameAnswers(as: Self.withoutPreTests(entities), names: names + names.reversed())
    }

    /// Queries with countries and kinds that change from one to the next and repeat, through the
    /// run's memo from two threads at once, each in its own order: every answer the one without
    /// the pre-tests nor the memo.
    @Test func twoThreadsWithCountriesAnswerAsWithoutThePreTests() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let countries: [Country?] = [
            nil, Country(code: "MZ", name: "Mozambique"), Country(code: "ML", name: "Mali"), Country(code: "BY", name: "Belarus"),
            Country(code: "RU", name: "Russia"), Country(code: "MZ", name: "Moçambique"),
        ]
        let kinds: [ListedEntity.Kind?] = [nil, .person, .organisation]
        var asked: [(ScreeningQuery, Double)] = []
        for (position, name) in (Self.spelledNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames + Self.screeningSetNames.prefix(600)).enumerated() {
            for step in 0..<3 {
                let query = ScreeningQuery(
                    name, country: countries[(position / 2 + step) % countries.count], kind: kinds[(position / 3 + step * 2) % kinds.count])
                asked.append((query, step == 1 ? 0.50 : 0.70))
            }
        }
        let queries = asked
        let general = Self.withoutPreTests(entities)
        var scratch = Scratch(names: general.index.nameCount, vocabulary: general.index.vocabularyCount)
        let expected = queries.map { general.screen($0.0, threshold: $0.1, scratch: &scratch) }
        let matched = ScreeningAnswers.expectBothThreads(of: NameScreener(entities: entities), queries, toAnswer: expected)
        #expect(matched > 0)
    }
}
