import Testing

@testable import DiligenceKit

/// Issue 21, B: trade flows and payments are judged by every country they touch.
@Suite struct TradeRouteTests {
    static let loader = TestData.workspace.policyLoader

    static let routed = TestData.minimal(
        """
        sites:
          - id: mine
            country: ML
        trade:
          - id: fees
            kind: payment
            direction: export
            country: SN
            origin: GH
            transit: [CI, bf]
            destination: Mali
            payment: [hawala, open-account]
          - id: parts
            direction: import
            country: SN
            goods: [explosives]
        """)

    /// The fields arrive through each path that builds a policy: the fast path with the policy
    /// scanner (plain block style), the fast path with libyaml (a `>-` block scalar makes the
    /// scanner hand the file over), and the slow path; all three agree.
    @Test(arguments: [false, true])
    func routeFieldsArriveThroughEveryPath(blockScalar: Bool) throws {
        let yaml =
            blockScalar
            ? Self.routed.replacingOccurrences(of: "  - id: fees\n", with: "  - id: fees\n    name: >-\n      Consultancy\n      fees\n") : Self.routed
        let bytes = Array(yaml.utf8)
        let fast = try #require(PolicyDecoderTests.fast(bytes, file: "test.yaml", loader: Self.loader))
        let slow = try PolicyDecoderTests.slow(bytes, file: "test.yaml", loader: Self.loader)
        #expect(fast == slow)
        for policy in [fast, slow] {
            let fees = try #require(policy.trade.first)
            #expect(fees.kind == .payment)
            #expect(fees.origin?.code == "GH")
            #expect(fees.transit.map(\.code) == ["CI", "BF"])
            #expect(fees.destination?.code == "ML")
            #expect(fees.payment == ["hawala", "open-account"])
            #expect(policy.trade.last?.kind == .goods)
            #expect(policy.trade.last?.origin == nil)
            if blockScalar { #expect(fees.name == "Consultancy fees") }
        }
    }

    @Test(arguments: ["goods: [vehicles]", "hs_codes: [\"8704\"]"])
    func goodsOnAPaymentAreALocatedError(line: String) {
        let yaml = TestData.minimal(
            """
            trade:
              - id: pay
                kind: remittance
                direction: export
                country: ML
                \(line)
            """)
        let bytes = Array(yaml.utf8)
        #expect(PolicyDecoderTests.fast(bytes, file: "test.yaml", loader: Self.loader) == nil)
        let problems = TestData.problems(yaml)
        #expect(
            problems.map(\.description) == [
                "test.yaml:8:\(line.hasPrefix("goods") ? 12 : 15): error: a remittance moves no goods: remove `\(line.prefix { $0 != ":" })`, or declare the flow `kind: goods`"
            ])
    }

    @Test(arguments: [
        ("origin: Atlantis", "test.yaml:7:13: error: unknown country `Atlantis`"), ("transit: [SN, XX]", "test.yaml:7:19: error: unknown country `XX`"),
        ("kind: money", "test.yaml:7:11: error:"), ("payment: [western-union]", "test.yaml:7:15: error: unknown payment method `western-union`"),
    ])
    func badRouteValuesAreLocated(line: String, prefix: String) {
        let problems = TestData.problems(
            TestData.minimal(
                """
                trade:
                  - id: t
                    direction: export
                    country: ML
                    \(line)
                """))
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix(prefix) == true, "\(problems)")
    }

    @Test func theRouteNamesEachCountryOnceWithItsParts() throws {
        let policy = try TestData.policy(Self.routed)
        let fees = FlowRoute(try #require(policy.trade.first), policy: policy)
        // The declared origin replaces the company's side; the declared destination the partner's.
        #expect(fees.legs.map(\.country.code) == ["SN", "GH", "CI", "BF", "ML"])
        #expect(fees.legs.map(\.parts) == [[.partner], [.origin], [.transit], [.transit], [.destination]])
        #expect(fees.legs[4].fromSites == false)
        #expect(fees.legs[2].directions(try #require(policy.trade.first)) == ["export", "import"])
        let parts = FlowRoute(try #require(policy.trade.last), policy: policy)
        // An import: the partner is the origin; the company's site country the destination.
        #expect(parts.legs.map(\.country.code) == ["SN", "ML"])
        #expect(parts.legs[1].parts == [.destination])
        #expect(parts.legs[1].fromSites)
        #expect(parts.legs[1].directions(try #require(policy.trade.last)) == ["export"])
    }

    @Test func anImportIntoMaliFromSenegalMeetsTheECOWASHalt() throws {
        let result = try TestData.check(Self.routed)
        let trade = result.findings.filter { $0.rule == "trade-restriction" && $0.subject == "parts" }
        #expect(trade.map(\.severity) == [.high])
        #expect(trade.first?.factors == ["DRF-2020-ML-0002"])
        #expect(trade.first?.path.contains("Mali: destination, the country of the company's sites") == true)
        // A payment moves no goods: no trade finding, a financial one.
        #expect(!result.findings.contains { $0.rule == "trade-restriction" && $0.subject == "fees" })
    }

    @Test(arguments: ["hawala", "cryptocurrency", "cash", "barter"])
    func paymentsOutsideTheBanksAreAWayRoundTheHalt(method: String) throws {
        let findings = try TestData.findings(
            "financial-restriction",
            TestData.minimal(
                """
                trade:
                  - id: pay
                    kind: payment
                    direction: export
                    country: ML
                    payment: [\(method)]
                """))
        #expect(findings.map(\.severity) == [.high])
        #expect(findings.first?.message.contains("outside the banking system: a way round the halt") == true)
        #expect(findings.first?.message.hasPrefix("Payment sent to Mali") == true)
        #expect(findings.first?.recommendations.first?.hasPrefix("Do not pay or receive through cash couriers, hawala") == true)
    }

    @Test(arguments: ["open-account", "documentary-collection", "prepayment", "cheque", "escrow", "letter-of-credit"])
    func everyBankPaymentMethodIsInScope(method: String) throws {
        let findings = try TestData.findings(
            "financial-restriction",
            TestData.minimal(
                """
                trade:
                  - id: spares
                    direction: export
                    country: ML
                    goods: [vehicles]
                    payment: [\(method)]
                """))
        #expect(findings.map(\.severity) == [.high])
        #expect(findings.first?.message.contains("paid by \(method)") == true)
    }

    @Test func aRemittanceIsWordedAsMoney() throws {
        let result = try TestData.check(
            TestData.minimal(
                """
                trade:
                  - id: home
                    kind: remittance
                    direction: export
                    country: ML
                    payment: [mobile-money]
                """))
        let messages = result.findings.map(\.message)
        #expect(!messages.contains { $0.contains("ships goods") }, "\(messages)")
        #expect(messages.contains { $0.contains("sends remittances to Mali") }, "\(messages)")
        #expect(result.findings.first { $0.rule == "financial-restriction" }?.message.hasPrefix("Remittance sent to Mali (paid by mobile-money)") == true)
    }

    @Test func aFlowOutsideAnyRestrictedCountryIsClean() throws {
        #expect(
            try TestData.check(
                TestData.minimal(
                    """
                    sites:
                      - id: office
                        country: GH
                    trade:
                      - id: spares
                        direction: import
                        country: SN
                        goods: [vehicles]
                        payment: [hawala]
                    """)
            ).findings.filter { $0.rule == "trade-restriction" || $0.rule == "financial-restriction" }.isEmpty)
    }

    @Test func aPaymentTermMustSayWhetherItIsBanking() throws {
        let yaml = "vocabulary: payments\nterms:\n  - id: western-union\n    synonyms: [wu]\n"
        #expect(throws: InputError.self) { try VocabularyLoader.parse(Array(yaml.utf8), file: "v.yaml", countries: TestData.workspace.countries) }
        let fine = "vocabulary: payments\nterms:\n  - id: western-union\n    banking: false\n"
        #expect(try VocabularyLoader.parse(Array(fine.utf8), file: "v.yaml", countries: TestData.workspace.countries).1.first?.banking == false)
    }

    @Test func aSynonymAddedToABankMethodKeepsItBanking() {
        var vocabulary = TestData.workspace.vocabularies[.payments]
        vocabulary.add(
            Term(
                id: "bank-transfer", description: "", synonyms: ["virement"], requires: [], covers: [],
                survivesStateShutdown: false, partial: false, hsPrefixes: [], banking: false))
        #expect(vocabulary.term("bank-transfer")?.banking == true)
        #expect(vocabulary.resolve("Virement") == "bank-transfer")
    }
}
