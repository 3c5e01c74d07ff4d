import Testing

@testable import DiligenceKit

/// Issue 16, tenth round: on a long list the candidate bound counts a query word the index did
/// not reach as matched when the scorer's comparison matches it with one of the name's words as
/// a typo that keeps the last letter, a Baltic ending or a stem (`boundComparesUnreached`), for
/// a name whose reached words already carry 0.55 of the bound (`boundRescueFloor`).
@Suite struct ScreeningTenthRoundTests {
    static let list = [
        listed("gadetskiy", "GADETSKIY, Yevgeniy Yuryevich"),
        listed("additive", "JSC ADDITIVE TECHNOLOGIES CENTER", kind: .organisation),
        listed("mario", "JIMENEZ CASTRO, Mario Alberto"),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static func parameters(rescue: Bool) -> ScoringParameters {
        var parameters = ScoringParameters()
        parameters.shortListNames = 0
        parameters.boundComparesUnreached = rescue ? 1 : 0
        // On a list this short every word weighs about the same; on the full OFAC list the
        // reached words of these names carry more than `boundRescueFloor` of the bound.
        parameters.boundRescueFloor = 0
        return parameters
    }

    static func forms(_ word: String) -> TokenForms {
        let token = NameNormalizer.standard.normalize(word).tokens[0]
        let key = Array(token.key.utf8)
        return TokenForms(key: key[...], text: Array(token.text.utf8)[...], phonetic: PhoneticKey.key(key[...])[...])
    }

    @Test(arguments: [
        ("Gadtestiy", "Gadetskiy", false, true),  // two edits on a word the index does not reach
        ("Olegas", "Oleg", false, true),  // a Baltic ending
        ("Additivnykh", "Additive", true, true),  // a stem, in an organisation's name
        ("Marie", "Mario", false, false),  // another last letter: a woman's name and a man's
        ("Alexandra", "Alejandro", false, false),
        ("Nikolayeva", "Nikolaevich", false, false),  // a surname against a patronymic
        ("Fernandez", "Hernandez", false, false),  // another first letter
    ])
    func wordsTheBoundCountsMatched(query: String, listed: String, organisation: Bool, expected: Bool) {
        let screener = NameScreener(entities: Self.list)
        #expect(screener.typoOrStem(Self.forms(query), Self.forms(listed), allowStem: organisation) == expected, "\(query) / \(listed)")
    }

    @Test(arguments: [
        ("GADTESTIY, Yevgeniy Yuryevich", "gadetskiy", true),
        // Since the fourteenth round the lookup finds a stem itself (`CandidateIndex.stemHashes`).
        ("JSC CENTER ADDITIVNYKH TEKHNOLOGY", "additive", false),
    ])
    func aNameTheIndexDidNotReachInFullIsReturned(query: String, id: String, cutWithout: Bool) {
        let found = NameScreener(entities: Self.list, parameters: Self.parameters(rescue: true)).screen(query, threshold: 0.70)
        #expect(found.map(\.entity.id) == [id], "\(query): \(found.map(\.why))")
        // Without the rule the bound cuts it, though it scores above the threshold in full.
        let without = NameScreener(entities: Self.list, parameters: Self.parameters(rescue: false)).screen(query, threshold: 0.70)
        #expect(without.isEmpty == cutWithout, "\(query)")
    }

    /// A given name of the other gender is not counted matched: the rule returns nothing the
    /// bound cut before ("Marie Albert" / "Mario Alberto").
    @Test func anotherGendersNameIsNotAdded() {
        let with = NameScreener(entities: Self.list, parameters: Self.parameters(rescue: true)).screen("Marie Albert", threshold: 0.70)
        let without = NameScreener(entities: Self.list, parameters: Self.parameters(rescue: false)).screen("Marie Albert", threshold: 0.70)
        #expect(with.map(\.entity.id) == without.map(\.entity.id), "\(with.map(\.why))")
    }

    /// A vessel's Roman numeral: "X" is not "XI". One word is not two words written as one when
    /// a whole part is the typo's slack ("bicentenario" against "bicentenario xi"), and "XI",
    /// which the normaliser leaves a word, is a number in an organisation's or a vessel's name.
    @Test func anotherNumberOfASeriesIsNotTheVessel() {
        let fleet = [
            listed("x", "BICENTENARIO X", kind: .vessel),
            listed("xi", "BICENTENARIO XI", kind: .vessel),
        ]
        let found = NameScreener(entities: fleet).screen("BICENTENARIO X", threshold: 0)
        #expect(found.first?.entity.id == "x")
        let other = found.first { $0.entity.id == "xi" }
        #expect((other?.score ?? 0) < 0.70, "\(other?.why ?? "")")
        #expect(other.map { $0.why.contains("different numbers or series: x and xi") } ?? true, "\(other?.why ?? "")")
        // Two words written as one still match ("Abdul Rahman" / "ABDULRAHMAN").
        let joined = NameScreener(entities: [listed("a", "ABDULRAHMAN, Khalid")]).screen("Khalid Abdul Rahman", threshold: 0.70)
        #expect(joined.map(\.entity.id) == ["a"], "\(joined.map(\.why))")
    }
}
