import Foundation
import Testing

@testable import DiligenceKit

/// The thirtieth round (issue 17, memory as the portfolio grows): human rights answers a
/// counterparty whose names start with no word of any human-rights or civil-unrest event without
/// the per-name memo of named events, and a folder's paths are made at their final size.
@Suite struct RulesThirtiethRoundTests {
    /// The run's event words hold every word of every human-rights and civil-unrest factor's
    /// events as known on the date (what `namedEvents` looks a name's first word up in).
    @Test(arguments: RulesTwentySecondRoundTests.dates)
    func eventWordsHoldEveryNamingFactorsWords(asOf: Day) throws {
        let context = RulesTwentySecondRoundTests.context(try TestData.policy(TestData.minimal("")), asOf: asOf, memo: RuleRunMemo())
        let words = context.namingEventWords()
        var factors = 0
        for factor in TestData.workspace.database.factors where factor.kind == .humanRights || factor.kind == .civilUnrest {
            factors += 1
            #expect(context.parts(for: factor).eventWordSet.isSubset(of: words), "\(factor.id)")
        }
        // (At the first date no event is known yet: the set may be empty.)
        #expect(factors > 0)
    }

    /// The named-event memo keeps only names an event may name: a portfolio's counterparties
    /// named in no event leave it empty, and a name an event holds is remembered (and found).
    @Test func namesNoEventHoldsAreNotRemembered() throws {
        let memo = RuleRunMemo()
        let database = TestData.workspace.database
        let context = RulesTwentySecondRoundTests.context(try TestData.policy(TestData.minimal("")), asOf: TestData.asOf, memo: memo)
        // A country with a human-rights or civil-unrest factor in force, and a word of its events.
        let countries = Set(database.factors.map(\.country)).sorted { $0.code < $1.code }
        let named = countries.first { !context.factors(.humanRights, .civilUnrest, in: $0).isEmpty }
        let country = try #require(named)
        let factors = context.factors(.humanRights, .civilUnrest, in: country)
        let unnamed = context.searchedNames(of: ["Zzyzx Quorvane Holdings Limited"])
        #expect(!unnamed.words.isEmpty)
        #expect(context.namedEvents(of: unnamed, in: country, factors).isEmpty)
        #expect(memo.namedEvents.count == 0)
        // A name that is a word of an event (six letters or more) is looked for, and found.
        let word = try #require(factors.lazy.flatMap { context.parts(for: $0).eventWords.joined() }.first { $0.count >= 6 })
        let eventName = context.searchedNames(of: [word])
        #expect(eventName.words == [[word]])
        let found = context.namedEvents(of: eventName, in: country, factors)
        #expect(memo.namedEvents.count == 1)
        #expect(found == HumanRightsObligationsRule.namedEvents(of: eventName.words, factors, context))
        #expect(!found.isEmpty)
    }

    /// A discovered file's path is the folder, a slash unless the folder ends with one, and the
    /// entry, whatever the letters.
    @Test(arguments: [
        ("/tmp/portfolio", "unit-00001.yaml", "/tmp/portfolio/unit-00001.yaml"),
        ("/tmp/portfolio/", "unit-00001.yaml", "/tmp/portfolio/unit-00001.yaml"),
        ("policies", "Zézé Cuamba – Ltda.yaml", "policies/Zézé Cuamba – Ltda.yaml"),
        ("/", "a.yml", "/a.yml"),
        ("", "a.yml", "/a.yml"),
    ])
    func pathsAreFolderAndEntry(folder: String, entry: String, path: String) {
        #expect(FileDiscovery.joinedPath(folder, entry) == path)
        #expect(FileDiscovery.joinedPath(folder, entry) == (folder.hasSuffix("/") ? folder + entry : folder + "/" + entry))
    }
}
