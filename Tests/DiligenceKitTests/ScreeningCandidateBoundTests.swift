import Testing

@testable import DiligenceKit

/// Issue 16: what `diligence screen --threshold 0.70` returns, not only what a name scores.
/// The candidate bound counts a query word the index did not find as unmatched; the full
/// comparison reaches spellings the index does not look up (a Baltic ending, Korean written in
/// Cyrillic), so on a short list, where every word weighs about the same, the bound cut names
/// that score 0.95. Every name of a short list that a query word reaches is scored in full.
@Suite struct ScreeningCandidateBoundTests {
    /// A short list: six persons of the third cross-script development set, under OFAC's spellings.
    static let shortList = [
        listed("deripaska", "DERIPASKA, Oleg Vladimirovich"),
        listed("choe", "CHOE, Ryong Hae"),
        listed("haniyeh", "HANIYEH, Ismail"),
        listed("zarif", "ZARIF, Mohammad Javad"),
        listed("soleimani", "SOLEIMANI, Qasem"),
        listed("chen", "CHEN, Quanguo"),
    ]

    static func found(_ query: String, parameters: ScoringParameters = ScoringParameters()) -> [String] {
        NameScreener(entities: shortList, parameters: parameters).screen(query, threshold: 0.70).map(\.entity.id)
    }

    @Test(arguments: [
        ("Olegas Deripaska", "deripaska"),  // Lithuanian: the -as ending is compared in full, not looked up
        ("Чхве Рьон Хе", "choe"),  // Ukrainian spelling of a Korean name
    ])
    func aNameTheFullComparisonMatchesIsReturned(query: String, id: String) {
        #expect(Self.found(query) == [id], "\(query)")
        // The same screen with the bound on for every list: cut, though it scores in full.
        var bounded = ScoringParameters()
        bounded.shortListNames = 0
        bounded.boundComparesUnreached = 0
        #expect(Self.found(query, parameters: bounded).isEmpty, "\(query)")
        let score = NameScreener(entities: Self.shortList).screen(query, threshold: 0).first { $0.entity.id == id }?.score ?? 0
        #expect(score >= 0.70, "\(query): \(score)")
    }

    /// An Azerbaijani spelling the bound cut until the eleventh round: respelt as the lists write
    /// it (`TurkicLatin`, "Haniyə" → "Haniya"), the index reaches it with the bound on too.
    @Test func anAzerbaijaniSpellingIsReachedWhenRespelt() {
        #expect(Self.found("İsmayıl Haniyə") == ["haniyeh"])
        var bounded = ScoringParameters()
        bounded.shortListNames = 0
        bounded.boundComparesUnreached = 0
        #expect(Self.found("İsmayıl Haniyə", parameters: bounded) == ["haniyeh"])
    }

    /// Scoring in full does not turn the bound's cut into matches that are not there.
    @Test(arguments: ["Oleg Petrov", "Ismail Mohammed", "Chen Wei"])
    func anotherPersonIsStillNoMatch(query: String) {
        #expect(Self.found(query).isEmpty, "\(query): \(Self.found(query))")
    }
}
