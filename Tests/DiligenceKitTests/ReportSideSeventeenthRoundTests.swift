import Foundation
import Testing

@testable import DiligenceKit

/// The seventeenth round's cheaper JSON writer (docs/performance.md, "Seventeenth round: the
/// report side (speed20)") writes what it wrote: numbers of a few decimals from their digits
/// as `description` spells them, and bytes through `ByteAppender` as through an array.
@Suite struct ReportSideSeventeenthRoundTests {
    /// The text the writer makes of a number that is not whole (`nil`: it asks `description`).
    static func shortText(_ value: Double) -> String? {
        guard let decimal = JSONWriter.shortDecimal(value) else { return nil }
        var bytes = ByteAppender()
        bytes.write(atMost: 24) { DecimalText.write(decimal.digits, places: decimal.places, to: $0) }
        return String(decoding: bytes.take(), as: UTF8.self)
    }

    /// Every coordinate of the shipped gazetteer, seeds, examples and policies, and numbers of
    /// one to fifteen places at every magnitude from 0.001 to 10^13 (random, negative too),
    /// random four-place coordinates, random bit patterns and the edges: the short text is
    /// `description`'s wherever there is one, and there is one for every coordinate.
    @Test func shortDecimalsAreTheirDescription() throws {
        var coordinates: [Double] = []
        let gazetteer = try String(contentsOf: TestData.root.appendingPathComponent("Sources/DiligenceKit/Resources/gazetteer/cities.tsv"), encoding: .utf8)
        for line in gazetteer.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count > 4 else { continue }
            for field in fields[3...4] { if let value = Double(field) { coordinates.append(value) } }
        }
        for folder in ["seeds", "examples", "policies"] {
            let root = TestData.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "yaml", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                for match in text.matches(of: /(?:lat|lon): (-?[0-9]+\.[0-9]+)/) {
                    if let value = Double(match.1) { coordinates.append(value) }
                }
            }
        }
        #expect(coordinates.count > 7_000)
        var generator = SplitMix64(state: 1_017)
        for _ in 0..<40_000 {
            let tenThousandths = Int(generator.next() % 3_600_000) - 1_800_000
            coordinates.append(Double(tenThousandths) / 10_000)
        }
        for value in coordinates where value.rounded() != value {
            let text = Self.shortText(value)
            #expect(text == "\(value)", "\(value)")
        }
        var others: [Double] = [
            0.001, -0.001, 0.0011, 0.000999, 0.0001, 1e-5, 0.1 + 0.2, 1.0 / 3, -2.0 / 3, 9.999_999_999_999_998, 0.999_999_999_999_999_9,
            1e13 - 0.5, 1e13 - 0.1, 9_999_999_999_999.9, 123_456_789_012.345, 0.5, 2.5, 1e13, 1e15 + 0.5, .pi, -.pi, .nan, .infinity,
            -.infinity, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.0, -0.0, 5e-324, 0.1, 0.7, 4.35, 80.845,
        ]
        var scale = 1.0
        for places in 1...15 {
            scale *= 10
            for magnitude in -3...13 {
                for _ in 0..<60 {
                    let bound = pow(10.0, Double(magnitude)) * scale
                    guard bound >= 10, bound < 9e15 else { continue }
                    let digits = Double(generator.next() % UInt64(bound))
                    others.append((generator.next() % 2 == 0 ? 1 : -1) * digits / scale)
                }
            }
        }
        for _ in 0..<20_000 { others.append(Double(bitPattern: generator.next())) }
        var written = 0
        for value in others {
            guard let text = Self.shortText(value) else { continue }
            written += 1
            #expect(text == "\(value)", "\(value)")
        }
        #expect(written > 8_000)
        #expect(Self.shortText(0.0009) == nil && Self.shortText(1e13 + 0.5) == nil && Self.shortText(2.0) == nil)
        // Through the writer, as `JSONEncoder` writes the array (whole numbers, other values too).
        let sample = Array(coordinates.prefix(3_000)) + others.filter(\.isFinite).filter { $0 != 0 }.prefix(3_000)
        #expect(JSONStreamEncoder.text(of: sample) == JSONReporter.encoderText(of: sample))
    }

    /// The tenths the fifteenth round wrote are the short decimals of one place.
    @Test func tenthsAreShortDecimalsOfOnePlace() {
        for tenths in stride(from: -100_000, through: 100_000, by: 7) where tenths % 10 != 0 {
            let value = Double(tenths) / 10
            #expect(JSONWriter.tenths(value) == tenths)
        }
        #expect(JSONWriter.tenths(0.25) == nil && JSONWriter.tenths(3.0) == nil)
    }

    /// `DecimalText.write` spells integers as `String(_:)` and points them as a division would.
    @Test func decimalTextWritesDigitsAndPoints() {
        var generator = SplitMix64(state: 17)
        var values = [0, 1, -1, 9, 10, -10, Int.max, Int.min, 1_000_000, -5]
        for _ in 0..<2_000 { values.append(Int(bitPattern: UInt(generator.next())) >> Int(generator.next() % 63)) }
        for value in values {
            for places in 0...18 {
                var bytes = ByteAppender()
                bytes.write(atMost: 24) { DecimalText.write(value, places: places, to: $0) }
                let text = String(decoding: bytes.take(), as: UTF8.self)
                var digits = String(value.magnitude)
                if places > 0 {
                    digits = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
                    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
                }
                #expect(text == (value < 0 ? "-" : "") + digits, "\(value) \(places)")
            }
        }
    }

    /// Random appends of bytes, runs and written spans, across the appender's growth, hand
    /// over what an array given the same appends holds; taken, it starts again empty.
    @Test func byteAppenderHoldsWhatAnArrayWould() {
        var generator = SplitMix64(state: 20)
        for round in 0..<40 {
            var appender = ByteAppender()
            if round % 3 == 0 { appender.reserveCapacity(Int(generator.next() % 1_000)) }
            var expected: [UInt8] = []
            for _ in 0..<Int(generator.next() % 2_000) {
                switch generator.next() % 3 {
                case 0:
                    let byte = UInt8(truncatingIfNeeded: generator.next())
                    appender.append(byte)
                    expected.append(byte)
                case 1:
                    let run = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                    run.withUnsafeBufferPointer { appender.append(contentsOf: $0) }
                    expected += run
                default:
                    let limit = Int(generator.next() % 40)
                    let used = limit == 0 ? 0 : Int(generator.next() % UInt64(limit + 1))
                    let run = (0..<used).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                    appender.write(atMost: limit) { target in
                        run.withUnsafeBytes { if let base = $0.baseAddress { target.copyMemory(from: base, byteCount: used) } }
                        return used
                    }
                    expected += run
                }
                #expect(appender.count == expected.count)
            }
            if round % 2 == 0 {
                #expect(appender.take() == expected)
            } else {
                #expect(appender.takeText() == String(decoding: expected, as: UTF8.self))
            }
            #expect(appender.count == 0 && appender.take().isEmpty)
        }
    }

    /// The shipped policies' findings (`JSONWriterTests.shipped()`), and copies of them with what those leave empty or equal
    /// filled in or made to differ: an acceptance, another subject name, no factors, an identity
    /// of another factor, recommendations, an exposure (made where there is none) of another
    /// rule, severity, subject and reference, with uncited events, an area edge, a location and
    /// steps; some with keys whose events are not the exposure's (the events then keyed anew).
    static func directFindings() throws -> (findings: [Finding], keys: [FindingTableKeys]) {
        let checked = Array(try JSONWriterTests.shipped().findings)
        var findings = checked
        for (index, original) in checked.enumerated() {
            var finding = original
            if index % 3 == 0 { finding.accepted = Acceptance(reason: "known \\ risk", approvedBy: "CRO", expires: TestData.asOf, line: index) }
            if index % 2 == 1 { finding.subjectName = "Name \u{2028} \(index)" }
            if index % 5 == 0 { finding.factors = [] }
            if index % 7 == 0 { finding.identityFactor = "other-factor" }
            if index % 2 == 1 { finding.recommendations = ["do \"this\"", "then that"] }
            var exposure = finding.exposure ?? Exposure(subject: finding.subject, location: nil, rule: finding.rule, severity: finding.severity)
            if index % 4 != 0 {
                exposure.reference = index % 3 == 0 ? Optional(TestData.asOf) : Day(iso: "2019-01-01")
                exposure.eventsNotCited = index % 3
                exposure.severity = index % 2 == 0 ? .info : finding.severity
                exposure.rule = index % 3 == 0 ? "travel" : finding.rule
                exposure.subject = index % 5 == 1 ? "elsewhere" : finding.subject
                exposure.areaEdgeKm = -0.54
                exposure.distanceKm = 12.345
                exposure.location = Coordinate(lat: -12.345678, lon: 40.5 + Double(index) / 10_000)
                exposure.steps = [Exposure.Step(levels: 1, reason: "a named target"), Exposure.Step(levels: 0, reason: "capped")]
                exposure.target = "Port \(index)"
                finding.exposure = exposure
            }
            findings.append(finding)
        }
        var keys = findings.map(FindingTableKeys.init)
        for index in keys.indices where index % 6 == 5 { keys[index].events = [] }
        return (findings, keys)
    }

    /// Schema 4's findings written from each finding and its keys (`JSONReportV4.write`) are the
    /// bytes and holes of their entries (`JSONFinding` with holes, written by `write(to:)`: the
    /// section made without keys), under the plain options, a baseline, a comparison with an
    /// earlier day and no gate.
    @Test func findingsWrittenFromTheirKeysAreTheirEntries() throws {
        let (findings, keys) = try Self.directFindings()
        let policies = try ChangeComparisonTests.policies()
        let plain = CheckOptions(asOf: TestData.asOf)
        var withBaseline = plain
        withBaseline.baseline = Baseline(
            file: "baseline.json", asOf: "2020-06-30",
            entries: findings.enumerated().filter { $0.offset % 2 == 0 }.map {
                Baseline.Entry(policy: $1.policy, id: $1.identity.description, rule: $1.rule, severity: $1.severity.name, message: $1.message)
            })
        var compared = plain
        compared.comparison = ChangeComparison.compare(
            policies, current: ChangeComparisonTests.checker, previous: ChangeComparisonTests.checker, options: plain,
            previousAsOf: try #require(Day(iso: "2020-07-31")))
        var ungated = plain
        ungated.failOn = nil
        var texts = ""
        for (number, options) in [plain, withBaseline, compared, ungated].enumerated() {
            let asOf = TestData.asOf.description
            let direct = JSONReportV4.section(of: findings, keys: keys, options: options, policy: number, asOf: asOf)
            let general = JSONReportV4.section(of: findings, options: options, policy: number, asOf: asOf)
            #expect(direct.byteCount == general.byteCount)
            #expect(direct.places == general.places)
            let text = direct.text(Citations())
            #expect(text == general.text(Citations()))
            texts += text
        }
        for member in [
            "\"accepted\":{", "\"baseline\":\"new\"", "\"baseline\":\"unchanged\"", "\"caused_by\":[", "\"change\":\"", "\"gate\":\"pass\"",
            "\"gate\":\"fail\"", "\"id\":\"", "\"subject_name\":\"", "\"events_not_cited\":", "\"reference\":\"2019-01-01\"", "\"severity\":\"info\"",
            "\"rule\":\"travel\"", "\"subject\":\"elsewhere\"", "\"steps\":[{", "\"location\":{\"lat\":-12.345678,", "\"area_edge_km\":-0.5",
            "\"binding\":-1", "\"evidence\":-1", "\"recommendations\":-1", "\"event\":-1", "\"target\":\"Port",
        ] {
            #expect(texts.contains(member), "\(member)")
        }
        #expect(findings.count > 100)
    }
}
