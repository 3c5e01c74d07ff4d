import Testing

@testable import DiligenceKit

/// What the rules make once per run or once per policy and share (ninth round, `rules6`): the
/// answers must be those of the work done again for every operation.
@Suite struct RuleRunSharingTests {
    static func context(_ yaml: String, memo: RuleRunMemo = RuleRunMemo()) throws -> RuleContext {
        let workspace = TestData.workspace
        return RuleContext(
            policy: try TestData.policy(yaml), database: workspace.database, asOf: TestData.asOf,
            vocabularies: workspace.vocabularies, settings: .defaults,
            screener: NameScreener(entities: workspace.database.entities), findings: [], runMemo: memo,
            destinations: DestinationResolver(database: workspace.database))
    }

    static let mozambique = TestData.minimal(
        """
        sites:
          - id: pemba-yard
            country: MZ
            location: { lat: -12.97, lon: 40.52 }
        """)

    /// The evidence of the same events is one array for the run, with the lines a finding
    /// would write for them; a factor's lines without events are its own array.
    @Test func findingsCitingTheSameEventsShareTheirEvidenceLines() throws {
        let context = try Self.context(Self.mozambique)
        let mozambique = try #require(CountryTable.shared?.country(code: "MZ"))
        let factor = try #require(context.factors(.armedConflict, in: mozambique).first)
        let events = Array(context.parts(for: factor).events.suffix(3))
        #expect(events.count == 3)
        let first = context.evidence(for: factor, events: events)
        let again = context.evidence(for: factor, events: events)
        let around = factor.evidence(events: [], asOf: TestData.asOf)
        let written = [around[0]] + events.map { Evidence(record: factor.id, fact: $0.evidenceFact, date: $0.evidenceDate) } + around.dropFirst()
        #expect(first == written)
        #expect(first.sharesStorage(with: again))
        // Other events: other lines.
        let other = context.evidence(for: factor, events: Array(events.prefix(2)))
        #expect(other.count == first.count - 1)
        #expect(!other.sharesStorage(with: first))
        // No event: the title and references only, one array however often asked.
        let none = context.evidence(for: factor, events: [])
        #expect(none == around)
        #expect(none.sharesStorage(with: context.evidence(for: factor, events: [])))
    }

    /// Security contractors in a country are judged by the company's places there, found once
    /// per policy: every contractor where a site is in the conflict's reach, none where no site is.
    @Test func everySecurityContractorWhereASiteIsInReachIsFlaggedAndNoneElsewhere() throws {
        func contractors(_ site: String) throws -> [String] {
            try TestData.findings(
                .humanRightsObligations,
                TestData.minimal(
                    """
                    sites:
                    \(site)
                    counterparties:
                      - id: guard-one
                        name: Kuyeli Seguranca Privada
                        country: MZ
                        role: security-contractor
                      - id: guard-two
                        name: Nhamatanda Guarding Services
                        country: MZ
                        role: security-contractor
                    """)
            ).filter { $0.subjectKind == .counterparty }.map(\.subject)
        }
        let inReach = "  - id: pemba-yard\n    country: MZ\n    location: { lat: -12.97, lon: 40.52 }"
        let farAway = "  - id: maputo-office\n    country: MZ\n    location: { lat: -25.97, lon: 32.57 }"
        #expect(try contractors(inReach) == ["guard-one", "guard-two"])
        #expect(try contractors(farAway).isEmpty)
        // A far site and one in reach: in reach.
        #expect(try contractors(farAway + "\n" + inReach) == ["guard-one", "guard-two"])
    }

    /// Names and event texts are split into words on their bytes when folded to ASCII: the same
    /// words as the split on Characters, for ASCII and other texts alike.
    @Test func wordsSplitOnBytesAreTheWordsSplitOnCharacters() {
        let texts = [
            "OAO Belaruskali", "Grodno-Azot (JSC) 2020", "  strike at Belaruskali; workers detained ", "Kuyeli Segurança Privada Lda",
            "Café\r\nRoyal_Trading", "", "---", "Mocímboa da Praia", "МТС Беларусь", "x1 y22 z333", "a`b'c", "tab\tand\nline",
        ]
        for text in texts {
            let byCharacters = TextFolding.key(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
            #expect(HumanRightsObligationsRule.words(text) == byCharacters, "\(text)")
        }
        #expect(HumanRightsObligationsRule.words("Grodno-Azot (JSC) 2020") == ["grodno", "azot", "jsc", "2020"])
    }

    /// A counterparty's searched words are remembered for the run: the same name in a second
    /// policy is found in the factor's events again, and a name no event has is not.
    @Test func aCounterpartyNamedInEventsIsFoundInEveryPolicyOfARun() throws {
        let yaml = TestData.minimal(
            """
            counterparties:
              - id: potash
                name: OAO Belaruskali
                country: BY
              - id: other
                name: Grodno Azot Trading
                country: BY
            """)
        let first = try TestData.policy(yaml, file: "a.yaml")
        let second = try TestData.policy(yaml, file: "b.yaml")
        let result = TestData.check([first, second])
        let named = result.policies.flatMap(\.findings).filter {
            $0.rule == .humanRightsObligations && $0.message.contains("is named in")
        }
        #expect(named.map(\.subject) == ["potash", "potash"])
        #expect(named.map(\.policy) == ["a.yaml", "b.yaml"])
        #expect(HumanRightsObligationsRule.searchedWords(["OAO Belaruskali", "Azot"]) == [["belaruskali"]])
    }
}
