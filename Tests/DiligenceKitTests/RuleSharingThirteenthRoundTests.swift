import Foundation
import Testing

@testable import DiligenceKit

/// What the thirteenth round (`speed9`) works out once per run or per policy instead of once per
/// finding or per event: each answer must be the one worked out the old way.
@Suite struct RuleSharingThirteenthRoundTests {
    static let dates = ["2020-03-31", "2020-09-30", "2021-06-30"].compactMap(Day.init(iso:))

    static func context(_ yaml: String = TestData.minimal(""), asOf: Day = TestData.asOf) throws -> RuleContext {
        let workspace = TestData.workspace
        return RuleContext(
            policy: try TestData.policy(yaml), database: workspace.database, asOf: asOf, vocabularies: workspace.vocabularies,
            settings: .defaults, screener: NameScreener(entities: workspace.database.entities))
    }

    /// conflict-proximity's per-run account of each event is the event as known on the date:
    /// whether it exists yet, its recency day, its location precision, its fatalities and the
    /// texts a finding cites it by.
    @Test func conflictEventsAreTheEventsAsKnown() throws {
        let factors = TestData.workspace.database.factors.filter { $0.kind == .armedConflict && !$0.events.isEmpty }
        #expect(!factors.isEmpty)
        var later = 0
        for asOf in Self.dates {
            let context = try Self.context(asOf: asOf)
            for factor in factors {
                let table = context.conflictEvents(for: factor)
                #expect(table.facts.count == factor.events.count && table.texts.count == factor.events.count)
                for (position, event) in factor.events.enumerated() {
                    let fact = table.facts[position], texts = table.texts[position]
                    let known = event.asKnown(on: asOf)
                    #expect(fact.isKnown == (known != nil))
                    if known == nil { later += 1 }
                    let seen = known ?? event
                    #expect(fact.date == event.date)
                    #expect(fact.latest == seen.latest(asOf: asOf), "\(factor.id) \(position)")
                    #expect(Int(fact.imprecision) == ConflictProximityRule.imprecision(event))
                    #expect(fact.fatalities == event.fatalities)
                    #expect(texts.headline == "\(ConflictProximityRule.eventLabel(seen)): \(seen.what)")
                    #expect(texts.listed == seen.label + ConflictProximityRule.killed(seen.fatalities, prefix: " (", suffix: ")"))
                }
            }
        }
        // The earliest date comes before some events: they are not known yet.
        #expect(later > 0)
    }

    /// Evidence found by the cited events' positions is the evidence of the events themselves.
    @Test func evidenceByPositionsIsTheEvidenceOfTheEvents() throws {
        for asOf in Self.dates {
            let context = try Self.context(asOf: asOf)
            for factor in TestData.workspace.database.factors where !factor.events.isEmpty {
                let known = factor.events.indices.filter { factor.events[$0].date <= asOf }
                let subsets = [[], known, Array(known.prefix(1)), Array(known.suffix(2)), known.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)]
                for positions in subsets {
                    let events = positions.map { factor.events[$0].asKnown(on: asOf) ?? factor.events[$0] }
                    let byPosition = context.evidence(for: factor, eventPositions: positions)
                    #expect(byPosition == context.evidence(for: factor, events: events), "\(factor.id) \(positions)")
                    // Asked again: the same array, not a new one.
                    #expect(context.evidence(for: factor, eventPositions: positions).sharesStorage(with: byPosition))
                }
            }
        }
    }

    /// The old per-event test of whether a shutdown event reaches a site (folding both each time).
    static func reachedTheOldWay(_ event: RiskEvent, _ site: Site) -> Bool {
        guard event.scope == "regional", let regions = event.region else { return true }
        let names = [site.region, site.city].compactMap { $0 }.map(TextFolding.key)
        guard !names.isEmpty else { return true }
        let areas = regions.split(whereSeparator: { ",;/|".contains($0) }).map { TextFolding.key(String($0)) }.filter { !$0.isEmpty }
        return names.contains { name in areas.contains { $0 == name || $0.contains(name) || name.contains($0) } }
    }

    /// A shutdown event reaches a site from the regions folded once per run exactly when the old
    /// per-event test says so: national and regional events, regions written with separators,
    /// sites with a region, a city, both or neither.
    @Test func shutdownRegionsReachTheSitesTheyReachedBefore() throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                sites:
                  - id: minsk
                    country: BY
                    region: Minsk Region
                    city: Minsk
                  - id: grodno
                    country: BY
                    city: Grodno
                  - id: brest
                    country: BY
                    region: Brestskaya
                  - id: nowhere
                    country: BY
                  - id: gomel
                    country: BY
                    region: "Гомельская область"
                    city: "Гомель"
                """))
        var events = TestData.workspace.database.factors.filter { $0.kind == .internetShutdown }.flatMap(\.events)
        let base = try #require(events.first)
        for region in ["Minsk", "Grodno; Brest", "minsk region / Vitebsk", ",;", "Gomel|Гомель", "Mogilev", ""] {
            var event = base
            event.scope = "regional"
            event.region = region
            events.append(event)
        }
        var national = base
        national.scope = "national"
        national.region = "Minsk"
        events.append(national)
        var reached = 0, missed = 0
        for site in policy.sites {
            let names = [site.region, site.city].compactMap { $0 }.map(TextFolding.key)
            for event in events {
                let old = Self.reachedTheOldWay(event, site)
                #expect(ShutdownExposureRule.reaches(regions: ShutdownExposureRule.regions(of: event), siteNames: names) == old)
                #expect(ShutdownExposureRule.reaches(event, site) == old)
                if old { reached += 1 } else { missed += 1 }
            }
        }
        #expect(reached > 0 && missed > 0)
    }

    /// An HS code is classified exactly when the goods vocabulary finds a category for it.
    @Test func anHSCodeIsClassifiedWhenTheVocabularyFindsItsGoods() {
        let goods = TestData.workspace.vocabularies[.goods]
        var codes = Set(goods.terms.values.flatMap(\.hsPrefixes))
        for prefix in Array(codes) { codes.insert(prefix + "10") }
        var random = SplitMix64(state: 13)
        for _ in 0..<2_000 { codes.insert(String(random.next() % 1_000_000)) }
        codes.formUnion(["", "0", "99", "x1", "0603"])
        var classified = 0
        for code in codes {
            let expected = !goods.goods(forHSCode: code).isEmpty
            #expect(goods.classifies(hsCode: code) == expected, "\(code)")
            if expected { classified += 1 }
        }
        #expect(classified > 0 && classified < codes.count)
    }

    /// A flow's direction as a message starts it is Foundation's capitalised raw value.
    @Test func aDirectionTitleIsTheCapitalisedDirection() throws {
        let policy = try TestData.policy(
            TestData.minimal(
                """
                trade:
                  - id: out
                    direction: export
                    country: ML
                    goods: [fuel]
                  - id: in
                    direction: import
                    country: ML
                    hs_codes: ["999999"]
                """))
        for flow in policy.trade {
            #expect(flow.directionTitle == flow.direction.rawValue.capitalized)
        }
        #expect(policy.trade[0].defaultName == "Export to Mali")
        #expect(policy.trade[1].unclassifiedGoods(TestData.workspace.vocabularies) == ["HS 999999 (no goods category)"])
    }

    /// Where a site or trip is judged, found without writing the place out, is where the place
    /// written out puts it: coordinates, a known city, an unknown city, no city.
    @Test func aLocationIsWhereThePlaceWouldBe() throws {
        let context = try Self.context(
            TestData.minimal(
                """
                sites:
                  - id: pemba
                    country: MZ
                    location: { lat: -12.97, lon: 40.52 }
                  - id: by-city
                    country: MZ
                    city: Pemba
                  - id: unknown-city
                    country: ML
                    city: Nowhere-on-Earth
                  - id: no-city
                    country: ML
                travel:
                  - id: trip
                    country: ML
                    city: Mopti
                  - id: unknown-trip
                    country: ML
                    city: Nowhere-on-Earth
                  - id: no-city-trip
                    country: ML
                """))
        let rule = ConflictProximityRule()
        var placed = 0
        for site in context.policy.sites {
            let location = ConflictProximityRule.location(of: site, context.destinations)
            #expect(location == rule.place(site, context.destinations)?.location, "\(site.id)")
            if location != nil { placed += 1 }
        }
        for trip in context.policy.travel {
            let location = ConflictProximityRule.location(of: trip, context.destinations)
            #expect(location == rule.place(trip, context.destinations, context.settings)?.location, "\(trip.id)")
            if location != nil { placed += 1 }
        }
        #expect(placed == 3)
    }

    /// A stale factor's finding is medium when a finding it supports is high or critical, low
    /// otherwise: the worst severity found in one pass is the one found by looking again.
    @Test func aStaleFactorIsJudgedByTheWorstFindingItSupports() throws {
        let asOf = try #require(Day(iso: "2021-06-30"))
        let result = try TestData.check(
            TestData.minimal(
                """
                sites:
                  - id: mopti
                    country: ML
                    city: Mopti
                    location: { lat: 14.49, lon: -4.19 }
                    depends_on: [internet, payments]
                  - id: minsk
                    country: BY
                    city: Minsk
                    depends_on: [internet]
                  - id: pemba
                    country: MZ
                    location: { lat: -12.97, lon: 40.52 }
                trade:
                  - id: fuel
                    direction: export
                    country: ML
                    goods: [fuel]
                """), asOf: asOf)
        let stale = result.findings.filter { $0.rule == .staleIntelligence }
        #expect(stale.count >= 2)
        var levels: Set<Severity> = []
        for finding in stale {
            let supported = result.findings.filter { $0.rule != .staleIntelligence && $0.factors.contains(finding.subject) }
            let worst = try #require(supported.map(\.severity).max())
            #expect(finding.severity == (worst >= .high ? .medium : .low), "\(finding.subject)")
            levels.insert(finding.severity)
        }
        #expect(!levels.isEmpty)
    }

    /// Collapsing double spaces on bytes gives Foundation's `replacingOccurrences(of: "  ", with: " ")`
    /// on texts of spaces, letters, accents, combining marks and Cyrillic.
    @Test func doubleSpacesCollapseAsFoundationCollapsesThem() {
        let pieces = [" ", " ", " ", "a", "B", "é", "e\u{301}", "\u{301}", "Мінск", "“", "-", ""]
        var random = SplitMix64(state: 17)
        var texts = ["", " ", "  ", "   ", "    ", "staff travel  to Minsk", "a  b  c", "  \u{301}x", "x \u{301} "]
        for _ in 0..<5_000 {
            let count = Int(random.next() % 9)
            texts.append((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        var changed = 0
        for text in texts {
            let expected = text.replacingOccurrences(of: "  ", with: " ")
            #expect(Array(text.collapsingDoubleSpaces.utf8) == Array(expected.utf8), "\(Array(text.unicodeScalars))")
            if expected != text { changed += 1 }
        }
        #expect(changed > 100)
    }

    /// The distance to a country's outline with runs of points passed over as a whole is the
    /// distance measured over every arc, to the last bit: points just off the outline (where
    /// runs compete), far from it, and on it.
    @Test func runsPassedOverLeaveTheDistanceToTheOutline() {
        var random = SplitMix64(state: 19)
        func unit() -> Double { Double(random.next() % 1_000_001) / 1_000_000 }
        var compared = 0, away = 0
        for region in CountryShapes.builtIn.regions {
            for code in region.rings.keys.sorted().prefix(4) {
                guard let rings = region.rings[code], case let prepared = region.prepared(code), !prepared.isEmpty else { continue }
                let vertices = rings.flatMap { $0 }
                for _ in 0..<30 {
                    let vertex = vertices[Int(random.next() % UInt64(vertices.count))]
                    let spread = [0.0, 0.05, 0.5, 3][Int(random.next() % 4)]
                    let point = Coordinate(lat: vertex.lat + (unit() - 0.5) * spread, lon: vertex.lon + (unit() - 0.5) * spread)
                    let exact = CountryShapes.distanceKm(point, to: rings)
                    #expect(CountryShapes.distanceKm(point, to: prepared) == exact, "\(code) \(point)")
                    if exact > 1 { away += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared > 100 && away > 50)
    }
}
