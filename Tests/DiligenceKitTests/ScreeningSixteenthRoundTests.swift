import Testing

@testable import DiligenceKit

/// Issue 16, sixteenth round: two organisations' names that share a distinctive word and differ
/// by common words of organisation names ("LUMINOR LOGISTICS" / "LUMINOR OY",
/// `DistinctiveWords`), and an adjective made from a place reached by the candidate lookup
/// ("SARATOV" / "SARATOVSKII", `PlaceAdjectives`).
@Suite struct ScreeningSixteenthRoundTests {
    static let list = [
        listed("luminor", "LUMINOR OY", kind: .organisation),
        listed("kraverton", "KRAVERTON LP", kind: .organisation),
        listed("saratov", "SARATOVSKII PROIZVODSTVENNO INZHINIRINGOVYI TSENTR", kind: .organisation),
        listed("novosibirsk", "JOINT STOCK COMPANY NOVOSIBIRSK CARTRIDGE PLANT", kind: .organisation),
        listed("wagner", "WAGNER LOGISTICS LLC", kind: .organisation),
        listed("polska", "KRAVERTON POLSKA", kind: .organisation),
        listed("saratovskii", "SARATOVSKII, Ivan"),
    ]

    /// The bound on for this short list too, as on the full OFAC list, with no rescue.
    static var screener: NameScreener { boundedScreener(list) }

    @Test(arguments: [
        ("LUMINOR LOGISTICS", "luminor", "the names share the distinctive word luminor; their other words (logistics) are common"),
        ("KRAVERTON CONSTRUCTION AND DEVELOPMENT LP", "kraverton", "(construction, development) are common in organisation names and count 0.30"),
    ])
    func genericWordsAddedCostLess(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) && $0.score <= 0.8 } == true, "\(found.map(\.why))")
    }

    /// Without the rule the same pairs stay below the threshold: the extra word costs in full.
    @Test func withoutTheRuleTheExtraWordCostsInFull() {
        var parameters = ScoringParameters()
        parameters.genericWordCost = 1
        let screener = NameScreener(entities: Self.list, parameters: parameters)
        #expect(screener.screen("LUMINOR LOGISTICS", threshold: 0.70).isEmpty)
    }

    /// What the rule must not match: a surname shared ("Wagner"), a place added ("Polska": a
    /// country or city qualifier tells companies apart), a distinctive word missing, and a
    /// person's name.
    @Test(arguments: ["WAGNER TRADING", "KRAVERTON POLSKA LOGISTICS", "SIBERIA LOGISTICS", "LUMINOR, Ivan"])
    func notADistinctiveWordWithGenericWords(query: String) {
        let found = Self.screener.screen(query, threshold: 0.70).filter { $0.why.contains("distinctive") }
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// The adjective of a place and the place, either side listed, found through the bound.
    @Test(arguments: [
        ("SARATOV PRODUCTION AND ENGINEERING CENTER LLC", "saratov", "saratov ≈ saratovskii"),
        ("AO NOVOSIBIRSKII PATRONNYI ZAVOD", "novosibirsk", "novosibirskii ≈ novosibirsk"),
    ])
    func aPlaceAdjectiveIsLookedUp(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.map(\.entity.id) == [id], "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) } == true, "\(found.map(\.why))")
    }

    /// The lookup's verified pairs, both directions; a person's name is not matched so.
    @Test func placeAdjectivesAreVerified() throws {
        let screener = Self.screener
        func key(_ word: String) -> ArraySlice<UInt8> { Array(NameNormalizer.standard.normalize(word).tokens[0].key.utf8)[...] }
        let adjective = try #require(screener.index.vocabulary[String(decoding: key("Saratovskii"), as: UTF8.self)])
        #expect(screener.placeAdjectives.adjectives(ofPlace: key("Saratov"), index: screener.index) == [adjective])
        #expect(screener.placeAdjectives.adjectives(ofPlace: key("Saratof"), index: screener.index).isEmpty)
        let place = try #require(screener.index.vocabulary[String(decoding: key("Novosibirsk"), as: UTF8.self)])
        #expect(screener.placeAdjectives.places(ofAdjective: key("Novosibirskii"), index: screener.index) == [place])
        #expect(PlaceAdjectives.stems(ofAdjective: key("Ivanov")).isEmpty)
        let person = screener.screen(ScreeningQuery("Ivan Saratov", kind: .person), threshold: 0.70)
        #expect(person.isEmpty, "\(person.map(\.why))")
    }
}
