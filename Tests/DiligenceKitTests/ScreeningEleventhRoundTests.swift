import Testing

@testable import DiligenceKit

/// Issue 16, eleventh round: acronyms inside longer names (`AcronymRuns`), and stricter
/// comparisons of endings and syllables (`otherEndingsDiffer`).
@Suite struct ScreeningEleventhRoundTests {
    static let threshold = 0.70

    static func best(_ query: String, _ entities: [ListedEntity], parameters: ScoringParameters = ScoringParameters()) -> (score: Double, why: String) {
        let match = NameScreener(entities: entities, parameters: parameters).screen(query, threshold: 0).first
        return (match?.score ?? 0, match?.why ?? "")
    }

    static var off: ScoringParameters {
        var parameters = ScoringParameters()
        parameters.acronymRuns = 0
        return parameters
    }

    /// A query word that spells the initials of a run of the listed name's words, the other
    /// words matching: a weaker match, capped, with its reason. Without the rule each is a miss.
    @Test(arguments: [
        ("SIE ISON BALLISTICS SERVICE", "SMALL INNOVATION ENTERPRISE ISON BALLISTICS SERVICE", "sie ≈ small innovation enterprise"),
        (
            "PROKHOROV GENERAL PHYSICS INSTITUTE OF RAS", "A.M. PROKHOROV GENERAL PHYSICS INSTITUTE RUSSIAN ACADEMY OF SCIENCES",
            "ras ≈ russian academy sciences"
        ),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TD ASBEST", "OOO TORGOVY DOM ASBEST", "td ≈ torgovy dom"),
    ])
    func anAcronymInsideALongerNameMatches(query: String, name: String, pair: String) {
        let list = [listed("O", name, kind: .organisation)]
        let (score, why) = Self.best(query, list)
        #expect(score >= Self.threshold && score <= 0.84, "\(query): \(score) \(why)")
        #expect(why.contains("\(pair)"), "\(why)")
        #expect(why.contains("(acronym of the listed words, a weaker match)"), "\(why)")
        let (before, _) = Self.best(query, list, parameters: Self.off)
        #expect(before < score, "\(query): \(before) without the rule")
    }

    /// The reverse: a listed word of three letters or more that spells the initials of a run of
    /// the query's words (a listed word of two letters does not: "IS BANK" / "Banco Ibérica S.L.U.").
    @Test func aListedAcronymOfTheQuerysWordsMatches() {
        let (score, why) = Self.best("THE AIRLINE OF THE ISLAMIC REPUBLIC OF IRAN", [listed("O", "IRAN AIR", kind: .organisation)])
        #expect(score >= Self.threshold && score <= 0.84, "\(score) \(why)")
        #expect(why.contains("airline islamic republic ≈ air (the listed acronym of these words, a weaker match)"), "\(why)")
        #expect(why.contains("an acronym stands for words of the other name (score capped at 0.84)"), "\(why)")
        let (short, shortWhy) = Self.best("Banco Ibérica S.L.U.", [listed("O", "IS BANK, AO", kind: .organisation)])
        #expect(short < Self.threshold, "\(short) \(shortWhy)")
        #expect(!shortWhy.contains("acronym"), "\(shortWhy)")
    }

    /// Not an acronym: a person's name, a short common word, an acronym with no other word in
    /// common, and the initials of words that are not adjacent.
    @Test(arguments: [
        ("LI WANG", "LONG INDUSTRIES WANG TRADING", ListedEntity.Kind.organisation),
        ("SIE ISON", "SMALL INNOVATION ENTERPRISE ISON", .person),
        ("SIE TRADING", "SMALL INNOVATION ENTERPRISE ISON BALLISTICS", .organisation),
        ("SNE ISON BALLISTICS", "SMALL INNOVATION ENTERPRISE ISON BALLISTICS", .organisation),
    ])
    func notAnAcronymInsideAName(query: String, name: String, kind: ListedEntity.Kind) {
        let (score, why) = Self.best(query, [listed("O", name, kind: kind)])
        #expect(score < Self.threshold, "\(query): \(score) \(why)")
        #expect(!why.contains("acronym"), "\(why)")
    }

    /// On a long list the candidate bound counts the acronym matched, so `screen` returns what
    /// the scorer finds.
    @Test func theBoundKeepsANameMatchedByAnAcronym() {
        var parameters = ScoringParameters()
        parameters.shortListNames = 0
        let list = [
            listed("sie", "SMALL INNOVATION ENTERPRISE ISON BALLISTICS SERVICE", kind: .organisation),
            listed("air", "IRAN AIR", kind: .organisation),
        ]
        let screener = NameScreener(entities: list, parameters: parameters)
        #expect(screener.screen("SIE ISON BALLISTICS SERVICE", threshold: 0.70).map(\.entity.id) == ["sie"])
        #expect(screener.screen("THE AIRLINE OF THE ISLAMIC REPUBLIC OF IRAN", threshold: 0.70).map(\.entity.id) == ["air"])
    }

    // MARK: Stricter comparisons

    static func forms(_ word: String) -> TokenForms {
        let token = NameNormalizer.standard.normalize(word).tokens[0]
        let key = Array(token.key.utf8)
        return TokenForms(key: key[...], text: Array(token.text.utf8)[...], phonetic: PhoneticKey.key(key[...])[...])
    }

    static func compare(_ a: String, _ b: String, parameters: ScoringParameters = ScoringParameters()) -> TokenComparison? {
        TokenComparison.compare(forms(a), forms(b), parameters: parameters)
    }

    /// A man's given name against a woman's, a patronymic against a surname, one Chinese
    /// syllable against two: no match now, a typo or a sound-alike before.
    @Test(arguments: [
        ("Marie", "Mario"), ("Alexandra", "Alejandro"), ("Maria", "Mario"), ("Nikolayeva", "Nikolaevich"), ("Zhang", "Zhiyong"),
    ])
    func otherEndingsAreOtherNames(query: String, listed: String) {
        #expect(Self.compare(query, listed) == nil, "\(query) / \(listed): \(String(describing: Self.compare(query, listed)))")
        var before = ScoringParameters()
        before.otherEndingsDiffer = 0
        #expect(Self.compare(query, listed, parameters: before) != nil, "\(query) / \(listed) before")
    }

    /// What stays a match: the Belarusian "-ka" of a surname in "-ko", patronymics spelt two
    /// ways, a Serbian surname against its Russian form, sound-alikes of as many syllables.
    @Test(arguments: [
        ("Lukashenka", "Lukashenko"), ("Nikolayevich", "Nikolaevich"), ("Ivanovic", "Ivanovich"), ("Mohamed", "Muhammad"), ("Chao", "Zhao"),
    ])
    func sameNamesStillMatch(query: String, listed: String) {
        #expect(Self.compare(query, listed) != nil, "\(query) / \(listed)")
    }

    /// A man's name no longer lifts a woman's to a match, with the words that do match in the why.
    @Test func aWomansNameIsNotAMansTypo() {
        let list = [listed("mario", "JIMENEZ CASTRO, Mario Alberto")]
        let (score, why) = Self.best("Marie Castro Jimenez", list)
        #expect(!why.contains("marie ≈ mario"), "\(why)")
        #expect(why.contains("castro = castro"), "\(why)")
        var before = ScoringParameters()
        before.otherEndingsDiffer = 0
        #expect(score < Self.best("Marie Castro Jimenez", list, parameters: before).score)
    }

    /// Belarusian writes an unstressed final "o" as "a": a name written in Cyrillic keeps its
    /// match ("Нікалас Мадура" / "MADURO MOROS, Nicolas"), where "Maria Moros" is not "Mario".
    @Test func aBelarusianEndingStillMatches() {
        let list = [listed("maduro", "MADURO MOROS, Nicolas")]
        let (score, why) = Self.best("Нікалас Мадура", list)
        #expect(score >= Self.threshold, "\(score) \(why)")
        #expect(why.contains("madura ≈ maduro"), "\(why)")
    }
}
