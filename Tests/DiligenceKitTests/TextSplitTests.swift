import Foundation
import Testing

@testable import DiligenceKit

/// `components(separatedByBytesOf:)` (the Markdown report's split of a finding's texts at the
/// operation's name) gives Foundation's `components(separatedBy:)` pieces: on the bytes for
/// plain texts, through Foundation for the rest (combining marks, decomposed letters, CR LF,
/// controls, scripts outside the plain set).
@Suite struct TextSplitTests {
    static let cases: [(String, String)] = [
        ("Svislach plant is in Belarus; Svislach plant ships", "Svislach plant"),
        ("Mocímboa depot is 12 km from Mocímboa da Praia (event MOZ1 of 2020-08-12)", "Mocímboa"),
        ("aaa", "aa"), ("--a--", "--"), ("a--b--c", "--"), ("ab", "ab"), ("", "ab"), ("no name here", "xyz"),
        ("“Minsk” → Минск ≤ 25 km — ‘quoted’ …", "Минск"), ("Ёлка и ёлка", "ёлка"),
        // Not plain: Foundation decides (a combining mark, a decomposed letter, CR LF, a flag).
        ("Cafe\u{301} x Cafe y", "Cafe"), ("Caf\u{E9} x Cafe\u{301} y", "Caf\u{E9}"), ("x\r\ny", "\n"), ("x\r\ny", "\r"),
        ("\u{1F1EB}\u{1F1F7}\u{1F1EB}\u{1F1F7}", "\u{1F1F7}\u{1F1EB}"), ("soft\u{AD}hyphen soft", "soft"),
        ("Ω\u{2126} ohm", "Ω"), ("tab\tand\tthe tab", "\t"), ("中文 中", "中"),
    ]

    @Test(arguments: cases)
    func splitsAsFoundationDoes(text: String, separator: String) {
        #expect(text.components(separatedByBytesOf: separator) == text.components(separatedBy: separator))
        // Compared scalar by scalar too: String's == would accept canonically equivalent pieces.
        #expect(
            text.components(separatedByBytesOf: separator).map { Array($0.unicodeScalars) }
                == text.components(separatedBy: separator).map { Array($0.unicodeScalars) })
    }

    /// Random texts over plain and non-plain scalars (seeded, so the same every run).
    @Test func randomTextsSplitAsFoundationDoes() {
        let alphabet: [String] = ["a", "b", " ", "é", "e", "\u{301}", "ё", "–", "“", "→", "≤", "\r", "\n", "Ω", "\u{2126}", "ab", "Ωa"]
        var generator = SplitMix64(state: 17)
        var plain = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let separator = (0..<Int(1 + generator.next() % 3)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            if String.isPlain(text), String.isPlain(separator) { plain += 1 }
            let ours = text.components(separatedByBytesOf: separator).map { Array($0.unicodeScalars) }
            let foundation = text.components(separatedBy: separator).map { Array($0.unicodeScalars) }
            #expect(ours == foundation, "\(Array(text.unicodeScalars)) / \(Array(separator.unicodeScalars))")
        }
        #expect(plain > 200)
    }

    /// Every scalar the plain set admits is one Character alone and beside any other plain
    /// scalar, and its own NFC.
    @Test func plainScalarsAreCharactersOfTheirOwn() {
        let plain = (0..<0x3000).compactMap { Unicode.Scalar(UInt32($0)) }.filter { String.isPlainScalar($0.value) }
        #expect(plain.count > 1_000)
        for scalar in plain {
            let text = String(scalar)
            #expect(text.count == 1)
            #expect((text + "a" + text + "\u{2192}" + text).count == 5, "U+\(String(scalar.value, radix: 16))")
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
        }
    }

}
