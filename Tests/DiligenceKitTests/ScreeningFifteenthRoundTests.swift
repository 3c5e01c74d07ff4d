import Testing

@testable import DiligenceKit

/// Issue 16, fifteenth round: an organisation's name translated word for word matches its
/// English name ("MOSKOVSKAYA ORUZHEINAYA KOMPANIYA" / "MOSCOW ARMS COMPANY",
/// `organisation-words.tsv`), only between organisations and only when the distinctive words
/// match too; and the lookup's cheaper tests give the same answers.
@Suite struct ScreeningFifteenthRoundTests {
    static let list = [
        listed("arms", "LIMITED LIABILITY COMPANY MOSCOW ARMS COMPANY", kind: .organisation),
        listed("cartridge", "JOINT STOCK COMPANY NOVOSIBIRSK CARTRIDGE PLANT", kind: .organisation),
        listed("gunpowder", "KAZAN STATE GUNPOWDER PLANT", kind: .organisation),
        listed("orion", "ORION GUNPOWDER COMPANY", kind: .organisation),
        listed("cement", "SHARQ CEMENT INDUSTRIAL COMPANY", kind: .organisation),
        listed("siman", "SIMAN, Ahmad"),
        listed("jeeri", "JEERI, Abdullahi"),
    ]

    static let screener = NameScreener(entities: list)

    @Test(arguments: [
        ("MOSKOVSKAYA ORUZHEINAYA KOMPANIYA", "arms", "oruzheinaya ≈ arms (the same organisation word in Russian)"),
        ("AKTSIONERNOE OBSHCHESTVO NOVOSIBIRSKII PATRONNYI ZAVOD", "cartridge", "patronnyi ≈ cartridge (the same organisation word in Russian)"),
        ("KAZANSKII GOSUDARSTVENNYI POROKHOVOI ZAVOD", "gunpowder", "porokhovoi ≈ gunpowder"),
        ("SHARQ SIMAN SANATI COMPANY", "cement", "siman ≈ cement"),
    ])
    func aTranslatedOrganisationMatches(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.map(\.entity.id) == [id], "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) } == true, "\(found.map(\.why))")
    }

    /// The common words alone do not make a match: another organisation's distinctive word
    /// ("SOKOL" / "ORION") keeps them apart.
    @Test func theDistinctiveWordsStillCarryTheMatch() {
        let found = Self.screener.screen("POROKHOVAYA KOMPANIYA SOKOL", threshold: 0.70)
        #expect(found.isEmpty, "\(found.map(\.why))")
        let same = Self.screener.screen("POROKHOVAYA KOMPANIYA ORION", threshold: 0.70)
        #expect(same.map(\.entity.id) == ["orion"], "\(same.map(\.why))")
    }

    /// A word of the table that is also a name stays a name in a person's: "Siman" is not
    /// "cement" there, and the listed person is still found by the name.
    @Test func aPersonsNameIsNotTranslated() {
        let screener = Self.screener
        #expect(screener.screen("Ahmad Siman", threshold: 0.70).map(\.entity.id) == ["siman"])
        let cement = screener.screen(ScreeningQuery("Ahmad Cement", kind: .person), threshold: 0.50)
        #expect(!cement.contains { $0.entity.id == "siman" }, "\(cement.map(\.why))")
    }

    /// The table's rows: a word, its English word, the language and the source, each given.
    @Test func theTableNamesItsSources() {
        let data = ScreeningData.standard
        #expect(data.organisationWords["oruzheinaya"] == "arms")
        #expect(data.organisationWords["porokhovoi"] == "gunpowder")
        #expect(data.organisationWords.count >= 300)
        #expect(throws: InputError.self) {
            try ScreeningData(files: ["organisation-words.tsv": (text: "kompaniya\tcompany\n", path: "x.tsv")])
        }
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
