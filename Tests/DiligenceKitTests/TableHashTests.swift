import Foundation
import Testing

@testable import DiligenceKit

/// The table keys a check makes without the texts they hash (a message's parts, a band's
/// numbers) are the keys of those texts: schema 3 writes them as ids, schema 4 numbers by them.
@Suite struct TableHashTests {
    /// FNV-1a over each text's bytes and a separator, 0x1E for an absent text: the definition
    /// the report's ids are made with (`TableID`).
    static func reference(_ texts: [String?]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func byte(_ unit: UInt8) { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        for text in texts {
            guard let text else {
                byte(0x1E)
                continue
            }
            for unit in text.utf8 { byte(unit) }
            byte(0x1F)
        }
        return hash
    }

    @Test(arguments: [
        ("Site Minsk plant is 3 km from Minsk events", "Minsk"), ("Minsk", "Minsk"), ("MinskMinsk", "Minsk"), ("no name here", "Pemba"),
        ("ab ab ab", "ab"), ("", ""), ("short", "a longer name"), ("Завод «Гомель» у Гомель", "Гомель"), ("x Pemba", "Pemba"),
        ("Pemba at start", "Pemba"), ("“quoted” Nacala—port Nacala", "Nacala"),
    ])
    func aMessageHashedWhereItLiesIsItsPartsHash(message: String, name: String) {
        let parts = MessageParts.split(message, at: name)
        #expect(TableID.messageHash(message, name: name) == TableID.messageHash(parts))
        #expect(TableID.messageHash(parts) == Self.reference(parts))
    }

    @Test func everyShippedFindingsMessageHashesAsItsParts() throws {
        let findings = try JSONWriterTests.shipped().reportedFindings
        #expect(findings.count > 40)
        for finding in findings {
            let parts = MessageParts.split(finding.message, at: finding.subjectName)
            #expect(TableID.messageHash(finding.message, name: finding.subjectName) == TableID.messageHash(parts))
        }
        #expect(findings.contains { MessageParts.split($0.message, at: $0.subjectName).count > 1 })
    }

    @Test(arguments: [
        [0.0, 25, 0, 0, 0, 0], [25, 50, 3, 12, 7, 1_234], [0.5, 2.25, 1, 0, 0, 0], [-0.0, 1e-4, 10, 99_999_999, 100_000_000, 5],
        [99_999_999, 1e8, 0, 0, 0, 0], [1e12, 0.0005, 1, 2, 3, 4], [0.0015, 7.0001, 9, 10, 11, 100],
    ])
    func bandsHashAsTheTextsOfTheirNumbers(numbers: [Double]) {
        let band = Exposure.Band(
            fromKm: numbers[0], toKm: numbers[1], recentEvents: Int(numbers[2]), recentFatalities: Int(numbers[3]),
            olderEvents: Int(numbers[4]), olderFatalities: Int(numbers[5]))
        let texts =
            [FixedPoint.text(band.fromKm, places: 3), FixedPoint.text(band.toKm, places: 3)]
            + [band.recentEvents, band.recentFatalities, band.olderEvents, band.olderFatalities].map { String($0) }
        let expected = Self.reference(texts + texts)
        #expect(TableID.bandsHash([band, band]) == expected)
        #expect(TableID.bandsHash([ExposureBand(band), ExposureBand(band)]) == expected)
    }

    @Test(arguments: [(1, 1, 1), (999, 12, 31), (2020, 9, 30), (9999, 2, 28), (1970, 1, 1)])
    func aDayIsWrittenYearMonthDay(year: Int, month: Int, day: Int) throws {
        let date = try #require(Day(year: year, month: month, day: day))
        let padded = String(repeating: "0", count: 4 - String(year).count) + String(year)
        #expect(date.description == padded + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day))
        #expect(Day(iso: date.description) == date)
    }
}
