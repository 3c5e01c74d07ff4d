import Dispatch
import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-second round's report-side paths (`speed34`) against the general ones they stand
/// for, on real inputs (the shipped policies, the example and the heavy and moderate portfolio
/// files of `Fixtures/portfolio`), from two threads: a Markdown section kept as bytes with its
/// citation holes against the section of texts it was; each factor's headline texts made once
/// a run against texts made for each group; plain and lowered texts read eight bytes at a time
/// against a byte at a time.
@Suite struct ReportingTwentySecondRoundTests {
    /// The real inputs, checked once.
    static let checked: CheckResult = {
        let policies = (try? RulesTwentyFirstRoundTests.policies()) ?? []
        return TestData.check(policies, failOn: .high)
    }()

    /// Runs `body` on two threads at once (each gets its index).
    static func onTwoThreads(_ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: 2) { body($0) }
    }

    /// Every text of the findings that the reports compare or split: messages, path elements
    /// and their steps, names, subjects, evidence facts and records, recommendations.
    static var texts: [String] {
        var texts: [String] = []
        for finding in checked.findings {
            texts.append(finding.message)
            texts += finding.path
            texts += MarkdownReporter.steps(finding)
            texts += [finding.subjectName, finding.subject]
            texts += finding.evidence.flatMap { [$0.fact, $0.record] }
            texts += finding.recommendations
        }
        return texts
    }

    // MARK: Markdown sections as bytes

    /// The section as it was made before: its texts between the holes, appended and cited in turn.
    static func asTexts(_ section: ReportSection) -> ReportSection {
        var old = ReportSection()
        let segments = section.segments
        for (segment, reference) in zip(segments, section.citations) {
            old.append(segment)
            old.cite(reference)
        }
        old.append(segments.last ?? "")
        return old
    }

    /// Every Markdown section of every policy (the scope rows and the findings) writes, with
    /// its citation numbers filled in, the bytes its section of texts writes: numbered by the
    /// run's citations and by none (each reference then numbered after, in order), after text
    /// or not; its size, emptiness and texts are the same.
    @Test func aMarkdownSectionOfBytesWritesWhatItsTextsWrote() {
        let result = Self.checked
        #expect(result.policies.count > 8)
        let all = Citations(result.reportedFindings)
        let reporter = MarkdownReporter()
        let compared = Self.onTwoThreadsCount { thread in
            var count = 0
            for (policy, entry) in zip(result.checkedPolicies, result.policies) {
                for section in reporter.sections(of: policy, entry, result.context) {
                    let old = Self.asTexts(section)
                    #expect(section.segments.count == section.citations.count + 1)
                    #expect(old.segments == section.segments)
                    #expect(section.isEmpty == old.isEmpty)
                    #expect(section.byteCount == old.byteCount)
                    for citations in [all, Citations()] {
                        #expect(section.text(citations) == old.text(citations))
                        for afterText in [false, true] {
                            let written = section.filledBytes(citations, afterText: afterText)
                            let expected = Array(old.text(citations, afterText: afterText).utf8)
                            // An empty section writes nothing either way.
                            #expect(written.map { $0 == expected || (section.isEmpty && $0.isEmpty) } ?? false)
                        }
                    }
                    if !section.citations.isEmpty { count += 1 }
                }
            }
            // A section cites references (its holes are filled), on each thread: the real inputs
            // have one such section (a source quoted in a finding); `aSectionOfBytesGrows…` has more.
            #expect(count >= 1, "thread \(thread)")
            return count
        }
        #expect(compared[0] == compared[1])
    }

    /// A section of bytes grown by `append` and `cite` is the section of texts grown so.
    @Test func aSectionOfBytesGrowsAsASectionOfTexts() throws {
        let references = Self.checked.findings.flatMap(\.evidence).compactMap(\.reference)
        let first = try #require(references.first)
        let second = try #require(references.last)
        var bytes = ReportSection(bytes: Array("start ".utf8), citing: [first], at: [5])
        var texts = ReportSection("start")
        texts.cite(first)
        texts.append(" ")
        for (text, reference) in [("é → ", second), ("", first), ("end", second)] {
            bytes.append(text)
            bytes.cite(reference)
            texts.append(text)
            texts.cite(reference)
        }
        bytes.append("\n")
        texts.append("\n")
        #expect(bytes.segments == texts.segments)
        for citations in [Citations(Self.checked.reportedFindings), Citations()] {
            #expect(bytes.text(citations) == texts.text(citations))
            #expect(bytes.filledBytes(citations, afterText: true) == Array(texts.text(citations, afterText: true).utf8))
        }
    }

    /// Runs `body` on two threads and gives back each thread's answer.
    static func onTwoThreadsCount(_ body: @escaping @Sendable (Int) -> Int) -> [Int] {
        let answers = Answers()
        onTwoThreads { answers.set($0, body($0)) }
        return [answers.get(0), answers.get(1)]
    }

    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Int] = [:]
        func set(_ index: Int, _ value: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
        func get(_ index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return values[index] ?? -1
        }
    }

    // MARK: Factor texts once a run

    /// `FactorTexts.profileStates` and `isLatestEvent` as they were written, with `hasPrefix`.
    static func plainProfileStates(_ step: String, _ factor: RiskFactor) -> Bool {
        if step.hasPrefix(factor.id + ": "), plainIsLatestEvent(step.dropFirst(factor.id.count + 2), factor) { return true }
        guard step.hasPrefix(factor.id + " ") else { return false }
        let rest = step.dropFirst(factor.id.count + 1)
        if rest == "in force since \(factor.inForceFrom)" { return true }
        if let published = factor.published, rest.hasPrefix("announced \(published), not in force on ") { return true }
        return false
    }

    static func plainIsLatestEvent(_ text: Substring, _ factor: RiskFactor) -> Bool {
        guard text.hasPrefix("latest: ") else { return false }
        return factor.events.contains { text == "latest: \($0.what.lowercasedFirst) (\($0.when))" }
    }

    /// Each finding's headline and path steps, with its factor's texts held by the run's
    /// catalog (shared by two threads), are what texts made for it alone give; the held texts
    /// answer every step (and a step of each factor's own "latest" and dates) as the plain
    /// `hasPrefix` reading does.
    @Test func factorTextsHeldForTheRunAnswerAsTextsMadeEachTime() {
        let result = Self.checked
        let context = result.context
        let reporter = MarkdownReporter()
        let findings = Array(result.findings)
        let withFactor = findings.filter { $0.factors.contains { context.factors.factor($0) != nil } }
        #expect(withFactor.count > 100)
        let counts = Self.onTwoThreadsCount { _ in
            var compared = 0
            for finding in withFactor {
                guard let factor = finding.factors.lazy.compactMap({ context.factors.factor($0) }).first else { continue }
                let held = context.factors.headlineTexts.texts(of: factor)
                #expect(held === context.factors.headlineTexts.texts(of: factor))
                let fresh = MarkdownReporter.FactorTexts(factor)
                let pieces = MarkdownReporter.steps(finding)
                #expect(reporter.shown(finding, pieces, held) == reporter.shown(finding, pieces, fresh))
                var steps = pieces
                steps += factor.events.map { "\(factor.id): latest: \($0.what.lowercasedFirst) (\($0.when))" }
                steps += ["\(factor.id) in force since \(factor.inForceFrom)", "\(factor.id): latest: ", "\(factor.id)", "latest: x"]
                if let published = factor.published { steps.append("\(factor.id) announced \(published), not in force on 2020-09-30") }
                for step in steps {
                    #expect(held.profileStates(step) == Self.plainProfileStates(step, factor), "\(step)")
                    #expect(held.isLatestEvent(Substring(step)) == Self.plainIsLatestEvent(Substring(step), factor), "\(step)")
                    compared += 1
                }
            }
            return compared
        }
        #expect(counts[0] > 1_000 && counts[0] == counts[1])
    }

    /// Another factor of the same id is not answered with texts made of the first.
    @Test func factorTextsAreHeldForTheFactorTheyWereMadeOf() throws {
        let context = Self.checked.context
        let factor = try #require(Self.checked.findings.lazy.flatMap(\.factors).compactMap { context.factors.factor($0) }.first)
        let memo = MarkdownReporter.FactorTextsMemo()
        let first = memo.texts(of: factor)
        #expect(first.titleInParentheses == " (\(factor.title))")
        var other = factor
        other.title += " (renamed)"
        let second = memo.texts(of: other)
        #expect(second !== first)
        #expect(second.titleInParentheses == " (\(other.title))")
        #expect(memo.texts(of: other) === second)
        #expect(memo.texts(of: factor).titleInParentheses == first.titleInParentheses)
    }

    // MARK: Companies looked up

    /// Each finding's company looked up by its file is the one a walk over the policies finds
    /// (the first policy of the file): for every finding of the real inputs, for a file no
    /// policy has, and with a file's policies repeated (the first one's company wins).
    @Test func aCompanyLookedUpIsTheOneAWalkFinds() throws {
        let reporter = MarkdownReporter()
        let result = Self.checked
        let twice = TestData.check(result.checkedPolicies + result.checkedPolicies.reversed(), failOn: .high)
        for checked in [result, twice] {
            let summary = checked.summary
            let companies = reporter.companies(summary)
            #expect(companies.count == Set(summary.policies.map(\.policy.file)).count)
            var briefs = checked.findings.map { FindingSummary.Brief($0, place: 0) }
            #expect(briefs.count > 100)
            var unknown = try #require(briefs.first)
            unknown.policy = "no-such-policy.yaml"
            briefs.append(unknown)
            for brief in briefs {
                #expect(reporter.company(of: brief, in: companies) == reporter.company(of: brief, summary))
            }
        }
    }

    // MARK: Eight bytes at a time

    /// `String.isPlain` as it was: a scalar at a time.
    static func plainAtATime(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    guard lead >= 0x20, lead != 0x7F else { return false }
                    index += 1
                    continue
                }
                let length = lead >= 0xE0 ? 3 : 2
                guard lead >= 0xC2, lead < 0xF0, index + length <= bytes.count else { return false }
                var scalar = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
                for offset in 1..<length {
                    let byte = bytes[index + offset]
                    guard byte & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                guard String.isPlainScalar(scalar) else { return false }
                index += length
            }
            return true
        }
    }

    /// The findings' texts, and each with a byte or letter of another kind put in at every
    /// offset of its first 20 bytes (controls, DEL, the edges of printable ASCII, a soft hyphen,
    /// a combining mark, two- and three-byte letters, an emoji): plain exactly when plain a
    /// scalar at a time; and, when ASCII, lowered as a byte at a time and as `lowercased()`.
    @Test func plainAndLoweredTextsReadEightBytesAtATime() {
        let texts = Array(Set(Self.texts)).sorted()
        #expect(texts.count > 300)
        let inserts = ["\u{0}", "\t", "\n", "\u{1F}", " ", "~", "\u{7F}", "\u{AD}", "\u{301}", "é", "Ж", "→", "\u{2028}", "😀", "A", "Z", "@", "[", "`", "{"]
        Self.onTwoThreads { _ in
            var mutated = texts
            for text in texts.prefix(400) {
                let scalars = Array(text.unicodeScalars)
                for offset in 0...min(20, scalars.count) {
                    for insert in inserts {
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: scalars[..<offset])
                        view.append(contentsOf: insert.unicodeScalars)
                        view.append(contentsOf: scalars[offset...])
                        mutated.append(String(view))
                    }
                }
            }
            for length in 0...40 { mutated.append(String(repeating: "aB", count: length)) }
            for text in mutated {
                #expect(String.isPlain(text) == Self.plainAtATime(text), "\(text.debugDescription)")
                // An ASCII text is lowered on its bytes (eight at a time): as a byte at a time, and as `lowercased()`.
                guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                let lowered = text.lowercasedKeepingASCII()
                #expect(Array(lowered.utf8) == text.utf8.map(String.lowerASCII), "\(text.debugDescription)")
                #expect(lowered == text.lowercased(), "\(text.debugDescription)")
            }
        }
    }

    /// Every byte value at every place of a word, with printable ASCII around it: the word
    /// tests answer as the byte tests do, byte for byte.
    @Test func wordTestsAnswerAsByteTests() {
        var generator = SystemRandomNumberGenerator()
        for place in 0..<8 {
            for value in 0...255 {
                for _ in 0..<4 {
                    var bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                    bytes[place] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(String.isPrintableASCII(word) == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
                    guard bytes.allSatisfy({ $0 < 0x80 }) else { continue }
                    let lowered = withUnsafeBytes(of: String.lowerASCII(word: word)) { Array($0) }
                    #expect(lowered == bytes.map(String.lowerASCII))
                }
            }
        }
    }
}
