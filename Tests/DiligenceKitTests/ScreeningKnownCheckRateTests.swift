import Testing

@testable import DiligenceKit

/// `KnownCheckRate`: the check that sets a name aside from the run's memos is asked for the
/// first 256 names, then only while it sets at least one name in four aside (most names against
/// a short list, few against the full OFAC list).
@Suite struct ScreeningKnownCheckRateTests {
    @Test func askedForTheFirstNamesWhateverTheyGive() {
        var rate = KnownCheckRate()
        for _ in 0..<255 { rate.count(settingAside: false) }
        #expect(rate.pays)
        rate.count(settingAside: false)
        #expect(!rate.pays)
    }

    @Test(arguments: [(setAsideEvery: 1, pays: true), (setAsideEvery: 4, pays: true), (setAsideEvery: 5, pays: false), (setAsideEvery: 100, pays: false)])
    func keptWhileOneInFourIsSetAside(setAsideEvery: Int, pays: Bool) {
        var rate = KnownCheckRate()
        for index in 0..<1_000 { rate.count(settingAside: index % setAsideEvery == 0) }
        #expect(rate.pays == pays)
    }

    /// Against a short list most portfolio names are set aside, and the check stays on; the
    /// answers are the general path's either way (`CounterpartyMemoTwentiethRoundTests`). The
    /// check asked before normalisation (`setAsideAsWritten`, twenty-first round) sets these
    /// names aside first, and stays on too; without it, the memos' check is asked and stays on.
    @Test(arguments: [false, true]) func aShortListKeepsTheCheck(asWritten: Bool) {
        let screener = NameScreener(
            entities: [listed("w1", "PRIVATE MILITARY COMPANY 'WAGNER'", kind: .organisation)], normalizer: .standard,
            parameters: ScoringParameters(), keptLetterTest: true, setsAsideAsWritten: asWritten)
        var scratch = Scratch(names: screener.index.nameCount, vocabulary: screener.index.vocabularyCount)
        let names = (0..<600).map { "Trading House \(["Alpha", "Beta", "Gamma", "Delta"][$0 % 4]) Logistics" }
        for name in names { _ = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch) }
        let checks = asWritten ? scratch.asWrittenChecks : scratch.knownChecks
        #expect(checks.asked >= 256)
        #expect(checks.pays)
    }
}
