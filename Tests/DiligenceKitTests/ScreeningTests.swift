import Foundation
import Testing

@testable import DiligenceKit

/// A listed entity for tests.
func listed(_ id: String, _ name: String, aliases: [String] = [], kind: ListedEntity.Kind = .person, country: String? = nil) -> ListedEntity {
    ListedEntity(
        id: id, name: name, aliases: aliases, kind: kind,
        country: country.flatMap { TestData.workspace.countries.resolve($0) }, listedBy: ["US-OFAC"], programme: nil,
        measures: ["asset-freeze"], since: nil, references: [], file: "list.yaml", mark: .start)
}

/// A screener of `entities` with the candidate bound on, as on the full OFAC list, and no
/// rescue of names it cuts: a short test list then shows what a long list's lookup finds.
/// `change` adjusts the other parameters (a rule turned off to show what it adds).
func boundedScreener(_ entities: [ListedEntity], _ change: (inout ScoringParameters) -> Void = { _ in }) -> NameScreener {
    var parameters = ScoringParameters()
    parameters.shortListNames = 0
    parameters.boundComparesUnreached = 0
    change(&parameters)
    return NameScreener(entities: entities, parameters: parameters)
}

/// The screener's scores, matches and explanations.
@Suite struct ScreeningTests {
    // MARK: Against the seeds

    let screener = NameScreener(entities: TestData.workspace.database.entities)

    @Test func anExactNameScoresOne() throws {
        let match = try #require(screener.screen("Alexander Grigorievich Lukashenko", threshold: 0.85).first)
        #expect(match.entity.id == "BY-TRAVELBAN-2020-0001")
        #expect(match.score == 1.0)
        #expect(match.isExact)
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
        var bare = entity
        bare.aliases = []
        let match = try #require(NameScreener(entities: [bare]).screen("Alexander Lukashenko", threshold: 0.85).first)
        #expect(match.score >= 0.85)
        #expect(match.score < 1.0)
        #expect(!match.isExact)
        #expect(match.why.contains("the listed name also has grigorievich (patronymic, counts little)"))
        #expect(match.matched == "Alexander Grigorievich Lukashenko")
    }

    @Test func extraTokensInTheQueryLowerTheScore() throws {
        let match = try #require(screener.screen("Wagner Group Holdings", threshold: 0.5).first)
        #expect(match.entity.id == "US-OFAC-SDN-22543")
        #expect(match.score < 0.85)
        #expect(match.why.contains("only the name has holdings"))
        #expect(screener.screen("Wagner Group Holdings Africa Logistics", threshold: 0.85).isEmpty)
    }

    @Test func aliasesInAnyScriptMatchExactly() throws {
        let match = try #require(screener.screen("Аляксандр Рыгоравіч Лукашэнка", threshold: 0.85).first)
        #expect(match.entity.id == "BY-TRAVELBAN-2020-0001")
        #expect(match.score == 1.0)
    }

    @Test(arguments: [
        "Minsk Fuel Trading LLC", "Alexander Petrov", "Alexander", "Dyck Advisory Group", "Private Security LLC",
        "Lukashenko", "Wagner Consulting GmbH", "A. G. L.",
    ])
    func unrelatedNamesDoNotMatch(name: String) {
        #expect(screener.screen(name, threshold: 0.85).isEmpty)
    }

    /// Legal forms are not identity: two companies that share only "LLC" or "Ltd" are unrelated.
    @Test func namesSharingOnlyALegalFormDoNotMatch() {
        let list = NameScreener(entities: [listed("X-1", "Acme Holdings LLC", aliases: ["Acme Holdings Ltd"], kind: .organisation)])
        #expect(list.screen("Zenith Trading LLC", threshold: 0.1).isEmpty)
        #expect(list.screen("Ltd", threshold: 0.1).isEmpty)
        #expect(list.screen("ACME HOLDINGS", threshold: 0.85).first?.score == 1.0)
        #expect(list.screen("Acme Holdings GmbH", threshold: 0.85).first?.isExact == true)
    }

    @Test func matchesAreOnePerEntityBestFirst() {
        let matches = screener.screen("Aleksandr Lukashenko", threshold: 0.85)
        #expect(matches.map(\.entity.id) == ["BY-TRAVELBAN-2020-0001"])
        #expect(matches.first?.score == 1.0)
    }

    @Test func thePrivateMilitaryCompanyMatchesInEveryForm() {
        for name in ["PMC Wagner", "ЧВК «Вагнер»", "Частная военная компания Вагнер", "Wagner Group", "CHVK VAGNER"] {
            #expect(screener.screen(name, threshold: 0.85).first?.entity.id == "US-OFAC-SDN-22543", "\(name)")
        }
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
        #expect(match["exact"] as? Bool == true)
        #expect((match["why"] as? String)?.isEmpty == false)
        let tokens = try #require(match["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["how"] as? String } == ["exact", "exact"])
    }

    // MARK: The Lukashenka family and the hard negatives, as OFAC lists them

    static let ofacLike = NameScreener(entities: [
        listed(
            "US-OFAC-SDN-9760", "LUKASHENKA, Alyaksandr Ryhorovich",
            aliases: [
                "LUKASHENKO, Aleksandr Grigorevich", "LUKASHENKO, Alexandr Grigorievich", "LUKASHENKO, Alexander Grigoryevich",
                "LUKASHENKA, Alyaksandr Hryhoryavich", "LUKASHENKO, Aleksander Grigoriyevich",
            ], country: "BY"),
        listed("US-OFAC-SDN-9797", "LUKASHENKA, Viktar Aliaksandravich", country: "BY"),
        listed("US-OFAC-SDN-32615", "LUKASHENKA, Dzmitry Aliaksandravich", country: "BY"),
        listed("X-OMAN", "OMAN FUEL TRADING LTD", kind: .organisation, country: "OM"),
        listed("X-MBS", "Mohammed bin Salman", country: "SA"),
        listed("X-XI", "XI Jinping", country: "CN"),
    ])

    @Test(arguments: [
        "Aliaksandr Lukashenka", "Alexander Lukashenko", "ЛУКАШЕНКО Александр Григорьевич",
        "LUKASHENKA, Alyaksandr Ryhorovich", "Alexander G. Lukashenko", "Lukashenko, Aleksandr", "A. G. Lukashenko",
        "Alexander Lukashenkp", "Александр Лукашенко", "Аляксандр Лукашэнка",
    ])
    func trueVariantsMatchTheRightPerson(name: String) throws {
        let matches = Self.ofacLike.screen(name, threshold: RuleSettings().screeningThreshold)
        let first = try #require(matches.first, "\(name) matched nothing")
        #expect(first.entity.id == "US-OFAC-SDN-9760")
        #expect(matches.count == 1, "\(matches.map { "\($0.entity.id) \($0.score)" })")
    }

    @Test(arguments: [
        "Minsk Fuel Trading LLC", "Sviatlana Tsikhanouskaya", "Viktar Babaryka", "Maria Kalesnikava",
        "Dzmitry Lukashenka Consulting", "Alexander Lukashevich", "Lukashenko", "Fuel Trading LLC", "Muscat Fuel Trading LLC",
    ])
    func hardNegativesStayBelowTheThreshold(name: String) {
        let matches = Self.ofacLike.screen(name, threshold: RuleSettings().screeningThreshold)
        #expect(matches.isEmpty, "\(matches.map { "\($0.entity.id) \($0.score): \($0.why)" })")
    }

    /// The screener remembers names that no listed name comes near, whatever their country, but
    /// a name with candidates is answered again for each country (the same country raises the
    /// score, another lowers it), whichever country came first.
    @Test func aNameIsRememberedAcrossCountriesOnlyWhenNothingComesNear() throws {
        let screener = NameScreener(entities: Self.ofacLike.entities)
        let countries = TestData.workspace.countries
        let belarus = try #require(countries.resolve("BY")), russia = try #require(countries.resolve("RU"))
        let near = "Aleksandr Lukashenka Grigorevich"
        let other = try #require(screener.screen(ScreeningQuery(near, country: russia), threshold: 0.5).first)
        let same = try #require(screener.screen(ScreeningQuery(near, country: belarus), threshold: 0.5).first)
        #expect(same.score > other.score, "\(same.score) \(other.score)")
        #expect(try #require(screener.screen(ScreeningQuery(near, country: russia), threshold: 0.5).first).score == other.score)
        for country in [belarus, russia, nil] {
            #expect(screener.screen(ScreeningQuery("Granite Telecom Limited", country: country), threshold: 0.5).isEmpty)
        }
    }

    @Test func theWhyNamesTheTokensAndHow() throws {
        let typo = try #require(Self.ofacLike.screen("Alexander Lukashenkp", threshold: 0.5).first)
        #expect(typo.why.contains("alexander = alexander"))
        #expect(typo.why.contains("lukashenkp ≈ lukashenko (1 edit"))
        #expect(typo.why.contains("grigoryevich (patronymic, counts little)"))
        let variant = try #require(Self.ofacLike.screen("Aliaksandr Lukashenka", threshold: 0.5).first)
        #expect(variant.why.contains("aliaksandr ≈ alyaksandr (transliteration variant)"))
        let initial = try #require(Self.ofacLike.screen("Alexander G. Lukashenko", threshold: 0.5).first)
        #expect(initial.why.contains("g. = grigoryevich (initial)"))
        let negative = try #require(Self.ofacLike.screen("Minsk Fuel Trading LLC", threshold: 0).first)
        #expect(negative.why.contains("only the name has minsk"))
        #expect(negative.why.contains("the listed name also has oman"))
        #expect(negative.why.contains("legal forms llc and ltd (both limited liability company, not counted)"))
        #expect(negative.details.contains { $0.query == "fuel" && $0.listed == "fuel" && $0.how == "exact" })
    }

    @Test func otherScriptsMatchThroughTransliteration() throws {
        let arabic = try #require(Self.ofacLike.screen("محمد بن سلمان", threshold: 0.85).first)
        #expect(arabic.entity.id == "X-MBS")
        #expect(arabic.why.contains("(sounds alike)"))
        let chinese = try #require(Self.ofacLike.screen("习近平", threshold: 0.85).first)
        #expect(chinese.entity.id == "X-XI")
        #expect(chinese.why.contains("written as two words"))
    }

    /// Rare words weigh more than common ones: a shared "trading" counts less than a shared surname.
    @Test func rareTokensWeighMore() {
        let normalizer = NameNormalizer.standard
        let screener = Self.ofacLike
        #expect(screener.unseenWeight("lukasenka") > screener.unseenWeight(normalizer.fold("trading")))
        #expect(screener.unseenWeight(normalizer.fold("alexander")) < screener.unseenWeight(normalizer.fold("babaryka")))
    }

    @Test func theCountryIsASignal() throws {
        let base = try #require(Self.ofacLike.screen("Alexander Lukashenko", threshold: 0).first)
        let same = try #require(
            Self.ofacLike.screen(ScreeningQuery("Alexander Lukashenko", country: TestData.workspace.countries.resolve("BY")), threshold: 0).first)
        let other = try #require(
            Self.ofacLike.screen(ScreeningQuery("Alexander Lukashenko", country: TestData.workspace.countries.resolve("NO")), threshold: 0).first)
        #expect(same.score > base.score)
        #expect(other.score < base.score)
        #expect(same.why.contains("same country (BY)"))
        #expect(other.why.contains("country NO, listed BY"))
        // An exact name stays exact wherever the party is.
        let exact = try #require(
            Self.ofacLike.screen(ScreeningQuery("Alyaksandr Ryhorovich Lukashenka", country: TestData.workspace.countries.resolve("NO")), threshold: 0).first)
        #expect(exact.score == 1)
    }

    @Test func theEntityKindIsASignal() throws {
        let list = NameScreener(entities: [listed("P-1", "Ivan Sergeyevich Dmitriev"), listed("O-1", "Dmitriev Holdings Ltd", kind: .organisation)])
        let company = try #require(list.screen("Ivan Dmitriev LLC", threshold: 0).first { $0.entity.id == "P-1" })
        let person = try #require(list.screen("Ivan Dmitriev", threshold: 0).first { $0.entity.id == "P-1" })
        #expect(company.score < person.score)
        #expect(company.why.contains("an organisation's name against a listed person"))
    }

    @Test func theThresholdIsRespectedAndOrderIsStable() {
        let all = Self.ofacLike.screen("Lukashenka", threshold: 0)
        #expect(all.count == 3)
        #expect(all.map(\.score) == all.map(\.score).sorted(by: >))
        #expect(Self.ofacLike.screen("Lukashenka", threshold: 0.99).isEmpty)
        #expect(Self.ofacLike.screen(["Lukashenka", "Xi Jinping"].map { ScreeningQuery($0) }, threshold: 0).map(\.count) == [3, 1])
    }
}
