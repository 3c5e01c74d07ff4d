import Foundation
import Testing

@testable import DiligenceKit

/// A run's summary and citation numbers are merged on the ordered thread from parts worked out
/// where each policy was checked (`FindingSummary.Part`, `CitedPart`). What they say must be
/// what the findings say, worked out here from all the findings at once: the most severe
/// findings, the risks and their reach, the digest, the references in order of first citation.
@Suite struct SummaryPartTests {
    /// Fourteen sites near Gao: more open findings at high or critical in one policy than the
    /// summary keeps (`FindingSummary.topLimit`), on the seeds' date.
    static let manySites = TestData.minimal(
        "sites:\n"
            + (1...14).map { "  - id: depot-\($0)\n    country: ML\n    region: Gao\n    location: { lat: 16.2\($0 + 10), lon: -0.0\($0 % 10) }" }
            .joined(separator: "\n") + "\n")

    /// The example policies and the fourteen sites, checked in memory (policies in file order).
    static func run(_ options: CheckOptions) throws -> CheckResult {
        var policies = try PolicySet.load([StreamedCheckTests.examples], loader: TestData.workspace.policyLoader)
        policies.insert(try TestData.policy(manySites, file: "a-many-sites.yaml"), at: 0)
        policies.append(try TestData.policy(manySites, file: "z-many-sites.yaml"))
        return Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies).check(policies, options: options)
    }

    /// Every finding with its policy's place, in run order.
    static func all(_ result: CheckResult) -> [(place: Int, finding: Finding)] {
        result.policies.enumerated().flatMap { place, policy in policy.findings.map { (place, $0) } }
    }

    static let optionSets = [
        CheckOptions(asOf: TestData.asOf),
        CheckOptions(asOf: TestData.asOf, failOn: nil, reportMin: .high),
        CheckOptions(asOf: Day(iso: "2022-06-30")!, failOn: .critical, reportMin: .low),
    ]

    @Test(arguments: optionSets)
    func theTopRisksAreTheMostSevereOpenFindingsOfTheRun(options: CheckOptions) throws {
        let result = try Self.run(options)
        let open = Self.all(result).enumerated().filter { _, item in
            item.finding.severity >= options.reportMin && item.finding.accepted == nil && item.finding.severity >= .high
        }
        let sorted = open.sorted { a, b in
            let x = a.element.finding, y = b.element.finding
            if x.severity != y.severity { return x.severity > y.severity }
            if x.policy != y.policy { return x.policy < y.policy }
            if x.line != y.line { return x.line < y.line }
            return a.offset < b.offset
        }
        let summary = result.summary.findings
        let manySites = try #require(result.policies.first { $0.policy.file == "a-many-sites.yaml" })
        let manySitesHigh = manySites.findings.filter { $0.severity >= .high && $0.accepted == nil && $0.severity >= options.reportMin }
        if options.asOf == TestData.asOf { #expect(manySitesHigh.count > FindingSummary.topLimit) }
        #expect(summary.topCount == open.count)
        let expected = sorted.prefix(FindingSummary.topLimit).map { "\($0.element.finding.policy):\($0.element.finding.line):\($0.element.finding.identity)" }
        #expect(summary.topRisks.map { "\($0.policy):\($0.line):\($0.identity)" } == expected)
        #expect(summary.topRisks.map(\.place) == sorted.prefix(FindingSummary.topLimit).map(\.element.place))
    }

    @Test(arguments: optionSets)
    func eachRiskHasItsMostSevereFindingAndTheOperationsItReaches(options: CheckOptions) throws {
        let result = try Self.run(options)
        let catalog = FactorCatalog(TestData.workspace.database, asOf: options.asOf)
        var order: [String] = []
        var severity: [String: Severity] = [:]
        var operations: [String: Int] = [:]
        for policy in result.policies {
            var reached: [String: Set<String>] = [:]
            for finding in policy.findings
            where finding.severity >= options.reportMin && finding.accepted == nil && finding.rule != .staleIntelligence {
                let factor = finding.factors.first { catalog.factor($0) != nil }
                let key = factor.map { "factor:" + $0 } ?? "rule:" + finding.rule.rawValue
                if severity[key] == nil { order.append(key) }
                severity[key] = max(severity[key] ?? .info, finding.severity)
                reached[key, default: []].insert(finding.subject)
            }
            for (key, subjects) in reached { operations[key, default: 0] += subjects.count }
        }
        let risks = result.summary.findings.risks
        #expect(risks.count > 3)
        #expect(risks.map(\.key) == order)
        #expect(risks.map(\.severity) == order.map { severity[$0] })
        #expect(risks.map(\.operations) == order.map { operations[$0] })
    }

    @Test func theDigestHashesEveryPolicysFileAndFindingsInOrder() throws {
        let options = CheckOptions(asOf: TestData.asOf)
        let result = try Self.run(options)
        var hasher = SHA256()
        hasher.update(options.asOf.description)
        hasher.update(TestData.workspace.database.digest)
        for policy in result.policies {
            hasher.update(policy.policy.file)
            for finding in policy.findings { hasher.update("\(finding.identity)|\(finding.severity)|\(finding.accepted != nil)") }
        }
        #expect(result.summary.findings.digest == hasher.finalizeHex())
    }

    /// Each policy's part lists its references once; numbered over the run they are the
    /// references of every cited line in order of first citation, told apart by their bytes.
    @Test func referencesAreNumberedInOrderOfFirstCitation() throws {
        let result = try Self.run(CheckOptions(asOf: TestData.asOf))
        let findings = result.policies.flatMap(\.findings)
        var expected: [Reference] = []
        for finding in findings {
            for line in finding.evidence {
                if let reference = line.reference, !expected.contains(reference) { expected.append(reference) }
            }
        }
        var citations = Citations()
        for policy in result.policies {
            let part = CitedPart(policy.findings, tables: true, lists: true)
            #expect(Set(part.references.map(\.id)).count == part.references.count)
            citations.add(part)
        }
        #expect(expected.count > 5)
        #expect(citations.ordered == expected)
        for (index, reference) in expected.enumerated() { #expect(citations.existing(reference) == index + 1) }
        #expect(Set(citations.facts.map(\.id)).count == citations.facts.count)
        #expect(Set(citations.events.map(\.id)).count == citations.events.count)
    }

    @Test func aReferencesNumberIsItsBytes() {
        let reference = CitationKeyTests.reference
        var again = reference
        again.quote = String("The operator said the cut was ordered.".reversed().reversed())
        var otherQuote = reference
        otherQuote.quote = "The operator said the cut was ordered!"
        var accented = reference
        accented.quote = "The operator said the cut was orde\u{0301}red."
        #expect(Citations.Key(again).id == Citations.Key(reference).id)
        #expect(Citations.Key(otherQuote).id != Citations.Key(reference).id)
        #expect(Citations.Key(accented).id != Citations.Key(reference).id)
        var citations = Citations()
        #expect(citations.number(for: reference) == 1)
        #expect(citations.number(for: otherQuote) == 2)
        #expect(citations.number(for: again) == 1)
    }
}
