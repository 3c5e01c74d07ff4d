import Foundation
import Testing
@testable import DiligenceKit

/// The importers on excerpts of real published files (`Tests/diligenceTests/Fixtures/real/`),
/// and country names as those files write them.
@Suite struct RealDataTests {
    static let countries = TestData.workspace.countries
    static let real = TestData.root.appendingPathComponent("Tests/diligenceTests/Fixtures/real")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: real.appendingPathComponent(name)))
    }

    @Test(arguments: [
        ("Iran (Islamic Republic of)", "IR"), ("Venezuela (Bolivarian Republic of)", "VE"), ("Tanzania, United Republic of", "TZ"),
        ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG"),
        ("Korea (Democratic People's Republic of)", "KP"), ("Korea, North", "KP"), ("Korea, South", "KR"), ("Viet Nam", "VN"),
        ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Syrian Arab Republic", "SY"),
        ("Bolivia (Plurinational State of)", "BO"), ("Micronesia (Federated States of)", "FM"), ("Lao People's Democratic Republic", "LA"),
        ("Russian Federation", "RU"), ("Moldova, Republic of", "MD"), ("State of Palestine", "PS"), ("Palestinian", "PS"),
        ("Kosovo", "XK"), ("St. Vincent and the Grenadines", "VC"), ("St. Kitts & Nevis", "KN"), ("The Gambia", "GM"),
        ("Man, Isle of", "IM"), ("Virgin Islands, British", "VG"), ("Burma", "MM"), ("eSwatini", "SZ"), ("India ", "IN"),
        ("North Macedonia, The Republic of", "MK"), ("Netherlands (Kingdom of the)", "NL"),
    ])
    func countryNamesAsTheWorldWritesThem(name: String, code: String) {
        #expect(Self.countries.resolve(name)?.code == code)
    }

    @Test func everyCountryOfTheRealSTOPExcerptResolves() throws {
        let csv = try CSVReader(bytes: try Self.bytes("stop-2020-excerpt.csv"), file: "stop.csv")
        let column = try #require(csv.records[1].fields.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "country" })
        for record in csv.records.dropFirst(2) {
            #expect(Self.countries.resolve(record.fields[column]) != nil, "\(record.fields[column]) on line \(record.line)")
        }
    }

    @Test func theRealSTOPExcerptImportsEveryRow() throws {
        let imported = try STOPImporter(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .importFile(bytes: try Self.bytes("stop-2020-excerpt.csv"), file: "stop-2020-excerpt.csv")
        #expect(imported.summary.first == "imported 32, skipped 0 (Access Now STOP 2020 layout)")
        let events = imported.factors.flatMap(\.events)
        #expect(events.count == 32)
        // Mali, July 2020: "Shutdown, Throttle" of a "Full network, Service-based", national (Level 3).
        let mali = try #require(imported.factors.first { $0.id == "STOP-ML-NATIONAL" })
        let july = try #require(mali.events.first)
        #expect(july.id == "STOP-87" && july.date == Day(iso: "2020-07-10") && july.until == Day(iso: "2020-07-15"))
        #expect(july.type == "full-network" && july.scope == "national")
        #expect(july.dependencies == ["mobile-data", "internet", "independent-media", "whatsapp"])
        #expect(july.what.hasPrefix("Full network shutdown, network throttled, services blocked (national)"))
        let belarus = try #require(imported.factors.first { $0.id == "STOP-BY-NATIONAL" })
        #expect(belarus.events.map(\.id) == ["STOP-71", "STOP-94"])
        #expect(belarus.events.last?.until == Day(iso: "2020-12-07"))
        // UN-style names.
        #expect(imported.factors.contains { $0.id == "STOP-IR-NATIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-VE-NATIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-TZ-NATIONAL" })
        // Ongoing and Unknown end dates: no end; a spreadsheet serial end date (44166) is 2020-12-01.
        let india = try #require(imported.factors.first { $0.id == "STOP-IN-REGIONAL" })
        #expect(india.events.first { $0.id == "STOP-8" }?.until == nil)
        #expect(india.events.first { $0.id == "STOP-144" }?.until == Day(iso: "2020-12-01"))
        // India's state joins the areas, for sites that give their region.
        #expect(india.events.first { $0.id == "STOP-3" }?.region == "Kashmir Valley; Jammu and Kashmir")
        // Pakistan's FATA (Level 2) is regional, Level 3 with an empty area national.
        #expect(imported.factors.contains { $0.id == "STOP-PK-REGIONAL" })
        #expect(imported.factors.contains { $0.id == "STOP-PK-NATIONAL" })
    }

    @Test func theRealOFACExcerptResolvesItsCountries() throws {
        let list = try OFACImporter(countries: Self.countries, snapshotDate: Day(iso: "2024-05-03"))
            .importFiles(sdn: (try Self.bytes("ofac-sdn-excerpt.csv"), "sdn.csv"), alt: (try Self.bytes("ofac-alt-excerpt.csv"), "alt.csv"))
        #expect(list.entities.count == 34)
        let byID = Dictionary(uniqueKeysWithValues: list.entities.map { ($0.id, $0) })
        #expect(byID["US-OFAC-SDN-22543"]?.aliases.contains("PMC WAGNER") == true)
        #expect(byID["US-OFAC-SDN-23149"]?.country?.code == "KP")   // Nationality of Registration Korea, North
        #expect(byID["US-OFAC-SDN-9760"]?.country?.code == "BY")
        #expect(byID["US-OFAC-SDN-40887"]?.country?.code == "VC")   // flag St. Vincent and the Grenadines
        #expect(list.warnings.map(\.message).first?.hasPrefix("3 alias rows refer to 1 entries not in sdn.csv") == true)
    }
}
