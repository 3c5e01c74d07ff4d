import Foundation
import Testing

@testable import DiligenceKit

/// The controlled vocabularies: synonyms, HS classification, dependency closure, extension.
@Suite struct VocabularyTests {
    let vocabularies = TestData.workspace.vocabularies

    @Test(arguments: [
        (VocabularyKind.dependencies, "Slack", "slack"),
        (.dependencies, "WiFi", "internet"),
        (.dependencies, "4G", "mobile-data"),
        (.dependencies, "github.com", "github"),
        (.dependencies, "ATMs", "atm"),
        (.goods, "drugs", "medicines"),
        (.goods, "Pharmaceuticals", "medicines"),
        (.goods, "diesel", "fuel"),
        (.goods, "machinery", "industrial-machinery"),
        (.goods, "salmon", "seafood"),
        (.roles, "isp", "internet-provider"),
        (.roles, "ISP", "internet-provider"),
        (.roles, "telecom operator", "internet-provider"),
        (.roles, "PMC", "security-contractor"),
        (.roles, "freight_forwarder", "logistics"),
        (.continuity, "VSAT", "satellite-link"),
        (.continuity, "offline-runbook", "offline-procedures"),
        (.continuity, "second-isp", "backup-isp"),
        (.siteKinds, "processing-plant", "plant"),
    ])
    func synonymsResolveToCanonicalIds(kind: VocabularyKind, written: String, id: String) {
        #expect(vocabularies[kind].resolve(written) == id)
    }

    @Test(arguments: [
        (VocabularyKind.dependencies, "carrier-pigeon"),
        (.goods, "unicorns"),
        (.roles, "friend"),
    ])
    func unknownTermsDoNotResolve(kind: VocabularyKind, written: String) {
        #expect(vocabularies[kind].resolve(written) == nil)
    }

    @Test func misspellingsSuggestTheCanonicalId() {
        #expect(vocabularies[.dependencies].suggestion(for: "slak") == "slack")
        #expect(vocabularies[.goods].suggestion(for: "medicnes") == "medicines")
        #expect(vocabularies[.roles].suggestion(for: "internet-provder") == "internet-provider")
    }

    /// Longest prefix first: 8471 is IT equipment although chapter 84 is machinery.
    @Test(arguments: [
        ("3004", "medicines"),
        ("300490", "medicines"),
        ("8429", "industrial-machinery"),
        ("842952", "industrial-machinery"),
        ("8471", "it-equipment"),
        ("847130", "it-equipment"),
        ("2710", "fuel"),
        ("0302", "seafood"),
        ("0101", "livestock"),
    ])
    func hsCodesClassifyByLongestPrefix(code: String, category: String) {
        #expect(vocabularies[.goods].goods(forHSCode: code).first == category)
    }

    @Test func anHSCodeOutsideEveryCategoryHasNone() {
        #expect(vocabularies[.goods].goods(forHSCode: "9999").isEmpty)
    }

    @Test func dependencyClosureFollowsRequires() {
        let dependencies = vocabularies[.dependencies]
        let slack = dependencies.closure(of: "slack")
        #expect(slack.contains("slack"))
        #expect(slack.contains("internet"))
        #expect(slack.contains("messaging"))
        #expect(!slack.contains("electricity"))
        #expect(dependencies.closure(of: "atm").isSuperset(of: ["atm", "payments", "internet"]))
        #expect(dependencies.closure(of: "electricity") == ["electricity"])
        // An unknown id is its own closure (no crash, no invented requirements).
        #expect(dependencies.closure(of: "unknown") == ["unknown"])
    }

    @Test func continuityTermsSayWhetherTheySurviveAStateShutdown() throws {
        let continuity = vocabularies[.continuity]
        let satellite = try #require(continuity.term("satellite-link"))
        #expect(satellite.survivesStateShutdown)
        #expect(!satellite.partial)
        #expect(satellite.covers.contains("slack"))
        let backup = try #require(continuity.term("backup-isp"))
        #expect(!backup.survivesStateShutdown)
        #expect(try #require(continuity.term("offline-procedures")).partial)
    }

    @Test func everyRequirementAndCoverNamesAKnownDependency() {
        let dependencies = vocabularies[.dependencies]
        for term in dependencies.terms.values {
            for required in term.requires { #expect(dependencies.term(required) != nil, "\(term.id) requires unknown \(required)") }
        }
        for term in vocabularies[.continuity].terms.values {
            for covered in term.covers { #expect(dependencies.term(covered) != nil, "\(term.id) covers unknown \(covered)") }
        }
    }

    /// A team extends a vocabulary with a data file: new terms and new synonyms merge in.
    @Test func aTeamCanExtendAVocabularyWithADataFile() throws {
        let folder = TestData.fixtures.appendingPathComponent("vocabularies")
        let extended = try VocabularyLoader.load(extraFolder: folder, countries: TestData.workspace.countries)
        let dependencies = extended[.dependencies]
        #expect(dependencies.resolve("Figma Cloud") == "figma")
        #expect(dependencies.closure(of: "figma").isSuperset(of: ["internet", "cloud-services"]))
        #expect(dependencies.resolve("slack-huddles") == "slack")
        let slack = try #require(dependencies.term("slack"))
        #expect(slack.description == "Slack workspace")
        #expect(slack.requires == ["internet", "messaging"])
        // The built-in vocabulary itself is unchanged.
        #expect(vocabularies[.dependencies].resolve("figma") == nil)
        #expect(vocabularies[.dependencies].resolve("slack-huddles") == nil)
    }
}

/// A synonym listed under two ids would silently resolve to whichever loads last.
@Suite struct VocabularyIntegrityTests {
    @Test(arguments: VocabularyKind.allCases)
    func noNameBelongsToTwoTerms(kind: VocabularyKind) throws {
        let (bytes, path) = try BuiltinResources.data("vocabularies/\(kind.rawValue).yaml")
        let (_, terms) = try VocabularyLoader.parse(bytes, file: path, countries: TestData.workspace.countries)
        var owner: [String: String] = [:]
        for term in terms {
            for name in [term.id] + term.synonyms {
                let key = TextFolding.key(name)
                if let first = owner[key] {
                    #expect(first == term.id, "`\(name)` names both \(first) and \(term.id) in \(kind.rawValue)")
                }
                owner[key] = term.id
            }
        }
    }
}
