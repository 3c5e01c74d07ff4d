import Foundation
import Testing

@testable import DiligenceKit

/// What the seventeenth round (`speed18`) reads more cheaply must be what the general way read:
/// the gazetteer's names folded on the rows' bytes, a country's coordinates read alone, the
/// outlines' edge test by latitude bands, and the rules' advice shared per factor.
@Suite struct RulesSeventeenthRoundTests {
    /// Each place's keys of every row of a country, by position.
    static func keys(_ gazetteer: Gazetteer, _ code: String, cyrillic: Bool, byBytes: Bool) -> [Int: [String]] {
        var keys: [Int: [String]] = [:]
        gazetteer.forEachPlaceKeys(of: code, cyrillic: cyrillic, byBytes: byBytes) { keys[$0] = $1 }
        return keys
    }

    /// Every row of the built-in gazetteer, in every country: the keys folded on the row's bytes
    /// are the keys of the parsed row's name and alternate names, folded as texts, in order.
    @Test func rowKeysOnBytesAreTheParsedRowsKeys() throws {
        let gazetteer = try #require(Gazetteer.shared)
        var rows = 0
        for code in gazetteer.countryCodes {
            for cyrillic in [false, true] {
                let byBytes = Self.keys(gazetteer, code, cyrillic: cyrillic, byBytes: true)
                let general = Self.keys(gazetteer, code, cyrillic: cyrillic, byBytes: false)
                #expect(byBytes == general, "\(code) cyrillic: \(cyrillic)")
                rows += general.count
            }
        }
        // Each place once in each of the two kinds of index.
        #expect(rows > 7_000)
    }

    /// Rows written to catch the byte reading out: accents, Cyrillic, separators and
    /// apostrophes, letters beyond the tables, bytes that are not UTF-8, an alternate name that
    /// starts with a combining mark (split on characters), empty names between bars.
    @Test func unusualRowsAreReadAsTheParsedRows() throws {
        var gazetteer = Gazetteer()
        let lines: [[UInt8]] = [
            Array("1\tML\tSégou\t13.4\t-6.26\t130000\tSegou|SÉGOU|Сегу|Ségou-Ville|Ségou`s|\n".utf8),
            Array("2\tML\tKati\t12.74\t-8.07\t84000\t||Kati  Town|Каті|Ḱati|كاتي|Kati\u{301}\n".utf8),
            Array("3\tML\tBla\t12.95\t-5.76\t60000\tBla|\u{301}Bla|Bla\u{301}x\n".utf8),
            Array("4\tML\tSan\t13.3\t-4.9\t60000\tSan|S".utf8) + [0xC3, 0x7C] + Array("n|Sa".utf8) + [0xD0] + Array("\n".utf8),
            Array("5\tBY\tМінск\t53.9\t27.56\t2000000\tMinsk|Минск|Мінск|Mińsk|Мiнск|Минск-Город\n".utf8),
        ]
        try gazetteer.addGeoNames(bytes: lines.flatMap { $0 }, file: "test.tsv")
        try gazetteer.addSupplement(tsv: "ML\tBamako Ville\t12.65\t-8.0\tBamako|Бамако|Ba-ma-ko\tA test source\n", file: "supplement.tsv")
        gazetteer.add(
            Gazetteer.Place(
                name: "Mopti", country: Country(code: "ML", name: "Mali"), location: Coordinate(lat: 14.49, lon: -4.18), population: 1,
                source: "added"), alternates: ["Мопти", "MOPTI"])
        for code in ["ML", "BY"] {
            for cyrillic in [false, true] {
                let byBytes = Self.keys(gazetteer, code, cyrillic: cyrillic, byBytes: true)
                #expect(byBytes == Self.keys(gazetteer, code, cyrillic: cyrillic, byBytes: false), "\(code) \(cyrillic)")
                #expect(!byBytes.isEmpty)
            }
        }
        let mali = Country(code: "ML", name: "Mali")
        #expect(gazetteer.place(named: "segou ville", in: mali)?.name == "Ségou")
        #expect(gazetteer.place(named: "Сегу", in: mali)?.name == "Ségou")
        #expect(gazetteer.place(named: "bamako", in: mali)?.name == "Bamako Ville")
        #expect(gazetteer.place(named: "Мопти", in: mali)?.name == "Mopti")
        #expect(gazetteer.places(named: "kati town", in: mali).map(\.name) == ["Kati"])
    }

    /// Names looked up in the built-in gazetteer find the places they found before: each place
    /// under its own name (the most populous homonym first), in the countries a portfolio names.
    @Test func lookUpsFindEachPlaceByItsName() throws {
        let gazetteer = try #require(Gazetteer.shared)
        for code in ["ML", "MZ", "BY", "BF", "NE", "SN", "GN", "ZA", "PL", "UA"] {
            let country = Country(code: code, name: code)
            let places = gazetteer.places(inCountry: code)
            #expect(!places.isEmpty)
            for place in places {
                let found = gazetteer.places(named: place.name, in: country)
                #expect(found.contains(place), "\(code) \(place.name)")
                #expect(gazetteer.place(named: place.name, in: country) == found.first)
            }
        }
    }

    /// A country's coordinates read alone are those of its places, in order, in every country.
    @Test func locationsAreThePlacesLocations() throws {
        let gazetteer = try #require(Gazetteer.shared)
        for code in gazetteer.countryCodes {
            #expect(gazetteer.locations(inCountry: code) == gazetteer.places(inCountry: code).map(\.location), "\(code)")
        }
        #expect(gazetteer.locations(inCountry: "XX").isEmpty)
    }

    /// A prepared ring's edge test by latitude bands is the test over every edge, and its
    /// containment the general ring's, on every ring of the built-in outlines: at every point of
    /// the ring, the middle of every edge, points a little off them (within and beyond the
    /// test's slack) and random points of the ring's box.
    @Test func edgeTestByBandsIsTheTestOverEveryEdge() {
        var random = SplitMix64(state: 17)
        var tested = 0, onEdges = 0
        for region in CountryShapes.builtIn.regions {
            for (code, rings) in region.rings {
                let prepared = region.prepared(code)
                for (ring, preparedRing) in zip(rings, prepared) {
                    let points = preparedRing.unwrapped
                    var probes: [(x: Double, y: Double)] = []
                    // About forty vertices and edges of each ring (each probe is tested against every edge).
                    for i in stride(from: 0, to: points.count, by: max(1, points.count / 40)) {
                        let (x, y) = points[i]
                        probes.append((x, y))
                        probes.append((x + 1e-13, y - 1e-13))
                        probes.append((x, y + 5e-12))
                        if i > 0 {
                            let (px, py) = points[i - 1]
                            probes.append(((x + px) / 2, (y + py) / 2))
                            probes.append(((x + px) / 2, (y + py) / 2 + 1e-10))
                        }
                    }
                    for _ in 0..<50 {
                        let x = preparedRing.minX + (preparedRing.maxX - preparedRing.minX) * Self.unit(&random)
                        let y = preparedRing.minY + (preparedRing.maxY - preparedRing.minY) * Self.unit(&random)
                        probes.append((x, y))
                    }
                    for (x, y) in probes {
                        let expected = AreaGeometry.onEdge(points, x, y)
                        #expect(preparedRing.onEdge(x, y) == expected, "\(code) \(x) \(y)")
                        if expected { onEdges += 1 }
                        let point = Coordinate(lat: y, lon: x)
                        if (-180...180).contains(x), tested % 7 == 0 {
                            #expect(preparedRing.contains(point) == AreaGeometry.ring(ring, contains: point), "\(code) \(x) \(y)")
                        }
                        tested += 1
                    }
                }
            }
        }
        #expect(tested > 10_000)
        #expect(onEdges > 1_000)
    }

    /// A random number from 0 up to 1.
    static func unit(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// The example policies' findings, checked in one run.
    static func exampleFindings() throws -> [Finding] {
        let loader = TestData.workspace.policyLoader
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        let policies = try files.map { try loader.load(path: $0, displayPath: URL(fileURLWithPath: $0).lastPathComponent) }
        return Array(TestData.check(policies).findings)
    }

    /// The advice a rule shares per factor is what each finding wrote before (the factor's
    /// recommendations and the rule's, in the old order), and findings with the same list under
    /// the same factor hold one storage.
    @Test func adviceSharedPerFactorIsTheOldAdvice() throws {
        let findings = try Self.exampleFindings()
        let factors = Dictionary(TestData.workspace.database.factors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let conflict = ConflictProximityRule()
        let rules: [RuleID: RuleDescription] = Dictionary(
            uniqueKeysWithValues: RuleRegistry.all.map { ($0.description.id, $0.description) })
        var storages: [String: UnsafeRawPointer?] = [:]
        var shared = 0
        for finding in findings {
            guard let id = finding.identityFactor, let factor = factors[id], let rule = rules[finding.rule] else { continue }
            let old: [[String]]
            switch finding.rule {
            case .shutdownExposure, .politicalInstability, .civilUnrestTravel:
                old = [factor.recommendations + rule.recommendations]
            case .conflictProximity:
                old = [.site, .siteByCity, .travel].map { factor.recommendations + conflict.recommendations($0) }
            case .humanRightsObligations where finding.subjectKind != .policy && !finding.message.contains("provides security"):
                old = [
                    factor.recommendations + HumanRightsObligationsRule.shutdownAdvice,
                    factor.recommendations + [HumanRightsObligationsRule.shutdownAdvice[2]],
                    HumanRightsObligationsRule.relationshipAdvice + factor.recommendations,
                ]
            default:
                continue
            }
            #expect(old.contains(finding.recommendations), "\(finding.identity)")
            let key = "\(finding.rule)/\(id)/\(finding.recommendations)"
            let storage = finding.recommendations.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            if let known = storages[key] {
                #expect(known == storage, "\(finding.identity)")
                shared += 1
            } else {
                storages[key] = storage
            }
        }
        #expect(shared > 5)
        #expect(conflict.recommendations(.site) == Array(conflict.description.recommendations.prefix(2)))
        #expect(conflict.recommendations(.travel) == [conflict.description.recommendations[2], conflict.description.recommendations[1]])
    }
}
