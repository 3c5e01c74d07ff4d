import Foundation
import Testing

@testable import DiligenceKit

/// The policy scanner against libyaml: wherever the scanner reads a text to the end, libyaml
/// reads it too and gives the same events (scalars and their bytes, styles, lines and columns,
/// mappings and lists); everything else the scanner leaves to libyaml.
@Suite struct PolicyScannerTests {
    /// Events as lines of text, to compare and to show.
    struct Recorder: PolicyEventSink {
        var events: [String] = []

        mutating func mappingStart(_ mark: Mark) -> Bool {
            events.append("mapping \(mark.line):\(mark.column)")
            return true
        }

        mutating func sequenceStart(_ mark: Mark) -> Bool {
            events.append("list \(mark.line):\(mark.column)")
            return true
        }

        mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
            events.append("\(plain ? "plain" : "quoted") \(mark.line):\(mark.column) \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            return true
        }

        mutating func end() -> Bool {
            events.append("end")
            return true
        }
    }

    /// What the scanner made of a text: nil when it left it to libyaml. Records an issue where
    /// it read the text and libyaml refuses it or gives other events.
    @discardableResult
    static func compare(_ bytes: [UInt8], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String]? {
        // What the loader checks before either reader sees the text.
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0), !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return bytes.withUnsafeBufferPointer { input -> [String]? in
            var scanned = Recorder()
            guard PolicyScanner.scan(input, into: &scanned) == .done else { return nil }
            var reference = Recorder()
            guard PolicyEvents.feed(input, into: &reference) else {
                Issue.record("\(name): the scanner read a text libyaml refuses:\n\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
                return scanned.events
            }
            if scanned.events != reference.events {
                let first = zip(scanned.events, reference.events).first { $0 != $1 }
                Issue.record(
                    "\(name): the scanner's events differ from libyaml's at \(first.map { "\($0.0) / \($0.1)" } ?? "the end"):\n\(String(decoding: bytes, as: UTF8.self))",
                    sourceLocation: sourceLocation)
            }
            return scanned.events
        }
    }

    /// Texts the scanner reads, with the shapes of policy files.
    @Test(arguments: [
        "version: 1\ncompany: Acme\n",
        "# comment\n\nversion: 1   # trailing comment\ncompany: \"Acme | Ltd\"\nowner: 'ops'\n",
        "sites:\n  - id: a\n    name: Bamako office\n    location: { lat: 12.65, lon: -8.0 }\n    depends_on: [slack, \"github\"]\n  - id: b\n",
        "sites:\n- id: a\n  name: x\ntrade:\n- id: b\n",
        "a:\n    b:\n        c: 1\n    d: [ ]\ne: {}\n",
        "aliases: [Востокнефть, «Гомельнефть», 'Société Générale']\nname: Lukash·enka\n",
        "x: -10.83\ny: 0101\nz: NO\nw: http://example.com/a?b=c#frag\nv: a#b\nu: '#not comment'\n",
        "list:\n  - plain item\n  - \"quoted\"\n  - [a, b]\n  -   id: spaced\n      k: v\n",
        "name: a[b]{c},d\nurl: x:y\nq: ?x\nm: -x\nc: :x\n",
        "é: no\n",
        #"name: "OOO \"Grodno\" \\ a\/b""# + "\nother: 'it''s ''quoted'''\nlist: [\"a\\\"b\", 'c''d']\n",
    ])
    func plainPolicyShapesAreReadAsLibYAMLReadsThem(_ text: String) {
        let events = Self.compare(Array(text.utf8), text)
        if !text.hasPrefix("é") { #expect(events != nil, "the scanner left it to libyaml") }
    }

    /// Texts outside the style the scanner reads: it leaves each to libyaml.
    @Test(arguments: [
        "a: 1\r\nb: 2\n", "a:\t1\n", "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
        "a: |\n  text\n", "a: >\n  text\n", "a: one\n  two\n", "a: \"esc\\n\"\n", #"a: "\u00e9""# + "\n", #"a: "x\""# + "\n", "a: 'x''\n", "a:\nb: 1\n",
        "a: [x,\n  y]\n", "a: [x, [y]]\n", "a: [x, ]\n", "a: {k: v, }\n", "a: [k: v]\n", "a: [?x]\n", "a: [:x]\n", "a: b: c\n", "a: b:\n",
        "- a\n- b\n", "? a\n: b\n", "a: 1\n...\n", "\"a\": 1\n", "A: 1\n", "a : 1\n", "a: \"open\n", "a: 1\n -b\n",
        "a:\n  - x\n   - y\n", "a: x # c\n  b: y\n", "a: @x\n", "a: `x`\n", "a: x\u{2028}y\n", "a: \u{FEFF}x\n",
    ])
    func otherTextsAreLeftToLibYAML(_ text: String) {
        #expect(Self.compare(Array(text.utf8), text) == nil)
    }

    /// Every YAML file of the repository and thousands of mutations of the policies: bytes that
    /// matter to YAML inserted, deleted or replaced, lines indented, dedented or repeated
    /// (150 rounds a file; `SCANNER_ROUNDS=3000 swift test --filter mutatedPolicies` for more).
    @Test func mutatedPoliciesGiveLibYAMLsEventsOrAreLeftToIt() throws {
        let files = PolicyDecoderTests.repositoryYAMLFiles()
        let pieces: [[UInt8]] = [
            " ", "  ", "-", "- ", ":", ": ", "#", " #", "\"", "'", "[", "]", "{", "}", ",", ", ", "\n", "a", "é", "Ж",
            "?", "&", "*", "!", "|", ">", "%", "@", "`", "\\", "---", "\t", "\r", "\u{85}", "1", ".", "~",
        ].map { Array($0.utf8) }
        var generator = SplitMix64(state: 20_261_129)
        var read = 0, compared = 0
        for url in files {
            let original = [UInt8](try Data(contentsOf: url))
            if Self.compare(original, url.lastPathComponent) != nil { read += 1 }
            guard url.path.contains("/policies/") || url.path.contains("/Fixtures/") else { continue }
            for round in 0..<(ProcessInfo.processInfo.environment["SCANNER_ROUNDS"].flatMap { Int($0) } ?? 150) {
                var bytes = original
                for _ in 0...(round % 3) {
                    guard !bytes.isEmpty else { break }
                    let at = generator.below(bytes.count)
                    switch generator.below(6) {
                    case 0: bytes.insert(contentsOf: pieces[generator.below(pieces.count)], at: at)
                    case 1: bytes.remove(at: at)
                    case 2: bytes.replaceSubrange(at...at, with: pieces[generator.below(pieces.count)])
                    default:
                        // A whole line: indented, dedented or repeated.
                        var start = at
                        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                        var end = at
                        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                        switch generator.below(3) {
                        case 0: bytes.insert(contentsOf: Array(repeating: 0x20, count: 1 + generator.below(3)), at: start)
                        case 1: if start < bytes.count, bytes[start] == 0x20 { bytes.remove(at: start) }
                        default: bytes.insert(contentsOf: Array(bytes[start..<min(end + 1, bytes.count)]), at: start)
                        }
                    }
                }
                compared += 1
                if Self.compare(bytes, "\(url.lastPathComponent) mutation \(round)") != nil { read += 1 }
            }
        }
        #expect(compared > 2_000)
        // Most of them stay in the style the scanner reads: the comparison is not empty.
        #expect(read > compared / 5, "read \(read) of \(compared)")
    }

    /// The shipped policies: all but the two with a folded (`>-`) reason are read by the
    /// scanner; those two are left to libyaml.
    @Test func theShippedPoliciesTakeTheScannerUnlessTheyHoldABlockScalar() throws {
        for url in PolicyDecoderTests.repositoryYAMLFiles() where url.path.contains("/policies/") {
            let bytes = [UInt8](try Data(contentsOf: url))
            let hasBlockScalar = String(decoding: bytes, as: UTF8.self).contains(": >-")
            #expect((Self.compare(bytes, url.lastPathComponent) != nil) == !hasBlockScalar, "\(url.lastPathComponent)")
        }
    }
}
