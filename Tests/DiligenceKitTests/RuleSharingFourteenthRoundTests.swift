import Foundation
import Testing

@testable import DiligenceKit

/// What the fourteenth round (`speed12`) does more cheaply must give the old answers: each key
/// folded in one pass over the bytes, findings sorted without moving them at every step, cited
/// events ordered without copying their factor.
@Suite struct RuleSharingFourteenthRoundTests {
    /// The old way of `TextFolding.key` for a text of ASCII and the tables' letters.
    static func oldKey(_ text: String) -> String? {
        TextFolding.latinFolded(text).map(TextFolding.spaced)
    }

    /// A deterministic generator (SplitMix64), so that a failure can be replayed.
    typealias Random = SplitMix64

    /// Every letter of the tables, alone and between every kind of ASCII neighbour (letters,
    /// digits, separators, the backquote): the same key as folding the text, then spacing it.
    @Test func everyLetterKeysAsBefore() {
        let letters = (Array(0xC0...0x24F) + Array(0x400...0x481) + Array(0x48A...0x52F)).compactMap {
            Unicode.Scalar($0).map { String(Character($0)) }
        }
        #expect(letters.count > 600)
        let around = ["", " ", "-", "_", "`", "a", "Z", "9", "  ", "\t", "\n", " - "]
        for letter in letters {
            for before in around {
                for after in around {
                    let text = before + letter + after + letter
                    #expect(TextFolding.latinKey(text) == Self.oldKey(text), "\(text)")
                    #expect(TextFolding.key(text) == Self.oldKey(text), "\(text)")
                }
            }
        }
    }

    /// 20,000 random texts of ASCII letters, digits, separators, punctuation and the tables'
    /// letters: the same key as before, and (on 2,000 of them) as Foundation's folding.
    @Test func randomTextsKeyAsBefore() {
        let pool: [String] =
            (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) } + ["\t", "\n", "  ", " - ", "_"]
            + (0xC0...0x24F).compactMap { Unicode.Scalar($0).map(String.init) }
            + (0x400...0x52F).filter { !(0x482...0x489).contains($0) }.compactMap { Unicode.Scalar($0).map(String.init) }
        var random = Random(state: 14)
        for round in 0..<20_000 {
            let text = (0..<(1 + random.below(24))).map { _ in pool[random.below(pool.count)] }.joined()
            #expect(TextFolding.latinKey(text) == Self.oldKey(text), "\(text)")
            if round % 10 == 0 {
                #expect(TextFolding.key(text) == TextFolding.spaced(TextFolding.folded(text)), "\(text)")
            }
        }
    }

    /// Texts with any other scalar take Foundation's way, as before: the one-pass key is nil.
    @Test(arguments: ["Мос\u{483}ква", "e\u{301}cole", "Ὀδυσσεύς", "ｆｕｌｌ", "naïve ’quote’", "a´b", "東京", "Zé\u{200D}ze", "x—y"])
    func otherTextsAreNotKeyedInOnePass(_ text: String) {
        #expect(TextFolding.latinKey(text) == nil)
        #expect(Self.oldKey(text) == nil)
        #expect(TextFolding.key(text) == TextFolding.spaced(TextFolding.folded(text)))
    }

    /// Every name and alternate name of the built-in gazetteer keys as before.
    @Test func everyGazetteerNameKeysAsBefore() throws {
        var checked = 0
        for file in ["gazetteer/cities.tsv", "gazetteer/supplement.tsv"] {
            let (bytes, _) = try BuiltinResources.data(file)
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") {
                    for name in field.split(separator: "|") {
                        let text = String(name)
                        #expect(TextFolding.latinKey(text) == Self.oldKey(text), "\(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 40_000)
    }

    /// The words a counterparty's name is searched by are the words of its key, as before.
    @Test(arguments: ["OAO Belaruskali", "Zézé Cuamba S.A.", "ОАО «Беларуськалий»", "Łódź-Trans sp. z o.o.", "Ёлкин Й.", "Straße_AG"])
    func nameWordsAreTheKeysWords(_ name: String) {
        // Foundation's folding, spaced: the key of any text, whichever way it is made.
        let key = TextFolding.spaced(TextFolding.folded(name))
        let words = key.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        #expect(HumanRightsObligationsRule.words(name) == words)
    }

    static func findings(count: Int, seed: UInt64) throws -> [Finding] {
        let policies = [try TestData.policy(TestData.minimal(""), file: "b.yaml"), try TestData.policy(TestData.minimal(""), file: "a.yaml")]
        let rules: [RuleID] = [.conflictProximity, .tradeRestriction, .staleIntelligence, .humanRightsObligations]
        var random = Random(state: seed)
        return (0..<count).map { index in
            var finding = Finding(
                rule: rules[random.below(rules.count)], severity: .medium, policy: policies[random.below(2)],
                mark: Mark(line: 3 + random.below(4), column: 3 + random.below(2)),
                subject: ["site-1", "site-2", "policy"][random.below(3)], subjectKind: .site, subjectName: "S",
                factor: nil, message: "finding \(index)")
            if random.below(2) == 0 { finding.identityFactor = ["DRF-1", "DRF-2"][random.below(2)] }
            return finding
        }
    }

    /// Findings put in report order by positions and swaps are the findings `sort()` sorts, in
    /// the same order, ties (equal but for their message) included.
    @Test func reportOrderIsTheSortedOrder() throws {
        for seed in UInt64(1)...40 {
            let findings = try Self.findings(count: Int(seed) * 3, seed: seed)
            var sorted = findings
            sorted.sortInReportOrder()
            #expect(sorted.map(\.message) == findings.sorted().map(\.message), "seed \(seed)")
            #expect(Finding.reportOrder(of: findings) == findings.indices.sorted { findings[$0] < findings[$1] })
        }
    }

    /// Cited events' evidence order is the order of `(date, id ?? "")`, for every factor with
    /// events in the seeds and random subsets of them.
    @Test func evidenceOrderIsByDateThenId() {
        var random = Random(state: 7)
        for factor in TestData.workspace.database.factors where !factor.events.isEmpty {
            let events = factor.events
            for _ in 0..<20 {
                let positions = (0..<(1 + random.below(12))).map { _ in random.below(events.count) }
                let old = positions.sorted { a, b in (events[a].date, events[a].id ?? "") < (events[b].date, events[b].id ?? "") }
                #expect(ConflictProximityRule.evidenceOrder(positions, of: events) == old, "\(factor.id)")
            }
        }
    }
}

extension RuleSharingFourteenthRoundTests {
    /// The letters a name keeps, counted without joining ASCII words: the joined words' count.
    @Test(arguments: [
        [], ["belaruskali"], ["a", "b", "c"], ["zeze", "cuamba"], ["беларуськалий"], ["e\u{301}cole", "x"], ["\u{1100}", "\u{1161}"], ["abc", "de"],
    ])
    func letterCountIsTheJoinedCount(_ words: [String]) {
        #expect(HumanRightsObligationsRule.letterCount(words) == words.joined().count)
    }
}
