import Foundation
import Testing

@testable import DiligenceKit

/// A streamed check makes each reported finding's table keys once (`FindingTableKeys`) for the
/// JSON schema 4 section and the policy's citations. Both must be what they are when each makes
/// its own keys: the same holes in the same bytes, the same entries cited in the same order.
@Suite struct FindingTableKeysTests {
    static func policies() throws -> [PolicyResult] {
        try SummaryPartTests.run(CheckOptions(asOf: TestData.asOf)).policies
    }

    @Test func aSchema4SectionByTheFindingsKeysHasTheSameBytesAndHoles() throws {
        let options = CheckOptions(asOf: TestData.asOf)
        var citations = Citations()
        var compared = 0
        for (place, policy) in try Self.policies().enumerated() {
            let keys = policy.findings.map(FindingTableKeys.init)
            let made = JSONReportV4.section(of: policy.findings, options: options, policy: place, asOf: "2020-09-30")
            let keyed = JSONReportV4.section(of: policy.findings, keys: keys, options: options, policy: place, asOf: "2020-09-30")
            citations.add(CitedPart(policy.findings, tables: true, lists: true))
            #expect(keyed.places == made.places)
            #expect(keyed.byteCount == made.byteCount)
            #expect(keyed.filledBytes(citations, afterText: true) == made.filledBytes(citations, afterText: true))
            compared += policy.findings.count
        }
        #expect(compared > 50)
    }

    @Test func citedPartsByTheFindingsKeysCiteTheSameEntriesInTheSameOrder() throws {
        for policy in try Self.policies() {
            let keys = policy.findings.map(FindingTableKeys.init)
            let made = CitedPart(policy.findings, tables: true, lists: true)
            let keyed = CitedPart(policy.findings, keys: keys, tables: true, lists: true)
            #expect(keyed.references.map(\.id) == made.references.map(\.id))
            #expect(keyed.factKeys == made.factKeys)
            #expect(keyed.eventKeys == made.eventKeys)
            #expect(keyed.lists.evidence.items.map(\.hash) == made.lists.evidence.items.map(\.hash))
            #expect(keyed.lists.steps.items.map(\.hash) == made.lists.steps.items.map(\.hash))
            #expect(keyed.lists.steps.items.map(\.source) == made.lists.steps.items.map(\.source))
            #expect(keyed.lists.recommendations.items.map(\.hash) == made.lists.recommendations.items.map(\.hash))
            #expect(keyed.lists.bands.items.map(\.hash) == made.lists.bands.items.map(\.hash))
            #expect(keyed.lists.bindings.items.map(\.hash) == made.lists.bindings.items.map(\.hash))
            #expect(keyed.lists.messages.items.map(\.hash) == made.lists.messages.items.map(\.hash))
        }
    }

    @Test func aSectionOfBytesWritesWhatTheSameSectionOfTextWrites() {
        let text = "{\"a\":,\"b\":[,\"é\"]}"
        let offsets = [5, 11]
        let places: [TableKey] = [.step(1), .message(2)]
        let ofText = ReportSection(text, places: places, at: offsets, separator: ",")
        let ofBytes = ReportSection(bytes: Array(text.utf8), places: places, at: offsets, separator: ",")
        let citations = Citations()
        #expect(ofBytes.byteCount == ofText.byteCount)
        #expect(ofBytes.filledBytes(citations, afterText: true) == ofText.filledBytes(citations, afterText: true))
        #expect(ofBytes.text(citations) == "{\"a\":-1,\"b\":[-1,\"é\"]}")
        #expect(ofBytes.text(citations, afterText: true) == ofText.text(citations, afterText: true))
        #expect(ReportSection(bytes: [], places: [], at: []).isEmpty)
    }
}
