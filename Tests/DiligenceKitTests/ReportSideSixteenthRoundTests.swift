import Foundation
import Testing

@testable import DiligenceKit

/// The sixteenth round's cheaper report side (docs/performance.md, "Sixteenth round: the report
/// side (speed17)") answers as the code it replaced: a policy's table keys made with what its
/// findings share remembered as each finding's made alone, the summary part's risks and reach
/// as their definition, the Markdown headline's pre-test and arrow splits as the lowered
/// comparison and the split, and a reference found by its copy as by `==`.
@Suite struct ReportSideSixteenthRoundTests {
    /// Every key of one finding: what a test compares (`FindingTableKeys` is not `Equatable`).
    static func parts(_ keys: FindingTableKeys) -> [String] {
        [
            keys.evidence.map { "\($0.hash) \($0.factIDs)" } ?? "-", keys.events.map(\.text).joined(separator: "|"),
            keys.bands.map(String.init) ?? "-", keys.steps.map(String.init).joined(separator: ","),
            keys.recommendations.map(String.init) ?? "-", keys.binding.map(String.init) ?? "-", String(keys.message),
        ]
    }

    /// The findings of the example policies, and the same findings with their lists and steps
    /// made as new arrays and texts of the same bytes (no storage shared), interleaved: the keys
    /// a policy's maker gives are those each finding's own gives.
    @Test func aPolicysKeysAreEachFindingsOwn() throws {
        var compared = 0
        for policy in try FindingTableKeysTests.policies() {
            var findings: [Finding] = []
            for finding in policy.findings {
                findings.append(finding)
                var copy = finding
                copy.evidence = Array(finding.evidence.reversed().reversed())
                copy.recommendations = finding.recommendations.map { String(decoding: Array($0.utf8), as: UTF8.self) }
                copy.path = finding.path.map { String(decoding: Array($0.utf8), as: UTF8.self) }
                findings.append(copy)
                var other = finding
                other.path = finding.path.reversed()
                other.recommendations = finding.recommendations.dropLast()
                findings.append(other)
            }
            let made = try #require(FindingTableKeys.of(findings, wanted: true))
            #expect(made.count == findings.count)
            for (finding, keys) in zip(findings, made) { #expect(Self.parts(keys) == Self.parts(FindingTableKeys(finding))) }
            compared += findings.count
            #expect(FindingTableKeys.of(findings, wanted: false) == nil)
        }
        #expect(compared > 150)
    }

    /// The risks of a policy's part and the operations each reaches, for findings whose
    /// subjects alternate between risks, repeat after others and include the empty text: the
    /// definition (a set of subjects per risk, the first factor the catalogue knows).
    @Test(arguments: SummaryPartTests.optionSets)
    func theRisksReachAsTheirDefinition(options: CheckOptions) throws {
        let result = try SummaryPartTests.run(options)
        let catalog = FactorCatalog(TestData.workspace.database, asOf: options.asOf)
        var checked = 0
        for var policy in result.policies where policy.findings.count > 2 {
            let subjects = ["", "alpha", "beta", "", "alpha", String(decoding: Array("alpha".utf8), as: UTF8.self), "gamma-operation-with-a-long-name"]
            policy.findings =
                policy.findings.enumerated().map { index, finding in
                    var finding = finding
                    if index % 2 == 0 { finding.subject = subjects[index % subjects.count] }
                    return finding
                } + policy.findings.reversed()
            var order: [String] = []
            var severity: [String: Severity] = [:]
            var reached: [String: Set<String>] = [:]
            for finding in policy.findings
            where finding.severity >= options.reportMin && finding.accepted == nil && finding.rule != .staleIntelligence {
                let factor = finding.factors.first { catalog.knows($0) }
                let key = factor.map { "factor:" + $0 } ?? "rule:" + finding.rule.rawValue
                if severity[key] == nil { order.append(key) }
                severity[key] = max(severity[key] ?? .info, finding.severity)
                reached[key, default: []].insert(finding.subject)
            }
            let part = FindingSummary.Part(policy, options: options, factors: catalog, listsFailing: false, listsFindings: false)
            #expect(part.risks.map(\.key) == order)
            #expect(part.risks.map(\.severity) == order.map { severity[$0] })
            #expect(part.risks.map(\.operations) == order.map { reached[$0]?.count })
            checked += order.count
        }
        #expect(checked > 3)
    }

    /// The pre-test rules a step out only when, lowered, it is none of the steps the message
    /// may say: for steps of every case, with letters that lower to ASCII ones (the Kelvin
    /// sign), that lower to more than one scalar (İ) and other bytes in their first fifteen.
    @Test func theHeadlinesPreTestRulesOutOnlyStepsNoneOfWhichItSays() {
        let said = ["no location", "accepted risk ", "expired ", "export ", "import ", "goods: ", "site ", "company sector "]
        var steps = [
            "No Location", "no location.", "ACCEPTED RISK ar-1", "accepted ris\u{212A} ar-1", "Expired 2020-01-01", "EXPORT to Mali",
            "import from Mali", "Goods: cotton (not exempt)", "SITE Bamako depot in Mali", "Company Sector telecommunications",
            "\u{130}mport to Mali", "in Mali", "conflict-proximity", "accepted", "site", "goods:", "no", "", "é site x",
            "company sector", "compan\u{FF59} sector x", "site\u{0301} x",
        ]
        var generator = SplitMix64(state: 16_017)
        let letters = Array("aceginoprstxdkmlvyANESIGCK: .-\u{212A}é".unicodeScalars)
        for _ in 0..<3_000 {
            let prefix = said[Int(generator.next() % UInt64(said.count))]
            var step = String(
                prefix.unicodeScalars.map { scalar in
                    generator.next() % 3 == 0 ? Character(String(scalar).uppercased()) : Character(scalar)
                })
            if generator.next() % 2 == 0 {
                let cut = Int(generator.next() % UInt64(step.count + 1))
                step = String(step.prefix(cut))
                for _ in 0..<Int(generator.next() % 5) { step.unicodeScalars.append(letters[Int(generator.next() % UInt64(letters.count))]) }
            }
            steps.append(step)
        }
        for step in steps where !MarkdownReporter.mayBeSaid(step) {
            let lowered = step.lowercased()
            #expect(lowered != "no location" && !said.dropFirst().contains { lowered.utf8.starts(with: $0.utf8) }, "\(step)")
        }
        for step in ["No Location", "ACCEPTED RISK ar-1", "accepted ris\u{212A} ar-1", "\u{130}mport to Mali", "Goods: cotton"] {
            #expect(MarkdownReporter.mayBeSaid(step))
        }
        #expect(!MarkdownReporter.mayBeSaid("in Mali") && !MarkdownReporter.mayBeSaid("no location."))
        #expect(MarkdownReporter.messageSays("No location", "The site has no coordinates."))
        #expect(!MarkdownReporter.messageSays("in Mali", "The site is in Mali."))
        // A site step with no name before " in " (the range of the name would end before it
        // starts): not said, and no crash.
        #expect(!MarkdownReporter.messageSays("site in Mali", "The site is in Mali."))
        #expect(MarkdownReporter.messageSays("site Mine in Mali", "Site Mine in Mali is exposed."))
    }

    /// A path's steps split with the splits remembered for a group are the steps split alone,
    /// for repeated elements, elements of the same bytes made apart and elements without an arrow.
    @Test func stepsSplitOnceAreTheStepsSplitAlone() throws {
        var splits = MarkdownReporter.ArrowSplits()
        var compared = 0
        for policy in try FindingTableKeysTests.policies() {
            for finding in policy.findings {
                var copy = finding
                copy.path = finding.path.map { String(decoding: Array($0.utf8), as: UTF8.self) } + ["a → b → c", "x→y", "→", "financial-restriction → high"]
                for variant in [finding, copy, finding] {
                    let alone = MarkdownReporter.steps(variant)
                    #expect(MarkdownReporter.steps(variant, &splits) == alone)
                    compared += alone.count
                }
            }
        }
        #expect(compared > 200)
    }

    /// A reference is its copy's: equal, and found by `isCopy`; a reference with another text
    /// (of the same or other bytes) or date is no copy, and equal only when its texts are.
    @Test func aReferencesCopyIsEqualAndOnlyACopyIsFoundSo() throws {
        let date = try #require(PartialDate("2020-09"))
        let reference = Reference(source: "ACLED", title: "Attack on Quissanga", date: date, quote: "Insurgents attacked the town.", url: nil)
        let copy = reference
        #expect(copy.isCopy(of: reference) && copy == reference)
        var rebuilt = reference
        rebuilt.title = String(decoding: Array("Attack on Quissanga".utf8), as: UTF8.self)
        rebuilt.quote = String(decoding: Array("Insurgents attacked the town.".utf8), as: UTF8.self)
        #expect(!rebuilt.isCopy(of: reference) || rebuilt == reference)
        #expect(rebuilt == reference)
        var other = reference
        other.url = "https://example.org"
        #expect(!other.isCopy(of: reference) && other != reference)
        var undated = reference
        undated.date = nil
        #expect(!undated.isCopy(of: reference) && undated != reference)
    }
}

extension ReportSideSixteenthRoundTests {
    /// The last " in " found on the bytes of a plain step is Foundation's backwards search;
    /// a step that is not plain goes to Foundation.
    @Test func theLastInOfAStepIsFoundationsBackwardsSearch() {
        let steps = [
            "site depot in mali", "site in in in mali", "site a in b in c", "site no country", "site é in ségou", " in ", "in",
            "site x in\u{301} y in z", "site inside in mali", "site → in ≤ in", "",
        ]
        for step in steps {
            #expect(MarkdownReporter.lastIn(step) == step.range(of: " in ", options: .backwards), "\(step)")
        }
    }

    /// Lists of copies of the same texts are the same texts; another text, order or count is not.
    @Test func listsOfCopiesOfTheSameTextsAreTheSame() {
        let texts = ["Review the exposure with the compliance officer.", "Document the decision.", "ok"]
        let copies = texts.map { $0 }
        #expect(FindingTableKeys.Maker.sameTexts(texts, copies))
        #expect(!FindingTableKeys.Maker.sameTexts(texts, Array(texts.reversed())))
        #expect(!FindingTableKeys.Maker.sameTexts(texts, Array(texts.dropLast())))
        #expect(FindingTableKeys.Maker.sameTexts([], []))
        let rebuilt = texts.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        // Texts made apart may be other representations of the same bytes: not found so, never wrongly.
        if !FindingTableKeys.Maker.sameTexts(texts, rebuilt) { #expect(texts == rebuilt) }
    }
}
