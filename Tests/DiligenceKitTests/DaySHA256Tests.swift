import Foundation
import Testing

@testable import DiligenceKit

@Suite struct DayTests {
    @Test(arguments: ["2020-09-30", "2020-02-29", "2000-02-29", "2021-12-31", "0001-01-01", "9999-12-31", "1970-01-01"])
    func validDaysParseAndPrintAsWritten(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2020-02-30", "2019-02-29", "1900-02-29", "2021-04-31", "2020-13-01", "2020-00-10", "2020-01-00",
        "2020-9-30", "20-09-2020", "2020/09/30", "2020-09-30 ", " 2020-09-30", "2020-09-30T00:00:00Z",
        "0000-01-01", "+020-09-30", "２０２０-09-30", "2020-09", "", "2020--09-30", "2020-09-3a",
    ])
    func invalidDaysAreRejected(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [("2020", "2020-01-01"), ("2020-09", "2020-09-01"), ("2020-09-30", "2020-09-30"), ("0001-01", "0001-01-01")])
    func partialDatesKeepTheirTextAndStartOnTheirFirstDay(text: String, earliest: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.text == text)
        #expect(date.earliest.description == earliest)
    }

    @Test(arguments: ["2020-9", "20200", "2020-13", "2020-00", "2020-09-31", "２０２０", "202a", "2020/09", "", "2020-09-", " 2020"])
    func malformedPartialDatesAreRejected(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test(arguments: [(2020, true), (2000, true), (1900, false), (2019, false), (2100, false), (2400, true)])
    func leapYearsFollowTheGregorianRule(year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
        #expect(Day.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test(arguments: [("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2020-09-30", 18_535)])
    func ordinalsCountDaysSince1970(text: String, ordinal: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.ordinal == ordinal)
        #expect(Day(ordinal: ordinal) == day)
    }

    @Test func everyDayFrom1899To2101RoundTripsThroughItsOrdinal() throws {
        var day = try #require(Day(iso: "1899-12-31"))
        let end = try #require(Day(iso: "2101-01-01"))
        var count = 0
        var broken: [String] = []
        while day < end {
            let next = day.adding(days: 1)
            if next.ordinal != day.ordinal + 1 || Day(iso: next.description) != next
                || Day(year: next.year, month: next.month, day: next.day) != next
            {
                broken.append(next.description)
            }
            day = next
            count += 1
        }
        #expect(broken.isEmpty)
        // One day to 1900-01-01, then 201 years with 49 leap days (1900 and 2100 are not leap years).
        #expect(count == 1 + 201 * 365 + 49)
    }

    @Test func daysBetweenDatesAreWholeDays() throws {
        let capture = try #require(Day(iso: "2020-08-12"))
        let asOf = try #require(Day(iso: "2020-09-30"))
        #expect(capture.days(until: asOf) == 49)
        #expect(asOf.days(until: capture) == -49)
        #expect(Day(iso: "2020-09-08")!.adding(days: 180) == Day(iso: "2021-03-07"))
        #expect(capture < asOf)
    }

    @Test func daysEncodeAsISOStrings() throws {
        let data = try JSONEncoder().encode([Day(iso: "2020-02-29")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2020-02-29"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2020-02-30"]"#.utf8)) }
    }

    @Test(arguments: [("2020", "2020-01-01"), ("2020-09", "2020-09-01"), ("2020-09-15", "2020-09-15")])
    func partialDatesStartAtTheirEarliestDay(text: String, earliest: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.earliest == Day(iso: earliest))
        #expect(date.description == text)
    }

    @Test(arguments: ["2020-13", "2020-9", "20", "2020-09-31", "Sept 2020", ""])
    func invalidPartialDatesAreRejected(text: String) {
        #expect(PartialDate(text) == nil)
    }
}

/// SHA-256 against the FIPS 180-4 examples and block-boundary lengths checked with sha256sum.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("Mocímboa da Praia", "4c066d56444789951cb863930725638488b14acafcd89ee135f2eb83accc037d"),
    ])
    func knownDigests(text: String, digest: String) {
        #expect(SHA256.hex(Array(text.utf8)) == digest)
    }

    /// 55 bytes is the longest message whose padding fits one block; 56 needs two.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    ])
    func blockBoundaries(length: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: length)) == digest)
    }

    @Test func aMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let text = Array("The Belarus Crisis and its Implications for Eastern European Security and Businesses, 2020-09".utf8)
        for split in [0, 1, 55, 56, 63, 64, 65, text.count] {
            var hasher = SHA256()
            hasher.update(text[..<split])
            hasher.update(text[split...])
            #expect(hasher.finalizeHex() == SHA256.hex(text), "split at \(split)")
        }
    }

    @Test func theDatabaseDigestCoversItsFiles() {
        let digest = TestData.workspace.database.digest
        #expect(digest.count == 64)
        #expect(digest.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(TestData.workspace.database.files.count >= 13)
    }
}
