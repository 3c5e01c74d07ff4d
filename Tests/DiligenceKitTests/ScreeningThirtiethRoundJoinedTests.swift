import Testing

@testable import DiligenceKit

/// Issue 16, thirtieth round (joined): a query word that is two adjacent listed words written as
/// one ("SKYZONE" / "SKY ZONE", "KUDOKAI" / "KUDO-KAI"). The scorer matched such a word with the
/// pair (`NameScorer.joinedOptions`), but nothing brought the listed name in as a candidate when
/// the query's other words were common or absent: the word is now split where both parts are
/// list words that a listed name holds side by side (`NameScreener.splitJoins`).
@Suite struct ScreeningThirtiethRoundJoinedTests {
    static let kudoKai = listed("kudo", "KUDO-KAI", aliases: ["GODAIME KUDO-KAI"], kind: .organisation)
    static let kodoKai = listed("kodo", "KODO-KAI", kind: .organisation)

    /// A word alone that is a listed name's two words written as one is found, with its reason,
    /// ahead of a listed name one letter away.
    @Test func aJoinedWordAloneFindsTheListedPair() {
        let screener = NameScreener(entities: [Self.kudoKai, Self.kodoKai])
        let match = screener.screen("KUDOKAI", threshold: ScreeningHardCaseTests.threshold).first
        #expect(match?.entity.id == "kudo", "\(String(describing: match?.why))")
        #expect(match?.why.contains("kudokai = kudo kai (written as one word)") == true, "\(String(describing: match?.why))")
    }

    /// With the candidate bound on (as on the full list), a common word does not bring the listed
    /// name in; the joined word does.
    @Test func aJoinedWordBringsTheNameInPastACommonWord() {
        let traders = (0..<30).map { listed("t\($0)", "TRADER\($0) TRADING FZE", kind: .organisation) }
        let skyZone = listed("sky", "SKY ZONE TRADING FZE", kind: .organisation)
        let screener = boundedScreener(traders + [skyZone])
        let match = screener.screen("SKYZONE TRADING FZE", threshold: ScreeningHardCaseTests.threshold).first
        #expect(match?.entity.id == "sky", "\(String(describing: match?.why))")
        #expect(match?.why.contains("skyzone = sky zone (written as one word)") == true, "\(String(describing: match?.why))")
    }

    /// Only a pair some listed name holds side by side, in that order, is a split: "annamaria"
    /// is not ANNA and MARIA of two names, nor MARIA ANNA.
    @Test func onlyAdjacentListedWordsAreASplit() {
        func key(_ word: String, _ screener: NameScreener) -> ArraySlice<UInt8> {
            (screener.normalizer.normalize(word).tokens.first.map { Array($0.key.utf8) } ?? [])[...]
        }
        let apart = NameScreener(entities: [listed("a", "ROSSI, Anna"), listed("m", "BIANCHI, Maria"), listed("r", "ROSSI, Maria Anna")])
        #expect(apart.splitJoins(key("Annamaria", apart)).isEmpty)
        let together = NameScreener(entities: [listed("b", "ROSSI, Anna Maria")])
        #expect(!together.splitJoins(key("Annamaria", together)).isEmpty)
    }

    /// Three listed words written as one, and three query words that the list writes as one,
    /// are found both ways; a name of three such words is not set aside as reaching nothing.
    @Test func threeWordsWrittenAsOneEitherWay() {
        let split = NameScreener(entities: [listed("v", "SOV COM FLOT", kind: .organisation)])
        let one = split.screen("SOVCOMFLOT", threshold: ScreeningHardCaseTests.threshold).first
        #expect(one?.why.contains("sovcomflot = sov com flot (written as one word)") == true, "\(String(describing: one?.why))")
        let joined = NameScreener(entities: [listed("v", "JOINT STOCK COMPANY SOVCOMFLOT", kind: .organisation)])
        let three = joined.screen("SOV COM FLOT", threshold: ScreeningHardCaseTests.threshold).first
        #expect(three?.why.contains("sov com flot = sovcomflot (written as three words)") == true, "\(String(describing: three?.why))")
        // The words' look-ups are remembered now: the run's memos must not show the name to reach nothing.
        #expect(!joined.knownToReachNothing(joined.normalizer.normalize("Sov Com Flot"), kind: nil, threshold: ScreeningHardCaseTests.threshold))
        #expect(joined.screen("Sov Com Flot", threshold: ScreeningHardCaseTests.threshold).first?.entity.id == "v")
    }

    /// A person's given name and surname written as one word match both listed words: not "one
    /// word alone", whose score is capped.
    @Test func aWholeNameAsOneWordIsNotOneWordAlone() {
        let (score, why) = ScreeningHardCaseTests.best("OLAFSCHOLZ", [listed("s", "SCHOLZ, Olaf")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("olafscholz = olaf scholz (written as one word)"), "\(why)")
        #expect(!why.contains("one word alone"), "\(why)")
    }

    /// A word written as two words joined opens with the first of them, fewer than half its
    /// letters apart: "balasubramaniyam" is no "sharda subramaniam" (a Hindi random name against
    /// a listed person, once a split brought the name in), while "abdulrahman" is "abdul rahman"
    /// and the Korean "gollamhosein" is "kolam hosein" (Qolam-Hossein).
    @Test func aJoinedWordOpensAsItsFirstWord() {
        func forms(_ key: String) -> TokenForms {
            let bytes = Array(key.utf8)
            return TokenForms(key: bytes[...], text: bytes[...], phonetic: PhoneticKey.key(bytes[...])[...])
        }
        let parameters = ScoringParameters()
        #expect(NameScorer.joinedComparison(forms("balasubramaniyam"), forms("sharda"), forms("subramaniam"), parameters: parameters) == nil)
        #expect(NameScorer.joinedComparison(forms("abdulrahman"), forms("abdul"), forms("rahman"), parameters: parameters) != nil)
        #expect(NameScorer.opensWith(Array("gollamhosein".utf8)[...], Array("kolam".utf8)[...]))
        #expect(NameScorer.opensWith(Array("holamkhoseyn".utf8)[...], Array("kolam".utf8)[...]))
        #expect(!NameScorer.opensWith(Array("balasubramaniyam".utf8)[...], Array("sharda".utf8)[...]))
    }
}
