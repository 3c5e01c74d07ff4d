import Foundation
import Testing

@testable import DiligenceKit

/// One expected diagnostic: where it lands and what it says.
struct Expected: Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    init(_ line: Int, _ column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    var description: String { "\(line):\(column): \(message)" }
}

/// A policy text and the diagnostics it must produce, in order.
struct InvalidPolicy: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var expected: [Expected]

    var testDescription: String { name }
}

@Suite struct PolicyLoaderTests {
    // MARK: Scalars taken as written

    @Test(arguments: [
        ("NO", "NO", "Norway"),
        ("no", "NO", "Norway"),
        ("No", "NO", "Norway"),
        ("Norway", "NO", "Norway"),
        ("\"côte d'ivoire\"", "CI", "Côte d'Ivoire"),
        ("Côte d’Ivoire", "CI", "Côte d'Ivoire"),
        ("Ivory Coast", "CI", "Côte d'Ivoire"),
        ("Mozambique", "MZ", "Mozambique"),
        ("mz", "MZ", "Mozambique"),
        ("ML", "ML", "Mali"),
    ])
    func countriesResolveFromCodesAndNames(written: String, code: String, name: String) throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                sites:
                  - id: site
                    country: \(written)
                """))
        let site = try #require(policy.sites.first)
        #expect(site.country.code == code)
        #expect(site.country.name == name)
    }

    @Test(arguments: [
        ("[0101]", ["0101"]),
        ("[8429.10]", ["842910"]),
        ("[\"8429\", 3004]", ["8429", "3004"]),
        ("[0302, 0304]", ["0302", "0304"]),
    ])
    func hsCodesAreDigitStringsWithLeadingZerosKept(written: String, codes: [String]) throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                trade:
                  - id: flow
                    direction: export
                    country: JP
                    hs_codes: \(written)
                """))
        #expect(policy.trade.first?.hsCodes == codes)
    }

    /// HS codes classify the flow into goods categories, so exemptions and restrictions apply.
    @Test(arguments: [
        ("goods: [medicines]\n    hs_codes: [\"3004\"]", ["medicines"]),
        ("hs_codes: [\"8429\"]", ["industrial-machinery"]),
        ("hs_codes: [8471]", ["it-equipment"]),
        ("hs_codes: [0101]", ["livestock"]),
        ("goods: [machinery]\n    hs_codes: [8429]", ["industrial-machinery"]),
        ("goods: [drugs, fuels]", ["medicines", "fuel"]),
    ])
    func goodsComeFromCategoriesAndHSCodes(lines: String, goods: [String]) throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                trade:
                  - id: flow
                    direction: export
                    country: ML
                    \(lines)
                """))
        #expect(policy.trade.first?.goods == goods)
    }

    @Test func synonymsAreStoredAsCanonicalIds() throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                sites:
                  - id: plant
                    kind: processing-plant
                    country: NO
                    depends_on: [Slack, wifi, Slack]
                    continuity: [VSAT]
                counterparties:
                  - id: provider
                    name: Beltelecom
                    country: BY
                    role: ISP
                """))
        let site = try #require(policy.sites.first)
        #expect(site.kind == "plant")
        #expect(site.dependsOn == ["slack", "internet"])
        #expect(site.continuity == ["satellite-link"])
        #expect(policy.counterparties.first?.role == "internet-provider")
    }

    @Test func aCompletePolicyKeepsEveryField() throws {
        let policy = try TestData.policy(
            """
            version: 1
            company: Acme Offshore Services Ltd
            owner: compliance@acme.example
            sector: energy-services
            reviewed: 2020-02-29
            sites:
              - id: afungi-camp
                name: Afungi LNG construction camp
                kind: construction-site
                country: MZ
                region: Cabo Delgado
                city: Palma
                location: { lat: -10.79, lon: 40 }
                staff: { local: 300, expatriate: 40 }
                security_provider: Dyck Advisory Group
            travel:
              - id: bamako-visits
                country: ML
                city: Bamako
                travellers: 3
                frequency: monthly
            accepted_risks:
              - finding: conflict-proximity/afungi-camp
                reason: Security plan reviewed
                approved_by: Head of Compliance
                expires: 2021-03-31
            """)
        #expect(policy.company == "Acme Offshore Services Ltd")
        #expect(policy.companyMark == Mark(line: 2, column: 10))
        #expect(policy.reviewed == Day(iso: "2020-02-29"))
        let site = try #require(policy.sites.first)
        #expect(site.location == Coordinate(lat: -10.79, lon: 40))
        #expect(site.staffLocal == 300)
        #expect(site.staffExpatriate == 40)
        #expect(site.securityProvider == "Dyck Advisory Group")
        #expect(site.securityProviderMark == Mark(line: 15, column: 24))
        // A list item's mark is where its mapping starts: the `id` key after `- `.
        #expect(site.mark == Mark(line: 7, column: 5))
        #expect(policy.travel.first?.travellers == 3)
        #expect(policy.travel.first?.mark == Mark(line: 17, column: 5))
        let risk = try #require(policy.acceptedRisks.first)
        #expect(risk.expires == Day(iso: "2021-03-31"))
        #expect(risk.mark == Mark(line: 23, column: 5))
    }

    // MARK: Nulls and empty lists

    @Test(arguments: ["sites:\n", "sites: ~\n", "sites: []\n", "sites: null\n"])
    func anEmptySitesListMeansNoSites(body: String) throws {
        let policy = try TestData.policy(TestData.minimal(body))
        #expect(policy.sites.isEmpty)
    }

    // MARK: Diagnostics with exact positions

    static let invalid: [InvalidPolicy] = [
        InvalidPolicy(
            name: "unknown country",
            yaml: TestData.minimal(
                """
                sites:
                  - id: camp
                    country: Mozambik
                """),
            expected: [Expected(5, 14, "unknown country `Mozambik`; write an ISO 3166-1 alpha-2 code or an English name; did you mean Mozambique (MZ)?")]),
        InvalidPolicy(
            name: "unknown key",
            yaml: TestData.minimal(
                """
                sites:
                  - id: camp
                    country: MZ
                    nmae: Camp
                """), expected: [Expected(6, 5, "unknown key `nmae` in a site; did you mean `name`?")]),
        InvalidPolicy(
            name: "top-level typo",
            yaml: """
                version: 1
                compnay: Acme
                """,
            expected: [
                Expected(1, 1, "missing required key `company` in a policy file"),
                Expected(2, 1, "unknown key `compnay` in a policy file; did you mean `company`?"),
            ]),
        InvalidPolicy(
            name: "travellers: three",
            yaml: TestData.minimal(
                """
                travel:
                  - id: trip
                    country: ML
                    travellers: three
                """), expected: [Expected(6, 17, "`travel[].travellers` must be a whole number written in decimal, found `three`")]),
        InvalidPolicy(
            name: "travellers: \"3\"",
            yaml: TestData.minimal(
                """
                travel:
                  - id: trip
                    country: ML
                    travellers: "3"
                """), expected: [Expected(6, 17, "`travel[].travellers` must be a whole number written in decimal, found quoted text")]),
        InvalidPolicy(
            name: "travellers: 012",
            yaml: TestData.minimal(
                """
                travel:
                  - id: trip
                    country: ML
                    travellers: 012
                """),
            expected: [
                Expected(
                    6, 17, "`travel[].travellers` must be a whole number written in decimal, found `012` (leading zeros are not read as octal here; drop them)")
            ]),
        InvalidPolicy(
            name: "travellers: 0",
            yaml: TestData.minimal(
                """
                travel:
                  - id: trip
                    country: ML
                    travellers: 0
                """), expected: [Expected(6, 17, "`travel[].travellers` must be between 1 and 1000000, found 0")]),
        InvalidPolicy(
            name: "latitude out of range",
            yaml: TestData.minimal(
                """
                sites:
                  - id: camp
                    country: MZ
                    location: { lat: 91, lon: 0 }
                """), expected: [Expected(6, 22, "`sites[].location.lat` must be between -90 and 90, found 91")]),
        InvalidPolicy(
            name: "longitude missing",
            yaml: TestData.minimal(
                """
                sites:
                  - id: camp
                    country: MZ
                    location: { lat: -11.5 }
                """), expected: [Expected(6, 15, "missing required key `lon` in a location")]),
        InvalidPolicy(
            name: "sites: {}", yaml: TestData.minimal("sites: {}\n"),
            expected: [Expected(3, 8, "`sites` must be a list (write `[...]` or one `- item` per line), found a mapping")]),
        InvalidPolicy(
            name: "a site that is a single value", yaml: TestData.minimal("sites:\n  - camp\n"),
            expected: [Expected(4, 5, "`sites[]` must be a mapping of keys, found a single value")]),
        InvalidPolicy(
            name: "reviewed: 20-09-2020", yaml: TestData.minimal("reviewed: 20-09-2020\n"),
            expected: [Expected(3, 11, "`reviewed` must be a date written YYYY-MM-DD, found `20-09-2020`")]),
        InvalidPolicy(
            name: "reviewed: 2020-02-30", yaml: TestData.minimal("reviewed: 2020-02-30\n"),
            expected: [Expected(3, 11, "`reviewed` must be a date written YYYY-MM-DD, found `2020-02-30`")]),
        InvalidPolicy(
            name: "company: ~", yaml: "version: 1\ncompany: ~\n",
            expected: [Expected(2, 10, "`company` has no value; give one or remove the key")]),
        InvalidPolicy(
            name: "company: (nothing)", yaml: "version: 1\ncompany:\n",
            expected: [Expected(2, 9, "`company` has no value; give one or remove the key")]),
        InvalidPolicy(
            name: "company: \"\"", yaml: "version: 1\ncompany: \"\"\n",
            expected: [Expected(2, 10, "`company` is empty")]),
        InvalidPolicy(
            name: "duplicate site ids",
            yaml: TestData.minimal(
                """
                sites:
                  - id: camp
                    country: MZ
                  - id: camp
                    country: MZ
                """), expected: [Expected(6, 9, "duplicate id `camp` in `sites` (first used at line 4); ids must be unique")]),
        InvalidPolicy(
            name: "duplicate keys", yaml: "version: 1\ncompany: A\ncompany: B\n",
            expected: [Expected(3, 1, "duplicate key `company` (first at line 2, column 1)")]),
        InvalidPolicy(
            name: "merge key",
            yaml: TestData.minimal(
                """
                sites:
                  - &base
                    id: a
                    country: MZ
                  - <<: *base
                    id: b
                    country: MZ
                """), expected: [Expected(7, 5, "merge keys (`<<`) are not supported; write the keys out")]),
        InvalidPolicy(
            name: "missing version", yaml: "company: Acme\n",
            expected: [Expected(1, 1, "missing required key `version` in a policy file")]),
        InvalidPolicy(
            name: "missing company", yaml: "version: 1\n",
            expected: [Expected(1, 1, "missing required key `company` in a policy file")]),
        InvalidPolicy(
            name: "version: 2", yaml: "version: 2\ncompany: Acme\n",
            expected: [Expected(1, 10, "`version` must be 1, found 2")]),
        InvalidPolicy(
            name: "version: \"1\"", yaml: "version: \"1\"\ncompany: Acme\n",
            expected: [Expected(1, 10, "`version` must be a whole number written in decimal, found quoted text")]),
        InvalidPolicy(
            name: "unknown rule in an acceptance",
            yaml: TestData.minimal(
                """
                accepted_risks:
                  - finding: shutdown-exposur/minsk-office
                    reason: Satellite uplink on order
                    approved_by: Head of Compliance
                    expires: 2021-03-31
                """), expected: [Expected(4, 14, "unknown rule `shutdown-exposur` in `finding`; did you mean `shutdown-exposure`?")]),
        InvalidPolicy(
            name: "acceptance without a subject",
            yaml: TestData.minimal(
                """
                accepted_risks:
                  - finding: shutdown-exposure
                    reason: Satellite uplink on order
                    approved_by: Head of Compliance
                    expires: 2021-03-31
                """), expected: [Expected(4, 14, "`finding` must be `rule/subject` or `rule/subject/factor`, found `shutdown-exposure`")]),
        InvalidPolicy(
            name: "acceptance without expiry",
            yaml: TestData.minimal(
                """
                accepted_risks:
                  - finding: shutdown-exposure/minsk-office
                    reason: Satellite uplink on order
                    approved_by: Head of Compliance
                """), expected: [Expected(4, 5, "missing required key `expires` in an accepted risk")]),
        InvalidPolicy(
            name: "empty file", yaml: "",
            expected: [Expected(1, 1, "empty policy file; a policy needs at least `version: 1` and `company: NAME`")]),
        InvalidPolicy(
            name: "comments only", yaml: "# a policy, some day\n",
            expected: [Expected(1, 1, "empty policy file; a policy needs at least `version: 1` and `company: NAME`")]),
        InvalidPolicy(
            name: "a list at the root", yaml: "- version: 1\n",
            expected: [Expected(1, 1, "expected a mapping of keys (such as `version: ...`), found a list")]),
        InvalidPolicy(
            name: "unknown goods category",
            yaml: TestData.minimal(
                """
                trade:
                  - id: flow
                    direction: export
                    country: ML
                    goods: [machinary]
                """), expected: [Expected(7, 13, "unknown goods category `machinary` in `trade[].goods[]`; did you mean `industrial-machinery`?")]),
        InvalidPolicy(
            name: "direction typo",
            yaml: TestData.minimal(
                """
                trade:
                  - id: flow
                    direction: exports
                    country: ML
                """), expected: [Expected(5, 16, "`trade[].direction` must be one of export, import, found `exports`; did you mean `export`?")]),
        InvalidPolicy(
            name: "id with a space",
            yaml: TestData.minimal(
                """
                sites:
                  - id: my camp
                    country: MZ
                """),
            expected: [Expected(4, 9, "`sites[].id` must be an identifier (ASCII letters, digits, `-`, `_`, `.`, `:`, `/`; no spaces), found `my camp`")]),
        InvalidPolicy(
            name: "HS code with a letter",
            yaml: TestData.minimal(
                """
                trade:
                  - id: flow
                    direction: export
                    country: ML
                    hs_codes: [84a9]
                """), expected: [Expected(7, 16, "`trade[].hs_codes[]` must be a code of 2 to 10 digits such as \"8429\", found `84a9`")]),
    ]

    @Test(arguments: PolicyLoaderTests.invalid)
    func invalidPoliciesAreLocatedExactly(policy: InvalidPolicy) {
        let problems = TestData.problems(policy.yaml)
        #expect(problems.map { "\($0.location.line):\($0.location.column): \($0.message)" } == policy.expected.map(\.description))
        #expect(problems.allSatisfy { $0.location.file == "test.yaml" && $0.level == .error })
    }

    /// XcodeGen's lesson: every problem of a file at once, in file order.
    @Test func everyProblemOfAFileIsReportedTogether() {
        let problems = TestData.problems(
            """
            version: 2
            company: Acme
            sites:
              - id: camp
                country: Mozambik
                nmae: Camp
              - id: camp
                country: MZ
            travel:
              - id: trip
                country: ML
                travellers: three
            reviewed: 20-09-2020
            """)
        #expect(problems.count == 6)
        #expect(problems.map { "\($0.location.line):\($0.location.column)" } == ["1:10", "5:14", "6:5", "7:9", "12:17", "13:11"])
        #expect(problems.map(\.description).allSatisfy { $0.hasPrefix("test.yaml:") && $0.contains(": error: ") })
    }

    // MARK: Booleans (not in the policy schema; the vocabulary files use them)

    static let booleanSchema = ObjectSchema(
        name: "a test record", summary: "",
        fields: [
            Field("enabled", .boolean, "A flag.")
        ])

    @Test(arguments: [
        ("yes", "`yes` is not a boolean here; write true"),
        ("Yes", "`Yes` is not a boolean here; write true"),
        ("on", "`on` is not a boolean here; write true"),
        ("y", "`y` is not a boolean here; write true"),
        ("no", "`no` is not a boolean here; write false"),
        ("NO", "`NO` is not a boolean here; write false"),
        ("off", "`off` is not a boolean here; write false"),
        ("1", "`enabled` must be true or false, found `1`"),
        ("maybe", "`enabled` must be true or false, found `maybe`"),
        ("\"true\"", "`enabled` must be a boolean, found quoted text; write true without quotes"),
    ])
    func yamlOneOneBooleansAreRejected(written: String, message: String) throws {
        let root = try #require(try TestData.read("enabled: \(written)\n"))
        var validator = SchemaValidator(
            file: "test.yaml", countries: TestData.workspace.countries,
            vocabularies: TestData.workspace.vocabularies)
        _ = validator.validateRoot(root, as: Self.booleanSchema)
        #expect(validator.sink.diagnostics.map(\.description) == ["test.yaml:1:10: error: \(message)"])
    }

    @Test(arguments: [("true", true), ("false", false)])
    func onlyTrueAndFalseAreBooleans(written: String, value: Bool) throws {
        let root = try #require(try TestData.read("enabled: \(written)\n"))
        var validator = SchemaValidator(
            file: "test.yaml", countries: TestData.workspace.countries,
            vocabularies: TestData.workspace.vocabularies)
        let validated = validator.validateRoot(root, as: Self.booleanSchema)
        let record = try #require(validated)
        #expect(validator.sink.diagnostics.isEmpty)
        #expect(record.boolean("enabled") == value)
    }

    @Test func aYesInAVocabularyFileIsATrap() {
        let yaml = """
            vocabulary: continuity
            terms:
              - id: pigeon-post
                covers: [internet]
                survives_state_shutdown: yes
            """
        #expect(throws: InputError.self) {
            _ = try VocabularyLoader.parse(Array(yaml.utf8), file: "extra.yaml", countries: TestData.workspace.countries)
        }
        do {
            _ = try VocabularyLoader.parse(Array(yaml.utf8), file: "extra.yaml", countries: TestData.workspace.countries)
        } catch {
            #expect(error.diagnostics.map(\.description) == ["extra.yaml:5:30: error: `yes` is not a boolean here; write true"])
        }
    }

    // MARK: Files on disk

    @Test func everyExamplePolicyLoads() throws {
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        #expect(files.count >= 9)
        for file in files {
            do {
                let policy = try TestData.workspace.policyLoader.load(path: file, displayPath: URL(fileURLWithPath: file).lastPathComponent)
                #expect(!policy.company.isEmpty)
                #expect(
                    !(policy.sites.isEmpty && policy.trade.isEmpty && policy.counterparties.isEmpty && policy.travel.isEmpty),
                    "\(file) describes no operation")
            } catch {
                Issue.record("\(file) does not load: \(error)")
            }
        }
    }

    @Test func theNorwayControlReadsNOAsNorwayAndHSCodesAsStrings() throws {
        let path = TestData.root.appendingPathComponent("policies/control-norway-aquaculture.yaml").path
        let policy = try TestData.workspace.policyLoader.load(path: path)
        #expect(policy.sites.allSatisfy { $0.country.code == "NO" })
        #expect(policy.trade.first { $0.id == "japan-fresh-salmon" }?.hsCodes == ["0302"])
    }

    @Test func aMissingFileIsAnInputErrorAtLineOne() {
        do {
            _ = try TestData.workspace.policyLoader.load(path: "/nonexistent/policy.yaml", displayPath: "policy.yaml")
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["policy.yaml:1:1: error: no such file"])
        }
    }
}
