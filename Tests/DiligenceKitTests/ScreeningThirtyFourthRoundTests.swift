import Testing

@testable import DiligenceKit

/// Issue 16, thirty-fourth round: a company written in one language against its listing in
/// another. OFAC lists a Russian company under its romanised Russian name and its English one
/// ("ROSTOVSKIY VERTOLETNYI PROIZVODSTVENNYI KOMPLEKS" / "ROSTOV HELICOPTER PRODUCTION COMPLEX"
/// scored 0.53; "AGENTSTVO SOTSIALNOGO PROEKTIROVANIYA" / "SOCIAL DESIGN AGENCY" 0.47). The
/// common words of organisation names in fifteen languages (`organisation-words.tsv`), and the
/// Russian words that are the English word with Russian endings (`Cognates`).
@Suite struct ScreeningThirtyFourthRoundTests {
    typealias Case = ScreeningThirtyFirstRoundArticleTests.Case

    static let found: [Case] = [
        Case(
            query: "ROSTOVSKIY VERTOLETNYI PROIZVODSTVENNYI KOMPLEKS", listedName: "ROSTOV HELICOPTER PRODUCTION COMPLEX",
            reason: "vertoletnyi ≈ helicopter (the same organisation word in"),
        Case(
            query: "OOO ROSSIISKIE AVTOMOBILNYE DOROGI", listedName: "LLC RUSSIAN AUTOMOBILE ROADS",
            reason: "avtomobilnye ≈ automobile (the same word with another language's endings), dorogi ≈ roads (the same organisation word in Russian)"),
        Case(
            query: "AGENTSTVO SOTSIALNOGO PROEKTIROVANIYA", listedName: "SOCIAL DESIGN AGENCY",
            reason: "sotsialnogo ≈ social (the same word with another language's endings), proektirovaniya ≈ design (the same organisation word in Russian)"),
        Case(
            query: "OOO TEKHNOLOGII SISTEMY I KOMPLEKSY", listedName: "TECHNOLOGIES SYSTEMS AND COMPLEXES LIMITED",
            reason: "kompleksy ≈ complexes (the same word with another language's endings)"),
        Case(
            query: "KASHTISAZI SADRA", listedName: "SADRA SHIPBUILDING", reason: "kashtisazi ≈ shipbuilding (the same organisation word in Persian)"),
        Case(
            query: "ISTANBUL GEMI TERSANE", listedName: "ISTANBUL SHIP SHIPYARD", reason: "tersane ≈ shipyard (the same organisation word in Turkish)"),
    ]

    /// Each company is found at the threshold, with the reason that shows how.
    @Test(arguments: found) func aCompanyInAnotherLanguageIsFound(_ item: Case) {
        let screener = NameScreener(entities: [
            listed("x", item.listedName, kind: .organisation), listed("other", "GLOBAL TRADING COMPANY", kind: .organisation),
        ])
        let match = screener.screen(item.query, threshold: ScreeningHardCaseTests.threshold).first
        #expect(match?.entity.id == "x", "\(String(describing: match?.why))")
        #expect(match?.why.contains(item.reason) == true, "\(String(describing: match?.why))")
    }

    /// A translated word counts only between organisations: a person's name that is also a word
    /// of the table is a name.
    @Test func aPersonIsNotTranslated() {
        let screener = NameScreener(entities: [listed("x", "SHIPYARD, Ivan")])
        let match = screener.screen("Ivan Tersane", threshold: ScreeningHardCaseTests.threshold).first
        #expect(match == nil, "\(String(describing: match?.why))")
    }

    /// The same word with Russian or English endings has one stem; other words do not. (Words of
    /// `word-equivalents.tsv`, "kompleks", "federalnoe", "tekhnologii", take their English key before this.)
    @Test(arguments: [
        ("polimernykh", "polymer"), ("kriptografiya", "cryptography"), ("sotsialnogo", "social"),
        ("avtomobilnye", "automobile"), ("elektricheskaya", "electrical"), ("informatsionnye", "information"), ("navigatsionnykh", "navigation"),
        ("spetsialnyi", "special"), ("mekhanicheskikh", "mechanical"), ("organizatsii", "organization"),
        ("kommunikatsii", "communication"), ("analiticheskiy", "analytical"),
    ])
    func cognatesShareAStem(_ russian: String, _ english: String) {
        let normalizer = NameNormalizer.standard
        #expect(Cognates.same(normalizer.key(ofWord: russian), normalizer.key(ofWord: english)))
    }

    @Test(arguments: [
        ("marina", "marine"), ("kompanii", "kompass"), ("press", "pres"), ("campus", "camp"), ("institut", "instinct"), ("national", "nation"),
    ])
    func otherWordsDoNot(_ a: String, _ b: String) {
        let normalizer = NameNormalizer.standard
        #expect(!Cognates.same(normalizer.key(ofWord: a), normalizer.key(ofWord: b)))
    }

    /// Every row of the table is read, and no word of it is also a word of word-equivalents.tsv
    /// (which would fold it everywhere, persons' names too).
    @Test func everyRowIsReadOnce() throws {
        let (bytes, _) = try BuiltinResources.data("screening/organisation-words.tsv")
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let words = rows.compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(words.count >= 1_500)
        #expect(Set(words).count == words.count)
        let data = ScreeningData.standard
        #expect(words.allSatisfy { data.organisationWords[$0] != nil })
        #expect(words.filter { data.wordEquivalents[$0] != nil }.isEmpty)
    }
}
