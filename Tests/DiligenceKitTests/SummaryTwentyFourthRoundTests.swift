import Testing

@testable import DiligenceKit

/// Issue 17, twenty-fourth round (`speed41`): the summary part's cheaper comparisons and texts,
/// and the citations' keys kept apart from their lines, against the general paths they stand
/// for, on the findings of the real inputs (the shipped policies, the example and the portfolio
/// fixtures).
struct SummaryTwentyFourthRoundTests {
    static var findings: [Finding] { Array(ReportingTwentySecondRoundTests.checked.findings) }

    /// `sameRule` answers as `==` on every pair of the findings' rules and the constants, and
    /// on copies of them made from their text (another representation of the same bytes).
    @Test func sameRuleIsEquality() {
        let constants: [RuleID] = [.expiredAcceptance, .staleIntelligence, .notAssessed]
        let seen = Set(Self.findings.map(\.rule))
        #expect(seen.count >= 5)
        let rules = Array(seen) + constants + seen.map { RuleID(String(decoding: Array($0.rawValue.utf8), as: UTF8.self)) } + ["x", "", "trade-restrictioN"]
        for a in rules {
            for b in rules { #expect(FindingSummary.Part.sameRule(a, b) == (a == b), "\(a) \(b)") }
        }
    }

    /// A failing finding's line is the interpolation's text, on every finding of the inputs and
    /// on findings with and without a factor and with texts that are not ASCII.
    @Test func failingIdentityIsTheInterpolationsText() {
        var findings = Self.findings
        #expect(findings.contains { $0.identityFactor != nil } && findings.contains { $0.identityFactor == nil })
        if var changed = findings.first {
            changed.policy = "políticas/ünïcode.yaml"
            changed.subject = "Mocímboa da Praia — 港"
            findings.append(changed)
            changed.identityFactor = nil
            findings.append(changed)
        }
        for finding in findings {
            #expect(FindingSummary.Part.failingIdentity(of: finding) == "\(finding.policy): \(finding.identity)")
        }
    }

    /// A policy's part keeps each fact's and event's key beside its line and event, in the
    /// order of first citation, as the general path lists them: the run's citations made of the
    /// parts list the facts and events the findings cite, each once, in that order.
    @Test func citedKeysAndLinesStayTogether() {
        let result = ReportingTwentySecondRoundTests.checked
        var citations = Citations()
        var facts: [String] = []
        var events: [String] = []
        var seenFacts: Set<String> = []
        var seenEvents: Set<String> = []
        var listed = 0
        for entry in result.policies {
            let part = CitedPart(entry.findings, tables: true)
            #expect(part.factKeys.count == part.factPlaces.count)
            #expect(part.factLists.count <= part.factKeys.count)
            #expect(part.eventKeys.count == part.events.count)
            for index in part.factKeys.indices { #expect(part.factKeys[index] == HashedText(TableID.fact(part.factLine(index)))) }
            for (key, event) in zip(part.eventKeys, part.events) { #expect(key == TableID.eventKey(event)) }
            for finding in entry.findings {
                for line in finding.evidence where seenFacts.insert(TableID.fact(line)).inserted {
                    facts.append(TableID.fact(line))
                }
                for event in finding.exposure?.events ?? [] where seenEvents.insert(TableID.eventKey(event).text).inserted {
                    events.append(TableID.eventKey(event).text)
                }
            }
            citations.add(part)
            listed += part.factKeys.count
        }
        #expect(listed > 100)
        #expect(citations.facts.map(\.id) == facts)
        #expect(citations.events.map(\.id) == events)
        for (id, line) in citations.facts { #expect(TableID.fact(line) == id) }
    }

    /// Each acceptance's count of the findings it covers, compared by bytes, is the count
    /// `covers` gives: on the inputs' acceptances and on acceptances naming the findings' own
    /// identities, `rule/subject` only, with a character that is not ASCII, and other texts.
    @Test func acceptanceMatchesAreWhatCoversCounts() throws {
        let result = ReportingTwentySecondRoundTests.checked
        let options = result.context.options
        let catalog = FactorCatalog(TestData.workspace.database, asOf: options.asOf)
        let template = try #require(result.policies.lazy.flatMap(\.policy.acceptedRisks).first)
        var counted = 0
        for var entry in result.policies where !entry.findings.isEmpty {
            var texts = entry.policy.acceptedRisks.map(\.finding)
            for finding in entry.findings.prefix(6) {
                texts += [
                    finding.identity.description, "\(finding.rule)/\(finding.subject)", "\(finding.rule)/\(finding.subject)é",
                    finding.identity.description + "/", "other/\(finding.subject)",
                ]
            }
            texts += ["", "/", "trade-restriction/\u{212A}"]
            entry.policy.acceptedRisks = texts.map { text in
                var risk = template
                risk.finding = text
                return risk
            }
            let part = FindingSummary.Part(entry, options: options, factors: catalog, listsFailing: true, listsFindings: true)
            let expected = entry.policy.acceptedRisks.map { risk in entry.findings.filter { risk.covers($0.identity) }.count }
            #expect(part.policy.acceptanceMatches == expected)
            counted += expected.reduce(0, +)
        }
        #expect(counted > 20)
    }

    /// A part made with the findings' table keys (read in place) cites what the part made
    /// without them cites: the same references, facts with their lines, events, and lists.
    @Test func partsWithAndWithoutTableKeysCiteTheSame() throws {
        let result = ReportingTwentySecondRoundTests.checked
        var compared = 0
        for entry in result.policies {
            let reported = entry.findings.lazy.filter { $0.severity >= result.context.options.reportMin }
            let keys = try #require(FindingTableKeys.of(reported, wanted: true))
            let with = CitedPart(reported, keys: keys, tables: true, lists: true)
            let without = CitedPart(reported, keys: nil, tables: true, lists: true)
            #expect(with.references.map(\.id) == without.references.map(\.id))
            #expect(with.factKeys == without.factKeys)
            #expect(with.factKeys.indices.map(with.factLine) == without.factKeys.indices.map(without.factLine))
            #expect(with.eventKeys == without.eventKeys)
            #expect(with.events == without.events)
            #expect(with.lists.steps.items.map(\.hash) == without.lists.steps.items.map(\.hash))
            #expect(with.lists.messages.items.map(\.hash) == without.lists.messages.items.map(\.hash))
            #expect(with.lists.evidence.items.map(\.hash) == without.lists.evidence.items.map(\.hash))
            compared += with.factKeys.count
        }
        #expect(compared > 100)
    }
}
