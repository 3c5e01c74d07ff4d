import Foundation
import Testing

@testable import DiligenceKit

/// The hard cases of issue 16: distinguishing parts that must lower a score, titles in other
/// languages, scripts, joined words, numbers, abbreviations and nicknames. Each test asserts
/// the score band and the reason given in the `why`.
@Suite struct ScreeningHardCaseTests {
    static let threshold = 0.70

    /// The best match's score against a list (0 when nothing is found) and its why.
    static func best(_ query: String, _ entities: [ListedEntity], parameters: ScoringParameters = ScoringParameters()) -> (score: Double, why: String) {
        let match = NameScreener(entities: entities, parameters: parameters).screen(query, threshold: 0).first
        return (match?.score ?? 0, match?.why ?? "")
    }

    // MARK: Distinguishing parts

    static let wagner = listed(
        "PMC", "PRIVATE MILITARY COMPANY 'WAGNER'",
        aliases: ["PMC WAGNER", "CHASTNAYA VOENNAYA KOMPANIYA 'VAGNER'", "CHVK VAGNER", "WAGNER GROUP"], kind: .organisation)

    /// A common surname with a legal form is not the listed Wagner Group.
    @Test(arguments: ["Wagner GmbH", "Wagner & Co. KG", "Wagner SA", "Wagner LLC"])
    func oneWordAndALegalFormIsNotALongerListedName(query: String) {
        let (score, why) = Self.best(query, [Self.wagner])
        #expect(score < Self.threshold, "\(query): \(score)")
        #expect(score > 0)
        #expect(why.contains("a surname alone does not identify an organisation (score capped at 0.60)"), "\(why)")
    }

    /// A distinctive word with a legal form is still a match: only common surnames are capped.
    @Test func aDistinctiveWordAndALegalFormStillMatches() {
        let listed = listed("T", "TRANSMART DMCC", aliases: ["TRANSMART GROUP"], kind: .organisation)
        let (score, why) = Self.best("Transmart AG", [listed])
        #expect(score >= Self.threshold, "\(score) \(why)")
        #expect(!why.contains("surname"))
    }

    /// The same list still finds the group by its names, and a one-word listed name by that word.
    @Test func theListedOrganisationIsStillFound() {
        #expect(Self.best("Wagner Group", [Self.wagner]).score == 1)
        #expect(Self.best("PMC Wagner", [Self.wagner]).score == 1)
        let rosneft = listed("R", "ROSNEFT OIL COMPANY", aliases: ["ROSNEFT"], kind: .organisation)
        #expect(Self.best("Rosneft PJSC", [rosneft]).score >= Self.threshold)
    }

    @Test(arguments: [
        ("Atlas Capital Fund III LP", "ATLAS CAPITAL FUND IV LP", "iii and iv"),
        ("Harbour Auto Receivables Trust 2019-A1", "HARBOUR AUTO RECEIVABLES TRUST 2019-A2", "a1 and a2"),
        ("Sea Dragon 7", "SEA DRAGON 8", "7 and 8"),
    ])
    func differentSeriesMarkersCapTheScore(query: String, name: String, reason: String) {
        let (score, why) = Self.best(query, [listed("X", name, kind: .organisation)])
        #expect(score <= 0.6, "\(query): \(score)")
        #expect(why.contains("different numbers or series: \(reason) (score capped at 0.60)"), "\(why)")
    }

    @Test func theSameSeriesWrittenOtherwiseMatches() {
        #expect(Self.best("Atlas Capital Fund 3 LP", [listed("X", "ATLAS CAPITAL FUND III LP", kind: .organisation)]).score == 1)
    }

    @Test(arguments: [
        ("Ivan Petrovich Sidorchuk", "SIDORCHUK, Ivan Ivanovich", "petrovich and ivanovich (patronymics)"),
        ("Khalid bin Saleh Al-Harbani", "KHALID BIN OMAR AL-HARBANI", "saleh and omar"),
    ])
    func conflictingMiddleNamesLowerTheScore(query: String, name: String, reason: String) {
        let entities = [listed("P", name)]
        let (score, why) = Self.best(query, entities)
        #expect(score < Self.threshold, "\(query): \(score)")
        #expect(why.contains("different middle names: \(reason) (counted in full)"), "\(why)")
        // Without the middle name the same person is still a match: missing is not conflicting.
        let words = query.split(separator: " ")
        let bare = "\(words[0]) \(words[words.count - 1])"
        #expect(Self.best(bare, entities).score >= Self.threshold, "\(bare)")
    }

    @Test func aPlaceQualifierOnlyTheListHasCountsInFull() {
        let (score, why) = Self.best("Ostrava Commerce Bank", [listed("B", "OSTRAVA COMMERCE BANK POLSKA", kind: .organisation)])
        #expect(score < Self.threshold, "\(score)")
        #expect(why.contains("the listed name is qualified by polska (a place, counted in full)"), "\(why)")
        let (other, otherWhy) = Self.best("Ostrava Commerce Bank Russia", [listed("B", "OSTRAVA COMMERCE BANK POLSKA", kind: .organisation)])
        #expect(other <= 0.6)
        #expect(otherWhy.contains("different places: russia and polska"), "\(otherWhy)")
    }

    // MARK: Titles, numbers, abbreviations, nicknames, joined words

    @Test(arguments: [
        "Präsident Aliaksandr Lukashenka", "Президент Александр Лукашенко", "Presidente Aliaksandr Lukashenka",
        "Sheikh Aliaksandr Lukashenka", "Gen. Aliaksandr Lukashenka", "Dr Aliaksandr Lukashenka", "Ministre Aliaksandr Lukashenka",
    ])
    func titlesInOtherLanguagesAreNotNameWords(query: String) {
        let (score, why) = Self.best(query, [listed("L", "LUKASHENKA, Aliaksandr")])
        #expect(score >= 0.9, "\(query): \(score)")
        #expect(!why.contains("only the name has"), "\(why)")
    }

    @Test(arguments: [
        ("Second Ocean Shipping", "2ND OCEAN SHIPPING"),
        ("Twenty-One Century Trading", "21 CENTURY TRADING"),
        ("Seven Seas Navigation", "7 SEAS NAVIGATION"),
        ("Volga Intl Trading House", "VOLGA INTERNATIONAL TRADING HOUSE"),
    ])
    func numbersAndAbbreviationsAreTheirEquivalents(query: String, name: String) {
        let (score, why) = Self.best(query, [listed("X", name, kind: .organisation)])
        #expect(score == 1, "\(query): \(score) \(why)")
    }

    @Test(arguments: [
        ("Bill Kowalczyk", "William Kowalczyk", "bill ≈ william (nickname)"),
        ("Bob Kowalczyk", "Robert Kowalczyk", "bob ≈ robert (nickname)"),
        ("Sasha Kovalenko", "Aleksandr Kovalenko", "sasha ≈ aleksandr (nickname)"),
    ])
    func nicknamesMatchBelowTheGivenName(query: String, name: String, reason: String) {
        let entities = [listed("P", name)]
        let (score, why) = Self.best(query, entities)
        #expect(score >= Self.threshold, "\(query): \(score)")
        #expect(score < Self.best(name, entities).score)
        #expect(why.contains(reason), "\(why)")
    }

    @Test(arguments: [
        ("OlafScholzinger", "Olaf Scholzinger", 0.99), ("DeutscheTelekomAG", "DEUTSCHE TELEKOM AG", 0.99),
        ("Ekaterina Mak Simova", "Ekaterina Maksimova", 0.85),
    ])
    func wordsWrittenTogetherOrApartMatch(query: String, name: String, minimum: Double) {
        let (score, why) = Self.best(query, [listed("X", name, kind: name.hasSuffix("AG") ? .organisation : .person)])
        #expect(score >= minimum, "\(query): \(score) \(why)")
    }

    /// Lithuanian and Latvian forms of a listed name: nominative endings on a name.
    @Test(arguments: ["Vladimiras Putinas", "Vladimirs Putins", "Aliaksandras Lukashenka", "Aleksandrs Lukašenko"])
    func balticEndingsMatch(query: String) {
        let entities = [listed("P", "PUTIN, Vladimir"), listed("L", "LUKASHENKA, Aliaksandr", aliases: ["LUKASHENKO, Aleksandr"])]
        let match = NameScreener(entities: entities).screen(query, threshold: 0).first
        #expect((match?.score ?? 0) >= 0.85, "\(query): \(match?.why ?? "")")
        #expect(match?.score ?? 1 < 1)
    }

    @Test func aBalticEndingNeedsAWholeNameBeforeIt() {
        let forms = { (text: String) in
            TokenForms(key: Array(text.utf8)[...], text: Array(text.utf8)[...], phonetic: PhoneticKey.key(Array(text.utf8)[...])[...])
        }
        #expect(TokenComparison.inflectedEnding(Array("putinas".utf8)[...], Array("putin".utf8)[...]) == 2)
        #expect(TokenComparison.inflectedEnding(Array("alias".utf8)[...], Array("ali".utf8)[...]) == nil)
        #expect(TokenComparison.inflectedEnding(Array("putinos".utf8)[...], Array("putin".utf8)[...]) == nil)
        #expect(TokenComparison.compare(forms("putinas"), forms("putin"), parameters: ScoringParameters())?.how == .typo)
    }

    @Test func camelCaseSplitsOnlyLongParts() {
        let normalizer = NameNormalizer.standard
        #expect(normalizer.normalize("McDonald").keys.count == 1)
        #expect(normalizer.normalize("MacArthur").keys.count == 1)
        #expect(normalizer.normalize("OlafScholz").keys == ["olaf", normalizer.fold("scholz")])
    }

    // MARK: Acronyms and national forms of a name

    /// An acronym against the words it stands for: a weaker match, with its reason.
    @Test(arguments: [
        ("PDVSA", "PETROLEOS DE VENEZUELA, S.A."),
        ("IRGC", "ISLAMIC REVOLUTIONARY GUARD CORPS"),
        ("IOPTC", "IRANIAN OIL PIPELINES AND TELECOMMUNICATION CO."),
        ("AICTC", "ADVANCED INFORMATION AND COMMUNICATION TECHNOLOGY CENTER"),
    ])
    func anAcronymIsAWeakerMatch(query: String, name: String) {
        let (score, why) = Self.best(query, [listed("O", name, kind: .organisation)])
        #expect(score == 0.8, "\(query): \(score) \(why)")
        #expect(why.contains("\(query.lowercased()) ≈ "), "\(why)")
        #expect(why.contains("(acronym of the listed words, a weaker match)"), "\(why)")
    }

    @Test func theWordsOfAListedAcronymMatchIt() {
        let (score, why) = Self.best("Islamic Revolutionary Guard Corps", [listed("O", "IRGC", kind: .organisation)])
        #expect(score == 0.8, "\(score) \(why)")
        #expect(why.contains("islamic revolutionary guard corps ≈ irgc (the listed acronym of these words, a weaker match)"), "\(why)")
    }

    /// A legal form's letters do not make a company's two words another's acronym, and a
    /// person's name is never an acronym.
    @Test(arguments: [
        ("Industrias Rocha S.A.", "IRSA S.A.", ListedEntity.Kind.organisation),
        ("Conrado Ribes Aranda S.L.N.E.", "CRAS", .organisation),
        ("IRGC", "ISLAMIC REVOLUTIONARY GUARD CORPS", .person),
    ])
    func notAnAcronym(query: String, name: String, kind: ListedEntity.Kind) {
        let (score, why) = Self.best(query, [listed("O", name, kind: kind)])
        #expect(score < Self.threshold, "\(query): \(score) \(why)")
        #expect(!why.contains("acronym"))
    }

    /// The Belarusian and Ukrainian forms of a given name are the Russian form's.
    @Test(arguments: [
        ("Siarhei Azemsha", "AZEMSHA, Sergei"), ("Ihor Semenchev", "SEMENCHEV, Igor"),
        ("Volodymyr Kovalenko", "KOVALENKO, Vladimir"), ("Uladzimir Makei", "MAKEI, Vladimir"),
    ])
    func nationalFormsOfAGivenNameMatch(query: String, name: String) {
        let (score, why) = Self.best(query, [listed("P", name)])
        #expect(score >= 0.95, "\(query): \(score) \(why)")
    }

    // MARK: Scripts

    /// A listed person's name in another script, against the Latin form a list gives. Not yet
    /// found (docs/screening.md): Thai, Khmer (ICU has no Khmer-Latin), Myanmar (a name is one
    /// word) and Japanese names in kana or kanji.
    @Test(arguments: [
        ("Han", "习近平", "XI, Jinping"),
        ("Han, traditional", "習近平", "XI, Jinping"),
        ("Hangul", "김정은", "KIM, Jong Un"),
        ("Hangul", "최룡해", "CHOE, Ryong Hae"),
        ("Devanagari", "नरेंद्र मोदी", "MODI, Narendra"),
        ("Bengali", "মুহাম্মদ ইউনূস", "YUNUS, Muhammad"),
        ("Georgian", "ბიძინა ივანიშვილი", "IVANISHVILI, Bidzina"),
        ("Armenian", "Վլադիմիր Պուտին", "PUTIN, Vladimir Vladimirovich"),
        ("Ethiopic", "አብይ አሕመድ", "AHMED, Abiy"),
        ("Greek", "Βλαντιμίρ Πούτιν", "PUTIN, Vladimir Vladimirovich"),
        ("Arabic", "بشار الأسد", "AL-ASSAD, Bashar"),
        ("Hebrew", "בנימין נתניהו", "NETANYAHU, Binyamin"),
    ])
    func scriptsAreRomanised(script: String, query: String, name: String) {
        let (score, why) = Self.best(query, [listed("P", name)])
        #expect(score >= Self.threshold, "\(script) \(query) → \(NameNormalizer.standard.normalize(query).keys): \(score) \(why)")
    }
}
