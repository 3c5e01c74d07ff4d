import Foundation
import Testing

@testable import DiligenceKit

/// What the twentieth round (`speed28`) does more cheaply must be what the general way did: the
/// gazetteer's name index filed by the hashes of the keys' bytes, no text made per name.
@Suite struct RulesTwentiethRoundTests {
    /// Each place's distinct keys (the general way: rows parsed, names folded as texts), by position.
    static func generalKeys(_ gazetteer: Gazetteer, _ code: String, cyrillic: Bool) -> [Int: [String]] {
        var keys: [Int: [String]] = [:]
        gazetteer.forEachPlaceKeys(of: code, cyrillic: cyrillic, byBytes: false) { keys[$0] = $1 }
        return keys
    }

    /// The hashes and texts of each place's distinct keys, by position, as the index is built.
    static func hashes(_ gazetteer: Gazetteer, _ code: String, cyrillic: Bool) -> [Int: [Key]] {
        var hashes: [Int: [Key]] = [:]
        gazetteer.forEachPlaceKeyHashes(of: code, cyrillic: cyrillic) { position, keys in
            hashes[position] = zip(keys.hashes, keys.ranges).map { Key(hash: $0, text: String(decoding: keys.bytes[$1], as: UTF8.self)) }
        }
        return hashes
    }

    /// A key as the index files it.
    struct Key: Equatable {
        var hash: UInt64
        var text: String
    }

    /// The general index, as the gazetteer kept it before: positions by key (texts compared as
    /// texts), each place once under each of its keys, in position order.
    static func generalIndex(_ gazetteer: Gazetteer, _ code: String, cyrillic: Bool) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, keys) in generalKeys(gazetteer, code, cyrillic: cyrillic).sorted(by: { $0.key < $1.key }) {
            for key in keys { index[key, default: []].append(position) }
        }
        return index
    }

    /// The places `places(named:in:)` gave by the general index: its positions' places, most
    /// populous first, then the lowest GeoNames id, then the name.
    static func expectedPlaces(_ name: String, _ index: [String: [Int]], _ places: [Gazetteer.Place]) -> [Gazetteer.Place] {
        let key = TextFolding.key(name.trimmingCharacters(in: .whitespaces))
        return (index[key] ?? []).map { places[$0] }.sorted { a, b in
            if a.population != b.population { return a.population > b.population }
            return (a.geonameID ?? Int.max, a.name) < (b.geonameID ?? Int.max, b.name)
        }
    }

    /// Every row of the built-in gazetteer, in every country and both kinds of index: the keys
    /// the index is built from (hashes and bytes) are the place's keys folded as texts, in
    /// order (a place's keys with one hash once).
    @Test func keyHashesAreTheHashesOfTheParsedRowsKeys() throws {
        let gazetteer = try #require(Gazetteer.shared)
        var places = 0
        for code in gazetteer.countryCodes {
            for cyrillic in [false, true] {
                let general = Self.generalKeys(gazetteer, code, cyrillic: cyrillic).mapValues { keys in
                    keys.map { Key(hash: Gazetteer.keyHash($0), text: $0) }.reduce(into: [Key]()) { kept, key in
                        if !kept.contains(where: { $0.hash == key.hash }) { kept.append(key) }
                    }
                }
                #expect(Self.hashes(gazetteer, code, cyrillic: cyrillic) == general, "\(code) cyrillic: \(cyrillic)")
                places += general.count
            }
        }
        #expect(places > 7_000)
    }

    /// Texts equal as texts hash alike: a key and its canonical decomposition, and keys with
    /// characters that compose or stand for others ("\u{212A}" is "K").
    @Test func keyHashIsTheSameForEqualTexts() throws {
        let pairs: [(String, String)] = [
            ("K", "\u{212A}"), ("kati", "kati"), (";", "\u{037E}"), ("ségou", "se\u{301}gou"), ("мйнск", "ми\u{306}нск"),
            ("й", "и\u{306}"), ("ё", "е\u{308}"), ("ǖ", "u\u{308}\u{304}"), ("å", "\u{212B}".lowercased()), ("Å", "\u{212B}"),
            ("a\u{323}\u{302}", "a\u{302}\u{323}"), ("ṩ", "s\u{323}\u{307}"), ("한", "\u{1112}\u{1161}\u{11AB}"),
        ]
        for (a, b) in pairs {
            #expect(a == b, "\(a) \(b)")
            #expect(Gazetteer.keyHash(a) == Gazetteer.keyHash(b), "\(a) \(b)")
        }
        #expect(Gazetteer.keyHash("kati") != Gazetteer.keyHash("kata"))
        #expect(Gazetteer.keyHash("") == Gazetteer.keyHash(""))
        // Every key of the built-in gazetteer: its bytes' hash is its decomposition's.
        let gazetteer = try #require(Gazetteer.shared)
        var keys = 0
        for code in gazetteer.countryCodes {
            for cyrillic in [false, true] {
                for key in Self.generalKeys(gazetteer, code, cyrillic: cyrillic).values.joined() {
                    #expect(Gazetteer.keyHash(key) == Gazetteer.keyHash(key.decomposedStringWithCanonicalMapping), "\(key)")
                    keys += 1
                }
            }
        }
        #expect(keys > 20_000)
    }

    /// Every name of every place of the built-in gazetteer, looked up as written, folded, in
    /// capitals and decomposed, in its country: the places the general index gives.
    @Test func lookUpsAreTheGeneralIndexs() throws {
        let gazetteer = try #require(Gazetteer.shared)
        var looked = 0
        for code in gazetteer.countryCodes {
            let country = Country(code: code, name: code)
            let places = gazetteer.places(inCountry: code)
            for cyrillic in [false, true] {
                let index = Self.generalIndex(gazetteer, code, cyrillic: cyrillic)
                #expect(!index.isEmpty || cyrillic, "\(code)")
                for key in index.keys {
                    for name in [key, key.uppercased(), key.decomposedStringWithCanonicalMapping] {
                        let expected = Self.expectedPlaces(name, index, places)
                        #expect(gazetteer.places(named: name, in: country) == expected, "\(code) \(name)")
                        looked += 1
                    }
                    #expect(gazetteer.place(named: key, in: country) == Self.expectedPlaces(key, index, places).first, "\(code) \(key)")
                }
            }
        }
        #expect(looked > 60_000)
    }

    /// A gazetteer written to catch the index out: rows and places added one by one with names
    /// that are equal as texts but not as bytes, accents, Cyrillic, combining marks, letters
    /// beyond the tables, an alternate name starting with a combining mark, homonyms.
    @Test func unusualNamesAreFoundAsByTheGeneralIndex() throws {
        var gazetteer = Gazetteer()
        let lines: [[UInt8]] = [
            Array("1\tML\tSégou\t13.4\t-6.26\t130000\tSegou|SÉGOU|Сегу|Se\u{301}gou-Ville|Ségou`s|\n".utf8),
            Array("2\tML\tKati\t12.74\t-8.07\t84000\t||\u{212A}ati  Town|Каті|Ḱati|كاتي|Kati\u{301}\n".utf8),
            Array("3\tML\tBla\t12.95\t-5.76\t60000\tBla|\u{301}Bla|Bla\u{301}x\n".utf8),
            Array("4\tML\tSan\t13.3\t-4.9\t60000\tSan|S".utf8) + [0xC3, 0x7C] + Array("n|Sa".utf8) + [0xD0] + Array("\n".utf8),
            Array("5\tML\tSan\t13.9\t-4.2\t60000\tSàn|Сан\n".utf8),
            Array("6\tBY\tМінск\t53.9\t27.56\t2000000\tMinsk|Минск|Мі\u{306}нск|Mińsk|Мiнск|Минск-Город|한\n".utf8),
        ]
        try gazetteer.addGeoNames(bytes: lines.flatMap { $0 }, file: "test.tsv")
        try gazetteer.addSupplement(tsv: "ML\tBamako Ville\t12.65\t-8.0\tBamako|Бамако|Ba-ma-ko\tA test source\n", file: "supplement.tsv")
        gazetteer.add(
            Gazetteer.Place(
                name: "Mopti", country: Country(code: "ML", name: "Mali"), location: Coordinate(lat: 14.49, lon: -4.18), population: 1,
                source: "added"), alternates: ["Мопти", "MOPTI", "\u{212A}ati", "Se\u{301}gou"])
        let queries = [
            "segou", "Ségou", "se\u{301}gou", "SEGOU-VILLE", "сегу", "kati town", "\u{212A}ati town", "Kati", "Ḱati", "كاتي", "bla",
            "blax", "bla\u{301}x", "san", "sàn", "сан", "bamako ville", "ba ma ko", "мопти", "Мопти", "mopti", "minsk", "мінск",
            "мі\u{306}нск", "Минск Город", "한", "\u{1112}\u{1161}\u{11AB}", "nowhere", "",
        ]
        for code in ["ML", "BY"] {
            let country = Country(code: code, name: code)
            let places = gazetteer.places(inCountry: code)
            var index = Self.generalIndex(gazetteer, code, cyrillic: false)
            index.merge(Self.generalIndex(gazetteer, code, cyrillic: true)) { $0 + $1 }
            var found = 0
            for query in queries + index.keys {
                let expected = Self.expectedPlaces(query, index, places)
                #expect(gazetteer.places(named: query, in: country) == expected, "\(code) \(query)")
                #expect(gazetteer.place(named: query, in: country) == expected.first, "\(code) \(query)")
                found += expected.isEmpty ? 0 : 1
            }
            #expect(found > 10, "\(code)")
        }
        let mali = Country(code: "ML", name: "Mali")
        #expect(gazetteer.place(named: "kati", in: mali)?.name == "Kati")
    }
}
