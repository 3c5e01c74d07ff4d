@testable import DiligenceKit
import Foundation
import Testing

/// The JSON report is written by `JSONWriter`; `JSONEncoder` defines the layout, and the two
/// must agree byte for byte (reports committed in `reports/` and reports users diff in CI).
@Suite struct JSONWriterTests {
    @Test func theExamplePoliciesReportIsByteForByteTheEncodersLayout() throws {
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        let policies = try files.map { try TestData.workspace.policyLoader.load(path: $0) }
        let document = JSONReporter().document(TestData.check(policies))
        #expect(document.findings.count > 40)
        let written = JSONReporter.text(of: document)
        #expect(written == JSONReporter.encoderText(of: document))
    }

    static let awkward = [
        "plain", "", "quote \" and backslash \\ and slash /", "tab\tnew line\ncarriage\r", "bell \u{7} escape \u{1B} nul \u{0} unit \u{1F}",
        "backspace \u{8} form feed \u{C} delete \u{7F}", "override \u{202E}gnp.exe isolate \u{2066}x\u{2069} C1 \u{9B}31m LS \u{2028}", "quotes ’ “ ” — …", "Лукашенко, Mocímboa da Praia, 中文, emoji 🛰️", "::error file=x::injected",
    ]

    /// Findings are written in sections of 64 and joined as a stream joins them: the same bytes at every count.
    @Test(arguments: [0, 1, 63, 64, 65, 129, 200])
    func findingsWrittenInPartsJoinToTheEncodersBytes(count: Int) throws {
        let example = try #require(Self.document(text: "x").findings.first)
        var document = Self.document(text: "y")
        document.findings = (0..<count).map { index in
            var finding = example
            finding.id = "rule/subject-\(index)"
            finding.line = index
            return finding
        }
        #expect(JSONReporter.text(of: document) == JSONReporter.encoderText(of: document))
    }

    @Test(arguments: awkward)
    func awkwardTextIsEscapedAsTheEncoderDoes(_ text: String) throws {
        let document = Self.document(text: text)
        #expect(JSONReporter.text(of: document) == JSONReporter.encoderText(of: document))
    }

    static func document(text: String) -> JSONReporter.Document {
        let finding = JSONReporter.FindingEntry(
            id: text, rule: "rule", severity: "high", policy: text, line: 1, column: 2, subject: text, subject_kind: "site",
            subject_name: text, factors: [text], message: text, path: [text, text],
            evidence: [JSONReporter.EvidenceEntry(record: text, fact: text, date: nil, source: text, title: nil, source_date: "2020", quote: text, url: nil)],
            recommendations: [], accepted: JSONReporter.AcceptedEntry(reason: text, approved_by: text, expires: "2021-01-01", line: 3),
            gate: "fail", baseline: "new")
        return JSONReporter.Document(
            tool: JSONReporter.Tool(), as_of: "2020-09-30",
            database: JSONReporter.Database(name: text, version: nil, digest: "abc", newest_review: nil, age_days: 12, reviewed_after_as_of: 1, factors: 0, entities: 0,
                                            sources: [JSONReporter.Source(DataSource(id: text, name: text, date: "2020-09-01", licence: text, url: nil,
                                                                                     file: text, inputs: [text, "x.csv sha256:00"]),
                                                                          asOf: Day(year: 2020, month: 9, day: 30) ?? Day(ordinal: 0))],
                                            superseded: [text]),
            policies: [JSONReporter.PolicyEntry(file: text, company: text, owner: nil, reviewed: "2020-01-01", sites: 1, trade: 0,
                                                counterparties: 0, travel: 0, findings: 1, unused_acceptances: [])],
            findings: [finding],
            summary: JSONReporter.Summary(
                baseline: JSONReporter.BaselineSummary(file: text, as_of: nil, new: 1, unchanged: 0,
                                                       resolved: [JSONReporter.ResolvedEntry(policy: text, id: text, rule: "r", severity: "low", message: text)]),
                gate: "fail", fail_on: "high", report_min: "info", counts: ["high": 1, "critical": 0, "low": 0], total: 1, accepted: 1,
                failing: [text]))
    }

    /// The eight-bytes-at-a-time check agrees with the byte-by-byte definition, whatever the
    /// position of the byte in its word and the length of the text.
    @Test func theEscapeCheckFindsEveryByteItMust() {
        let fillers: [Character] = ["a", "é", "Ж", " ", "~", "€", "!", "#", "]", "]", "\u{10FFFF}"]
        let specials: [Character] = ["\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "\r", "\u{7F}", "\u{85}", "\u{202E}", "\u{061C}"]
        for length in 0..<40 {
            for position in 0..<max(length, 1) {
                var text = String((0..<length).map { fillers[($0 * 7 + length) % fillers.count] })
                #expect(JSONWriter.needsEscaping(text) == text.utf8.contains(where: JSONWriter.isEscapeLead))
                guard length > 0 else { continue }
                for special in specials {
                    var characters = Array(text)
                    characters[min(position, characters.count - 1)] = special
                    text = String(characters)
                    #expect(JSONWriter.needsEscaping(text), "\(text.debugDescription)")
                }
            }
        }
        for byte in UInt8(0x20)...0x7E where !JSONWriter.isEscapeLead(byte) {
            #expect(!JSONWriter.needsEscaping(String(repeating: String(UnicodeScalar(byte)), count: 17)))
        }
    }
}
