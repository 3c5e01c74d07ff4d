import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-fifth round's report side (`speed42`) against the general paths it stands for, on
/// real inputs (the shipped policies, the example and the portfolio fixtures): a policy's
/// events' keys found among its earlier events against `TableID`'s own; a finding's digest text
/// written in one piece against the appends; the citations' places by text against a
/// dictionary; advice found by representation; plain static texts.
@Suite struct ReportSideTwentyFifthRoundTests {
    static var checked: CheckResult { ReportingTwentySecondRoundTests.checked }

    /// Each finding's keys as a policy's maker gives them: the steps and events are
    /// `TableID.pathStepHash` and `TableID.eventKey` of each, and the rest as before. The findings
    /// are interleaved with copies whose steps are new texts of the same bytes and whose
    /// events are moved (another distance, the same fields their id is made of), so that the
    /// remembered and the new are both asked.
    @Test func aPolicysStepAndEventKeysAreTableIDs() throws {
        var steps = 0
        var events = 0
        for policy in Self.checked.policies {
            var findings: [Finding] = []
            for finding in policy.findings {
                findings.append(finding)
                var copy = finding
                copy.path = finding.path.map { String(decoding: Array($0.utf8), as: UTF8.self) } + ["", "x", finding.message]
                if var exposure = finding.exposure {
                    exposure.events = exposure.events.map { event in
                        var event = event
                        event.distanceKm = (event.distanceKm ?? 0) + 1
                        return event
                    }
                    copy.exposure = exposure
                }
                findings.append(copy)
            }
            let made = try #require(FindingTableKeys.of(findings, wanted: true))
            for (finding, keys) in zip(findings, made) {
                #expect(keys.steps == finding.path.map(TableID.pathStepHash))
                let expected = finding.exposure?.events.map(TableID.eventKey) ?? []
                #expect(keys.events.map(\.text) == expected.map(\.text))
                #expect(keys.events.map(\.hashOfText) == expected.map(\.hashOfText))
                #expect(ReportSideSixteenthRoundTests.parts(keys) == ReportSideSixteenthRoundTests.parts(FindingTableKeys(finding)))
                steps += finding.path.count
                events += expected.count
            }
        }
        #expect(steps > 1_000)
        #expect(events > 10)
    }

    /// Two events are the same line for the memo exactly when their ids made of texts are the
    /// same (on the real inputs' events, each against every other and against a moved copy).
    @Test func eventsOfOneLineHaveOneID() {
        var all: [Exposure.CitedEvent] = []
        for finding in Self.checked.findings { all += finding.exposure?.events ?? [] }
        var distinct: [Exposure.CitedEvent] = []
        for event in all where !distinct.contains(where: { EventIDs.sameLine($0, event) }) { distinct.append(event) }
        #expect(distinct.count > 3)
        for left in distinct.prefix(40) {
            var moved = left
            moved.distanceKm = (left.distanceKm ?? 0) + 7
            #expect(EventIDs.sameLine(left, moved))
            #expect(TableID.eventText(left) == TableID.eventText(moved))
            for right in distinct.prefix(40) {
                #expect(EventIDs.sameLine(left, right) == (TableID.eventText(left) == TableID.eventText(right)))
            }
        }
    }

    /// A finding's digest text written in one piece is the bytes of the appends, for every
    /// finding, accepted or not, with a factor or not.
    @Test func aDigestWrittenAtOnceIsTheAppends() {
        var appended: [UInt8] = []
        var written = ByteAppender()
        var count = 0
        for finding in Self.checked.findings {
            for accepted in [false, true] {
                var finding = finding
                if accepted, finding.accepted == nil {
                    finding.accepted = Acceptance(reason: "r", approvedBy: "a", expires: TestData.asOf, line: 1)
                }
                FindingSummary.Part.appendDigest(of: finding, to: &appended)
                FindingSummary.Part.appendDigest(of: finding, to: &written)
                count += 1
            }
        }
        #expect(count > 200)
        #expect(written.take() == appended)
        #expect(Set(Self.checked.findings.map { $0.identityFactor == nil }).count == 2)
    }

    /// Places by text answer as a dictionary does: texts of one hash that differ kept apart,
    /// copies of a text found, places changed and removed.
    @Test func placesByTextAnswerAsADictionary() {
        var places = HashedTextPlaces()
        var dictionary: [HashedText: Int] = [:]
        var texts = Array(Set(Self.checked.findings.flatMap(\.path))).sorted().prefix(400).map { HashedText($0) }
        // Texts given one hash: kept apart.
        texts += ["one", "two", "three", ""].map { HashedText($0, hashOfText: 42) }
        for (index, text) in texts.enumerated() {
            #expect(places[text] == dictionary[text])
            places[text] = index
            dictionary[text] = index
        }
        for (index, text) in texts.enumerated() {
            let copy = HashedText(String(decoding: Array(text.text.utf8), as: UTF8.self), hashOfText: text.hashOfText)
            #expect(places[copy] == dictionary[copy])
            if index % 7 == 0 {
                places[text] = nil
                dictionary[text] = nil
            } else if index % 5 == 0 {
                places[text] = -index
                dictionary[text] = -index
            }
        }
        for text in texts + [HashedText("absent"), HashedText("absent too", hashOfText: 42)] { #expect(places[text] == dictionary[text]) }
        #expect(dictionary.count > 150)
    }
}

extension ReportSideTwentyFifthRoundTests {
    /// No rule's advice holds a text twice (what `FindingSummary.Part.firstIndex(of:in:)`
    /// takes for granted), and the look-up answers as `firstIndex(of:)` for the advice's own
    /// texts, copies of their bytes and texts not in it.
    @Test func adviceIsFoundAsByFirstIndex() {
        var asked = 0
        for (_, advice) in RuleRegistry.advice {
            for (index, text) in advice.enumerated() { #expect(advice[..<index].firstIndex(of: text) == nil) }
            let catalogue = advice.prefix(64)
            for text in advice + advice.map({ String(decoding: Array($0.utf8), as: UTF8.self) }) + ["", "not advice"] {
                #expect(FindingSummary.Part.firstIndex(of: text, in: catalogue) == catalogue.firstIndex(of: text))
                asked += 1
            }
        }
        #expect(asked > 20)
    }
}

extension ReportSideTwentyFifthRoundTests {
    /// A severity's name as the program holds it is its name, and needs no escaping; a plain
    /// string member writes the bytes `string(known:_:)` writes, in both layouts.
    @Test func plainNamesAreTheNames() {
        for severity in Severity.allCases {
            #expect("\(JSONReportV4.plainName(severity))" == severity.name)
            #expect(!JSONWriter.needsEscaping(severity.name))
        }
        for value: StaticString in ["fail", "pass", "info", "critical"] {
            #expect(!JSONWriter.needsEscaping("\(value)"))
            for lineDepth in [nil, 1] {
                var plain = JSONWriter(lineDepth: lineDepth)
                plain.beginObject()
                plain.string(known: "gate", plain: value)
                plain.string(known: "severity", plain: value)
                plain.endObject()
                var general = JSONWriter(lineDepth: lineDepth)
                general.beginObject()
                general.string(known: "gate", "\(value)")
                general.string(known: "severity", "\(value)")
                general.endObject()
                #expect(plain.takeText() == general.takeText())
            }
        }
    }
}
