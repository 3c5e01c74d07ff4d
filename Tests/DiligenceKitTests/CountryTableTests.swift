import Foundation
import Testing

@testable import DiligenceKit

/// The country table read on bytes, and its names resolved without Foundation's trimming when
/// there is nothing to trim.
@Suite struct CountryTableTests {
    /// The shortcut gives Foundation's answer, with and without blanks at either end, in ASCII
    /// and beyond it (a no-break space and an em space are `.whitespaces`, a line feed is not).
    @Test(arguments: [
        "Mali", " Mali", "Mali ", "\tML", "ML\t", "", " ", "\t \t", "\u{A0}Mali", "Mali\u{2003}", "Côte d’Ivoire", "é", "\nMali",
        "Mali\n", "Åland", "Mali é", "a",
    ])
    func trimmingGivesFoundationsAnswer(text: String) {
        #expect(CountryTable.trimmedOfWhitespace(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [("ml", "ML"), (" Mali ", "ML"), ("\u{A0}Mali", "ML"), ("NO", "NO"), ("Norway", "NO"), ("Côte d'Ivoire", "CI")])
    func namesAndCodesResolve(text: String, code: String) throws {
        let table = try #require(CountryTable.shared)
        #expect(table.resolve(text)?.code == code)
    }

    /// Line numbers count every line; a carriage return before a line feed is dropped; names
    /// beyond ASCII are kept as written.
    @Test func linesAreReadOnTheirBytes() throws {
        let table = try CountryTable(tsv: "# c\r\nML\tMali\tRépublique du Mali\r\n\r\nCI\tCôte d’Ivoire\n", file: "countries.tsv")
        #expect(table.countries.map(\.name) == ["Mali", "Côte d’Ivoire"])
        #expect(table.resolve("république du mali")?.code == "ML")
        #expect(table.names == ["Mali", "République du Mali", "Côte d’Ivoire"])
        do {
            _ = try CountryTable(tsv: "ML\tMali\n\nmali\n", file: "countries.tsv", names: "ML\tMaliland\nZZ\tNowhere\n", namesFile: "names.tsv")
            Issue.record("a lower-case code and an unknown code were accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "countries.tsv:3:1: error: expected CODE<TAB>name<TAB>alternatives",
                    "names.tsv:2:1: error: expected CODE<TAB>name with the code of a country of countries.tsv",
                ])
        }
    }
}
