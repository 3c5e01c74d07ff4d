import Testing

@testable import DiligenceKit

/// Issue 16, twentieth round (recall15): an organisation's alias that adds or drops sector
/// words around the distinctive word that names it (`DistinctiveWords`: the matched words need
/// weigh only `distinctiveWordsShare` of the extra words; a common word of the list written
/// otherwise beside it), and an English inflection as a stem ("WHEELED" / "WHEEL"). The cases
/// are OFAC aliases of the OFAC-derived dev split; the near misses are the hard negatives the
/// rule must keep apart.
@Suite struct ScreeningTwentiethRoundRecallTests {
    static let list = [
        listed("prometheus", "PROMETHEUS LIMITED TRADE DEVELOPMENT", kind: .organisation),
        listed("minsk", "MINSK WHEEL TRACTOR PLANT", kind: .organisation),
        listed("kraverton", "KRAVERTON LP", kind: .organisation),
        listed("hormoz", "HORMOZ OIL REFINING COMPANY", kind: .organisation),
        listed("db", "DEUTSCHE BANK", kind: .organisation),
        listed("fund", "ZENVORA CAPITAL FUND III", kind: .organisation),
        listed("luminor", "LUMINOR ENGINEERING TRADE AND DEVELOPMENT COMPANY", kind: .organisation),
    ]

    /// The bound on for this short list too, as on the full OFAC list.
    static var screener: NameScreener { boundedScreener(list) }

    static func screener(_ change: (inout ScoringParameters) -> Void) -> NameScreener {
        var parameters = ScoringParameters()
        change(&parameters)
        return NameScreener(entities: list, parameters: parameters)
    }

    /// Sector words added and dropped around the distinctive word: a match with the reason, at
    /// most the rule's cap; before this round (the matched words as heavy as the extra words)
    /// none.
    @Test(arguments: [
        ("PROMETHEUS ENERGY", "prometheus", "the names share the distinctive word prometheus; their other words (energy, trade, development)"),
        ("KRAVERTON CONSTRUCTION TRADE AND DEVELOPMENT LP", "kraverton", "their other words (construction, trade, development) are common"),
    ])
    func sectorWordsAroundTheNameCostLess(query: String, id: String, reason: String) {
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == id, "\(query): \(found.map(\.why))")
        #expect(found.first.map { $0.why.contains(reason) && $0.score <= 0.8 } == true, "\(found.map(\.why))")
        let before = Self.screener { $0.distinctiveWordsShare = 1 }
        #expect(before.screen(query, threshold: 0.70).filter { $0.entity.id == id }.isEmpty, "\(query)")
    }

    /// A sector word translated beside the distinctive word (Russian "inzhiniringovyi",
    /// engineering) does not stop the rule; the why names it. Without it, the pair stays below.
    @Test func aSectorWordTranslated() {
        let query = "LUMINOR INZHINIRINGOVYI ENERGY"
        let found = Self.screener.screen(query, threshold: 0.70)
        #expect(found.first?.entity.id == "luminor", "\(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("(inzhiniringovyi / engineering written otherwise)") } == true, "\(found.map(\.why))")
        let before = Self.screener { $0.distinctiveWordsVariants = 0 }
        #expect(before.screen(query, threshold: 0.70).filter { $0.entity.id == "luminor" }.isEmpty)
    }

    /// What the rule keeps apart: a place added ("Polska"), a series number changed ("Fund
    /// IV"), a distinctive word swapped for another ("BAMAKO" for "REFINING"), a distinctive
    /// word written otherwise, a person's name.
    @Test(arguments: [
        ("Deutsche Bank Polska", "db"), ("KRAVERTON POLSKA LOGISTICS", "kraverton"), ("ZENVORA CAPITAL FUND IV", "fund"),
        ("HORMOZ OIL BAMAKO COMPANY", "hormoz"), ("PROMETHEAS ENERGY TRADE", "prometheus"), ("PROMETHEUS, Ivan", "prometheus"),
    ])
    func nearMissesStayApart(query: String, id: String) {
        let found = Self.screener.screen(query, threshold: 0.70).filter { $0.entity.id == id && $0.why.contains("distinctive") }
        #expect(found.isEmpty, "\(query): \(found.map(\.why))")
    }

    /// "ed", "es" and "ing" on a word of four letters or more; not a shorter word, another
    /// ending, or two different words.
    @Test(arguments: [
        ("wheeled", "wheel", true), ("wheel", "wheeled", true), ("boxes", "box", false), ("mining", "min", false),
        ("building", "build", true), ("branches", "branch", true), ("wheeler", "wheel", false), ("welded", "wheel", false),
    ])
    func inflection(a: String, b: String, same: Bool) {
        #expect(TokenComparison.inflected(Array(a.utf8)[...], Array(b.utf8)[...]) == same)
    }

    /// "MINSK WHEELED TRACTOR PLANT" is OFAC's "MINSK WHEEL TRACTOR PLANT": every word matched,
    /// "wheeled" by its stem; without the stem it stays below.
    @Test func anInflectedWordIsItsStem() {
        let found = Self.screener.screen("MINSK WHEELED TRACTOR PLANT", threshold: 0.70)
        #expect(found.first?.entity.id == "minsk", "\(found.map(\.why))")
        #expect(found.first.map { $0.why.contains("wheeled ≈ wheel (same stem)") } == true, "\(found.map(\.why))")
        let before = Self.screener { $0.inflectedStem = 0 }
        #expect(before.screen("MINSK WHEELED TRACTOR PLANT", threshold: 0.70).filter { $0.entity.id == "minsk" }.isEmpty)
    }
}
