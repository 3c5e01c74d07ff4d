import Foundation
import Testing

@testable import DiligenceKit

/// Issue 21, item 2: where the company and its subsidiaries are incorporated, which regimes
/// bind them, and whether a measure binds or is a secondary risk.
@Suite struct JurisdictionTests {
    static let policy = TestData.minimal(
        """
        incorporated: NO
        subject_to: [ofac, Ecowas]
        sites:
          - id: kayes-mine
            kind: mine
            country: ML
            incorporated: Mali
        """)

    @Test func everyPolicyPathReadsTheJurisdiction() throws {
        let bytes = Array(Self.policy.utf8)
        let (fast, slow) = PolicyDecoderTests.compare(bytes, file: "test.yaml")
        // The fast path builds it (it does not fall back), and both agree.
        let built = try #require(fast)
        let policy = try slow.get()
        #expect(built == policy)
        // NO is Norway, not YAML 1.1's false; regimes by synonym in any case.
        #expect(policy.incorporated?.code == "NO")
        #expect(policy.subjectTo == ["US", "ECOWAS"])
        #expect(policy.sites.first?.incorporated?.code == "ML")
    }

    @Test(arguments: [
        ("subject_to: [EUU]", "test.yaml:3:14: error: unknown sanctions regime `EUU`"),
        ("incorporated: Atlantis", "test.yaml:3:15: error: unknown country `Atlantis`"),
    ])
    func unknownRegimesAndCountriesAreLocatedErrors(line: String, message: String) {
        let problems = TestData.problems(TestData.minimal(line + "\n"))
        #expect(problems.contains { $0.description.hasPrefix(message) }, "\(problems)")
    }

    static func jurisdiction(_ code: String?, stated: [String] = [], asOf: String? = "2020-09-30") -> Jurisdiction {
        Jurisdiction(
            name: "X", incorporated: code.flatMap { TestData.workspace.countries.resolve($0) }, stated: stated,
            regimes: TestData.workspace.vocabularies[.regimes], asOf: asOf.flatMap(Day.init(iso:)))
    }

    @Test func incorporationDerivesTheRegimes() {
        #expect(Self.jurisdiction("LT").regimeIDs == ["EU", "UN"])
        #expect(Self.jurisdiction("NO").regimeIDs == ["UN"])
        #expect(Self.jurisdiction("ML").regimeIDs == ["ECOWAS", "UN"])
        #expect(Self.jurisdiction("US").regimeIDs == ["UN", "US"])
        // The UK left the EU on 31 January 2020, but EU law applied there until 31 December 2020;
        // Mali left ECOWAS on 29 January 2025.
        #expect(Self.jurisdiction("GB").regimeIDs == ["EU", "UK", "UN"])
        #expect(Self.jurisdiction("GB", asOf: "2021-01-01").regimeIDs == ["UK", "UN"])
        #expect(Self.jurisdiction("GB").subjection(to: "EU") == "incorporated in United Kingdom, bound to EU measures on this date")
        #expect(Self.jurisdiction("ML", asOf: "2025-01-28").regimeIDs == ["ECOWAS", "UN"])
        #expect(Self.jurisdiction("ML", asOf: "2025-01-29").regimeIDs == ["UN"])
        #expect(Self.jurisdiction("ML", asOf: nil).regimeIDs == ["UN"])
        // Not a UN member.
        #expect(Self.jurisdiction("TW").regimeIDs == [])
        #expect(Self.jurisdiction("NO", stated: ["US"]).regimeIDs == ["UN", "US"])
        #expect(!Self.jurisdiction(nil).isStated)
        #expect(TestData.workspace.vocabularies[.regimes].term("UN")?.members.count == 193)
        #expect(TestData.workspace.vocabularies[.regimes].term("EU")?.members.count == 27)
        #expect(TestData.workspace.vocabularies[.regimes].term("ECOWAS")?.members.count == 12)
        #expect(TestData.workspace.vocabularies[.regimes].term("ECOWAS")?.formerMembers.count == 3)
    }

    @Test func bindingSecondaryAndNotAssessed() {
        let belarus = TestData.workspace.countries.resolve("BY")
        let senegal = TestData.workspace.countries.resolve("SN")!
        let mali = TestData.workspace.countries.resolve("ML")
        #expect(!Self.jurisdiction("LT").judge(imposedBy: ["EU"], target: belarus, territory: []).isSecondary)
        #expect(Self.jurisdiction("NO").judge(imposedBy: ["EU"], target: belarus, territory: []).isSecondary)
        #expect(!Self.jurisdiction("LT").judge(imposedBy: ["LT", "LV"], target: belarus, territory: []).isSecondary)
        #expect(Self.jurisdiction("NO").judge(imposedBy: ["US-OFAC"], target: nil, territory: []).isSecondary)
        // A flow across Senegal's closed border is within ECOWAS's territory; Mali, the target, is not.
        #expect(!Self.jurisdiction("NO").judge(imposedBy: ["ECOWAS"], target: mali, territory: [(senegal, "transit")]).isSecondary)
        #expect(Self.jurisdiction("NO").judge(imposedBy: ["ECOWAS"], target: mali, territory: [(mali!, "partner")]).isSecondary)
        if case .notAssessed = Self.jurisdiction(nil).judge(imposedBy: ["EU"], target: belarus, territory: []) {
        } else {
            Issue.record("no jurisdiction stated: not assessed")
        }
        if case .notAssessed = Self.jurisdiction("LT").judge(imposedBy: [], target: belarus, territory: []) {
        } else {
            Issue.record("no imposer: not assessed")
        }
    }

    @Test func theExamplePoliciesStateTheirIncorporation() throws {
        let folder = TestData.root.appendingPathComponent("policies")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 9)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let policy = try TestData.policy(text, file: file)
            #expect(policy.incorporated != nil, "\(file) does not say where the company is incorporated")
        }
    }

    @Test func theSeedMeasuresSayWhoImposedThem() throws {
        let database = TestData.workspace.database
        for (id, imposed) in [
            ("DRF-2020-BY-0004", ["EU"]), ("DRF-2020-BY-0005", ["LT", "LV", "EE"]),
            ("DRF-2020-ML-0002", ["ECOWAS"]), ("DRF-2020-ML-0003", ["ECOWAS"]),
        ] {
            #expect(try #require(database.factor(id: id)).imposedBy == imposed)
        }
        // Every measure kind names its imposer.
        for factor in database.factors where [.sanction, .tradeRestriction, .financialRestriction, .travelBan].contains(factor.kind) {
            #expect(!factor.imposedBy.isEmpty, "\(factor.id)")
        }
    }
}

/// Issue 21, item 2.5: a company bound by a measure is never advised to get round it.
@Suite struct BoundCircumventionTests {
    /// Ways round a measure. A clause that carries one must forbid it ("do not", "never", "nor").
    static let patterns = [
        "re-route", "reroute", "route through", "routed through", "through a neighbour", "through another neighbour",
        "through neighbouring", "non-ecowas", "via a third country", "third-country", "third country",
        "in cash", "cash", "barter", "hawala", "cryptocurrency", "intermediar", "re-export", "alternative route",
        "front company", "get round", "get around", "circumvent", "avoid the measure", "strip",
    ]
    static let prohibitions = [
        "do not", "don't", "never", "nor ", "not ", "no ", "refuse", "instead of", "is circumvention", "that is circumvention", "a way round",
    ]

    /// The clauses of a recommendation (split at `;`, `:` and sentence ends) that name a way
    /// round a measure without forbidding it.
    static func offending(_ text: String) -> [String] {
        let clauses = text.lowercased().split { ";:.".contains($0) }.map(String.init)
        return clauses.filter { clause in
            patterns.contains { clause.contains($0) } && !prohibitions.contains { clause.contains($0) }
        }
    }

    @Test func theDetectorCatchesAdviceThatGetsRound() {
        #expect(!Self.offending("Route supplies through non-ECOWAS neighbours such as Mauritania").isEmpty)
        #expect(!Self.offending("Pay the distributor in cash until banks reopen").isEmpty)
        #expect(!Self.offending("Re-route Mali-bound goods via a third country").isEmpty)
        #expect(Self.offending("Do not route goods across the closed borders, nor re-route them through another neighbour").isEmpty)
    }

    /// A policy bound by `factor`: incorporated in the imposing state or a member of the
    /// imposing regime, with every kind of exposure to the factor's country.
    static func boundPolicy(_ factor: RiskFactor) -> String? {
        let regimes = TestData.workspace.vocabularies[.regimes]
        guard let imposer = factor.imposedBy.first else { return nil }
        let home: String
        if let regime = regimes.resolve(imposer) {
            guard let member = regimes.term(regime)?.members.first(where: { $0 != factor.country.code }) else { return nil }
            home = member
        } else {
            home = imposer
        }
        let roles = TestData.workspace.vocabularies[.roles].ids
        let parties = roles.enumerated().map { index, role in
            "  - id: party-\(index)\n    name: Counterparty \(index) \(role)\n    country: \(factor.country.code)\n    role: \(role)"
        }.joined(separator: "\n")
        let payments = ["bank-transfer", "cash", "hawala", "barter", "cryptocurrency"]
        let flows =
            payments.flatMap { method in
                ["export", "import"].map { direction in
                    "  - id: \(direction)-\(method)\n    direction: \(direction)\n    country: \(factor.country.code)\n    goods: [industrial-machinery]\n    payment: [\(method)]"
                }
            }.joined(separator: "\n") + "\n  - id: undeclared\n    direction: export\n    country: \(factor.country.code)"
        return TestData.minimal(
            """
            incorporated: \(home)
            sites:
              - id: local-office
                kind: office
                country: \(factor.country.code)
                incorporated: \(home)
                depends_on: [payments, atm, internet]
            counterparties:
            \(parties)
            trade:
            \(flows)
            """)
    }

    @Test func noBoundCompanyIsAdvisedToGetRoundAMeasure() throws {
        let measures = TestData.workspace.database.factors.filter { !$0.imposedBy.isEmpty }
        #expect(measures.count >= 4)
        for factor in measures {
            let yaml = try #require(Self.boundPolicy(factor), "\(factor.id)")
            // Each measure as of a day it is in force.
            let asOf = max(TestData.asOf, factor.inForceFrom)
            let findings = try TestData.check(yaml, asOf: asOf).findings
            let bound = findings.filter { finding in
                finding.factors.contains(factor.id) && finding.path.contains { $0.hasPrefix("binding: ") }
            }
            #expect(!bound.isEmpty, "\(factor.id): no binding finding for a company bound by it")
            for finding in bound {
                for text in finding.recommendations {
                    #expect(Self.offending(text).isEmpty, "\(factor.id) \(finding.rule)/\(finding.subject): \(text)")
                }
            }
        }
    }
}
