import Foundation
import Testing

@testable import DiligenceKit

/// The JSON report's `Codable` types are written by `JSONStreamEncoder` over `JSONWriter`;
/// `JSONEncoder` with sorted keys defines the layout, and the two must agree byte for byte
/// (reports committed in `reports/` and reports users diff in CI).
@Suite struct JSONWriterTests {
    /// The whole schema 2 document of a result, findings included (what `render` streams).
    static func document(_ result: CheckResult) -> JSONReport.Document<[JSONReport.FindingEntry]> {
        JSONReport.Document(
            result.summary, Citations(result.reportedFindings),
            findings: result.reportedFindings.map { JSONReport.FindingEntry($0, result.options) })
    }

    static func shipped() throws -> CheckResult {
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        return TestData.check(try files.map { try TestData.workspace.policyLoader.load(path: $0) })
    }

    /// The report as the check writes it (sections per policy, then the rest) is byte for byte
    /// what `JSONEncoder` with sorted keys makes of the `Codable` document: the types are the
    /// definition, declared in key order.
    @Test func theExamplePoliciesReportIsByteForByteTheEncodersLayout() throws {
        let result = try Self.shipped()
        let document = Self.document(result)
        #expect(document.findings.count > 40)
        #expect(document.facts.count > 40 && document.sources.count > 20 && !document.events.isEmpty)
        let rendered = JSONReporter(schemaVersion: 2).render(result)
        #expect(rendered == JSONReporter.encoderText(of: document))
        #expect(JSONReporter.text(of: document) == rendered)
        let version1 = JSONReportV1.Document(document, findings: result.reportedFindings.map { JSONReportV1.FindingEntry($0, result.options) })
        #expect(JSONReporter(schemaVersion: 1).render(result) == JSONReporter.encoderText(of: version1))
    }

    /// Schema 3 (the default) is schema 2's content with the lists by reference, in the compact
    /// layout: without its line breaks it is what `JSONEncoder` writes without `.prettyPrinted`;
    /// it has one line per document member, table entry and finding; expanded, it is the
    /// schema 2 document; and it is less than half its size.
    @Test func schema3IsTheCompactEncodingOfSchema2ByReference() throws {
        let result = try Self.shipped()
        let version2 = Self.document(result)
        let rendered = JSONReporter(schemaVersion: 3).render(result)
        let citations = Citations(result.reportedFindings)
        let places = Dictionary(version2.policies.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        let version3 = JSONReportV3.Document(
            version2, lists: citations.lists, failing: result.summary.findings,
            findings: version2.findings.map { JSONReportV3.FindingEntry($0, policy: places[$0.policy] ?? -1) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let compact = JSONWriter.escapingHiddenCharacters(String(decoding: try encoder.encode(version3), as: UTF8.self))
        #expect(rendered.replacingOccurrences(of: "\n", with: "") == compact)
        #expect(rendered == JSONReporter.text(of: version3))
        let lines = rendered.split(separator: "\n")
        let first = try #require(lines.firstIndex(of: "\"findings\":["))
        let last = try #require(lines[first...].firstIndex(of: "],"))
        #expect(last - first - 1 == version2.findings.count)
        #expect(lines[(first + 1)..<last].allSatisfy { $0.hasPrefix("{\"") && $0.contains(",\"gate\":") })
        #expect(lines.contains("\"schema_version\":3,"))
        #expect(JSONReporter.text(of: try version3.expanded()) == JSONReporter.text(of: version2))
        // On these 9 policies (63 findings) the tables weigh more than on a portfolio.
        #expect(rendered.utf8.count * 5 < JSONReporter(schemaVersion: 2).render(result).utf8.count * 3)
        // Every list is written once, however many findings cite it.
        #expect(Set(version3.recommendation_lists.map(\.id)).count == version3.recommendation_lists.count)
        #expect(version3.recommendation_lists.count < version2.findings.count / 2)
    }

    /// Schema 4 (the default) is the function of schema 3's document that numbers its table
    /// entries: the streamed report (findings written as each policy is appended) is that
    /// function of the schema 3 report of the same run, it reads back to schema 3 byte for byte,
    /// holds no reference outside its tables, and is smaller.
    @Test func schema4IsSchema3WithPlacesAndReadsBack() throws {
        let result = try Self.shipped()
        let rendered = JSONReporter().render(result)
        let version3 = try JSONDecoder().decode(
            JSONReportV3.Document<[JSONReportV3.FindingEntry]>.self, from: Data(JSONReporter(schemaVersion: 3).render(result).utf8))
        let version4 = try JSONReportV4.Document(version3)
        #expect(rendered == JSONReporter.text(of: version4))
        let read = try JSONDecoder().decode(JSONReportV4.Document<[JSONReportV4.FindingEntry]>.self, from: Data(rendered.utf8))
        #expect(JSONReporter.text(of: try read.schema3()) == JSONReporter(schemaVersion: 3).render(result))
        #expect(rendered.contains("\n\"schema_version\":4,\n"))
        // Every message is its parts joined by the subject's name; some are split at it.
        #expect(read.messages.contains { $0.count > 1 })
        for finding in read.findings {
            #expect(read.messages.indices.contains(finding.message) && finding.path.allSatisfy(read.path_steps.indices.contains))
            #expect(finding.evidence.map(read.evidence_lists.indices.contains) != false)
            #expect(finding.exposure?.events.allSatisfy { read.events.indices.contains($0.event) } != false)
            #expect(finding.exposure?.reference != read.as_of)
        }
        #expect(read.findings.contains { $0.subject_name == nil } && read.findings.contains { $0.subject_name != nil })
        #expect(rendered.utf8.count * 10 < JSONReporter(schemaVersion: 3).render(result).utf8.count * 9)
    }

    /// Schema 4's findings are written straight from the run's findings, with holes for their
    /// places: with a baseline (each finding `new` or `unchanged`) and the lowest `--report-min`,
    /// the bytes are still schema 4's document of the same run's schema 3 report.
    @Test func schema4WrittenDirectlyWithABaselineIsTheDocumentOfSchema3() throws {
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        let policies = try files.map { try TestData.workspace.policyLoader.load(path: $0) }
        let checker = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
        let first = checker.check(policies, options: CheckOptions(asOf: TestData.asOf))
        let kept = first.findings.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let baseline = Baseline(
            file: "baseline.json", asOf: "2020-06-30",
            entries: kept.map { Baseline.Entry(policy: $0.policy, id: $0.identity.description, rule: $0.rule, severity: $0.severity.name, message: $0.message) }
        )
        let result = checker.check(policies, options: CheckOptions(asOf: TestData.asOf, reportMin: .info, baseline: baseline))
        let rendered = JSONReporter().render(result)
        let version3 = try JSONDecoder().decode(
            JSONReportV3.Document<[JSONReportV3.FindingEntry]>.self, from: Data(JSONReporter(schemaVersion: 3).render(result).utf8))
        #expect(rendered == JSONReporter.text(of: try JSONReportV4.Document(version3)))
        #expect(rendered.contains("\"baseline\":\"new\"") && rendered.contains("\"baseline\":\"unchanged\""))
        #expect(rendered.contains("\"accepted\":{") && rendered.contains("\"exposure\":{"))
        for key in ["bands", "binding", "event", "evidence", "message", "recommendations"] {
            #expect(!rendered.contains("\"\(key)\":-1"), "every hole is filled with a place")
        }
        #expect(!rendered.contains("\"path\":[-1") && !rendered.contains(",-1]"))
    }

    /// A schema 4 report whose finding cites a place its tables do not hold is refused when read
    /// back, with the finding's number.
    @Test func schema4WithAPlaceOutsideItsTablesIsRefused() throws {
        let result = try Self.shipped()
        var read = try JSONDecoder().decode(JSONReportV4.Document<[JSONReportV4.FindingEntry]>.self, from: Data(JSONReporter().render(result).utf8))
        read.findings[2].path.append(read.path_steps.count)
        #expect(throws: JSONReportV4.MissingPlace.self) { try read.schema3() }
        do {
            _ = try read.schema3()
        } catch {
            #expect(error.finding == 3 && error.what.hasPrefix("path step"))
        }
    }

    /// A message is split at every occurrence of the name, on the bytes, and joining the parts
    /// with the name gives back the bytes, whatever the text (short names are not split at).
    @Test(arguments: [
        ("Pemba site is near Pemba site", "Pemba site", 3), ("no name here", "Ibo", 1), ("Ibo", "Ibo", 2), ("a b a", "a", 1),
        ("e\u{301}cole and école", "école", 2), ("🛰️ x 🛰️", "🛰️ ", 2), ("", "name", 1), ("aaaaa", "aaa", 2), ("at Ibo", "Ibo", 2),
        ("Ib", "Ibo", 1),
    ])
    func messagesSplitAtTheNameJoinBack(message: String, name: String, parts: Int) {
        let split = MessageParts.split(message, at: name)
        #expect(split.count == parts)
        #expect(Array(split.joined(separator: name).utf8) == Array(message.utf8))
    }

    /// Schema 4's findings written with holes for their places (how a check writes them) are,
    /// each hole filled, the bytes of the same entries with those places, with every optional
    /// member absent or present: the two are one definition (`JSONFinding`).
    @Test func schema4FindingsWrittenWithHolesAreTheirEncodingWithPlaces() throws {
        let result = try Self.shipped()
        let asOf = TestData.asOf.description
        let entries = Self.document(result).findings
        #expect(entries.contains { $0.exposure != nil } && entries.contains { $0.binding != nil } && entries.contains { $0.accepted != nil })
        let marked = entries.enumerated().map { index, entry in
            var entry = entry
            if index % 2 == 0 {
                entry.baseline = "new"
                entry.change = "added"
                entry.caused_by = index % 4 == 0 ? [] : ["database: \u{201C}x\u{201D}", "policy"]
                entry.message += " \u{202E} \" \\"
                entry.id = index % 4 == 0 ? "custom/\(index)" : entry.id
                entry.subject_name = entry.subject
                entry.recommendations = []
                entry.exposure?.reference = "2019-01-01"
                entry.exposure?.events_not_cited = 3
                entry.exposure?.severity = "info"
            }
            return entry
        }
        for members in [entries, marked] {
            let encoder = JSONStreamEncoder(JSONWriter(insideArrayAt: JSONReporter.findingsDepth, hasMembers: false, lineDepth: JSONReportV3.lineDepth))
            for (index, entry) in members.enumerated() { encoder.encodeValue(entry.converted(JSONReportV4.Holing(policy: index % 9), asOf: asOf)) }
            // Each table entry numbered in order of first citation, as a run's tables are.
            let places = KeyPlaces(keys: encoder.holeKeys)
            var filled = Array(encoder.writer.takeText().utf8)
            for (key, offset) in zip(encoder.holeKeys, encoder.holeOffsets).reversed() {
                filled.insert(contentsOf: String(places.place(key)).utf8, at: offset)
            }
            let placed = try members.enumerated().map { index, entry in
                try JSONReportV3.FindingEntry(entry, policy: index % 9).converted(JSONReportV4.Placing(places: places), asOf: asOf)
            }
            let expected = JSONStreamEncoder.section(members: placed, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth)
            #expect(!encoder.holeKeys.isEmpty && expected.places.isEmpty)
            #expect(String(decoding: filled, as: UTF8.self) == expected.text(Citations()))
        }
    }

    /// A check makes each schema 4 entry with holes straight from the finding (no schema 2
    /// entry, no fact ids): the same entry as schema 2's converted to holes, for every shipped
    /// finding, with and without a baseline.
    @Test func schema4HolesMadeFromTheFindingAreSchema2sConverted() throws {
        let result = try Self.shipped()
        let asOf = TestData.asOf.description
        #expect(result.reportedFindings.count > 40)
        var withBaseline = result.options
        let kept = result.reportedFindings.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        withBaseline.baseline = Baseline(
            file: "baseline.json", asOf: "2020-06-30",
            entries: kept.map { Baseline.Entry(policy: $0.policy, id: $0.identity.description, rule: $0.rule, severity: $0.severity.name, message: $0.message) }
        )
        for options in [result.options, withBaseline] {
            for (index, finding) in result.reportedFindings.enumerated() {
                let holes = JSONReportV4.Holing(policy: index % 9)
                let direct = JSONFinding(finding, options, holes, asOf: asOf)
                #expect(direct == JSONReport.FindingEntry(finding, options).converted(holes, asOf: asOf))
            }
        }
        #expect(result.reportedFindings.contains { $0.exposure != nil } && result.reportedFindings.contains { $0.binding != nil })
    }

    /// Places numbered in order of first citation, for a section's holes.
    struct KeyPlaces: TablePlaces {
        var numbers: [TableKey: Int] = [:]

        init(keys: [TableKey]) {
            var counts: [Int] = [0, 0, 0]
            for key in keys where numbers[key] == nil {
                let table =
                    switch key {
                    case .evidence, .bands, .step, .recommendations, .binding: 0
                    case .event: 1
                    case .message: 2
                    }
                numbers[key] = counts[table]
                counts[table] += 1
            }
        }

        func place(_ key: TableKey) -> Int { numbers[key] ?? -1 }
        func place(ofList id: String) -> Int? { Self.key(ofList: id).flatMap { numbers[$0] } }
        func place(ofEvent id: String) -> Int? { numbers[.event(HashedText(id))] }
        func place(ofFact id: String) -> Int? { nil }
        func place(ofMessage parts: [String]) -> Int? { numbers[.message(TableID.messageHash(parts))] }

        /// A list's key from its schema 3 id: the prefix names the table, the hex digits are the hash.
        static func key(ofList id: String) -> TableKey? {
            guard id.count > 2, let hash = UInt64(id.dropFirst(2), radix: 16) else { return nil }
            switch id.prefix(2) {
            case "v-": return .evidence(hash)
            case "b-": return .bands(hash)
            case "p-": return .step(hash)
            case "r-": return .recommendations(hash)
            case "g-": return .binding(hash)
            default: return nil
            }
        }
    }

    static let awkward = [
        "plain", "", "quote \" and backslash \\ and slash /", "tab\tnew line\ncarriage\r", "bell \u{7} escape \u{1B} nul \u{0} unit \u{1F}",
        "backspace \u{8} form feed \u{C} delete \u{7F}", "override \u{202E}gnp.exe isolate \u{2066}x\u{2069} C1 \u{9B}31m LS \u{2028}", "quotes ’ “ ” — …",
        "Лукашенко, Mocímboa da Praia, 中文, emoji 🛰️", "::error file=x::injected",
    ]

    /// Findings written as sections (one per policy, as a streamed check writes them) join to
    /// the encoder's bytes at every count, the empty array included.
    @Test(arguments: [0, 1, 2, 63, 64, 65, 129])
    func findingsWrittenInSectionsJoinToTheEncodersBytes(count: Int) throws {
        let result = try Self.shipped()
        var document = Self.document(result)
        let example = try #require(document.findings.first { $0.exposure != nil })
        document.findings = (0..<count).map { index in
            var finding = example
            finding.id = "rule/subject-\(index)"
            finding.line = index
            return finding
        }
        var stream = ""
        for start in stride(from: 0, to: count, by: 7) {
            JSONStreamEncoder.section(members: document.findings[start..<min(start + 7, count)], depth: JSONReporter.findingsDepth)
                .append(to: &stream, Citations())
        }
        let parts = JSONStreamEncoder.parts(of: document.with(findings: StreamedMembers(hasMembers: count > 0)))
        #expect(parts.count == 2)
        #expect(parts[0] + stream + parts[1] == JSONReporter.encoderText(of: document))
    }

    /// A report's closing part is encoded as the report is written, handed over in chunks that
    /// end where a value ends (never inside a character): with chunks of any size, the head, the
    /// findings and the chunks are the bytes of the whole document.
    @Test(arguments: [1, 7, 64, 1 << 18])
    func theTailWrittenInChunksIsTheEncodersBytes(chunk: Int) throws {
        let result = try Self.shipped()
        var document = Self.document(result)
        // Text of several bytes a character in the tables after the findings.
        document.policies[0].company = "Лукашенко, Mocímboa da Praia, 中文, emoji 🛰️"
        document.sources[0].quote = "quotes ’ “ ” — … \u{202E}"
        var stream = ""
        JSONStreamEncoder.section(members: document.findings, depth: JSONReporter.findingsDepth).append(to: &stream, Citations())
        let streamed = document.with(findings: StreamedMembers(hasMembers: !document.findings.isEmpty))
        var chunks: [String] = []
        JSONStreamEncoder.writeTail(of: streamed, chunk: chunk) { part in
            chunks.append(part)
            return true
        }
        #expect(JSONStreamEncoder.head(of: streamed) + stream + chunks.joined() == JSONReporter.encoderText(of: document))
        #expect(chunks.joined() == JSONStreamEncoder.parts(of: streamed)[1])
        if chunk == 1 { #expect(chunks.count > 100) }
        #expect(chunks.allSatisfy { $0.utf8.count < chunk + 4_096 })
    }

    /// Once a chunk cannot be written, the rest is not handed over (the report is then refused
    /// as a whole by the writer).
    @Test func theTailStopsAtTheFirstFailedWrite() throws {
        let streamed = Self.document(try Self.shipped()).with(findings: StreamedMembers(hasMembers: true))
        var calls = 0
        JSONStreamEncoder.writeTail(of: streamed, chunk: 16) { _ in
            calls += 1
            return calls < 3
        }
        #expect(calls == 3)
    }

    @Test(arguments: awkward)
    func awkwardTextIsEscapedAsTheEncoderDoes(_ text: String) throws {
        let result = try Self.shipped()
        var document = Self.document(result)
        document.as_of = text
        document.policies[0].company = text
        document.facts[0].fact = text
        document.findings[0].message = text
        document.findings[0].path = [text, text]
        document.findings[0].accepted = JSONReport.AcceptedEntry(Acceptance(reason: text, approvedBy: text, expires: TestData.asOf, line: 3))
        document.summary.baseline = JSONReport.BaselineSummary(
            as_of: nil, file: text, new: 1,
            resolved: [JSONReport.ResolvedEntry(id: text, message: text, policy: text, rule: "r", severity: "low")],
            unchanged: 0)
        #expect(JSONReporter.text(of: document) == JSONReporter.encoderText(of: document))
        let log = SARIFReporter.log(document, results: document.findings.map(SARIFReporter.result))
        #expect(JSONStreamEncoder.text(of: log) == JSONReporter.encoderText(of: log))
    }

    /// Values the stream encoder writes without the `Encoder` containers (texts, rule ids, lists
    /// of texts, integers as digits) come out as `JSONEncoder` writes them, in both layouts,
    /// at every depth: inside objects and arrays, empty or not, and at the extremes of `Int`.
    @Test func valuesWrittenDirectlyAreTheEncodersBytes() throws {
        struct Leaves: Encodable {
            var empty: [String] = []
            var ints = [0, 7, -1, 10, -10, 99, 100, -100, 12_345, Int.max, Int.min]
            var lists: [[String]] = [[], ["a"], ["b \"c\"", "Mocímboa", "\u{202E}x"]]
            var numbers = [0, 63, -12, 1e14, 63.4, 0.1, -7.25]
            var rule: RuleID = .conflictProximity
            var rules: [RuleID] = [.tradeRestriction, .listedCounterparty]
            var text = "plain"
            var texts = ["one", "", "tab\there"]
        }
        let leaves = [Leaves(), Leaves(ints: [], lists: [], numbers: [], rules: [], texts: [])]
        #expect(JSONStreamEncoder.text(of: leaves) == JSONReporter.encoderText(of: leaves))
        let compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = JSONWriter.escapingHiddenCharacters(String(decoding: try compact.encode(leaves), as: UTF8.self))
        let written = JSONStreamEncoder.text(of: leaves, lineDepth: 1)
        #expect(written.replacingOccurrences(of: "\n", with: "") == expected)
        #expect(written.hasPrefix("[\n{\"empty\":[],\"ints\":[0,7,-1,10,-10,99,100,-100,12345,\(Int.max),\(Int.min)],"))
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
