import Foundation
import Testing

@testable import DiligenceKit

/// The nineteenth round's report-side paths against the general ones they stand for: the
/// summary's text sets against `Set<String>`, the advice found by representation against
/// `firstIndex(of:)`, evidence lists found equal by their representations against the line by
/// line comparison, on the findings of the shipped policies.
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

    /// Every rule's advice, and every shipped finding's recommendations with their copies and
    /// texts of no catalogue: found where `firstIndex(of:)` finds them; a catalogue with equal
    /// texts is not taken as distinct, and is searched as before.
    @Test func adviceFoundByRepresentationIsWhereFirstIndexFindsIt() {
        var probes = Self.findings.flatMap(\.recommendations)
        probes += probes.map(Self.copy) + ["", "none of the advice", "\u{212A}"]
        var checked = 0
        for (rule, texts) in RuleRegistry.advice {
            let catalogue = texts.prefix(64)
            let distinct = FindingSummary.Part.distinctAdvice[rule] ?? false
            #expect(distinct == (Set(catalogue).count == catalogue.count))
            for probe in probes + catalogue + catalogue.map(Self.copy) {
                #expect(FindingSummary.Part.adviceIndex(of: probe, in: catalogue, distinct: distinct) == catalogue.firstIndex(of: probe))
                checked += 1
            }
        }
        #expect(checked > 1_000)
        // Equal texts: the first one wins, found by comparing texts.
        let text = "Review the supplier's audit."
        let repeated = ArraySlice([Self.copy(text), "other", text])
        #expect(FindingSummary.Part.adviceIndex(of: text, in: repeated, distinct: false) == 0)
    }

    /// Every pair of the shipped findings' evidence lists, their copies (new storage, the same
    /// texts: found equal by representation) and their copies with every text made again
    /// (equal line by line only): the look-up's answer is the line by line one.
    @Test func evidenceListsEqualByRepresentationAreEqualLineByLine() {
        var lists = Self.findings.map(\.evidence).filter { !$0.isEmpty }
        #expect(lists.count > 20)
        lists = Array(lists.prefix(120))
        var copies: [[Evidence]] = []
        for lines in lists.prefix(40) {
            let same = Array(lines)  // shares the storage
            var moved: [Evidence] = []
            moved.reserveCapacity(lines.count)
            moved.append(contentsOf: same)  // new storage, the same values
            copies.append(moved)
            copies.append(
                lines.map { line in
                    Evidence(
                        record: Self.copy(line.record), fact: Self.copy(line.fact), date: line.date.map(Self.copy),
                        reference: line.reference.map { reference in
                            Reference(
                                source: Self.copy(reference.source), title: reference.title.map(Self.copy), date: reference.date,
                                quote: reference.quote.map(Self.copy), url: reference.url.map(Self.copy))
                        })
                })
        }
        let all = lists + copies
        var byRepresentation = 0
        for left in all {
            for right in all {
                let lineByLine = left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in EvidenceLists.sameLineByLine(l, r) } }
                let representations = left.withUnsafeBufferPointer { l in
                    right.withUnsafeBufferPointer { r in EvidenceLists.sameRepresentations(l, r) }
                }
                #expect(EvidenceLists.same(left, right) == lineByLine)
                if representations {
                    #expect(lineByLine)
                    byRepresentation += 1
                }
            }
        }
        // Each list with itself and with its copy in new storage, at least.
        #expect(byRepresentation >= all.count + 80)
        for lines in lists.prefix(40) {
            let moved = Array(lines.map { $0 })
            #expect(moved.withUnsafeBufferPointer { m in lines.withUnsafeBufferPointer { l in EvidenceLists.sameRepresentations(m, l) } })
        }
    }
}
