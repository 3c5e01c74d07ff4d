import Foundation
import Testing

@testable import DiligenceKit

/// Issue 17, sixteenth round (`speed15`): the shorter ways of normalising and screening a
/// counterparty's name give what the general ways give, on real names in every script and on
/// random ones.
@Suite struct CounterpartyNamesSpeed15Tests {
    /// Every name of the screening sets (queries, spellings and listed names, in every script
    /// they hold) and every quoted text of the portfolio generator (its counterparties' words).
    static let realNames: [String] = {
        let root = TestData.root
        var files = ["benchmarks/screening/pairs.tsv", "benchmarks/screening/cross-script.tsv", "benchmarks/portfolio/generate.py"]
        files += (2...8).map { "benchmarks/screening/cross-script-dev\($0).tsv" }
        var names: Set<String> = []
        for file in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") where !field.hasPrefix("http") && field.count > 1 {
                    names.insert(String(field))
                }
                // The generator's names are quoted words in lists.
                for part in line.split(separator: "\"") where part.count > 2 && part.count < 60 && !part.contains("{") {
                    names.insert(String(part))
                }
            }
        }
        return names.sorted()
    }()

    /// Random names of Latin letters with and without diacritics (Latin-1, Extended-A and -B,
    /// Turkish and Azerbaijani letters, "č"), mixed now and then with Cyrillic, Greek, a
    /// combining mark, Arabic, Han or Hangul, with spaces (doubled too), commas, hyphens,
    /// apostrophes and legal forms.
    static func randomNames(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(state: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let latin = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
        let accented = (0x00C0...0x024F).compactMap { Unicode.Scalar($0) } + ["ə", "Ə", "ı", "İ", "ş", "ğ", "ç", "Ç", "č", "Č", "ß", "Æ", "ø"]
        let others: [Unicode.Scalar] = [
            "ж", "Ш", "ы", "і", "ў", "ї", "α", "Ω", "\u{0301}", "\u{0327}", "م", "ح", "ש", "金", "正", "김", "정", "ა", "Ա", "ก", "क", "·", "’", "ʼ",
        ]
        let forms = ["", "", " Ltd", " Lda", " SA", " S.A.", " OOO", " LLC", " GmbH", " & Filhos"]
        var names: [String] = []
        for _ in 0..<count {
            var scalars = String.UnicodeScalarView()
            let words = 1 + Int(random.next() % 4)
            for word in 0..<words {
                if word > 0 { scalars.append(contentsOf: pick([" ", " ", " ", "  ", ", ", "-", " '"]).unicodeScalars) }
                for _ in 0..<(1 + Int(random.next() % 9)) {
                    let roll = random.next() % 100
                    scalars.append(roll < 70 ? pick(latin) : (roll < 95 ? pick(accented) : pick(others)))
                }
            }
            names.append(String(scalars) + pick(forms))
        }
        return names
    }

    /// Names the portfolio generator makes: Portuguese and French words with their diacritics.
    static let portfolioLikeNames = [
        "Serviços Continental SA", "Companhia Combustíveis do Lúrio Ltda", "Établissements Benali Group", "Construções Rodrigues Ltda",
        "Serviços Índico Ltda", "Chiúre clinic", "Tembe & Filhos Grupo", "Société Générale de Négoce SARL", "Mineração Zambeze Lda",
        "Kuzey Dış Ticaret A.Ş.", "Əliyev Rəşad", "Yanukoviç", "Čong Kim", "KIM Čen Ynas", "Łukasz Żółć", "Ærø Ødegård", "Straße",
    ]

    static var allNames: [String] { realNames + portfolioLikeNames + randomNames(count: 6_000, seed: 15) }

    /// A name of Latin letters only takes the short way through the normaliser: the same tokens,
    /// legal forms, titles, flags and Latin form as the general way, on every name.
    @Test func latinOnlyNamesNormaliseAsTheGeneralWay() {
        let normalizer = NameNormalizer.standard
        var latinOnly = 0
        let names = Self.allNames
        for name in names {
            if !name.utf8.allSatisfy({ $0 < 0x80 }), NameNormalizer.isLatinOnly(name) { latinOnly += 1 }
            let fast = normalizer.normalizeKeepingLatin(name)
            let general = normalizer.normalizeKeepingLatin(name, latinOnlyPath: false)
            #expect(fast.name == general.name, "\(name)")
            #expect(fast.latin == general.latin, "\(name): \(fast.latin ?? "nil") against \(general.latin ?? "nil")")
        }
        #expect(names.count > 8_000)
        #expect(latinOnly > 2_500)
    }

    /// `isLatinOnly` holds exactly for texts whose characters are all below U+0240.
    @Test func latinOnlyIsEveryCharacterBelowU0240() {
        for name in Self.allNames {
            #expect(NameNormalizer.isLatinOnly(name) == name.unicodeScalars.allSatisfy({ $0.value < 0x0240 }), "\(name)")
        }
        for value in 0x20..<0x0300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(NameNormalizer.isLatinOnly("a" + String(scalar)) == (value < 0x0240))
        }
    }

    /// Splitting a text on its space bytes, ASCII words written straight through, gives the
    /// text romanised word by word as splitting its characters does, with the same words
    /// reported in the same order, for every Cyrillic table.
    @Test func latinByWordOnBytesIsAsByCharacters() {
        var compared = 0
        for name in Self.allNames where Transliterator.spacesStandAlone(name) {
            for table in [Transliterator.CyrillicTable.none, .russian, .belarusian] {
                var fastWords: [String] = [], generalWords: [String] = []
                let fast = Transliterator.latinByWord(name, table) { fastWords.append($0 + "→" + $1) }
                let general = Transliterator.latinByWord(name, table, byBytes: false) { generalWords.append($0 + "→" + $1) }
                #expect(fast == general, "\(name)")
                #expect(fastWords == generalWords, "\(name)")
                compared += 1
            }
        }
        #expect(compared > 20_000)
        #expect(Transliterator.latinByWord("Serviços  Índico ", .none) == "Servicos  Indico ")
    }

    /// The Turkish and Azerbaijani respelling by bytes is the respelling by scalars (nil alike).
    @Test func turkicRespellingByBytesIsAsByScalars() {
        var respelt = 0
        for name in Self.allNames + ["Rəcəb Cevad", "Çelik Ş", "Mahir Əsəd", "ıı", "c\u{0327}ağ", "Yanukoviç", "Ğ"] {
            let fast = TurkicLatin.listSpelling(name)
            #expect(fast == TurkicLatin.listSpellingByScalars(name), "\(name)")
            if fast != nil { respelt += 1 }
        }
        // Most of the portfolio-like names with "ç" are Portuguese ("Construções", "Comércio"),
        // which a letter neither Turkish nor Azerbaijani has keeps from respelling (twenty-ninth
        // round): 63 of these names are respelt.
        #expect(respelt > 50)
        #expect(TurkicLatin.listSpelling("Rəcəb Cevad") == "Rajab Jevad")
        #expect(TurkicLatin.listSpelling("Serviços Continental SA") == "Servichos Jontinental SA")
        #expect(TurkicLatin.listSpelling("Kuzey Dış") == nil)
    }

    /// The longest legal form at each word, found by lengthening prefixes, is the one found by
    /// trying every length from the longest down, on every word of every name and on every
    /// legal form of the data files written out, alone, twice, and after a name word.
    @Test func legalFormsByPrefixesAreAsByLengths() {
        let normalizer = NameNormalizer.standard
        var names = Self.allNames
        for form in normalizer.data.legalForms.keys { names += [form, "Acme " + form, form + " " + form, "Acme " + form + " Trading"] }
        var found = 0
        for name in names {
            let latin = Array(Transliterator.latin(name).utf8)
            let words = normalizer.words(latin)
            for start in words.indices {
                let fast = normalizer.legalForm(in: words, at: start), general = normalizer.legalFormByLengths(in: words, at: start)
                #expect(fast?.length == general?.length && fast?.formClass == general?.formClass, "\(name) at \(start)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 2_000)
    }

    /// Reading order decided at the first word when it is not in capitals is the order decided
    /// after reading every word, on every name and on names of capitals and commas.
    @Test func readingOrderAtTheFirstWordIsAsAfterEveryWord() {
        let normalizer = NameNormalizer.standard
        var names = Self.allNames
        names += ["LUKASHENKA Alyaksandr", "Alyaksandr LUKASHENKA", "ACME Trading", "ACME TRADING LLC", "KIM Jong Un", " KIM  Jong", "A B", "XI", ""]
        var reordered = 0
        // As written, in capitals, and with the first word in capitals and the others capitalised.
        let surnameFirst = names.map { name in
            name.split(separator: " ").enumerated().map {
                $0.offset == 0 ? $0.element.uppercased() : $0.element.prefix(1).uppercased() + $0.element.dropFirst()
            }
            .joined(separator: " ")
        }
        for name in names + names.map({ $0.uppercased() }) + surnameFirst {
            let latin = Array(Transliterator.latin(name).utf8)
            let fast = normalizer.readingOrder(latin), general = normalizer.readingOrder(latin, firstWordTest: false)
            #expect(fast.0 == general.0 && fast.1 == general.1, "\(name)")
            if fast.1 { reordered += 1 }
        }
        #expect(reordered > 100)
    }
}
