import Testing

@testable import DiligenceKit

/// The words of a key in Cyrillic letters, split on its scalars: those the split on characters
/// gives.
@Suite struct CyrillicWordsTests {
    static func byCharacters(_ key: String) -> [String] {
        key.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    @Test(arguments: [
        "ольга бондаренко", "уп «севертрансинвест»", "гомельпромснаб-2", "ооо «ромашка» 1-й", "ѣ ѳ ѵ ґ ў і ї є ә ң ө ү һ", "a1 б2 ԯ", "„завод“ — 1",
    ])
    func namesSplitAsCharactersSplitThem(_ key: String) {
        #expect(HumanRightsObligationsRule.wordsOfScalars(key) == Self.byCharacters(key))
        #expect(HumanRightsObligationsRule.wordsOfScalars(key)?.isEmpty == false)
    }

    @Test(arguments: ["и\u{301}ван", "й\u{483}", "Ὀδυσσεύς", "שלום"])
    func otherKeysAreLeftToTheCharacters(_ key: String) {
        #expect(HumanRightsObligationsRule.wordsOfScalars(key) == nil)
        #expect(HumanRightsObligationsRule.words(key) == Self.byCharacters(TextFolding.key(key)))
    }

    /// Every scalar the fast way takes, alone and between ASCII letters, digits and separators.
    @Test func everyTakenScalarSplitsAsItsCharacter() {
        let taken = (0...0x201F).filter { HumanRightsObligationsRule.standsAlone(UInt32($0)) }
        var compared = 0
        for value in taken {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "a\(scalar)b", "1 \(scalar)-2", "«\(scalar)\(scalar)»", "\(scalar)\u{430}\(scalar)"] {
                #expect(HumanRightsObligationsRule.wordsOfScalars(text) == Self.byCharacters(text), "U+\(String(value, radix: 16))")
                compared += 1
            }
        }
        #expect(compared > 2_000)
    }

    /// Every Cyrillic alternate name of the built-in gazetteer, folded as keys are.
    @Test func everyCyrillicGazetteerNameSplitsAsCharactersSplitIt() throws {
        let (bytes, _) = try BuiltinResources.data("gazetteer/cities.tsv")
        var compared = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            for name in line.split(separator: "\t").dropFirst(2).flatMap({ $0.split(separator: "|") }) {
                let key = TextFolding.key(String(name))
                guard let words = HumanRightsObligationsRule.wordsOfScalars(key), !key.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                #expect(words == Self.byCharacters(key), "\(key)")
                compared += 1
            }
        }
        #expect(compared > 1_000)
    }
}
