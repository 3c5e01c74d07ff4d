import Foundation
import Testing

@testable import DiligenceKit

/// Dates carry their precision from the data to the text, and events are seen as they were
/// known on the as-of date.
@Suite struct DatePrecisionTests {
    /// A fixed test date (the tests use only valid literals).
    func d(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    @Test func theSeedsKeepTheMonthTheArticleGives() throws {
        let factor = try #require(TestData.workspace.database.factor(id: "DRF-2020-MZ-0001"))
        let quissanga = try #require(factor.events.first { $0.place == "Quissanga" })
        #expect(quissanga.datePrecision == .month)
        #expect(quissanga.date == d("2020-03-01"))
        #expect(quissanga.lastDay == d("2020-03-31"))
        #expect(quissanga.when == "March 2020 (month)")
        #expect(quissanga.label == "event of March 2020 (month)")
        let capture = try #require(factor.events.first { $0.date == d("2020-08-12") })
        #expect(capture.datePrecision == .day && capture.when == "2020-08-12")
    }

    @Test func precisionOfEachForm() throws {
        #expect(DatePrecision(of: try #require(PartialDate("2017"))) == .year)
        #expect(DatePrecision(of: try #require(PartialDate("2017-10"))) == .month)
        #expect(DatePrecision(of: try #require(PartialDate("2017-10-01"))) == .day)
        #expect(DatePrecision.year.describe(d("2017-01-01")) == "2017 (year)")
        #expect(DatePrecision.month.lastDay(from: d("2020-02-01")) == d("2020-02-29"))
        #expect(DatePrecision.month.text(d("2020-03-01")) == "2020-03")
    }

    @Test func anEventIsSeenAsKnownOnTheAsOfDate() throws {
        var event = RiskEvent(date: d("2020-09-20"), until: d("2020-12-07"), what: "shutdown")
        #expect(event.asKnown(on: d("2020-09-19")) == nil)
        let during = try #require(event.asKnown(on: d("2020-09-22")))
        #expect(during.until == nil && during.ongoingAt == d("2020-09-22"))
        #expect(during.when == "2020-09-20, ongoing at the as-of date (2020-09-22)")
        #expect(during.latest(asOf: d("2020-09-22")) == d("2020-09-22"))
        let after = try #require(event.asKnown(on: d("2020-12-31")))
        #expect(after.until == d("2020-12-07") && after.when == "2020-09-20 to 2020-12-07")
        // A month-precise event seen within its month is as recent as the as-of date, no more.
        event = RiskEvent(date: d("2020-09-01"), what: "attack")
        event.datePrecision = .month
        #expect(event.latest(asOf: d("2020-09-15")) == d("2020-09-15"))
        #expect(event.latest(asOf: d("2020-12-31")) == d("2020-09-30"))
    }

    @Test func aBadEventDateIsALocatedError() throws {
        let factor = """
            id: DRF-TEST-MZ-0200
            kind: armed-conflict
            title: Test
            country: MZ
            in_force: { from: 2020-01-01 }
            reviewed: 2020-09-01
            severity: high
            events:
              - { date: 2020-13, what: "bad month" }
            references:
              - { source: MS Risk Blog, date: 2020-09 }
            """
        #expect(throws: InputError.self) { try GeoImporterTests.database(adding: [("factors/test.yaml", factor)]) }
        do {
            _ = try GeoImporterTests.database(adding: [("factors/test.yaml", factor)])
        } catch {
            #expect(
                error.diagnostics.contains {
                    $0.description == "db/factors/test.yaml:9:13: error: `events[].date` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found `2020-13`"
                }, "\(error.diagnostics)")
        }
    }
}
