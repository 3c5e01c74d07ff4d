import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twenty-fourth round (`speed39`): the scorer's full comparison of a query word with
/// a list word (`TokenComparison.compare`) remembered across queries (`ComparisonMemo`). Every
/// answer (entities, scores, reasons, "had candidates") is the one of the screener that compares
/// every pair again, on the heavy and moderate portfolios' counterparty names, names in 17
/// locales' scripts (`Fixtures/counterparty-names-24.txt`), the screening sets and random names,
/// against the seeds' lists and against OFAC entries; and from two threads through the run's memo.
@Suite struct CounterpartyTwentyFourthRoundTests {
    /// Every 8th distinct name of the heavy portfolio and every 10th of the moderate one
    /// (aliases and security providers included), and 40 names of each of 17 locales.
    static let fixtureNames: [String] = {
        let file = TestData.fixtures.appendingPathComponent("counterparty-names-24.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }()

    static var names: [String] {
        fixtureNames + CounterpartyTwentyThirdRoundTests.spelledNames + CounterpartyNamesSpeed15Tests.portfolioLikeNames
            + CounterpartyNormalisationTwentySecondRoundTests.cyrillicNames + CounterpartyNormalisationTwentyFirstRoundTests.trickyNames
            + CounterpartyNamesSpeed15Tests.randomNames(count: 1_000, seed: 39)
    }

    /// The screener that compares every pair in full, and otherwise as `NameScreener(entities:)`.
    static func comparingEveryPair(_ entities: [ListedEntity]) -> NameScreener {
        NameScreener(entities: entities, normalizer: .standard, parameters: ScoringParameters(), keptLetterTest: true, memoisesComparisons: false)
    }

    @Test func fixtureHoldsBothPortfoliosAndOtherScripts() {
        let names = Self.fixtureNames
        #expect(names.count > 4_000)
        #expect(names.contains { $0.unicodeScalars.contains { (0x0400..<0x0530).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00..<0xA000).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { (0x0600..<0x0700).contains($0.value) } })
        #expect(names.contains { $0.contains("Lda") || $0.contains("Ltda") })
    }

    /// The memo answers as `compare` does, and is asked: against the seeds' lists (and more
    /// entities), the names in order and in reverse, at 0.50 and 0.70; most comparisons are
    /// answered from memory, and some of those answers are matches.
    @Test func seedsListsAnswerAsComparingEveryPair() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let fast = NameScreener(entities: entities)
        #expect(fast.memoisesComparisons)
        let names = Self.names
        fast.expectSameAnswers(as: Self.comparingEveryPair(entities), names: names + names.reversed())
        let counts = Self.counts(fast, names: names)
        #expect(counts.asked > 1_000)
        #expect(counts.remembered * 2 > counts.asked)
    }

    /// The same against OFAC entries: the project pairs' entities, and the first 3,000 of the list.
    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason)) func ofacEntriesAnswerAsComparingEveryPair() {
        let pairs = CounterpartyPretestEighteenthRoundTests.pairsEntities
        let first = Array(OFACFiles.entities.prefix(3_000))
        #expect(pairs.count > 300 && first.count == 3_000)
        let names = Self.names
        for entities in [pairs + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities, first] {
            NameScreener(entities: entities).expectSameAnswers(as: Self.comparingEveryPair(entities), names: names + names.reversed())
        }
    }

    /// A memo that served another screener is emptied before it answers for this one: positions
    /// are one index's. Two screeners on different lists, one working memory, the same answers.
    @Test func aMemoOfAnotherScreenerIsNotUsed() {
        let seeds = TestData.workspace.database.entities
        let more = seeds + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let screeners = [NameScreener(entities: seeds), NameScreener(entities: more)]
        let general = [Self.comparingEveryPair(seeds), Self.comparingEveryPair(more)]
        let size = screeners.map { (names: $0.index.nameCount, vocabulary: $0.index.vocabularyCount) }
        var shared = Scratch(names: size.map(\.names).max() ?? 0, vocabulary: size.map(\.vocabulary).max() ?? 0)
        var generalScratch = shared
        var compared = 0
        for (position, name) in Self.names.prefix(3_000).enumerated() {
            let which = position % 2
            var had = false, expectedHad = false
            let answer = screeners[which].screen(ScreeningQuery(name), threshold: 0.50, scratch: &shared, hadCandidates: &had)
            let expected = general[which].screen(ScreeningQuery(name), threshold: 0.50, scratch: &generalScratch, hadCandidates: &expectedHad)
            #expect(answer == expected, "\(name)")
            #expect(had == expectedHad, "\(name)")
            compared = shared.comparisons.asked
        }
        #expect(compared > 0)
    }

    /// The comparisons a screener asked of its memo screening `names` at 0.70, and those remembered.
    static func counts(_ screener: NameScreener, names: [String]) -> (asked: Int, remembered: Int) {
        var scratch = Scratch(names: screener.index.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in names { _ = screener.screen(ScreeningQuery(name), threshold: 0.70, scratch: &scratch) }
        return (scratch.comparisons.asked, scratch.comparisons.remembered)
    }

    /// Queries with countries and kinds that change from one to the next, through the run's memo
    /// from two threads at once: every answer the one of the screener comparing every pair.
    @Test func twoThreadsAnswerAsComparingEveryPair() {
        let entities = TestData.workspace.database.entities + CounterpartyNormalisationTwentyFirstRoundTests.extraEntities
        let countries: [Country?] = [nil, Country(code: "MZ", name: "Mozambique"), Country(code: "BY", name: "Belarus"), Country(code: "RU", name: "Russia")]
        let kinds: [ListedEntity.Kind?] = [nil, .person, .organisation]
        var asked: [(ScreeningQuery, Double)] = []
        for (position, name) in Self.fixtureNames.prefix(1_500).enumerated() {
            for step in 0..<2 {
                let query = ScreeningQuery(
                    name, country: countries[(position / 2 + step) % countries.count], kind: kinds[(position / 3 + step * 2) % kinds.count])
                asked.append((query, step == 1 ? 0.50 : 0.70))
            }
        }
        let queries = asked
        let general = Self.comparingEveryPair(entities)
        var scratch = Scratch(names: general.index.nameCount, vocabulary: general.index.vocabularyCount)
        let expected = queries.map { general.screen($0.0, threshold: $0.1, scratch: &scratch) }
        let matched = ScreeningAnswers.expectBothThreads(of: NameScreener(entities: entities), queries, toAnswer: expected)
        #expect(matched > 0)
    }
}
