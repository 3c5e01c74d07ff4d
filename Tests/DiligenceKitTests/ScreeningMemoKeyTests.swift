import Testing

@testable import DiligenceKit

/// The run's per-word memo (`ScreeningMemo.tokenMatches`) keeps a Roman numeral's two readings
/// apart: "iii" is the number 3 after a name's first word and a word at its start
/// (`NameNormalizer`), so a name screened earlier in the run must not change another's answer.
/// Before `TokenKey.keyedByValue`, whichever name was screened first decided both.
@Suite struct ScreeningMemoKeyTests {
    static let entities = [
        listed("n1", "BICENTENARIO 3", kind: .organisation), listed("n2", "III BICENTENARIO", kind: .organisation),
        listed("n3", "VOLNA III", kind: .organisation), listed("n4", "ALPHA FUND 2", kind: .organisation),
    ]

    static let pairs: [(first: String, then: String)] = [
        ("Bicentenario iii", "iii Bicentenario"), ("iii Bicentenario", "Bicentenario iii"), ("Volna iii", "iii Volna"),
        ("iii Volna", "Volna iii"), ("Alpha Fund ii", "ii Alpha Fund"), ("ii Alpha Fund", "Alpha Fund ii"),
    ]

    /// The second name's answer after the first, as a screener that met only it gives.
    @Test(arguments: pairs)
    func anEarlierNameDoesNotChangeTheAnswer(first: String, then: String) {
        let warmed = NameScreener(entities: Self.entities)
        _ = warmed.screen(first, threshold: 0.5)
        let answer = warmed.screen(then, threshold: 0.5)
        let fresh = NameScreener(entities: Self.entities).screen(then, threshold: 0.5)
        #expect(answer.map(\.entity.id) == fresh.map(\.entity.id))
        #expect(answer.map(\.score) == fresh.map(\.score))
        #expect(answer.map(\.why) == fresh.map(\.why))
    }

    @Test func theTwoReadingsHaveTwoKeys() {
        let name = NameNormalizer.standard.normalize("iii Volna iii")
        let keys = name.tokens.map { ScreeningMemo.TokenKey($0, kind: $0.kind) }
        #expect(name.tokens.map(\.text) == ["iii", "volna", "iii"])
        #expect(name.tokens[0].key != "3" && name.tokens[2].key == "3")
        #expect(!keys[0].keyedByValue && keys[2].keyedByValue)
        #expect(keys[0] != keys[2])
    }
}
