import Foundation
import Testing

@testable import DiligenceKit

/// The twentieth round's report-side paths against the general ones they stand for: the
/// citations of each policy's part added by index, with their references held in a box,
/// against a numbering of the findings' references and facts written out plainly, on the
/// findings of the shipped policies.
@Suite struct ReportTwentiethRoundTests {
    static var findings: [Finding] { ReportNineteenthRoundTests.findings }

    /// A key made of a reference gives that reference back, and keys are equal exactly when
    /// their references have the same bytes (`ReferenceIDs`), whether or not they share a box.
    @Test func aCitationKeyHoldsItsReference() throws {
        let references = Self.findings.flatMap(\.evidence).compactMap(\.reference)
        #expect(references.count > 20)
        var byID: [Int: Reference] = [:]
        for reference in references {
            let key = Citations.Key(reference)
            #expect(key.reference == reference)
            let again = Citations.Key(reference)
            #expect(key == again)
            #expect(key.hashValue == again.hashValue)
            if let earlier = byID[key.id] { #expect(earlier == reference) } else { byID[key.id] = reference }
        }
        // Another reference of other bytes is another key.
        let first = try #require(references.first)
        var other = first
        other.source += " (copy)"
        #expect(Citations.Key(other) != Citations.Key(first))
    }

    /// Every policy's part added in turn numbers the references and lists the facts and events
    /// as a plain walk over the findings does: references in order of first citation, facts and
    /// events once each by their table ids, in order of first citation, each with its first line.
    @Test func citationsAddedByIndexNumberWhatAPlainWalkNumbers() {
        let policies = ReportNineteenthRoundTests.shipped.policies
        #expect(policies.count > 3)
        for order in [policies, policies.reversed(), policies + policies] {
            var citations = Citations()
            var references: [Reference] = []
            var facts: [(id: String, evidence: Evidence)] = []
            var events: [String] = []
            for policy in order {
                citations.add(CitedPart(policy.findings, tables: true, lists: true))
                for finding in policy.findings {
                    for line in finding.evidence {
                        if let reference = line.reference, !references.contains(where: { Citations.Key($0) == Citations.Key(reference) }) {
                            references.append(reference)
                        }
                        let id = TableID.fact(line)
                        if !facts.contains(where: { $0.id == id }) { facts.append((id, line)) }
                    }
                    for event in finding.exposure?.events ?? [] {
                        let id = TableID.eventKey(event).text
                        if !events.contains(id) { events.append(id) }
                    }
                }
            }
            #expect(citations.ordered == references)
            #expect(citations.facts.map(\.id) == facts.map(\.id))
            #expect(citations.facts.map(\.evidence) == facts.map(\.evidence))
            #expect(citations.events.map(\.id) == events)
            for (place, fact) in citations.facts.enumerated() { #expect(citations.factPlaces[HashedText(fact.id)] == place) }
            for (place, event) in citations.events.enumerated() { #expect(citations.eventPlaces[HashedText(event.id)] == place) }
            for (index, reference) in references.enumerated() { #expect(citations.existing(reference) == index + 1) }
        }
    }
}
