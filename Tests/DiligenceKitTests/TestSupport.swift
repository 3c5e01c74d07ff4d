import Foundation
import Testing

@testable import DiligenceKit

/// Paths and shared data for the unit tests.
enum TestData {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The shipped seeds, loaded once.
    static let workspace: Workspace = {
        do {
            return try Workspace.load(databasePath: root.appendingPathComponent("seeds").path)
        } catch {
            fatalError("seeds do not load: \(error)")
        }
    }()

    /// The date the seeds describe: the end of September 2020.
    static let asOf = Day(iso: "2020-09-30")!

    /// Loads a policy from YAML text (the file name is `test.yaml`).
    static func policy(_ yaml: String, file: String = "test.yaml") throws(InputError) -> Policy {
        try workspace.policyLoader.load(bytes: Array(yaml.utf8), file: file)
    }

    /// The diagnostics a YAML text produces (empty when it loads).
    static func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try policy(yaml)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Checks a policy given as YAML text.
    static func check(_ yaml: String, asOf: Day = TestData.asOf, failOn: Severity? = .high) throws -> CheckResult {
        let policy = try policy(yaml)
        return Checker(database: workspace.database, vocabularies: workspace.vocabularies)
            .check([policy], options: CheckOptions(asOf: asOf, failOn: failOn))
    }

    /// Findings of one rule for a policy given as YAML text.
    static func findings(_ rule: RuleID, _ yaml: String, asOf: Day = TestData.asOf) throws -> [Finding] {
        try check(yaml, asOf: asOf).findings.filter { $0.rule == rule }
    }
}

extension TestData {
    /// Reads YAML text with the policy limits (or others), as the policy loader does.
    static func read(_ yaml: String, limits: YAMLLimits = .policy) throws(InputError) -> YAMLNode? {
        try YAMLReader.read(Array(yaml.utf8), file: "test.yaml", limits: limits)
    }

    /// Reads raw bytes (for encoding tests).
    static func read(bytes: [UInt8], limits: YAMLLimits = .policy) throws(InputError) -> YAMLNode? {
        try YAMLReader.read(bytes, file: "test.yaml", limits: limits)
    }

    /// The diagnostics reading raw bytes produces (empty when they read).
    static func readProblems(_ bytes: [UInt8], limits: YAMLLimits = .policy) -> [Diagnostic] {
        do {
            _ = try read(bytes: bytes, limits: limits)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A policy checked as of `asOf`, as a `CheckResult` of several policies.
    static func check(_ policies: [Policy], asOf: Day = TestData.asOf, failOn: Severity? = .high) -> CheckResult {
        Checker(database: workspace.database, vocabularies: workspace.vocabularies)
            .check(policies, options: CheckOptions(asOf: asOf, failOn: failOn))
    }

    /// `version: 1` and `company:` followed by `body`: lines of `body` start at line 3.
    static func minimal(_ body: String, company: String = "Acme Ltd") -> String {
        "version: 1\ncompany: \(company)\n" + body
    }
}

extension YAMLNode {
    /// The value of `key` in a mapping node.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    /// The items of a sequence node.
    var items: [YAMLNode] {
        if case .sequence(let items) = content { return items }
        return []
    }

    var style: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }
}

extension Coordinate {
    /// The point `km` away on the initial `bearing` (degrees clockwise from north), on a sphere.
    func moved(km: Double, bearing: Double) -> Coordinate {
        let δ = km / Coordinate.earthRadiusKm
        let θ = bearing * .pi / 180
        let φ1 = lat * .pi / 180, λ1 = lon * .pi / 180
        let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
        let λ2 = λ1 + atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
        return Coordinate(lat: φ2 * 180 / .pi, lon: λ2 * 180 / .pi)
    }
}

/// A small deterministic generator (SplitMix64) for the randomised tests, so that a failure
/// reproduces from its seed.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A value in `0..<1`, from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension NameScreener {
    /// Screens every name with this screener and with `general` (the path a fast one replaces) at
    /// 0.50 and 0.70, expects the same answers and the same "had candidates", and hands each name
    /// and threshold to `each` (for what a round's test counts or checks beyond that).
    func expectSameAnswers(
        as general: NameScreener, names: [String], each: (String, Double) -> Void = { _, _ in }
    ) {
        for threshold in [0.50, 0.70] {
            var fastScratch = Scratch(names: index.nameCount, vocabulary: index.vocabularyCount)
            var generalScratch = Scratch(names: general.index.nameCount, vocabulary: general.index.vocabularyCount)
            for name in names {
                let query = ScreeningQuery(name)
                var fastHad = false, generalHad = false
                let answer = screen(query, threshold: threshold, scratch: &fastScratch, hadCandidates: &fastHad)
                let expected = general.screen(query, threshold: threshold, scratch: &generalScratch, hadCandidates: &generalHad)
                #expect(answer == expected, "\(name) at \(threshold)")
                #expect(fastHad == generalHad, "\(name) at \(threshold)")
                each(name, threshold)
            }
        }
    }
}
