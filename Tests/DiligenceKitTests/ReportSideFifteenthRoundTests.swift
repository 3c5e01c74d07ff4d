import Foundation
import Testing

@testable import DiligenceKit

/// The fifteenth round's cheaper report side (docs/performance.md, "Fifteenth round: the report
/// side (speed14)") answers as the code it replaced: the hash tables of 64-bit keys as `Set` and
/// `Dictionary`, texts compared by their representation as by their bytes, event ids from the
/// memo as made from the texts, each evidence line's `states` from the cache as asked one by
/// one, and the summary's rule advice as its definition.
@Suite struct ReportSideFifteenthRoundTests {
    /// Keys that fill the tables through several growths: random ones, small ones (whose
    /// multiplied top bits crowd a few slots), 0 (the empty slots' mark) and repeats.
    static func keys() -> [UInt64] {
        var generator = SplitMix64(state: 15_014)
        var keys: [UInt64] = [0, 1, 0, .max, 1 << 63]
        for index in 0..<6_000 {
            keys.append(index % 3 == 0 ? UInt64(index / 3) : generator.next())
            if index % 7 == 0, let earlier = keys.randomElement(using: &generator) { keys.append(earlier) }
        }
        return keys
    }

    @Test func theSetOfHashesAnswersAsSet() {
        var ours = HashSet64()
        var reference = Set<UInt64>()
        for key in Self.keys() {
            #expect(ours.contains(key) == reference.contains(key))
            #expect(ours.insert(key) == reference.insert(key).inserted)
            #expect(ours.count == reference.count)
        }
        var generator = SplitMix64(state: 7)
        for _ in 0..<2_000 {
            let key = generator.next()
            #expect(ours.contains(key) == reference.contains(key))
        }
        #expect(reference.allSatisfy(ours.contains))
    }

    @Test func theTableOfPlacesAnswersAsDictionary() {
        var ours = PlaceTable64()
        var reference: [UInt64: Int32] = [:]
        for (place, key) in Self.keys().enumerated() {
            #expect(ours[key] == reference[key])
            let new = reference[key] == nil
            if new { reference[key] = Int32(place) }
            #expect(ours.insert(key, place: Int32(place)) == new)
            #expect(ours[key] == reference[key])
            #expect(ours.count == reference.count)
        }
        for (key, place) in reference { #expect(ours[key] == place) }
        var generator = SplitMix64(state: 8)
        for _ in 0..<2_000 {
            let key = generator.next()
            #expect(ours[key] == reference[key])
        }
    }

    /// A set of texts by the hashes they carry answers as `Set<HashedText>`, texts of one hash
    /// that differ (made so here) included.
    @Test func theSetOfHashedTextsAnswersAsSet() {
        var generator = SplitMix64(state: 15)
        var ours = HashedTextSet()
        var reference = Set<HashedText>()
        for index in 0..<5_000 {
            let text: HashedText
            switch index % 4 {
            case 0: text = HashedText("fact/\(generator.next() % 700)")
            case 1: text = HashedText("e-\(generator.next() % 50)", hashOfText: Int(generator.next() % 3))
            case 2: text = HashedText("Mocímboa \(generator.next() % 300)")
            default: text = HashedText("", hashOfText: 0)
            }
            #expect(ours.insert(text) == reference.insert(text).inserted, "\(text.text)")
        }
        #expect(reference.count > 500)
    }

    /// Copies of a text have its representation; equal texts made apart are equal by their bytes
    /// whether or not they share it; different texts never share it.
    @Test func textsWithOneRepresentationAreEqualAndOnlyThey() {
        let long = "Military coup of 18 August 2020 and a junta-steered transition"
        let copy = long
        let rebuilt = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(ExactText.sameRepresentation(long, copy))
        #expect(ExactText(long) == ExactText(rebuilt))
        #expect(ExactText.sameRepresentation("short", String(decoding: Array("short".utf8), as: UTF8.self)))
        let texts = ["", "a", "b", "short", "shorT", long, rebuilt + ".", "Mocímboa", "Mocímboa da Praia, Cabo Delgado province"]
        for a in texts {
            for b in texts {
                if ExactText.sameRepresentation(a, b) { #expect(Array(a.utf8) == Array(b.utf8)) }
                #expect((ExactText(a) == ExactText(b)) == (Array(a.utf8) == Array(b.utf8)), "\(a) / \(b)")
            }
        }
    }

    /// Every event the example policies' findings cite, and variants that differ in one member
    /// the id is made of (a coordinate's sign of zero too): the remembered id is the one made
    /// from the event's texts, asked for in any order and again.
    @Test func eventIdsFromTheMemoAreTheIdsOfTheTexts() throws {
        let events = try SummaryPartTests.run(CheckOptions(asOf: TestData.asOf)).policies.flatMap { policy in
            policy.findings.flatMap { $0.exposure?.events ?? [] }
        }
        var base = try #require(events.first { $0.location != nil })
        base.id = nil
        var variants = [base]
        for change in 0..<6 {
            var variant = base
            switch change {
            case 0: variant.what += "."
            case 1: variant.place = (variant.place ?? "") + "x"
            case 2: variant.location = Coordinate(lat: 0.0, lon: variant.location?.lon ?? 0)
            case 3: variant.location = Coordinate(lat: -0.0, lon: variant.location?.lon ?? 0)
            case 4: variant.type = nil
            default: variant.until = variant.date
            }
            variants.append(variant)
        }
        for event in events + variants + variants.reversed() + events {
            let key = TableID.eventKey(event)
            let expected = event.id.flatMap { $0.isEmpty ? nil : $0 } ?? TableID.eventText(event)
            #expect(key.text == expected)
            #expect(key == HashedText(expected))
            #expect(TableID.event(event) == expected)
        }
        // The two zeros are one `Double` to `==` and two texts in the id.
        #expect(TableID.eventKey(variants[3]).text != TableID.eventKey(variants[4]).text)
        #expect(TableID.eventKey(variants[1]).text != TableID.eventKey(base).text)
    }

    /// `states(of:)` answers for each line what `states(_:)` does, for a list asked again (its
    /// storage known), a copy sharing it and the same lines in a new array.
    @Test func eachLinesStatesFromTheCacheAreItsStates() throws {
        let result = try SummaryPartTests.run(CheckOptions(asOf: TestData.asOf))
        var asked = 0
        for policy in result.policies {
            for finding in policy.findings {
                let facts = MarkdownReporter.FactorFacts(finding, result.context)
                let expected = finding.evidence.map { facts.states($0) }
                let shared = finding.evidence
                let rebuilt = Array(finding.evidence.reversed().reversed())
                #expect(facts.states(of: finding.evidence) == expected)
                #expect(facts.states(of: shared) == expected)
                #expect(facts.states(of: rebuilt) == expected)
                #expect(facts.states(of: Array(finding.evidence.dropFirst())) == Array(expected.dropFirst()))
                asked += expected.count
            }
        }
        #expect(asked > 50)
    }

    /// The summary's advice bits: for each rule of the reported findings with general advice,
    /// the positions (below 64) of its advice any of them was given.
    @Test(arguments: SummaryPartTests.optionSets)
    func theRuleAdviceGivenIsItsDefinition(options: CheckOptions) throws {
        let result = try SummaryPartTests.run(options)
        var expected: [RuleID: UInt64] = [:]
        for (_, finding) in SummaryPartTests.all(result) where finding.severity >= options.reportMin {
            guard let catalogue = RuleRegistry.advice[finding.rule], !catalogue.isEmpty else { continue }
            var mask = expected[finding.rule] ?? 0
            for (position, advice) in catalogue.prefix(64).enumerated() where finding.recommendations.contains(advice) {
                mask |= 1 << UInt64(position)
            }
            expected[finding.rule] = mask
        }
        #expect(!expected.isEmpty)
        #expect(result.summary.findings.ruleAdvice == expected)
    }

    /// Distances to 0.1 km are written from their tenths: the text `description` gives, and the
    /// bytes `JSONEncoder` writes, for random tenths of every size up to the bound, negative
    /// ones, whole numbers and values that are not a number of tenths.
    @Test func numbersOfTenthsAreWrittenAsTheirDescription() throws {
        var generator = SplitMix64(state: 1_015)
        // Not -0.0: a whole number is written by its digits, "0", where `JSONEncoder` writes
        // "-0" (so before this round too; tenths are never whole).
        var values: [Double] = [0.1, -0.1, 0.5, 246.3, -7.3, 9_999_999_999_999.9, 1e13 + 0.5, 0.25, 63.45, 1.0 / 3, 12.0, 1e-5]
        for digits in 1...13 {
            for _ in 0..<300 {
                let bound = Int(pow(10.0, Double(digits)))
                let tenths = Int(generator.next() % UInt64(bound)) * (generator.next() % 2 == 0 ? 1 : -1)
                values.append(Double(tenths) / 10)
            }
        }
        for value in values {
            if let tenths = JSONWriter.tenths(value) {
                let text = (tenths < 0 ? "-" : "") + "\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
                #expect(text == "\(value)", "\(value)")
            }
        }
        #expect(values.filter { JSONWriter.tenths($0) != nil }.count > 3_000)
        #expect(JSONStreamEncoder.text(of: values) == JSONReporter.encoderText(of: values))
    }

    /// Markdown escaping on the bytes gives what it gave a scalar at a time: every character it
    /// changes (markup, CR LF and lone line breaks, tabs, hidden characters of one, two and three
    /// bytes) among plain and other multi-byte scalars, in seeded random texts.
    @Test func markdownEscapingOnTheBytesIsItsDefinition() {
        let alphabet = [
            "a", "Z", " ", "&", "<", ">", "|", "\\", "`", "*", "_", "[", "]", "#", "~", "!", "\r", "\n", "\r\n", "\t", "\u{1B}", "\u{7F}",
            "\u{85}", "\u{A0}", "é", "≤", "→", "—", "\u{2028}", "\u{202E}", "\u{2066}", "\u{061C}", "ؠ", "😀", "\u{301}",
        ]
        var generator = SplitMix64(state: 1_415)
        for _ in 0..<4_000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(Array(Escaping.markdown(text).utf8) == Array(Escaping.markdownByScalars(text).utf8), "\(Array(text.unicodeScalars))")
        }
        #expect(Escaping.markdown("a_b ≤ 3 km\r\n→ *x*") == "a\\_b ≤ 3 km → \\*x\\*")
    }

    /// A step's prefix is decided on the bytes of a substring that starts inside its text.
    @Test func asciiPrefixesOfSubstringsInsideATextAsHasPrefixDoes() {
        var generator = SplitMix64(state: 41)
        for _ in 0..<2_000 {
            let text = MarkdownHeadlineTextTests.randomText(&generator, upTo: 9)
            let drop = Int(generator.next() % 4)
            let probe = Substring(text).dropFirst(drop)
            for prefix in ["in ", "K", "a:", "DRF-2020-ML-0001: "] {
                #expect(probe.hasASCIIPrefix(prefix) == probe.hasPrefix(prefix), "\(Array(probe.unicodeScalars)) / \(prefix)")
            }
            var lowered = MarkdownReporter.LoweredText("Site " + text)
            #expect(lowered.containsLowered(probe) == ("site " + text).lowercased().containsBytes(of: String(probe).lowercased()))
        }
    }
}
