import Foundation
import Testing

@testable import DiligenceKit

/// The report tables' memos and hashes give what the texts give: a fact id or a list's hash
/// remembered for the process is the one its bytes make, whichever copy of the texts asks, and
/// texts that differ in any byte (the quote too) are told apart.
@Suite struct CitationKeyTests {
    static let reference = Reference(
        source: "Reuters", title: "Internet cut in the north", date: PartialDate("2020-08-18"),
        quote: "The operator said the cut was ordered.", url: "https://example.org/a")

    static func line(quote: String? = reference.quote, fact: String = "Shutdown ordered") -> Evidence {
        var reference = reference
        reference.quote = quote
        return Evidence(record: "DRF-2020-ML-0003", fact: fact, date: "2020-08-18", reference: reference)
    }

    @Test func aRememberedFactIDIsTheOneItsTextsMake() {
        let first = Self.line()
        // The same texts in other storage (built again, not copied).
        let again = Self.line(quote: String("The operator said the cut was ordered.".reversed().reversed()))
        #expect(TableID.fact(first) == TableID.factText(first))
        #expect(TableID.fact(again) == TableID.factText(first))
        #expect(TableID.fact(first).hasPrefix("DRF-2020-ML-0003/"))
    }

    @Test(
        arguments: [
            ("The operator said the cut was ordered!", "Shutdown ordered"),
            (nil, "Shutdown ordered"),
            ("The operator said the cut was ordered.", "Shutdown ordered "),
            // Canonically equivalent, different bytes: a different id, as schema 3 always gave.
            ("The operator said the cut was orde\u{0301}red.", "Shutdown ordered"),
        ] as [(String?, String)])
    func linesThatDifferInAnyByteHaveDifferentIDs(quote: String?, fact: String) {
        let other = Self.line(quote: quote, fact: fact)
        #expect(TableID.fact(other) != TableID.fact(Self.line()))
        #expect(TableID.fact(other) == TableID.factText(other))
    }

    @Test func anEvidenceListsHashIsTheHashOfItsItems() {
        let lines = [Self.line(), Self.line(quote: nil, fact: "Second line"), Self.line(quote: "Another quote.")]
        let info = EvidenceLists.shared.info(of: lines)
        let items = lines.map { EvidenceReference(date: $0.date, fact: TableID.factText($0)) }
        #expect(info.hash == TableID.evidenceListHash(items))
        #expect(info.factIDs == items.map(\.fact))
        #expect(TableID.text(prefix: "v-", info.hash) == TableID.evidenceList(items))
        // A list differing only in one line's date is another list.
        var dated = lines
        dated[1].date = "2020-08-19"
        #expect(EvidenceLists.shared.info(of: dated).hash != info.hash)
    }

    @Test func aRememberedRecommendationListHashIsTheHashOfItsTexts() {
        let texts = ["Review the site's continuity plan.", "Ask the operator for a written order."]
        let rebuilt = texts.map { String($0.reversed().reversed()) }
        #expect(TableID.recommendationListHash(texts) == TableID.recommendationListHashText(texts))
        #expect(TableID.recommendationListHash(rebuilt) == TableID.recommendationListHashText(texts))
        #expect(TableID.recommendationListHash(Array(texts.reversed())) != TableID.recommendationListHashText(texts))
    }

    @Test(arguments: [
        "Minsk Software Centre (53.9, 27.5) → DRF-2020-BY-0001", "ALL CAPS and digits 0123 @[`{", "", "Ünïcode Straße İstanbul ΣΊΣΥΦΟΣ",
        "mixed ASCII then É",
    ])
    func lowerCasingOnTheBytesIsLowerCasing(text: String) {
        #expect(text.asciiFastLowercased() == text.lowercased())
        #expect(text.dropFirst().asciiFastLowercased() == text.dropFirst().lowercased())
    }
}
