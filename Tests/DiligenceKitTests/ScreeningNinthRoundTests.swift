import Testing

@testable import DiligenceKit

/// Issue 16, ninth round (OFAC): the common words of organisation names in other languages
/// compared as their English word, in any order, and a query written "LAST, First" read as a
/// person's name, which partial coverage of an organisation does not apply to. Each test shows
/// the case, its score band and the reason the why gives.
@Suite struct ScreeningNinthRoundTests {
    static let threshold = ScreeningHardCaseTests.threshold

    static func best(_ query: String, _ entities: [ListedEntity], parameters: ScoringParameters = ScoringParameters()) -> (score: Double, why: String) {
        ScreeningHardCaseTests.best(query, entities, parameters: parameters)
    }

    // MARK: Translated words of organisation names

    /// OFAC's own pairs of names in two languages (development split): the descriptive word is
    /// the same word in another language, and the adjective comes after or before its noun.
    @Test(arguments: [
        ("HARAKAT SHAM AL-ISLAM", "SHAM AL-ISLAM MOVEMENT", "harakat ≈ movement (an equivalent word)"),
        ("LIWA SHUHADA AL-YARMOUK", "BRIGADE OF THE YARMOUK MARTYRS", "liwa ≈ brigade (an equivalent word)"),
        ("TSIFROVYE TEKHNOLOGII OOO", "LIMITED LIABILITY COMPANY DIGITAL TECHNOLOGIES", "tsifrovye ≈ digital (an equivalent word)"),
        ("BANK MARKAZI IRAN", "CENTRAL BANK OF IRAN", "markazi ≈ central (an equivalent word)"),
    ])
    func aTranslatedWordIsTheSameWord(query: String, name: String, pair: String) {
        let (score, why) = Self.best(query, [listed("ORG", name, kind: .organisation)])
        #expect(score >= Self.threshold, "\(query): \(score) \(why)")
        #expect(why.contains(pair), "\(query): \(why)")
    }

    /// A word that is a legal form in another language is that legal form ("stichting", Dutch).
    @Test func aTranslatedLegalFormIsThatForm() {
        let (score, why) = Self.best("STICHTING AL-AQSA", [listed("ORG", "AL-AQSA FOUNDATION", kind: .organisation)])
        #expect(score >= Self.threshold, "\(score) \(why)")
        #expect(why.contains("legal forms stichting and foundation (both foundation or association"), "\(why)")
    }

    /// Without the equivalents the same names are far apart: the data, not the spelling, makes the match.
    @Test func theEquivalentIsWhatMatches() {
        var data = NameNormalizer.standard.data
        data.wordEquivalents["harakat"] = nil
        let movement = listed("ORG", "SHAM AL-ISLAM MOVEMENT", kind: .organisation)
        let without = NameScreener(entities: [movement], normalizer: NameNormalizer(data: data)).screen("HARAKAT SHAM AL-ISLAM", threshold: 0).first?.score ?? 0
        #expect(without < Self.threshold)
        #expect(Self.best("HARAKAT SHAM AL-ISLAM", [movement]).score >= Self.threshold)
    }

    /// A Japanese generation is its number: the sixth is the sixth, the fifth is another.
    @Test func aGenerationIsItsNumber() {
        let sixth = listed("YG", "SIXTH YAMAGUCHI-GUMI", kind: .organisation)
        let (score, why) = Self.best("ROKUDAIME YAMAGUCHI-GUMI", [sixth])
        #expect(score >= Self.threshold, "\(score) \(why)")
        let (other, otherWhy) = Self.best("GODAIME YAMAGUCHI-GUMI", [sixth])
        #expect(other < Self.threshold, "\(other) \(otherWhy)")
        #expect(otherWhy.contains("different numbers or series"), "\(otherWhy)")
    }

    // MARK: "LAST, First" is a person's name

    /// The eighth round's false alarm on the test split: "JAN, Lahore" is a person's name
    /// written surname first, not the exchange house whose name holds both words.
    @Test func aNameWrittenLastFirstIsNotInsideAnOrganisation() {
        let exchange = listed("LJSE", "LAHORE JAN SHANWARI EXCHANGE", kind: .organisation)
        let (score, why) = Self.best("JAN, Lahore", [exchange])
        #expect(score < Self.threshold, "\(score) \(why)")
        #expect(!why.contains("every word of the name is in the listed name"), "\(why)")
        #expect(why.contains("a person's name against a listed organisation"), "\(why)")
        // The same words as an organisation writes them are still covered.
        let (covered, coveredWhy) = Self.best("Lahore Jan Exchange", [exchange])
        #expect(covered >= Self.threshold, "\(covered) \(coveredWhy)")
        #expect(coveredWhy.contains("every word of the name is in the listed name, in order"), "\(coveredWhy)")
    }

    @Test func onlyTheCommaFormIsWrittenLastFirst() {
        #expect(NameNormalizer.standard.normalize("JAN, Lahore").writtenLastFirst)
        #expect(!NameNormalizer.standard.normalize("Lahore Jan").writtenLastFirst)
        #expect(!NameNormalizer.standard.normalize("LUKASHENKO Alexander").writtenLastFirst)
        #expect(!NameNormalizer.standard.normalize("GREEN INDUSTRIES, LTD").writtenLastFirst)
    }
}
