import Foundation
import Testing

@testable import DiligenceKit

/// The JSON Schema, the format references and the starter policy come from the loader's own
/// declarations; these tests keep them in step.
@Suite struct AuthoringTests {
    static let generator = JSONSchemaGenerator(countries: TestData.workspace.countries, vocabularies: TestData.workspace.vocabularies)
    static let reference = FormatReference(vocabularies: TestData.workspace.vocabularies)
    static let schemaText = generator.document(
        for: PolicySchema.policy, title: "diligence policy file, format version 1",
        id: "urn:diligence:schema:policy:1")

    static func committed(_ path: String) throws -> String {
        try String(contentsOf: TestData.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func committedSchemaAndReferencesAreUpToDate() throws {
        #expect(try Self.committed("schema/policy.schema.json") == Self.schemaText, "run scripts/update-docs.sh")
        #expect(try Self.committed("docs/policy-format.md") == Self.reference.policyFormat(), "run scripts/update-docs.sh")
        #expect(try Self.committed("docs/risk-database.md") == Self.reference.riskDatabase(), "run scripts/update-docs.sh")
    }

    @Test func schemaNamesEveryKeyOfTheLoader() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.schemaText.utf8)) as? [String: Any])
        let properties = try #require(json["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(PolicySchema.policy.fields.map(\.name)))
        #expect(json["required"] as? [String] == ["version", "company"])
        let sites = try #require((properties["sites"] as? [String: Any])?["items"] as? [String: Any])
        #expect(Set((sites["properties"] as? [String: Any] ?? [:]).keys) == Set(PolicySchema.site.fields.map(\.name)))
        #expect(sites["required"] as? [String] == ["id", "country"])
        #expect(sites["additionalProperties"] as? Bool == false)
        let definitions = try #require(json["definitions"] as? [String: Any])
        let goods = try #require((definitions["goods"] as? [String: Any])?["enum"] as? [String])
        #expect(goods.contains("medicines") && goods.contains("drugs"))
        let countries = try #require((definitions["country"] as? [String: Any])?["enum"] as? [String])
        #expect(countries.contains("NO") && countries.contains("Norway") && countries.contains("Mozambique"))
    }

    /// Every section example in the references loads with the real loaders.
    @Test func everyDocumentedExampleLoads() throws {
        let loader = TestData.workspace.policyLoader
        let complete = try #require(PolicySchema.policy.example)
        _ = try loader.load(bytes: Array(complete.utf8), file: "example.yaml")
        for schema in [PolicySchema.site, PolicySchema.trade, PolicySchema.counterparty, PolicySchema.travel, PolicySchema.acceptedRisk] {
            let example = try #require(schema.example, "\(schema.name) has no example")
            let key = try #require(schema.key)
            let indented = example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            let policy = "version: 1\ncompany: Example\n\(key):\n\(indented)\n"
            do {
                _ = try loader.load(bytes: Array(policy.utf8), file: "\(key).yaml")
            } catch {
                Issue.record("the \(key) example does not load: \(error)")
            }
        }
        let databaseLoader = RiskDatabaseLoader(countries: TestData.workspace.countries, vocabularies: TestData.workspace.vocabularies)
        let entities = "entities:\n" + (DatabaseSchema.entity.example ?? "").split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        let database = try databaseLoader.load(
            files: [
                ("database.yaml", "database.yaml", Array((DatabaseSchema.metadata.example ?? "").utf8)),
                ("factors/example.yaml", "factors/example.yaml", Array((DatabaseSchema.factor.example ?? "").utf8)),
                ("lists/example.yaml", "lists/example.yaml", Array(entities.utf8)),
            ], path: "example")
        #expect(database.factors.map(\.id) == ["DRF-2020-BY-0001"])
        #expect(database.entities.map(\.id) == ["BY-TRAVELBAN-2020-0001"])
    }

    // MARK: The schema and the loader agree

    static let invalidFixtures =
        (try? FileManager.default.contentsOfDirectory(atPath: TestData.fixtures.appendingPathComponent("invalid").path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    /// Runs scripts/validate_with_schema.py (YAML 1.2 reading, as editors do, then jsonschema).
    static func schemaVerdicts(_ files: [String]) throws -> [String: Bool] {
        let schema = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).schema.json")
        try Data(schemaText.utf8).write(to: schema)
        defer { try? FileManager.default.removeItem(at: schema) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestData.root.appendingPathComponent("scripts/validate_with_schema.py").path, schema.path] + files
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var verdicts: [String: Bool] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = object["file"] as? String, let valid = object["valid"] as? Bool
            else { continue }
            verdicts[file] = valid
        }
        if verdicts.count != files.count {
            Issue.record("the schema validator did not run (needs python3 with PyYAML and jsonschema: pip install pyyaml jsonschema): \(errors)")
        }
        return verdicts
    }

    @Test func shippedPoliciesAndStarterPoliciesValidateAgainstTheSchema() throws {
        let policies = try FileManager.default.contentsOfDirectory(atPath: TestData.root.appendingPathComponent("policies").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { TestData.root.appendingPathComponent("policies/\($0)").path }
        #expect(policies.count >= 8)
        let starter = FileManager.default.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString).yaml")
        let countries = ["NO", "MZ", "BY"].compactMap { TestData.workspace.countries.country(code: $0) }
        try Data(StarterPolicy.render(company: "Acme: Test & Co", countries: countries, reviewed: TestData.asOf).utf8).write(to: starter)
        defer { try? FileManager.default.removeItem(at: starter) }
        let files = policies + [starter.path]
        let verdicts = try Self.schemaVerdicts(files)
        for file in files { #expect(verdicts[file] == true, "\(file) fails the schema") }
    }

    @Test func invalidFixturesAreRejectedByBothTheLoaderAndTheSchema() throws {
        #expect(Self.invalidFixtures.count >= 10)
        let paths = Self.invalidFixtures.map { TestData.fixtures.appendingPathComponent("invalid/\($0)").path }
        let verdicts = try Self.schemaVerdicts(paths)
        for path in paths {
            #expect(verdicts[path] == false, "the schema accepts \(path)")
            do {
                _ = try TestData.workspace.policyLoader.load(path: path)
                Issue.record("the loader accepts \(path)")
            } catch {
                #expect(error.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
            }
        }
    }

    // MARK: init

    @Test(arguments: [[String](), ["NO"], ["NO", "SE", "NO"]])
    func starterPolicyLoadsAndChecksClean(codes: [String]) throws {
        let countries = codes.compactMap { TestData.workspace.countries.country(code: $0) }
        let text = StarterPolicy.render(company: "Example Company Ltd", countries: countries, reviewed: TestData.asOf)
        let policy = try TestData.policy(text)
        #expect(policy.company == "Example Company Ltd")
        #expect(policy.sites.map(\.country.code) == codes)
        #expect(Set(policy.sites.map(\.id)).count == codes.count)
        let result = try TestData.check(text)
        #expect(result.findings.isEmpty)
        #expect(!result.gateFailed)
    }

    @Test(arguments: ["Acme: Test & Co", "O'Brien \"Quoted\" Ltd", "null", "- Dash Corp", "#1 Company", "Ünïcödé GmbH"])
    func starterPolicyKeepsAnyCompanyNameExactly(name: String) throws {
        let policy = try TestData.policy(StarterPolicy.render(company: name, countries: [], reviewed: TestData.asOf))
        #expect(policy.company == name)
    }

    // MARK: explain

    @Test(arguments: RuleRegistry.ids)
    func explainShowsTheRuleDescriptionAndItsExample(id: RuleID) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let text = RuleText.explain(rule.description)
        #expect(text.hasPrefix("\(id): "))
        #expect(text.contains(rule.description.summary))
        #expect(text.contains("Facts used:"))
        for step in rule.description.severityModel { #expect(text.contains(step)) }
        for recommendation in rule.description.recommendations { #expect(text.contains(recommendation)) }
        let example = try #require(rule.description.triggeringExamples.first)
        #expect(text.contains(example.split(separator: "\n").last.map(String.init) ?? "<none>"))
    }
}
