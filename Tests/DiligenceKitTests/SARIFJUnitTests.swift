import Foundation
import Testing

@testable import DiligenceKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SARIF 2.1.0 and JUnit XML reports: schema validity, locations, fingerprints,
/// suppressions, escaping, determinism.
@Suite struct SARIFJUnitTests {
    // MARK: Shared data

    /// The nine shipped policies, named as `diligence check policies` names them.
    static func shippedPolicies() throws -> [Policy] {
        let folder = TestData.root.appendingPathComponent("policies")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            try TestData.workspace.policyLoader.load(path: folder.appendingPathComponent(name).path, displayPath: "policies/\(name)")
        }
    }

    static func shippedResult() throws -> CheckResult {
        TestData.check(try shippedPolicies())
    }

    /// A shipped policy's text, loaded under its relative display path.
    static func shippedText(_ name: String) throws -> String {
        try String(contentsOf: TestData.root.appendingPathComponent("policies/\(name)"), encoding: .utf8)
    }

    /// Text a policy author controls, with XML syntax, quotes and characters XML 1.0 forbids.
    static let hostile = #"""
        version: 1
        company: "Evil & Sons \"Ltd\" <script>alert('x')</script> \x01\x0B end"
        sites:
          - id: minsk-office
            name: "Office <b>&amp;</b> \"quoted\" 'single' ]]> \x1F"
            kind: office
            country: BY
            city: "Minsk\r\nsecond line"
            depends_on: [internet]
        counterparties:
          - id: provider
            name: "Belt<elecom> & \"Co\""
            country: BY
            role: isp
        """#

    // MARK: SARIF model (what the tests read back)

    struct Log: Decodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Decodable {
        var tool: Tool
        var columnKind: String
        var results: [Result]
        var properties: [String: JSONValue]
    }

    struct Tool: Decodable { var driver: Driver }

    struct Driver: Decodable {
        var name: String
        var version: String
        var informationUri: String?
        var rules: [Rule]
    }

    struct Rule: Decodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Help
        var defaultConfiguration: Configuration
    }

    struct Text: Decodable { var text: String }
    struct Help: Decodable { var text: String; var markdown: String }
    struct Configuration: Decodable { var level: String }

    struct Result: Decodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: [String: JSONValue]
    }

    struct Location: Decodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Decodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Decodable { var uri: String; var uriBaseId: String? }
    struct Region: Decodable { var startLine: Int; var startColumn: Int? }

    struct Suppression: Decodable {
        var kind: String
        var status: String?
        var justification: String?
        var properties: [String: JSONValue]?
    }

    /// Any JSON value, for property bags.
    enum JSONValue: Decodable, Equatable {
        case string(String), number(Double), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }

        var string: String? { if case .string(let value) = self { return value }; return nil }
        subscript(key: String) -> JSONValue? { if case .object(let object) = self { return object[key] }; return nil }
    }

    static func decode(_ sarif: String) throws -> Log {
        try JSONDecoder().decode(Log.self, from: Data(sarif.utf8))
    }

    // MARK: SARIF

    /// Validates against the SARIF 2.1.0 JSON schema with Python's `jsonschema` (the validator
    /// the schema's `$schema` names, Draft 7). Missing python3 or jsonschema fails the test.
    @Test func shippedPoliciesGiveSchemaValidSARIF() throws {
        let sarif = SARIFReporter().render(try Self.shippedResult())
        // A copy of ../shared/schemas/sarif-schema-2.1.0.json (Fixtures/schemas/README.md).
        let schema = TestData.fixtures.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        try #require(FileManager.default.fileExists(atPath: schema.path), "the SARIF schema is missing at \(schema.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diligence-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instance = folder.appendingPathComponent("report.sarif")
        try Data(sarif.utf8).write(to: instance)

        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("the Python package jsonschema is missing: pip install jsonschema")
                sys.exit(3)
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            instance = json.load(open(sys.argv[2], encoding="utf-8"))
            validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)(schema)
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
            for error in errors[:20]:
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            print(type(validator).__name__, len(errors), "error(s)")
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, instance.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 (\(error)); install Python 3 and `pip install jsonschema`")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 127: Issue.record("python3 not found; install Python 3 and `pip install jsonschema`: \(output)")
        case 3: Issue.record("\(output)")
        default: Issue.record("report.sarif is not valid SARIF 2.1.0:\n\(output)")
        }
    }

    @Test func everyResultHasAKnownRuleAndARelativeLocation() throws {
        let result = try Self.shippedResult()
        let log = try Self.decode(SARIFReporter().render(result))
        #expect(log.version == "2.1.0")
        #expect(log.schema == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require(log.runs.first)
        #expect(log.runs.count == 1)
        #expect(run.columnKind == "unicodeCodePoints")
        #expect(run.tool.driver.name == "diligence")
        #expect(run.tool.driver.version == DiligenceVersion.current)
        #expect(run.tool.driver.informationUri == nil)
        let ruleIds = run.tool.driver.rules.map(\.id)
        #expect(ruleIds == RuleRegistry.ids.map(\.rawValue), "every registry rule, in registry order")
        #expect(run.results.count == result.reportedFindings.count)
        #expect(!run.results.isEmpty)
        for (sarif, finding) in zip(run.results, result.reportedFindings) {
            #expect(ruleIds.contains(sarif.ruleId))
            #expect(sarif.ruleIndex.map { ruleIds[$0] } == sarif.ruleId)
            #expect(sarif.ruleId == finding.rule.rawValue)
            #expect(sarif.message.text == finding.message)
            let location = try #require(sarif.locations.first?.physicalLocation)
            #expect(location.region.startLine >= 1)
            #expect((location.region.startColumn ?? 0) >= 1)
            #expect(location.region.startLine == finding.line)
            #expect(location.artifactLocation.uri == finding.policy)
            #expect(location.artifactLocation.uri.hasPrefix("policies/"))
            #expect(URL(string: location.artifactLocation.uri)?.scheme == nil, "relative URI: \(location.artifactLocation.uri)")
            #expect(location.artifactLocation.uriBaseId == "%SRCROOT%")
            #expect(sarif.partialFingerprints[SARIFReporter.fingerprintKey]?.count == 64)
            #expect(sarif.properties["identity"]?.string == finding.identity.description)
            #expect(sarif.properties["severity"]?.string == finding.severity.name)
        }
        for rule in run.tool.driver.rules {
            #expect(!rule.name.isEmpty && !rule.shortDescription.text.isEmpty && !rule.fullDescription.text.isEmpty)
            #expect(rule.help.text.contains("Severity:") && rule.help.markdown.contains("**Recommends**"))
            #expect(["none", "note", "warning", "error"].contains(rule.defaultConfiguration.level))
        }
        // SPEC §6: every output names the database and the as-of date.
        #expect(run.properties["asOf"]?.string == "2020-09-30")
        #expect(run.properties["database"]?["digest"]?.string == result.database.digest)
        #expect(run.properties["database"]?["name"]?.string == result.database.name)
        #expect(run.properties["gate"]?.string == "fail")
    }

    @Test(arguments: [
        (Severity.critical, "error"), (.high, "error"), (.medium, "warning"), (.low, "note"), (.info, "note"),
    ])
    func levelsFollowSeverity(severity: Severity, level: String) {
        #expect(SARIFReporter.level(severity) == level)
    }

    @Test func resultLevelsMatchFindingSeverities() throws {
        let result = try Self.shippedResult()
        let log = try Self.decode(SARIFReporter().render(result))
        let levels = try #require(log.runs.first).results.map(\.level)
        #expect(levels == result.reportedFindings.map { SARIFReporter.level($0.severity) })
        #expect(Set(levels) == ["error", "warning", "note"])
    }

    @Test func fingerprintsSurviveAFindingMovingDown() throws {
        let name = "by-minsk-software-centre.yaml"
        let text = try Self.shippedText(name)
        let file = "policies/\(name)"
        let before = TestData.check([try TestData.policy(text, file: file)])
        let after = TestData.check([try TestData.policy("# a comment and a blank line moved everything down\n\n" + text, file: file)])
        let first = try #require(try Self.decode(SARIFReporter().render(before)).runs.first).results
        let second = try #require(try Self.decode(SARIFReporter().render(after)).runs.first).results
        #expect(!first.isEmpty)
        #expect(first.count == second.count)
        for (old, new) in zip(first, second) {
            #expect(old.partialFingerprints == new.partialFingerprints)
            #expect(new.locations[0].physicalLocation.region.startLine == old.locations[0].physicalLocation.region.startLine + 2)
        }
        // The fingerprint is the identity's, and differs between findings.
        #expect(Set(first.compactMap { $0.partialFingerprints[SARIFReporter.fingerprintKey] }).count == first.count)
        let finding = try #require(before.reportedFindings.first)
        #expect(
            first[0].partialFingerprints[SARIFReporter.fingerprintKey]
                == SHA256.hex(Array("\(file)\n\(finding.identity)".utf8)))
    }

    @Test func acceptedFindingIsSuppressedWithReasonAndApprover() throws {
        let result = TestData.check([
            try TestData.policy(
                try Self.shippedText("by-minsk-software-centre.yaml"),
                file: "policies/by-minsk-software-centre.yaml")
        ])
        let accepted = try #require(result.reportedFindings.first { $0.accepted != nil })
        let acceptance = try #require(accepted.accepted)
        let log = try Self.decode(SARIFReporter().render(result))
        let results = try #require(log.runs.first).results
        let suppressed = results.filter { $0.suppressions != nil }
        #expect(suppressed.count == 1)
        let sarif = try #require(suppressed.first)
        #expect(sarif.properties["identity"]?.string == accepted.identity.description)
        let suppression = try #require(sarif.suppressions?.first)
        #expect(suppression.kind == "external")
        #expect(suppression.status == "accepted")
        let justification = try #require(suppression.justification)
        #expect(justification.contains(acceptance.reason))
        #expect(justification.contains("approved by \(acceptance.approvedBy)"))
        #expect(justification.contains("expires \(acceptance.expires)"))
        #expect(suppression.properties?["approvedBy"]?.string == acceptance.approvedBy)
        #expect(suppression.properties?["expires"]?.string == acceptance.expires.description)
        #expect(results.filter { $0.suppressions == nil }.count == results.count - 1)
    }

    @Test func artifactURIsArePercentEncodedAndAbsolutePathsAreFileURIs() {
        #expect(SARIFReporter.artifactURI("policies/x.yaml") == ("policies/x.yaml", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("my policies/a#b?.yaml") == ("my%20policies/a%23b%3F.yaml", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("c:x.yaml").uri == "c%3Ax.yaml", "a colon cannot make a scheme")
        #expect(SARIFReporter.artifactURI("politiques/société.yaml").uri == "politiques/soci%C3%A9t%C3%A9.yaml")
        let absolute = SARIFReporter.artifactURI("/srv/my policies/x.yaml")
        #expect(absolute.uri == "file:///srv/my%20policies/x.yaml")
        #expect(absolute.uriBaseId == nil)
    }

    @Test func hostilePolicyTextStaysInsideJSONStrings() throws {
        let result = try TestData.check(Self.hostile)
        let log = try Self.decode(SARIFReporter().render(result))
        let messages = try #require(log.runs.first).results.map(\.message.text)
        #expect(messages == result.reportedFindings.map(\.message))
        #expect(messages.contains { $0.contains("<b>&amp;</b>") })
    }

    // MARK: JUnit

    struct Suite {
        var name: String
        var tests: Int
        var failures: Int
        var skipped: Int
        var properties: [String: String]
        var cases: [XMLElement]
    }

    static func parse(_ xml: String) throws -> (root: XMLElement, suites: [Suite]) {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(document.rootElement())
        let suites = root.elements(forName: "testsuite").map { suite in
            let properties = suite.elements(forName: "properties").first?.elements(forName: "property") ?? []
            return Suite(
                name: suite.attribute(forName: "name")?.stringValue ?? "",
                tests: Int(suite.attribute(forName: "tests")?.stringValue ?? "") ?? -1,
                failures: Int(suite.attribute(forName: "failures")?.stringValue ?? "") ?? -1,
                skipped: Int(suite.attribute(forName: "skipped")?.stringValue ?? "") ?? -1,
                properties: Dictionary(
                    properties.map { ($0.attribute(forName: "name")?.stringValue ?? "", $0.attribute(forName: "value")?.stringValue ?? "") },
                    uniquingKeysWith: { first, _ in first }),
                cases: suite.elements(forName: "testcase"))
        }
        return (root, suites)
    }

    @Test func junitHasASuitePerPolicyAndAFailurePerGateFinding() throws {
        let result = try Self.shippedResult()
        let xml = JUnitReporter().render(result)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"diligence\" "))
        let (root, suites) = try Self.parse(xml)
        #expect(root.name == "testsuites")
        #expect(suites.map(\.name) == result.policies.map(\.policy.file))
        #expect(suites.count == 9)
        let failures = suites.flatMap(\.cases).filter { !$0.elements(forName: "failure").isEmpty }
        #expect(failures.count == result.failingFindings.count)
        #expect(suites.reduce(0) { $0 + $1.failures } == result.failingFindings.count)
        #expect(root.attribute(forName: "failures")?.stringValue == "\(result.failingFindings.count)")
        let skipped = suites.flatMap(\.cases).filter { !$0.elements(forName: "skipped").isEmpty }
        #expect(skipped.count == result.reportedFindings.filter { $0.accepted != nil }.count)
        #expect(skipped.count == 1)
        #expect(
            skipped.first?.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue?
                .hasPrefix("accepted until 2021-03-31 by Chief Operating Officer: ") == true)
        for suite in suites {
            #expect(suite.tests == suite.cases.count)
            #expect(suite.failures == suite.cases.filter { !$0.elements(forName: "failure").isEmpty }.count)
            #expect(suite.skipped == suite.cases.filter { !$0.elements(forName: "skipped").isEmpty }.count)
            #expect(suite.properties["as-of"] == "2020-09-30")
            #expect(suite.properties["database-digest"] == result.database.digest)
            #expect(suite.properties["fail-on"] == "high")
        }
        // The clean control policy has one passing test case.
        let norway = try #require(suites.first { $0.name == "policies/control-norway-aquaculture.yaml" })
        #expect(norway.cases.count == 1)
        #expect(norway.cases.first?.attribute(forName: "name")?.stringValue == "no findings")
        // Failures carry the rule, the severity and the evidence.
        let failing = try #require(result.failingFindings.first)
        let element = try #require(
            suites.flatMap(\.cases).first {
                $0.attribute(forName: "name")?.stringValue == failing.identity.description
                    && $0.attribute(forName: "file")?.stringValue == failing.policy
            })
        #expect(element.attribute(forName: "classname")?.stringValue == failing.rule.rawValue)
        #expect(element.attribute(forName: "line")?.stringValue == "\(failing.line)")
        let failure = try #require(element.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == failing.rule.rawValue)
        #expect(failure.attribute(forName: "message")?.stringValue == "\(failing.severity.name): \(failing.message)")
        let body = failure.stringValue ?? ""
        #expect(body.contains("Exposure path: "))
        #expect(body.contains("Evidence:"))
        #expect(body.contains("source: MS Risk Blog"))
        #expect(body.contains("Recommendations:"))
        #expect(!xml.contains("time=\"") && !xml.contains("timestamp"))
    }

    @Test func hostilePolicyTextGivesWellFormedJUnit() throws {
        let result = try TestData.check(Self.hostile)
        #expect(!result.reportedFindings.isEmpty)
        let xml = JUnitReporter().render(result)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let (_, suites) = try Self.parse(xml)
        let suite = try #require(suites.first)
        #expect(suites.count == 1)
        // Attribute values read back exactly, with the characters XML cannot hold written out.
        #expect(suite.properties["company"] == "Evil & Sons \"Ltd\" <script>alert('x')</script> \\u{1}\\u{B} end")
        let messages =
            suite.cases.compactMap { $0.elements(forName: "system-out").first?.stringValue }
            + suite.cases.compactMap { $0.elements(forName: "failure").first?.attribute(forName: "message")?.stringValue }
        #expect(messages.contains { $0.contains("Office <b>&amp;</b> \"quoted\" 'single' ]]> ") })
        #expect(messages.contains { $0.contains("Belt<elecom> & \"Co\"") })
    }

    @Test func failuresBelowReportMinStillCount() throws {
        let policy = try TestData.policy(try Self.shippedText("ml-bamako-trading-house.yaml"), file: "policies/ml-bamako-trading-house.yaml")
        let result = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
            .check([policy], options: CheckOptions(asOf: TestData.asOf, failOn: .low, reportMin: .critical))
        #expect(result.failingFindings.count > result.reportedFindings.count)
        let (_, suites) = try Self.parse(JUnitReporter().render(result))
        #expect(suites.flatMap(\.cases).filter { !$0.elements(forName: "failure").isEmpty }.count == result.failingFindings.count)
    }

    /// The log written directly (results in parts on every core) is byte for byte what
    /// `JSONEncoder` makes of it: accepted findings, exposures, a baseline and hostile text included.
    @Test func theWrittenLogIsWhatJSONEncoderWrites() throws {
        let once = try Self.shippedResult()
        // Twice the shipped policies: more than one part of 64 results.
        let shipped = CheckResult(asOf: once.asOf, options: once.options, database: once.database, policies: once.policies + once.policies)
        let baseline = Baseline(file: "old.json", asOf: "2020-09-01", entries: [])
        let withBaseline = CheckResult(
            asOf: shipped.asOf, options: CheckOptions(asOf: shipped.asOf, failOn: .high, reportMin: .info, baseline: baseline),
            database: shipped.database, policies: shipped.policies)
        for result in [shipped, withBaseline, try ReportTests.hostileResult()] {
            let document = JSONWriterTests.document(result)
            let log = SARIFReporter.log(document, results: document.findings.map(SARIFReporter.result))
            #expect(log.runs[0].results.count > 64 || result.policies.count == 1)
            #expect(JSONStreamEncoder.text(of: log) == JSONReporter.encoderText(of: log))
        }
    }

    @Test func xmlEscapingCoversMarkupQuotesAndForbiddenCharacters() {
        #expect(Escaping.xml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(Escaping.xml("x\u{0}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}y") == "x\\u{0}\\u{8}\\u{B}\\u{C}\\u{E}\\u{1F}y")
        #expect(Escaping.xml("a\u{7F}b\u{85}c\u{202E}d\u{2069}") == "a&#x7F;b&#x85;c&#x202E;d&#x2069;")
        #expect(Escaping.xml("tab\there\nline\r\nend") == "tab\there\nline&#13;\nend")
        #expect(Escaping.xmlAttribute("one\ntwo\tthree") == "one&#10;two&#9;three")
        #expect(Escaping.xml("Лукашенко → ✓ 🙂") == "Лукашенко → ✓ 🙂")
        // Other characters encoded from EF: kept (U+FFFD, U+FF9F, U+F8FF); an attribute's CR, LF and tab.
        #expect(Escaping.xml("\u{FFFD}\u{FF9F}\u{F8FF}\u{FFFE}x\u{FFFF}") == "\u{FFFD}\u{FF9F}\u{F8FF}x")
        #expect(Escaping.xmlAttribute("a\r\nb\t<c>") == "a&#13;&#10;b&#9;&lt;c&gt;")
    }

    // MARK: Both

    @Test(arguments: [ReportFormat.sarif, .junit])
    func twoRendersAreByteIdentical(format: ReportFormat) throws {
        let first = format.reporter.render(try Self.shippedResult())
        let second = format.reporter.render(try Self.shippedResult())
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(!first.isEmpty)
        #expect(format.reporter.format == format)
    }

    @Test func formatsHaveTheirFileNames() {
        #expect(ReportFormat.sarif.fileName == "report.sarif")
        #expect(ReportFormat.junit.fileName == "report.junit.xml")
        #expect(ReportFormat(rawValue: "sarif") == .sarif)
        #expect(ReportFormat(rawValue: "junit") == .junit)
    }
}
