import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twenty-first round (`speed30`): a Latin name whose words as written (each read once
/// a run, `WrittenWord`) show that it reaches no list word and no listed acronym is set aside
/// before it is normalised (`NameScreener.setAsideAsWritten`). Every answer (entities, scores,
/// reasons, "had candidates") is the general path's (every name normalised and looked up),
/// against the seeds' lists and the project pairs' OFAC names, on every query of the screening
/// sets (all scripts), the portfolio generator's names, random names, mixed-script and
/// punctuation-heavy names, screened in two orders and from two threads; and every name set
/// aside is one the general path's `lookUp` finds nothing for, with no listed acronym.
@Suite struct CounterpartyNormalisationTwentyFirstRoundTests {
    /// Names whose words reach the lists only through a neighbour, a title or a legal form
    /// moving things, reading order, punctuation or another script.
    static let trickyNames =
        CounterpartyMemoTwentiethRoundTests.neighbourNames + CounterpartyMemoTwentiethRoundTests.warmingNames + [
            "General Director Ltd Al Qaida", "President Ltd Qaida Al", "Dr Ltd Zu Xo", "Colonel LLC Xo Zu", "Mr. Zu, Xo", "ZU Xo", "XO Zu",
            "Zu.Xo", "Zu-Xo", "Zu,Xo", "Zu;Xo", "Zu/Xo", "Zu'Xo", "Zu`Xo", "Zu\tXo", "ZuXo Trading", "Zu  Xo", " Zu Xo ", "Zu Xo,", ",Zu Xo",
            "S.U.E.K. Trading", "Sibirskaya Ugolnaya Energeticheskaya Kompaniya", "Siberian Union Energy Kompany", "Suek", "SUEK Ltd",
            "Petroleos de Venezuela", "Pdvsa", "Acme Fund III", "Fund Twenty One", "Twenty-One", "Mao Tse-tung", "Chiang Ching-kuo",
            "Ch'ing Trading", "Al-Qaida", "Al Qa'ida", "al-Qaida Ltd", "Qaida ООО", "Zu Хо", "Zu Xo 金", "Zúxo Trading", "Zu Xö",
            "Čong Kim Trading", "Xi Jinping", "XI, Jinping", "Nguyen Van An", "Aliyev Rashad", "Javad Mohammad Javad", "Alhoussein",
            "El Houssein Trading SARL", "Houssein, El", "Chelik Yapi", "Çelik Yapı", "Celik Yapi Ltd", "Duty Free Ramak Co",
            "Iii", "III Qaida", "Qaida III", "Zu Xo " + String(repeating: "Trading ", count: 30),
        ]

    static var names: [String] {
        trickyNames + CounterpartyNamesSpeed15Tests.realNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 1_500, seed: 30)
    }

    static let extraEntities = CounterpartyMemoTwentiethRoundTests.extraEntities

    /// The general path: no name set aside before it is normalised, nor by the memos.
    static func general(_ entities: [ListedEntity]) -> NameScreener {
        NameScreener(
            entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: true, setsAsideKnown: false,
            setsAsideAsWritten: false)
    }

    /// The same answers as the general path, the names screened in order and again in reverse;
    /// every name set aside as written is one the general path finds nothing for. Returns how
    /// many screenings were asked and how many of them would be set aside as written.
    static func check(_ entities: [ListedEntity], names: [String]) -> (asked: Int, setAside: Int) {
        let fast = NameScreener(entities: entities)
        let general = general(entities)
        #expect(fast.setsAsideAsWritten && !general.setsAsideAsWritten)
        var asked = 0, setAside = 0
        var scratch = Scratch(names: fast.index.nameCount, vocabulary: fast.index.vocabularyCount)
        fast.expectSameAnswers(as: general, names: names + names.reversed()) { name, threshold in
            asked += 1
            guard fast.setAsideAsWritten(ScreeningQuery(name), threshold: threshold, scratch: &scratch) else { return }
            setAside += 1
            #expect(NameNormalizer.isLatinOnly(name), "\(name)")
            #expect(CounterpartyPretestEighteenthRoundTests.setsAside(general, name, threshold: threshold), "\(name) at \(threshold)")
        }
        return (asked, setAside)
    }

    @Test func seedsListsAnswerAsTheGeneralPath() {
        let (asked, setAside) = Self.check(TestData.workspace.database.entities + Self.extraEntities, names: Self.names)
        // Most names are set aside as written, and not all.
        #expect(setAside > asked / 3)
        #expect(setAside < asked)
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func pairsOFACNamesAnswerAsTheGeneralPath() {
        let entities = CounterpartyPretestEighteenthRoundTests.pairsEntities
        #expect(entities.count > 300)
        let (asked, setAside) = Self.check(entities + Self.extraEntities, names: Self.names)
        #expect(setAside > 0 && setAside < asked)
    }

    /// The pre-test over-approximates the normaliser: on every name it reads, each token the
    /// normaliser makes is one of the plain words read as a possible token, with the same text,
    /// key and kind, and none of the words read as never a token is one.
    @Test func everyTokenIsAWordReadAsWritten() {
        let screener = NameScreener(entities: TestData.workspace.database.entities + Self.extraEntities)
        var scratch = Scratch(names: screener.index.nameCount, vocabulary: screener.index.vocabularyCount)
        var read = 0
        for name in Self.names where NameNormalizer.isLatinOnly(name) && name.utf8.count <= NameNormalizer.maxCharacters {
            let words = name.split(separator: " ").map { word in
                screener.writtenWord(String(word), of: ScreeningQuery(name), scratch: &scratch)
            }
            guard !name.utf8.contains(0xC4), name.utf8.allSatisfy({ $0 < 0x80 }) || name.contains(" "), words.allSatisfy(\.readable) else {
                continue
            }
            let parts = words.flatMap(\.parts)
            guard parts.count <= NameNormalizer.maxTokens else { continue }
            read += 1
            let titled = parts.contains { $0.titleWord }
            let normalized = screener.normalizer.normalize(name)
            for token in normalized.tokens {
                #expect(
                    parts.contains {
                        $0.isToken(titled: titled) && $0.text == token.text && $0.keyBytes.elementsEqual(token.key.utf8) && $0.kind == token.kind
                    },
                    "\(name): \(token.text)")
            }
            // A word read as never a token, or as always one.
            for part in parts where part.neverToken || (part.formAlone && !titled) {
                #expect(!normalized.tokens.contains { $0.text == part.text }, "\(name): \(part.text)")
            }
            for part in parts where !part.removable {
                #expect(normalized.tokens.contains { $0.text == part.text }, "\(name): \(part.text)")
            }
        }
        #expect(read > 3_000)
    }

    /// One screener asked from two threads at once (the memos shared), through the run's memo of
    /// answers: every answer the general path's.
    @Test func twoThreadsAnswerAsTheGeneralPath() {
        let entities = TestData.workspace.database.entities + Self.extraEntities
        let names = Self.names
        let general = Self.general(entities)
        let expected = names.map { general.screen($0, threshold: 0.70) }
        let fast = NameScreener(entities: entities)
        let answers = ScreeningAnswers.byTwoThreads(count: names.count) { position in fast.screen(names[position], threshold: 0.70) }
        for thread in 0..<2 {
            for position in names.indices {
                #expect(answers.get(thread * names.count + position) == expected[position], "\(names[position])")
            }
        }
    }

    /// The acronym targets: a listed organisation's one-word name of four to ten lower-case
    /// letters or digits is found by its letters, and not by fewer words or other letters.
    @Test func acronymTargetsFindTheirNames() {
        let screener = NameScreener(entities: TestData.workspace.database.entities + Self.extraEntities)
        let suek = "suek".utf8.reduce(UInt64(0)) { $0 | AcronymTargets.bit($1) }
        #expect(screener.acronymTargets.mayBeMade(letters: suek, words: 4))
        #expect(!screener.acronymTargets.mayBeMade(letters: suek, words: 3))
        #expect(!screener.acronymTargets.mayBeMade(letters: AcronymTargets.bit(UInt8(ascii: "q")), words: 10))
        #expect(AcronymTargets.bit(UInt8(ascii: "a")) == 1 && AcronymTargets.bit(UInt8(ascii: "0")) == 1 << 26 && AcronymTargets.bit(UInt8(ascii: "A")) == 0)
    }
}
