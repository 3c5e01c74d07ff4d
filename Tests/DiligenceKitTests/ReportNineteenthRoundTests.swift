import Foundation
import Testing

@testable import DiligenceKit

/// The nineteenth round's report-side path against the general one it stands for: the
/// summary's text sets against `Set<String>`, on the findings of the shipped policies.
@Suite struct ReportNineteenthRoundTests {
    static let shipped: CheckResult = {
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        let policies = files.compactMap { try? TestData.workspace.policyLoader.load(path: $0) }
        return TestData.check(policies)
    }()

    static var findings: [Finding] { shipped.policies.flatMap(\.findings) }

    /// A copy of a text in storage of its own (the same bytes, another representation when it
    /// is not small).
    static func copy(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    /// Every subject, factor id, message and policy name of the shipped findings, their copies
    /// and texts that are equal as Strings with other bytes (canonically equivalent), inserted
    /// in order: each insert answers what `Set<String>.insert` answers, and the counts agree.
    @Test func aSummaryTextSetAnswersWhatASetOfStringsAnswers() {
        let findings = Self.findings
        #expect(findings.count > 40)
        var texts: [String] = []
        for finding in findings {
            texts.append(finding.subject)
            texts.append(contentsOf: finding.factors)
            texts.append(Self.copy(finding.subject))
            texts.append(finding.policy)
        }
        let ascii = texts
        let tricky = ["K", "\u{212A}", "e\u{301}", "\u{E9}", "caf\u{E9}", "cafe\u{301}", ";", "\u{37E}", "", "A", "\u{212B}", "\u{C5}"]
        var random = SplitMix64(state: 19)
        for run in 0..<4 {
            var order = ascii
            // Shuffled, and on the last runs with the tricky texts mixed in at random places.
            for index in order.indices.reversed() where index > 0 { order.swapAt(index, random.below(index + 1)) }
            if run >= 2 {
                for text in tricky { order.insert(text, at: random.below(order.count + 1)) }
            }
            var set = SummaryTextSet()
            var expected = Set<String>()
            for text in order {
                #expect(set.insert(text) == expected.insert(text).inserted, "\(text.debugDescription)")
                #expect(set.count == expected.count)
            }
        }
        // The non-ASCII texts first, then everything.
        var set = SummaryTextSet()
        var expected = Set<String>()
        for text in tricky + ascii + tricky.map(Self.copy) {
            #expect(set.insert(text) == expected.insert(text).inserted, "\(text.debugDescription)")
        }
        #expect(set.count == expected.count)
    }

    /// The summary's risks, stale findings and factors from the shipped findings: what sets of
    /// Strings make of the same findings (each risk's operations: the distinct subjects of its
    /// open reported findings other than stale intelligence).
    @Test func theSummaryCountsWhatSetsOfStringsCount() {
        let result = Self.shipped
        let summary = result.summary.findings
        #expect(!summary.risks.isEmpty)
        var operations: [String: Set<String>] = [:]
        var factorIDs: [String] = []
        var seenFactors = Set<String>()
        var staleSubjects = Set<String>()
        var stale: [String] = []
        for policy in result.policies {
            var reach: [String: Set<String>] = [:]
            for finding in policy.findings where finding.severity >= result.options.reportMin {
                for id in finding.factors where seenFactors.insert(id).inserted { factorIDs.append(id) }
                if finding.rule == .staleIntelligence, staleSubjects.insert(finding.subject).inserted { stale.append(finding.subject) }
                guard finding.accepted == nil, finding.rule != .staleIntelligence else { continue }
                let key = finding.factors.first(where: result.factors.knows).map { "factor:" + $0 } ?? "rule:" + finding.rule.rawValue
                reach[key, default: []].insert(finding.subject)
            }
            for (key, subjects) in reach { operations[key, default: []].formUnion(subjects.map { "\(policy.policy.file)\u{0}\($0)" }) }
        }
        #expect(summary.factorIDs == factorIDs)
        #expect(summary.stale.map(\.subject) == stale)
        for risk in summary.risks {
            #expect(risk.operations == operations[risk.key]?.count, "\(risk.key)")
        }
        #expect(summary.risks.count == operations.count)
    }
}
