import Testing

@testable import DiligenceKit

/// Issue 16, twenty-second round (recall17): Russian abbreviations of organisation-name words
/// against the words they stand for (`OrganisationAbbreviations`, `organisation-abbreviations.tsv`:
/// "NII" / "research institute", "NTTs" / "scientific and technical center", "TsKB" /
/// "tsentralnoe konstruktorskoe byuro"), and the Russian institutions' legal forms (FGBU, ANO,
/// their English forms; a form's word with an equivalent, "federalnoe" / "federal", read as a
/// name reads it). The cases are OFAC aliases of the OFAC-derived dev split; the near misses are
/// what the rules must keep apart.
@Suite struct ScreeningTwentySecondRoundRecallTests {
    static let list = [
        listed("marine", "JOINT STOCK COMPANY CENTRAL RESEARCH INSTITUTE OF MARINE ENGINEERING", kind: .organisation),
        listed(
            "rubin", "JOINT STOCK COMPANY CENTRAL DESIGN BUREAU FOR MARINE ENGINEERING RUBIN",
            aliases: ["JSC TSENTRALNOYE KONSTRUKTORSKOYE BYURO MORSKOY TEKHNIKI RUBIN"], kind: .organisation),
        listed("orion", "LIMITED LIABILITY COMPANY SCIENTIFIC AND TECHNICAL CENTER ORION", kind: .organisation),
        listed("armah", "ARMAH RESEARCH INSTITUTE LIMITED", kind: .organisation),
        listed("gamma", "RESEARCH INSTITUTE GAMMA FUND IV LLC", kind: .organisation),
        listed("space", "SPACE RESEARCH INSTITUTE RUSSIAN ACADEMY OF SCIENCES", kind: .organisation),
        listed("bauman", "MOSCOW STATE TECHNICAL UNIVERSITY NAMED AFTER NE BAUMAN", kind: .organisation),
        listed("agency", "INTERNATIONAL AGENCY OF SOVEREIGN DEVELOPMENT RBK", kind: .organisation),
        listed("db", "DEUTSCHE BANK", kind: .organisation),
        listed("petrov", "PETROV, Ivan Petrovich"),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener { boundedScreener(list) }

    static func screener(_ change: (inout ScoringParameters) -> Void) -> NameScreener {
        boundedScreener(list, change)
    }

    /// An abbreviation against the words it stands for, the other words matched: a match with
    /// the reason; without the rule (`abbreviationSimilarity` 0) none at 0.70.
    @Test(arguments: [
        ("CJSC TSENTRALNY NII SUDOVOGO MASHINOSTROYENIYA", "marine", "nii ≈ research institute (abbreviation of the listed words in organisation names"),
        ("NTTS ORION OOO", "orion", "ntts ≈ scientific technical center (abbreviation of the listed words in organisation names"),
        ("JSC TSKB MT RUBIN", "rubin", "tskb ≈ tsentralnoye konstruktorskoye byuro (abbreviation of the listed words in organisation names"),
    ])
    func anAbbreviationMatchesTheWordsItStandsFor(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) && $0.why.contains("a weaker match") } == true, "\(found.map(\.why))")
        let off = Self.screener { $0.abbreviationSimilarity = 0 }
        #expect(off.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// The listed name may write the abbreviation and the query the words.
    @Test func theListedNameMayWriteTheAbbreviation() {
        let screener = boundedScreener([listed("nii", "JSC TSENTRALNY NII SUDOVOGO MASHINOSTROYENIYA", kind: .organisation)])
        let found = screener.screen("JOINT STOCK COMPANY CENTRAL RESEARCH INSTITUTE OF MARINE ENGINEERING", threshold: 0.70)
        #expect(found.first?.entity.id == "nii", "\(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("research institute ≈ nii (the listed abbreviation of these words in organisation names") } == true)
    }

    /// The candidate bound admits the names the abbreviation matches: the same answers as
    /// scoring every name, for the cases and the near misses.
    @Test func theBoundKeepsTheAbbreviations() {
        let screener = Self.screener
        var scratch = Scratch(names: screener.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in [
            "CJSC TSENTRALNY NII SUDOVOGO MASHINOSTROYENIYA", "NTTS ORION OOO", "JSC TSKB MT RUBIN", "NII GAMMA FUND III LLC", "Nii Armah",
            "NII OOO", "TSNII MARINE ENGINEERING JSC",
        ] {
            let indexed = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch)
            let exhaustive = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch, exhaustive: true)
            #expect(indexed.map(\.entity.id) == exhaustive.map(\.entity.id), "\(name)")
            #expect(indexed.map(\.score) == exhaustive.map(\.score), "\(name)")
        }
    }

    /// What the rule keeps apart: the abbreviation alone (any research institute), a name that
    /// may be a person's ("Nii" is a Ghanaian given name), another fund's number, a person's
    /// name, a place added.
    @Test(arguments: [
        ("NII OOO", "armah"), ("Nii Armah", "armah"), ("NII GAMMA FUND III LLC", "gamma"), ("PETROV, Nii Petrovich", "petrov"),
        ("Deutsche Bank Polska", "db"),
    ])
    func nearMissesStayApart(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.70).filter { $0.entity.id == id }
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// Alone, or in a name that may be a person's, the abbreviation is not read at all; another
    /// fund's number still caps the name (`distinguishingPartCap`).
    @Test func theAbbreviationNeedsAnOrganisationsNameAndAnotherWord() {
        for query in ["NII OOO", "Nii Armah", "PETROV, Nii Petrovich"] {
            let found = Self.screener.screen(query, threshold: 0.0)
            #expect(found.allSatisfy { !$0.why.contains("abbreviation") }, "\(query): \(found.map(\.why))")
        }
        let fund = Self.screener.screen("NII GAMMA FUND III LLC", threshold: 0.0).first { $0.entity.id == "gamma" }
        #expect(fund.map { $0.score <= 0.6 && $0.why.contains("nii ≈ research institute") } == true, "\(String(describing: fund?.why))")
    }

    /// Every row of the table is an abbreviation of one word and a full form of two words or
    /// more as names read them (stop words and legal forms left out): none is dropped.
    @Test func everyRowOfTheTableIsRead() {
        let data = NameNormalizer.standard.data
        #expect(data.organisationAbbreviations.count >= 30)
        let table = OrganisationAbbreviations(data: data, normalizer: .standard, vocabulary: [:])
        for (abbreviation, words) in data.organisationAbbreviations {
            let keys = NameNormalizer.standard.normalize(words.joined(separator: " ")).tokens.map { Array($0.key.utf8) }
            #expect(keys.count >= 2, "\(abbreviation): \(words)")
            #expect(table.forms[Array(abbreviation.utf8)]?.contains(keys) == true, "\(abbreviation): \(words)")
        }
        // "scientific and technical center" and "scientific technical centre" are one form.
        #expect(table.forms[Array("ntts".utf8)].map { Set($0.map { $0.map { String(decoding: $0, as: UTF8.self) } }) }?.count == 1)
    }

    /// The Russian institutions' forms are legal forms, and a form's word with an equivalent
    /// ("federalnoe" / "federal", "predpriyatie" / "enterprise") no longer hides the form.
    @Test(arguments: [
        ("FEDERALNOE GOSUDARSTVENNOE BYUDZHETNOE UCHREZHDENIE NAUKI INSTITUT KOSMICHESKIKH ISSLEDOVANI", "institution"),
        ("FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE ALMAZ", "state"),
        ("GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE ALMAZ", "state"),
        ("FEDERAL STATE BUDGETARY EDUCATIONAL INSTITUTION OF HIGHER EDUCATION BAUMAN", "institution"),
        ("ANO INTERNATIONAL AGENCY OF SOVEREIGN DEVELOPMENT", "institution"),
        ("FEDERAL STATE ENTERPRISE KAZAN GUNPOWDER PLANT", "state"),
    ])
    func russianInstitutionsFormsAreLegalForms(name: String, formClass: String) {
        let normalized = NameNormalizer.standard.normalize(name)
        #expect(normalized.legalForms.map(\.formClass) == [formClass], "\(name): \(normalized.legalForms)")
        #expect(!normalized.keys.contains("federal") && !normalized.keys.contains("state"), "\(normalized.keys)")
    }

    /// The forms' words no longer count against the listed name that leaves them out.
    @Test(arguments: [
        ("FEDERALNOE GOSUDARSTVENNOE BYUDZHETNOE UCHREZHDENIE NAUKI INSTITUT KOSMICHESKIKH ISSLEDOVANI ROSSISKOI AKADEMII NAUK", "space"),
        (
            "FEDERAL STATE BUDGETARY EDUCATIONAL INSTITUTION OF HIGHER EDUCATION MOSCOW STATE TECHNICAL UNIVERSITY NAMED AFTER NE BAUMAN NATIONAL RESEARCH UNIVERSITY",
            "bauman"
        ),
        ("ANO INTERNATIONAL AGENCY OF SOVEREIGN DEVELOPMENT", "agency"),
    ])
    func aRussianInstitutionsFormIsNotCounted(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
    }
}
