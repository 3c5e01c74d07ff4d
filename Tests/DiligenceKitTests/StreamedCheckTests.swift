import Foundation
import Testing

@testable import DiligenceKit

/// A streamed check (`check` on the command line) writes each policy's sections as it goes and
/// the summary parts at the end: its reports must be the bytes `Reporter.render` gives for the
/// same policies checked in memory.
@Suite struct StreamedCheckTests {
    static let examples = TestData.root.appendingPathComponent("policies").path

    /// The report a streamed check writes, read back from its chunks.
    static func streamed(_ paths: [String], _ format: ReportFormat, options: CheckOptions) throws -> (CheckSummary, String) {
        let check = StreamedCheck(
            checker: Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies),
            loader: TestData.workspace.policyLoader, options: options)
        let output = try check.run(paths, reporters: [format.reporter], spillFolder: FileManager.default.temporaryDirectory.path)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: file) }
        try ReportWriter.write([(path: file.path, chunks: try #require(output.reports.first).chunks)])
        return (output.summary, try String(contentsOf: file, encoding: .utf8))
    }

    /// The same policies checked in memory and rendered whole.
    static func rendered(_ paths: [String], _ format: ReportFormat, options: CheckOptions) throws -> String {
        let policies = try PolicySet.load(paths, loader: TestData.workspace.policyLoader)
        let result = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies).check(policies, options: options)
        return format.reporter.render(result)
    }

    @Test(arguments: ReportFormat.allCases)
    func theExamplePoliciesStreamedAreTheBytesRenderedInMemory(format: ReportFormat) throws {
        let options = CheckOptions(asOf: TestData.asOf)
        let (result, streamed) = try Self.streamed([Self.examples], format, options: options)
        #expect(result.policyCount > 5)
        #expect(result.gateFailed)
        #expect(streamed == (try Self.rendered([Self.examples], format, options: options)))
    }

    /// Report-min, no gate, a later date (stale intelligence, expired acceptances) and a baseline
    /// change what the summary parts say and which findings the sections show.
    @Test(arguments: ReportFormat.allCases)
    func otherOptionsStreamedAreTheBytesRenderedInMemory(format: ReportFormat) throws {
        let baseline = try GateTests.baseline(of: GateTests.machinery)
        for options in [
            CheckOptions(asOf: TestData.asOf, failOn: nil, reportMin: .high),
            CheckOptions(asOf: Day(iso: "2022-06-30")!, failOn: .critical, reportMin: .low),
            CheckOptions(asOf: TestData.asOf, baseline: baseline),
        ] {
            let (_, streamed) = try Self.streamed([Self.examples], format, options: options)
            #expect(streamed == (try Self.rendered([Self.examples], format, options: options)))
        }
    }

    /// The not-assessed findings are kept one by one only for a report that lists them
    /// (Markdown, HTML): a JSON-only run counts them in its findings and keeps none.
    @Test func notAssessedFindingsAreKeptOnlyForReportsThatListThem() throws {
        let options = CheckOptions(asOf: TestData.asOf)
        let (markdown, _) = try Self.streamed([Self.examples], .markdown, options: options)
        let (json, report) = try Self.streamed([Self.examples], .json, options: options)
        #expect(!markdown.findings.notAssessed.isEmpty)
        #expect(json.findings.notAssessed.isEmpty)
        #expect(report.contains("\"rule\":\"not-assessed\""))
        #expect(json.findings.reported == markdown.findings.reported)
    }

    /// The narrative parts of the findings' summary (the report id's digest, the top risks, the
    /// risks by reach, the rules' advice, the factors cited, the stale intelligence) are worked
    /// out only for a report that writes them (Markdown, HTML): a JSON-only run counts and gates
    /// the same findings, leaves them empty, and writes the bytes it writes beside Markdown.
    @Test func narrativePartsAreWorkedOutOnlyForReportsThatWriteThem() throws {
        let options = CheckOptions(asOf: Day(iso: "2022-06-30")!)
        let (markdown, _) = try Self.streamed([Self.examples], .markdown, options: options)
        let (json, report) = try Self.streamed([Self.examples], .json, options: options)
        #expect(!markdown.findings.topRisks.isEmpty && !markdown.findings.risks.isEmpty && !markdown.findings.ruleAdvice.isEmpty)
        #expect(!markdown.findings.factorIDs.isEmpty && !markdown.findings.stale.isEmpty)
        #expect(json.findings.topRisks.isEmpty && json.findings.risks.isEmpty && json.findings.ruleAdvice.isEmpty)
        #expect(json.findings.factorIDs.isEmpty && json.findings.stale.isEmpty)
        #expect(json.findings.digest != markdown.findings.digest)
        #expect(json.findings.topCount == markdown.findings.topCount)
        #expect(json.findings.open == markdown.findings.open && json.findings.failing == markdown.findings.failing)
        #expect(json.gate.failed == markdown.gate.failed)
        #expect(report == (try Self.rendered([Self.examples], .json, options: options)))
        // The Markdown report's id is the digest of every finding: the same as a run in memory.
        let rendered = try Self.rendered([Self.examples], .markdown, options: options)
        #expect(rendered.contains("`DD-2022-06-30-\(markdown.findings.digest.prefix(8))`"))
    }

    /// A JSON schema 4 report spills its growing tables (policies, bindings, bands, messages,
    /// path steps, recommendation lists) as the policies are checked: a JSON-only run keeps no policy's summary, and
    /// the report still lists every policy; a run that also writes Markdown keeps them.
    @Test func aJSONOnlyRunKeepsNoPolicySummaries() throws {
        let options = CheckOptions(asOf: TestData.asOf)
        let (json, report) = try Self.streamed([Self.examples], .json, options: options)
        let (markdown, _) = try Self.streamed([Self.examples], .markdown, options: options)
        #expect(json.policies.isEmpty)
        #expect(json.policyCount == markdown.policies.count)
        let document = try JSONDecoder().decode(JSONReportV4.Document<[JSONReportV4.FindingEntry]>.self, from: Data(report.utf8))
        #expect(document.policies.map(\.file) == markdown.policies.map(\.policy.file))
        #expect(!document.path_steps.isEmpty && !document.messages.isEmpty)
        #expect(!document.recommendation_lists.isEmpty)
        let places = document.findings.compactMap(\.recommendations)
        #expect(!places.isEmpty && places.allSatisfy { document.recommendation_lists.indices.contains($0) })
    }

    /// Several formats in one run (the command line's `--format json,markdown,sarif`): each
    /// report is the bytes it has alone, the JSON one with its tables spilled.
    @Test func formatsTogetherAreTheBytesRenderedInMemory() throws {
        let options = CheckOptions(asOf: TestData.asOf)
        let formats: [ReportFormat] = [.json, .markdown, .sarif, .junit]
        let check = StreamedCheck(
            checker: Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies),
            loader: TestData.workspace.policyLoader, options: options)
        let output = try check.run([Self.examples], reporters: formats.map(\.reporter), spillFolder: FileManager.default.temporaryDirectory.path)
        #expect(output.summary.policies.count == output.summary.policyCount)
        for (format, report) in zip(formats, output.reports) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("together-\(UUID().uuidString).\(format.rawValue)")
            defer { try? FileManager.default.removeItem(at: file) }
            try ReportWriter.write([(path: file.path, chunks: report.chunks)])
            #expect(try String(contentsOf: file, encoding: .utf8) == (try Self.rendered([Self.examples], format, options: options)), "\(format)")
        }
    }

    @Test func everyProblemOfEveryFileIsThrownAndNoReportIsMade() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-invalid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestData.minimal("sites:\n  - id: a\n    country: XX\n").utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data(TestData.minimal("").utf8).write(to: folder.appendingPathComponent("b.yaml"))
        try Data("version: 1\ncompany: [\n".utf8).write(to: folder.appendingPathComponent("c.yaml"))
        #expect {
            _ = try Self.streamed([folder.path], .markdown, options: CheckOptions(asOf: TestData.asOf))
        } throws: { error in
            guard case .input(let problems) = error as? StreamedCheck.Failure else { return false }
            return Set(problems.diagnostics.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }) == ["a.yaml", "c.yaml"]
        }
    }

    @Test func anAcceptanceBeyondTheHorizonStopsTheRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-horizon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = TestData.minimal(
            """
            accepted_risks:
              - finding: conflict-proximity/x
                reason: reviewed
                approved_by: Head of Risk
                expires: 2030-01-01
            """)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("far.yaml"))
        #expect {
            _ = try Self.streamed([folder.path], .json, options: CheckOptions(asOf: TestData.asOf))
        } throws: { error in
            guard case .input(let problems) = error as? StreamedCheck.Failure else { return false }
            return problems.diagnostics.count == 1 && problems.diagnostics[0].message.contains("--max-acceptance-days")
        }
    }
}

/// `Parallel.forEachInOrder` hands values over in index order whatever the scheduling.
@Suite struct OrderedHandOffTests {
    @Test(arguments: [0, 1, 2, 31, 32, 33, 1_000])
    func valuesAreConsumedInIndexOrderOnceEach(count: Int) {
        var consumed: [Int] = []
        Parallel.forEachInOrder(
            count: count, window: 4,
            produce: { index -> Int in
                // Uneven work, so later indices often finish first.
                var total = 0
                for step in 0..<((count - index) % 7 * 2_000) { total &+= step }
                return index * 2 + (total == -1 ? 1 : 0)
            },
            consume: { index, value in
                #expect(value == index * 2)
                consumed.append(index)
            })
        #expect(consumed == Array(0..<count))
    }
}
