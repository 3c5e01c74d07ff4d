import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-first round (`speed31`) changed must behave as before: a finding holds its
/// fields in one storage object copied on write (`FindingStorage`), and the rules write their
/// messages and path lines in one piece (`JoinedText`). Checked on the shipped policies and on
/// files of the heavy and moderate portfolios (`Fixtures/portfolio`, copied from
/// `benchmarks/portfolio/generate.py`'s output).
@Suite struct RulesTwentyFirstRoundTests {
    /// The finding as it was: a struct of stored fields, encoded by the synthesized `Codable`
    /// with the same keys (the exposure and binding, boxed before, encode as their values).
    struct PlainFinding: Encodable {
        var rule: RuleID
        var severity: Severity
        var location: DiligenceKit.SourceLocation
        var subject: String
        var subjectKind: SubjectKind
        var subjectName: String
        var factors: [String]
        var message: String
        var path: [String]
        var exposure: Exposure?
        var binding: Binding?
        var evidence: [Evidence]
        var recommendations: [String]
        var accepted: Acceptance?
        var identityFactor: String?

        init(_ finding: Finding) {
            rule = finding.rule
            severity = finding.severity
            location = finding.location
            subject = finding.subject
            subjectKind = finding.subjectKind
            subjectName = finding.subjectName
            factors = finding.factors
            message = finding.message
            path = finding.path
            exposure = finding.exposure
            binding = finding.binding
            evidence = finding.evidence
            recommendations = finding.recommendations
            accepted = finding.accepted
            identityFactor = finding.identityFactor
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// The shipped policies, the example and the portfolio files.
    static func policies() throws -> [Policy] {
        let folder = TestData.root.appendingPathComponent("policies")
        var paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        paths.append(TestData.root.appendingPathComponent("examples/minsk.yaml").path)
        let portfolio = TestData.fixtures.appendingPathComponent("portfolio")
        paths += try FileManager.default.contentsOfDirectory(atPath: portfolio.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { portfolio.appendingPathComponent($0).path }
        return try paths.map { try TestData.workspace.policyLoader.load(path: $0) }.sorted { $0.file < $1.file }
    }

    /// Every finding of the real inputs, with acceptances applied.
    static func findings() throws -> [Finding] {
        Array(TestData.check(try policies(), failOn: .high).findings)
    }

    /// Each finding reads, encodes, decodes, compares and hashes as the struct of stored fields
    /// it was; rebuilt by the initialiser and its setters, it is equal again.
    @Test func findingsAreTheirFields() throws {
        let policies = try Self.policies()
        let byFile = Dictionary(policies.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let findings = Array(TestData.check(policies, failOn: .high).findings)
        #expect(findings.count > 100)
        #expect(findings.contains { $0.exposure != nil } && findings.contains { $0.binding != nil } && findings.contains { $0.accepted != nil })
        let rules = Set(findings.map(\.rule))
        #expect(rules.count >= 10)
        for finding in findings {
            let id = finding.identity.description
            // The encoding is the old one, key for key.
            #expect(try Self.json(finding) == Self.json(PlainFinding(finding)), "\(id)")
            #expect(try Self.json(finding) == Self.json(finding.fields), "\(id)")
            let decoded = try JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(finding))
            #expect(decoded == finding, "\(id)")
            #expect(decoded.hashValue == finding.hashValue, "\(id)")
            #expect(decoded.fields == finding.fields, "\(id)")
            // Every accessor reads its own field.
            let fields = finding.fields
            #expect(finding.policy == fields.location.file && finding.line == fields.location.line && finding.column == fields.location.column)
            #expect(finding.message == fields.message && finding.path == fields.path && finding.subjectName == fields.subjectName)
            // Built again field by field, through the initialiser and the setters.
            var rebuilt = Finding(
                rule: finding.rule, severity: finding.severity, policy: try #require(byFile[finding.policy]),
                mark: Mark(line: finding.line, column: finding.column), subject: finding.subject, subjectKind: finding.subjectKind,
                subjectName: finding.subjectName, factor: nil, message: finding.message, path: finding.path, exposure: finding.exposure,
                evidence: finding.evidence, recommendations: finding.recommendations)
            #expect(rebuilt != finding || (finding.factors.isEmpty && finding.identityFactor == nil && finding.binding == nil && finding.accepted == nil))
            rebuilt.factors = finding.factors
            rebuilt.identityFactor = finding.identityFactor
            rebuilt.binding = finding.binding
            rebuilt.accepted = finding.accepted
            #expect(rebuilt == finding, "\(id)")
            #expect(rebuilt.hashValue == finding.hashValue, "\(id)")
            #expect(!(rebuilt < finding) && !(finding < rebuilt), "\(id)")
        }
        // The order is the one of the fields (file, line, column, rule, identity).
        let sorted = findings.sorted()
        #expect(sorted == findings.sorted { PlainOrder($0) < PlainOrder($1) })
    }

    /// `Finding.<` written on the plain fields.
    struct PlainOrder: Comparable {
        var file: String
        var line: Int
        var column: Int
        var rule: RuleID
        var identity: String

        init(_ finding: Finding) {
            (file, line, column, rule, identity) = (finding.policy, finding.line, finding.column, finding.rule, finding.identity.description)
        }

        static func < (a: PlainOrder, b: PlainOrder) -> Bool {
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.identity < b.identity
        }
    }

    /// A copy changed field by field leaves the original as it was, and the original changed
    /// after the copy leaves the copy; set back, they are equal again.
    @Test func aFindingsCopyChangesAlone() throws {
        let findings = try Self.findings()
        let original = try #require(findings.first { $0.exposure != nil && $0.binding == nil })
        let before = try Self.json(original)
        var copy = original
        copy.severity = original.severity == .critical ? .info : .critical
        copy.message += " (changed)"
        copy.path.append("another line")
        copy.evidence.removeAll()
        copy.recommendations = ["none"]
        copy.factors.append("X")
        copy.identityFactor = "X"
        copy.subject += "-2"
        copy.subjectName = "Another"
        copy.policy = "other.yaml"
        copy.line += 1
        copy.column += 1
        copy.binding = try #require(findings.first { $0.binding != nil }?.binding)
        copy.exposure = nil
        copy.accepted = Acceptance(reason: "r", approvedBy: "a", expires: TestData.asOf, line: 3)
        #expect(try Self.json(original) == before)
        #expect(copy != original)
        #expect(copy.message == original.message + " (changed)")
        #expect(copy.path.count == original.path.count + 1)
        #expect(copy.location == DiligenceKit.SourceLocation(file: "other.yaml", line: original.line + 1, column: original.column + 1))
        #expect(original.exposure != nil && original.binding == nil && original.accepted == nil)
        // The original changed after a copy: the copy keeps what it had.
        var changed = original
        let kept = changed
        changed.message = "changed"
        changed.exposure = nil
        #expect(kept == original && kept.message == original.message && kept.exposure == original.exposure)
        #expect(changed.message == "changed" && changed.exposure == nil)
        // Set back, equal again.
        changed.message = original.message
        changed.exposure = original.exposure
        #expect(changed == original)
        #expect(changed.hashValue == original.hashValue)
        #expect(try Self.json(changed) == before)
    }

    /// Findings made and changed on several threads at once: the same findings as one thread
    /// makes, and each thread's copies of one finding change alone.
    @Test func findingsFromTwoThreads() throws {
        let policies = try Self.policies()
        let expected = try Self.findings()
        let checker = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
        let options = CheckOptions(asOf: TestData.asOf, failOn: .high)
        let results = Locked<[Int: [Finding]]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let made = policies.flatMap { checker.check($0, options: options).findings }
            results.update { $0[thread] = made }
        }
        let both = results.value
        #expect(both.count == 2)
        for thread in 0..<2 {
            #expect(both[thread] == expected, "thread \(thread)")
            #expect(try Self.json(both[thread] ?? []) == Self.json(expected), "thread \(thread)")
        }
        // One finding shared by eight threads, each changing its own copy.
        let shared = try #require(expected.first)
        let copies = Locked<[Int: Finding]>([:])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            var copy = shared
            for step in 0..<100 {
                copy.message = shared.message + " \(index)-\(step)"
                copy.path.append(String(step))
            }
            copies.update { $0[index] = copy }
        }
        #expect(shared == expected[0])
        for index in 0..<8 {
            let copy = try #require(copies.value[index])
            #expect(copy.message == shared.message + " \(index)-99")
            #expect(copy.path == shared.path + (0..<100).map(String.init))
        }
    }

    /// `JoinedText.of` writes the bytes `joined()` writes, on every text of the real inputs'
    /// findings and on texts whose joins could change them (combining marks after a part,
    /// emoji, Cyrillic, Chinese, empty parts, texts of 15 and 16 bytes around the small-string
    /// limit).
    @Test func joinedTextIsJoined() throws {
        let findings = try Self.findings()
        var texts: [String] = []
        for finding in findings {
            texts += [finding.message, finding.subjectName, finding.subject] + finding.path + finding.recommendations
        }
        texts += [
            "", "e", "\u{301}", "é", "e\u{301}", "🇲🇿", "\u{1F1F2}", "\u{1F1FF}", "Мінск", "й", "и\u{306}", "北京", "≤ 25 km", "→",
            "123456789012345", "1234567890123456", "a\u{0}b", "\r", "\n", "\r\n", "«Уралпромтелеком»",
        ]
        #expect(texts.count > 2_000)
        var checked = 0
        for (index, text) in texts.enumerated() {
            let others = [texts[(index * 7 + 3) % texts.count], texts[(index * 13 + 5) % texts.count]]
            for parts in [[text], [text, others[0]], [others[0], text, others[1]], ["", text, ""], [text, "\u{301}", text], []] {
                let joined = JoinedText.of(parts)
                #expect(Array(joined.utf8) == Array(parts.joined().utf8), "\(parts)")
                #expect(joined == parts.joined())
                checked += 1
            }
        }
        #expect(checked == texts.count * 6)
        #expect(JoinedText.of("a", "\u{301}", "b") == "a\u{301}b")
        #expect(Array(JoinedText.of("🇲", "🇿").utf8) == Array("🇲🇿".utf8))
    }
}

/// A value behind a lock, for results gathered from several threads.
private final class Locked<Value: Sendable>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) {
        stored = value
    }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
