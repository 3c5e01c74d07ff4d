import Testing

@testable import DiligenceKit

/// Issue 16, fifteenth round: the lookup's cheaper tests give the same answers.
@Suite struct ScreeningFifteenthRoundTests {
    static let list = [
        listed("jeeri", "JEERI, Abdullahi")
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener {
        var parameters = ScoringParameters()
        parameters.shortListNames = 0
        return NameScreener(entities: list, parameters: parameters)
    }

    /// The lookup leaves a listed word's other texts at once when none keeps the query word's
    /// end letters ("jeeri" for the key "jiri": a query "jero" ends otherwise).
    @Test func otherTextsAreComparedOnlyWhenTheirEndsAgree() throws {
        let screener = Self.screener
        let jeeri = try #require(screener.index.vocabulary["jiri"])
        func forms(_ word: String) -> TokenForms {
            let token = NameNormalizer.standard.normalize(word).tokens[0]
            return TokenForms(
                key: Array(token.key.utf8)[...], text: Array(token.text.utf8)[...], phonetic: PhoneticKey.key(Array(token.key.utf8)[...])[...])
        }
        #expect(screener.index.variantEnds[Int(jeeri)] == CandidateIndex.endBits(first: UInt8(ascii: "j"), last: UInt8(ascii: "i")))
        #expect(screener.variantComparison(forms("Jeri"), jeeri)?.how == .typo)
        #expect(screener.variantComparison(forms("Jero"), jeeri) == nil)
    }

    /// Two words' keys joined as folding the words joined gives them: a letter doubled where
    /// they meet is written once ("nur ed din" / "noureddine", key "nuredine").
    @Test func joinedKeysCollapseTheLetterWhereTheyMeet() {
        #expect(NameScreener.joinedKey(Array("nur".utf8), Array("ed".utf8), Array("din".utf8)) == Array("nuredin".utf8))
        #expect(NameScreener.joinedKey(Array("fara".utf8), Array("daria".utf8)) == Array("faradaria".utf8))
        #expect(NameScreener.joinedKey(Array("bloc".utf8), Array("11".utf8), Array("1".utf8)) == Array("bloc111".utf8))
    }
}
