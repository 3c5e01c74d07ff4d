import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-third round (`speed37`) reads without hashing or string indices must answer
/// as the general way: stale intelligence's numbered records, the factors' table slot of a
/// country code, the announced measures' countries, and human rights' quotation marks and words
/// read on bytes. Checked on the shipped policies, the example and files of the
/// heavy and moderate portfolios (`Fixtures/portfolio`, `Fixtures/portfolio22`).
@Suite struct RulesTwentyThirdRoundTests {
    static let dates = RulesTwentySecondRoundTests.dates

    static func policies() throws -> [Policy] {
        try RulesTwentySecondRoundTests.policies()
    }

    static func context(_ policy: Policy, asOf: Day, memo: RuleRunMemo, findings: [Finding] = []) -> RuleContext {
        let workspace = TestData.workspace
        return RuleContext(
            policy: policy, database: workspace.database, asOf: asOf, vocabularies: workspace.vocabularies, settings: .defaults,
            screener: NameScreener(entities: []), findings: findings, runMemo: memo,
            destinations: DestinationResolver(database: workspace.database))
    }

    static func json(_ findings: [Finding]) throws -> Data {
        try RulesTwentySecondRoundTests.json(findings)
    }

    /// Stale intelligence with numbered records makes the findings the sets of texts made: every
    /// policy's whole-check findings (other rules') as the review input, at three dates.
    @Test func staleRecordsAsTheGeneralWay() throws {
        let policies = try Self.policies()
        let rule = StaleIntelligenceRule()
        var found = 0
        for asOf in Self.dates {
            let checked = Array(TestData.check(policies, asOf: asOf).findings).filter { $0.rule != .staleIntelligence }
            for policy in policies {
                let own = checked.filter { $0.location.file == policy.file }
                for findings in [own, own.reversed(), own + own] {
                    let context = Self.context(policy, asOf: asOf, memo: RuleRunMemo(), findings: findings)
                    let numbered = rule.check(context), general = rule.findingsByTexts(context)
                    #expect(numbered == general, "\(policy.file)")
                    #expect(try Self.json(numbered) == Self.json(general))
                    found += general.count
                }
            }
        }
        #expect(found > 0)
    }

    /// A country code's slot read on its bytes is the iterator's, for every country of the table
    /// and codes of other shapes.
    @Test func slotsOfCodes() {
        var codes = (CountryTable.shared?.countries ?? []).map(\.code)
        codes += ["", "M", "mz", "Mz", "MZZ", "ÄB", "M\u{0}", "1A", "AA", "ZZ", "@Z", "[A", "Z@", "A[", "M\u{301}", "МZ", "MZ "]
        #expect(codes.count > 200)
        for code in codes {
            #expect(FactorsInForce.slot(of: code) == FactorsInForce.slotByIterator(of: code), "\(code)")
        }
    }

    /// `CountrySlots` answers as the set it is made of: the announced measures' countries, every
    /// country, two countries with one code, codes of other shapes; asked for every country of
    /// the table, of the database and of the odd ones.
    @Test func countrySlotsAsTheSet() {
        let table = CountryTable.shared?.countries ?? []
        let database = Set(TestData.workspace.database.factors.map(\.country))
        let odd = [
            Country(code: "MZ", name: "Moçambique"), Country(code: "XKX", name: "Kosovo"), Country(code: "mz", name: "Mozambique"),
            Country(code: "", name: ""), Country(code: "MZ", name: "Mozambique"),
        ]
        let announced = Set(TestData.dates2021.flatMap { AnnouncedMeasureRule.Announced(TestData.workspace.database, asOf: $0).countries.members })
        let sets: [Set<Country>] = [[], announced, database, Set(table), Set(odd), database.union(odd)]
        let probes = table + Array(database) + odd
        for members in sets {
            let slots = CountrySlots(members)
            for country in probes {
                #expect(slots.contains(country) == members.contains(country), "\(country.code) \(country.name)")
            }
        }
        #expect(!announced.isEmpty)
    }

    /// The names' quotation marks and dashes as spaces, and a key's words, read on bytes are the
    /// scalars' (byte for byte): every counterparty name and alias of the real inputs, folded and
    /// not, and texts made to catch them out.
    @Test func namesReadOnBytes() throws {
        var texts: [String] = []
        for policy in try Self.policies() {
            for party in policy.counterparties { texts += [party.name] + party.aliases }
        }
        texts += [
            "", "«", "»", "УП «Уралпромтелеком»", "ОАО „Беларуськалий“", "a–b—c‐d", "‘x’ ‚y‘ “z” „w“", "\u{2011}", "\u{2012}", "\u{2015}",
            "\u{201B}", "\u{201F}", "\u{00AA}\u{00BA}\u{00B2}\u{00BD}", "µ-test", "Zé\u{301}ze", "汉字 名", "a\u{0}b", "a\r\nb", "ґ\u{0483}x",
            "\u{0482}\u{0489}", "Ѐ-ԯ", "😀 smile", "x\u{00A0}y", "¡hola!", "end«", "»start", "e\u{2019}",
        ]
        var quoted = 0, cyrillic = 0
        for text in texts {
            let spaced = HumanRightsObligationsRule.quotesAsSpaces(text)
            let general = HumanRightsObligationsRule.quotesAsSpacesByScalars(text)
            #expect(Array(spaced.utf8) == Array(general.utf8), "\(text)")
            if spaced != text { quoted += 1 }
            for key in [text, TextFolding.key(general), TextFolding.key(text)] {
                let words = HumanRightsObligationsRule.wordsOfScalars(key)
                let byIndex = HumanRightsObligationsRule.wordsOfScalarsByIndex(key)
                #expect(words.map { $0.map { Array($0.utf8) } } == byIndex.map { $0.map { Array($0.utf8) } }, "\(key)")
                if key.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }), words != nil { cyrillic += 1 }
            }
        }
        #expect(quoted > 5)
        #expect(cyrillic > 5)
    }
}

extension TestData {
    /// Dates at which the seed database has measures announced but not yet in force, and one
    /// after (the examples' date among them).
    static let dates2021 = ["2020-09-30", "2021-01-15", "2021-06-30"].compactMap(Day.init(iso:))
}
