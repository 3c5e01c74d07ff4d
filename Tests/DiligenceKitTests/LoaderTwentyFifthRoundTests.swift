import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-fifth round's decoder: its innermost frame held apart from the others, frames
/// without references (the unique keys and the lists' sets of them kept beside the frames), the
/// fields read unretained with their shapes as flags, keys compared in place and the flows'
/// `site` check skipped when no flow names one. Each against the tree and `SchemaValidator`
/// (`PolicyDecoderTests.compare`): the same policy, or the same problems with their places and
/// paths, from every reader.
@Suite struct LoaderTwentyFifthRoundTests {
    /// Lists of sites, flows, counterparties and trips with repeated ids (in one list, across
    /// lists, after nested mappings), items of the wrong shape, nulls, lists and mappings where
    /// the other is declared, unknown and repeated keys: problems reported as the reference does.
    @Test func idsShapesAndNullsInNestedListsAreReportedAsTheReferenceDoes() {
        var random = SplitMix64(state: 2_025)
        let siteLines = [
            "name: Depot", "kind: warehouse", "city: Bamako", "location: { lat: 12.6, lon: -8.0 }", "location:\n      lat: 1\n      lon: 2",
            "depends_on: [electricity, road-supply]", "depends_on:\n      - electricity\n      - fuel", "staff: { local: 10, expatriate: 1 }",
            "name: ~", "kind: null", "depends_on: null", "depends_on: electricity", "depends_on: { a: 1 }", "location: [1, 2]", "staff: 5",
            "location: { lat: 1, lon: ~ }", "colour: blue", "name: [a, b]", "depends_on: [[a], b]", "depends_on: [{ a: 1 }]",
            "depends_on:\n      - a: 1", "location:\n      - 1", "region: { x: 1 }", "country: [ML]",
        ]
        let ids = ["a", "b", "c", "a-1", "b"]
        for round in 0..<400 {
            var text = "version: 1\ncompany: Acme\n"
            if random.below(3) == 0 { text += "subject_to: [EU, US, EU]\n" }
            let lists = ["sites", "trade", "counterparties", "travel"].filter { _ in random.below(4) != 0 }
            for list in lists {
                if random.below(12) == 0 {
                    text += "\(list): [\(ids[random.below(ids.count)]), x]\n"
                    continue
                }
                text += "\(list):\n"
                for _ in 0..<(random.below(5)) {
                    let id = ids[random.below(ids.count)]
                    switch random.below(10) {
                    case 0: text += "  - \(id)\n"
                    case 1: text += "  - [\(id)]\n"
                    default:
                        let start = random.below(6) == 0 ? "  - name: First\n    id: \(id)\n" : "  - id: \(id)\n"
                        text += start
                        switch list {
                        case "sites":
                            text += "    country: Mali\n"
                            for _ in 0..<random.below(4) { text += "    \(siteLines[random.below(siteLines.count)])\n" }
                        case "trade":
                            text += "    direction: export\n    country: SN\n    goods: [medicines]\n"
                            if random.below(3) == 0 { text += "    site: \(ids[random.below(ids.count)])\n" }
                        case "counterparties":
                            text += "    name: Beltelecom\n    country: BY\n"
                            if random.below(3) == 0 { text += "    aliases: [Белтелеком, ~]\n" }
                        default:
                            text += "    country: ML\n    travellers: 2\n    frequency: monthly\n"
                        }
                        if random.below(8) == 0 { text += "    id: \(id)\n" }
                    }
                }
            }
            PolicyDecoderTests.compare(Array(text.utf8), file: "round-\(round).yaml")
        }
    }

    /// A flow's `site` names a site of the file, one that is not, or none: the set of ids is
    /// made only for the second and third kind of file, and the problem is the same.
    @Test func flowSitesAreCheckedOnlyWhenAFlowNamesOne() throws {
        let base = """
            version: 1
            company: Acme
            sites:
              - id: bamako-depot
                country: ML
            trade:
              - id: f1
                direction: export
                country: SN
                goods: [medicines]

            """
        let none = try #require(PolicyDecoderTests.compare(Array(base.utf8), file: "none.yaml").fast)
        #expect(none.trade.map(\.site) == [nil])
        let known = base + "    site: bamako-depot\n"
        #expect(try #require(PolicyDecoderTests.compare(Array(known.utf8), file: "known.yaml").fast).trade.first?.site == "bamako-depot")
        let unknown = base + "    site: bamako-depo\n"
        let (fast, slow) = PolicyDecoderTests.compare(Array(unknown.utf8), file: "unknown.yaml")
        #expect(fast == nil)
        let problems = PolicyDecoderTests.problems(slow)
        #expect(problems.count == 1)
        #expect(problems.first?.message == "unknown site `bamako-depo` in `site`: it names no site of this file; did you mean `bamako-depot`?")
        #expect(problems.first?.location.line == 11)
    }

    /// Every repository file with one of its lines repeated further down its list (a second
    /// item with the same id, a key given twice) or its value replaced by a list, a mapping or
    /// null: the same policy or problems from every reader as from the tree and the reference.
    @Test func repeatedLinesAndReplacedValuesOfTheRepositoryFilesAreReportedAsTheReferenceDoes() throws {
        var random = SplitMix64(state: 2_026)
        let replacements = ["[x, y]", "{ a: 1 }", "~", "null", "[]", "{}", "'quoted'"]
        var compared = 0
        for url in PolicyDecoderTests.repositoryYAMLFiles() {
            guard let text = String(validating: [UInt8](try Data(contentsOf: url)), as: UTF8.self) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count > 3 else { continue }
            for _ in 0..<8 {
                var changed = lines
                for _ in 0..<2 {
                    let at = random.below(changed.count)
                    let line = changed[at]
                    if random.below(2) == 0 {
                        changed.insert(line, at: min(changed.count, at + 1 + random.below(6)))
                    } else if let colon = line.firstIndex(of: ":") {
                        changed[at] = String(line[...colon]) + " " + replacements[random.below(replacements.count)]
                    }
                }
                PolicyDecoderTests.compare(Array(changed.joined(separator: "\n").utf8), file: url.lastPathComponent)
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// A key compared in place (eight bytes at a time, overlapping) is found as the table finds
    /// it, for every key of every mapping and for texts one byte off them.
    @Test func keysComparedInPlaceAreFoundAsTheTableFindsThem() {
        let objects = [
            Policy.format, Site.format, Site.locationFormat, Site.staffFormat, TradeFlow.format, Counterparty.format, Travel.format, AcceptedRisk.format,
        ]
        var asked = 0
        for object in objects {
            var texts: [[UInt8]] = []
            for field in object.fields {
                let key = Array(field.field.name.utf8)
                texts.append(key)
                texts.append(key + [UInt8(ascii: "s")])
                texts.append(Array(key.dropLast()))
                for index in key.indices {
                    var changed = key
                    changed[index] ^= 0x01
                    texts.append(changed)
                }
            }
            for text in texts {
                text.withUnsafeBufferPointer { bytes in
                    let expected = object.keys.find(bytes)
                    for first in 0..<object.fields.count {
                        let found = object.field(bytes, from: first)
                        // Found among the few from `first` on, it is the table's; otherwise nil.
                        if let found { #expect(found == expected) }
                        if let expected, (first..<min(object.fields.count, first + 4)).contains(expected) { #expect(found == expected) }
                        asked += 1
                    }
                }
            }
        }
        #expect(asked > 1_000)
    }

    /// Identifiers checked by a bit per byte: every text of one byte, every pair of bytes of
    /// 0 to 255 after a letter, and lengths around the limit, as `FieldType.isIdentifier` says.
    @Test func identifiersCheckedByBitsAreThoseOfTheStringRule() {
        var texts: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for byte in 0...255 { texts.append([UInt8(ascii: "a"), UInt8(byte)]) }
        texts += [Array(repeating: UInt8(ascii: "a"), count: 200), Array(repeating: UInt8(ascii: "a"), count: 201), []]
        texts += ["site-1", "a.b/c:d_e", "Bamako", "é", "a b", "a\u{0}"].map { Array($0.utf8) }
        for text in texts {
            let string = String(decoding: text, as: UTF8.self)
            // Bytes that are not UTF-8 are repaired into U+FFFD, which neither accepts.
            text.withUnsafeBufferPointer { bytes in
                #expect(ScalarBytes.isIdentifier(bytes) == FieldType.isIdentifier(string), "\(text)")
            }
        }
    }

    /// The goods of an HS code, remembered by code: asked twice (the second time remembered),
    /// the vocabulary's answer, for every prefix of the vocabulary, codes that extend them and
    /// codes that are not digits.
    @Test func goodsOfHSCodesRememberedAreTheVocabularysAnswers() {
        let workspace = TestData.workspace
        let tables = PolicyTables(countries: workspace.countries, vocabularies: workspace.vocabularies)
        let vocabulary = workspace.vocabularies[.goods]
        var codes = vocabulary.terms.values.flatMap(\.hsPrefixes)
        codes += codes.flatMap { [$0 + "0", $0 + "19", $0 + "9999"] }
        codes += ["", "x", "12a4", "8471.30", "999999", "0"]
        #expect(codes.count > 50)
        for code in codes {
            let expected = vocabulary.goods(forHSCode: code)
            #expect(tables.goods(forHSCode: code, vocabularies: workspace.vocabularies) == expected, "\(code)")
            #expect(tables.goods(forHSCode: code, vocabularies: workspace.vocabularies) == expected, "\(code), remembered")
        }
    }

    /// The stack with its first element inline holds, changes and drops what an array does,
    /// in a thousand random steps up to five deep.
    @Test func theInlineStackHoldsWhatAnArrayHolds() {
        var random = SplitMix64(state: 2_027)
        var stack = InlineStack<[Int]>()
        var model: [[Int]] = []
        for step in 0..<1_000 {
            switch random.below(4) {
            case 0 where model.count < 5, 1 where model.count < 5:
                stack.append([step])
                model.append([step])
            case 2 where !model.isEmpty:
                let index = random.below(model.count)
                stack[index].append(step)
                model[index].append(step)
            default:
                let index = random.below(model.count + 1)
                stack.removeFrom(index)
                model.removeSubrange(min(index, model.count)...)
            }
            #expect(stack.count == model.count)
            #expect((0..<model.count).map { stack[$0] } == model)
        }
    }
}
