import Foundation
import Testing

@testable import DiligenceKit

/// The eighteenth round's loader paths against the general ones they stand for: the byte
/// table's word-at-a-time hash and compare against a dictionary of the same keys, the
/// scanner's ASCII columns against libyaml's marks, the decimal reading against `Double(text)`.
@Suite struct LoaderEighteenthRoundTests {
    static func find<Value>(_ table: ByteTable<Value>, _ bytes: [UInt8]) -> Value? {
        bytes.withUnsafeBufferPointer { table.find($0) }
    }

    /// Every spelling of the loader's tables (countries, every vocabulary's terms and synonyms,
    /// the field keys of every policy mapping) finds what a dictionary of the same pairs holds
    /// (the first of equal keys), and so do their near misses: each with a byte changed,
    /// dropped or added, cut short, in other case.
    @Test func theLoadersTablesFindWhatADictionaryOfTheirPairsFinds() {
        let countries = TestData.workspace.countries
        let vocabularies = TestData.workspace.vocabularies
        let tables = PolicyTables(countries: countries, vocabularies: vocabularies)
        var spellings: [(String, Country)] = []
        // The spellings `PolicyTables` lists, in its order (the first of equal keys wins).
        for country in countries.countries {
            let code = country.code
            let forms = [code, code.lowercased(), code.prefix(1) + code.suffix(1).lowercased(), code.prefix(1).lowercased() + code.suffix(1)]
            for form in forms { if let resolved = countries.resolve(form) { spellings.append((form, resolved)) } }
        }
        for name in countries.names { if let resolved = countries.resolve(name) { spellings.append((name, resolved)) } }
        var expected: [[UInt8]: String] = [:]
        for (text, country) in spellings where expected[Array(text.utf8)] == nil { expected[Array(text.utf8)] = country.code }
        var random = SplitMix64(state: 18)
        var probes = Array(expected.keys) + [[], [0x41], Array("Mali ".utf8), Array("mali".utf8)]
        for key in expected.keys {
            var changed = key
            if !changed.isEmpty { changed[random.below(changed.count)] ^= UInt8(1 << random.below(7)) }
            probes.append(changed)
            probes.append(Array(key.dropLast()))
            probes.append(key + [UInt8(ascii: "x")])
            probes.append(Array(String(decoding: key, as: UTF8.self).uppercased().utf8))
        }
        #expect(expected.count > 200)
        for probe in probes {
            let found = Self.find(tables.countries, probe)?.code
            let resolved = countries.resolve(String(decoding: probe, as: UTF8.self))
            #expect(found == expected[probe], "\(String(decoding: probe, as: UTF8.self))")
            // A hit is what the converting function answers.
            if let found { #expect(resolved?.code == found) }
        }
        for (kind, table) in zip(VocabularyKind.allCases, tables.terms) {
            let vocabulary = vocabularies[kind]
            for term in vocabulary.terms.values {
                for text in [term.id] + term.synonyms {
                    #expect(Self.find(table, Array(text.utf8)) == vocabulary.resolve(text), "\(kind) \(text)")
                    #expect(Self.find(table, Array((text + "-").utf8)) == nil || vocabulary.resolve(text + "-") != nil)
                }
            }
        }
        var objects = [PolicySchema.policyObject]
        var next = 0
        while next < objects.count {
            for held in objects[next].fields.compactMap(Self.held) where !objects.contains(where: { $0 === held }) { objects.append(held) }
            next += 1
        }
        #expect(objects.count >= 8)
        for object in objects {
            for (index, field) in object.fields.enumerated() {
                #expect(Self.find(object.keys, Array(field.field.name.utf8)) == index)
                #expect(
                    Self.find(object.keys, Array(field.field.name.utf8.dropLast()))
                        == object.fields.firstIndex { $0.field.name == String(field.field.name.dropLast()) })
            }
        }
    }

    static func held(_ field: PolicyField) -> PolicyObject? {
        switch field.shape {
        case .object(let object), .objects(let object): return object
        case .scalar, .scalars: return nil
        }
    }

    /// Random byte keys of every length from 0 to 40 (word-sized runs and the tails after them,
    /// bytes of every value), repeats among them: the table finds the first value of each key
    /// and nothing for keys it does not hold.
    @Test func randomByteKeysAreFoundAsADictionaryFindsThem() {
        var random = SplitMix64(state: 2026)
        for round in 0..<20 {
            var pairs: [(String, Int)] = []
            var expected: [[UInt8]: Int] = [:]
            let alphabet: [UInt8] = round % 2 == 0 ? Array(UInt8(0x20)...UInt8(0x7E)) : Array("ab".utf8)
            for value in 0..<(1 + random.below(300)) {
                let key = (0..<random.below(41)).map { _ in alphabet[random.below(alphabet.count)] }
                let text = String(decoding: key, as: UTF8.self)
                pairs.append((text, value))
                if expected[Array(text.utf8)] == nil { expected[Array(text.utf8)] = value }
            }
            let table = ByteTable(pairs)
            for (key, value) in expected { #expect(Self.find(table, key) == value) }
            for _ in 0..<500 {
                let key = (0..<random.below(41)).map { _ in alphabet[random.below(alphabet.count)] }
                #expect(Self.find(table, key) == expected[key])
            }
        }
        #expect(Self.find(ByteTable<Int>([]), []) == nil)
        #expect(Self.find(ByteTable([("", 7)]), []) == 7)
    }

    /// Lines with letters of two, three and four bytes before, between and after their keys,
    /// scalars and flow items, at random places: the scanner's marks are libyaml's (columns
    /// in characters), whether the line's start is before or after the file's first such letter.
    @Test func columnsAfterLettersOfSeveralBytesAreLibYAMLs() {
        var random = SplitMix64(state: 7)
        let words = ["Bamako", "Mocímboa", "Гомель", "東京", "𝒜b", "plain", "Société", "x"]
        var read = 0
        for _ in 0..<400 {
            var lines: [String] = []
            for index in 0..<(1 + random.below(12)) {
                let word = { words[random.below(words.count)] }
                switch random.below(5) {
                case 0: lines.append("k\(index): \(word()) \(word())")
                case 1: lines.append("k\(index): [\(word()), \"\(word())\", \(word())]")
                case 2: lines.append("k\(index): { a: \(word()), b: '\(word())' }   # \(word())")
                case 3: lines.append("k\(index):\n  - \(word())\n  - id: \(word())\n    n: [\(word()), \(word())]")
                default: lines.append("# \(word())\nk\(index): \"\(word()) \\\" \(word())\"")
                }
            }
            let text = lines.joined(separator: "\n") + "\n"
            if PolicyScannerTests.compare(Array(text.utf8), text) != nil { read += 1 }
        }
        #expect(read > 300)
    }

    /// `decimalNumber` reads every text `isDecimalNumber` accepts as `Double(text)` does, bit for
    /// bit: random numbers of 1 to 15 digits with every number of places, signs, leading and
    /// trailing zeros, the coordinates of the shipped policies and examples, and longer texts.
    @Test func decimalsAreReadAsDoubleReadsThem() throws {
        var texts = [
            "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+1.5", "12.65", "-8.0", "999999999999999", "-999999999999999",
            "0.000000000000001", "9.99999999999999", "0.1", "0.2", "0.3", "123456789012345", "1234567890.12345", "0000000000000.1",
            "90", "-90.0", "180", "-180.00000", "1234567890123456", "1.0000000000000002", "0.30000000000000004",
            "12345678901234.56789", "3.14159265358979323846",
        ]
        var random = SplitMix64(state: 15)
        for _ in 0..<40000 {
            let digits = 1 + random.below(18)
            let places = random.below(digits + 1)
            var body = (0..<digits).map { _ in String(random.below(10)) }.joined()
            if places > 0 { body.insert(".", at: body.index(body.endIndex, offsetBy: -places)) }
            if body.hasPrefix(".") { body = "0" + body }
            let sign = ["", "-", "+"][random.below(3)]
            texts.append(sign + body)
        }
        for folder in ["policies", "examples"] {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
                for word in text.split(whereSeparator: { " ,{}[]\n".contains($0) }) where word.first.map({ $0.isNumber || $0 == "-" }) == true {
                    texts.append(String(word))
                }
            }
        }
        var compared = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let accepted = bytes.withUnsafeBufferPointer { ScalarBytes.isDecimalNumber($0) }
            guard accepted else { continue }
            compared += 1
            let read = bytes.withUnsafeBufferPointer { ScalarBytes.decimalNumber($0) }
            #expect(read?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        #expect(compared > 35000)
    }
}
