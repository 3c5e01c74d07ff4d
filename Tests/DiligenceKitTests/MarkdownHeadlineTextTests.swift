import Foundation
import Testing

@testable import DiligenceKit

/// The Markdown report's faster text helpers give what the slower calls they replace gave:
/// lowering, prefixes, the first match, anchors, a path's steps and the headline checks of a
/// factor, on fixed cases and on seeded random texts over plain and non-plain scalars
/// (combining marks, decomposed letters, the Kelvin sign, CR LF, Cyrillic, Greek).
@Suite struct MarkdownHeadlineTextTests {
    static let alphabet: [String] = [
        "a", "B", " ", ":", "é", "E", "\u{301}", "ё", "Ё", "–", "“", "→", "\r", "\n", "Ω", "K", "\u{212A}", "İ", "Σ", "ß", "km", "1", ".", "-",
    ]

    static func randomText(_ generator: inout SplitMix64, upTo length: Int) -> String {
        (0..<Int(generator.next() % UInt64(length + 1))).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test(arguments: [
        "Minsk Software Centre (53.9, 27.5)", "", "Mocímboa da Praia Depot is 12 km from MOZ1", "Ünïcode Straße İSTANBUL ΣΊΣΥΦΟΣ", "K\u{212A}elvin",
        "Cafe\u{301} CAFÉ",
    ])
    func lowersAsLowercasedDoes(text: String) {
        #expect(Array(text.lowercasedKeepingASCII().unicodeScalars) == Array(text.lowercased().unicodeScalars))
    }

    /// The scalars lowered from a table (U+0080 to U+052F) and those on either side of it.
    @Test func everyScalarOfTheLoweringTableLowersAsLowercasedDoes() {
        let texts = (0x7E..<0x540).compactMap { Unicode.Scalar(UInt32($0)) }.map { "A\($0)b" }
        #expect(texts.count == 0x540 - 0x7E)
        for text in texts {
            #expect(Array(text.lowercasedKeepingASCII().unicodeScalars) == Array(text.lowercased().unicodeScalars), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func randomTextsLowerAndMatchAsBefore() {
        var generator = SplitMix64(state: 29)
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator, upTo: 10)
            let part = Self.randomText(&generator, upTo: 3)
            #expect(Array(text.lowercasedKeepingASCII().unicodeScalars) == Array(text.lowercased().unicodeScalars), "\(Array(text.unicodeScalars))")
            // Whether a step, lowered, is in the lowered message: as `containsBytes` of both lowered.
            var lowered = MarkdownReporter.LoweredText(text)
            #expect(
                lowered.containsLowered(Substring(part)) == text.lowercased().containsBytes(of: part.lowercased()),
                "\(Array(text.unicodeScalars)) / \(Array(part.unicodeScalars))")
            // The first match: at the same place as Foundation's.
            let ours = text.firstRange(ofText: part).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
            let foundation = text.range(of: part).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
            #expect(ours == foundation, "\(Array(text.unicodeScalars)) / \(Array(part.unicodeScalars))")
        }
    }

    @Test func asciiPrefixesAsHasPrefixDoes() {
        var generator = SplitMix64(state: 31)
        let prefixes = ["DRF-2020-ML-0001: ", "in ", "K", "a:", "\r", "é ", "B "]
        for _ in 0..<3_000 {
            let text = Substring(Self.randomText(&generator, upTo: 8))
            for prefix in prefixes {
                #expect(text.hasASCIIPrefix(prefix) == text.hasPrefix(prefix), "\(Array(text.unicodeScalars)) / \(prefix)")
                let longer = Substring(prefix + text)
                #expect(longer.hasASCIIPrefix(prefix) == longer.hasPrefix(prefix), "\(Array(longer.unicodeScalars)) / \(prefix)")
            }
        }
        #expect(Substring("\u{212A}ilo").hasASCIIPrefix("K") == Substring("\u{212A}ilo").hasPrefix("K"))
        #expect(Substring("in \u{301}Mali").hasASCIIPrefix("in ") == Substring("in \u{301}Mali").hasPrefix("in "))
    }

    /// The anchor as it was made scalar by scalar with Unicode properties.
    static func anchorByScalars(_ kind: String, _ id: String) -> String {
        var slug = kind + "-"
        var lastWasHyphen = true
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                slug += "-"
                lastWasHyphen = true
            }
        }
        return slug
    }

    @Test func anchorsAsBefore() {
        var generator = SplitMix64(state: 37)
        for id in ["DRF-2020-ML-0001", "policies/Acme Ltd.yaml", "", "--x--", "Zürich_01@[`{"] {
            #expect(MarkdownReporter.anchor("factor", id) == Self.anchorByScalars("factor", id))
        }
        for _ in 0..<2_000 {
            let id = Self.randomText(&generator, upTo: 10) + "@[`{/Z9"
            #expect(MarkdownReporter.anchor("policy", id) == Self.anchorByScalars("policy", id), "\(Array(id.unicodeScalars))")
        }
    }

    @Test func stepsSplitAsBefore() {
        var generator = SplitMix64(state: 41)
        for _ in 0..<1_000 {
            let path = (0..<Int(generator.next() % 4)).map { _ in Self.randomText(&generator, upTo: 6) + (generator.next() % 2 == 0 ? " → " : "") }
            let finding = Self.finding(message: "m", path: path)
            #expect(MarkdownReporter.steps(finding) == path.flatMap { $0.components(separatedByBytesOf: " → ") }, "\(path)")
        }
    }

    static func finding(message: String, path: [String]) -> Finding {
        let findings = MarkdownStructureTests.examples.reportedFindings
        var finding = findings[findings.startIndex]
        finding.message = message
        finding.path = path
        return finding
    }

    /// The steps a finding's message does not state, as found step by step before the
    /// factor's texts were made once per group.
    static func unsaidStepsOneByOne(_ finding: Finding, _ factor: RiskFactor?) -> [Int] {
        let pieces = finding.path.flatMap { $0.components(separatedByBytesOf: " → ") }
        var end = pieces.count
        if end >= 2, pieces[end - 1] == "\(finding.severity)", pieces[end - 2] == finding.rule.rawValue { end -= 2 }
        let message = finding.message.lowercased()
        let siteLabel = finding.subjectKind == .site ? finding.exposure?.location.map { finding.subjectName + " (\($0))" } : nil
        return (0..<end).filter { index in
            let step = pieces[index]
            if let siteLabel, step == siteLabel { return false }
            if finding.factors.contains(step) { return false }
            if let factor {
                let latest = { (text: Substring) in factor.events.contains { text == "latest: \($0.what.lowercasedFirst) (\($0.when))" } }
                if step.hasPrefix(factor.id + ": "), latest(step.dropFirst(factor.id.count + 2)) { return false }
                if step.hasPrefix(factor.id + " ") {
                    let rest = step.dropFirst(factor.id.count + 1)
                    if rest == "in force since \(factor.inForceFrom)" { return false }
                    if let published = factor.published, rest.hasPrefix("announced \(published), not in force on ") { return false }
                }
            }
            if MarkdownReporter.messageSays(step, lowered: message) { return false }
            var probe = Substring(step)
            for id in finding.factors where probe.hasPrefix(id + ": ") { probe = probe.dropFirst(id.count + 2) }
            if probe.hasPrefix("in "), message.containsBytes(of: probe.dropFirst(3).lowercased()) { return false }
            return !message.containsBytes(of: probe.lowercased())
        }
    }

    /// On every finding of the shipped example policies, and on each with its message in capitals.
    @Test func unsaidStepsAsFoundStepByStep() {
        var compared = 0
        for original in MarkdownStructureTests.examples.reportedFindings {
            var upper = original
            upper.message = original.message.uppercased()
            for finding in [original, upper] {
                let factor = finding.factors.lazy.compactMap { TestData.workspace.database.factor(id: $0) }.first
                #expect(MarkdownReporter.unsaidSteps(finding, factor) == Self.unsaidStepsOneByOne(finding, factor), "\(finding.identity)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// The headline checks of a factor, made once per group, answer as the per-step checks did:
    /// its dates, its events as the latest, and nothing else.
    @Test func factorTextsStateWhatTheProfileStates() {
        var checked = 0
        for factor in TestData.workspace.database.factors {
            let texts = MarkdownReporter.FactorTexts(factor)
            var steps = [
                "\(factor.id) in force since \(factor.inForceFrom)", "\(factor.id) in force since 1999-01-01", "\(factor.id)",
                "\(factor.id): latest: nothing (2020-01-01)",
                "other: latest: x",
            ]
            if let published = factor.published { steps.append("\(factor.id) announced \(published), not in force on 2020-09-30") }
            for event in factor.events { steps.append("\(factor.id): latest: \(event.what.lowercasedFirst) (\(event.when))") }
            for step in steps {
                let old =
                    (step.hasPrefix(factor.id + ": ")
                        && factor.events.contains { step.dropFirst(factor.id.count + 2) == "latest: \($0.what.lowercasedFirst) (\($0.when))" })
                    || step == "\(factor.id) in force since \(factor.inForceFrom)"
                    || factor.published.map { step.hasPrefix("\(factor.id) announced \($0), not in force on ") } == true
                #expect(texts.profileStates(step) == old, "\(step)")
                #expect(MarkdownReporter.profileStates(step, factor) == old, "\(step)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
