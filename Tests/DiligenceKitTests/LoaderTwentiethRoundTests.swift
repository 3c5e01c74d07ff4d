import Foundation
import Testing

@testable import DiligenceKit

/// The twentieth round's loader paths against the general ones they stand for: the plain
/// scalar read eight bytes at a time against libyaml's events (`PolicyScannerTests.compare`),
/// and the decoder's reused mark places, its undeclared keys and its lists given room at their
/// first item against the tree and `SchemaValidator` (`PolicyDecoderTests.compare`), on every
/// YAML file of the repository and mutations of them.
@Suite struct LoaderTwentiethRoundTests {
    /// Plain values around a word's boundaries: `#` and `:` with and without a space after or
    /// before, at every offset from the value's start, in values of 1 to 40 bytes, with
    /// trailing spaces and comments, and letters of two to four bytes.
    @Test func plainValuesAreReadAsLibYAMLReadsThem() {
        var random = SplitMix64(state: 2_020)
        let letters: [String] = ["a", "b", "Z", "0", "-", ".", "/", "é", "中", "😀", "[", "]", "{", "}", ",", "'", "\""]
        let stops: [String] = ["#", " #", ": ", ":", " :", "# x", " # comment", "  ", ":x", "#x"]
        var read = 0
        for length in 1...40 {
            for stop in stops {
                for offset in 0...length {
                    var value = ""
                    for _ in 0..<length { value += letters[random.below(letters.count)] }
                    var characters = Array(value)
                    characters.insert(contentsOf: Array(stop), at: min(offset, characters.count))
                    let body = String(characters)
                    let trailing = String(repeating: " ", count: random.below(3))
                    let text = "version: 1\ncompany: x\nname: \(body)\(trailing)\nlist:\n  - \(body)\n  - k: \(body)\(trailing)\n"
                    if PolicyScannerTests.compare(Array(text.utf8), text) != nil { read += 1 }
                }
            }
        }
        // Most of them are read by the scanner (the rest are left to libyaml).
        #expect(read > 3_000)
    }

    /// Every repository file with values made long (past a word, with a `#` or `:` put at a
    /// random place, or a comment after): the same events as libyaml's.
    @Test func longerValuesOfTheRepositoryFilesAreReadAsLibYAMLReadsThem() throws {
        var random = SplitMix64(state: 2_021)
        let inserts = [" #", "#", ":", ": ", " x", "        y", " # note"]
        var read = 0
        for url in PolicyDecoderTests.repositoryYAMLFiles() {
            // The hostile fixtures that are not UTF-8 never reach either reader.
            guard let text = String(validating: [UInt8](try Data(contentsOf: url)), as: UTF8.self) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<20 {
                var changed = lines
                for _ in 0..<3 {
                    guard !changed.isEmpty else { break }
                    let at = random.below(changed.count)
                    let line = changed[at]
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    var value = line[line.index(after: colon)...]
                    let insert = inserts[random.below(inserts.count)]
                    let place = value.isEmpty ? value.endIndex : value.index(value.startIndex, offsetBy: random.below(value.count + 1))
                    value.insert(contentsOf: insert + String(repeating: "w", count: random.below(12)), at: place)
                    changed[at] = String(line[...colon]) + value
                }
                if PolicyScannerTests.compare(Array(changed.joined(separator: "\n").utf8), url.lastPathComponent) != nil { read += 1 }
            }
        }
        #expect(read > 100)
    }

    /// Sibling and nested mappings, each with repeated declared keys (the first's place is
    /// taken again by the next mapping's marks), undeclared keys and their repeats, and lists
    /// of zero to twenty items: the same policy, or the same problems, from every reader as
    /// from the tree and `SchemaValidator`.
    @Test func repeatedAndUnknownKeysInSiblingMappingsAreReportedAsTheReferenceDoes() {
        var random = SplitMix64(state: 2_022)
        let siteKeys = [
            "name: Depot", "kind: warehouse", "country: Mali", "city: Bamako", "location: { lat: 12.6, lon: -8.0 }",
            "depends_on: [electricity, road-supply]", "continuity: [generator]", "staff: { local: 10, expatriate: 1 }",
            "colour: blue", "nmae: x", "location: { lat: 1, lon: 2, lat: 3 }", "staff: { local: 1, extra: 2, extra: 3 }",
        ]
        for round in 0..<300 {
            var text = "version: 1\ncompany: Acme\nsites:\n"
            for site in 0..<(1 + random.below(4)) {
                text += "  - id: site-\(site)\n"
                var keys = ["name: Depot", "kind: warehouse", "country: Mali"]
                for _ in 0..<random.below(5) { keys.append(siteKeys[random.below(siteKeys.count)]) }
                if random.below(3) == 0 {
                    let items = (0..<random.below(21)).map { _ in ["electricity", "road-supply", "internet", "fuel"][random.below(4)] }
                    keys.append("depends_on: [\(items.joined(separator: ", "))]")
                }
                for key in keys { text += "    \(key)\n" }
            }
            if random.below(2) == 0 { text += "owner: x@example.com\nowner: y@example.com\n" }
            PolicyDecoderTests.compare(Array(text.utf8), file: "round-\(round).yaml")
        }
    }

    /// Lists given room at their first item hold what they held before, item for item, in
    /// flow and block style, with zero to twenty items (repeats among them), from every reader.
    @Test func listsOfEveryLengthHoldTheirItemsInOrder() throws {
        for count in 0...20 {
            let items = (0..<count).map { ["electricity", "road-supply", "internet", "fuel", "port-access"][$0 % 5] }
            let flow =
                "version: 1\ncompany: Acme\nsites:\n  - id: a\n    name: A\n    kind: warehouse\n    country: Mali\n    depends_on: [\(items.joined(separator: ", "))]\n"
            let block =
                "version: 1\ncompany: Acme\nsites:\n  - id: a\n    name: A\n    kind: warehouse\n    country: Mali\n    depends_on:\n"
                + items.map { "      - \($0)\n" }.joined()
            for text in count == 0 ? [flow] : [flow, block] {
                let policy = try #require(PolicyDecoderTests.compare(Array(text.utf8), file: "lists.yaml").fast)
                // The first of equal items, in order (as the site keeps them).
                #expect(policy.sites.first?.dependsOn == PolicyContext.unique(items))
                #expect(policy.sites.first?.dependsOn.count == min(count, 5))
            }
        }
    }
}
