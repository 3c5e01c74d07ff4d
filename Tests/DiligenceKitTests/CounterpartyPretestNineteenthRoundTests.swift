import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, nineteenth round (`speed24`): a name in Latin letters alone is read only as
/// Sino-Vietnamese and Turkish (`NameScreener.latinReadings`: the other readings need letters
/// of other scripts), the article a list writes on a word is joined and folded only when the
/// letters no fold removes may spell a list word (`KeptLetters`), and the Thai, Lao and Khmer
/// romanisation table is loaded only for a name with a cancellation mark. Every answer
/// (entities, scores, reasons, "had candidates") is the general path's, against the seeds'
/// lists and the project pairs' OFAC names, on every query of the screening sets (all
/// scripts), the portfolio generator's names, random names and names that reach a list only by
/// a joined pair, a translation, an acronym, a numeral, number words, a Turkish respelling, a
/// Wade-Giles spelling, an article written on, a title or a legal form set aside.
@Suite struct CounterpartyPretestNineteenthRoundTests {
    /// Names that reach `extraEntities` only by one of the normaliser's or the lookup's ways
    /// besides a word's own spelling.
    static let reachingNames = [
        "Houssein Trading", "Houssein", "Hsi Chin-p'ing", "Chin-p'ing Hsi", "Colonel Assimi Goita", "President Nyusi",
        "Wagner Group LLC", "OOO Vagner", "Nguyễn Văn An", "Nguyen Van An", "Əliyev Rəşad", "Cevad Məhəmmədcavad",
    ]

    static let extraEntities: [ListedEntity] =
        CounterpartyPretestEighteenthRoundTests.extraEntities + [
            listed("n1", "ALHOUSSEIN", kind: .person), listed("n2", "XI JINPING", kind: .person),
            listed("n3", "NGUYEN VAN AN", kind: .person), listed("n4", "ALIYEV RASHAD", kind: .person),
            listed("n5", "JAVAD MOHAMMADJAVAD", kind: .person),
        ]

    static var names: [String] {
        CounterpartyPretestEighteenthRoundTests.names + reachingNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 1_000, seed: 24)
    }

    /// The screener of this round and the general path (every reading asked for, every joined
    /// text folded): the same answers and the same "had candidates" at 0.50 and 0.70.
    static func check(_ entities: [ListedEntity], names: [String]) -> (asked: Int, latin: Int) {
        let fast = NameScreener(entities: entities)
        let general = NameScreener(
            entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: false, setsAsideUnreached: true,
            readsLatinDirectly: false)
        #expect(fast.readsLatinDirectly && !general.readsLatinDirectly)
        var asked = 0, latin = 0
        fast.expectSameAnswers(as: general, names: names) { name, _ in
            asked += 1
            if NameNormalizer.isLatinOnly(name) { latin += 1 }
        }
        return (asked, latin)
    }

    @Test func seedsListsAnswerAsTheGeneralPath() {
        let (asked, latin) = Self.check(TestData.workspace.database.entities + Self.extraEntities, names: Self.names)
        // Most names take the Latin way, and not all (the screening sets' other scripts).
        #expect(latin > asked / 2)
        #expect(latin < asked)
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func pairsOFACNamesAnswerAsTheGeneralPath() {
        let entities = CounterpartyPretestEighteenthRoundTests.pairsEntities
        #expect(entities.count > 300)
        let (asked, latin) = Self.check(entities + Self.extraEntities, names: Self.names)
        #expect(latin > 0 && latin < asked)
    }

    /// The premise of `latinReadings`: a name in Latin letters alone has no Korean, Chinese,
    /// Georgian, silenced-letter, Mandarin, Korean sound or Arabic reading, on every name; and
    /// the two readings it keeps do apply to some (so the test can fail).
    @Test func latinNamesHaveOnlySinoVietnameseAndTurkishReadings() {
        let screener = NameScreener(entities: TestData.workspace.database.entities + Self.extraEntities)
        var latin = 0, kept = 0
        for name in Self.names where NameNormalizer.isLatinOnly(name) {
            latin += 1
            let query = ScreeningQuery(name)
            let latinForm = screener.normalizer.normalizeKeepingLatin(name).latin
            #expect(screener.koreanReadings(of: query).isEmpty, "\(name)")
            #expect(screener.chineseReadings(of: query).isEmpty, "\(name)")
            #expect(screener.georgianNominativeReadings(of: query).isEmpty, "\(name)")
            #expect(screener.silencedLetterReadings(of: query).isEmpty, "\(name)")
            #expect(screener.mandarinReadings(of: query, latin: latinForm).isEmpty, "\(name)")
            #expect(screener.koreanSoundReadings(of: query, latin: latinForm).isEmpty, "\(name)")
            #expect(screener.arabicReadings(of: query).isEmpty, "\(name)")
            if !screener.sinoVietnameseReadings(of: query).isEmpty || TurkicLatin.listSpelling(name) != nil { kept += 1 }
        }
        #expect(latin > 1_000)
        #expect(kept > 10)
        // A Vietnamese and a Turkish name still reach their listed names by their readings.
        #expect(screener.screen("Əliyev Rəşad", threshold: 0.70).contains { $0.entity.id == "n4" })
        #expect(screener.screen("Cevad Məhəmmədcavad", threshold: 0.70).contains { $0.entity.id == "n5" })
        #expect(screener.screen("Çelik Yapı", threshold: 0.70).contains { $0.entity.id == "t6" })
    }

    /// Every word the article pre-test passes over joins, with "al" or "el" written on, into no
    /// list word (`joinedToken` without the pre-test), against the seeds and the pairs' OFAC
    /// names; the words that do are passed.
    @Test func articleJoinsRuledOutFoldToNoListWord() {
        var lists = [TestData.workspace.database.entities + Self.extraEntities]
        if OFACFiles.available { lists.append(CounterpartyPretestEighteenthRoundTests.pairsEntities) }
        for entities in lists {
            let screener = NameScreener(entities: entities)
            let general = NameScreener(entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: false)
            var texts: Set<String> = []
            for name in Self.names {
                for token in screener.normalizer.normalize(name).tokens where token.kind == .name && token.key.utf8.count >= 5 {
                    texts.insert(token.text)
                }
            }
            var ruledOut = 0, passed = 0
            for text in texts {
                for (article, bytes) in NameScreener.writtenOnArticles {
                    if screener.keptLetters.mayJoin(bytes, EmptyCollection(), Array(text.utf8)) {
                        passed += 1
                    } else {
                        ruledOut += 1
                        #expect(general.joinedToken(article + text) == nil, "\(article)\(text)")
                    }
                }
            }
            #expect(ruledOut > 0 && passed > 0)
        }
        let screener = NameScreener(entities: Self.extraEntities)
        #expect(screener.keptLetters.mayJoin(Array("al".utf8), EmptyCollection(), Array("houssein".utf8)))
        #expect(screener.screen("Houssein Trading", threshold: 0.50).contains { $0.entity.id == "n1" })
    }

    /// The cancellation-mark test before the romanisation table: a name with a mark still
    /// gets the table's reading (the words with the silenced letters kept).
    @Test func silencedLetterReadingOfAMarkedName() throws {
        let screener = NameScreener(entities: Self.extraEntities)
        let romanizer = try #require(ScriptRomanizer.standard)
        var marked = 0
        for name in Self.names + ["มุฮัมมัด ดัยฟ์", "ยะห์ยา จัมเมห์", "วอลอดีมีร์"] where SilencedLetters.hasCancellationMark(name) {
            marked += 1
            let reading = try #require(SilencedLetters.reading(of: name, romanizer: romanizer))
            #expect(screener.silencedLetterReadings(of: ScreeningQuery(name)).map(\.name) == [reading], "\(name)")
        }
        #expect(marked >= 3)
        #expect(!SilencedLetters.hasCancellationMark("Somsak Trading") && !SilencedLetters.hasCancellationMark("สมชาย"))
    }
}
