import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twentieth round (`speed27`): a name whose words the run has looked up already and
/// found to reach no list word (`ScreeningMemo.tokenMatches`), whose adjacent words and
/// particle joins reach none and which has no listed acronym is set aside without a
/// `PreparedQuery` (`NameScreener.knownToReachNothing`). Every answer (entities, scores,
/// reasons, "had candidates") is the general path's (`setsAsideKnown: false`), against the
/// seeds' lists and the project pairs' OFAC names, on every query of the screening sets (all
/// scripts), the portfolio generator's names and random names, screened twice in two orders and
/// from two threads, and on names whose words reach a list only through a neighbour.
@Suite struct CounterpartyMemoTwentiethRoundTests {
    /// Names whose words reach `extraEntities` only through a neighbour: two words written as
    /// one, a particle between, a legal form of two or three words taken out, a title opening
    /// the name, "LAST, First" put in reading order.
    static let neighbourNames =
        [
            "Al Qaida", "QAIDA, Al", "QAIDA Al", "Al Qaida Joint Stock Company", "Joint Stock Company Al Qaida", "Al Joint Qaida",
            "Al Stock Qaida", "Al Limited Qaida", "General Al Qaida", "Colonel Al Qaida", "Abd al Aziz", "Abd el Aziz", "AZIZ, Abd al",
            "Nur al Din", "Nur ed Din", "Nur Din", "Al Qaida Sdn Bhd", "Al Sdn Qaida", "Fund III", "Fund Iii Qaida", "Twenty One Holdings",
            "Twenty-One Holdings", "One Twenty Holdings", "Houssein", "El Houssein", "Ramak Duty Free", "Duty Free Ramak",
        ] + onlyJoinedNames

    /// Names of two-letter words that alone reach no list word (too short for a part, an edit
    /// or a sound) and written as one are the listed "ZUXO": the pair joined, a legal form of
    /// two words or a title taken out from between or before them, a particle between them,
    /// "LAST, First" put in reading order.
    static let onlyJoinedNames = [
        "Zu Xo", "XO, Zu", "Zu Joint Stock Company Xo", "Zu Ltd Xo", "Colonel Zu Xo", "Zu al Xo", "Zu Xo Sdn Bhd",
    ]

    /// Names with each of those words alone or beside words that reach nothing, screened first
    /// so that the memos know the words.
    static let warmingNames = [
        "Qaida Trading", "Al Trading", "Trading Al", "Qaida", "Joint Trading", "Stock Trading", "Limited Trading", "Abd Trading",
        "Aziz Trading", "Nur Trading", "Din Trading", "Fund Trading", "Twenty Trading", "One Trading", "Holdings Trading",
        "Houssein Trading", "Ramak Trading", "Duty Trading", "Free Trading", "Iii Trading", "Sdn Trading", "Bhd Trading",
        "Zu Pelmorax", "Xo Pelmorax", "Pelmorax Zu", "Pelmorax Xo",
    ]

    static let extraEntities = CounterpartyPretestNineteenthRoundTests.extraEntities + [listed("z1", "ZUXO", kind: .organisation)]

    static var names: [String] {
        warmingNames + neighbourNames + CounterpartyNamesSpeed15Tests.realNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 1_000, seed: 27)
    }

    static func general(_ entities: [ListedEntity]) -> NameScreener {
        NameScreener(entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: true, setsAsideKnown: false)
    }

    /// The same answers as the general path, the names screened once in order and again in
    /// reverse; returns how many screenings the memos set aside, checking each against the
    /// general path's lookup: no list word for any token and no listed acronym.
    static func check(_ entities: [ListedEntity], names: [String]) -> (asked: Int, known: Int) {
        let fast = NameScreener(entities: entities)
        let general = general(entities)
        #expect(fast.setsAsideKnown && !general.setsAsideKnown)
        var asked = 0, known = 0
        fast.expectSameAnswers(as: general, names: names + names.reversed()) { name, threshold in
            asked += 1
            let normalized = fast.normalizer.normalize(name)
            let kind = NameScreener.kind(of: ScreeningQuery(name), name: normalized)
            guard normalized.tokens.contains(where: { $0.kind == .name }), fast.knownToReachNothing(normalized, kind: kind, threshold: threshold)
            else { return }
            known += 1
            #expect(CounterpartyPretestEighteenthRoundTests.setsAside(general, name, threshold: threshold), "\(name) at \(threshold)")
        }
        return (asked, known)
    }

    @Test func seedsListsAnswerAsTheGeneralPath() {
        let (asked, known) = Self.check(TestData.workspace.database.entities + Self.extraEntities, names: Self.names)
        // Most names are set aside by the memos (their words met before), and not all.
        #expect(known > asked / 3)
        #expect(known < asked)
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func pairsOFACNamesAnswerAsTheGeneralPath() {
        let entities = CounterpartyPretestEighteenthRoundTests.pairsEntities
        #expect(entities.count > 300)
        let (asked, known) = Self.check(entities + Self.extraEntities, names: Self.names)
        #expect(known > 0 && known < asked)
    }

    /// Names whose words reach a list only through a neighbour, after the words alone were
    /// looked up and found to reach nothing: the same answers, and the listed names found.
    @Test func neighboursReachTheListAfterTheWordsAreKnown() {
        let entities = TestData.workspace.database.entities + Self.extraEntities
        let fast = NameScreener(entities: entities)
        let general = Self.general(entities)
        fast.expectSameAnswers(as: general, names: Self.warmingNames + Self.neighbourNames)
        let expected = [
            "Al Qaida": "t1", "QAIDA, Al": "t1", "Al Qaida Joint Stock Company": "t1", "Joint Stock Company Al Qaida": "t1", "Abd al Aziz": "t7",
            "AZIZ, Abd al": "t7", "Nur al Din": "t8", "Twenty One Holdings": "t5", "Fund III": "t4", "El Houssein": "n1",
        ]
        for (name, id) in expected {
            #expect(fast.screen(name, threshold: 0.50).contains { $0.entity.id == id }, "\(name)")
        }
        // Every word of these names is known to reach nothing alone, and the names are not set
        // aside: they reach the listed name through the neighbour.
        for name in Self.onlyJoinedNames {
            let normalized = fast.normalizer.normalize(name)
            for token in normalized.tokens where token.kind != .initial {
                let key = ScreeningMemo.TokenKey(token, kind: token.kind)
                #expect(fast.memo.tokenMatches.value(for: key)?.matches.isEmpty == true, "\(name): \(token.text)")
            }
            #expect(!fast.knownToReachNothing(normalized, kind: NameScreener.kind(of: ScreeningQuery(name), name: normalized), threshold: 0.50), "\(name)")
            #expect(fast.screen(name, threshold: 0.50).contains { $0.entity.id == "z1" }, "\(name)")
        }
        #expect(fast.knownToReachNothing(fast.normalizer.normalize("Zu Pelmorax"), kind: nil, threshold: 0.50))
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
}
