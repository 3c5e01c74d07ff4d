import Testing

@testable import DiligenceKit

/// Issue 16, twenty-third round (recall18): the aliases the screener missed, by kind. An
/// organisation's word in the English plural of a word in "y" against its singular
/// ("LOTTERIES" / "LOTTERY": `TokenComparison.isPluralOfY`), a company word that ends a name
/// read as one of its words by the name's acronym ("SUEK" for SIBIRSKAYA UGOLNAYA
/// ENERGETICHESKAYA KOMPANIYA: `Acronyms.LegalFormPolicy.trailingCompany`), and "SPB" for
/// Saint Petersburg in organisation names (`organisation-abbreviations.tsv`). The cases are OFAC
/// aliases of the OFAC-derived dev split; the near misses are what the rules must keep apart.
@Suite struct ScreeningTwentyThirdRoundRecallTests {
    static let list = [
        listed("lottery", "NATIONAL LOTTERY OOD", kind: .organisation),
        listed("agency", "GAMMA AGENCY FUND IV LLC", kind: .organisation),
        listed("suek", "JSC SUEK", kind: .organisation),
        listed("coal", "AO SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA KOMPANIYA", kind: .organisation),
        listed("spbex", "PUBLIC JOINT STOCK COMPANY SAINT PETERSBURG EXCHANGE", kind: .organisation),
        listed("db", "DEUTSCHE BANK", kind: .organisation),
        listed("saleh", "BIN SALEH, Abdullah"),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener { boundedScreener(list) }

    static func screener(_ change: (inout ScoringParameters) -> Void) -> NameScreener {
        boundedScreener(list, change)
    }

    // MARK: The English plural of a word in "y"

    /// Keys fold "y" to "i" and "ie" to "e": the plural's key is the singular's without its
    /// "i", with "es"; four letters or more before it.
    @Test func thePluralOfAWordInYIsReadFromTheKeys() {
        func key(_ word: String) -> ArraySlice<UInt8> {
            Array(Self.screener.normalizer.normalize(word).tokens.first?.key.utf8 ?? "".utf8)[...]
        }
        for (plural, singular) in [("LOTTERIES", "LOTTERY"), ("AGENCIES", "AGENCY"), ("ENERGIES", "ENERGY"), ("BAKERIES", "BAKERY")] {
            #expect(TokenComparison.isPluralOfY(short: key(singular), long: key(plural)), "\(plural) / \(singular)")
            #expect(TokenComparison.inflected(key(plural), key(singular)), "\(plural) / \(singular)")
            #expect(TokenComparison.pluralOfYPartner(key(singular)).map { $0[...] == key(plural) } == true, "\(singular)")
            #expect(TokenComparison.pluralOfYPartner(key(plural)).map { $0[...] == key(singular) } == true, "\(plural)")
        }
        // Three letters before the "y", or another ending: not a plural.
        #expect(!TokenComparison.isPluralOfY(short: key("TIDY"), long: key("TIDIES")))
        #expect(!TokenComparison.isPluralOfY(short: key("LOTTERY"), long: key("LOTTERAS")))
        #expect(!TokenComparison.isPluralOfY(short: key("LOTTERO"), long: key("LOTTERES")))
    }

    /// The plural against the singular in an organisation's name: a match with the reason;
    /// without the rule (`inflectedStem` 0) none at 0.70. Either side may write the plural.
    @Test(arguments: [("NATIONAL LOTTERIES LTD.", "lottery"), ("GAMMA AGENCIES FUND IV LLC", "agency")])
    func thePluralMatchesTheSingular(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("(same stem)") } == true, "\(found.map(\.why))")
        let off = Self.screener { $0.inflectedStem = 0 }
        #expect(off.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
        let reversed = boundedScreener([listed("plural", "NATIONAL LOTTERIES LTD", kind: .organisation)])
        #expect(reversed.screen("NATIONAL LOTTERY OOD", threshold: 0.70).first?.entity.id == "plural")
    }

    /// What the plural keeps apart: another fund's number, "bin" names, a place added.
    @Test(arguments: [("GAMMA AGENCIES FUND III LLC", "agency"), ("BIN OMAR, Abdullah", "saleh"), ("Deutsche Bank Polska", "db")])
    func thePluralKeepsApart(query: String, id: String) {
        #expect(Self.screener.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// A person's name has no stems: the plural's reading is an organisation's only.
    @Test func aPersonsNameHasNoPlural() {
        func forms(_ key: String) -> TokenForms {
            TokenForms(key: Array(key.utf8)[...], text: Array(key.utf8)[...], phonetic: PhoneticKey.key(Array(key.utf8)[...])[...])
        }
        #expect(TokenComparison.compare(forms("loteres"), forms("loteri"), parameters: ScoringParameters(), allowStem: true)?.how == .stem)
        #expect(TokenComparison.compare(forms("loteres"), forms("loteri"), parameters: ScoringParameters(), allowStem: false)?.how != .stem)
    }

    // MARK: The company word that ends a name, in its acronym

    /// The acronym of a name keeps the initial of a company word that ends it only by the
    /// policy `trailingCompany`; a company word elsewhere, or a longer legal form, is left out.
    @Test func aTrailingCompanyWordGivesItsInitial() {
        let name = Self.screener.normalizer.normalize("AKTSIONERNOE OBSHCHESTVO SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA KOMPANIYA")
        #expect(Acronyms.of(name.acronymParts, legalForms: [.trailingCompany]) == ["suek"])
        #expect(!Acronyms.of(name.acronymParts, legalForms: [.left, .initials, .whole]).contains("suek"))
        let leading = Self.screener.normalizer.normalize("KOMPANIYA SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA")
        #expect(Acronyms.of(leading.acronymParts, legalForms: [.trailingCompany]).allSatisfy { !$0.hasPrefix("k") })
        let longer = Self.screener.normalizer.normalize("SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA JOINT STOCK COMPANY")
        #expect(!Acronyms.of(longer.acronymParts, legalForms: [.trailingCompany]).contains("suejsc"))
        #expect(!Acronyms.of(longer.acronymParts, legalForms: [.trailingCompany]).contains("suec"))
    }

    /// The words against the listed acronym, and the acronym against the listed words: a match
    /// with the reason; without the acronyms (`acronymSimilarity` 0) none at 0.70.
    @Test(arguments: [
        ("AKTSIONERNOE OBSHCHESTVO SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA KOMPANIYA", "suek", "the listed acronym of these words, a weaker match"),
        ("SUEK", "coal", "acronym of the listed words, a weaker match"),
    ])
    func theAcronymKeepsTheCompanyWord(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.contains { $0.entity.id == id && $0.why.contains(reason) }, "\(query): \(found.map(\.why))")
        let off = Self.screener { $0.acronymSimilarity = 0 }
        #expect(off.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// Two name words and a company word make no acronym of three letters; a person's name
    /// makes none.
    @Test func theCompanyWordNeedsThreeWordsBeforeIt() {
        let screener = boundedScreener([listed("sue", "SUE LLC", kind: .organisation), listed("suk", "SUK", kind: .organisation)])
        #expect(screener.screen("SIBIRSKAYA UGOLNAYA KOMPANIYA", threshold: 0.70).isEmpty)
        #expect(
            screener.screen(ScreeningQuery("SIBIRSKAYA, Ulyana Ekaterina Kompaniya", kind: .person), threshold: 0.70).filter { $0.entity.id == "suk" }.isEmpty)
    }

    // MARK: SPB for Saint Petersburg

    /// "SPB" against "SAINT PETERSBURG", another word matched: a match with the reason; alone,
    /// or in a name whose other words differ, none.
    @Test func spbStandsForSaintPetersburg() {
        let found = Self.screener.screen("PUBLIC JOINT STOCK COMPANY SPB EXCHANGE", threshold: 0.70)
        #expect(found.first?.entity.id == "spbex", "\(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("spb ≈ saint petersburg (abbreviation of the listed words in organisation names") } == true)
        let off = Self.screener { $0.abbreviationSimilarity = 0 }
        #expect(off.screen("PUBLIC JOINT STOCK COMPANY SPB EXCHANGE", threshold: 0.70).filter { $0.entity.id == "spbex" }.isEmpty)
        for query in ["SPB OOO", "PUBLIC JOINT STOCK COMPANY SPB BANK", "Deutsche Bank Polska"] {
            #expect(Self.screener.screen(query, threshold: 0.70).filter { $0.entity.id == "spbex" }.isEmpty, "\(query)")
        }
    }

    /// The candidate bound admits the names the rules match: the same answers as scoring every
    /// name, for the cases and the near misses.
    @Test func theBoundKeepsTheRounds() {
        let screener = Self.screener
        var scratch = Scratch(names: screener.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in [
            "NATIONAL LOTTERIES LTD.", "GAMMA AGENCIES FUND IV LLC", "GAMMA AGENCIES FUND III LLC", "BIN OMAR, Abdullah",
            "AKTSIONERNOE OBSHCHESTVO SIBIRSKAYA UGOLNAYA ENERGETICHESKAYA KOMPANIYA", "SUEK", "PUBLIC JOINT STOCK COMPANY SPB EXCHANGE",
            "SPB OOO", "Deutsche Bank Polska",
        ] {
            let indexed = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch)
            let exhaustive = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch, exhaustive: true)
            #expect(indexed.map(\.entity.id) == exhaustive.map(\.entity.id), "\(name)")
            #expect(indexed.map(\.score) == exhaustive.map(\.score), "\(name)")
        }
    }
}
