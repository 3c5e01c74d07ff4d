import Foundation
import Testing

@testable import DiligenceKit

/// What the nineteenth round (`speed25`) changed must behave as before: a risk factor and a site
/// hold their fields by reference (`Shared`), so a copy is one retain; each must still encode,
/// compare, hash and change as the plain struct of its fields did, on the seeds' factors and the
/// shipped policies' sites.
@Suite struct RulesNineteenthRoundTests {
    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// Every site of the shipped policies and the example, as the decoder reads them.
    static func sites() throws -> [Site] {
        let folder = TestData.root.appendingPathComponent("policies")
        var paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        paths.append(TestData.root.appendingPathComponent("examples/minsk.yaml").path)
        return try paths.flatMap { try TestData.workspace.policyLoader.load(path: $0).sites }
    }

    /// Each factor of the seeds encodes as its fields (the struct it was), decodes back equal,
    /// and is equal, with the same hash, to the factor built again from its fields by the
    /// initialiser.
    @Test func factorsAreTheirFields() throws {
        let factors = TestData.workspace.database.factors
        #expect(factors.count > 5)
        for factor in factors {
            #expect(try Self.json(factor) == Self.json(factor.fields), "\(factor.id)")
            let decoded = try JSONDecoder().decode(RiskFactor.self, from: JSONEncoder().encode(factor))
            #expect(decoded == factor, "\(factor.id)")
            #expect(decoded.fields == factor.fields, "\(factor.id)")
            let f = factor.fields
            let rebuilt = RiskFactor(
                id: f.id, kind: f.kind, title: f.title, summary: f.summary, country: f.country, inForceFrom: f.inForceFrom,
                inForceUntil: f.inForceUntil, published: f.published, modified: f.modified, reviewed: f.reviewed,
                severity: f.severity, affects: f.affects, exemptGoods: f.exemptGoods, areas: f.areas, targets: f.targets,
                events: f.events, references: f.references, recommendations: f.recommendations, notes: f.notes, file: f.file,
                mark: f.mark, imposedBy: f.imposedBy, status: f.status, statusMark: f.statusMark, nationwide: f.nationwide)
            #expect(rebuilt == factor, "\(factor.id)")
            #expect(rebuilt.hashValue == factor.hashValue, "\(factor.id)")
            #expect(Set([rebuilt, factor]).count == 1)
        }
    }

    /// Setting a field of a copy changes the copy only, as with a struct of stored fields; the
    /// copy differs until it is set back.
    @Test func aFactorsCopyChangesAlone() throws {
        let factors = TestData.workspace.database.factors
        let withEvents = try #require(factors.first { !$0.events.isEmpty && !$0.areas.isEmpty })
        var copy = withEvents
        copy.title += " (changed)"
        #expect(copy != withEvents)
        #expect(withEvents.title == withEvents.fields.title)
        #expect(copy.title == withEvents.title + " (changed)")
        copy.title = withEvents.title
        #expect(copy == withEvents)
        copy.events.removeLast()
        #expect(copy.events.count == withEvents.events.count - 1)
        #expect(copy != withEvents)
        copy.events = withEvents.events
        copy.areas[0].name += "x"
        #expect(copy.areas[0].name == withEvents.areas[0].name + "x")
        #expect(copy != withEvents)
        copy.areas = withEvents.areas
        copy.nationwide.toggle()
        #expect(copy != withEvents)
        copy.nationwide.toggle()
        #expect(copy == withEvents)
        #expect(copy.hashValue == withEvents.hashValue)
        #expect(try Self.json(copy) == Self.json(withEvents))
    }

    /// Each site of the shipped policies is the site the decoder filled (`Site.Fields`): the
    /// same encoding, the same value built again by the initialiser, and a copy that changes
    /// alone.
    @Test func sitesAreTheirFields() throws {
        let sites = try Self.sites()
        #expect(sites.count > 10)
        #expect(sites.contains { $0.location != nil } && sites.contains { $0.location == nil })
        for site in sites {
            #expect(try Self.json(site) == Self.json(site.fields), "\(site.id)")
            let decoded = try JSONDecoder().decode(Site.self, from: JSONEncoder().encode(site))
            #expect(decoded == site, "\(site.id)")
            let f = site.fields
            let rebuilt = Site(
                id: f.id, name: f.name, kind: f.kind, country: f.country, region: f.region, city: f.city, location: f.location,
                staffLocal: f.staffLocal, staffExpatriate: f.staffExpatriate, dependsOn: f.dependsOn, continuity: f.continuity,
                securityProvider: f.securityProvider, securityProviderMark: f.securityProviderMark, mark: f.mark,
                incorporated: f.incorporated)
            #expect(rebuilt == site && rebuilt.hashValue == site.hashValue, "\(site.id)")
            #expect(Site(f) == site)
            var copy = site
            copy.dependsOn.append("changed")
            copy.city = (site.city ?? "") + "x"
            #expect(copy != site)
            #expect(site.fields == f)
            #expect(copy.dependsOn == f.dependsOn + ["changed"])
            copy.dependsOn = f.dependsOn
            copy.city = f.city
            #expect(copy == site)
            #expect(copy.displayName == (f.name ?? f.id))
        }
    }

    /// The shipped policies and the example, as the decoder reads them.
    static func policies() throws -> [Policy] {
        let folder = TestData.root.appendingPathComponent("policies")
        var paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        paths.append(TestData.root.appendingPathComponent("examples/minsk.yaml").path)
        return try paths.map { try TestData.workspace.policyLoader.load(path: $0) }
    }

    /// Each counterparty and trade flow of the shipped policies encodes, compares and changes
    /// as its fields (the structs they were).
    @Test func counterpartiesAndFlowsAreTheirFields() throws {
        let policies = try Self.policies()
        let parties = policies.flatMap(\.counterparties), flows = policies.flatMap(\.trade)
        #expect(parties.count > 10 && flows.count > 10)
        for party in parties {
            #expect(try Self.json(party) == Self.json(party.fields), "\(party.id)")
            #expect(try JSONDecoder().decode(Counterparty.self, from: JSONEncoder().encode(party)) == party)
            #expect(Counterparty(party.fields) == party && Counterparty(party.fields).hashValue == party.hashValue)
            var copy = party
            copy.aliases.append("changed")
            #expect(copy != party && party.aliases == party.fields.aliases && copy.aliases == party.aliases + ["changed"])
        }
        for flow in flows {
            #expect(try Self.json(flow) == Self.json(flow.fields), "\(flow.id)")
            #expect(try JSONDecoder().decode(TradeFlow.self, from: JSONEncoder().encode(flow)) == flow)
            #expect(TradeFlow(flow.fields) == flow && TradeFlow(flow.fields).hashValue == flow.hashValue)
            var copy = flow
            copy.transit.append(Country(code: "ZZ", name: "Nowhere"))
            #expect(copy != flow && copy.transit.count == flow.transit.count + 1 && flow.transit == flow.fields.transit)
        }
    }

    /// A policy's countries kept at their first mention, then sorted, are those of the set they
    /// were gathered in, on the shipped policies and on a policy naming countries again in
    /// every operation.
    @Test func operationCountriesAreTheSetsCountries() throws {
        var policies = try Self.policies()
        policies.append(
            try TestData.policy(
                TestData.minimal(
                    """
                    sites:
                      - { id: a, country: ML }
                      - { id: b, country: BY }
                      - { id: c, country: ML }
                    trade:
                      - { id: t, direction: export, country: BY, origin: ML, transit: [SN, ML, BY], destination: SN, goods: [telecom-equipment] }
                    counterparties:
                      - { id: p, name: Acme, country: MZ }
                    travel:
                      - { id: v, country: MZ }
                    """)))
        for policy in policies {
            #expect(policy.operationCountries == policy.operationCountriesBySet, "\(policy.file)")
        }
        #expect(policies.last?.operationCountries.map(\.code) == ["BY", "ML", "MZ", "SN"])
    }

    /// An acceptance read off the bytes covers what `covers` covers: every finding of the
    /// shipped policies against each of their acceptances, each finding's own identity and
    /// `rule/subject`, and texts written to catch it out (a prefix, a slash more or less,
    /// another case, a Kelvin sign for a K, non-ASCII subjects).
    @Test func acceptancesByBytesCoverWhatTheyCover() throws {
        let policies = try Self.policies()
        let result = TestData.check(policies)
        let identities = result.policies.flatMap(\.findings).map(\.identity)
        #expect(identities.count > 50)
        var texts = Set(policies.flatMap(\.acceptedRisks).map(\.finding))
        for identity in identities.prefix(40) {
            let whole = identity.description, short = "\(identity.rule)/\(identity.subject)"
            texts.formUnion([
                whole, short, whole + "/", short + "/", String(whole.dropLast()), whole.uppercased(), "/" + whole,
                short + "//", whole.replacingOccurrences(of: "k", with: "\u{212A}"), whole + " ",
            ])
        }
        let odd = [
            FindingIdentity(rule: "conflict-proximity", subject: "Kiev-office", factor: "F-1"),
            FindingIdentity(rule: "conflict-proximity", subject: "\u{212A}iev-office", factor: "F-1"),
            FindingIdentity(rule: "conflict-proximity", subject: "café", factor: nil),
            FindingIdentity(rule: "conflict-proximity", subject: "cafe\u{301}", factor: nil),
            FindingIdentity(rule: "conflict-proximity", subject: "", factor: ""),
        ]
        texts.formUnion([
            "conflict-proximity/Kiev-office", "conflict-proximity/\u{212A}iev-office/F-1", "conflict-proximity/café",
            "conflict-proximity/cafe\u{301}", "conflict-proximity/", "conflict-proximity//", "",
        ])
        var covered = 0
        for text in texts {
            let risk = AcceptedRisk(finding: text, reason: "r", approvedBy: "a", expires: TestData.asOf, mark: .start)
            for identity in identities + odd {
                let general = risk.covers(identity)
                #expect(risk.coversByBytes(identity, findingIsASCII: text.isASCIIBytes) == general, "\(text) \(identity)")
                if general { covered += 1 }
            }
        }
        #expect(covered > 40)
    }
}
