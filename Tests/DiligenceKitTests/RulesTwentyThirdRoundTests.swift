import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-third round (`speed37`) works out once per run, or reads without hashing or
/// string indices, must answer as the general way: shutdown exposure's judgement of a site's
/// dependencies and fallbacks (a run memo), stale intelligence's numbered records, the factors'
/// table slot of a country code, the announced measures' countries, and human rights' quotation
/// marks and words read on bytes. Checked on the shipped policies, the example and files of the
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

    /// The shutdown findings of every policy with the run's memo of judged sites (shared by the
    /// policies, asked in `policies`' order) and judged again at every site.
    static func shutdown(_ policies: [Policy], asOf: Day, memo: RuleRunMemo) -> (memos: [Finding], general: [Finding]) {
        let rule = ShutdownExposureRule()
        var memos: [Finding] = [], general: [Finding] = []
        for policy in policies {
            let context = context(policy, asOf: asOf, memo: memo)
            memos += rule.findings(context)
            general += rule.findings(context, memos: false)
        }
        return (memos, general)
    }

    /// Every field of every shutdown finding is the general way's, at three dates, in two orders,
    /// with the memo empty (the first pass) and filled (the second).
    @Test func shutdownSitesAsTheGeneralWay() throws {
        let policies = try Self.policies()
        var found = 0, indirect = 0, covered = 0
        for asOf in Self.dates {
            for order in [policies, policies.reversed()] {
                let memo = RuleRunMemo()
                for _ in 0..<2 {
                    let (memos, general) = Self.shutdown(order, asOf: asOf, memo: memo)
                    #expect(memos == general)
                    #expect(try Self.json(memos) == Self.json(general))
                    found += general.count
                    indirect += general.filter { $0.message.contains("(which blocked ") }.count
                    covered += general.filter { $0.path.contains { $0.hasPrefix("covered by ") } }.count
                }
            }
        }
        // The real inputs have shutdown findings of each kind the memo keeps texts for.
        #expect(found > 100)
        #expect(indirect > 0)
        #expect(covered > 0)
    }

    /// Two threads asking the shared memo at once, one forwards and one backwards, each make the
    /// general way's findings.
    @Test func shutdownSitesFromTwoThreads() throws {
        let policies = try Self.policies()
        let memo = RuleRunMemo()
        let forwards = Self.shutdown(policies, asOf: TestData.asOf, memo: RuleRunMemo()).general
        let backwards = Self.shutdown(policies.reversed(), asOf: TestData.asOf, memo: RuleRunMemo()).general
        let results = Guarded<[Int: [Finding]]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let order = thread == 0 ? policies : policies.reversed()
            var made: [Finding] = []
            let rule = ShutdownExposureRule()
            for policy in order { made += rule.findings(Self.context(policy, asOf: TestData.asOf, memo: memo)) }
            results.update { $0[thread] = made }
        }
        let both = results.value
        #expect(!forwards.isEmpty)
        #expect(both[0] == forwards)
        #expect(both[1] == backwards)
    }

    /// The memo's key tells apart sites whose lists differ in order, length or bytes, and the
    /// factor and date.
    @Test func shutdownSiteKeys() throws {
        let yaml = TestData.minimal(
            """
            sites:
              - id: a
                country: BY
                depends_on: [internet, slack]
                continuity: [satellite]
              - id: b
                country: BY
                depends_on: [slack, internet]
                continuity: [satellite]
              - id: c
                country: BY
                depends_on: [internet, slack]
                continuity: []
            """)
        let sites = try TestData.policy(yaml).sites
        let parts = RuleRunMemo.PartsKey(factor: "f", asOf: TestData.asOf)
        let keys = sites.map { ShutdownExposureRule.SiteKey(parts: parts, $0) }
        #expect(keys[0] != keys[1])
        #expect(keys[0] != keys[2])
        #expect(keys[0] == ShutdownExposureRule.SiteKey(parts: parts, sites[0]))
        #expect(keys[0] != ShutdownExposureRule.SiteKey(parts: RuleRunMemo.PartsKey(factor: "g", asOf: TestData.asOf), sites[0]))
        #expect(keys[0] != ShutdownExposureRule.SiteKey(parts: RuleRunMemo.PartsKey(factor: "f", asOf: TestData.asOf.adding(days: 1)), sites[0]))
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
