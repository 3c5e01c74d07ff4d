import Foundation
import Testing

/// Nothing from after the as-of date: a listed entry counts from its listing date (`since`).
@Suite struct AsOfTests {
    /// OFAC designated PMC Wagner on 2017-06-20: a check as of the day before finds no listing,
    /// a check as of that day does.
    @Test(arguments: [("2016-01-01", false), ("2017-06-19", false), ("2017-06-20", true), ("2020-09-30", true)])
    func aListingCountsFromItsDate(_ asOf: String, _ listed: Bool) throws {
        let policy = Executable.fixtures.appendingPathComponent("as-of/wagner-counterparty.yaml").path
        let run = try Executable.run(["check", policy, "--as-of", asOf, "--format", "text"])
        #expect(run.stdout.contains("[listed-counterparty]") == listed, "\(run.stdout)")
        if listed {
            #expect(run.stdout.contains("\(policy):5:5: critical: [listed-counterparty]"), "\(run.stdout)")
        }
    }
}
