import Testing

@testable import DiligenceKit

/// Texts of ASCII and Latin letters with accents are folded a character at a time from a table:
/// the same keys as Foundation's folding of the whole text.
@Suite struct LatinFoldingTests {
    static func reference(_ text: String) -> String { TextFolding.spaced(TextFolding.folded(text)) }

    @Test(arguments: [
        "Zézé Cuamba", "Łódź", "São Tomé", "Ñandú", "Straße", "İstanbul", "Øresund", "Æbeltoft", "ÐÞ", "Ça-va_là", "ǅemal", "A×B÷c", "Уралснаблес",
        "Ольга Бондаренко", "Ёлкин Й.", "Аўтазавод", "Київ", "ҐӘӨҮҺ",
    ])
    func namesWithAccentsFoldAsFoundationFoldsThem(_ text: String) {
        #expect(TextFolding.latinFolded(text) != nil)
        #expect(TextFolding.key(text) == Self.reference(text))
    }

    @Test(arguments: ["Мос\u{483}ква", "e\u{301}cole", "Ὀδυσσεύς", "ｆｕｌｌ", "naïve ’quote’"])
    func otherTextsTakeFoundationsWay(_ text: String) {
        #expect(TextFolding.latinFolded(text) == nil)
        #expect(TextFolding.key(text) == Self.reference(text))
    }

    /// Every letter of the table alone, and every pair of them with ASCII around.
    @Test func everyLetterAndPairFoldsAsFoundationFoldsIt() {
        let letters = (Array(0xC0...0x24F) + Array(0x400...0x481) + Array(0x48A...0x52F)).compactMap {
            Unicode.Scalar($0).map { String(Character($0)) }
        }
        for first in letters {
            #expect(TextFolding.key(first) == Self.reference(first), "\(first)")
            for second in stride(from: 0, to: letters.count, by: 13).map({ letters[$0] }) {
                let text = "A\(first)b\(second) Z"
                #expect(TextFolding.key(text) == Self.reference(text), "\(text)")
            }
        }
    }

    /// Every name and alternate name of the built-in gazetteer.
    @Test func everyGazetteerNameFoldsAsFoundationFoldsIt() throws {
        var checked = 0
        for file in ["gazetteer/cities.tsv", "gazetteer/supplement.tsv"] {
            let (bytes, _) = try BuiltinResources.data(file)
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") {
                    for name in field.split(separator: "|") where TextFolding.latinFolded(String(name)) != nil {
                        let text = String(name)
                        #expect(TextFolding.key(text) == Self.reference(text), "\(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 40_000)
    }
}
