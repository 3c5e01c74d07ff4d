import Foundation
import Testing
@testable import DiligenceKit

/// Name normalisation and the screener's scores.
@Suite struct ScreeningTests {
    // MARK: NameNormalizer

    /// Spellings of one name that must fold to the same tokens.
    @Test(arguments: [
        // Cyrillic (BGN/PCGN) and the Latin transliterations lists use.
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigoryevich Lukashenko"),
        ("Aleksandr Grigoryevich Lukashenko", "Aleksandr Grigorievich Lukashenko"),
        ("Аляксандр Лукашэнка", "Aliaksandr Lukashenka"),
        // Diacritics, case and typographic apostrophes.
        ("Société Générale", "SOCIETE GENERALE"),
        ("Jürgen Müller", "Jurgen Muller"),
        ("Col. Assimi Goïta", "Assimi Goita"),
        ("O’Brien-Smith", "OBrien Smith"),
        // Legal forms, articles and titles are dropped, in any script.
        ("Minsk Fuel Trading LLC", "Minsk Fuel Trading"),
        ("OOO Белтелеком", "Белтелеком"),
        ("ООО Белтелеком", "Белтелеком"),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", "Private Military Wagner"),
        ("The Bank of Mali PLC", "Bank Mali"),
        ("Acme Pty Ltd", "Acme"),
        ("Dupont S.A.R.L.", "Dupont SARL"),
        ("Mr Alexander Petrov", "Alexander Petrov"),
    ])
    func spellingsFoldToTheSameTokens(name: String, same: String) {
        #expect(NameNormalizer.tokens(name) == NameNormalizer.tokens(same))
        #expect(!NameNormalizer.tokens(name).isEmpty)
    }

    @Test(arguments: [
        ("Alexander Grigorievich Lukashenko", 3),
        ("Minsk Fuel Trading LLC", 3),
        ("OOO Белтелеком", 1),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", 3),
        ("The Bank of Mali PLC", 2),
        ("Jean-Pierre Dupont S.A.R.L.", 3),
        ("Minsk Fuel Trading L.L.C.", 3),
        ("Banque Atlantique S.A., Bamako", 3),
    ])
    func tokensAreSplitOnPunctuationAndSpaces(name: String, count: Int) {
        #expect(NameNormalizer.tokens(name).count == count)
    }

    @Test func tokensAreLatinLowerCaseWithoutDiacritics() {
        #expect(NameNormalizer.tokens("Лукашенко") == NameNormalizer.tokens("lukashenko"))
        #expect(NameNormalizer.tokens("Goïta").allSatisfy { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } })
        #expect(NameNormalizer.latinLower("Société Générale") == "societe generale")
    }

    @Test(arguments: ["", "LLC", "  ", "Ltd. & Co.", "-"])
    func aNameOfOnlyLegalFormsHasNoTokens(name: String) {
        #expect(NameNormalizer.tokens(name).isEmpty)
    }

    // MARK: NameScreener against the seeds

    let screener = NameScreener(entities: TestData.workspace.database.entities)

    @Test func anExactNameScoresOne() throws {
        let match = try #require(screener.screen("Alexander Grigorievich Lukashenko", threshold: 0.85).first)
        #expect(match.entity.id == "BY-TRAVELBAN-2020-0001")
        #expect(match.score == 1.0)
        #expect(match.why.hasPrefix("every token matches"))
    }

    @Test(arguments: ["Lukashenko Alexander Grigorievich", "Grigorievich Lukashenko Alexander", "лукашенко александр григорьевич"])
    func wordOrderAndCaseAreIgnored(name: String) throws {
        let match = try #require(screener.screen(name, threshold: 0.85).first)
        #expect(match.entity.id == "BY-TRAVELBAN-2020-0001")
        #expect(match.score == 1.0)
    }

    /// A name without the patronymic is a partial match: above the threshold, below an exact one.
    @Test func aMissingPatronymicScoresBetweenTheThresholdAndOne() throws {
        let entity = try #require(TestData.workspace.database.entities.first { $0.id == "BY-TRAVELBAN-2020-0001" })
        let partial = NameScreener(entities: [ListedEntity(
            id: entity.id, name: entity.name, aliases: [], kind: .person, country: entity.country, listedBy: entity.listedBy,
            programme: nil, measures: [], since: nil, references: [], file: "list.yaml", mark: .start)])
        let match = try #require(partial.screen("Alexander Lukashenko", threshold: 0.85).first)
        #expect(match.score >= 0.85)
        #expect(match.score < 1.0)
        #expect(match.why.contains("also has grigorevic"))
        #expect(match.matched == "Alexander Grigorievich Lukashenko")
    }

    @Test func extraTokensInTheQueryLowerTheScore() throws {
        let match = try #require(screener.screen("Wagner Group Holdings", threshold: 0.5).first)
        #expect(match.entity.id == "US-OFAC-SDN-22543")
        #expect(match.score < 1.0)
        #expect(screener.screen("Wagner Group Holdings Africa Logistics", threshold: 0.85).isEmpty)
    }

    @Test func aliasesInAnyScriptMatchExactly() throws {
        let match = try #require(screener.screen("Аляксандр Рыгоравіч Лукашэнка", threshold: 0.85).first)
        #expect(match.entity.id == "BY-TRAVELBAN-2020-0001")
        #expect(match.score == 1.0)
    }

    @Test(arguments: ["Minsk Fuel Trading LLC", "Alexander Petrov", "Alexander", "Dyck Advisory Group", "Private Security LLC"])
    func unrelatedNamesDoNotMatch(name: String) {
        #expect(screener.screen(name, threshold: 0.85).isEmpty)
    }

    /// Legal forms are not identity: two companies that share only "LLC" or "Ltd" are unrelated.
    @Test func namesSharingOnlyALegalFormDoNotMatch() {
        let listed = NameScreener(entities: [ListedEntity(
            id: "X-1", name: "Acme Holdings LLC", aliases: ["Acme Holdings Ltd"], kind: .organisation, country: nil,
            listedBy: ["US-OFAC"], programme: nil, measures: ["asset-freeze"], since: nil, references: [],
            file: "list.yaml", mark: .start)])
        #expect(listed.screen("Zenith Trading LLC", threshold: 0.1).isEmpty)
        #expect(listed.screen("Ltd", threshold: 0.1).isEmpty)
        #expect(listed.screen("ACME HOLDINGS", threshold: 0.85).first?.score == 1.0)
    }

    @Test func matchesAreOnePerEntityBestFirst() {
        let matches = screener.screen("Aleksandr Lukashenko", threshold: 0.85)
        #expect(matches.map(\.entity.id) == ["BY-TRAVELBAN-2020-0001"])
        #expect(matches.first?.score == 1.0)
    }

    @Test func theScreeningJSONHasOneElementPerQueryInOrder() throws {
        let queries = ["Minsk Fuel Trading LLC", "Wagner Group"]
        let json = ScreeningReport.json(queries.map { ($0, screener.screen($0, threshold: 0.85)) })
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.map { $0["query"] as? String } == queries)
        #expect((array[0]["matches"] as? [Any])?.isEmpty == true)
        let match = try #require((array[1]["matches"] as? [[String: Any]])?.first)
        #expect(match["entity"] as? String == "US-OFAC-SDN-22543")
        #expect(match["matched"] as? String == "WAGNER GROUP")
        #expect(match["score"] as? Double == 1.0)
    }
}
