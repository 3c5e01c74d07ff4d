import Foundation
import Testing

@testable import DiligenceKit

/// A check writes each finding's entry member by member (`JSONFinding.write(to:)`), not through
/// the `Encoder` containers: the bytes, and schema 4's holes, must be those of the synthesised
/// encoding (which `JSONWriterTests` holds to `JSONEncoder`'s) in every schema and layout.
@Suite struct JSONFindingWritingTests {
    /// Every shipped finding's schema 2 entry, and a copy of each with the optional members the
    /// shipped policies leave empty filled in (baseline, change, custom id, awkward texts,
    /// destination, steps, reference, uncited events).
    static func entries() throws -> [JSONReport.FindingEntry] {
        let result = try JSONWriterTests.shipped()
        let entries = JSONWriterTests.document(result).findings
        // A trip's destination with every member, and with the optional ones absent.
        let full = try JSONDecoder().decode(
            DestinationEntry.self,
            from: Data(
                #"{"city":"Мінск","country":"BY","frequency":"monthly","name":"Minsk","source":"gazetteer","transit":["LT","PL"],"travellers":4}"#.utf8))
        let bare = try JSONDecoder().decode(DestinationEntry.self, from: Data(#"{"city":"Pemba","country":"MZ","name":"Pemba","source":"seeds"}"#.utf8))
        let marked = entries.enumerated().map { index, entry in
            var entry = entry
            entry.baseline = index % 3 == 0 ? "new" : "unchanged"
            entry.change = "escalated"
            entry.caused_by = index % 4 == 0 ? [] : ["database: \u{201C}x\u{201D}", "policy"]
            entry.message += " \u{202E} \" \\ \u{1B}"
            entry.id = index % 4 == 0 ? "custom/\(index)" : entry.id
            entry.subject_name = index % 2 == 0 ? entry.subject : "Name \u{2028} \(index)"
            entry.recommendations = index % 2 == 0 ? [] : ["do \"this\"", "then that"]
            entry.factors = index % 5 == 0 ? [] : entry.factors
            entry.accepted = JSONReport.AcceptedEntry(Acceptance(reason: "known \\ risk", approvedBy: "CRO", expires: TestData.asOf, line: index))
            if var exposure = entry.exposure {
                exposure.reference = "2019-01-01"
                exposure.events_not_cited = 3
                exposure.severity = "info"
                exposure.area_edge_km = -0.5
                exposure.location = PointEntry(lat: -12.345678, lon: 40.5)
                exposure.steps = [StepEntry(levels: 1, reason: "a named target"), StepEntry(levels: 0, reason: "capped")]
                exposure.destination = index % 2 == 0 ? full : bare
                entry.exposure = exposure
            }
            return entry
        }
        #expect(entries.contains { $0.exposure != nil } && entries.contains { $0.binding != nil } && entries.contains { $0.evidence != nil })
        return entries + marked
    }

    /// The written section: its text, each hole's place at its offset (filled with -1, no
    /// table holds it), and the holes' entries.
    static func expectSame(_ written: ReportSection, _ encoded: ReportSection) {
        #expect(written.byteCount == encoded.byteCount)
        #expect(written.places == encoded.places)
        #expect(written.text(Citations()) == encoded.text(Citations()))
    }

    @Test func schema2EntriesWrittenMemberByMemberAreTheirEncoding() throws {
        let entries = try Self.entries()
        let written = JSONStreamEncoder.section(findings: entries, depth: JSONReporter.findingsDepth)
        Self.expectSame(written, JSONStreamEncoder.section(members: entries, depth: JSONReporter.findingsDepth))
        #expect(written.text(Citations()).contains("\"destination\" : {"))
    }

    @Test func schema3EntriesWrittenMemberByMemberAreTheirEncoding() throws {
        let entries = try Self.entries().enumerated().map { JSONReportV3.FindingEntry($1, policy: $0 % 7) }
        let written = JSONStreamEncoder.section(findings: entries, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth)
        let encoded = JSONStreamEncoder.section(members: entries, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth)
        Self.expectSame(written, encoded)
        #expect(written.text(Citations()).contains("\"steps\":[{\"levels\":1,"))
    }

    @Test func schema4EntriesWithHolesWrittenMemberByMemberAreTheirEncoding() throws {
        let asOf = TestData.asOf.description
        let entries = try Self.entries().enumerated().map { $1.converted(JSONReportV4.Holing(policy: $0 % 9), asOf: asOf) }
        let written = JSONStreamEncoder.section(findings: entries, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth)
        let encoded = JSONStreamEncoder.section(members: entries, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth)
        Self.expectSame(written, encoded)
        #expect(written.places.contains { if case .event = $0 { true } else { false } })
        #expect(written.places.count > entries.count * 2)
    }
}
