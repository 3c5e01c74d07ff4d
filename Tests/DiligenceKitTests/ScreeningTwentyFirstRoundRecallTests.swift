import Testing

@testable import DiligenceKit

/// Issue 16, twenty-first round (recall16): names added to a listed person's whole name
/// (`AddedNames`: "AYASH, Mostafa Moin Mahmoud" / "AYASH, Mustafa"), and the candidate bound's
/// rescue of the one word of an organisation's name the lookup did not reach (`loneUnreached`:
/// "BONYAD SHIPPING AGENTS COMPANY" / "... AGENCIES ..."). The cases are OFAC aliases of the
/// OFAC-derived dev split; the near misses are the hard negatives the rules must keep apart.
@Suite struct ScreeningTwentyFirstRoundRecallTests {
    static let list = [
        listed("ayash", "AYASH, Mustafa"),
        listed("karim", "KARIM, Shakeel"),
        listed("abdollahi", "ABDOLLAHI, Ali"),
        listed("mirdamadi", "MIRDAMADI, Pouria"),
        listed("hamsho", "HAMSHO, Muhammad"),
        listed("petrov", "PETROV, Ivan Petrovich"),
        listed("masri", "AL-MASRI, Ahmed bin Saleh"),
        listed("pulido", "PULIDO VALDIVIA, Javier"),
        listed("husayn", "HUSAYN, Muhammad"),
        listed("khazein", "KHAZEIN, Mahmoud"),
        listed("bonyad", "BONYAD SHIPPING AGENCIES COMPANY", kind: .organisation),
        listed("agents", "GLOBAL SHIPPING AGENTS LIMITED", kind: .organisation),
        listed("db", "DEUTSCHE BANK", kind: .organisation),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener { boundedScreener(list) }

    static func screener(_ change: (inout ScoringParameters) -> Void) -> NameScreener {
        boundedScreener(list, change)
    }

    /// A listed person's whole name inside the query's, the first given name first: a match
    /// with the reason, at most the rule's cap; without the rule (`addedNameCost` 1) none.
    @Test(arguments: [
        ("AYASH, Mostafa Moin Mahmoud", "ayash", "the name's other words (moin, mahmoud) count 0.30"),
        ("FAZAL, Shakeel Karim", "karim", "the name's other words (fazal) count 0.30"),
        ("ESFAHANI, Pouria Mir Damadi", "mirdamadi", "the name's other words (esfahani) count 0.30"),
    ])
    func namesAddedToAListedPersonsWholeName(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        let why = found.first?.why ?? ""
        #expect(why.contains("every word of the listed name is in the name, the first given name first") && why.contains(reason), "\(why)")
        #expect(found.first.map { $0.score <= 0.84 } == true)
        let before = Self.screener { $0.addedNameCost = 1 }
        #expect(before.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// What the rule keeps apart: a relative whose first given name is another ("Ali Muhammad
    /// HAMSHO" is Ali, son of Muhammad), a different patronymic or "bin ...", another given
    /// name with the same surnames, three words added, an organisation's name, two common given
    /// names that weigh less than the added surname (an OFAC hard negative), sound-alikes.
    @Test(arguments: [
        ("HAMSHO, Ali Muhammad", "hamsho"), ("PETROV, Ivan Ivanovich Sergeev", "petrov"), ("AL-MASRI, Ahmed bin Omar Khalil", "masri"),
        ("PULIDO VALDIVIA, Francisco", "pulido"), ("AYASH, Mostafa Moin Mahmoud Khalil", "ayash"), ("SHAKEEL KARIM TRADING LLC", "karim"),
        ("Mohammad Shakeel Karim", "karim"), ("FADLALLAH, Shaykh Muhammad Husayn", "husayn"), ("FADLALLAH, Shaykh Muhammad Husayn", "khazein"),
    ])
    func nearMissesStayApart(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.0).filter { $0.entity.id == id && $0.why.contains("the first given name first") }
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// The loosened bound finds what scoring every name finds, for the rule's names and the
    /// near misses alike.
    @Test func theBoundKeepsTheAddedNames() {
        let screener = Self.screener
        var scratch = Scratch(names: screener.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in [
            "AYASH, Mostafa Moin Mahmoud", "FAZAL, Shakeel Karim", "ABDOLLAHI ALIABADI, Ali", "ESFAHANI, Pouria Mir Damadi", "HAMSHO, Ali Muhammad",
            "PULIDO VALDIVIA, Francisco",
        ] {
            let indexed = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch)
            let exhaustive = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch, exhaustive: true)
            #expect(indexed.map(\.entity.id) == exhaustive.map(\.entity.id), "\(name)")
            #expect(indexed.map(\.score) == exhaustive.map(\.score), "\(name)")
        }
    }

    /// "AGENTS" is a word of the list, so the lookup does not look for its two-edit typo
    /// "AGENCIES"; the bound rescues the one word of the name it did not reach. Without the
    /// rescue the name is cut (0 at 0.70); scored in full it is the same.
    @Test func theLoneUnreachedWordIsCompared() {
        let query = "BONYAD SHIPPING AGENTS COMPANY"
        var scratch = Scratch(names: Self.screener.nameCount, vocabulary: Self.screener.index.vocabularyCount)
        let found = Self.screener.screen(ScreeningQuery(query), threshold: 0.70, scratch: &scratch)
        let exhaustive = Self.screener.screen(ScreeningQuery(query), threshold: 0.70, scratch: &scratch, exhaustive: true)
        #expect(found.first?.entity.id == "bonyad", "\(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("agents ≈ agencies") } == true, "\(found.map(\.why))")
        #expect(found.map(\.score) == exhaustive.map(\.score))
        let off = Self.screener { $0.boundComparesLoneWord = 0 }
        #expect(off.screen(query, threshold: 0.70).filter { $0.entity.id == "bonyad" }.isEmpty)
    }

    /// The rescue compares one word and keeps its guards: a person's name, a place added.
    @Test(arguments: [("Deutsche Bank Polska", "db"), ("SHIPPING, Agencio", "bonyad")])
    func theRescueKeepsNearMissesApart(query: String, id: String) {
        #expect(Self.screener.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }
}
