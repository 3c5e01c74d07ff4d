import Testing

@testable import DiligenceKit

/// Issue 16, fourteenth round: the candidate bound on a long list counted as unmatched query
/// words that the scorer matches, and cut names scoring 0.70 to 0.97. The lookup now finds them
/// as the scorer compares them: a typo on a listed word's text as written (its key is farther),
/// two query words written as one with one edit, and an organisation's word by its stem.
@Suite struct ScreeningFourteenthRoundTests {
    static let list = [
        listed("jeeri", "JEERI, Abdullahi"),
        listed("nik", "FARADARYAY-E NIK-E GHESHM INVESTMENT", kind: .organisation),
        listed("additive", "JSC ADDITIVE TECHNOLOGIES CENTER", kind: .organisation),
        listed("barron", "HERNANDEZ BARRON, Raul"),
        listed("hanley", "HANLEY LIMITED", kind: .organisation),
        listed("other", "KOVALENKO, Andrey Ivanovich"),
    ]

    /// The bound on for this short list too, as on the full OFAC list, with no rescue.
    static var screener: NameScreener { boundedScreener(list) }

    @Test(arguments: [
        // A one-letter insertion in a short word: the keys ("jeri" / "jiri") differ by more.
        ("JERI, Abdullahi", "jeeri", "jeri ≈ jeeri (1 edit"),
        // Two words the list writes as one, with a letter more ("fara darya" / "faradaryay").
        ("NIK QESHM FARA DARYA INVESTMENT COMPANY", "nik", "fara darya"),
        // A stem in an organisation's name ("additivnykh" / "additive").
        ("JSC CENTER ADDITIVNYKH TEKHNOLOGY", "additive", "additivnykh"),
    ])
    func aNameTheBoundCutIsReturned(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.map(\.entity.id) == [id], "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) } == true, "\(found.map(\.why))")
    }

    /// What the new lookups must not bring: another first letter ("Aaron" / "Barron"), and two
    /// syllables of a Chinese name one edit from a listed word ("huan lei" / "hanley").
    @Test(arguments: ["Aaron Hernandez", "Huan Lei"])
    func namesakesStayCut(query: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// The lookups find the listed token, as the scorer would compare it.
    @Test func lookupsFindWhatTheScorerMatches() throws {
        let screener = Self.screener
        let jeeri = try #require(screener.index.vocabulary["jiri"])
        let jeri = NameNormalizer.standard.normalize("Jeri").tokens[0]
        let forms = TokenForms(
            key: Array(jeri.key.utf8)[...], text: Array(jeri.text.utf8)[...], phonetic: PhoneticKey.key(Array(jeri.key.utf8)[...])[...])
        #expect(screener.variantComparison(forms, jeeri)?.how == .typo)
        let faradaryay = try #require(screener.index.vocabulary[NameNormalizer.standard.normalize("Faradaryay").tokens[0].key])
        // "fara darya" joined on the words' keys.
        #expect(screener.joinedNeighbours(key: Array("faradaria".utf8), text: Array("faradarya".utf8)) == [faradaryay])
        #expect(screener.joinedNeighbours(key: Array("faradara".utf8), text: Array("faradara".utf8)).isEmpty)
    }
}
