import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, twelfth round (`speed6`): the shortcuts taken in screening a counterparty's name
/// give what the longer way gave.
@Suite struct CounterpartyScreeningSpeed6Tests {
    static let russianChain = Transliterator.transformID(.russian, greek: false)

    /// The Russian alphabet, and the other characters `RussianLatin` takes.
    static let russianLetters: [Unicode.Scalar] =
        [Unicode.Scalar(0x0401)!, Unicode.Scalar(0x0451)!] + (0x0410...0x044F).compactMap { Unicode.Scalar($0) }
    static let others: [Unicode.Scalar] = ["a", "A", "Z", "e", "y", "5", " ", "-", ".", "\"", "'", "«", "»"]

    /// Words in Cyrillic of the repository's data: the development sets, the seeds, the data
    /// files of screening, the portfolio generator's names.
    static func repositoryWords() throws -> [String] {
        let root = TestData.root
        var files = [
            "benchmarks/screening/pairs.tsv", "benchmarks/screening/cross-script.tsv", "benchmarks/portfolio/generate.py",
            "seeds/lists/baltic-travel-bans-2020.yaml", "Sources/DiligenceKit/Resources/screening/legal-forms.tsv",
            "Sources/DiligenceKit/Resources/screening/titles.txt", "Sources/DiligenceKit/Resources/screening/word-equivalents.tsv",
            "Sources/DiligenceKit/Resources/gazetteer/cities.tsv",
        ]
        files += (2...5).map { "benchmarks/screening/cross-script-dev\($0).tsv" }
        var words: Set<String> = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," })
            where word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                words.insert(String(word))
            }
        }
        return words.sorted()
    }

    /// ICU's answer and the table's for `text`, when the table takes it.
    static func expectSameAsICU(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = RussianLatin.ascii(text) else { return }
        let icu = Transliterator.transform(text, russianChain)
        #expect(fast == icu, "\(text): \(fast) against ICU's \(icu)", sourceLocation: sourceLocation)
    }

    @Test func russianWordsOfTheRepositoryAreRomanisedAsICUDoes() throws {
        let words = try Self.repositoryWords()
        #expect(words.count > 300)
        var taken = 0
        for word in words where RussianLatin.ascii(word) != nil {
            taken += 1
            Self.expectSameAsICU(word)
        }
        #expect(taken > 200)
    }

    @Test func everyPairOfCharactersIsRomanisedAsICUDoes() {
        let alphabet = Self.russianLetters + Self.others
        for a in alphabet {
            Self.expectSameAsICU(String(a))
            for b in alphabet { Self.expectSameAsICU(String(String.UnicodeScalarView([a, b]))) }
        }
    }

    /// Every three characters of those the rules look at around a letter.
    @Test func everyTripleOfContextLettersIsRomanisedAsICUDoes() {
        let alphabet: [Unicode.Scalar] = [
            "Е", "е", "Ё", "ё", "Ы", "ы", "Э", "э", "Й", "й", "Ъ", "ъ", "Ь", "ь", "А", "а", "Т", "С", "с", "Ш", "ч", "Ч", "Ж", "я",
            "a", "A", "5", "-", "«",
        ]
        for a in alphabet {
            for b in alphabet {
                for c in alphabet { Self.expectSameAsICU(String(String.UnicodeScalarView([a, b, c]))) }
            }
        }
    }

    @Test func randomTextsAreRomanisedAsICUDo() {
        let alphabet = Self.russianLetters + Self.russianLetters.filter { "ЕеЁёЫыЭэЙйЪъЬьТтСсШшЧч".unicodeScalars.contains($0) } + Self.others
        var random = SplitMix64(state: 0x5EED_6)
        func next(_ bound: Int) -> Int { random.below(bound) }
        for _ in 0..<20_000 {
            let length = 1 + next(12)
            Self.expectSameAsICU(String(String.UnicodeScalarView((0..<length).map { _ in alphabet[next(alphabet.count)] })))
        }
    }

    @Test func otherLettersAreLeftToICU() {
        #expect(RussianLatin.ascii("Аўтазавод") == nil)
        #expect(RussianLatin.ascii("Київ") == nil)
        #expect(RussianLatin.ascii("Ё\u{308}") == nil)
        #expect(RussianLatin.ascii("Müller") == nil)
        #expect(RussianLatin.ascii("Уралснаблес") == "Uralsnables")
        #expect(RussianLatin.ascii("«Ёлка»") == "<<Yelka>>")
        let ukrainian = Transliterator.transformID(.ukrainian, greek: false)
        #expect(Transliterator.romanised("Київ", .ukrainian, id: ukrainian) == Transliterator.transform("Київ", ukrainian))
        #expect(Transliterator.romanised("Київ", .russian, id: Self.russianChain) == Transliterator.transform("Київ", Self.russianChain))
    }

    /// `TurkicLatin.hasMarker` is membership in `markers` for every scalar up to U+FFFF.
    @Test func turkicMarkersAreFoundWithoutTheSet() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab" + String(scalar)
            #expect(TurkicLatin.hasMarker(text) == TurkicLatin.markers.contains(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(!TurkicLatin.hasMarker("Gonzalez"))
        #expect(TurkicLatin.listSpelling("Serviços") == "Servichos")
        // "õ" is a letter neither Turkish nor Azerbaijani has: a Portuguese name (twenty-ninth round).
        #expect(TurkicLatin.listSpelling("Construções") == nil)
    }
}
