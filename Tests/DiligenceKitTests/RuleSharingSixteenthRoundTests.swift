import Foundation
import Testing

@testable import DiligenceKit

/// What the sixteenth round (`speed16`) writes once per run, or more cheaply, must be the text the
/// old code wrote for each finding: the conflict bands' and windows' texts, numbers with fixed
/// decimals, the words of an ASCII name, a flow's unclassified HS codes, and the per-factor path
/// lines of political instability and shutdown exposure.
@Suite struct RuleSharingSixteenthRoundTests {
    typealias Random = SplitMix64

    /// Settings with other bands and windows than the defaults: one band under 9.95 km (one
    /// decimal), one that rounds up to 10 km, one with a fraction.
    static var otherSettings: RuleSettings {
        var settings = RuleSettings()
        settings.conflictBandsKm = [5, 9.96, 50.5, 120]
        settings.conflictFullWeightDays = 30
        settings.conflictLookbackDays = 61
        return settings
    }

    /// The old `windowText(_:)` of `ConflictProximityRule.judge`.
    static func oldWindowText(_ window: Int, _ settings: RuleSettings) -> String {
        window == 0
            ? "in the last \(settings.conflictFullWeightDays) days"
            : "\(settings.conflictFullWeightDays + 1) to \(settings.conflictLookbackDays) days old"
    }

    /// Every text of `ConflictTexts` is the one the old code wrote for each finding, for every
    /// band and window, event count and count of less precise events.
    @Test(arguments: [RuleSettings.defaults, Self.otherSettings])
    func conflictTextsAreTheOldTexts(_ settings: RuleSettings) {
        let texts = ConflictTexts(settings)
        let bandsKm = settings.conflictBandsKm
        #expect(texts.bandKm.count == bandsKm.count)
        for band in bandsKm.indices {
            let km = ConflictProximityRule.km(bandsKm[band])
            #expect(texts.bandKm[band] == km)
            #expect(texts.band[band] == "≤ \(km)")
            for window in [0, 1] {
                #expect(texts.window[window] == Self.oldWindowText(window, settings))
                #expect(
                    texts.bandLine[band][window]
                        == "band ≤ \(km)" + (window == 1 ? ", older than \(settings.conflictFullWeightDays) days" : ""))
                for count in [2, 7, 143] {
                    let killedText = count == 7 ? ", 12 killed" : ""
                    #expect(
                        String(count) + texts.eventsWithin[band][window] + killedText + ": "
                            == "\(count) events within \(km) \(Self.oldWindowText(window, settings))\(killedText): ")
                    #expect(
                        String(count) + texts.vaguer[band][window]
                            == "\(count) more event(s) within \(km) \(Self.oldWindowText(window, settings)) located less precisely (near the place or only to its region), counted lower"
                    )
                }
            }
        }
        for count in [1, 3, 20] {
            #expect(
                String(count) + texts.areaRecent
                    == "\(count) event(s) located in the area in the last \(settings.conflictFullWeightDays) days → high")
        }
        #expect(texts.areaNotRecent == "no event located in the area in the last \(settings.conflictFullWeightDays) days → medium")
    }

    /// The run's texts are made once and shared: the same for every policy of a checker's run.
    @Test func conflictTextsAreTheRunsOwn() throws {
        let memo = RuleRunMemo()
        let workspace = TestData.workspace
        func context(_ settings: RuleSettings) throws -> RuleContext {
            RuleContext(
                policy: try TestData.policy(TestData.minimal("")), database: workspace.database, asOf: TestData.asOf,
                vocabularies: workspace.vocabularies, settings: settings, screener: NameScreener(entities: []), findings: [],
                runMemo: memo, destinations: DestinationResolver(database: workspace.database))
        }
        let first = try context(.defaults).conflictTexts, second = try context(.defaults).conflictTexts
        #expect(first.window == second.window && first.eventsWithin == second.eventsWithin)
        // Other settings, other texts (the memo is keyed by the settings).
        let other = try context(Self.otherSettings).conflictTexts
        #expect(other.bandKm == ["5.0 km", "10 km", "51 km", "120 km"])
        #expect(other.window == ["in the last 30 days", "31 to 61 days old"])
    }

    /// Numbers written into the string's storage are `String(format: "%.Nf")`'s, at every number
    /// of places, on values of every magnitude (to 4.5e15), negative zero and values just below
    /// a carry into a new digit.
    @Test func fixedPointWritesWhatStringFormatWritesAtEveryPlace() {
        var values: [Double] = [0, -0.0, 9.95, 9.949_999, 99.995, 999.999_5, -0.000_4, -0.6, 1e15, 4.5e15, 0.1, 10, 100, 1_000_000]
        var random = Random(state: 16)
        for _ in 0..<20_000 {
            let magnitude = Double(random.below(1_600)) / 100 - 6
            let sign: Double = random.below(2) == 0 ? -1 : 1
            values.append(sign * Double(random.below(1_000_000)) / 1_000_000 * pow(10, magnitude))
        }
        for places in 0...9 {
            let mismatches = values.filter { FixedPoint.text($0, places: places) != String(format: "%.\(places)f", $0) }
            #expect(mismatches.isEmpty, "places \(places): \(mismatches.prefix(5))")
        }
        #expect(Kilometres.text(9.96) == "10 km")
        #expect(Kilometres.text(0.04) == "0.0 km")
        #expect(Coordinate(lat: -10.79, lon: 40.51).description == "-10.7900, 40.5100")
    }

    /// The old `HumanRightsObligationsRule.words` of an ASCII text: its key, split at anything
    /// not a letter or digit.
    static func oldWords(_ text: String) -> [String] {
        let key = TextFolding.key(text)
        return key.utf8.split { !ASCII.isAlphanumeric($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// An ASCII name's words, split on its bytes, are the words of its key, on names as a
    /// portfolio writes them and on 20,000 random texts of every ASCII character.
    @Test func asciiWordsAreTheKeysWords() {
        let names = [
            "OAO Belaruskali", "Grodno Azot JSC", "  leading and trailing  ", "A_B-C`D", "MTS-Belarus (UE)", "O'Brien & Sons, Ltd.",
            "", " ", "X", "123 456", "Tab\tand\nnewline", "CAPS lower MiXeD 9z", "dots.in.name", "end-",
        ]
        for name in names {
            #expect(HumanRightsObligationsRule.asciiWords(name) == Self.oldWords(name), "\(name)")
            #expect(HumanRightsObligationsRule.words(name) == Self.oldWords(name), "\(name)")
        }
        let pool = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        var random = Random(state: 1_616)
        for _ in 0..<20_000 {
            let text = (0..<random.below(30)).map { _ in pool[random.below(pool.count)] }.joined()
            #expect(HumanRightsObligationsRule.asciiWords(text) == Self.oldWords(text), "\(text.debugDescription)")
        }
        // Any other text is not split on its bytes, and keeps the old way.
        for name in ["Zézé Cuamba", "Уралснаблес", "Łódź Azot", "naïve"] {
            #expect(HumanRightsObligationsRule.asciiWords(name) == nil)
            #expect(!HumanRightsObligationsRule.allASCII([name]))
        }
        #expect(HumanRightsObligationsRule.allASCII(["OAO Belaruskali", "Belaruskali"]))
        #expect(HumanRightsObligationsRule.searchedWords(["OAO Belaruskali", "BK"]) == [["belaruskali"]])
    }

    /// A flow's unclassified HS codes, found once per run, are the flow's own answer.
    @Test func unclassifiedGoodsAreTheFlowsOwn() throws {
        let yaml = TestData.minimal(
            """
            trade:
              - id: flowers
                direction: export
                country: ML
                goods: [rice]
                hs_codes: ["0603", "1006"]
              - id: again
                direction: import
                country: ML
                hs_codes: ["0603", "1006"]
              - id: unknown
                direction: export
                country: ML
                hs_codes: ["999999", "1006", "12"]
              - id: none
                direction: export
                country: ML
                goods: [fuel]
            """)
        let workspace = TestData.workspace
        let memo = RuleRunMemo()
        let policy = try TestData.policy(yaml)
        for _ in 0..<2 {
            let context = RuleContext(
                policy: policy, database: workspace.database, asOf: TestData.asOf, vocabularies: workspace.vocabularies,
                settings: .defaults, screener: NameScreener(entities: []), findings: [], runMemo: memo,
                destinations: DestinationResolver(database: workspace.database))
            for flow in policy.trade {
                #expect(context.unclassifiedGoods(of: flow) == flow.unclassifiedGoods(workspace.vocabularies), "\(flow.id)")
            }
        }
        #expect(!policy.trade[2].unclassifiedGoods(workspace.vocabularies).isEmpty)
        #expect(policy.trade[3].unclassifiedGoods(workspace.vocabularies).isEmpty)
    }

    /// Political instability's path line of a factor is its id, then its latest event, as the
    /// rule wrote it for each finding.
    @Test func aFactorsLatestEventLineIsItsIdAndLatestEvent() {
        var checked = 0
        for factor in TestData.workspace.database.factors {
            for date in RuleSharingThirteenthRoundTests.dates {
                let parts = FactorParts(factor, asOf: date)
                #expect(parts.idAndLatestEvent == "\(factor.id): \(parts.latestEvent)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    /// Shutdown exposure's account of the events that reach a site is the line the rule wrote
    /// for each finding: one event, three, more than three.
    @Test func aShutdownReachsEventsLineIsTheOldLine() throws {
        let context = try RuleSharingThirteenthRoundTests.context()
        let factors = TestData.workspace.database.factors.filter { $0.kind == .internetShutdown && !$0.events.isEmpty }
        #expect(!factors.isEmpty)
        var counts: Set<Int> = []
        for factor in factors {
            let all = context.parts(for: factor).events
            for count in 1...all.count {
                let events = Array(all.prefix(count))
                let reach = ShutdownExposureRule.Reach(events, factor, context)
                let old =
                    "\(events.count) shutdown event(s), latest \(reach.latestText)"
                    + (events.count > 1 ? " (\(reach.citedText)\(events.count > 3 ? ", …" : ""))" : "")
                #expect(reach.eventsLine == old)
                counts.insert(min(count, 4))
            }
        }
        #expect(counts.contains(1) && counts.contains(2))
    }

    /// A flow whose company end is one of several site countries: its message and path, written
    /// from the policy's texts made once, are the ones the rule wrote for each flow, for an
    /// export (origin) and an import (destination), named and unnamed.
    @Test func aPossibleEndsTextsAreTheOldTexts() throws {
        let yaml = TestData.minimal(
            """
            sites:
              - id: bamako
                country: ML
                location: { lat: 12.64, lon: -8.0 }
              - id: minsk
                country: BY
                location: { lat: 53.9, lon: 27.56 }
            trade:
              - id: out
                direction: export
                country: FR
                goods: [machinery]
              - id: in
                name: Spare parts
                direction: import
                country: DE
                goods: [machinery]
            """)
        let result = try TestData.check(yaml)
        let policy = try TestData.policy(yaml)
        let workspace = TestData.workspace
        let inForce = FactorsInForce(database: workspace.database, asOf: TestData.asOf)
        let findings = result.findings.filter { $0.rule == .notAssessed && $0.subjectKind == .trade }
        #expect(findings.count == 2)
        let countries = Array(Set(policy.sites.map(\.country))).sorted()
        #expect(countries.count == 2)
        let names = countries.map(\.name).joined(separator: ", ")
        for finding in findings {
            let end = finding.subject == "out" ? "origin" : "destination"
            let name = finding.subjectName
            let (first, factor) = try #require(
                countries.lazy.compactMap { country in
                    ((inForce.factors(.tradeRestriction, .financialRestriction, in: country)
                        + inForce.factors(.sanction, .unconstitutionalChange, in: country)).min { $0.id < $1.id }).map { (country, $0) }
                }.first)
            let title = FactorParts(factor, asOf: TestData.asOf).titleInSentence
            #expect(
                finding.message
                    == "\(name) does not say which of the company's sites trades it, and the company has sites in \(names): its \(end) was judged as each of them, and \(first.name) is under \(title)"
            )
            #expect(
                finding.path == [
                    name, "\(end) not declared, no `site`", "the company's sites are in \(names): each judged as a possible \(end)",
                    "\(first.name): \(factor.id)", "\(RuleID.notAssessed) → low",
                ])
        }
    }

    /// Each rule's verdict line, written once per rule, is the line each finding wrote: the
    /// rule's id, an arrow, the severity.
    @Test func verdictLinesAreTheOldLines() {
        var rules = 0
        for rule in RuleRegistry.all {
            let description = rule.description
            for severity in Severity.allCases {
                #expect(description.verdictLine(severity) == "\(description.id) → \(severity)")
            }
            var assessment = SeverityAssessment(start: .high, lines: ["a site"])
            assessment.adjust(by: -1, "lower")
            #expect(assessment.path(description) == assessment.path(rule: description.id))
            rules += 1
        }
        #expect(rules > 10)
    }

    /// An event's date line, written once per run, is the line a finding citing it wrote: for
    /// every event of the armed-conflict factors (and the same events dated to a month and a
    /// year), on three dates, as known on each.
    @Test func anEventsVagueDateLineIsTheOldLine() throws {
        var events = TestData.workspace.database.factors.filter { $0.kind == .armedConflict }.flatMap(\.events)
        let base = try #require(events.first)
        for precision in [DatePrecision.month, .year] {
            var event = base
            event.datePrecision = precision
            events.append(event)
            event.until = event.date.adding(days: 400)
            events.append(event)
        }
        var vague = 0
        for asOf in RuleSharingThirteenthRoundTests.dates {
            for event in events {
                let known = ConflictProximityRule.known(event, asOf)
                let texts = ConflictProximityRule.EventTexts(known, asOf: asOf)
                if known.datePrecision == .day {
                    #expect(texts.vagueDate == nil)
                } else {
                    #expect(
                        texts.vagueDate
                            == "\(known.datePrecision.describe(known.date)): dated to the \(known.datePrecision.rawValue) only, recency counted from its last day (\(known.latest(asOf: asOf)))"
                    )
                    vague += 1
                }
            }
        }
        #expect(vague >= 12)
    }

    /// A word is filler exactly when the filler set holds it: every filler word, and words
    /// around the longest filler's length.
    @Test func fillerIsTheSetsFiller() {
        var words = Array(HumanRightsObligationsRule.nameFiller) + ["companyx", "limiteds", "belaruskali", "", "a", "gmbhh", "groups"]
        var random = Random(state: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz").map(String.init)
        for _ in 0..<5_000 { words.append((0..<random.below(10)).map { _ in letters[random.below(letters.count)] }.joined()) }
        for word in words {
            #expect(HumanRightsObligationsRule.isFiller(word) == HumanRightsObligationsRule.nameFiller.contains(word), "\(word)")
        }
        #expect(HumanRightsObligationsRule.fillerMaxLength == 7)
    }

    /// A code is classified by the run's prefix table exactly when a goods category's prefix
    /// starts it: every prefix, each with digits after it, 2,000 random codes, and odd ones.
    @Test func theRunsPrefixTableClassifiesAsTheVocabulary() {
        let goods = TestData.workspace.vocabularies[.goods]
        let table = HSPrefixes(goods)
        var codes = Set(goods.terms.values.flatMap(\.hsPrefixes))
        for prefix in Array(codes) { codes.formUnion([prefix + "10", String(prefix.dropLast()), prefix + "x"]) }
        var random = Random(state: 1_606)
        for _ in 0..<2_000 { codes.insert(String(random.next() % 1_000_000)) }
        codes.formUnion(["", "0", "99", "x1", "0603", "1", "12345678901", "é06"])
        var classified = 0
        for code in codes {
            let expected = goods.classifies(hsCode: code)
            #expect(table.classifies(code) == expected, "\(code)")
            if expected { classified += 1 }
        }
        #expect(classified > 0 && classified < codes.count)
    }
}
