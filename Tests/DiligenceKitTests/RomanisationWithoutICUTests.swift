import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, thirteenth round (`memory4`): the Belarusian and Latin words a check romanises are
/// written by `BelarusianLatin` and `LatinASCII` as ICU writes them through
/// `Transliterator.transform`, so that a check need not load ICU's transliterator.
@Suite struct RomanisationWithoutICUTests {
    static let belarusianChain = Transliterator.transformID(.belarusian, greek: false)
    static let latinChain = Transliterator.transformID(.none, greek: false)
    static let russianChain = Transliterator.transformID(.russian, greek: false)

    /// The Belarusian alphabet with "И", "и" and the apostrophe, and the other characters
    /// `BelarusianLatin` takes.
    static let belarusianLetters: [Unicode.Scalar] =
        (0x0410...0x044F).compactMap { Unicode.Scalar($0) }.filter { !"ЩЪщъ".unicodeScalars.contains($0) }
        + ["Ё", "ё", "І", "і", "Ў", "ў", "Ґ", "ґ", "’"]
    static let others: [Unicode.Scalar] = ["a", "A", "Z", "e", "y", "5", " ", "-", ".", "\"", "'", "«", "»"]

    /// The words of the repository's data with a character outside ASCII: the development and
    /// test sets of screening, the seeds, the data files of screening and the gazetteer, the
    /// portfolio generator's names.
    static func repositoryWords() throws -> [String] {
        let root = TestData.root
        var files = [
            "benchmarks/screening/pairs.tsv", "benchmarks/screening/cross-script.tsv", "benchmarks/portfolio/generate.py",
            "seeds/lists/baltic-travel-bans-2020.yaml", "seeds/lists/ofac-sdn-excerpt.yaml",
            "seeds/lists/politically-exposed-persons-2020.yaml", "Sources/DiligenceKit/Resources/screening/legal-forms.tsv",
            "Sources/DiligenceKit/Resources/screening/titles.txt", "Sources/DiligenceKit/Resources/screening/word-equivalents.tsv",
            "Sources/DiligenceKit/Resources/gazetteer/cities.tsv",
        ]
        files += (2...6).map { "benchmarks/screening/cross-script-dev\($0).tsv" }
        var words: Set<String> = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," })
            where !word.utf8.allSatisfy({ $0 < 0x80 }) {
                words.insert(String(word))
            }
        }
        return words.sorted()
    }

    /// ICU's answer and `BelarusianLatin`'s for `text`, when it takes the text.
    static func expectBelarusianAsICU(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = BelarusianLatin.ascii(text) else { return }
        let icu = Transliterator.transform(text, belarusianChain)
        #expect(fast == icu, "\(text): \(fast) against ICU's \(icu)", sourceLocation: sourceLocation)
    }

    /// ICU's answer and `LatinASCII`'s for `text` under the chains of a Latin and a Russian
    /// name, when it takes the text.
    static func expectLatinAsICU(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = LatinASCII.ascii(text) else { return }
        for chain in [latinChain, russianChain] {
            let icu = Transliterator.transform(text, chain)
            #expect(fast == icu, "\(text): \(fast) against ICU's \(icu) (\(chain))", sourceLocation: sourceLocation)
        }
    }

    static func text(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }

    @Test func belarusianNamesOfTheListsAreTaken() {
        #expect(BelarusianLatin.ascii("Аляксандр") == "Alyaksandr")
        #expect(BelarusianLatin.ascii("Рыгоравіч") == "Ryhoravich")
        #expect(BelarusianLatin.ascii("Лукашэнка") == "Lukashenka")
        #expect(BelarusianLatin.ascii("«ЖЫВЕ»") == "<<ZHYVYE>>")
        #expect(BelarusianLatin.ascii("Аб’яднанне") == "Abyadnannye")
    }

    @Test func cyrillicWordsOfTheRepositoryAreRomanisedAsICUDoes() throws {
        let words = try Self.repositoryWords().filter { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        #expect(words.count > 300)
        var taken = 0
        for word in words where BelarusianLatin.ascii(word) != nil {
            taken += 1
            Self.expectBelarusianAsICU(word)
        }
        #expect(taken > 100)
    }

    @Test func everyOneAndTwoBelarusianCharactersAreRomanisedAsICUDoes() {
        let alphabet = Self.belarusianLetters + Self.others
        for a in alphabet {
            Self.expectBelarusianAsICU(Self.text([a]))
            for b in alphabet { Self.expectBelarusianAsICU(Self.text([a, b])) }
        }
    }

    /// Every three of the letters whose rules look at the next letter, the digraphs' letters
    /// and letters that are and are not such a next letter.
    @Test func everyThreeBelarusianContextLettersAreRomanisedAsICUDoes() {
        let alphabet: [Unicode.Scalar] = [
            "Е", "е", "Ё", "Ж", "Ц", "Ч", "Я", "З", "з", "К", "Г", "г", "С", "Т", "т", "с", "Ь", "ь", "’", "Ў", "ў", "і", "И", "и", "a",
            "A", "5", "-", "«",
        ]
        for a in alphabet {
            for b in alphabet {
                for c in alphabet { Self.expectBelarusianAsICU(Self.text([a, b, c])) }
            }
        }
    }

    @Test func randomBelarusianTextsAreRomanisedAsICUDoes() {
        let contextLetters = Self.belarusianLetters.filter { "ЕеЁЖЦЧЯЮШХЗзКкСсТтГгЬь’".unicodeScalars.contains($0) }
        let alphabet = Self.belarusianLetters + contextLetters + Self.others
        var random = SplitMix64(state: 0x5EED_4)
        for _ in 0..<20_000 {
            let length = 1 + Int.random(in: 0..<12, using: &random)
            Self.expectBelarusianAsICU(Self.text((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
        }
    }

    @Test func otherCyrillicIsLeftToICU() {
        #expect(BelarusianLatin.ascii("Шчасце") == "Shchastsye")
        #expect(BelarusianLatin.ascii("Щука") == nil)
        #expect(BelarusianLatin.ascii("аб\u{2BC}ект") == nil)
        #expect(BelarusianLatin.ascii("Київ") == nil)
        #expect(BelarusianLatin.ascii("Ё\u{308}") == nil)
        #expect(BelarusianLatin.ascii("Müller") == nil)
        let ukrainian = Transliterator.transformID(.ukrainian, greek: false)
        #expect(Transliterator.romanised("Київ", .ukrainian, id: ukrainian) == Transliterator.transform("Київ", ukrainian))
        #expect(Transliterator.romanised("Щука", .belarusian, id: Self.belarusianChain) == Transliterator.transform("Щука", Self.belarusianChain))
        #expect(Transliterator.romanised("Лукашэнка", .belarusian, id: Self.belarusianChain) == "Lukashenka")
    }

    /// Every character of the table alone, and between letters.
    @Test func everyLatinEntryIsWrittenAsICUWritesIt() {
        var entries = 0
        for (ascii, letters) in LatinASCII.groups {
            for letter in letters.unicodeScalars {
                entries += 1
                #expect(LatinASCII.ascii(Self.text([letter])) == ascii)
                Self.expectLatinAsICU(Self.text([letter]))
                Self.expectLatinAsICU(Self.text(["a", letter, "g"]))
            }
        }
        #expect(entries > 600)
    }

    @Test func latinWordsOfTheRepositoryAreRomanisedAsICUDoes() throws {
        let words = try Self.repositoryWords()
        var taken = 0
        for word in words where LatinASCII.ascii(word) != nil {
            taken += 1
            Self.expectLatinAsICU(word)
        }
        #expect(taken > 1_000)
    }

    /// Every ordered pair of the table's characters, 500 pairs a text between spaces (each pair
    /// alone would take ICU hours), and every pair of the letters that occur in the repository's
    /// data alone.
    @Test func everyPairOfLatinEntriesIsWrittenAsICUWritesIt() throws {
        let letters: [Unicode.Scalar] = LatinASCII.groups.flatMap { Array($0.letters.unicodeScalars) } + ["a", "Z", "g", "'", "-"]
        var pairs: [String] = []
        for a in letters {
            for b in letters { pairs.append(Self.text([a, b])) }
        }
        for start in stride(from: 0, to: pairs.count, by: 500) {
            Self.expectLatinAsICU(pairs[start..<min(start + 500, pairs.count)].joined(separator: " "))
        }
        let used = Set(try Self.repositoryWords().flatMap { $0.unicodeScalars }).filter { LatinASCII.ascii(Self.text([$0])) != nil }
        #expect(used.count > 60)
        let alphabet = used.sorted { $0.value < $1.value } + ["a", "Z", "'"]
        for a in alphabet {
            for b in alphabet { Self.expectLatinAsICU(Self.text([a, b])) }
        }
    }

    @Test func randomLatinTextsAreRomanisedAsICUDoes() {
        let alphabet: [Unicode.Scalar] = LatinASCII.groups.flatMap { Array($0.letters.unicodeScalars) } + Self.others
        var random = SplitMix64(state: 0x1A7_1)
        for _ in 0..<5_000 {
            let length = 1 + Int.random(in: 0..<12, using: &random)
            Self.expectLatinAsICU(Self.text((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
        }
    }

    @Test func latinLettersWithContextAreLeftToICU() {
        #expect(LatinASCII.ascii("Distribuição") == "Distribuicao")
        #expect(LatinASCII.ascii("Bērziņš") == "Berzinsh")
        #expect(LatinASCII.ascii("N’Daw") == "N'Daw")
        #expect(LatinASCII.ascii("Ṅga") == nil)
        #expect(LatinASCII.ascii("Əliyev") == nil)
        #expect(LatinASCII.ascii("Cisse\u{301}") == nil)
        #expect(LatinASCII.ascii("Ʒ") == nil)
        #expect(LatinASCII.ascii("Лукашэнка") == nil)
        // Under the Belarusian and Ukrainian chains "’" is a mark: the word goes to ICU.
        #expect(Transliterator.romanised("N’Daw", .belarusian, id: Self.belarusianChain) == Transliterator.transform("N’Daw", Self.belarusianChain))
        #expect(Transliterator.romanised("N’Daw", .none, id: Self.latinChain) == "N'Daw")
        #expect(Transliterator.romanised("Ṅga", .none, id: Self.latinChain) == Transliterator.transform("Ṅga", Self.latinChain))
    }
}
