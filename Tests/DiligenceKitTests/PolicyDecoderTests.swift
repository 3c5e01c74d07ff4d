import Foundation
import Testing

@testable import DiligenceKit

/// What the fast path must do with a text.
enum FastPathOutcome: Sendable {
    /// The fast path builds the policy, equal to the slow path's.
    case built
    /// The fast path leaves it to the slow path, which accepts it.
    case fallsBack
    /// The slow path rejects it; the fast path must leave it alone.
    case rejected
}

/// A policy text and what the fast path must do with it.
struct FastPathCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var outcome: FastPathOutcome
    var testDescription: String { name }

    init(_ name: String, _ outcome: FastPathOutcome, _ yaml: String) {
        self.name = name
        self.yaml = yaml
        self.outcome = outcome
    }
}

/// The decoder fed by each reader: the scanner and libyaml (the "fast" readers, which leave a
/// text to the tree when they cannot read it) against `YAMLReader`'s tree (the "slow" reader),
/// and the decoder's problems against a reference that validates the tree with
/// `SchemaValidator`, the generic validator the risk database is read with. For every file the
/// tree accepts, the same `Policy`; for every file it rejects, the same problems.
@Suite struct PolicyDecoderTests {
    static let loader = TestData.workspace.policyLoader

    /// The policy when a fast reader (scanner or libyaml) read the text and it is valid; nil when
    /// it is invalid or only the tree reads it.
    static func fast(_ bytes: [UInt8], file: String, loader: PolicyLoader = loader) -> Policy? {
        let decoded = loader.decode(bytes, file: file)
        return decoded.reader == .tree ? nil : try? decoded.result.get()
    }

    /// The policy read through the tree alone.
    static func slow(_ bytes: [UInt8], file: String, loader: PolicyLoader = loader) throws(InputError) -> Policy {
        try loader.decode(bytes, file: file, from: .tree).result.get()
    }

    /// Every reader on one text, and the reference; records an issue where they disagree, and
    /// returns what the fast readers and the tree produced.
    @discardableResult
    static func compare(
        _ bytes: [UInt8], file: String, loader: PolicyLoader = loader,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (fast: Policy?, slow: Result<Policy, InputError>) {
        let slow = loader.decode(bytes, file: file, from: .tree).result
        for first in [PolicyLoader.Reader.scanner, .libyaml] {
            let decoded = loader.decode(bytes, file: file, from: first).result
            switch (decoded, slow) {
            case (.success(let policy), .success(let reference)):
                if policy != reference {
                    Issue.record("\(file): reading from \(first) built a different policy\nfast: \(policy)\nslow: \(reference)", sourceLocation: sourceLocation)
                }
            case (.failure(let error), .failure(let reference)):
                if error.diagnostics != reference.diagnostics {
                    Issue.record("\(file): reading from \(first) found other problems\nfast: \(error)\nslow: \(reference)", sourceLocation: sourceLocation)
                }
            default:
                Issue.record("\(file): reading from \(first) gave \(decoded), the tree \(slow)", sourceLocation: sourceLocation)
            }
        }
        let reference = Reference.problems(bytes, file: file, loader: loader)
        let found = Self.problems(slow)
        if found != reference {
            Issue.record(
                "\(file): the decoder's problems differ from SchemaValidator's\ndecoder: \(found)\nreference: \(reference)", sourceLocation: sourceLocation)
        }
        return (fast(bytes, file: file, loader: loader), slow)
    }

    static func problems(_ result: Result<Policy, InputError>) -> [Diagnostic] {
        if case .failure(let error) = result { return error.diagnostics }
        return []
    }

    /// The problems of a text as `YAMLReader` and `SchemaValidator` find them, with the three
    /// checks across fields: the reference the decoder must agree with.
    enum Reference {
        static func problems(_ bytes: [UInt8], file: String, loader: PolicyLoader) -> [Diagnostic] {
            let root: YAMLNode
            do throws(InputError) {
                guard let read = try YAMLReader.read(bytes, file: file, limits: loader.limits) else {
                    return [
                        Diagnostic(
                            SourceLocation(file: file, line: 1, column: 1), .error,
                            "empty policy file; a policy needs at least `version: 1` and `company: NAME`")
                    ]
                }
                root = read
            } catch {
                return error.diagnostics
            }
            var validator = SchemaValidator(file: file, countries: loader.countries, vocabularies: loader.vocabularies)
            let record = validator.validateRoot(root, as: PolicySchema.policy)
            var sink = validator.sink
            if let record {
                for risk in record.objects("accepted_risks") {
                    guard let finding = risk.text("finding"), let mark = risk.mark("finding") else { continue }
                    if let problem = AcceptedRisk.problem(finding: finding, ruleIDs: loader.ruleIDs) { sink.error(mark, problem) }
                }
                for flow in record.objects("trade") {
                    guard let kind = flow.text("kind").flatMap(TradeFlow.Kind.init(rawValue:)), !kind.movesGoods else { continue }
                    for key in ["goods", "hs_codes"] where !flow.list(key).isEmpty {
                        guard let mark = flow.mark(key) else { continue }
                        sink.error(mark, "a \(kind.rawValue) moves no goods: remove `\(key)`, or declare the flow `kind: goods`")
                    }
                }
                // A flow's `site` names a site of the file.
                let siteIDs = record.objects("sites").map { $0.text("id") ?? "" }
                for flow in record.objects("trade") {
                    guard let site = flow.text("site"), !siteIDs.contains(site), let mark = flow.mark("site") else { continue }
                    var message = "unknown site `\(site)` in `site`: it names no site of this file"
                    if let guess = Suggestion.closest(to: site, in: siteIDs) { message += "; did you mean `\(guess)`?" }
                    sink.error(mark, message)
                }
            }
            return sink.hasErrors ? InputError(sink.diagnostics).diagnostics : []
        }
    }

    /// Every YAML file of the repository that can be read as a policy or is one that is refused.
    static func repositoryYAMLFiles() -> [URL] {
        var files: [URL] = []
        for folder in ["policies", "Tests", "seeds"] {
            let base = TestData.root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
                if folder == "Tests", !url.path.contains("/Fixtures/") { continue }
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The shipped policies and the fixtures that are meant to load: the fast path must take them.
    static let mustBeFast: Set<String> = [
        "Tests/diligenceTests/Fixtures/bamako-travel.yaml",
        "Tests/diligenceTests/Fixtures/norway-clean.yaml",
        "Tests/diligenceTests/Fixtures/hostile/bom-valid.yaml",
    ]

    @Test func everyRepositoryYAMLFileGivesTheSamePolicyOrFallsBack() throws {
        let files = Self.repositoryYAMLFiles()
        #expect(files.count > 20)
        var built = 0
        for url in files {
            let relative = String(url.path.dropFirst(TestData.root.path.count + 1))
            let bytes = [UInt8](try Data(contentsOf: url))
            let (fast, slow) = Self.compare(bytes, file: relative)
            if fast != nil { built += 1 }
            if relative.hasPrefix("policies/") || Self.mustBeFast.contains(relative) {
                #expect(fast != nil, "\(relative): the fast path did not build it (\(slow))")
            }
        }
        #expect(built >= 12)
    }

    /// The examples of the format reference, as `AuthoringTests` loads them.
    @Test func theSchemaExamplesTakeTheFastPath() throws {
        let complete = try #require(PolicySchema.policy.example)
        #expect(Self.compare(Array(complete.utf8), file: "example.yaml").fast != nil)
        for schema in [PolicySchema.site, PolicySchema.trade, PolicySchema.counterparty, PolicySchema.travel, PolicySchema.acceptedRisk] {
            let example = try #require(schema.example)
            let key = try #require(schema.key)
            let indented = example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            let policy = "version: 1\ncompany: Example\n\(key):\n\(indented)\n"
            #expect(Self.compare(Array(policy.utf8), file: "\(key).yaml").fast != nil, "\(key)")
        }
    }

    /// The starter policy `diligence init` writes (comments, quoted company, empty lists).
    @Test func theStarterPolicyTakesTheFastPath() throws {
        let countries = TestData.workspace.countries
        let text = StarterPolicy.render(
            company: "Acme \"Quoted\" Ltd", countries: [try #require(countries.resolve("NO")), try #require(countries.resolve("ML"))],
            reviewed: TestData.asOf)
        #expect(Self.compare(Array(text.utf8), file: "starter.yaml").fast != nil)
    }

    /// Every documented problem: the fast path leaves each to the slow path's messages.
    @Test(arguments: PolicyLoaderTests.invalid)
    func invalidPoliciesFallBack(_ invalid: InvalidPolicy) {
        let (fast, slow) = Self.compare(Array(invalid.yaml.utf8), file: "test.yaml")
        #expect(fast == nil)
        if case .success = slow { Issue.record("the slow path accepts \(invalid.name)") }
    }

    /// Every key of the schema is built into the model (all but `version`, which is only
    /// checked), so no declared field is dropped: a field is declared with where it goes.
    @Test func everyKeyOfTheSchemaIsBuilt() {
        var objects = [PolicySchema.policyObject]
        var visited = 0
        while let object = objects.popLast() {
            visited += 1
            for field in object.fields {
                switch field.shape {
                case .scalar, .scalars:
                    if field.field.name != "version" || object !== PolicySchema.policyObject {
                        #expect(field.store != nil, "\(object.schema.name): \(field.field.name)")
                    }
                case .object(let held), .objects(let held):
                    objects.append(held)
                }
            }
            #expect(object.schema.fields.map(\.name) == object.fields.map(\.field.name))
        }
        #expect(visited == 8)
    }

    static let site = "sites:\n  - id: s\n    country: NO\n"

    static let cases: [FastPathCase] = [
        // Lists written as null are empty lists; other fields with null are errors.
        .init("null list: ~", .built, TestData.minimal("sites: ~\ntrade: null\ntravel:\ncounterparties: Null\naccepted_risks: NULL\n")),
        .init("null list inside an item", .built, TestData.minimal(site + "    depends_on:\n    continuity: ~\n")),
        .init("empty flow list", .built, TestData.minimal("sites: []\n")),
        .init("null text field", .rejected, TestData.minimal(site + "    name: ~\n")),
        .init("null owner", .rejected, TestData.minimal("owner:\n")),
        .init("null location", .rejected, TestData.minimal(site + "    location: null\n")),
        .init(
            "null in a list of text is text", .built,
            TestData.minimal("counterparties:\n  - id: c\n    name: C\n    country: NO\n    aliases: [null, ~, NULL]\n")),
        .init("quoted empty list value", .rejected, TestData.minimal("sites: \"\"\n")),
        .init("quoted empty text", .rejected, TestData.minimal(site + "    name: \"\"\n")),
        .init("block scalar as a list", .rejected, TestData.minimal("sites: |\n  x\n")),
        // Countries.
        .init("NO is Norway", .built, TestData.minimal(site)),
        .init("no is Norway", .built, TestData.minimal("sites:\n  - id: s\n    country: no\n")),
        .init("nO is Norway", .built, TestData.minimal("sites:\n  - id: s\n    country: nO\n")),
        .init("country name", .built, TestData.minimal("sites:\n  - id: s\n    country: Côte d’Ivoire\n")),
        .init("country name, other case", .built, TestData.minimal("sites:\n  - id: s\n    country: mozambique\n")),
        .init("quoted padded code", .built, TestData.minimal("sites:\n  - id: s\n    country: \" no \"\n")),
        .init("unknown country", .rejected, TestData.minimal("sites:\n  - id: s\n    country: Atlantis\n")),
        // HS codes and goods.
        .init("0101 unquoted", .built, TestData.minimal("trade:\n  - id: t\n    direction: export\n    country: JP\n    hs_codes: [0101]\n")),
        .init("0101 quoted", .built, TestData.minimal("trade:\n  - id: t\n    direction: export\n    country: JP\n    hs_codes: [\"0101\", '8429.10']\n")),
        .init("HS code too short", .rejected, TestData.minimal("trade:\n  - id: t\n    direction: export\n    country: JP\n    hs_codes: [1]\n")),
        .init(
            "goods synonyms and HS codes", .built,
            TestData.minimal(
                "trade:\n  - id: t\n    direction: import\n    country: JP\n    goods: [drugs, fuels, drugs]\n    hs_codes: [8429, \"3004\", 0101]\n    payment: [bank-transfer, bank-transfer]\n"
            )),
        .init("unknown goods", .rejected, TestData.minimal("trade:\n  - id: t\n    direction: import\n    country: JP\n    goods: [widgets]\n")),
        .init("direction not a choice", .rejected, TestData.minimal("trade:\n  - id: t\n    direction: Export\n    country: JP\n")),
        // Numbers, integers and text that looks like other things.
        .init("integer in a number field", .built, TestData.minimal(site + "    location: {lat: 1, lon: -2}\n")),
        .init("quoted number", .rejected, TestData.minimal(site + "    location: {lat: \"1\", lon: 2}\n")),
        .init("number out of range", .rejected, TestData.minimal(site + "    location: {lat: 91, lon: 2}\n")),
        .init("quoted version", .rejected, "version: \"1\"\ncompany: Acme\n"),
        .init("version 2", .rejected, "version: 2\ncompany: Acme\n"),
        .init("octal-looking staff", .rejected, TestData.minimal(site + "    staff: {local: 010}\n")),
        .init("empty staff", .built, TestData.minimal(site + "    staff: {}\n")),
        .init("quoted travellers", .rejected, TestData.minimal("travel:\n  - id: t\n    country: ML\n    travellers: \"3\"\n")),
        .init("plain true as text", .built, TestData.minimal("owner: true\nsector: \"true\"\n", company: "yes")),
        .init("quoted true as text", .built, TestData.minimal("", company: "\"true\"")),
        .init("quoted date", .built, TestData.minimal("reviewed: \"2020-09-20\"\n")),
        .init("not a date", .rejected, TestData.minimal("reviewed: 2020-02-30\n")),
        // YAML forms.
        .init(
            "flow list and flow mapping", .built,
            TestData.minimal(site + "    depends_on: [internet, electricity, internet]\n    location: {lat: 59.9, lon: 10.75}\n")),
        .init(
            "block list and mapping", .built,
            TestData.minimal(site + "    depends_on:\n      - internet\n      - electricity\n    location:\n      lat: 59.9\n      lon: 10.75\n")),
        .init("flow items", .built, TestData.minimal("sites: [{id: a, country: NO}, {id: b, country: SE, name: B}]\n")),
        .init("block scalars", .built, TestData.minimal(site + "    name: |\n      Two\n      lines\n    city: >-\n      Folded\n      text\n")),
        .init(
            "comments everywhere", .built,
            "# head\nversion: 1 # one\ncompany: Acme # the company\n# sites\nsites: # list\n  - id: s # id\n    country: NO # Norway\n"),
        .init("quoted keys", .built, "\"version\": 1\n'company': Acme\n"),
        .init("CRLF line ends", .built, "version: 1\r\ncompany: Acme\r\nsites:\r\n  - id: s\r\n    country: NO\r\n"),
        .init("document markers", .built, "%YAML 1.1\n---\nversion: 1\ncompany: Acme\n...\n"),
        .init("byte order mark", .built, "\u{FEFF}version: 1\ncompany: Acme\n"),
        .init("two byte order marks", .built, "\u{FEFF}\u{FEFF}version: 1\ncompany: Acme\n"),
        .init(
            "unicode text", .built,
            TestData.minimal(
                "counterparties:\n  - id: beltelecom\n    name: Белтелеком\n    country: BY\n    aliases: [Белтелеком, \"Bel\\u0074elecom\"]\n",
                company: "Åse & Søn")),
        // Anchors, aliases and tags: valid, but left to the slow path.
        .init(
            "anchor and alias", .fallsBack,
            TestData.minimal("sites:\n  - id: a\n    country: NO\n    location: &here {lat: 1, lon: 2}\n  - id: b\n    country: NO\n    location: *here\n")),
        .init("anchor alone", .fallsBack, TestData.minimal("sites: &all []\n")),
        .init("tag", .fallsBack, TestData.minimal("owner: !!str 12\n")),
        // Problems the slow path reports.
        .init("merge key", .rejected, TestData.minimal("sites:\n  - &a {id: a, country: NO}\n  - <<: *a\n    id: b\n")),
        .init("duplicate key", .rejected, "version: 1\ncompany: A\ncompany: B\n"),
        .init("unknown key", .rejected, TestData.minimal("colour: blue\n")),
        .init("missing company", .rejected, "version: 1\n"),
        .init("missing site country", .rejected, TestData.minimal("sites:\n  - id: s\n")),
        .init("missing latitude", .rejected, TestData.minimal(site + "    location: {lon: 2}\n")),
        .init("duplicate id", .rejected, TestData.minimal("sites:\n  - id: s\n    country: NO\n  - id: s\n    country: SE\n")),
        .init("same id in two lists", .built, TestData.minimal("sites:\n  - id: s\n    country: NO\ntravel:\n  - id: s\n    country: SE\n")),
        .init("bad identifier", .rejected, TestData.minimal("sites:\n  - id: two words\n    country: NO\n")),
        .init(
            "valid finding", .built,
            TestData.minimal("accepted_risks:\n  - finding: shutdown-exposure/s/BY\n    reason: r\n    approved_by: me\n    expires: 2021-03-31\n")),
        .init(
            "finding of one part", .rejected,
            TestData.minimal("accepted_risks:\n  - finding: shutdown-exposure\n    reason: r\n    approved_by: me\n    expires: 2021-03-31\n")),
        .init(
            "finding with an empty part", .rejected,
            TestData.minimal("accepted_risks:\n  - finding: shutdown-exposure//x\n    reason: r\n    approved_by: me\n    expires: 2021-03-31\n")),
        .init(
            "finding of an unknown rule", .rejected,
            TestData.minimal("accepted_risks:\n  - finding: no-such-rule/s\n    reason: r\n    approved_by: me\n    expires: 2021-03-31\n")),
        .init("a list where a mapping goes", .rejected, TestData.minimal(site + "    location: [1, 2]\n")),
        .init("a mapping where a value goes", .rejected, TestData.minimal(site + "    name: {a: b}\n")),
        .init("a mapping where a list goes", .rejected, TestData.minimal("sites: {id: s}\n")),
        .init("a scalar list item", .rejected, TestData.minimal("sites: [s]\n")),
        .init("a list of lists", .rejected, TestData.minimal(site + "    depends_on: [[internet]]\n")),
        .init("a mapping key", .rejected, "version: 1\ncompany: A\n? [a]\n: b\n"),
        .init("root list", .rejected, "- version: 1\n"),
        .init("root scalar", .rejected, "version\n"),
        .init("comments only", .rejected, "# nothing\n"),
        .init("second document", .rejected, "version: 1\ncompany: A\n---\nversion: 1\ncompany: B\n"),
        .init("syntax error", .rejected, "version: 1\ncompany: [A\n"),
        .init("tab indentation", .rejected, "version: 1\ncompany: A\nsites:\n\t- id: s\n"),
        .init("NUL byte", .rejected, "version: 1\ncompany: A\u{0}\n"),
    ]

    @Test(arguments: cases)
    func subtleCases(_ item: FastPathCase) {
        let (fast, slow) = Self.compare(Array(item.yaml.utf8), file: "test.yaml")
        switch item.outcome {
        case .built:
            #expect(fast != nil, "\(slow)")
        case .fallsBack:
            #expect(fast == nil)
            #expect((try? slow.get()) != nil, "\(slow)")
            // The public entry point gives the slow path's policy.
            #expect((try? Self.loader.load(bytes: Array(item.yaml.utf8), file: "test.yaml")) == (try? slow.get()))
        case .rejected:
            #expect(fast == nil)
            #expect((try? slow.get()) == nil)
        }
    }

    /// Values of the subtle cases, so that "equal to the slow path" is also "right".
    @Test func valuesAreConvertedByTheirFieldType() throws {
        let policy = try #require(
            Self.fast(
                Array(
                    TestData.minimal(
                        """
                        sites:
                          - id: s
                            country: no
                            location: {lat: 1, lon: -2}
                            depends_on: [internet, internet]
                        trade:
                          - id: t
                            direction: export
                            country: JP
                            hs_codes: [0101, "8429.10"]
                        counterparties:
                          - id: c
                            name: "true"
                            country: Norway
                            aliases: [null]
                        """
                    ).utf8), file: "test.yaml"))
        let site = try #require(policy.sites.first)
        #expect(site.country.code == "NO")
        #expect(site.location == Coordinate(lat: 1, lon: -2))
        #expect(site.dependsOn == ["internet"])
        #expect(site.mark == Mark(line: 4, column: 5))
        #expect(policy.companyMark == Mark(line: 2, column: 10))
        #expect(policy.trade.first?.hsCodes == ["0101", "842910"])
        #expect(policy.trade.first?.goods == ["livestock", "industrial-machinery"])
        #expect(policy.counterparties.first?.name == "true")
        #expect(policy.counterparties.first?.country.code == "NO")
        #expect(policy.counterparties.first?.aliases == ["null"])
    }

    /// The limits of `YAMLLimits` hold on the fast path too: past one, the slow path reports it.
    @Test(arguments: [
        YAMLLimits(maxBytes: 40, maxNodes: 1_000_000, maxDepth: 64, maxScalarBytes: 64 << 10),
        YAMLLimits(maxBytes: 8 << 20, maxNodes: 10, maxDepth: 64, maxScalarBytes: 64 << 10),
        YAMLLimits(maxBytes: 8 << 20, maxNodes: 1_000_000, maxDepth: 3, maxScalarBytes: 64 << 10),
        YAMLLimits(maxBytes: 8 << 20, maxNodes: 1_000_000, maxDepth: 64, maxScalarBytes: 5),
    ])
    func limitsFallBack(_ limits: YAMLLimits) {
        var loader = Self.loader
        loader.limits = limits
        let yaml = TestData.minimal(Self.site + "    location: {lat: 1, lon: 2}\n    depends_on: [internet, electricity]\n")
        let (fast, slow) = Self.compare(Array(yaml.utf8), file: "test.yaml", loader: loader)
        #expect(fast == nil)
        #expect((try? slow.get()) == nil)
        // Within the limits, the same file is built.
        #expect(Self.compare(Array(yaml.utf8), file: "test.yaml").fast != nil)
    }

    /// The byte-level checks answer as the String functions of the slow path.
    @Test(arguments: [
        "", "0", "-0", "+0", "00", "007", "1", "-1", "+1", "12.5", "-12.50", "+3.", ".5", "1.2.3", "1e5", "0x10", "١٢",
        "1\u{301}", "-\u{338}5", "123456789012345", "1234567890123456", "-123456789012345", "1.0000000000000000000001",
        "~", "null", "Null", "NULL", "nULL", "nuLL", "NUll", "none", "a-b_c.d:e/f", "two words", "é", "a\u{301}",
        String(repeating: "a", count: 200), String(repeating: "a", count: 201), "true", "\u{212A}", "1_000",
    ])
    func byteChecksAgreeWithTheSlowPath(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            #expect(ScalarBytes.decimalInteger(bytes) == SchemaValidator.decimalInteger(text))
            #expect((ScalarBytes.isDecimalNumber(bytes) ? Double(text) : nil) == SchemaValidator.decimalNumber(text))
            #expect(ScalarBytes.isIdentifier(bytes) == FieldType.isIdentifier(text))
            #expect(ScalarBytes.isNull(bytes) == YAMLNode(content: .scalar(text, .plain), mark: .start).isNull)
        }
    }

    /// The goods of an HS code by prefix lookups, as `Vocabulary.goods(forHSCode:)` finds them.
    @Test func goodsOfHSCodesAgreeWithTheVocabulary() {
        let vocabularies = TestData.workspace.vocabularies
        let tables = PolicyTables(countries: TestData.workspace.countries, vocabularies: vocabularies)
        #expect(tables.goodsByPrefix != nil)
        var codes: Set<String> = ["00", "99", "0101", "3004", "8429", "842910", "2709", "9999999999"]
        for term in vocabularies[.goods].terms.values {
            for prefix in term.hsPrefixes {
                codes.insert(prefix)
                codes.insert(prefix + "0")
                codes.insert(prefix + "99")
                codes.insert(String(prefix.dropLast()))
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            codes.insert(String((0..<Int.random(in: 2...10, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }))
        }
        for code in codes where !code.isEmpty {
            #expect(tables.goods(forHSCode: code, vocabularies: vocabularies) == vocabularies[.goods].goods(forHSCode: code), "\(code)")
        }
    }

    /// Mutations of the shipped policies and fixtures (bytes that matter to YAML inserted,
    /// deleted or replaced; lines indented or repeated): every reader gives the same policy or
    /// the same problems, and those are `SchemaValidator`'s (`compare` records any difference).
    @Test func mutatedPoliciesGiveTheSameProblemsThroughEveryReader() throws {
        let pieces: [[UInt8]] = [
            " ", "  ", "- ", ":", ": ", "#", "\"", "'", "[", "]", "{", "}", ",", "\n", "a", "Ж", "&a ", "*a", "!!str ",
            "<<: ", "~", "null", "1", "-1", ".", "0", "id: x\n", "x: 1\n",
        ].map { Array($0.utf8) }
        var generator = SplitMix64(state: 20_261_204)
        var rejected = 0, compared = 0
        for url in Self.repositoryYAMLFiles() where url.path.contains("/policies/") || url.path.contains("/Fixtures/") {
            let original = [UInt8](try Data(contentsOf: url))
            for round in 0..<10 {
                var bytes = original
                for _ in 0...(round % 3) {
                    guard !bytes.isEmpty else { break }
                    let at = generator.below(bytes.count)
                    switch generator.below(4) {
                    case 0: bytes.insert(contentsOf: pieces[generator.below(pieces.count)], at: at)
                    case 1: bytes.remove(at: at)
                    case 2: bytes.replaceSubrange(at...at, with: pieces[generator.below(pieces.count)])
                    default:
                        var start = at
                        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                        var end = at
                        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                        bytes.insert(contentsOf: Array(bytes[start..<min(end + 1, bytes.count)]), at: start)
                    }
                }
                compared += 1
                if case .failure = Self.compare(bytes, file: "\(url.lastPathComponent) mutation \(round)").slow { rejected += 1 }
            }
        }
        #expect(compared > 500)
        // Most mutations make a problem, so the comparison of problems is not empty.
        #expect(rejected > compared / 3, "rejected \(rejected) of \(compared)")
    }

    /// Fuzzer finds (scripts/fuzz.sh policy), kept as fixtures.
    @Test func fuzzFixturesGiveTheSamePolicyOrFallBack() throws {
        let folder = TestData.fixtures.appendingPathComponent("fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("policy-") }
        for name in names.sorted() {
            Self.compare([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))), file: name)
        }
    }
}
