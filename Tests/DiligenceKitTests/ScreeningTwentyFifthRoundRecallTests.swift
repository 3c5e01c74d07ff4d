import Testing

@testable import DiligenceKit

/// Issue 16, twenty-fifth round (recall19): organisation words in another language, and other
/// words for the same thing ("aviation" / "airlines", "hawala" / "exchange", "trucking" /
/// "transport": `organisation-words.tsv`), matched between organisations with the language or
/// the chain in the why; English rows chain with the translations (`OrganisationWords`). The
/// cases are OFAC aliases of the OFAC-derived dev split; the near misses are what the rows must
/// keep apart.
@Suite struct ScreeningTwentyFifthRoundRecallTests {
    static let list = [
        listed("cubana", "EMPRESA CUBANA DE AVIACION", kind: .organisation),
        listed("kawthar", "AL-KAWTHAR MONEY EXCHANGE", kind: .organisation),
        listed("purepecha", "TRANSPORTADORA PUREPECHA S.A. DE C.V.", kind: .organisation),
        listed("ntv", "JOINT STOCK COMPANY NTV BROADCASTING COMPANY", kind: .organisation),
        listed("db", "DEUTSCHE BANK", kind: .organisation),
        listed("fund", "GAMMA AGENCY FUND IV LLC", kind: .organisation),
        listed("saleh", "BIN SALEH, Abdullah"),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener { boundedScreener(list) }

    /// The same screener on the data without this round's rows: what main answered.
    static var without: NameScreener {
        var data = ScreeningData.standard
        for word in ["aviation", "airways", "trucking", "television", "navigation", "factory", "hawala", "telekompaniya"] {
            data.organisationWords[word] = nil
            data.organisationWordLanguages[word] = nil
        }
        var parameters = ScoringParameters()
        parameters.shortListNames = 0
        parameters.boundComparesUnreached = 0
        return NameScreener(entities: list, normalizer: NameNormalizer(data: data), parameters: parameters)
    }

    // MARK: Other words for the same thing, and their translations

    /// Each alias matches its listed name, with the reason in words; without the rows it does
    /// not reach 0.70.
    @Test(arguments: [
        ("CUBANA AIRLINES", "cubana", "airlines ≈ aviacion (aviacion is Spanish for aviation, another word for airlines in organisation names)"),
        ("AL-KAWTHAR HAWALA", "kawthar", "hawala ≈ exchange (the same organisation word in Arabic)"),
        (
            "PUREPECHA TRUCKING CO.", "purepecha",
            "trucking ≈ transportadora (trucking is another word for transport; transportadora is Spanish for transport in organisation names)"
        ),
        (
            "AO TELEKOMPANIYA NTV", "ntv",
            "telekompaniya ≈ broadcasting (telekompaniya is Russian for television, another word for broadcasting in organisation names)"
        ),
    ])
    func anotherWordForTheSameThingMatches(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) } == true, "\(found.map(\.why))")
        #expect(Self.without.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// A direct row of another language names it; a spelling row says so.
    @Test func theReasonNamesTheLanguage() {
        let data = ScreeningData.standard
        #expect(OrganisationWords.reason("oruzheinaya", "arms", data: data) == "the same organisation word in Russian")
        #expect(OrganisationWords.reason("arms", "oruzheinaya", data: data) == "the same organisation word in Russian")
        #expect(OrganisationWords.reason("defence", "defense", data: data) == "the same word in another spelling")
        #expect(OrganisationWords.reason("aviation", "airlines", data: data) == "another word for the same thing in organisation names")
        #expect(OrganisationWords.reason("alpha", "beta", data: data) == "the same organisation word in another language")
    }

    /// A chain of meanings ends at its last word, and a cycle stops where it began.
    @Test func aChainEndsAtItsLastWord() {
        #expect(OrganisationWords.end(of: "a", in: ["a": "b", "b": "c"]) == "c")
        #expect(OrganisationWords.end(of: "a", in: ["a": "b", "b": "a"]) == "b")
        #expect(OrganisationWords.end(of: "z", in: ["a": "b"]) == "z")
    }

    // MARK: Near misses kept apart

    /// The common words alone do not make a match: another airline's or exchange's distinctive
    /// word keeps them apart, and a person's name reads no organisation word.
    @Test(arguments: ["MEXICANA AIRLINES", "AL-NOOR HAWALA", "TARASCA TRUCKING CO.", "AO TELEKOMPANIYA REN TV", "CUBANA HAWALA"])
    func theDistinctiveWordsStillCarryTheMatch(query: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// The near misses of the earlier rounds stay apart: another bank's place, another fund's
    /// number, another father's name.
    @Test(arguments: [("DEUTSCHE BANK POLSKA", "db"), ("GAMMA AGENCY FUND III LLC", "fund"), ("BIN OMAR, Abdullah", "saleh")])
    func theEarlierNearMissesStayApart(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.filter { $0.entity.id == id }.isEmpty, "\(query): \(found.map(\.why))")
    }
}
